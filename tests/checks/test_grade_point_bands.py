"""A TT 01/2018/TT-VPCP evaluation whose columns the scheme does not bind
("CS1 … CS9") is graded on the circular's absolute bands of an 18-point total
(Xuất sắc from 15, Tốt from 12, Khá from 9, Trung bình from 6), not on round
edges of 5: 10,1 "Khá" and 13,6 "Tốt" are right. One unit off those bands in
a document that cites the circular is an error naming the right grade; the
table that counts units by grade ("Xếp loại | Số lượng | Tỷ lệ %") grades
nothing, and its "Tổng cộng" of rounded shares (100,01) is their sum, no
percent over 100. Figures: seven communes' one-stop sections, quarter II; DOCX written
with python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = ["STT", "Đơn vị", "Số hồ sơ được đánh giá", "CS1", "CS2", "CS3", "CS4", "CS5", "CS6", "CS7", "CS8",
        "CS9", "Tổng điểm", "Xếp loại"]
UNITS = [("Xã Lạc Dương", "893", "2,0", "1,1", "2,0", "1,9", "1,0", "1,1", "1,5", "1,0", "2,0", "13,6", "Tốt"),
         ("UBND xã Quảng Thành", "1.509", "1,8", "2,0", "2,0", "2,0", "2,0", "1,5", "1,9", "2,0", "2,0", "17,2",
          "Xuất sắc"),
         ("Xã Long Hải", "1.724", "0,7", "1,2", "1,0", "1,4", "1,0", "0,8", "1,0", "2,0", "1,0", "10,1", "Khá"),
         ("Phường Bảo Lộc 1", "655", "1,9", "1,4", "1,6", "1,7", "2,0", "1,4", "1,5", "2,0", "-", "13,5", "Tốt"),
         ("Đặc khu Phú Quý", "212", "0,4", "0,5", "0,6", "0,3", "0,0", "0,9", "0,6", "1,0", "0,0", "4,3", "Yếu"),
         ("Xã Tân Phú", "1.046", "1,2", "0,9", "0,8", "1,0", "1,0", "0,7", "0,9", "1,0", "0,0", "7,5", "Trung bình"),
         ("Xã Hòa Bình", "377", "1,6", "1,8", "1,7", "1,5", "2,0", "1,8", "1,6", "2,0", "1,0", "15,0", "Xuất sắc")]
COUNTS = [("Xuất sắc", "2", "28,57"), ("Tốt", "2", "28,57"), ("Khá", "1", "14,29"), ("Trung bình", "1", "14,29"),
          ("Yếu", "1", "14,29"), ("Tổng cộng", "7", "100,01")]


def _findings(tmp_path, grades: dict[int, str] | None = None, cite: bool = True, code="GRADE_BAND_MISMATCH",
              counts=COUNTS):
    doc = Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 41/BC-TTPVHCC",
                 "Lâm Đồng, ngày 08 tháng 7 năm 2026", "BÁO CÁO",
                 "Kết quả đánh giá việc giải quyết thủ tục hành chính quý II năm 2026",
                 ("Thực hiện Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ, "
                  if cite else "") + "Trung tâm báo cáo kết quả đánh giá như sau:"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(HEAD))
    for c, text in enumerate(HEAD):
        table.cell(0, c).text = text
    for i, unit in enumerate(UNITS):
        cells = table.add_row().cells
        for c, text in enumerate((str(i + 1), *unit[:-1], (grades or {}).get(i, unit[-1]))):
            cells[c].text = text
    doc.add_paragraph("Tổng hợp kết quả xếp loại")
    summary = doc.add_table(rows=1, cols=4)
    for c, text in enumerate(("STT", "Xếp loại", "Số lượng", "Tỷ lệ %")):
        summary.cell(0, c).text = text
    for i, row in enumerate(counts):
        cells = summary.add_row().cells
        for c, text in enumerate((str(i + 1) if i < 5 else "", *row)):
            cells[c].text = text
    path = tmp_path / "bc.docx"
    doc.save(path)
    found = run_checks(read_path(path), CheckContext())
    return [f for f in found if f.code == code or code is None and f.severity.value == "error"]


def test_grades_on_the_circulars_bands_give_nothing(tmp_path):
    assert _findings(tmp_path) == []


def test_one_grade_off_the_circulars_bands_is_an_error_with_the_right_grade(tmp_path):
    findings = _findings(tmp_path, {0: "Khá"})  # 13,6 is Tốt (12 to under 15)
    assert [(f.code, f.severity.value, f.unit, f.reported, f.expected) for f in findings] == [
        ("GRADE_BAND_MISMATCH", "error", "Xã Lạc Dương", "Khá", "Tốt")]
    assert "13,6" in findings[0].message and "Tốt từ 12" in findings[0].message


def test_without_the_citation_the_one_grade_off_is_no_error(tmp_path):
    findings = _findings(tmp_path, {0: "Khá"}, cite=False)
    assert [f for f in findings if f.severity.value == "error" and f.unit == "Xã Lạc Dương"] == []


def test_a_total_of_rounded_shares_just_over_100_is_their_sum(tmp_path):
    assert _findings(tmp_path, code="PERCENT_OVER_100") == []


def test_a_total_of_shares_over_100_by_more_than_their_rounding_is_an_error(tmp_path):
    counts = COUNTS[:5] + [("Tổng cộng", "7", "100,11")]  # the shares add up to 100,01
    findings = _findings(tmp_path, code=None, counts=counts)
    assert [(f.unit, f.reported) for f in findings] == [("Tổng cộng", "100.11")]
