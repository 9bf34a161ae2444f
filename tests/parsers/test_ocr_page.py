"""Whole-page OCR (parsers/ocr_page.py): the pages of a scan read in
parallel give exactly what they give one after another, and the page engine
reads numbers at least as well as the cell-by-cell reader it replaces."""
from __future__ import annotations

import re

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow
NUMBER = re.compile(r"^([-–]|\d{1,3}([.,]\d{1,3})*(/\d{1,3})?)$")


@pytest.fixture(scope="module")
def scan(seed_002_scan):
    return seed_002_scan


def _cells(doc):
    return [[(c.text, c.confidence) for c in row] for t in doc.tables for row in t.rows]


def _exact_numbers(truth, doc) -> tuple[int, int]:
    want_table, read = next(truth.tables), next(doc.tables)
    total = exact = 0
    for r, row in enumerate(want_table.grid()[want_table.header_rows:], start=want_table.header_rows):
        for c, want in enumerate(row):
            if NUMBER.match(want):
                total += 1
                exact += read.cell_at(r, c).text == want
    return exact, total


def test_pages_in_parallel_read_the_same_as_one_after_another(scan):
    _, path = scan
    one = read_raw(path, {"ocr_threads": 1})
    two = read_raw(path, {"ocr_threads": 2})
    assert _cells(one) == _cells(two)
    engines = [n.data.get("engine") for n in two.notes if n.kind == "scanned_page"]
    assert engines == ["page", "page"]


def test_page_engine_reads_numbers_as_well_as_the_cell_reader(scan):
    truth, path = scan
    page_exact, total = _exact_numbers(truth, read_raw(path, {"ocr_engine": "page"}))
    cells_exact, _ = _exact_numbers(truth, read_raw(path, {"ocr_engine": "cells"}))
    assert total > 300
    assert page_exact / total >= 0.99
    assert page_exact >= cells_exact  # the same or better than the old reader (issue 14)


def test_a_separator_lost_by_two_readings_is_taken_from_the_third():
    """The readings the page engine got for two cells of this scan: '3,33'
    read '333' twice, and '36,15/65' read '361565', '36,15/65', '36,15/6'."""
    from parsers.ocr_cells import DISAGREEMENT
    from parsers.ocr_votes import _richer

    votes = [("333", 82.8), ("333", 81.4), ("3,33", 95.9)]
    assert _richer(("333", 82.8), votes) == ("3,33", DISAGREEMENT)  # taken, and still reported
    assert _richer(("3,33", 95.0), [("333", 82.8), ("3,33", 95.0), ("3,33", 94.1)]) == ("3,33", 95.0)
    assert _richer(("36,15/65", DISAGREEMENT), [("36,15/65", 91.9)]) == ("36,15/65", DISAGREEMENT)
    assert _richer(("512", 90.0), [("5,13", 90.0)]) == ("512", 90.0)  # other digits: not the same number


def test_a_letter_read_for_a_digit_keeps_its_place_among_the_digits(monkeypatch):
    """Corpus table 6's scan read '4,47' as '4,47' (page, 82,7 %), '4,A7'
    (words) and '4,7' (digits only, 0 %). Counting digits only, '4,A7' and
    '4,7' agreed on '47' and outvoted the right reading; the 'A' stands
    where a digit is, so it agrees with '4,47', not with '4,7'."""
    from parsers.ocr_cells import DISAGREEMENT
    from parsers.ocr_votes import _reread, _same_digits

    assert _same_digits("4,47", "4,A7") and not _same_digits("4,7", "4,A7")
    assert _same_digits("36,15/65", "361565")  # separators aside
    assert not _same_digits("4,47", "A,AA")  # letters are no reading of digits
    import parsers.ocr_votes as ocr_votes

    readings = iter([{5: ("4,A7", 77.6)}, {5: ("4,7", 0.0)}])  # words, then digits only
    monkeypatch.setattr(ocr_votes, "stacked", lambda crops, digits=False: next(readings))
    # two of three readings hold its three digits: taken, still reported (the readings differ)
    assert _reread({5: None}, {5: ("4,47", 82.7)}) == {5: ("4,47", DISAGREEMENT)}
