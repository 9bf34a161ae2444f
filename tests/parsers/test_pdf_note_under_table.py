"""A table without rules with its note set right under it, no space between (reportlab's
default: a Paragraph after a Table): the note is a paragraph of the document, never the
table's last row, so the grade legend it states is read ("XS - Xuất sắc …")."""
from __future__ import annotations

from xml.sax.saxutils import escape

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw
from reportgen.raw import RawParagraph

NOTE = ("Ghi chú: XS - Xuất sắc (từ 90% trở lên); T - Tốt (từ 80% đến dưới 90%); K - Khá (từ 65% "
        "đến dưới 80%); TB - Trung bình (từ 50% đến dưới 65%); Y - Yếu (dưới 50%).")
ROWS = [["TT", "Tên đơn vị", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"],
        ["1", "UBND phường Phước Sơn", "92,25", "1", "XS"], ["2", "UBND xã Hòa Bình", "69,38", "4", "K"],
        ["3", "UBND xã Tân Lập", "80,16", "3", "T"], ["4", "UBND xã Xuân Lộc", "88,07", "2", "T"],
        ["5", "UBND xã Đông Hưng", "61,90", "5", "TB"]]


def _pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    _register_fonts()
    body = ParagraphStyle("b", fontName=FONT_NAME, fontSize=12, leading=15)
    cell = ParagraphStyle("c", fontName=FONT_NAME, fontSize=10, leading=12)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm)
    table = Table([[Paragraph(escape(t), cell) for t in row] for row in ROWS],
                  colWidths=[1.2 * cm, 6 * cm, 3 * cm, 2 * cm, 2 * cm])
    doc.build([Paragraph("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG", body), table,
               Paragraph(escape(NOTE), body)])
    return path


def test_the_note_under_the_table_is_a_paragraph(tmp_path):
    raw = read_raw(_pdf(tmp_path / "pl.rl.pdf"))
    [table] = list(raw.tables)
    assert [c.text for c in table.rows[-1]] == ["5", "UBND xã Đông Hưng", "61,90", "5", "TB"]
    assert any(isinstance(b, RawParagraph) and b.text.startswith("Ghi chú: XS - Xuất sắc") for b in raw.blocks)


WRAPPED = [["STT", "Cơ quan, đơn vị được đánh giá", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"],
           ["1", "Sở Tư pháp", "88,07", "1", "T"],
           ["2", "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông", "69,38", "3", "K"],
           ["3", "Ban Quản lý các khu công nghiệp", "80,16", "2", "T"],
           ["4", "Chi nhánh Văn phòng đăng ký đất đai huyện Mường Nhé", "61,90", "4", "TB"]]


def _wrapped_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle("b", fontName=FONT_NAME, fontSize=12, leading=15)
    cell = ParagraphStyle("c", fontName=FONT_NAME, fontSize=10, leading=12)
    head = ParagraphStyle("h", parent=cell, alignment=1)  # header cells centred in their column
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm)
    table = Table([[Paragraph(escape(t), head) for t in WRAPPED[0]]]
                  + [[Paragraph(escape(t), cell) for t in row] for row in WRAPPED[1:]],
                  colWidths=[1.2 * cm, 5.5 * cm, 3 * cm, 2 * cm, 2 * cm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([Paragraph("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", body), table,
               Paragraph(escape("Ghi chú: dấu (-) là chỉ số không phải thực hiện."), body)])
    return path


def test_the_last_rows_wrapped_name_under_a_centred_header_stays_in_its_cell(tmp_path):
    """The name's second line starts inside the centred header's span: it crosses no
    column of the rows of figures, so it is the last row's, not a note."""
    raw = read_raw(_wrapped_pdf(tmp_path / "wrapped.rl.pdf"))
    [table] = list(raw.tables)
    assert [c.text for c in table.rows[-1]] == [
        "4", "Chi nhánh Văn phòng đăng ký đất đai huyện Mường Nhé", "61,90", "4", "TB"]
    assert any(isinstance(b, RawParagraph) and b.text.startswith("Ghi chú: dấu (-)") for b in raw.blocks)
