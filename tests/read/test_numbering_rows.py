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


def test_the_numbering_row_is_no_level_of_the_column_labels():
    # "Số hồ sơ đã giải quyết: Tổng số | Quá hạn" over "(3) | (4)=…": two levels, the group kept;
    # read as a third level the numbers would push the group out of the label ("Quá hạn (4)")
    from reportgen.raw import RawCell, RawDocument, RawTable
    from reportgen.read import read_report

    def cell(text, row, col, rowspan=1, colspan=1):
        return RawCell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan)

    rows = [[cell("STT", 0, 0, rowspan=2), cell("Lĩnh vực", 0, 1, rowspan=2),
             cell("Số hồ sơ đã giải quyết", 0, 2, colspan=2), cell("Số hồ sơ đang giải quyết", 0, 4, colspan=2)],
            [cell("Tổng số", 1, 2), cell("Quá hạn", 1, 3), cell("Tổng số", 1, 4), cell("Quá hạn", 1, 5)],
            [cell(t, 2, c) for c, t in enumerate(["(1)", "(2)", "(3)", "(4)", "(5)=(6)+(7)", "(6)"])]]
    for r, (unit, figures) in enumerate([("Tư pháp", ["120", "3", "14", "1"]), ("Xây dựng", ["87", "0", "9", "2"]),
                                         ("Y tế", ["240", "5", "21", "0"])], 3):
        rows.append([cell(t, r, c) for c, t in enumerate([str(r - 2), unit, *figures])])
    raw = RawDocument(source="bc.docx", format="docx", blocks=[RawTable(index=0, rows=rows, header_rows=3, page=1)])
    [table] = read_report(raw).tables
    assert [c.label for c in table.columns] == ["Số hồ sơ đã giải quyết Tổng số", "Số hồ sơ đã giải quyết Quá hạn",
                                                "Số hồ sơ đang giải quyết Tổng số", "Số hồ sơ đang giải quyết Quá hạn"]
    # the label's words over its leaf are its group
    assert [c.group for c in table.columns] == ["Số hồ sơ đã giải quyết"] * 2 + ["Số hồ sơ đang giải quyết"] * 2
