"""The Nghị định 30 header (issuer and number left, the national motto and
the date line right) is a borderless two-column table in Word; a browser's
rendering of the document (the fixture builder's HTML printed by Chromium)
draws that table with borders. A grid of at most two columns, few rows and
no number is layout, as in a DOCX: its lines are the document's paragraphs,
each cell's lines on their own (the issuer's two lines are not joined into
one, nor the motto's), so the issuer, its parent body, the place, the date
and the number are read as written."""
from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from fixtures.build_pdf import browser_pdf, reportlab_pdf
from parsers import read_raw
from reportgen.draft import build_draft
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.synthetic import synthetic_data
from reportgen.read import read_path
from reportgen.schemes import all_schemes

pytestmark = pytest.mark.slow  # Chromium is installed by scripts/setup.sh

META = {"parent": "UBND tỉnh Quảng Trị", "issuer": "Sở Nội vụ", "place": "Quảng Trị",
        "date": "2026-03-12", "number": "27", "signer": "Trần Thị Mai"}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafted_headers")
    data = prepared(synthetic_data(all_schemes()["qd766-2022"], sizes=(6, 8), seed=3))
    out = {}
    for kind in ("BC", "TB"):
        docx = folder / f"{kind}.docx"
        build_draft(data, meta_from_dict({**META, "doc_type": kind})).save(docx)
        out[(kind, "browser")] = browser_pdf(docx, folder / f"{kind}.web.pdf")
        out[(kind, "reportlab")] = reportlab_pdf(docx, folder / f"{kind}.rl.pdf")
    return out


@pytest.mark.parametrize("kind,producer", [(k, p) for k in ("BC", "TB") for p in ("browser", "reportlab")])
def test_a_drafted_header_printed_with_borders_reads_as_the_docx(drafts, kind, producer):
    pdf = drafts[(kind, producer)]
    meta = read_path(pdf, {"ocr": "never"}).meta
    assert (meta.parent, meta.issuer, meta.place, meta.date.isoformat(), meta.number, meta.doc_type) == (
        "UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ", "Quảng Trị", "2026-03-12", f"27/{kind}-SNV", kind)
    texts = [p.text for p in read_raw(pdf, {"ocr": "never"}).paragraphs]
    assert texts[:6] == ["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ", f"Số: 27/{kind}-SNV",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Quảng Trị, ngày 12 tháng 3 năm 2026"]


def _para(container, text, *, bold=False, italic=False, first=False):
    p = container.paragraphs[0] if first else container.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(13)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def test_own_header_with_a_wrapped_parent_and_a_long_place_printed_with_borders(tmp_path):
    """Three issuer lines in a 6 cm cell, the parent wrapping there; the
    date line of a long place name under the motto, in the row below."""
    d = Document()
    t = d.add_table(rows=2, cols=2)
    for row in t.rows:
        for cell, width in zip(row.cells, (6.0, 10.0)):
            cell.width = Cm(width)
    left, right = t.rows[0].cells
    _para(left, "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", first=True)
    _para(left, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", bold=True)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, first=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True)
    _para(t.rows[1].cells[0], "Số: 114/TB-SKHCN", first=True)
    _para(t.rows[1].cells[1], "Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2026", italic=True, first=True)
    _para(d, "THÔNG BÁO", bold=True)
    _para(d, "Kết quả đánh giá chỉ số cải cách hành chính năm 2025", bold=True)
    d.save(tmp_path / "own.docx")
    pdf = browser_pdf(tmp_path / "own.docx", tmp_path / "own.pdf")
    assert [p.text for p in read_raw(pdf, {"ocr": "never"}).paragraphs][:6] == [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 114/TB-SKHCN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2026"]
    meta = read_path(pdf, {"ocr": "never"}).meta
    # the place is the unit's official name with its level (Nghị định 30, Phụ lục I, I.4.a)
    assert (meta.parent, meta.issuer, meta.place, meta.date.isoformat(), meta.number) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Thành phố Hồ Chí Minh",
        "2026-02-28", "114/TB-SKHCN")
