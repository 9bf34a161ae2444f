"""A slip in a workbook that computes (see :mod:`.culprits`): a candidate
correction carried through the sheet's formulas, and formula cells never
taken for the slip.

A count of files typed 1.250 for 1.520 in a sheet whose rates (=D6/C6*100)
and "Tổng cộng" row (=SUM(C4:C11)) are formulas: the spreadsheet computed
the rate 119,04% and the total from the slip, so the rate's bound and the
row's sum break — two errors, one slip. Setting the count right alone
would leave the rate and the total as the slip made them; the spreadsheet
would compute them again, and so does the culprit search: each formula
cell the corrected cell feeds is set to what its formula gives then
(``parsers.xlsx_recompute``). A formula cell is only ever what its formula
makes of the typed cells, so it is no candidate itself: only a typed cell
can be the slip.
"""
from __future__ import annotations

from decimal import Decimal

from parsers.xlsx_recompute import recomputed

GridAt = tuple[int, int]  # (row of the table's grid, column)


def _place(grid, g: int):
    """The raw table of grid row ``g`` and that row's index in it, when the raw table has formulas."""
    if grid is None or not 0 <= g < len(grid.rows):
        return None, None
    src = grid.rows[g]
    raw = next((x for x in getattr(grid, "raws", ()) if x.index == src.raw_table), None)
    if raw is None or raw.sheet is None or src.raw_row not in raw.sheet.rows:
        return None, None
    return raw.sheet, raw.sheet.rows[src.raw_row]


def is_formula(grid, at: GridAt | None) -> bool:
    """Whether the grid cell is one a formula computes."""
    if at is None:
        return False
    sheet, row = _place(grid, at[0])
    return sheet is not None and (row, sheet.first_col + at[1]) in sheet.formulas


def formula_changes(grid, at: GridAt, value: Decimal) -> list[tuple[GridAt, str, Decimal]]:
    """The grid cells the sheet's formulas change when the cell ``at`` shows
    ``value``: (grid cell, its text, its figure)."""
    sheet, row = _place(grid, at[0])
    if sheet is None or not isinstance(value, Decimal):
        return []
    changed = recomputed(sheet, {(row, sheet.first_col + at[1]): value})
    if not changed:
        return []
    back: dict[tuple[int, int], GridAt] = {}
    for g in range(len(grid.rows)):
        other, r = _place(grid, g)
        if other is sheet:
            for c in range(len(grid.rows[g].cells)):
                back[(r, sheet.first_col + c)] = (g, c)
    return [(back[pos], text, number) for pos, (text, number) in changed.items() if pos in back]
