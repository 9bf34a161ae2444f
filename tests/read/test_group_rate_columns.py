"""A 766 table by group, "Tỷ lệ (%)" | "Điểm (tối đa N điểm)" under each group: a
rate column whose group label a PDF set beside it (chromium wraps "Tiến độ, kết quả
giải / quyết" and the reader joins the second line to the points below it) is still
the group's rate, never the unit's overall percent."""
from __future__ import annotations

from reportgen.raw import RawCell, RawDocument, RawParagraph, RawTable
from reportgen.read import read_report
from reportgen.verify import verify_report


def cell(text, row, col, rowspan=1, colspan=1):
    return RawCell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan, page=1)


# The header as parsers/pdf_words read the chromium PDF: the first and last groups
# span their two columns; the middle group's label joined its "Điểm" column, its
# "Tỷ lệ (%)" left bare at the top.
HEADER = [
    [cell("STT", 0, 0, rowspan=2), cell("Tên đơn vị", 0, 1, rowspan=2),
     cell("Công khai, minh bạch", 0, 2, colspan=2), cell("Tỷ lệ (%)", 0, 4, rowspan=2),
     cell("Tiến độ, kết quả giải quyết Điểm (tối đa 20 điểm)", 0, 5, rowspan=2),
     cell("Số hóa hồ sơ", 0, 6, colspan=2), cell("Tổng điểm (tối đa 60 điểm)", 0, 8, rowspan=2),
     cell("Xếp loại", 0, 9, rowspan=2)],
    [cell("Tỷ lệ (%)", 1, 2), cell("Điểm (tối đa 18 điểm)", 1, 3),
     cell("Tỷ lệ (%)", 1, 6), cell("Điểm (tối đa 22 điểm)", 1, 7)],
]
# UBND xã Tân Tây, Lộc Hội, Long Chư, Mỹ Hòa of the hold-out: points = rate × max / 100.
UNITS = [
    ["1", "UBND xã Tân Tây", "68,28", "12,29", "53,39", "10,68", "52,85", "11,63", "34,60", "Trung bình"],
    ["2", "UBND xã Lộc Hội", "100", "18,00", "91,50", "18,30", "86,53", "19,04", "55,34", "Xuất sắc"],
    ["3", "UBND phường Long Chư", "74,94", "13,49", "53,95", "10,79", "71,20", "15,66", "39,94", "Trung bình"],
    ["4", "UBND xã Mỹ Hòa", "69,50", "12,51", "100", "20,00", "66,73", "14,68", "47,19", "Tốt"],
]


def raw() -> RawDocument:
    rows = HEADER + [[cell(t, 2 + i, c) for c, t in enumerate(texts)] for i, texts in enumerate(UNITS)]
    return RawDocument(source="pl.pdf", format="pdf", blocks=[
        RawParagraph("Phụ lục II", 0),
        RawParagraph("KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP CỦA UBND CÁC XÃ, PHƯỜNG", 1),
        RawTable(index=0, rows=rows, header_rows=2, page=1)])


def test_a_bare_rate_beside_grouped_rates_is_no_unit_percent():
    table = read_report(raw()).tables[0]
    assert [row.percent for row in table.rows] == [None, None, None, None]


def test_no_percent_error_on_a_group_rate():
    findings = verify_report(read_report(raw())).findings
    assert [f for f in findings if f.code == "PERCENT_MISMATCH"] == []


# Both the middle and the last group's labels set beside their points: two bare "Tỷ lệ (%)".
HEADER_TWO = [
    [cell("STT", 0, 0, rowspan=2), cell("Tên đơn vị", 0, 1, rowspan=2),
     cell("Công khai, minh bạch", 0, 2, colspan=2), cell("Tỷ lệ (%)", 0, 4, rowspan=2),
     cell("Tiến độ, kết quả giải quyết Điểm (tối đa 20 điểm)", 0, 5, rowspan=2),
     cell("Tỷ lệ (%)", 0, 6, rowspan=2), cell("Số hóa hồ sơ Điểm (tối đa 22 điểm)", 0, 7, rowspan=2),
     cell("Tổng điểm (tối đa 60 điểm)", 0, 8, rowspan=2), cell("Xếp loại", 0, 9, rowspan=2)],
    [cell("Tỷ lệ (%)", 1, 2), cell("Điểm (tối đa 18 điểm)", 1, 3)],
]


def test_two_bare_rate_columns_keep_their_own_cells():
    rows = HEADER_TWO + [[cell(t, 2 + i, c) for c, t in enumerate(texts)] for i, texts in enumerate(UNITS)]
    raw_two = RawDocument(source="pl.pdf", format="pdf", blocks=[
        RawParagraph("Phụ lục II", 0), RawTable(index=0, rows=rows, header_rows=2, page=1)])
    first = read_report(raw_two).tables[0].rows[0]
    assert {k: v for k, v in first.extra.items() if "Tỷ lệ" in k} == {
        "Công khai, minh bạch Tỷ lệ (%)": "68,28", "Tỷ lệ (%) (cột 5)": "53,39", "Tỷ lệ (%) (cột 7)": "52,85"}
