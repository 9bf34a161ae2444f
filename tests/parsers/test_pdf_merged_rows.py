"""A unit's name merged down its block of rows in a table without rules,
printed by LibreOffice (parsers/pdf_rows.py, ``_stacked``): the name wraps
past its block's first row, even inside a word ('Thươn' / 'g'), and its
lines at line spacing stay one cell spanning the rows they reach; each
period's row stays a row of its own."""
from __future__ import annotations

import pytest

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw

pytestmark = pytest.mark.slow

HEAD = ["STT", "Đơn vị", "Kỳ", "Tổng số hồ sơ tiếp nhận", "Trực tuyến", "Trực tiếp, bưu chính", "Đã giải quyết",
        "Đúng hạn", "Quá hạn"]
UNITS = [("Sở Tư pháp", [["Quý III", "1.210", "845", "365", "1.180", "1.162", "18"],
                         ["Quý IV", "1.344", "990", "354", "1.301", "1.290", "11"]]),
         ("Sở Công Thương", [["Quý III", "2.230", "2.011", "219", "2.215", "2.214", "1"],
                             ["Quý IV", "2.105", "1.950", "155", "2.090", "2.088", "2"]]),
         ("Sở Nông nghiệp và Môi trường", [["Quý III", "3.120", "1.560", "1.560", "3.010", "2.890", "120"],
                                           ["Quý IV", "3.410", "1.822", "1.588", "3.350", "3.260", "90"],
                                           ["Cả năm", "6.530", "3.382", "3.148", "6.360", "6.150", "210"]]),
         ("Sở Y tế", [["Quý III", "640", "590", "50", "630", "630", "0"],
                      ["Quý IV", "702", "655", "47", "690", "689", "1"]])]


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    """The table as python-docx writes it (no borders, nine equal columns on
    a portrait page: the names wrap), STT and name merged down each block."""
    from docx import Document

    out = tmp_path_factory.mktemp("merged-rows")
    doc = Document()
    doc.add_paragraph("Phụ lục: Số liệu tiếp nhận, giải quyết hồ sơ của các sở")
    n_rows = sum(len(rows) for _, rows in UNITS)
    t = doc.add_table(rows=1 + n_rows, cols=len(HEAD))
    for i, text in enumerate(HEAD):
        t.cell(0, i).text = text
    r = 1
    for k, (name, rows) in enumerate(UNITS, start=1):
        t.cell(r, 0).text, t.cell(r, 1).text = str(k), name
        for j, figures in enumerate(rows):
            for c, text in enumerate(figures, start=2):
                t.cell(r + j, c).text = text
        for c in (0, 1):
            t.cell(r, c).merge(t.cell(r + len(rows) - 1, c))
        r += len(rows)
    doc.save(out / "blocks.docx")
    (pdf,) = libreoffice_pdfs([out / "blocks.docx"], out)
    (found,) = read_raw(pdf).tables
    return found


def test_a_name_wrapped_past_its_first_row_stays_one_cell(table):
    names = [c for row in table.rows for c in row if c.col == 1 and c.text and c.text != "Đơn vị"]
    assert [(c.text, c.rowspan) for c in names] == [
        ("Sở Tư pháp", 1), ("Sở Công Thương", 2), ("Sở Nông nghiệp và Môi trường", 3), ("Sở Y tế", 1)]


def test_every_period_keeps_its_own_row(table):
    grid = table.grid()[table.header_rows or 1:]
    assert [row[2:] for row in grid] == [figures for _, rows in UNITS for figures in rows]
    assert [row[0] for row in grid] == ["1", "", "2", "", "3", "", "", "4", ""]
