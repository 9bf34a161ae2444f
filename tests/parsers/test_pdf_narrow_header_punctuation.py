"""Sixteen columns of a QĐ 766 unit table on a portrait page, ruled, as
LibreOffice prints python-docx's equal widths: a header cell too narrow for
"điểm)" or "quan," sets the closing bracket or the comma at the start of
the next line. No space is written before a closing bracket or a comma, nor
after an opening bracket: the lines are joined without one, and each header
reads as the DOCX writes it (parsers/pdf_grid.py, ``join_wrapped``)."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

GROUPS = [("Công khai, minh bạch", 18), ("Tiến độ, kết quả giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
          ("Thanh toán trực tuyến", 10), ("Mức độ hài lòng", 18), ("Số hóa hồ sơ", 22)]
HEAD = (["STT", "Tên cơ quan, đơn vị"]
        + [f"{name} ({top} điểm) - {part}" for name, top in GROUPS for part in ("Tỷ lệ đạt (%)", "Điểm đạt")]
        + ["Tổng điểm (100)", "Xếp hạng"])
ROWS = [["1", "Sở Tư pháp", "100", "18", "95,5", "19,1", "100", "12", "80", "8", "100", "18", "90", "19,8",
         "94,9", "1"],
        ["2", "Sở Y tế", "88,9", "16", "100", "20", "75", "9", "100", "10", "94,4", "17", "81,8", "18",
         "90", "2"]]


def test_a_bracket_or_comma_set_on_the_next_line_closes_its_word(tmp_path):
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_paragraph("Phụ lục: Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp")
    t = doc.add_table(rows=1 + len(ROWS), cols=len(HEAD))
    t.style = "Table Grid"
    for i, row in enumerate([HEAD, *ROWS]):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    doc.save(tmp_path / "narrow.docx")
    (pdf,) = libreoffice_pdfs([tmp_path / "narrow.docx"], tmp_path)
    (table,) = read_raw(pdf).tables
    assert table.grid() == [HEAD, *ROWS]
