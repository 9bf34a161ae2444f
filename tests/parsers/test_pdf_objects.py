"""A page's objects made on the direct path (parsers.pdf_objects) are
pdfplumber's own: the same kinds, in the same order, each dict with the same
keys in the same order and the same values."""
from __future__ import annotations

import io

import pdfplumber
import pytest
from pdfminer.layout import LTChar

from fixtures import REAL_DIR
from parsers.pdf_objects import install, parse_objects


def _same(page) -> None:
    theirs = page.parse_objects()
    ours = parse_objects(page)
    assert list(ours) == list(theirs)
    for kind in theirs:
        assert len(ours[kind]) == len(theirs[kind])
        for a, b in zip(ours[kind], theirs[kind]):
            assert list(a.items()) == list(b.items())


@pytest.mark.parametrize("name, pages", [
    ("ld-chiso-bc184-snv.pdf", (1, 5, 7)),  # Word: tables, charts, curves
    ("ld-cchc2025-pl1-chidao.pdf", (1, 2)),  # ruled tables
    ("ld-cchc2025-bc36-thamdinh.pdf", (1, 43)),  # a signing tool's annotations
    ("ld-tb493-scan.pdf", (1,)),  # a scan with a text layer under its image
])
def test_objects_of_real_pages_are_pdfplumber_s(name, pages):
    with pdfplumber.open(REAL_DIR / name) as doc:
        for n in pages:
            _same(doc.pages[n - 1])


def _coloured_pdf(origin: tuple[float, float]) -> io.BytesIO:
    """A page of coloured text, a filled box and a curve, its MediaBox
    starting at ``origin`` (pdfminer then moves every object by it)."""
    from reportlab.lib.colors import CMYKColor, Color
    from reportlab.pdfgen import canvas

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(300, 200))
    c.setFont(FONT_NAME, 11)
    c.setFillColor(Color(0.2, 0.4, 0.6))
    c.drawString(20, 150, "Sở Nội vụ 71,35/96")
    c.setFillColor(CMYKColor(0, 0.5, 1, 0))
    c.setStrokeColor(CMYKColor(1, 0, 0, 0.2))
    c.rect(20, 100, 120, 30, fill=1, stroke=1)
    c.setFillGray(0.3)
    c.drawString(25, 110, "Tốt")
    c.bezier(20, 20, 80, 90, 140, 10, 200, 60)
    c.showPage()
    c.save()
    if origin != (0, 0):
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
        writer = pypdf.PdfWriter(clone_from=reader)
        box = writer.pages[0].mediabox
        box.lower_left = origin
        box.upper_right = (origin[0] + 300, origin[1] + 200)
        out = io.BytesIO()
        writer.write(out)
    out.seek(0)
    return out


@pytest.mark.parametrize("origin", [(0, 0), (15, 30)])
def test_objects_of_coloured_text_on_a_moved_page_are_pdfplumber_s(origin):
    with pdfplumber.open(_coloured_pdf(origin)) as doc:
        page = doc.pages[0]
        _same(page)
        assert {c["non_stroking_color"] for c in page.chars} == {(0.2, 0.4, 0.6), (0.3,)}


def test_an_installed_page_gives_its_glyphs_by_the_direct_path(monkeypatch):
    with pdfplumber.open(_coloured_pdf((15, 30))) as doc:
        install(doc)
        page = doc.pages[0]
        generic = page.process_object

        def shapes_only(obj):
            assert not isinstance(obj, LTChar)  # a glyph never takes pdfplumber's generic path
            return generic(obj)

        monkeypatch.setattr(page, "process_object", shapes_only)
        chars = page.chars
        assert len(page.rects) == 1 and len(page.curves) == 1
        assert "".join(c["text"] for c in chars) == "Sở Nội vụ 71,35/96Tốt"
        assert page.mediabox[0] == 15 and round(chars[0]["x0"], 2) == 20.0  # where it was drawn
