"""A ruled table of fourteen columns printed by LibreOffice from a DOCX,
its last row a total without a number ("Trung bình", wrapped in its narrow
column: "Tru" / "ng" / "bìn" / "h") cut by the page break after "ng": the
next page holds only the rest of that row, words in one cell. That grid of
one row is no table of its own and no paragraph: it is the rest of the
cut row (parsers/pdf_page_tables.py ``_rest_at_head``, parsers/pdf_merge.py
``remnant``)."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

HEAD = ["STT", "Tên đơn vị"] + [f"C{j}" for j in range(1, 13)]
ROWS = [HEAD] + [[str(i), f"Sở số {i}"] + ["10"] * 12 for i in range(1, 33)] + [["", "Trung bình"] + ["9"] * 12]


def test_the_rest_of_a_total_row_cut_by_the_page_break_joins_it(tmp_path):
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    t = doc.add_table(rows=len(ROWS), cols=len(HEAD))
    t.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    doc.save(tmp_path / "cut.docx")
    (pdf,) = libreoffice_pdfs([tmp_path / "cut.docx"], tmp_path)
    read = read_raw(pdf)
    (table,) = read.tables
    assert {c.page for row in table.rows for c in row if c.text == "Trung bình"} == {2}  # cut on page 2, read whole
    assert table.grid()[-1] == ROWS[-1]
    assert not [p.text for p in read.paragraphs if "bìn" in p.text]
