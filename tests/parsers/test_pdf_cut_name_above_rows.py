"""A table without rules printed by LibreOffice from a DOCX whose paragraphs
keep a space after them (the cells' too): a unit's name wrapped over four
lines is cut by the page break after "Thể", and the next page, whose part
repeats no header, opens with "thao và Du lịch" above the first row, set
apart from it by the space between two rows (more than a line). Those lines
are the rest of the cut row, not paragraphs between the parts: the parts
are one table, the name whole (parsers/pdf_words_above.py, ``_cut_rest``)."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

NAME = "Sở Văn hóa, Thể thao và Du lịch"
HEAD = ["STT", "Tên cơ quan, đơn vị"] + [f"Điểm {j}" for j in range(1, 7)]
ROWS = ([HEAD] + [[str(i), "Sở Nội vụ" if i % 2 else "Sở Tư pháp"] + [f"{i % 9 + 1},{i % 7}5"] * 6
                  for i in range(1, 13)]
        + [["13", NAME] + ["8,25"] * 6] + [[str(14 + j), "Sở Y tế"] + ["7,5"] * 6 for j in range(5)])


def test_a_names_rest_above_the_first_row_of_the_next_page_stays_in_its_row(tmp_path):
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    t = doc.add_table(rows=len(ROWS), cols=len(HEAD))  # no style: no rules
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    doc.save(tmp_path / "cut.docx")
    (pdf,) = libreoffice_pdfs([tmp_path / "cut.docx"], tmp_path)
    read = read_raw(pdf)
    (table,) = read.tables
    assert table.grid() == ROWS
    assert {c.page for row in table.rows for c in row} == {1, 2}
    assert not [p.text for p in read.paragraphs if "Du lịch" in p.text]
