"""How the reader lays out a statistics form of several header levels and
sections (TT 01/2020's "Tình hình, kết quả giải quyết TTHC"): a level that
only says "of which" ("Trong đó") names nothing, and a "Tổng cộng" closing
the sections is no row of the last one."""
from __future__ import annotations

from reportgen.raw import RawCell, RawDocument, RawTable
from reportgen.read import read_report


def cell(text, row, col, rowspan=1, colspan=1):
    return RawCell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan)


def _form(body: list[list[str]]) -> RawTable:
    rows = [[cell("STT", 0, 0, rowspan=3), cell("Đơn vị", 0, 1, rowspan=3),
             cell("Số hồ sơ nhận giải quyết", 0, 2, colspan=3), cell("Số hồ sơ đã giải quyết", 0, 5, rowspan=3)],
            [cell("Tổng số", 1, 2, rowspan=2), cell("Trong đó", 1, 3, colspan=2)],
            [cell("Trực tuyến", 2, 3), cell("Trực tiếp", 2, 4)]]
    for r, texts in enumerate(body, 3):
        rows.append([cell(t, r, c) for c, t in enumerate(texts)])
    return RawTable(index=0, rows=rows, header_rows=3, page=1)


SECTIONS = [["I", "Cấp tỉnh", "", "", "", ""], ["1", "Sở Tư pháp", "30", "20", "10", "28"],
            ["2", "Sở Y tế", "50", "45", "5", "49"], ["II", "Cấp xã", "", "", "", ""],
            ["1", "Xã A", "12", "2", "10", "12"], ["2", "Xã B", "8", "8", "0", "7"],
            ["", "Tổng cộng", "100", "75", "25", "96"]]


def test_a_level_that_says_trong_do_gives_way_to_the_group_above_it():
    [table] = read_report(RawDocument(source="bc.docx", format="docx", blocks=[_form(SECTIONS)])).tables
    assert [c.label for c in table.columns] == [
        "Số hồ sơ nhận giải quyết Tổng số", "Số hồ sơ nhận giải quyết Trực tuyến",
        "Số hồ sơ nhận giải quyết Trực tiếp", "Số hồ sơ đã giải quyết"]


def test_a_total_closing_the_sections_is_in_none_of_them():
    [table] = read_report(RawDocument(source="bc.docx", format="docx", blocks=[_form(SECTIONS)])).tables
    assert [(r.section, r.unit) for r in table.rows] == [
        ("I", "Sở Tư pháp"), ("I", "Sở Y tế"), ("II", "Xã A"), ("II", "Xã B"), (None, "Tổng cộng")]


def test_a_total_after_sections_that_close_with_their_own_is_the_last_section_s():
    body = (SECTIONS[:3] + [["", "Cộng", "80", "65", "15", "77"]] + SECTIONS[3:6]
            + [["", "Cộng", "20", "10", "10", "19"]])
    [table] = read_report(RawDocument(source="bc.docx", format="docx", blocks=[_form(body)])).tables
    assert [(r.section, r.unit) for r in table.rows][-1] == ("II", "Cộng")
