"""Scanned pages: recognised, straightened and read cell by cell, with every
doubtful cell reported rather than guessed."""
from __future__ import annotations

import re

import numpy as np
import pytest

from fixtures import build
from parsers import read_raw
from parsers.ocr import MIN_CONFIDENCE, skew_angle
from parsers.vi_plausibility import is_syllable, plausibility
from reportgen.read import read_path

NUMBER = re.compile(r"^([-–]|\d{1,3}([.,]\d{1,3})*(/\d{1,3})?)$")


def test_a_garbage_text_layer_scores_low_and_vietnamese_scores_high():
    garbage = "DQc l$p - Tg do - H4nh phric. Ngdy 07ll ll2O25,d6ng chi Nguy6n Nggc Phric - Tinh riy vi6n"
    real = build.seed_path("000").read_text(encoding="utf-8")
    assert plausibility(garbage)[0] < 0.5
    assert plausibility(real)[0] > 0.9


@pytest.mark.parametrize("word", ["Nghĩa", "người", "khuyến", "Đồng", "quyết", "UBND"])
def test_vietnamese_syllables_and_acronyms_pass(word):
    assert is_syllable(word) or word.isupper()


@pytest.mark.parametrize("word", ["DQc", "H4nh", "phric", "l$p", "ceNG"])
def test_scanner_garbage_is_not_a_syllable(word):
    assert not is_syllable(word)


def test_skew_of_a_slightly_rotated_page_is_measured():
    import cv2

    page = np.full((1400, 1000), 255, dtype=np.uint8)
    for y in range(100, 1300, 40):  # lines of "text"
        page[y:y + 12, 100:900] = 0
    m = cv2.getRotationMatrix2D((500, 700), 0.7, 1.0)
    rotated = cv2.warpAffine(page, m, (1000, 1400), borderValue=255)
    assert abs(skew_angle(rotated) + 0.7) <= 0.15


@pytest.fixture(scope="module")
def scanned_002(seed_002_scan):
    text, scan = seed_002_scan
    return text, scan, read_raw(scan)


@pytest.mark.slow
def test_scanned_appendix_numbers_are_read_or_flagged(scanned_002):
    text, _, scan = scanned_002
    assert any(n.kind == "scanned_page" for n in scan.notes)
    truth, read = next(text.tables), next(scan.tables)
    flagged = {(n.table, n.row, n.col) for n in scan.notes if n.kind == "ocr_low_confidence"}
    assert len(read.rows) == len(truth.rows)
    total = exact = 0
    for r, row in enumerate(truth.grid()[truth.header_rows:], start=truth.header_rows):
        for c, want in enumerate(row):
            if not NUMBER.match(want):
                continue
            total += 1
            cell = read.cell_at(r, c)
            if cell.text == want:
                exact += 1
            else:  # every inexact number is reported
                assert cell.confidence < MIN_CONFIDENCE and (read.index, r, c) in flagged
    assert total > 300
    assert exact / total >= 0.99


@pytest.mark.slow
def test_uncertain_cells_become_ocr_uncertain_findings_on_the_units_cells(scanned_002):
    _, scan_path, scan = scanned_002
    report = read_path(scan_path)
    notes = [n for n in scan.notes if n.kind == "ocr_low_confidence"]
    findings = [f for f in report.read_findings if f.code == "OCR_UNCERTAIN"]
    assert notes and len(findings) == len(notes)
    assert all(f.severity == "warning" for f in findings)
    assert sorted(f.reported for f in findings) == sorted(n.data["text"] for n in notes)
    # A doubtful score cell is pointed at the report's row and indicator column.
    located = [f for f in findings if f.unit is not None]
    assert located
    for f in located:
        assert report.tables[f.table].rows[f.row].unit == f.unit
