"""Tables stacked on one sheet with one empty row or none between them are
told apart by their title and header rows; a single table keeps its spacer
rows and group headings (parsers.xlsx_split)."""
from __future__ import annotations

import time

import openpyxl

from parsers import xlsx as xlsx_parser
from parsers.xlsx_split import split

HEAD = ["STT", "Đơn vị", "Số hồ sơ", "Tỷ lệ (%)"]


def _read(tmp_path, rows, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for r, values in enumerate(rows, 1):
        for c, v in enumerate(values, 1):
            if v is not None:
                ws.cell(r, c, v)
    for m in merges:
        ws.merge_cells(m)
    wb.save(tmp_path / "sheet.xlsx")
    raw = xlsx_parser.read(tmp_path / "sheet.xlsx")
    return raw, [[[c.text for c in row] for row in t.rows] for t in raw.tables]


def test_a_title_and_a_header_after_one_empty_row_start_a_second_table(tmp_path):
    raw, tables = _read(tmp_path, [
        ["Bảng 1. Số hồ sơ"], HEAD, [1, "Sở Y tế", 120, 60], [None, "Tổng cộng", 120, 60],
        ["2. Kết quả xếp loại"], [], ["Bảng 2. Kết quả xếp loại"], ["STT", "Xếp loại", "Số đơn vị"],
        [1, "Tốt", 1], [None, "Tổng cộng", 1]], merges=["A7:D7"])
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "60"], ["Tổng cộng", "120", "60"]],
                      [["STT", "Xếp loại", "Số đơn vị"], ["1", "Tốt", "1"], ["Tổng cộng", "1"]]]
    assert [type(b).__name__ for b in raw.blocks] == ["RawParagraph", "RawParagraph", "RawTable", "RawParagraph",
                                                      "RawParagraph", "RawTable"]
    assert [p.text for p in raw.paragraphs][2:] == ["2. Kết quả xếp loại", "Bảng 2. Kết quả xếp loại"]
    assert raw.properties["sheets"] == [{"name": "Báo cáo", "table": 0, "tables": [0, 1]}]


def test_a_title_right_under_the_total_row_starts_a_second_table(tmp_path):
    _, tables = _read(tmp_path, [
        HEAD, [1, "Sở Y tế", "120", "50,0"], ["Bảng 2"], ["STT", "Cấp", "Xuất sắc", "Tốt", "Khá"],
        [1, "Cấp tỉnh", 1, 2, 0]])
    assert [len(t) for t in tables] == [2, 2]
    assert tables[1][0] == ["STT", "Cấp", "Xuất sắc", "Tốt", "Khá"]


def test_a_header_repeated_after_data_starts_a_second_table(tmp_path):
    _, tables = _read(tmp_path, [HEAD, [1, "Sở Y tế", 120, 50], [], HEAD, [1, "Sở Nội vụ", 80, 40]])
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "50"]], [HEAD, ["1", "Sở Nội vụ", "80", "40"]]]


def test_a_header_over_other_columns_after_data_starts_a_second_table(tmp_path):
    _, tables = _read(tmp_path, [HEAD, [1, "Sở Y tế", 120, 50], ["Cấp", "Tổng số", "Tốt", "Khá", "Yếu"],
                                 ["Cấp tỉnh", 3, 1, 1, 1]])
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "50"]],
                      [["Cấp", "Tổng số", "Tốt", "Khá", "Yếu"], ["Cấp tỉnh", "3", "1", "1", "1"]]]


def test_a_narrower_header_after_an_empty_row_starts_a_second_table(tmp_path):
    _, tables = _read(tmp_path, [HEAD, [1, "Sở Y tế", 120, 50], [], ["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"],
                                 ["Tốt", 1, 100]])
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "50"]],
                      [["Xếp loại", "Số đơn vị", "Tỷ lệ (%)"], ["Tốt", "1", "100"]]]


def test_a_row_of_words_in_the_data_heads_nothing(tmp_path):
    _, tables = _read(tmp_path, [HEAD, [1, "Sở Y tế", 120, 50], [None, "Sở Nội vụ", "Không phát sinh hồ sơ"],
                                 [None, "Tổng cộng", 120, 50]], merges=["C3:D3"])
    assert len(tables) == 1 and len(tables[0]) == 4


def test_a_title_with_its_unit_beside_it_over_a_header_starts_a_second_table(tmp_path):
    raw, tables = _read(tmp_path, [
        HEAD, [1, "Sở Y tế", 120, 50], [], ["Bảng 2", None, None, "Đơn vị tính: hồ sơ"], HEAD,
        [1, "Xã Hòa Bình", 80, 40]], merges=["A4:C4"])
    # the title and its unit, set far apart, are a line of prose before the second table
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "50"]], [HEAD, ["1", "Xã Hòa Bình", "80", "40"]]]
    assert "Bảng 2\tĐơn vị tính: hồ sơ" in [p.text for p in raw.paragraphs]


def test_a_header_naming_years_over_its_columns_is_a_header(tmp_path):
    _, tables = _read(tmp_path, [
        HEAD, [1, "Sở Y tế", 120, 50], ["Bảng 2"], ["STT", "Chỉ số", 2023, "2024", "Tăng/giảm"],
        [1, "Công khai, minh bạch", "5,14", "5,43", "+0,29"]])
    assert tables[1:] == [[["STT", "Chỉ số", "2023", "2024", "Tăng/giảm"],
                           ["1", "Công khai, minh bạch", "5,14", "5,43", "+0,29"]]]


