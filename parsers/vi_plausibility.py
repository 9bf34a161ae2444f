"""How much a text layer looks like Vietnamese: the share of its words that
are well-formed Vietnamese syllables. A scan's hidden text layer made by a
poor OCR ("DQc l$p - Tg do - H4nh phric") scores low; real text scores high.
"""
from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"([aăâeêioôơuưy]{1,3})"
    r"(ch|ng|nh|[cmnpt])?$")
_TOKEN = re.compile(r"[^\s\-–—/,.;:!?()\"'“”…]+")
_ACRONYM = re.compile(r"^[A-ZĐ]{2,6}$")


def is_syllable(word: str) -> bool:
    """A single Vietnamese syllable (any case, at most one tone mark)."""
    if not word or any(ch.isdigit() for ch in word):
        return False
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        return False  # 'ceNG', 'DQc'
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE.match(base))


def plausibility(text: str) -> tuple[float, int]:
    """(share of syllable-like words, number of words judged). Acronyms such
    as UBND and bare numbers are not judged."""
    good = total = 0
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if token.isdigit() or _ACRONYM.match(token) and not is_syllable(token):
            continue
        if not any(ch.isalpha() for ch in token):
            if any(ch.isdigit() for ch in token):
                continue  # numbers like 23,45 or 17/19
        total += 1
        good += is_syllable(token)
    return (good / total if total else 0.0), total
