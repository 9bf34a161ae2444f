"""A ruled table printed by LibreOffice from a DOCX (no cell padding above
or below a cell's text): a row whose cells after its name are empty, then a
total row whose first cell is empty. The total's label is drawn right after
the name above it, one line lower at about the line spacing, in the same
column: it is still its own cell's first line, since it starts as far below
its row's top rule as every cell's first line does, not the name's line
running on past a clipped cell (parsers/pdf_grid.py)."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

ROWS = [["TT", "Nhóm chỉ số / chỉ tiêu", "Điểm", "Điểm tối đa"],
        ["1", "Tỷ lệ hồ sơ đồng bộ trạng thái lên Cổng DVCQG", "6", "6"],
        ["2", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "", ""],
        ["", "Tổng cộng", "6", "6"]]


def test_a_total_label_under_a_row_without_figures_stays_in_the_total_row(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Phụ lục: Kết quả chấm điểm")
    t = doc.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    t.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    doc.save(tmp_path / "total.docx")
    (pdf,) = libreoffice_pdfs([tmp_path / "total.docx"], tmp_path)
    (table,) = read_raw(pdf).tables
    assert table.grid() == ROWS
