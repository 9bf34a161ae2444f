"""Scanned pages that are not text (issue 11): a page of random dots or a
dense halftone is recognised before Tesseract spends minutes on it; it is
left unread with a note, the verdict says its page was not checked, and a
scan whose first pages are all noise is refused early."""
from __future__ import annotations

import io
import json
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from parsers import read_raw
from parsers.limits import LimitExceeded, Limits
from parsers.ocr import looks_like_text, prepare_page
from reportgen.cli import main

pytestmark = pytest.mark.slow


def _noise_pdf(path: Path, pages: int, density: float = 0.2, seed: int = 7) -> Path:
    """A4 pages (at 75 dpi) of random black dots covering ``density`` of the paper."""
    rng = np.random.default_rng(seed)
    images = [Image.fromarray(np.where(rng.random((877, 620)) < density, 0, 255).astype(np.uint8))
              for _ in range(pages)]
    images[0].save(path, "PDF", resolution=75, save_all=True, append_images=images[1:])
    return path


def _joined(out: Path, *parts: tuple[Path, int]) -> Path:
    writer = PdfWriter()
    for path, index in parts:
        writer.add_page(PdfReader(path).pages[index])
    buf = io.BytesIO()
    writer.write(buf)
    out.write_bytes(buf.getvalue())
    return out


@pytest.mark.parametrize("density", [0.1, 0.2, 0.4, 0.8])
def test_a_page_of_random_dots_is_not_text(tmp_path, density):
    path = _noise_pdf(tmp_path / "nhieu.pdf", 1, density)
    clean, _, _, dpi = prepare_page(path, 0, {})
    assert not looks_like_text(clean, dpi)


def test_every_page_of_a_real_scan_looks_like_text(seed_002_scan):
    _, path = seed_002_scan
    for index in range(len(PdfReader(path).pages)):
        clean, _, _, dpi = prepare_page(path, index, {})
        assert looks_like_text(clean, dpi), index


def test_a_blank_page_is_text_enough_to_read(tmp_path):
    path = _noise_pdf(tmp_path / "trang.pdf", 1, density=0.0)
    clean, _, _, dpi = prepare_page(path, 0, {})
    assert looks_like_text(clean, dpi)


def test_a_noise_page_between_two_scanned_pages_is_left_unread_and_named(tmp_path, seed_002_scan, capsys):
    _, scan = seed_002_scan
    noise = _noise_pdf(tmp_path / "nhieu.pdf", 1)
    mixed = _joined(tmp_path / "xen-ke.pdf", (scan, 0), (noise, 0), (scan, 1))

    doc = read_raw(mixed)
    assert [n.page for n in doc.notes if n.kind == "page_not_text"] == [2]
    assert sorted(n.page for n in doc.notes if n.kind == "scanned_page") == [1, 2, 3]
    assert sorted({c.page for t in doc.tables for row in t.rows for c in row}) == [1, 3]

    rc = main(["verify", str(mixed), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    unread = [f for f in result["findings"] if f["code"] == "PAGE_UNREAD"]
    assert [(f["page"], f["severity"]) for f in unread] == [(2, "warning")]
    assert result["coverage"]["unread_pages"] == [2]
    assert result["verdict"] != "ĐẠT"
    assert rc in (1, 3)  # never 0 with a page unread


def test_a_scan_whose_first_pages_are_noise_is_refused_early(tmp_path):
    path = _noise_pdf(tmp_path / "nhieu.pdf", 8)
    start = time.monotonic()
    with pytest.raises(LimitExceeded) as refused:
        read_raw(path)
    assert refused.value.limit == "ocr_noise_pages"
    assert "3 trang quét đầu tiên không giống văn bản" in str(refused.value)
    assert "--limit ocr_noise_pages=" in str(refused.value)
    assert time.monotonic() - start < 60  # three pages rendered and measured, not eight read by OCR


def test_the_noise_limit_can_be_raised_to_read_every_page(tmp_path):
    path = _noise_pdf(tmp_path / "nhieu.pdf", 4)
    doc = read_raw(path, {"limits": Limits().raised(ocr_noise_pages=10)})
    assert [n.page for n in doc.notes if n.kind == "page_not_text"] == [1, 2, 3, 4]
    assert list(doc.tables) == [] and list(doc.paragraphs) == []
