"""The words of a scanned document's cells checked against the document itself.

OCR misses a small mark now and then ('Thế thao' for 'Thể thao', 'Chí nhánh'
for 'Chi nhánh') and loses or moves a narrow space ('Thểthao', 'Vă nhóa').
The misreadings are scattered at random, while a document writes its own
phrases the same way each time (a unit's name in every table, the province
after every unit, the grades). So, among the cells read by OCR (counting
the readings of the scanned pages' prose too):

- a word whose letters without their marks, and those of the words on each
  side, are those of a phrase the document reads another way at least
  ``MAJORITY`` times as often (and twice or more) takes that reading's marks;
  where the three words settle nothing, the word with the one after it, then
  the one before it, are looked up the same way ('Điên Biên' in the one
  cell that names the city, 'Điện Biên' all through the prose);
- two words run together, or split in the wrong place, whose letters make
  two words the document reads apart that often, are written that way;
- a dash run into its words ('tế-tỉnh') where the document sets the word
  after a lone dash that often is set apart;
- a word with a letter twice over or no syllable at all ('tiỉnh'), or in
  capitals with a vowel's mark amid small letters ('hồ SƠ'), that less one
  letter (or in small letters) is what the document reads between the same
  neighbours that often, takes that reading.

- a word that, between the same two neighbours, the document reads at
  least ``LOST`` times as often with one letter more ('nghệp' among 'Nông
  nghiệp và'), or as the number of its shape ('l' among 'phường 1 Bảo'),
  takes that reading;
- a lone dash at the end of a cell's words, or between two words the
  document reads side by side that often, is a speck and dropped.

A word read the same way as often as not is left as read; nothing is taken
from outside the document (no word list).
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from reportgen.raw import RawDocument

from .vi_plausibility import is_syllable

MAJORITY = 3  # times as often as the reading it replaces
MIN_SEEN = 2  # the document's reading, at least this many times
LOST = 2  # times as often: a letter lost between the same neighbours, or a digit read as a letter


def fold(word: str) -> str:
    """Letters and digits without marks, small ('Thể,' → 'the,')."""
    word = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in word if not unicodedata.combining(ch)).casefold()


def _letters(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha())


def agree_with_document(doc: RawDocument) -> int:
    """Correct the OCR cells of ``doc`` as the module says; the number of
    cells changed."""
    cells = [c for t in doc.tables for row in t.rows for c in row
             if c.confidence is not None and any(ch.isalpha() for ch in c.text)]
    if len(cells) < 2:
        return 0
    words = [c.text.split() for c in cells]
    scanned = {n.page for n in doc.notes if n.kind == "scanned_page"}
    prose = [p.text.split() for p in doc.paragraphs if p.page in scanned]
    marks: dict[tuple, Counter] = {}  # (folded before, folded word, folded after) → readings
    shorter: dict[tuple, Counter] = {}  # (before, word less one letter, after), folded → readings
    pairs: dict[str, Counter] = {}  # two words' folded letters run together → (first, second)
    for ws in words + prose:
        folded = [fold(w) for w in ws]
        for i, w in enumerate(ws):
            for key in _contexts(ws, folded, i):
                marks.setdefault(key, Counter())[w] += 1
            before, word, after = _context(ws, folded, i)
            if i + 2 < len(ws) and ws[i + 1] in _DASHES and _letters(w) and _letters(ws[i + 2]):
                pairs.setdefault(("dashed", folded[i], folded[i + 2]), Counter())[True] += 1
            if before is not None and after is not None and _letters(w) == w:
                for less in {word[:k] + word[k + 1:] for k in range(len(word))}:
                    shorter.setdefault((before, less, after), Counter())[w] += 1
            for dash in _DASHES:
                if dash in w[1:-1]:
                    marks.setdefault(("joined by a dash", fold(_letters(w.partition(dash)[2]))), Counter())[w] += 1
            if i and ws[i - 1] in _DASHES:
                marks.setdefault(("after a dash", fold(_letters(w))), Counter())[w] += 1
            if i + 1 < len(ws) and _letters(w) and _letters(ws[i + 1]):
                pairs.setdefault(folded[i] + folded[i + 1], Counter())[(w, ws[i + 1])] += 1
    changed = 0
    for cell, ws in zip(cells, words):
        new = _dashes_apart(ws, marks)
        new = _stray_dashes(new, pairs)
        new = _respaced(new, pairs)
        new = _remarked(new, marks)
        new = _slips(new, marks)
        new = _lost_letters(new, marks, shorter)
        text = " ".join(new)
        if text != " ".join(ws):
            cell.text = text
            changed += 1
    return changed


def _winner(readings: Counter, own) -> object | None:
    """The reading the document gives ``MAJORITY`` times as often as ``own``."""
    if not readings:
        return None
    best, n = readings.most_common(1)[0]
    if best != own and n >= MIN_SEEN and n >= MAJORITY * readings.get(own, 0):
        return best
    return None


def _context(ws: list[str], folded: list[str], i: int) -> tuple:
    """(the word before, the word, the word after), folded; a neighbour
    without letters (a row's '(55)', a dash) is no context."""
    before = folded[i - 1] if i and _letters(ws[i - 1]) else None
    after = folded[i + 1] if i + 1 < len(ws) and _letters(ws[i + 1]) else None
    return before, folded[i], after


def _contexts(ws: list[str], folded: list[str], i: int) -> list[tuple]:
    """The keys a word is looked up by, the narrowest first: the three words,
    then the word and the one after it, then the one before it and the word
    (a bare word is no context)."""
    before, word, after = _context(ws, folded, i)
    keys = [(before, word, after)]
    if before is not None and after is not None:
        keys += [("", word, after), (before, word, "")]
    return keys


def _remarked(ws: list[str], marks: dict) -> list[str]:
    folded = [fold(w) for w in ws]
    out = list(ws)
    for i, w in enumerate(ws):
        for key in _contexts(ws, folded, i):
            readings = marks.get(key, Counter())
            better = _winner(readings, w)
            if better is not None:
                out[i] = _cased(better, w)
            if better is not None or sum(readings.values()) - readings.get(w, 0) >= MIN_SEEN \
                    or readings.get(w, 0) >= MIN_SEEN:
                break  # settled here: a reading won, or enough readings here to decide (none won)
    return out


_DASHES = "-–"


def _dashes_apart(ws: list[str], marks: dict) -> list[str]:
    """'tế-tỉnh' where the document writes 'tế - tỉnh' (a dash between
    spaces, the two words seen so at least ``MIN_SEEN`` times): the dash
    set apart as the document sets it."""
    out: list[str] = []
    for w in ws:
        parts = None
        for dash in _DASHES:
            a, sep, b = w.partition(dash)
            if sep and _letters(a) == a and _letters(b.rstrip(",;.")) and b[:1].isalpha():
                parts = [a, dash, b]
                break
        if parts is not None and _seen_apart(parts, marks):
            out += parts
        else:
            out.append(w)
    return out


def _seen_apart(parts: list[str], marks: dict) -> bool:
    """Whether the document reads the second word (or its letters less one
    OCR may have added) after a lone dash at least ``MIN_SEEN`` times and
    ``MAJORITY`` times as often as run into the word before."""
    second = fold(_letters(parts[2]))
    apart = max(sum(marks.get(("after a dash", f), Counter()).values())
                for f in {second} | {second[:k] + second[k + 1:] for k in range(len(second))})
    joined = sum(marks.get(("joined by a dash", second), Counter()).values())
    return apart >= MIN_SEEN and apart >= MAJORITY * joined


def _slips(ws: list[str], marks: dict) -> list[str]:
    """A word that is no syllable, or has a letter twice over ('tiỉnh'), and,
    one letter left out, has the
    letters of the word the document reads between the same neighbours at
    least ``MAJORITY`` times as often (and twice or more): that word. A word
    in capitals with a vowel's mark ('SƠ') in a cell otherwise in small
    letters, where the document reads it in small letters: in small letters."""
    folded = [fold(w) for w in ws]
    out = list(ws)
    lower = sum(1 for w in ws if _letters(w) and _letters(w)[0].islower())
    for i, w in enumerate(ws):
        letters = _letters(w)
        if not letters or letters != w:
            continue
        doubled = any(a == b for a, b in zip(folded[i], folded[i][1:]))
        if is_syllable(letters) and not doubled and not (letters.isupper() and len(letters) > 1
                                                         and lower * 2 >= len(ws) and _marked(letters)):
            continue
        before, _, after = _context(ws, folded, i)
        if letters.isupper() and is_syllable(letters):
            candidates = [fold(letters)]
        else:
            candidates = sorted({folded[i][:k] + folded[i][k + 1:] for k in range(len(folded[i]))})
        for cand in candidates:
            keys = [(before, cand, after)] + [key for key, near in ((("", cand, after), after),
                                                                  ((before, cand, ""), before)) if near is not None]
            better = next((b for key in keys if (b := _winner(marks.get(key, Counter()), w)) is not None), None)
            if better is not None and not better.isupper():
                out[i] = better
                break
    return out


def _marked(word: str) -> bool:
    """Whether a word carries a vowel mark of Vietnamese beyond 'Đ'."""
    return fold(word) != word.replace("Đ", "D").replace("đ", "d").casefold()


def _cased(reading: str, own: str) -> str:
    """The reading's marks on the word's own letters: the case stays as read
    ('Môi' in a unit's name, 'môi' in the prose)."""
    reading, own = unicodedata.normalize("NFC", reading), unicodedata.normalize("NFC", own)
    if len(reading) != len(own):
        return own
    return "".join(r.upper() if o.isupper() else r.lower() for r, o in zip(reading, own))


def _respaced(ws: list[str], pairs: dict) -> list[str]:
    """Words run together ('Thểthao') or split in the wrong place ('Vă
    nhóa') written as the document's two words of the same letters."""
    out: list[str] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        if _letters(w) and not is_syllable(_letters(w)):  # no syllable: two run together?
            readings = pairs.get(fold(w))
            if readings:
                better = _winner(readings, None)
                if better is not None:
                    out += list(better)
                    i += 1
                    continue
        if i + 1 < len(ws):
            readings = pairs.get(fold(w) + fold(ws[i + 1]))
            own = (w, ws[i + 1])
            if readings and _letters(w) and _letters(ws[i + 1]):
                better = _winner(readings, own)
                if better is not None and fold(better[0]) != fold(w):
                    out += list(better)
                    i += 2
                    continue
        out.append(w)
        i += 1
    return out


# glyphs OCR reads for a digit of the same shape: a lone 'l' for '1' ('phường l Bảo Lộc')
_DIGIT_SHAPES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})


