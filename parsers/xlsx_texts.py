"""A workbook as rows of cell texts, as a spreadsheet program would give
them: for readers that match a score sheet's columns by their text
(``draft``'s inputs, :mod:`reportgen.read.score_sheet`).

Read through the same streamed package as the XLSX reader
(:mod:`parsers.xlsx_package`), within the same limits; unlike that reader it
keeps no exact displayed value, only the text.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportgen.raw import UnreadableInput

from .limits import check_count, limits_of
from .ooxml import open_checked_zip
from .xlsx_package import BROKEN, Package


def sheet_texts(path, limits=None, max_cols: int = 256, max_empty_run: int = 1000) -> dict[str, list[tuple]]:
    """Every worksheet of the XLSX at ``path`` as rows of cell texts (None
    for an empty cell), as a spreadsheet program would give them: a number
    in its shortest decimal form ('4.97', '13597'), a merged range's value in
    every cell it covers. Streamed, within ``limits`` (rows, cells, characters
    of a cell: :mod:`parsers.limits`), a run of ``max_empty_run`` empty rows
    ending a sheet. For readers that match a score sheet's columns by
    their text (``draft``'s inputs)."""
    path = Path(path)
    limits = limits if limits is not None else limits_of(None)
    zf = open_checked_zip(path, "xl/workbook.xml", "XLSX")
    out: dict[str, list[tuple]] = {}
    counted = 0
    try:
        package = Package(zf)
        for ref in package.sheets:
            if ref.kind != "worksheet" or ref.member not in package.names:
                continue
            cells: dict[tuple[int, int], str] = {}
            sheet = package.rows(ref, max_cols)
            last = 0
            for r, row in sheet.rows:
                if r >= last + max_empty_run:
                    break
                check_count("xlsx_rows", r, limits, "dòng trong trang tính “" + ref.name + "”", path.name)
                for cell in row:
                    text = _as_text(cell.value)
                    if text is None:
                        continue
                    counted += 1
                    check_count("xlsx_cells", counted, limits, "ô có dữ liệu", path.name)
                    check_count("cell_chars", len(text), limits, "ký tự trong một ô", path.name)
                    cells[(r, cell.col)] = text
                    last = r
            for r1, c1, r2, c2 in sheet.merges:  # a merged group header names every column it spans
                value = cells.get((r1, c1))
                for r in range(r1, min(r2, last) + 1):
                    for c in range(c1, min(c2, max_cols) + 1):
                        if value is not None or (r, c) in cells:
                            cells[(r, c)] = value
            width = max((c for _, c in cells), default=0)
            height = max((r for r, _ in cells), default=0)
            out[ref.name] = [tuple(cells.get((r, c)) for c in range(1, width + 1)) for r in range(1, height + 1)]
    except BROKEN as exc:
        raise UnreadableInput(f"Không đọc được bảng tính XLSX {path.name}: {type(exc).__name__}.") from exc
    finally:
        zf.close()
    return out


def _as_text(value) -> str | None:
    """A stored value as text; a number in its shortest decimal form (the
    double a spreadsheet holds, shown as it shows it: '4.97', not
    '4.9699999999999998')."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        if value == value.to_integral_value() and value.as_tuple().exponent >= 0:
            return str(int(value))
        try:
            text = repr(float(value))
        except OverflowError:
            return str(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)
