"""A 766 summary whose header writes each group's maximum as a bare number in
brackets ("Công khai, minh bạch (18) | … | Dịch vụ công trực tuyến (22)"),
where the document groups online services and payment as one group of 22 and
the shipped scheme has 12 for the first: the header's maxima rule, so 19,80
of 22 is no slip, and 23,00 of 22 is one. Brackets that number the columns,
or agree with the scheme everywhere, change nothing."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

GROUPS = ("Công khai, minh bạch (18)", "Tiến độ giải quyết (20)", "Dịch vụ công trực tuyến (22)",
          "Mức độ hài lòng (18)", "Số hóa hồ sơ (22)")
ROWS = (("Sở Tư pháp", ("16,20", "18,00", "19,80", "16,20", "19,80"), "90,00", "Xuất sắc"),
        ("Sở Y tế", ("14,40", "16,00", "17,60", "14,40", "17,60"), "80,00", "Tốt"),
        ("Sở Xây dựng", ("12,60", "14,00", "15,40", "12,60", "15,40"), "70,00", "Khá"),
        ("Sở Công Thương", ("11,70", "13,00", "14,30", "11,70", "14,30"), "65,00", "Trung bình"))


def _write(path, rows=ROWS, groups=GROUPS) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "SỞ NỘI VỤ", "Số: 123/BC-SNV", "Phú Thọ, ngày 8 tháng 10 năm 2025", "BÁO CÁO",
             "Kết quả Bộ chỉ số theo Quyết định số 766/QĐ-TTg của các sở quý III năm 2025",
             "Xếp loại theo tổng điểm: loại Xuất sắc đạt từ 90 điểm trở lên; loại Tốt từ 80 điểm đến dưới 90 "
             "điểm; loại Khá từ 70 điểm đến dưới 80 điểm; loại Trung bình từ 50 điểm đến dưới 70 điểm; loại "
             "Yếu dưới 50 điểm.", "Bảng tổng hợp"]
    body = [["STT", "Cơ quan, đơn vị", *groups, "Tổng điểm", "Xếp hạng", "Xếp loại"]]
    body += [[str(i), name, *points, total, str(i), grade] for i, (name, points, total, grade) in enumerate(rows, 1)]
    write_docx_tables(path, prose, [("", body[0], body[1:])], after=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"])


def test_the_header_maxima_rule_where_the_grouping_differs_from_the_scheme(tmp_path):
    path = tmp_path / "summary.docx"
    _write(path)
    result = verify_path(path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.verdict == "ĐẠT"


def test_a_point_above_the_stated_maximum_is_a_slip(tmp_path):
    rows = list(ROWS)
    rows[1] = ("Sở Y tế", ("14,40", "16,00", "23,00", "14,40", "17,60"), "85,40", "Tốt")
    path = tmp_path / "over.docx"
    _write(path, rows)
    errors = [(f.code, f.reported, str(f.expected)) for f in verify_path(path).findings if f.severity == "error"]
    assert ("SCORE_EXCEEDS_MAX", "23.00", "22") in errors or any(
        code == "MAX_MISMATCH" and reported == "23.00" for code, reported, _ in errors), errors


def test_brackets_that_number_the_columns_are_no_maxima(tmp_path):
    groups = ("Công khai, minh bạch (1)", "Tiến độ giải quyết (2)", "Dịch vụ công trực tuyến (3)",
              "Mức độ hài lòng (4)", "Số hóa hồ sơ (5)")
    rows = [(name, points, total, grade) for name, points, total, grade in ROWS]
    path = tmp_path / "numbered.docx"
    _write(path, rows, groups)
    # "(3)" is no maximum of 3: no point is held to a column's number (the scheme's maxima stay)
    maxima = {str(f.expected) for f in verify_path(path).findings if f.code == "SCORE_EXCEEDS_MAX"}
    assert maxima <= {"12"} and not maxima & {"1", "2", "3", "4", "5"}
