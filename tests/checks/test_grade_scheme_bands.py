"""A table recognised as a QĐ 766 table whose headers bind only part of the
scheme (its own group maxima, columns the scheme does not have) is graded by
the table's own order; where one unit's grade keeps that order but leaves the
scheme's bands (90/80/70/50) that every other unit follows, it is a warning,
never an error (the document states no bands; its office may use others),
and two units or more off the bands are the office's own bands. Figures: a
province's ten departments, quarter III; written as DOCX with python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = ["TT", "Cơ quan, đơn vị", "Công khai, minh bạch (18 điểm)", "Tiến độ giải quyết (20 điểm)",
        "Dịch vụ công trực tuyến (12 điểm)", "Mức độ hài lòng (18 điểm)", "Số hóa hồ sơ (32 điểm)",
        "Tổng điểm (100 điểm)", "Điểm quý II", "Xếp loại"]
UNITS = [("Sở Y tế", "18,00", "20,00", "11,90", "17,60", "31,50", "99,00", "93,05", "Xuất sắc"),
         ("Sở Tư pháp", "17,75", "19,50", "11,70", "17,80", "31,00", "97,75", "95,10", "Xuất sắc"),
         ("Sở Xây dựng", "17,50", "19,25", "11,40", "17,10", "30,75", "96,00", "82,40", "Xuất sắc"),
         ("Sở Nội vụ", "16,75", "18,00", "11,10", "16,50", "28,00", "90,35", "86,64", "Xuất sắc"),
         ("Sở Tài chính", "16,00", "18,50", "10,80", "16,90", "27,25", "89,45", "85,12", "Tốt"),
         ("Sở Nông nghiệp và Môi trường", "15,50", "17,75", "10,20", "16,20", "26,50", "86,15", "88,00", "Tốt"),
         ("Sở Giáo dục và Đào tạo", "14,25", "16,00", "9,60", "15,30", "24,00", "79,15", "77,90", "Khá"),
         ("Sở Công Thương", "13,00", "15,50", "8,40", "14,40", "20,25", "71,55", "73,35", "Khá"),
         ("Sở Văn hóa, Thể thao và Du lịch", "12,50", "14,00", "7,80", "13,50", "18,75", "66,55", "69,80",
          "Trung bình"),
         ("Sở Khoa học và Công nghệ", "10,00", "12,50", "6,60", "12,60", "15,00", "56,70", "60,15", "Trung bình")]


def _findings(tmp_path, grades: dict[int, str] | None = None):
    doc = Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "VĂN PHÒNG", "Số: 88/TB-VPUBND",
                 "Đắk Nông, ngày 12 tháng 10 năm 2026", "THÔNG BÁO",
                 "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2026",
                 "Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, Văn phòng UBND tỉnh "
                 "thông báo kết quả như sau:"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(HEAD))
    for c, text in enumerate(HEAD):
        table.cell(0, c).text = text
    for i, unit in enumerate(UNITS):
        cells = table.add_row().cells
        for c, text in enumerate((str(i + 1), *unit[:-1], (grades or {}).get(i, unit[-1]))):
            cells[c].text = text
    path = tmp_path / "tb.docx"
    doc.save(path)
    return [f for f in run_checks(read_path(path), CheckContext()) if "GRADE" in f.code]


def test_grades_on_the_scheme_bands_give_nothing(tmp_path):
    assert _findings(tmp_path) == []


def test_one_grade_off_the_scheme_bands_in_the_tables_order_is_a_warning(tmp_path):
    findings = _findings(tmp_path, {3: "Tốt"})  # 90,35 "Tốt": the table's order allows an edge at 95
    assert [(f.code, f.severity.value, f.unit, f.reported, f.expected) for f in findings] == [
        ("GRADE_BAND_MISMATCH", "warning", "Sở Nội vụ", "Tốt", "Xuất sắc")]
    assert "90,35" in findings[0].message and "Xuất sắc từ 90" in findings[0].message


def test_two_units_off_the_scheme_bands_are_the_offices_own_bands(tmp_path):
    # Xuất sắc from 85 in this office: 89,45 and 86,15 both "Xuất sắc" — its band, not two slips
    assert _findings(tmp_path, {4: "Xuất sắc", 5: "Xuất sắc"}) == []


def test_an_office_without_the_top_grade_keeps_its_top_band_open(tmp_path):
    # no "Xuất sắc" in the table: 99,00 "Tốt" fits (never a band the document does not have)
    assert _findings(tmp_path, {0: "Tốt", 1: "Tốt", 2: "Tốt", 3: "Tốt"}) == []
