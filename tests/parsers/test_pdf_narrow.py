"""A numbering column too narrow for two digits (parsers/pdf_rows.py): the
producer wraps '10' into '1' over '0'; the row is numbered 10, not cut into
a row 1 and a row 0."""
from __future__ import annotations

import pytest

from parsers import read_raw


@pytest.mark.parametrize("width", [20, 24])
def test_a_row_number_wrapped_in_a_narrow_column_stays_one_number(tmp_path, width):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    style = ParagraphStyle("c", fontName=FONT_NAME, fontSize=9, leading=11)
    names = ["Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "UBND huyện Mường Chà", "Sở Y tế",
             "Sở Nội vụ", "Ban Dân tộc", "Thanh tra tỉnh", "Sở Tư pháp", "Sở Xây dựng",
             "Ban Quản lý các khu kinh tế", "UBND thị xã Mường Lay", "Sở Công Thương"]
    rows = [["TT", "Đơn vị", "Hồ sơ tiếp nhận", "Đúng hạn"]]
    for k, name in enumerate(names, 1):
        rows.append([str(k), name, f"{1000 + 37 * k}", f"{900 + 29 * k}"])
    data = [[Paragraph(c, style) for c in row] for row in rows]
    path = tmp_path / "narrow.pdf"
    table = Table(data, colWidths=[width, 120, 70, 60])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    (t,) = read_raw(path).tables
    body = [[c.replace(" ", "") if j == 0 else c for j, c in enumerate(r)] for r in t.grid()[t.header_rows or 0:]]
    assert [r[0] for r in body] == [str(k) for k in range(1, 13)]
    assert body[9] == ["10", "Ban Quản lý các khu kinh tế", "1370", "1190"]


def test_words_libreoffice_breaks_inside_a_narrow_column_are_joined_again(tmp_path):
    """A twelve-column table of a district's procedures: in the 1,3 cm name and
    header columns LibreOffice breaks a word that does not fit the cell ('Tổn' /
    'g', 'chu' / 'yển', 'quy' / 'ết'); the cell reads as Word shows it."""
    from docx import Document
    from docx.shared import Cm, Pt

    from parsers.legacy_office import convert

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    t = doc.add_table(rows=3, cols=6)
    t.style = "Table Grid"
    head = ["STT", "Đơn vị", "Kỳ trước chuyển qua", "Tổng", "Đang giải quyết", "Tỷ lệ đúng hạn (%)"]
    body = [["", "Tổng cộng", "58", "2.135", "133", "98,7"], ["1", "UBND xã Đạ Tẻh", "12", "442", "36", "98,5"]]
    for r, values in enumerate([head, *body]):
        for c, value in enumerate(values):
            t.cell(r, c).text = value
    t.autofit = False
    for column in t.columns:  # LibreOffice sizes columns by the table grid
        column.width = Cm(1.27)
    for row in t.rows:
        for cell in row.cells:
            cell.width = Cm(1.27)
    src = tmp_path / "hep.docx"
    doc.save(src)
    (table,) = read_raw(convert(src, "pdf", tmp_path)).tables
    grid = table.grid()
    assert grid[0] == head
    assert grid[1] == body[0] and grid[2] == body[1]


@pytest.mark.parametrize("width", [1.27, 1.5])
def test_a_name_that_is_no_syllable_broken_in_a_narrow_column_is_joined_again(tmp_path, width):
    """'Huoai' of Đạ Huoai, broken by LibreOffice after 'Huo' (1,27 cm) or
    'Huoa' (1,5 cm): neither is a syllable ('uo' without its horn ends no
    rhyme), so the break fell inside the word; 'Lang Biang' stays as written."""
    from docx import Document
    from docx.shared import Cm, Pt

    from parsers.legacy_office import convert

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    rows = [["STT", "Đơn vị", "Tổng"], ["1", "UBND xã Đạ Huoai", "442"], ["2", "UBND xã Lang Biang", "12"],
            ["3", "xã Đạ Huoai 2", "7"]]
    t = doc.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            t.cell(r, c).text = value
    t.autofit = False
    for w, column in zip((1.0, width, 1.5), t.columns):
        column.width = Cm(w)
        for cell in column.cells:
            cell.width = Cm(w)
    src = tmp_path / "huoai.docx"
    doc.save(src)
    (table,) = read_raw(convert(src, "pdf", tmp_path)).tables
    assert table.grid() == rows


@pytest.mark.parametrize("lines,text", [
    ([("Sở", False), ("Nông", True), ("nghiệ", True), ("p", True)], "Sở Nông nghiệp"),
    ([("TỔN", False), ("G", True), ("ĐIỂ", True), ("M", True), ("ĐẠT", True), ("ĐƯỢ", True), ("C", True)],
     "TỔNG ĐIỂM ĐẠT ĐƯỢC"),
    ([("giải", False), ("quyế", True), ("t", True)], "giải quyết"),
    ([("UBND xã Đạ", False), ("Huo", False), ("ai", True)], "UBND xã Đạ Huoai"),
])
def test_a_word_broken_over_three_lines_is_judged_whole(lines, text):
    """A line that is one word broken again into the next ('nghiệ' + 'p') is
    judged with the letters it goes on with: 'nghiệ' alone ends in no rhyme."""
    from parsers.pdf_grid import join_lines

    assert join_lines(lines) == text
