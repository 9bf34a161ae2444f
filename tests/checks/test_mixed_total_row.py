"""A "Tổng cộng" row that adds the dossiers evaluated and, on the same row,
writes each indicator's mean over the units and the mean total (a one-stop
evaluation under TT 01/2018/TT-VPCP): the averaged columns are means, never
broken sums, and the row is not held to a sum across its columns (a unit
without data for an indicator, "-", leaves that mean over fewer units).
A slipped mean is one error at its cell. Figures: five departments' one-stop
sections, quarter III; DOCX written with python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = ["STT", "Cơ quan, đơn vị", "Số hồ sơ được đánh giá", "CS1", "CS2", "CS3", "CS4",
        "Tổng điểm"]
UNITS = [("Sở Tư pháp", "1.204", "1,8", "1,6", "2,0", "1,9", "7,3"),
         ("Sở Xây dựng", "386", "1,2", "-", "1,4", "1,0", "3,6"),
         ("Sở Y tế", "2.015", "2,0", "1,9", "1,7", "1,8", "7,4"),
         ("Sở Công Thương", "744", "0,9", "1,1", "1,3", "0,8", "4,1"),
         ("Thanh tra tỉnh", "57", "1,5", "1,4", "1,6", "2,0", "6,5")]
# 4.406 dossiers; means 1,48 | 1,50 (four units) | 1,60 | 1,50; mean total 5,78 (≠ 6,08, the means' sum)
TOTAL = ("Tổng cộng", "4.406", "1,48", "1,50", "1,60", "1,50", "5,78")


def _errors(tmp_path, total=TOTAL):
    doc = Document()
    for line in ("UBND TỈNH GIA LAI", "VĂN PHÒNG", "Số: 212/BC-VP", "Gia Lai, ngày 10 tháng 10 năm 2026",
                 "BÁO CÁO", "Kết quả đánh giá việc giải quyết thủ tục hành chính quý III năm 2026"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(HEAD))
    for c, text in enumerate(HEAD):
        table.cell(0, c).text = text
    for i, unit in enumerate(UNITS + [total]):
        cells = table.add_row().cells
        for c, text in enumerate((str(i + 1) if i < len(UNITS) else "", *unit)):
            cells[c].text = text
    path = tmp_path / "bc.docx"
    doc.save(path)
    return [(f.code, f.unit, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value == "error"]


def test_a_total_row_of_sums_and_means_gives_no_error(tmp_path):
    assert _errors(tmp_path) == []


def test_a_slipped_mean_on_the_total_row_is_one_error_at_its_cell(tmp_path):
    total = TOTAL[:4] + ("1,80",) + TOTAL[5:]  # Chỉ số 3: 8,0 / 5 = 1,60
    assert _errors(tmp_path, total) == [("SUM_ROW_MISMATCH", "Tổng cộng", "1.80", "1.60")]


def test_a_slipped_sum_on_the_same_row_is_still_a_sum(tmp_path):
    total = ("Tổng cộng", "4.460") + TOTAL[2:]
    assert _errors(tmp_path, total) == [("SUM_ROW_MISMATCH", "Tổng cộng", "4460", "4406")]


def test_a_toan_tinh_row_of_means_adds_its_dossiers(tmp_path):
    # a row named for the whole province is held to the mean where its figures are means, and to
    # the sum in the one column where it is the sum (the dossiers evaluated)
    assert _errors(tmp_path, ("Toàn tỉnh",) + TOTAL[1:]) == []
    total = ("Toàn tỉnh", "4.460") + TOTAL[2:]
    assert _errors(tmp_path, total) == [("SUM_ROW_MISMATCH", "Toàn tỉnh", "4460", "4406")]
