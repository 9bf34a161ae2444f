"""A ruled table whose "x/y" cells are wider than their column: the producer
draws the whole "1.616/1.616" on one line, past the column's rule, and the
next cell's "100,00" over its end (LibreOffice printing a DOCX whose column
is too narrow for the figure, reportlab drawing a string it does not wrap).
Glyph by glyph, the slot under each centre gave the denominator to the next
cell: "1.616/" | "1.611600,00". A run of glyphs drawn one after the other on
one line that crosses a rule and is drawn over the other cell's own text is
one text, the cell's it is not drawn over."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import pdf

ROWS = [["STT", "Cơ quan, đơn vị", "Năm 2024", "Tỷ lệ (%)", "Năm 2025", "Tỷ lệ (%)"],
        ["1", "Văn phòng HĐND và UBND", "183/186", "98,39", "150/150", "100,00"],
        ["2", "Phòng Kinh tế và Hạ tầng", "1.616/1.616", "100,00", "1.342/1.346", "99,70"],
        ["3", "Phòng Tư pháp", "2.011/2.050", "98,10", "2.000/2.139", "93,50"],
        ["4", "Phòng Văn hóa và Thông tin", "1.670/1.695", "98,53", "1.358/1.392", "97,56"],
        ["", "Tổng cộng", "5.480/5.547", "98,79", "4.850/5.027", "96,48"]]


def _pdf(path, align_xy, widths=(30, 150, 34, 44, 34, 44)):
    _register_fonts()
    text = ParagraphStyle("body", fontName=FONT_NAME, fontSize=11)
    table = Table(ROWS, colWidths=list(widths))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("FONTSIZE", (0, 0), (-1, -1), 10),
                               ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("ALIGN", (2, 1), (2, -1), align_xy),
                               ("ALIGN", (4, 1), (4, -1), align_xy),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Phụ lục: Hồ sơ giải quyết đúng hạn/đã giải quyết năm 2025 so với năm 2024", text), table])


def _grid(path):
    from reportgen.raw import RawTable
    (table,) = [b for b in pdf.read(path).blocks if isinstance(b, RawTable)]
    return table.grid()


def test_a_figure_drawn_past_its_rule_under_the_next_cells_text_stays_in_its_cell(tmp_path):
    path = tmp_path / "overdrawn.pdf"
    _pdf(path, "LEFT")  # "1.616/1.616" runs on to the right, under "100,00"
    grid = _grid(path)
    assert grid[2] == ["2", "Phòng Kinh tế và Hạ tầng", "1.616/1.616", "100,00", "1.342/1.346", "99,70"]
    assert grid[1:] == ROWS[1:]



def test_figures_that_fit_their_columns_are_read_as_before(tmp_path):
    path = tmp_path / "fitting.pdf"
    _pdf(path, "RIGHT", widths=[30, 150, 60, 44, 60, 44])
    assert _grid(path) == ROWS
