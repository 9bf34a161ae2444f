"""Word spaces Tesseract missed, put back where the ink shows them.

Tesseract runs two words into one where the space between them is narrow
('Thểthao', 'SởCôngThương(17)', 'Cơquan,'), with no change of case to
tell them apart. The ink tells: across a word, the blank columns between
its letters stay under a tenth of the text's height (serifs, round letters
side by side), while a word space leaves a quarter of it or more. So a
word whose ink has a blank run at least ``SPACE`` of the height of the
page's words, lying between two of its letters (by the boxes Tesseract
gives each letter), is cut there, when each side holds a letter or a digit
and one of them a letter: a number ('74,27/119') is never cut, nor are
marks set apart ('bộ, ...'), nor is a speck beside a word (no letter lies
beyond it).
"""
from __future__ import annotations

SPACE = 0.25  # a word space: its blank run, in heights of the page's words
MIN_WORDS = 3  # words of letters needed to know the height of the text


def split_at_gaps(words: list[dict], img) -> list[dict]:
    """``words`` (dicts as :func:`parsers.ocr_tesseract.words` gives them,
    with ``letters``: [(letter, x0, x1), …] or None) with the words run
    together cut apart; the others as they are."""
    import numpy as np

    heights = sorted(w["bottom"] - w["top"] for w in words if sum(ch.isalpha() for ch in w["text"]) >= 2)
    if len(heights) < MIN_WORDS:
        return words
    widest = SPACE * heights[len(heights) // 2]
    out: list[dict] = []
    for w in words:
        letters = w.get("letters")
        if not letters or len(letters) < 2 or w["x1"] - w["x0"] < 2 * widest \
                or not any(ch.isalpha() for ch in w["text"]) or "".join(t for t, _, _ in letters) != w["text"]:
            out.append(w)
            continue
        ink = (np.asarray(img[w["top"]:w["bottom"], w["x0"]:w["x1"]]) < 128).any(axis=0)
        cuts = [cut for cut in (_cut(letters, w["x0"] + a, w["x0"] + b) for a, b in _blank_runs(ink)
                                if b - a >= widest) if cut is not None]
        out += _pieces(w, letters, cuts, img) if cuts else [w]
    return out


def _blank_runs(ink) -> list[tuple[int, int]]:
    """(start, end) of the runs of columns without ink between inked ones."""
    runs, start, seen = [], None, False
    for i, inked in enumerate(ink):
        if inked:
            if start is not None and seen:
                runs.append((start, i))
            start, seen = None, True
        elif start is None:
            start = i
    return runs


def _cut(letters: list[tuple[str, int, int]], a: int, b: int) -> tuple[int, int, int] | None:
    """(index of the first letter after the blank run a..b, a, b) when the
    run lies between two letters' middles; None for a run no letter lies
    beyond."""
    middle = (a + b) / 2
    for i in range(1, len(letters)):
        if (letters[i - 1][1] + letters[i - 1][2]) / 2 <= middle <= (letters[i][1] + letters[i][2]) / 2:
            left = "".join(t for t, _, _ in letters[:i])
            right = "".join(t for t, _, _ in letters[i:])
            if any(ch.isalnum() for ch in left) and any(ch.isalnum() for ch in right) \
                    and any(ch.isalpha() for ch in left + right) and not left[-1].isspace():
                return i, a, b
            return None
    return None


def _pieces(w: dict, letters: list, cuts: list[tuple[int, int, int]], img) -> list[dict]:
    """The word cut at ``cuts`` (first letter of the next piece, blank run),
    each piece as high as its own ink ('UBND' of 'UBNDphường' does not
    reach below the line as the 'p' and 'g' do: its bottom is the baseline
    a table without rules is set on)."""
    import numpy as np

    pieces, start, x0 = [], 0, w["x0"]
    for i, a, b in sorted(set(cuts)) + [(len(letters), w["x1"], w["x1"])]:
        if i <= start:
            continue
        part = letters[start:i]
        rows = np.flatnonzero((np.asarray(img[w["top"]:w["bottom"], x0:a]) < 128).any(axis=1))
        top, bottom = (w["top"] + int(rows[0]), w["top"] + int(rows[-1]) + 1) if len(rows) else (w["top"], w["bottom"])
        pieces.append({**w, "text": "".join(t for t, _, _ in part), "x0": x0, "x1": a, "top": top,
                       "bottom": bottom, "letters": part})
        start, x0 = i, b
    return pieces
