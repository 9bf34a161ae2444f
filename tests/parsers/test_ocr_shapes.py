"""Brackets of a number at the end of a scanned cell (parsers/ocr_shapes.py):
readings of the corpus scans."""
from __future__ import annotations

import pytest

from parsers.ocr_shapes import bracketed


@pytest.mark.parametrize(("read", "want"), [
    ("Trung tâm Phục vụ hành chính công tỉnh q1)", "Trung tâm Phục vụ hành chính công tỉnh (11)"),
    ("Sở Nông nghệp và Môi trường q3)", "Sở Nông nghệp và Môi trường (13)"),
    ("Trung tâm Phục vụ hành chính công tỉnh q)", "Trung tâm Phục vụ hành chính công tỉnh (1)"),
    ("Sở Nội vụ 30)", "Sở Nội vụ (30)"),
    ("Sở Công Thương (17", "Sở Công Thương (17)"),
])
def test_a_bracket_misread_or_lost_is_written(read, want):
    assert bracketed(read) == want


@pytest.mark.parametrize("text", ["1) Nội dung", "71,35/96", "Sở Nội vụ (30)", "cơ quan,", "Ghi chú (3) và 4)",
                                  "(2đ)", "17"])
def test_other_texts_stay(text):
    assert bracketed(text) == text
