"""A scanned score table's header read as its own row writes it (parsers.ocr_headers,
parsers.vi_plausibility.rejoined, parsers.ocr_numbers.restore_roman): the seeds' scans
read "(244)" for "(24đ)", "Chỉ số i2", "Chỉ số A4" between 3 and 5, "TỔN G ĐIỂ M",
"]" for the section number I — and the table was then not bound (0 of 288 cells)."""
from __future__ import annotations

from parsers.ocr_headers import restore_header
from parsers.ocr_numbers import restore_roman
from parsers.vi_plausibility import rejoined
from reportgen.raw import RawCell, RawTable


def _table(rows: list[list[str]]) -> RawTable:
    return RawTable(index=0, rows=[[RawCell(text=t, row=r, col=c, confidence=90.0) for c, t in enumerate(row)]
                                   for r, row in enumerate(rows)])


def test_a_maximum_whose_d_was_read_4_is_mended_where_the_header_writes_nd():
    table = _table([["STT", "Tên đơn vị", "Chỉ số 1 (6đ)", "Chỉ số 2 (4đ)", "Chỉ số 3 (244)", "Chỉ số 4 (44)",
                     "Chỉ số 5 (2đ", "Chỉ số 6 6đ)"],
                    ["1", "Sở Công Thương", "4,97", "4", "23,94", "4", "2", "6"]])
    assert restore_header(table) == 3
    assert [c.text for c in table.rows[0][4:]] == ["Chỉ số 3 (24đ)", "Chỉ số 4 (4đ)", "Chỉ số 5 (2đ)",
                                                    "Chỉ số 6 6đ)"]  # a lost "(" took its digit with it
    assert table.rows[0][4].confidence == 50.0 and table.rows[0][2].confidence == 90.0
    assert [c.text for c in table.rows[1]][1:] == ["Sở Công Thương", "4,97", "4", "23,94", "4", "2", "6"]


def test_without_maxima_written_nd_a_4_is_a_4():
    table = _table([["STT", "Tên đơn vị", "Chỉ số 1 (14)", "Chỉ số 2 (24)"], ["1", "Sở Y tế", "12", "20"]])
    assert restore_header(table) == 0


def test_an_indicators_number_is_the_one_its_neighbours_leave():
    table = _table([["STT", "Tên", "Chỉ số 3 (2đ)", "Chỉ số A4 (6đ)", "Chỉ số 5 (24đ)", "Chỉ số i2 (6đ)"],
                    ["1", "Sở Y tế", "2", "6", "24", "6"]])
    restore_header(table)
    assert [c.text for c in table.rows[0][2:]] == ["Chỉ số 3 (2đ)", "Chỉ số 4 (6đ)", "Chỉ số 5 (24đ)",
                                                    "Chỉ số 12 (6đ)"]


def test_a_syllables_last_consonant_set_apart_is_joined_back():
    assert rejoined("TỔN G ĐIỂ M ĐẠT ĐƯỢ C") == "TỔNG ĐIỂM ĐẠT ĐƯỢC"
    assert rejoined("Than h toán trực tuyế n (10đ)") == "Thanh toán trực tuyến (10đ)"
    for kept in ("hạng C", "Sở Y tế", "Tổ T", "KHU T", "Phòng N", "UBND xã Tân H"):
        assert rejoined(kept) == kept


def test_a_section_number_i_read_as_a_bracket_is_i():
    table = _table([["STT", "Tên đơn vị", "Điểm"], ["]", "CÁC CƠ QUAN CHUYÊN MÔN", ""], ["1", "Sở Y tế", "20"],
                    ["2", "Sở Nội vụ", "21"]])
    table.header_rows = 1
    assert restore_roman(table) == 1
    assert table.rows[1][0].text == "I"


def test_outline_numbers_read_with_a_comma_are_sub_items_of_the_number_above():
    from parsers.ocr_headers import restore_outline

    table = _table([["Stt", "Nhóm chỉ số", "Tỷ lệ/Điểm"], ["1", "Công khai minh bạch", "11,1/18"],
                    ["1,1", "Tỷ lệ đồng bộ hồ sơ", "100%"], ["1,2", "Số TTHC được công khai", "100%"],
                    ["2", "Tiến độ giải quyết", "17,6/20"], ["3,5", "Điểm thưởng", "1"]])
    table.header_rows = 1
    assert restore_outline(table) == 2
    assert [row[0].text for row in table.rows[1:]] == ["1", "1.1", "1.2", "2", "3,5"]  # 3,5 is under no 3
