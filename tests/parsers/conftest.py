"""Fixtures the parser tests share."""
from __future__ import annotations

import pytest

from fixtures import build, build_pdf
from parsers import read_raw


@pytest.fixture(scope="session")
def seed_002_scan(tmp_path_factory):
    """Seed 002 as LibreOffice prints it (its text layer read) and the pages of
    its score table rasterised into a scanned PDF: built once for every OCR
    test. ``(text, scan_path)``."""
    out = tmp_path_factory.mktemp("scan")
    docx = build.build_seed("002", out)["docx"]
    (pdf,) = build_pdf.libreoffice_pdfs([docx], out)
    text = read_raw(pdf)
    table = next(text.tables)
    pages = sorted({c.page for row in table.rows for c in row})
    assert len(pages) >= 2
    return text, build_pdf.scanned_pdf(pdf, out / "002.scan.pdf", pages=pages)
