"""OCR runs Vietnamese syllables together where the space is narrow; the
words come back with their spaces, other words stay as they are."""
from __future__ import annotations

import pytest

from parsers.vi_plausibility import spaced


@pytest.mark.parametrize(("read", "want"), [
    ("SởYtế", "Sở Y tế"),
    ("UBNDxã Hua Thanh", "UBND xã Hua Thanh"),
    ("UBNDxãNaƯ", "UBND xã Na Ư"),
    ("UBNDhuyện Mường Ảng", "UBND huyện Mường Ảng"),
    ("SởTưpháp", "Sở Tư pháp"),
    ("TháiBình", "Thái Bình"),
    # a syllable never holds a bracket or a digit: the space before them was lost
    ("Sở Y tế(16)", "Sở Y tế (16)"),
    ("Sở Công Thương(17", "Sở Công Thương (17"),
    ("UBND phường1 Bảo Lộc", "UBND phường 1 Bảo Lộc"),
    # nor does a number run into a capitalised word
    ("UBND phường 1Bảo Lộc (17)", "UBND phường 1 Bảo Lộc (17)"),
    ("Tổng điểm(tối đa)", "Tổng điểm (tối đa)"),
])
def test_syllables_run_together_get_their_spaces(read, want):
    assert spaced(read) == want


@pytest.mark.parametrize("text", ["Sở Nông nghiệp và PTNT", "HĐND", "TTr", "ĐăkLăk", "online",
                                  "Zalo", "54/TTr-SGTVT", "71,35/96", "Trung bình", "UBND",
                                  "000.00.17.H57", "QĐ1", "(6đ)", "CĐCV(8đ)", "x1", "a)",
                                  "24đ", "2A", "10HC", "3ha", "VNeID", "ứng dụng VNeID", "eKYC", "iPhone"])
def test_words_that_are_not_run_together_stay(text):
    assert spaced(text) == text
