"""Where a table's header ends. The row under a header that numbers its columns — "(1) | (2) | … |
(5) = (4) - (3) | (6)" — is part of the header, never a unit: written
plainly, with a column's formula after its number, or with one number a
scan has misread ("q)." for "(1)") among the others in their places."""
from __future__ import annotations

import pytest

from reportgen.read.header import is_data_row, is_numbering_row


@pytest.mark.parametrize("cells", [
    ["(1)", "(2)", "(3)", "(4)", "(5) = (4) - (3)", "(6)"],
    ["q).", "(2)", "(3)", "(4)", "(5) = (4) - (3)", "(6)"],
    ["1", "2", "3"],
    ["", "(3)", "(4)", "(5)=(3)+(4)"],
])
def test_rows_that_number_the_columns(cells):
    assert is_numbering_row(cells)


@pytest.mark.parametrize("cells", [
    ["1", "Phường 1", "84,35", "87,10", "+2,75", "4"],  # a unit
    ["1", "Xã A", "3", "4"],  # a unit's name may be short: not a misread number
    ["1", "2", "4"],  # numbers out of their places
    ["(1)", "(2)"],  # too few to tell
    ["q).", "(2)", "(3)"],  # a misread number only among four or more
])
def test_rows_that_do_not(cells):
    assert not is_numbering_row(cells)


def test_a_first_row_whose_figure_a_scan_read_with_a_speck_after_it_is_body():
    # the grade summary's first row on a scan: "4" read "4-" (the cell's rule); it is no header
    assert is_data_row(["Xuất sắc", "4-", "36,36"])
    assert not is_data_row(["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"])
