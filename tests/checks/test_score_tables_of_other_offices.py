"""Score tables as other offices lay them out (an independent tester's
hold-out): a group's "Cộng" column beside its indicators, a total headed
"Tổng cộng (tối đa 100 điểm)", nine numbered TT 01/2018 indicators with no
maxima in the header, a legend introduced by its legal basis, units as
columns under a group header. Clean, nothing is wrong; each slip is named.
"""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

GROUPS = ["Công khai, minh bạch (18đ)"] * 5 + ["Tiến độ giải quyết (20đ)", "Dịch vụ công trực tuyến (12đ)",
                                                  "Thanh toán trực tuyến (10đ)"] + ["Mức độ hài lòng (18đ)"] * 4 \
    + ["Số hóa hồ sơ (22đ)"]
LEAVES = ["Chỉ số 1.1 (6đ)", "Chỉ số 1.2 (4đ)", "Chỉ số 1.3 (2đ)", "Chỉ số 1.4 (6đ)", "Cộng", "", "", "",
          "Chỉ số 5.1 (6đ)", "Chỉ số 5.2 (6đ)", "Chỉ số 5.3 (6đ)", "Cộng", ""]
UNITS = [("Sở Tư pháp", ["5,00", "3,00", "2,00", "6,00", "16,00", "18,50", "10,00", "8,00", "6,00", "5,00", "4,00",
                         "15,00", "20,00", "87,50"]),
         ("Sở Nội vụ", ["6,00", "4,00", "1,50", "5,00", "16,50", "16,00", "12,00", "10,00", "5,50", "6,00", "6,00",
                        "17,50", "18,00", "90,00"]),
         ("Sở Y tế", ["4,50", "2,00", "2,00", "3,00", "11,50", "12,00", "9,00", "7,50", "4,00", "4,50", "5,00",
                      "13,50", "15,00", "68,50"]),
         ("Sở Xây dựng", ["3,00", "4,00", "1,00", "6,00", "14,00", "20,00", "6,00", "10,00", "6,00", "3,00", "6,00",
                          "15,00", "22,00", "87,00"])]


def _grouped(path, total_head: str, units=UNITS, prose=()):
    """Two header rows: each group over its indicators and its "Cộng", single groups merged down."""
    doc = Document()
    for text in prose:
        doc.add_paragraph(text)
    doc.add_paragraph("ĐIỂM CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP QUÝ III NĂM 2025")
    n = 2 + len(GROUPS) + 1
    table = doc.add_table(rows=2, cols=n)
    heads = ["TT", "Đơn vị", *GROUPS, total_head]
    for j, text in enumerate(heads):
        table.cell(0, j).text = text
    for j, leaf in enumerate(["", "", *LEAVES, ""]):
        if leaf:
            table.cell(1, j).text = leaf
        else:
            table.cell(0, j).merge(table.cell(1, j)).text = heads[j]
    start = 2
    while start < 2 + len(GROUPS):
        end = start
        while end + 1 < 2 + len(GROUPS) and heads[end + 1] == heads[start]:
            end += 1
        if end > start:
            table.cell(0, start).merge(table.cell(0, end)).text = heads[start]
        start = end + 1
    for i, (unit, figures) in enumerate(units, 1):
        cells = table.add_row().cells
        for j, text in enumerate([str(i), unit, *figures]):
            cells[j].text = text
    doc.save(path)


def _errors(path):
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    return [(f.code, f.unit) for f in findings if f.severity == "error"], ctx


def test_a_groups_subtotal_is_no_indicator_and_is_held_to_its_indicators(tmp_path):
    _grouped(tmp_path / "clean.docx", "Tổng điểm (100đ)")
    errors, ctx = _errors(tmp_path / "clean.docx")
    assert errors == []  # 87,50 is the indicators' sum; with both "Cộng" counted again it would be 118,50
    assert ctx.ledger.tables[0].checked_cells == ctx.ledger.tables[0].numeric_cells
    units = [(u, list(f)) for u, f in UNITS]
    units[1][1][4] = "15,50"  # Sở Nội vụ's "Cộng" of 6 + 4 + 1,5 + 5
    _grouped(tmp_path / "slip.docx", "Tổng điểm (100đ)", units)
    assert _errors(tmp_path / "slip.docx")[0] == [("SUM_COLUMNS_MISMATCH", "Sở Nội vụ")]


def test_a_total_headed_with_its_maximum_is_the_total(tmp_path):
    units = [(u, list(f)) for u, f in UNITS]
    units[1][1][-1] = "80,00"
    _grouped(tmp_path / "slip.docx", "Tổng cộng (tối đa 100 điểm)", units)
    assert _errors(tmp_path / "slip.docx")[0] == [("TOTAL_MISMATCH", "Sở Nội vụ")]


