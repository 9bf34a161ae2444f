"""Reading one table cell as a number, noting separator slips as findings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Finding
from ..numbers import CellValue, parse_cell
from ..numbers.columns import role_for
from ..text.headers import header_words

# A space inside a number ("17, 66"): read as 17,66, noted as a slip.
_SPACED = re.compile(r"\d[,.]\s+\d")

# More slips than this in one column are one finding for the column (a sheet
# or an appendix written throughout with the decimal point).
PER_CELL_LIMIT = 10


@dataclass
class _Slip:
    cell: CellValue
    row: int | None
    unit: str | None
    column: str | None
    page: int | None
    label: str | None = None


@dataclass
class CellReader:
    """Parses cells of one table; a number written with the wrong separator
    (``8.32`` for 8,32) keeps its decimal value and leaves a NUMBER_FORMAT
    warning naming the unit, the column and the text as written."""

    table: int
    per_cell: bool = False  # True: one finding per cell (up to PER_CELL_LIMIT), else per column
    # Separator convention per raw column index (see :mod:`.columns`).
    conventions: dict = field(default_factory=dict)
    # The header as written per raw column index: what a message names.
    names: dict = field(default_factory=dict)
    _slips: dict = field(default_factory=dict)
    _notes: list = field(default_factory=list)

    def note(self, finding: Finding) -> None:
        """Another observation made while reading the table."""
        self._notes.append(finding)

    def read(self, text: str | None, role: str = "score", *, row: int | None = None, unit: str | None = None,
             column: str | None = None, page: int | None = None, label: str | None = None,
             col: int | None = None) -> CellValue | None:
        """``column`` is the key a finding names; ``label`` (the header as
        written) is what its message shows, when it differs; ``col`` the raw
        column, whose separator convention reads the cell."""
        if col is not None and col in self.conventions:
            role = role_for(text or "", self.conventions[col], role)
        cell = parse_cell(text, role)
        if cell is not None and (cell.wrong_separator or (cell.is_number and _SPACED.search(cell.text))):
            name = label or header_words(self.names.get(col), column) or column
            self._slips.setdefault(column, []).append(_Slip(cell, row, unit, column, page, name))
        return cell

    @property
    def findings(self) -> list[Finding]:
        out = list(self._notes)
        for column, slips in self._slips.items():
            if len(slips) == 1 or (self.per_cell and len(slips) <= PER_CELL_LIMIT):
                out.extend(_cell_finding(self.table, s) for s in slips)
            else:
                out.append(_column_finding(self.table, column, slips))
        return out


def _cell_finding(table: int, s: _Slip) -> Finding:
    text, expected = s.cell.text.strip(), s.cell.vi()
    where = f" ({s.unit}, cột {s.label})" if s.unit else f" (cột {s.label})"
    return Finding(code="NUMBER_FORMAT", severity="warning", table=table, row=s.row, unit=s.unit, column=s.column,
                   reported=text, expected=expected, page=s.page,
                   message=f"Số “{text}”{where} không viết theo định dạng Việt Nam; nên viết “{expected}”")


def _column_finding(table: int, column: str | None, slips: list[_Slip]) -> Finding:
    first = slips[0]
    text, expected = _number(first.cell.text), first.cell.vi()
    where = "; ".join(f"{_short(s.unit)}: “{_number(s.cell.text)}”" for s in slips[:3] if s.unit)
    more = f" và {len(slips) - 3} chỗ khác" if len(slips) > 3 and where else ""
    return Finding(code="NUMBER_FORMAT", severity="warning", table=table, column=column, reported=text,
                   expected=expected, page=first.page,
                   message=f"{len(slips)} số ở cột “{first.label}” không viết theo định dạng Việt Nam "
                           f"(ví dụ “{text}”, nên viết “{expected}”" + (f"; {where}{more}" if where else "") + ")")


def _short(text: str | None, limit: int = 40) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _number(text: str) -> str:
    """The number a cell writes, never a whole cell of words."""
    t = " ".join(text.split())
    return t if len(t) <= 24 else t[:23] + "…"


