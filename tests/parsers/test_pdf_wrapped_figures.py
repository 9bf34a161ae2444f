"""A QĐ 766 unit table of sixteen equal columns without rules on a portrait
page, as LibreOffice prints it from a DOCX: the columns are too narrow for
"52,05", and LibreOffice breaks the figure after its comma ("52," over
"05") or before its last digit ("9,3" over "7"). A cell never holds two
figures one above the other, but these are one figure each: the line of
their ends is no row of its own (parsers/pdf_rows.py, ``_stacked``)."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

HEAD = ["STT", "Tên cơ quan, đơn vị"] + [f"{part} {g}" for g in ("CKMB", "TĐGQ", "DVCTT", "TTTT", "MĐHL", "SHHS")
                                         for part in ("Tỷ lệ", "Điểm")] + ["Tổng điểm", "Xếp hạng"]
ROWS = [["1", "Xã Đắk Mil", "52,05", "9,37", "100", "20", "100", "12", "100", "10", "90,26", "16,25", "94,87",
         "20,87", "88,49", "2"],
        ["2", "Sở Giáo dục và Đào tạo", "100", "18", "100", "20", "100", "12", "100", "10", "56,08", "10,09",
         "76,01", "16,72", "86,81", "3"],
        ["3", "Phường Tân Phong", "62,09", "11,18", "100", "20", "92,05", "11,05", "100", "10", "100", "18",
         "100", "22", "92,23", "1"],
        ["", "Tổng cộng", "", "38,55", "", "60", "", "35,05", "", "30", "", "44,34", "", "60,87", "267,53", ""]]


def test_a_figure_wrapped_in_a_narrow_column_stays_one_figure_of_its_row(tmp_path):
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_paragraph("Phụ lục: Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp")
    t = doc.add_table(rows=1 + len(ROWS), cols=len(HEAD))  # no style: no rules
    for i, row in enumerate([HEAD, *ROWS]):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    doc.save(tmp_path / "wrapped.docx")
    (pdf,) = libreoffice_pdfs([tmp_path / "wrapped.docx"], tmp_path)
    (table,) = read_raw(pdf).tables
    assert table.grid()[-len(ROWS):] == ROWS
    assert len(table.rows) == 1 + len(ROWS)
