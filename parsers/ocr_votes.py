"""Doubtful cells of a scanned table read again, and the readings voted.

The cells whose page reading is doubtful (:mod:`parsers.ocr_page`) are read
twice more, all of them in two stacked Tesseract calls: once with the whole
alphabet, once with digits only for those that look like numbers. A number
two of the three readings agree on is taken (two readings of the same
digits, separators aside, count too; a letter read for a digit keeps its
place); any other keeps a confidence below the reporting threshold. Two
readings with the whole alphabet that agree on letters the digits-only one
cannot see (a code, a header's word) win over it.
"""
from __future__ import annotations

from .ocr_cells import _DOUBTFUL_NUMBER, _NUMBER_FORM, DISAGREEMENT, _numberish
from .ocr_tesseract import DIGIT_CHARS, stacked


def _reread(crops: dict, first: dict, words_at: set | frozenset = frozenset()) -> dict[int, tuple[str, float]]:
    """Doubtful cells read again with two stacked Tesseract calls for all of
    them (words, then digits only for the numbers); a number two of the
    three readings agree on is taken, any other keeps a confidence below the
    reporting threshold. ``words_at``: the cells outside the body of a
    number column (a header's 'TT', a grade 'Khá'), where two readings with
    the whole alphabet that agree on letters win over the digits-only one
    ('1' for 'TT')."""
    second = stacked(crops)
    numeric = {k: crops[k] for k in crops if any(_numberish(t.replace(" ", "")) or len(t.replace(" ", "")) <= 3
                                                 for t in ((first[k][0] or ""), second[k][0]))
               and not (k in words_at and _words_for_a_mark(first[k][0] or "", second[k][0]))}
    third = stacked(numeric, digits=True) if numeric else {}
    out: dict[int, tuple[str, float]] = {}
    for k in crops:
        # a number's spaces are a misreading ('4, 81'); a reading of words keeps
        # them ('Trung bình' read again for a page's '_' is no 'Trungbình')
        votes = [(t.replace(" ", "") if k in numeric and _numberish(t.replace(" ", "")) else t,
                  c if c is not None else 0.0)
                 for t, c in (first[k], second[k], third.get(k, ("", None))) if t]
        if k not in numeric:
            text, conf = max(votes, key=lambda v: v[1]) if votes else ("", 0.0)
            out[k] = (text, conf)
            continue
        if _letters_kept(first[k][0], second[k][0], third.get(k, ("", None))[0], k in words_at):
            text = first[k][0].replace(" ", "")
            out[k] = (text, max(c for t, c in votes if t.replace(" ", "") == text))
            continue
        agreed = [v for v in votes if _NUMBER_FORM.match(v[0]) and sum(v[0] == o[0] for o in votes) >= 2]
        same_digits = [v for v in votes if _NUMBER_FORM.match(v[0])
                       and sum(_same_digits(v[0], o[0]) for o in votes) >= 2]
        if agreed:
            out[k] = (agreed[0][0], max(v[1] for v in agreed if v[0] == agreed[0][0]))
            out[k] = _richer(out[k], same_digits)
        elif same_digits:  # two readings of the same digits, separators aside ('361565', '36,15/65')
            out[k] = _richer((_comma_first(same_digits)[0], DISAGREEMENT), same_digits)
        elif votes:
            best = max(votes, key=lambda v: (bool(_NUMBER_FORM.match(v[0])), v[1]))
            out[k] = (best[0], min(best[1], DISAGREEMENT))
        else:
            out[k] = ("", 0.0)
        if _DOUBTFUL_NUMBER.search(out[k][0]):
            out[k] = (out[k][0], min(out[k][1], DISAGREEMENT))
    return out


def _words_for_a_mark(first: str, second: str) -> bool:
    """Whether the page read a mark without letter or digit ('_', '»')
    where the cell read alone gives words ('Trung bình'): a cell of words,
    whose digits-only reading is no vote."""
    return not any(ch.isalnum() for ch in first) and not _numberish(second.replace(" ", "")) and \
        sum(ch.isalpha() for ch in second) >= 2


def _comma_first(readings: list[tuple[str, float]]) -> tuple[str, float]:
    """Of readings of the same digits, the first written as a figure is
    written ('3,33'), before one in a shape OCR makes by confusing a mark
    ('3.33': a point before one or two digits where vi_VN writes the
    comma): the page's '33' read again as '3.33' and '3,33' is 3,33."""
    return next((v for v in readings if not _DOUBTFUL_NUMBER.search(v[0])), readings[0])


def _letters_kept(first: str, second: str, digits_only: str, words: bool = False) -> bool:
    """Whether two readings with the whole alphabet agree on letters the
    digits-only reading cannot see: a code ('000.00.36.H57') that reading
    has with its letters dropped ('000.00.36.57'), or, where words are
    written (``words``: no number column's body), any word ('TT' read '1')."""
    a, b = first.replace(" ", ""), second.replace(" ", "")
    if not any(ch.isalpha() for ch in a):
        return False
    if a == b and words:
        return True
    # the digits-only reading gives every digit and mark of the page's, and
    # the second has a letter wherever the page's has one ('000.00.35.HS7',
    # a digit after the letter read as one more): the letters are written
    same_letters = a == b or (len(a) == len(b) and all(y.isalpha() for x, y in zip(a, b) if x.isalpha()))
    return same_letters and bool(digits_only) and \
        "".join(ch for ch in a if ch in DIGIT_CHARS) == digits_only.replace(" ", "")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdecimal())


def _same_digits(number: str, other: str) -> bool:
    """Whether ``other`` reads the digits of ``number``, separators aside. A
    letter in it is a digit misread, still in its place ('4,A7' reads the
    three digits of '4,47', not the two of '4,7'): it matches any one digit,
    once."""
    a = [ch for ch in number if ch.isalnum()]
    b = [ch for ch in other if ch.isalnum()]
    if len(a) != len(b):
        return False
    misread = sum(1 for y in b if not y.isdecimal())
    return misread <= 1 and misread < len(b) and all(x == y or not y.isdecimal() for x, y in zip(a, b))


def _richer(chosen: tuple[str, float], same_digits: list) -> tuple[str, float]:
    """Of readings with the same digits, the one with the most separators: a
    small comma or the digit after a slash is lost far more often than one is
    made up ('333' twice and '3,33' once is 3,33). Taken over the majority,
    it keeps a confidence below the reporting threshold."""
    text = chosen[0]
    seps = lambda t: sum(ch in ",./" for ch in t)  # noqa: E731
    richer = [v for v in same_digits if _digits(v[0]) == _digits(text) and seps(v[0]) > seps(text)]
    if not richer:
        return chosen
    best = max(richer, key=lambda v: (seps(v[0]), v[1]))
    return best[0], min(best[1], DISAGREEMENT)