TT01 = [("Sở Nông nghiệp và Môi trường", "1,0 1,1 1,5 1,3 1,4 0,9 1,1 1,6 1,5 11,4 Khá"),
        ("Sở Dân tộc và Tôn giáo", "1,5 1,6 1,5 1,8 1,4 1,2 1,3 1,0 1,4 12,7 Tốt"),
        ("Sở Giáo dục và Đào tạo", "1,2 1,7 1,2 1,3 0,9 1,3 0,8 1,0 1,4 10,8 Khá"),
        ("Sở Xây dựng", "1,5 1,4 1,8 1,9 1,5 2,0 1,7 1,5 1,4 14,7 Tốt"),
        ("Sở Tư pháp", "1,9 1,6 1,9 1,7 1,4 2,0 1,5 1,8 2,0 15,8 Xuất sắc"),
        ("Sở Y tế", "1,9 1,6 1,9 1,7 1,4 2,0 1,5 1,8 2,0 15,8 Tốt")]
LEGEND = ("Ghi chú: Xếp loại theo Điều 15 Thông tư số 01/2018/TT-VPCP: từ 15 điểm trở lên: Xuất sắc; từ 12 đến dưới "
          "15 điểm: Tốt; từ 9 đến dưới 12 điểm: Khá; từ 6 đến dưới 9 điểm: Trung bình; dưới 6 điểm: Yếu.")


def _tt01(path, rows):
    doc = Document()
    doc.add_paragraph("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ THEO THÔNG TƯ 01/2018/TT-VPCP QUÝ II NĂM 2026")
    head = ["STT", "Cơ quan", *(f"Chỉ số {k}" for k in range(1, 10)), "Tổng điểm", "Xếp loại"]
    table = doc.add_table(rows=1, cols=len(head))
    for j, text in enumerate(head):
        table.cell(0, j).text = text
    for i, (unit, figures) in enumerate(rows, 1):
        values = figures.split(" ")
        cells = table.add_row().cells
        for j, text in enumerate([str(i), unit, *values[:10], " ".join(values[10:])]):
            cells[j].text = text
    doc.add_paragraph(LEGEND)
    doc.save(path)


def test_numbered_indicators_add_up_to_the_total_and_a_grade_off_its_own_band_is_named(tmp_path):
    _tt01(tmp_path / "t.docx", TT01)
    errors, ctx = _errors(tmp_path / "t.docx")
    # Sở Y tế's 15,8 is Xuất sắc by the legend's first band, said after the act it follows
    assert errors == [("GRADE_BAND_MISMATCH", "Sở Y tế")]
    entry = ctx.ledger.tables[0]
    assert entry.numeric_cells <= entry.checked_cells  # "Chỉ số 1" … "Chỉ số 9" are points summed to the total
    rows = list(TT01[:5]) + [("Sở Y tế", "1,9 1,6 1,9 1,7 1,4 2,0 1,5 1,8 2,0 16,8 Xuất sắc")]
    _tt01(tmp_path / "u.docx", rows)
    assert _errors(tmp_path / "u.docx")[0] == [("SUM_COLUMNS_MISMATCH", "Sở Y tế")]


def test_units_as_columns_under_a_group_header_are_graded_and_ranked(tmp_path):
    doc = Document()
    doc.add_paragraph("KẾT QUẢ CHẤM ĐIỂM CÁC LĨNH VỰC CCHC NĂM 2025")
    units = ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng"]
    rows = [["I", "Công tác chỉ đạo, điều hành", "30", "28,00", "25,00", "20,00", "27,00", "18,00"],
            ["II", "Cải cách TTHC", "40", "36,00", "30,00", "31,00", "35,00", "22,00"],
            ["III", "Chính phủ số", "30", "27,00", "22,00", "21,00", "26,00", "15,00"],
            ["", "Tổng điểm", "100", "91,00", "77,00", "72,00", "88,00", "55,00"],
            ["", "Xếp hạng", "", "1", "3", "4", "2", "5"],
            ["", "Xếp loại", "", "Khá", "Khá", "Khá", "Tốt", "Trung bình"]]
    table = doc.add_table(rows=2, cols=8)
    for j, text in enumerate(["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa"]):
        table.cell(0, j).merge(table.cell(1, j)).text = text
    table.cell(0, 3).merge(table.cell(0, 7)).text = "Điểm đạt được của các cơ quan"
    for j, unit in enumerate(units, 3):
        table.cell(1, j).text = unit
    for line in rows:
        cells = table.add_row().cells
        for j, text in enumerate(line):
            cells[j].text = text
    doc.add_paragraph("Xếp loại: Tốt - chỉ số đạt từ 80% trở lên; Khá - từ 65% đến dưới 80%; Trung bình - từ 50% "
                      "đến dưới 65%; Yếu - dưới 50%.")
    doc.save(tmp_path / "t.docx")
    errors, _ = _errors(tmp_path / "t.docx")
    assert [code for code, _ in errors] == ["GRADE_BAND_MISMATCH"]  # Sở Tư pháp's 91 of 100 is Tốt, not Khá