def test_spacer_rows_group_headings_and_notes_inside_a_table_keep_it_one_table(tmp_path):
    _, tables = _read(tmp_path, [
        ["Bảng 1. Số hồ sơ"], HEAD,
        ["I. Cấp tỉnh"], [1, "Sở Y tế", 120, 60], [], [2, "Sở Nội vụ", 80, 40],
        [], ["Ghi chú: cấp xã gồm cả phường"], ["II", "Cấp xã"], [3, "Xã Hòa Bình", 50, 10],
        [None, "Tổng cộng", 250, 110]], merges=["A3:D3"])
    assert tables == [[HEAD, ["I. Cấp tỉnh"], ["1", "Sở Y tế", "120", "60"], ["2", "Sở Nội vụ", "80", "40"],
                       ["Ghi chú: cấp xã gồm cả phường"], ["II", "Cấp xã"], ["3", "Xã Hòa Bình", "50", "10"],
                       ["Tổng cộng", "250", "110"]]]


def test_rows_above_and_below_the_tables_part_nothing(tmp_path):
    raw, tables = _read(tmp_path, [
        ["UBND TỈNH A", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["SỞ NỘI VỤ", None, "Độc lập - Tự do - Hạnh phúc"],
        [], ["Bảng 1"], HEAD, [1, "Sở Y tế", 120, 60], ["Người lập biểu", None, "Giám đốc"]])
    assert len(tables) == 1
    # the letter's head and its signature line, words set far apart with no figure, are its prose
    assert tables[0] == [HEAD, ["1", "Sở Y tế", "120", "60"]]
    assert [p.text for p in raw.paragraphs if "\t" in p.text] == [
        "UBND TỈNH A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc",
        "Người lập biểu\tGiám đốc"]


def test_telling_tables_apart_is_linear_in_the_rows():
    """A hostile sheet: 8000 rows, rows of words and of numbers in turn (each row of words a candidate
    header); quadratic work took ~20 s here, linear work takes a fraction of a second."""
    n = 8000
    by_row = {r: list(range(1, 9)) for r in range(1, n + 1)}
    origins = {(r, c): ((f"Chữ {r % 7} {c}", None) if r % 2 == 0 else (str(r * c), None))
               for r in by_row for c in by_row[r]}
    origins.update({(1, c): (f"Cột {c}", None) for c in by_row[1]})
    start = time.perf_counter()
    parts = split(list(by_row), by_row, origins, {})
    assert len(parts) == 1
    assert time.perf_counter() - start < 5


def test_the_signature_block_typed_on_the_sheet_above_the_annex_is_prose(tmp_path):
    """"Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN", "- Thường trực Tỉnh ủy;" | "CHỦ TỊCH", "- Các đơn vị;" | "(Đã ký)":
    two words set apart, the first after a list mark or in brackets, are the Nơi nhận and the signature, not
    the annex table's header (hold-out h-new28: the table was titled "Nơi nhận: TM. ỦY BAN NHÂN DÂN")."""
    raw, tables = _read(tmp_path, [
        ["Trân trọng./."], ["Nơi nhận:", None, None, None, None, "TM. ỦY BAN NHÂN DÂN"],
        ["- Thường trực Tỉnh ủy;", None, None, None, None, "CHỦ TỊCH"],
        ["- Các đơn vị (để t/h);", None, None, None, None, "(Đã ký)"], ["- Lưu: VT."], ["Phụ lục I"],
        HEAD, [1, "Sở Y tế", 120, 60], [2, "Sở Tư pháp", 80, 40]])
    assert tables == [[HEAD, ["1", "Sở Y tế", "120", "60"], ["2", "Sở Tư pháp", "80", "40"]]]
    assert "- Thường trực Tỉnh ủy;\tCHỦ TỊCH" in [p.text for p in raw.paragraphs]


def test_a_legend_of_words_over_two_columns_is_no_part_of_the_next_tables_header(tmp_path):
    # hold-out h-new22: the legend's header was the score table's, its own header a row of data
    raw, tables = _read(tmp_path, [
        ["Bảng xếp loại Chỉ số cải cách hành chính:"], ["Xếp loại", "Khoảng điểm"], ["Tốt", "Từ 85% trở lên"],
        ["Khá", "Từ 70% đến dưới 85%"], ["Kết quả cụ thể như sau:"], ["Thứ hạng", "Đơn vị", "Tổng điểm", "Chỉ số (%)"],
        [1, "Sở Tài chính", "94,55", "94,55"], [2, "Sở Ngoại vụ", "86,89", "86,89"]])
    assert tables == [[["Xếp loại", "Khoảng điểm"], ["Tốt", "Từ 85% trở lên"], ["Khá", "Từ 70% đến dưới 85%"]],
                      [["Thứ hạng", "Đơn vị", "Tổng điểm", "Chỉ số (%)"], ["1", "Sở Tài chính", "94,55", "94,55"],
                       ["2", "Sở Ngoại vụ", "86,89", "86,89"]]]
    assert "Kết quả cụ thể như sau:" in [p.text for p in raw.paragraphs]