def _lost_letters(ws: list[str], marks: dict, shorter: dict) -> list[str]:
    """A word that, between the same two neighbours, is what the document
    reads at least ``LOST`` times as often with one letter more
    ('nghệp' among 'Nông nghiệp và', 'phườn' among 'UBND phường Mường'),
    or as a number of the same shape ('l' among 'phường 1 Bảo'): that
    reading."""
    folded = [fold(w) for w in ws]
    out = list(ws)
    for i, w in enumerate(ws):
        before, word, after = _context(ws, folded, i)
        if before is None or after is None or not w:
            continue
        own = sum(marks.get((before, word, after), Counter()).values())
        if not is_syllable(_letters(w)) and w.translate(_DIGIT_SHAPES).isdecimal():
            readings = marks.get((before, w.translate(_DIGIT_SHAPES), after), Counter())
        elif _letters(w) == w:
            readings = shorter.get((before, word, after), Counter())
        else:
            continue
        if not readings:
            continue
        best, n = readings.most_common(1)[0]
        if n >= MIN_SEEN and n >= LOST * own:
            out[i] = best[0].upper() + best[1:] if w[0].isupper() else best
    return out


def _stray_dashes(ws: list[str], pairs: dict) -> list[str]:
    """A lone dash read at the end of a cell's words ('Thanh Xương -'), or
    between two words the document reads side by side at least
    ``MAJORITY`` times as often as on each side of a dash ('Trung - bình'
    among 'Trung bình'): a speck, dropped."""
    out = list(ws)
    while len(out) > 1 and out[-1] in _DASHES and (_letters(out[-2]) or out[-2].endswith(")")):
        out.pop()
    i = 1
    while i + 1 < len(out):
        if out[i] in _DASHES and _letters(out[i - 1]) and _letters(out[i + 1]):
            a, b = fold(out[i - 1]), fold(out[i + 1])
            side = sum(pairs.get(a + b, Counter()).values())
            dashed = sum(pairs.get(("dashed", a, b), Counter()).values())
            if side >= MIN_SEEN and side >= MAJORITY * dashed:
                del out[i]
                continue
        i += 1
    return out

