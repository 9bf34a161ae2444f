"""Group names merged over runs of rows in a table without inner rules
(parsers/pdf_rows.py): whatever the producer and wherever the name is set in
its merged cell (top, or centred: a one-line name over three rows sits on the
middle row's line), it is read into the first row of its run and spans the
run, as the DOCX has it."""
from __future__ import annotations

import pytest
from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from fixtures.build_pdf import browser_pdf, reportlab_pdf
from parsers import read_raw
from parsers.legacy_office import convert

GROUPS = [("Sở, ngành", [("Sở Tư pháp", "18,50", "Tốt"), ("Sở Tài chính", "17,75", "Khá"),
                         ("Sở Xây dựng", "16,00", "Khá")]),
          ("Cấp xã", [("UBND xã Mường Phăng", "15,50", "Trung bình"), ("UBND xã Thanh Xương", "14,25", "Trung bình"),
                      ("UBND phường Mường Thanh", "17,00", "Khá"), ("UBND xã Nà Tấu", "16,50", "Khá"),
                      ("UBND xã Mường Ảng", "13,00", "Yếu")]),
          ("Khác", [("Ban Dân tộc", "17,25", "Khá"), ("Thanh tra tỉnh", "18,00", "Tốt"), ("Sở Y tế", "19,25", "Tốt")])]


def _outer_border_only(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "single" if side in ("top", "left", "bottom", "right") else "nil")
        e.set(qn("w:sz"), "4")
        borders.append(e)
    table._tbl.tblPr.append(borders)


def _docx(path, group_col: int, valign) -> list[list[str]]:
    """The table with the groups' column at ``group_col`` (the numbers in the
    other of the first two); the grid a reader sees."""
    head = ["STT", "Khối"] if group_col == 1 else ["Khối", "STT"]
    head += ["Cơ quan, đơn vị", "Điểm", "Xếp loại"]
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    t = doc.add_table(rows=1 + sum(len(units) for _, units in GROUPS), cols=5)
    _outer_border_only(t)
    for c, v in zip(t.rows[0].cells, head):
        c.text = v
    grid, r = [head], 1
    for name, units in GROUPS:
        merged = t.cell(r, group_col).merge(t.cell(r + len(units) - 1, group_col))
        merged.text = name
        merged.vertical_alignment = valign
        for i, unit in enumerate(units):
            row = [str(r), name if i == 0 else ""][::1 if group_col == 1 else -1] + list(unit)
            for c, v in enumerate(row):
                if c != group_col:
                    t.cell(r, c).text = v
            grid.append(row)
            r += 1
    doc.save(path)
    return grid


@pytest.mark.parametrize("producer", ["libreoffice", "reportlab", "browser"])
def test_a_centred_group_name_beside_the_numbers_goes_to_the_first_row_of_its_run(tmp_path, producer):
    """Centred by LibreOffice and the browser; the reportlab builder sets every
    cell at the top, so its names are in their first rows already and nothing
    shows they span more (a name beside the numbers may be a note)."""
    grid = _docx(tmp_path / "g.docx", 1, WD_ALIGN_VERTICAL.CENTER)
    pdf = {"libreoffice": lambda: convert(tmp_path / "g.docx", "pdf", tmp_path),
           "reportlab": lambda: reportlab_pdf(tmp_path / "g.docx", tmp_path / "g.rl.pdf"),
           "browser": lambda: browser_pdf(tmp_path / "g.docx", tmp_path / "g.web.pdf", rules=False)}[producer]()
    (table,) = read_raw(pdf).tables
    assert table.grid() == grid
    spans = [1, 1, 1] if producer == "reportlab" else [3, 5, 3]
    assert [(c.text, c.row, c.rowspan) for row in table.rows for c in row if c.col == 1 and c.text != "Khối"] == [
        ("Sở, ngành", 1, spans[0]), ("Cấp xã", 4, spans[1]), ("Khác", 9, spans[2])]


@pytest.mark.parametrize("valign", [WD_ALIGN_VERTICAL.TOP, WD_ALIGN_VERTICAL.CENTER])
def test_group_names_in_the_first_column_leave_the_numbers_of_the_second_the_rows(tmp_path, valign):
    """'Sở, ngành' left of 'STT' (LibreOffice, outer border only): the second
    column numbers the rows; a name wrapped over two rows' lines stays one
    cell, in the first row of its run."""
    grid = _docx(tmp_path / "g.docx", 0, valign)
    (table,) = read_raw(convert(tmp_path / "g.docx", "pdf", tmp_path)).tables
    assert table.grid() == grid
    assert [(c.text, c.row, c.rowspan) for row in table.rows for c in row if c.col == 0 and c.row > 0] == [
        ("Sở, ngành", 1, 3), ("Cấp xã", 4, 5), ("Khác", 9, 3)]
