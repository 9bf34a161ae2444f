"""Scans of the seeds as Chromium prints them (ruled tables whose cells the
browser centres vertically), read through the whole OCR path: what the page
call misreads and the cells read again put right.

- Two lines of a wrapped name run into one tall 'word' by the page call
  ('Luống' over 'UBND', 'Thương' over 'Phòng'): the cell is read again alone
  and the page's reading of it is no vote (parsers/ocr_page.py, ``_tall``).
- A grade the page read as a mark ('_', '»') and read again as words keeps
  its word space ('Trung bình', not 'Trungbình'; parsers/ocr_votes.py).
- '33' read again as '3.33' and '3,33': the comma vi_VN writes wins the tie.
- A figure with a digit read as a letter in a column of figures ('A9?)' for
  '4,97') is read again with the digits only (parsers/ocr_check.py).
"""
from __future__ import annotations

import re

import pytest

from fixtures import build
from fixtures.build_pdf import browser_pdf, scanned_pdf
from parsers import read_raw

pytestmark = pytest.mark.slow


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _rows(doc, table: int = 0) -> dict[str, list[str]]:
    """{number: body row} of the rows of the ``table``-th table numbered in
    their first cell, the first row of each number (a second section
    numbers again from 1)."""
    out: dict[str, list[str]] = {}
    for row in list(doc.tables)[table].grid():
        if row and _norm(row[0]).isdigit():
            out.setdefault(_norm(row[0]), [_norm(c) for c in row])
    return out


@pytest.fixture(scope="module")
def seed_002(tmp_path_factory):
    """Seed 002 scanned as the benchmark scans it; its score table's first
    page (3) read."""
    out = tmp_path_factory.mktemp("browser-002")
    pdf = browser_pdf(build.build_seed("002", out)["docx"], out / "002.browser.pdf")
    return read_raw(scanned_pdf(pdf, out / "002.scan.pdf"), {"ocr": "auto", "pages": [3]})


@pytest.fixture(scope="module")
def seed_000(tmp_path_factory):
    """Seed 000 scanned as the benchmark scans it; the pages of its two
    ranking tables (4, 5) read."""
    out = tmp_path_factory.mktemp("browser-000")
    pdf = browser_pdf(build.build_seed("000", out)["docx"], out / "000.browser.pdf")
    return read_raw(scanned_pdf(pdf, out / "000.scan.pdf"), {"ocr": "auto", "pages": [4, 5]})


def test_a_wrapped_name_run_into_tall_words_is_read_again_alone(seed_002):
    rows = _rows(seed_002)
    assert rows["4"][:6] == ["4", "Phòng Lao động - Thương binh và Xã hội", "-", "4,81", "-", "30"]
    assert rows["9"][:4] == ["9", "UBND xã Noong Luống", "-", "4,81"]


def test_a_grade_read_again_as_words_keeps_its_space(seed_002):
    rows = _rows(seed_002)
    assert [rows[k][15] for k in ("1", "2", "3", "4", "5")] == ["Trung bình", "Tốt", "Trung bình", "XS",
                                                                   "Xuất sắc"]


def test_a_lost_comma_read_again_as_a_point_and_a_comma_is_the_comma(seed_002):
    rows = _rows(seed_002)
    assert rows["18"][9:14] == ["3,8", "3,33", "3,33", "3,33", "64,72"]
    assert rows["2"][6] == "8.32"  # a point the seed writes stays a point


def test_a_digit_read_as_a_letter_in_a_column_of_figures_is_read_again(seed_000):
    first = _rows(seed_000)["1"]
    assert first == ["1", "Sở Công Thương", "4,97", "4", "2", "6", "23,94", "11,96", "9,79", "4,24", "4", "0",
                     "-", "-", "6", "6", "6", "88,9/94", "94,57", "Xuất sắc", ""]


@pytest.fixture(scope="module")
def seed_004(tmp_path_factory):
    """Seed 004 scanned as the benchmark scans it; the pages of its table of
    procedures and its table of codes (5, 6) read."""
    out = tmp_path_factory.mktemp("browser-004")
    pdf = browser_pdf(build.build_seed("004", out)["docx"], out / "004.browser.pdf")
    return read_raw(scanned_pdf(pdf, out / "004.scan.pdf"), {"ocr": "auto", "pages": [5, 6]})


def test_a_mark_the_page_read_apart_from_its_word_makes_the_cell_read_again(seed_000):
    # the page call gave 'Xuất' 'ấ' 'sac': a 'word' 7 px tall among words of 30
    assert _rows(seed_000, 1)["1"][19] == "Xuất sắc"


def test_a_dash_read_with_a_speck_in_a_column_of_dashes_is_the_dash(seed_000):
    assert [r[2] for r in _rows(seed_000, 1).values()] == ["-"] * 10  # '—-' read for the first


def test_a_letter_vietnamese_does_not_write_is_voted_away(seed_000):
    assert _rows(seed_000, 1)["10"][1] == "UBND huyện Mường Chà"  # read 'ÖUBND' on the crop alone


def test_a_digit_the_crops_made_up_is_not_taken_over_the_ink(seed_004):
    # '36' (two glyphs) read '346' by each of the three crops
    assert _rows(seed_004, 1)["2"][3] == "36"


def test_a_code_whose_letter_a_reading_takes_for_a_digit_keeps_it(seed_004):
    codes = _rows(seed_004, 2)
    assert codes["8"][2] == "000.00.35.H57"  # read again 'HS7', and '57' with the digits only


@pytest.fixture(scope="module")
def corpus_04(tmp_path_factory):
    """The layout-variety corpus' table 4 (no rules, 70 rows) as Chromium
    prints it, scanned as the benchmark scans it; its first page read."""
    from fixtures.build_corpus import make_spec, spec_docx

    out = tmp_path_factory.mktemp("browser-c04")
    spec = make_spec(4)
    pdf = browser_pdf(spec_docx(spec, out), out / "c04.browser.pdf", rules=spec.rules)
    return read_raw(scanned_pdf(pdf, out / "c04.scan.pdf"), {"ocr": "auto", "pages": [1]})


def test_an_opening_bracket_run_into_its_one_is_written(corpus_04):
    # '(1)' read 'q)': Vietnamese writes 'q' only before 'u'
    assert _rows(corpus_04)["1"][1] == "Trung tâm Phục vụ hành chính công tỉnh (1)"
