"""PDFs typeset in legacy 8-bit Vietnamese fonts (.VnTime = TCVN3, VNI-Times
= VNI): the parser marks the text with its encoding, the reader converts it."""
from __future__ import annotations

import pypdf
import pytest
from pypdf.generic import NameObject
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw
from reportgen.read import read_path
from reportgen.text.legacy import encode_legacy

SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam, điểm trung bình"
ROWS = [["STT", "Tên đơn vị", "Điểm"], ["1", "Sở Tư pháp", "85,94"], ["2", "Sở Nội vụ", "83,27"]]


def _rename_fonts(src, dst, font_name):
    """The same PDF, its embedded font renamed as a legacy font would be."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(src))

    def rename(font, new):
        font[NameObject("/BaseFont")] = NameObject(new)
        if "/FontDescriptor" in font:
            font["/FontDescriptor"].get_object()[NameObject("/FontName")] = NameObject(new)

    for page in writer.pages:
        for _, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            new = str(font["/BaseFont"]).split("+")[0] + "+" + font_name
            rename(font, new)
            for desc in font.get("/DescendantFonts", []):
                rename(desc.get_object(), new)
    writer.write(dst)
    return dst


def _legacy_pdf(tmp_path, encoding, font_name):
    _register_fonts()
    style = ParagraphStyle("p", fontName=FONT_NAME, fontSize=12)
    enc = lambda s: encode_legacy(s, encoding)  # noqa: E731
    table = Table([[enc(c) for c in row] for row in ROWS])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    plain = tmp_path / "plain.pdf"
    SimpleDocTemplate(str(plain), pagesize=A4).build([Paragraph(enc(SENTENCE), style), table])
    return _rename_fonts(plain, tmp_path / f"{encoding}.pdf", font_name)


@pytest.mark.parametrize("encoding,font_name", [("tcvn3", ".VnTime"), ("vni", "VNI-Times")])
def test_legacy_font_marks_paragraphs_and_cells(tmp_path, encoding, font_name):
    raw = read_raw(_legacy_pdf(tmp_path, encoding, font_name))
    paragraph = next(raw.paragraphs)
    assert paragraph.legacy_encoding == encoding
    assert paragraph.text == encode_legacy(SENTENCE, encoding)
    cells = [c for row in next(raw.tables).rows for c in row]
    assert cells and all(c.legacy_encoding == encoding for c in cells)


@pytest.mark.parametrize("encoding,font_name", [("tcvn3", ".VnTime"), ("vni", "VNI-Times")])
def test_reader_converts_what_the_parser_marked(tmp_path, encoding, font_name):
    report = read_path(_legacy_pdf(tmp_path, encoding, font_name))
    assert report.paragraphs[0].text == SENTENCE
    assert any(f.code == "ENCODING_REPAIRED" for f in report.read_findings)
