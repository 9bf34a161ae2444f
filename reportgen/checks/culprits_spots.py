"""Where each number cell of a report is, for the culprit search: the
address a finding gives it (table, row, column key), with the cell of the
reader's grid it is written in, its value, its column's label and its unit,
so that a correction can be written back and named in a message. A grade
cell is kept too (its value None): a grade a finding expects is written
back there."""
from __future__ import annotations

from decimal import Decimal

from ..model import Report
from ..numbers import CellValue
from .culprits_candidates import Address, Spot
from .relations_frame import ColKind
from .relations_support import frames, short

_NONE = CellValue(text="-", value=Decimal(0), na=True)


def spots(report: Report) -> dict[Address, Spot]:
    """Every number cell the relations read, by the address a finding gives it."""
    out: dict[Address, Spot] = {}
    for frame in frames(report):
        table = frame.table
        for row in frame.rows:
            for col in frame.cols:
                cell = row.cells.get(col.index)
                if col.kind == ColKind.GRADE and row.grade_text and not frame.transposed:
                    _grade_spot(out, table, frame, row, col)
                    continue
                # an x/y cell of a scheme's table is also its scheme's total or score, which the scheme's
                # rules name by another address: the two findings of one cell would fold into one another
                if cell is None and col.index in row.na and not frame.transposed and not frame.nums("max"):
                    cell = _NONE  # a count written "-": none, which a slip may have put for a figure
                if cell is None or cell.value is None or (cell.denominator is not None and table.scheme):
                    continue
                if frame.transposed:
                    address = (table.index, col.source_row, row.source_key)
                    grid = (col.source_grid, row.source_col) if table.grid is not None else None
                else:
                    r, key = row.report_row, col.key
                    label, unit = col.label, short(row.label) or None
                    if r is None and table.cell_keys:
                        r, key = table.cell_keys.get((row.i, col.index), (None, key))
                        if r is not None and 0 <= r < len(table.rows) and len(table.rows) > 1:
                            # turned when read, its units as columns: the frame's row is a measure
                            label, unit = row.label, short(table.rows[r].unit) or None
                    address = (table.index, r, key)
                    written = row.moved.get(col.index, col.index)  # a merged cell is written in another column
                    grid = (row.i, written) if getattr(table, "grid", None) is not None else None
                    if address[1] is not None and address[2]:
                        out.setdefault(address, Spot(grid, cell.value, label, unit, cell.denominator))
                    continue
                if address[1] is not None and address[2]:
                    out.setdefault(address, Spot(grid, cell.value, col.label, short(row.label) or None,
                                                 cell.denominator))
    return out


def _grade_spot(out: dict[Address, Spot], table, frame, row, col) -> None:
    """A grade cell, where a grade a finding expects is written back."""
    r, key = row.report_row, col.key
    if r is None and table.cell_keys:
        r, key = table.cell_keys.get((row.i, col.index), (None, key))
    grid = (row.i, col.index) if getattr(table, "grid", None) is not None else None
    if r is not None and key:
        out.setdefault((table.index, r, key), Spot(grid, None, col.label, short(row.label) or None))
