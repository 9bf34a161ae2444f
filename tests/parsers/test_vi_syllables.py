"""What a Vietnamese syllable is (parsers/vi_plausibility.py): an onset and a
rhyme, the rhyme a medial, a nucleus and a final that go together. Joining a
word a narrow cell broke, and giving spaces back to OCR's run-together words,
both rest on it."""
from __future__ import annotations

import glob
import re
import unicodedata
from pathlib import Path

import pytest

from parsers.vi_plausibility import is_syllable, may_be_syllable, plausibility

# one or more words of every kind of rhyme, as the real reports write them
WORDS = ("Đạ Huoai là huyện của tỉnh Lâm Đồng; UBND xã Quảng Khê, phường Quỳnh Lưu, Sở Khoa học và "
         "Công nghệ, Văn phòng Đoàn ĐBQH, Thuế tỉnh, huyện Điện Biên Đông, giải quyết đúng hạn, trước hạn, "
         "quá hạn, Nguyễn Thị Thuý, khuya, khuỷu, thuở, xoong, ngoài, hoặc, khoẻ, hoạch, huỳnh, uỷ ban, "
         "quyền, quyển, tuần, xuân, khuôn, giếng, gì, giữa, gìn, yêu, yên, ươm, rượu, ưu tiên, người, "
         "gửi, chuyển, nghiêng, nghị, ghi, kênh, chênh lệch, xoành, loằng, ngoằn, tuyệt, khuếch, "
         "quých, quýt, tuýp, Ka Đô, Tà Năng, Krông")


@pytest.mark.parametrize("word", sorted(set(re.findall(r"[^\W\d_]+", WORDS)) - {"ĐBQH", "UBND", "Huoai", "Krông"}))
def test_words_of_the_reports_are_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    "Huo", "Huoa", "Huoai", "thuo",     # 'uo' without horn or hat ends no rhyme
    "Tă", "Lâ", "Giă",                  # ă and â take a final
    "êng", "ech", "anhc", "ôch",         # finals the nucleus does not take
    "Điê", "Nguyê", "Quyê", "xuyê",      # iê, yê take a final ('ia', 'ya' when open)
    "ươ", "kươ", "uô",                  # so do ươ and uô ('ưa', 'ua')
    "Krông", "UBND", "II", "thao2"])
def test_shapes_no_syllable_has(word):
    assert not is_syllable(word)


def test_every_marked_word_of_the_seeds_is_a_syllable():
    """All words with a mark the seeds write in small letters or title case,
    apart from a seed's two run together ('tỷlệ'), 'đ' for điểm and the legacy
    font's 'ƣ'."""
    root = Path(__file__).resolve().parents[2]
    found = set()
    for path in glob.glob(str(root / "fixtures" / "seeds" / "*.txt")):
        text = unicodedata.normalize("NFC", Path(path).read_text(encoding="utf-8"))
        found |= {w for w in re.findall(r"[^\W\d_]+", text) if w.isalpha() and not w.isascii()
                  and not w.isupper() and "ƣ" not in w}
    assert len(found) > 300
    assert sorted(w for w in found if not is_syllable(w)) == ["tỷlệ", "đ"]


def test_a_word_written_without_marks_may_still_be_one():
    """A certificate's 'Chung nhan Tin Nhiem Mang', an address's 'quyet', a
    name's 'Biang' are Vietnamese with the marks left off; 'Huoai' is not."""
    assert [may_be_syllable(w) for w in ("Nhiem", "quyet", "Biang", "chuyen", "Huoai")] == [
        True, True, True, True, False]
    assert plausibility("Chung nhan Tin Nhiem Mang") == (1.0, 5)
