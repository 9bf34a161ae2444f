"""Reading one table cell as a number, noting separator slips as findings."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Finding
from ..numbers import CellValue, format_vi, parse_cell


@dataclass
class CellReader:
    """Parses cells of one table; a number written with the wrong separator
    (``8.32`` for 8,32) keeps its decimal value and leaves a NUMBER_FORMAT
    warning naming the unit, the column and the text as written."""

    table: int
    findings: list[Finding] = field(default_factory=list)
    per_cell: bool = True  # False: one finding per column (long data tables)
    _seen_columns: set = field(default_factory=set)

    def read(self, text: str | None, role: str = "score", *, row: int | None = None, unit: str | None = None,
             column: str | None = None, page: int | None = None) -> CellValue | None:
        cell = parse_cell(text, role)
        if cell is not None and cell.wrong_separator:
            self._note(cell, row, unit, column, page)
        return cell

    def _note(self, cell: CellValue, row, unit, column, page) -> None:
        if not self.per_cell:
            if column in self._seen_columns:
                return
            self._seen_columns.add(column)
        expected = _vi(cell)
        where = f" ({unit}, cột {column})" if unit and self.per_cell else f" (cột {column})"
        self.findings.append(Finding(
            code="NUMBER_FORMAT", severity="warning", table=self.table, row=row if self.per_cell else None,
            unit=unit if self.per_cell else None, column=column, reported=cell.text.strip(), expected=expected,
            page=page,
            message=f"Số “{cell.text.strip()}”{where} không viết theo định dạng Việt Nam; nên viết “{expected}”"
                    + ("" if self.per_cell else " (và các ô khác trong cột)")))


def _vi(cell: CellValue) -> str:
    text = format_vi(cell.value)
    if cell.denominator is not None:
        text += "/" + format_vi(cell.denominator)
    if cell.percent_sign:
        text += "%"
    return text
