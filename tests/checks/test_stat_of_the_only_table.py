"""A mean of the units that names no column ("Điểm bình quân của các sở,
ngành đạt 83,27 điểm") is checked against the column it agrees with; when it
agrees with none and the report's annex after its text ("Phụ lục") has the
document's one column of points, it is that column's mean, and a slip is an
error (hold-out h-new24: a wrong mean in the body was only ever unchecked).
A mean of one group of indicators ("Số hóa hồ sơ … bình quân đạt 59,78% số
điểm tối đa", a draft's) is never the annex's result column. Figures: six
departments of a province, quarter III."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

UNITS = [("Sở Y tế", "99,00"), ("Sở Tư pháp", "97,75"), ("Sở Xây dựng", "96,00"), ("Sở Nội vụ", "90,35"),
         ("Sở Tài chính", "89,45"), ("Sở Công Thương", "71,55")]  # mean 90,68


def _run(tmp_path, mean: str):
    doc = Document()
    doc.add_paragraph(f"1. Điểm bình quân của các sở, ngành đạt {mean} điểm.")
    doc.add_paragraph("2. Đề nghị các sở, ngành tiếp tục nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
    doc.add_paragraph("Phụ lục")  # the table in an appendix, in no section of the claim
    doc.add_paragraph("KẾT QUẢ ĐÁNH GIÁ QUÝ III NĂM 2026")
    table = doc.add_table(rows=1, cols=3)
    for c, text in enumerate(("TT", "Cơ quan, đơn vị", "Tổng điểm")):
        table.cell(0, c).text = text
    for i, (name, total) in enumerate(UNITS, 1):
        cells = table.add_row().cells
        for c, text in enumerate((str(i), name, total)):
            cells[c].text = text
    path = tmp_path / "tb.docx"
    doc.save(path)
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    return ([(f.code, f.severity.value, f.reported, f.expected) for f in findings
             if f.code in ("STAT_MISMATCH", "CLAIM_UNCHECKED")], ctx.ledger.line())


def test_the_mean_of_the_only_tables_total_is_checked(tmp_path):
    findings, line = _run(tmp_path, "90,68")
    assert findings == []
    assert "1/1 nhận định" in line


def test_a_mean_that_agrees_with_no_column_is_held_to_the_annexs_one_column(tmp_path):
    findings, line = _run(tmp_path, "91,68")
    assert findings == [("STAT_MISMATCH", "error", "91.68", "90.68")]
    assert "1/1 nhận định" in line
