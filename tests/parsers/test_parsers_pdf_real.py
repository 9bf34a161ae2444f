"""Real PDFs from a provincial office (reference/real): read without
crashing, agreeing with the Word draft of the same report; a scan whose text
layer is garbage is recognised as a scan."""
from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pytest

from fixtures import REAL_DIR
from parsers import read_raw
from parsers.ocr import needs_ocr
from parsers.vi_plausibility import plausibility

REAL = REAL_DIR


def _cells(table) -> list[list[str]]:
    """Non-empty cells of each row, white space removed (Word may wrap
    '4,74/ 10' where the PDF shows '4,74/10')."""
    rows = [[re.sub(r"\s+", "", c) for c in row] for row in table.grid()]
    return [[c for c in row if c] for row in rows]


@pytest.fixture(scope="module")
def bc184():
    return (read_raw(REAL / "ld-chiso-bc184-snv.pdf"), read_raw(REAL / "ld-chiso-bc184-snv.docx"))


@pytest.mark.slow
def test_issued_pdf_has_the_tables_of_its_word_draft_cell_for_cell(bc184):
    pdf, docx = bc184
    pdf_tables, docx_tables = list(pdf.tables), list(docx.tables)
    assert len(pdf_tables) == len(docx_tables) == 5
    for a, b in zip(pdf_tables, docx_tables):
        assert _cells(a) == _cells(b)


@pytest.mark.slow
def test_charts_drawn_with_gridlines_are_not_tables(bc184):
    pdf, _ = bc184
    assert [t.page for t in pdf.tables] == [1, 5, 7, 10, 12]


@pytest.mark.slow
def test_words_keep_their_spaces_and_text_is_nfc(bc184):
    pdf, _ = bc184
    last = list(pdf.tables)[-1]
    texts = [c for row in last.grid() for c in row]
    assert "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư" in texts
    assert all(unicodedata.is_normalized("NFC", p.text) for p in pdf.paragraphs)


def test_scan_with_a_garbage_text_layer_is_recognised_as_a_scan():
    with pdfplumber.open(REAL / "ld-tb493-scan.pdf") as doc:
        verdicts = [needs_ocr(page.chars) for page in doc.pages]
    assert verdicts == [True, True, True]


def test_real_text_layer_is_not_sent_to_ocr():
    with pdfplumber.open(REAL / "ld-chiso-bc184-snv.pdf") as doc:
        assert not any(needs_ocr(doc.pages[i].chars) for i in (0, 4, 11))


@pytest.mark.slow
def test_scan_is_read_by_ocr_in_vietnamese():
    raw = read_raw(REAL / "ld-tb493-scan.pdf", {"pages": [1]})
    (note,) = [n for n in raw.notes if n.kind == "scanned_page"]
    assert note.page == 1 and note.data["text_layer"] == "garbage"
    text = "\n".join(p.text for p in raw.paragraphs)
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "THÔNG BÁO" in text
    assert plausibility(text)[0] > 0.9
