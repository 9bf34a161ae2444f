"""A one-stop evaluation table (Thông tư 01/2018): nine indicators of 0-2
points, graded on the total in points, not on a percent."""
from __future__ import annotations

from decimal import Decimal as D

from docx import Document

from reportgen.verify import verify_path

HEADER = ["STT", "Cơ quan", "Tổng thời gian giải quyết (2đ)", "Thời gian của từng cơ quan (2đ)",
          "Số lần liên hệ (2đ)", "Số cơ quan phải liên hệ (2đ)", "Tiếp nhận tại Bộ phận Một cửa (2đ)",
          "Công khai TTHC (2đ)", "Thái độ CBCCVC (2đ)", "Tiếp thu PAKN (2đ)", "DVC trực tuyến (2đ)",
          "Tổng điểm", "Xếp loại"]
ROWS = [["1", "Sở Tư pháp", "2", "2", "2", "2", "2", "2", "2", "2", "1,8", "17,8", "Xuất sắc"],
        ["2", "Sở Y tế", "1,9", "2", "2", "2", "1", "2", "2", "2", "1", "15,9", "Hoàn thành xuất sắc nhiệm vụ"],
        ["3", "Sở Xây dựng", "1,5", "1,6", "2", "2", "1", "1", "2", "1", "1", "13,1", "Tốt"],
        # 9 written as 8, and graded on the 9: the total is the slip.
        ["4", "Sở Công Thương", "1", "1", "1", "1", "1", "1", "1", "1", "1", "8", "Khá"]]


def _report(path, rows=None):
    rows = rows or ROWS
    doc = Document()
    for line in ("UBND TỈNH SƠN LA", "VĂN PHÒNG", "Số: 120/BC-VPUB", "Sơn La, ngày 05 tháng 7 năm 2023",
                 "BÁO CÁO", "Kết quả đánh giá việc giải quyết TTHC theo cơ chế một cửa quý 2 năm 2023",
                 "Phụ lục", "KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN GIẢI QUYẾT TTHC QUÝ 2 NĂM 2023"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1 + len(rows), cols=len(HEADER))
    for j, text in enumerate(HEADER):
        table.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    doc.save(path)
    return path


def test_tt01_table_is_bound_and_graded_on_points(tmp_path):
    result = verify_path(_report(tmp_path / "tt01.docx"))
    [table] = result.report.tables
    assert table.scheme == "tt01-2018"
    assert [r.grade for r in table.rows] == ["Xuất sắc", "Xuất sắc", "Tốt", "Khá"]
    assert table.rows[0].scores["i9"] == D("1.8")
    # python-docx's bare document is not laid out per ND30: its LAYOUT_* warnings are beside the point here.
    found = [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
             if not f.code.startswith("LAYOUT_")]
    assert found == [("TOTAL_MISMATCH", "error", "Sở Công Thương", "8", "9"),
                     ("GRADE_MISMATCH", "info", "Sở Công Thương", "Khá", "Khá")]
    grade = next(f for f in result.findings if f.code == "GRADE_MISMATCH")
    assert grade.message == "Xếp loại Khá đúng theo điểm tính lại (9 điểm), khác với tổng điểm ghi 8 điểm"


# Nine scores of one decimal and a total of one decimal, all rounded half-up: even a total of the
# unrounded averages can be at most 0,4 from the scores' sum (0,5 would need every rounding a tie
# going the other way).
ROUNDED = [["1", "Sở Tài nguyên và Môi trường", "2,0", "1,8", "1,8", "1,9", "2,0", "1,7", "2,0", "2,0", "1,8",
            "17,5", "Xuất sắc"],
           ["2", "Sở Nông nghiệp và Phát triển nông thôn", "1,2", "1,2", "1,3", "1,0", "1,0", "1,2", "1,2",
            "1,3", "1,3", "11,1", "Khá"],
           ["3", "Sở Giao thông vận tải", "1,3", "1,3", "1,2", "1,2", "1,2", "1,3", "1,2", "1,2", "1,5",
            "11,4", "Khá"]]


def test_a_total_half_a_point_per_part_off_is_a_slip(tmp_path):
    result = verify_path(_report(tmp_path / "tt01.docx", ROUNDED))
    found = [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
             if f.code == "TOTAL_MISMATCH"]
    # 17,0 written 17,5 is a slip; so is 10,7 written 11,1: the total is the sum of the indicators as
    # written (Điều 15), and no other row shows totals of unrounded averages (see test_tt01_rounding).
    assert found == [("TOTAL_MISMATCH", "error", "Sở Tài nguyên và Môi trường", "17.5", "17.0"),
                     ("TOTAL_MISMATCH", "error", "Sở Nông nghiệp và Phát triển nông thôn", "11.1", "10.7")]
