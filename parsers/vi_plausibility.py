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
    if not word or any(ch.isdecimal() for ch in word):
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
        if token.isdecimal() or _ACRONYM.match(token) and not is_syllable(token):
            continue
        if not any(ch.isalpha() for ch in token):
            if any(ch.isdecimal() for ch in token):
                continue  # numbers like 23,45 or 17/19
        total += 1
        good += is_syllable(token)
    return (good / total if total else 0.0), total




def _segments(word: str) -> list[str] | None:
    """The fewest Vietnamese syllables or acronyms that spell ``word``."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 7), end):
            prev = best[start]
            piece = word[start:end]
            if prev is None or not (is_syllable(piece) or _ACRONYM.match(piece)):
                continue
            if best[end] is None or len(prev) + 1 < len(best[end]):
                best[end] = prev + [piece]
    return best[-1]


def spaced(text: str) -> str:
    """OCR runs syllables together where the space between them is narrow
    ('UBNDxã', 'SởYtế', 'xãNaƯ'): a word of letters only that is no
    syllable, changes case inside (a small letter before a capital, or an
    acronym before small letters) and is spelled by syllables and acronyms
    alone, comes back with its spaces; so does such a run of letters inside
    a word ('SởYtế(52)', 'SởYtế-tỉnh'). Any other word is left as it is."""
    return " ".join(_GLUED.sub(_glued, _RUN.sub(_spaced_run, word)) for word in text.split(" "))


_RUN = re.compile(r"[^\W\d_]+")  # the letters of a word, apart from its brackets, dashes, digits


def _spaced_run(match: re.Match) -> str:
    """A run of letters ('SởYtế' of 'SởYtế(52)') with its spaces back."""
    word = match.group()
    if len(word) > 2 and not is_syllable(word) and not word.isupper() and _case_break(word):
        pieces = _segments(word)
        if pieces and len(pieces) > 1:
            return " ".join(pieces)
    return word


# a word of small letters run into an opening bracket or a number ('tế(16)',
# 'phường1'): a syllable never holds either, so the space was lost
_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]*[a-zà-ỹđ][^\W\d_]*)(?=[(\d])")


def _glued(match: re.Match) -> str:
    word = match.group()
    return word + " " if len(word) > 1 and is_syllable(word) and not word.isupper() else word


def _case_break(word: str) -> bool:
    return any((a.islower() and b.isupper()) or (a.isupper() and b.isupper() and c.islower())
               for a, b, c in zip(word, word[1:], word[2:] + " "))
