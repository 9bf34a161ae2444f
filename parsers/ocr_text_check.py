"""The words of a scanned table's text cells read again on their own, and
voted word by word.

The page call (:mod:`parsers.ocr_page`) reads a unit's name among the
whole page; a mark or a letter comes out wrong with a sure confidence
('Thế thao' for 'Thể thao' at 95 %, 'nghệp' for 'nghiệp', 'Văn hóa Thể'
with its comma lost, '(185)' for '(15)'). So every text cell below a
table's header (a cell with letters outside the number columns) is read
again on its crop, all cells of the table in one stacked call; a cell whose
words that reading does not give alike, or with a word whose tone cannot go
with its final, is read twice more: its crop at twice the scale and its
crop of the grey page (the marks binarising fused are still apart there).
A reading with as many words
(those with a letter or digit) as the page's votes word by word; a word
another form outvotes is replaced. A form whose tone cannot go with its
final ('Lôc': a syllable ending in p, t, c or ch carries the sắc or nặng
tone, :func:`parsers.vi_plausibility.tone_fits`) is set aside while a form
that can is given. A form with a mark more or fewer than the page's word
('Lac' or 'Lạc', 'khụ' for 'khu'), or in another case ('Sơ' for 'sơ'), does
not replace a word whose tone fits (read on their own, crops drop a dot
below, or take a speck for one, far more often than the page does); nor
does a form whose only difference is a mark of a vowel with stacked marks
('Thế' for 'Thể', 'phương' for 'phường') unless every crop gives it: the
page's word has the marks read on the grey page alone
(:func:`parsers.ocr_marks.remark_alone`), which the binarised crops fill
in; a letter read otherwise ('nghệp') is voted.
A word changed by only two readings keeps the cell's confidence below the
reporting threshold (OCR_UNCERTAIN).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from reportgen.raw import RawTable

from .ocr_cells import DISAGREEMENT
from .ocr_check import INSET, _crops, _scaled, cell_boxes, number_columns
from .ocr_marks import _with_marks, bare
from .vi_plausibility import tone_fits, vi_letters

SURE = 3  # readings of four that make a word sure


def _counted(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _fits(word: str) -> bool:
    """Whether each syllable of a word ('hóa,', '(15)', 'Lộc') may carry its
    tone, and every letter is one Vietnamese writes ('ÖUBND' is not)."""
    return vi_letters(word) and all(tone_fits(part) for part in re.findall(r"[^\W\d_]+", word))


def _marks(word: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", word) if unicodedata.combining(ch))


def _same_but_marks_or_case(form: str, word: str) -> bool:
    """Whether ``form`` is ``word`` with a mark more or fewer ('Lac' of
    'Lạc', 'khụ' of 'khu') or in another case ('Sơ' of 'sơ'): read on its
    own, a crop drops a dot below, or takes a speck for one, far more often
    than the page does; and the case of a letter is the page's to say (the
    document's consensus puts it right, :mod:`parsers.ocr_consensus`)."""
    if form.casefold() == word.casefold():
        return True
    return bare(form).casefold() == bare(word).casefold() and _marks(form) != _marks(word)


def _alike(first: str, other: str) -> bool:
    """Whether two readings give the same words (those with a letter or digit)."""
    return [w for w in first.split() if _counted(w)] == [
        w for w in unicodedata.normalize("NFC", other).split() if _counted(w)]


def text_cells(table: RawTable) -> list:
    """The body cells with a letter outside the table's number columns."""
    numbers = number_columns(table)
    return [c for row in table.rows[table.header_rows or 0:] for c in row
            if c.bbox is not None and c.col not in numbers and any(ch.isalpha() for ch in c.text)]


def check_texts(table: RawTable, clean, grey, scale: float, ruled: bool) -> int:
    """Read the table's text cells again and vote their words (see the
    module's doc); the number of cells changed."""
    from .ocr_tesseract import stacked

    cells = text_cells(table)
    if not cells:
        return 0
    boxes = cell_boxes(table, scale, clean.shape[:2], ruled)
    keyed, crops, greys = {}, {}, {}
    for c in cells:
        pair = _crops(clean, grey, boxes[id(c)], INSET if ruled else 0) if id(c) in boxes else None
        if pair is not None:
            k = len(keyed)
            keyed[k], (crops[k], greys[k]) = c, pair
    if not keyed:
        return 0
    second = stacked(crops)
    doubt = {k for k, c in keyed.items() if not _alike(c.text, second[k][0]) or not all(
        _fits(w) for w in c.text.split())}
    if not doubt:
        return 0
    third = stacked({k: _scaled(crops[k]) for k in doubt})
    fourth = stacked({k: greys[k] for k in doubt})
    changed = 0
    for k in sorted(doubt):
        c = keyed[k]
        text, sure = vote_words(c.text, [unicodedata.normalize("NFC", r[k][0]) for r in (second, third, fourth)])
        if text != c.text:
            c.text = text
            if not sure and c.confidence is not None:
                c.confidence = min(c.confidence, DISAGREEMENT)
            changed += 1
    return changed


def vote_words(first: str, others: list[str]) -> tuple[str, bool]:
    """(text, whether every word changed is sure): ``first`` (the page's
    reading) with each word (one with a letter or digit) replaced by the
    form most of the readings give, when it has more readings than the
    word's own; ``others`` vote only when they have as many words."""
    words = first.split()
    slots = [i for i, w in enumerate(words) if _counted(w)]
    voters = [[w for w in o.split() if _counted(w)] for o in others]
    voters = [v for v in voters if len(v) == len(slots)]
    if not voters:
        return first, True
    sure = True
    for j, i in enumerate(slots):
        forms = [words[i]] + [v[j] for v in voters]
        fitting = [f for f in forms if _fits(f)]
        count = Counter(fitting or forms)
        best, n = count.most_common(1)[0]
        if best == words[i] or n <= count.get(words[i], 0) or (
                _fits(words[i]) and _same_but_marks_or_case(best, words[i])):
            continue
        if _fits(words[i]) and _with_marks(words[i], best) == best and n < len(voters):
            continue  # only a stacked mark read otherwise, not by every crop: the page's was read alone on grey
        if sum(1 for _, m in count.items() if m == n) > 1:
            continue  # two forms given as often
        words[i] = best
        sure = sure and n >= SURE
    return " ".join(words), sure
