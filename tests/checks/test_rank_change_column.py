"""A column of rank changes ("Tăng/giảm (bậc)") is last year's rank less this
year's (a PCI table of a province's sub-indices: 47th → 11th is up 36
places). A rank change written wrong is an error at its cell, even where the
same three columns already make an inferred difference (a warning only).
Figures: five PCI sub-indices of a province among 63; DOCX written with
python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path
from reportgen.verify import verify_path
from tests.support import write_docx_tables

HEAD = ["STT", "Chỉ số thành phần", "Năm 2023", "Năm 2024", "Tăng/giảm (điểm)", "Thứ hạng 2023", "Thứ hạng 2024",
        "Tăng/giảm (bậc)"]
ROWS = [("Chi phí gia nhập thị trường", "5,94", "5,34", "-0,60", "47", "11", "+36"),
        ("Tiếp cận đất đai", "8,05", "8,16", "+0,11", "38", "59", "-21"),
        ("Tính minh bạch", "8,27", "7,78", "-0,49", "61", "17", "+44"),
        ("Chi phí thời gian", "6,61", "6,14", "-0,47", "50", "9", "+41"),
        ("Chi phí không chính thức", "8,13", "8,05", "-0,08", "20", "49", "-29")]


def _errors(tmp_path, rows=ROWS):
    doc = Document()
    for line in ("UBND TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ", "Số: 61/BC-SNV", "Thái Nguyên, ngày 14 tháng 5 năm 2025",
                 "BÁO CÁO", "Phân tích kết quả Chỉ số PCI năm 2024"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(HEAD))
    for c, text in enumerate(HEAD):
        table.cell(0, c).text = text
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for c, text in enumerate((str(i + 1), *row)):
            cells[c].text = text
    path = tmp_path / "bc.docx"
    doc.save(path)
    return [(f.code, f.unit, f.column, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value == "error"]


def test_rank_changes_that_are_the_difference_give_nothing(tmp_path):
    assert _errors(tmp_path) == []


def test_a_rank_change_written_wrong_is_an_error_at_its_cell(tmp_path):
    rows = list(ROWS)
    rows[2] = rows[2][:6] + ("+42",)  # 61 − 17 = 44
    [(code, unit, _, reported, expected)] = _errors(tmp_path, rows)
    assert (code, unit, reported, expected) == ("CHANGE_COLUMN_MISMATCH", "Tính minh bạch", "42", "44")


def test_a_change_two_units_off_where_every_other_row_is_exact_is_a_slip(tmp_path):
    """SIPAS of two years: each change is the exact difference of the written
    percents but one, 0,02 off — within the rounding of two figures, yet the
    table computes from its written figures."""
    rows = [["1", "Tiếp cận dịch vụ", "89,19", "88,27", "-0,92"],
            ["2", "Thủ tục hành chính", "84,43", "85,90", "+1,47"],
            ["3", "Công chức trực tiếp giải quyết công việc", "88,48", "88,72", "+0,24"],
            ["4", "Kết quả dịch vụ", "82,59", "83,63", "+1,04"],
            ["5", "Trách nhiệm giải trình", "80,60", "79,11", "-1,49"],
            ["6", "Sự tham gia của người dân", "78,94", "77,06", "-1,86"]]
    path = tmp_path / "sipas.docx"
    write_docx_tables(path, ["SIPAS 2023 - 2024"], [("SIPAS 2023 - 2024", ["TT", "Nội dung", "Năm 2023 (%)",
                                                                          "Năm 2024 (%)", "Tăng (+)/Giảm (-)"], rows)])
    result = verify_path(path)
    assert [(f.code, f.unit, f.reported, f.expected) for f in result.findings if f.severity == "error"] == [
        ("CHANGE_COLUMN_MISMATCH", "Sự tham gia của người dân", "-1.86", "-1.88")]
