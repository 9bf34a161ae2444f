"""A PDF whose fonts map their glyphs to no Unicode — a document printed to PDF
through a PostScript driver (a virtual printer), here made the same way with
poppler's pdftops and Ghostscript's ps2pdf — shows its text well but gives
"K(cid:1)t qu(cid:2)" to any text extraction. Its pages are read from their
image, as a scan's are, and the reader says so once for the document."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw
from reportgen.raw import RawParagraph
from reportgen.verify import verify_path

pytestmark = pytest.mark.skipif(not (shutil.which("pdftops") and shutil.which("ps2pdf")),
                                reason="poppler-utils and ghostscript (scripts/setup.sh installs them)")

SENTENCE = ("Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành "
            "chính của các cơ quan, đơn vị thuộc tỉnh trong tháng 10 năm 2025 như sau:")
LINES = ["1.1. Các cơ quan chuyên môn thuộc UBND tỉnh", "Thực hiện chấm điểm đánh giá 3/3 cơ quan, trong đó:",
         "- 01 đơn vị xếp loại Xuất sắc: Sở Nội vụ.", "- 01 đơn vị xếp loại Tốt: Sở Tư pháp.",
         "- 01 đơn vị xếp loại Khá: Sở Y tế.", "2. Đánh giá chung"]
ROWS = [["STT", "Đơn vị", "Điểm đạt", "Xếp loại"], ["1", "Sở Tư pháp", "88,35", "Tốt"],
        ["2", "Sở Y tế", "71,20", "Khá"], ["3", "Sở Nội vụ", "90,10", "Xuất sắc"]]


def _printed(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle("b", fontName=FONT_NAME, fontSize=13, leading=17)
    table = Table(ROWS)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("FONTSIZE", (0, 0), (-1, -1), 13),
                               ("GRID", (0, 0), (-1, -1), 0.8, "black")]))
    flow = [Paragraph(SENTENCE, body)] + [Paragraph(line, body) for line in LINES] + [table]
    SimpleDocTemplate(str(tmp_path / "bc.pdf"), pagesize=A4).build(flow)
    subprocess.run(["pdftops", str(tmp_path / "bc.pdf"), str(tmp_path / "bc.ps")], check=True)
    subprocess.run(["ps2pdf", str(tmp_path / "bc.ps"), str(tmp_path / "printed.pdf")], check=True)
    return tmp_path / "printed.pdf"


def test_a_page_whose_glyphs_have_no_unicode_is_read_from_its_image(tmp_path):
    import pdfplumber

    path = _printed(tmp_path)
    with pdfplumber.open(path) as pdf:
        assert "(cid:" in pdf.pages[0].extract_text()  # what any text extraction gives
    raw = read_raw(path)
    texts = [b.text for b in raw.blocks if isinstance(b, RawParagraph)]
    assert any(t.startswith("Kết quả đánh giá chất lượng phục vụ người dân") for t in texts), texts
    # a heading, the sentence under it and each list item are paragraphs of their own, as in a text layer
    assert [t for t in texts if t in LINES] == LINES, texts
    [table] = list(raw.tables)
    # the figures and grades as written (OCR may still miss a name's dot below: "Nôi vu")
    assert [[row[k].text for k in (0, 2, 3)] for row in table.rows][1:] == [[r[k] for k in (0, 2, 3)] for r in ROWS[1:]]
    assert [n.page for n in raw.notes if n.kind == "text_layer_undecodable"] == [1]


def test_verify_says_the_text_was_read_by_ocr(tmp_path):
    result = verify_path(_printed(tmp_path))
    [note] = [f for f in result.findings if f.code == "ENCODING_REPAIRED"]
    assert note.severity == "info" and note.message.startswith("Trang 1: phông chữ của PDF không kèm bảng mã Unicode")
