"""What a spreadsheet shows after one cell is typed anew (parsers/xlsx_recompute.py):
the formula cells that read it, worked out again and shown in their own format."""
from __future__ import annotations

from decimal import Decimal

from parsers.xlsx_recompute import recomputed
from reportgen.raw import SheetFormulas


def _sheet() -> SheetFormulas:
    # C: files, D: on time, E: rate as a percent format, F: rate ×100 rounded; row 6 sums rows 4–5
    return SheetFormulas(
        stored={(4, 3): 1520, (4, 4): 1488, (4, 5): 0.978947, (4, 6): 97.89,
                (5, 3): 845, (5, 4): 803, (5, 5): 0.950296, (5, 6): 95.03,
                (6, 3): 2365, (6, 4): 2291, (6, 7): 0.5},
        formulas={(4, 5): "=D4/C4", (4, 6): "=ROUND(D4/C4*100,2)", (5, 5): "=D5/C5", (5, 6): "=ROUND(D5/C5*100,2)",
                  (6, 3): "=SUM(C4:C5)", (6, 4): "=SUM(D4:D5)"},
        formats={(4, 5): "0.00%", (5, 5): "0.00%", (4, 6): "0.00", (5, 6): "0.00", (6, 7): "0%"},
        rows={0: 4, 1: 5, 2: 6}, first_col=3)


def test_a_typed_count_changes_the_cells_computed_from_it_only():
    assert recomputed(_sheet(), {(4, 3): Decimal(1250)}) == {
        (4, 5): ("119,04%", Decimal("119.04")), (4, 6): ("119,04", Decimal("119.04")),
        (6, 3): ("2095", Decimal("2095"))}


def test_a_figure_shown_as_a_percent_is_stored_as_a_fraction():
    sheet = _sheet()
    sheet.formulas[(6, 6)] = "=G6*100"
    assert recomputed(sheet, {(6, 7): Decimal(40)}) == {(6, 6): ("40", Decimal("40"))}


def test_nothing_changes_when_no_formula_reads_the_cell():
    assert recomputed(_sheet(), {(5, 7): Decimal(3)}) == {}
