"""Header cells too narrow for their words: reportlab breaks a word at any
letter ('Tổn' / 'g đi' / 'ểm'), the last word of a line of several too. The
lines of a cell join into the header's words ("Tổng điểm", "Cải cách thể chế
(10 điểm)"), never "Tổng đi ểm" or "(10 đ iểm)" (hold-out h-new32: a portrait
PAR table whose maxima in the header were then unread, its percents only
held within bounds)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import pdf
from reportgen.raw import RawTable

HEAD = ["STT", "Tên cơ quan, đơn vị", "Cải cách thể chế (10 điểm)", "Cải cách tổ chức bộ máy (9 điểm)",
        "Tổng điểm", "Tỷ lệ (%)"]
ROWS = [["1", "Sở Tư pháp", "12,07", "6,82", "18,89", "82,13"],
        ["2", "Sở Y tế", "9,30", "5,90", "15,20", "66,09"]]


def test_a_header_broken_at_any_letter_reads_as_its_words(tmp_path):
    _register_fonts()
    head = ParagraphStyle("h", fontName=FONT_NAME + "-Bold", fontSize=7, leading=9, alignment=1)
    body = ParagraphStyle("b", fontName=FONT_NAME, fontSize=7, leading=9)
    table = Table([[Paragraph(t, head) for t in HEAD]] + [[Paragraph(t, body) for t in r] for r in ROWS],
                  colWidths=[18, 110] + [27] * 4)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "narrow.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    (read,) = [b for b in pdf.read(path).blocks if isinstance(b, RawTable)]
    assert read.grid()[0] == HEAD
    assert read.grid()[1:] == ROWS
