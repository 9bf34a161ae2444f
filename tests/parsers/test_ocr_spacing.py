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
])
def test_syllables_run_together_get_their_spaces(read, want):
    assert spaced(read) == want


@pytest.mark.parametrize("text", ["Sở Nông nghiệp và PTNT", "HĐND", "TTr", "ĐăkLăk", "online",
                                  "Zalo", "54/TTr-SGTVT", "71,35/96", "Trung bình", "UBND"])
def test_words_that_are_not_run_together_stay(text):
    assert spaced(text) == text
