"""The marks of a scan's words read again on the grey page.

Binarising a scan fuses the small marks stacked over a vowel: the hook of
'ể' over its circumflex fills in and reads as an acute or a tilde ('Thế
thao', 'Tống'), the grave of 'ì' as nothing. The grey page still shows the
hook's open curve. So the page's words with letters are read a second time
on the grey page, cut to the ink the binary page keeps (the paper's noise
and the ruling lines white, the edges of the strokes grey), with everything
else blanked: numbers, marks and specks have no vowel marks to gain. A word
takes the letters the grey reading finds over it when they are the same
letters and only the marks differ; anything else stays as first read (a
word split, joined or misread another way on the grey page is not taken).
"""
from __future__ import annotations

import unicodedata

INK_REACH = 1  # pixels around the binary page's ink kept in the grey copy
SURER = 10.0  # points of confidence by which a grey reading with other letters wins


def grey_words_image(grey, clean, mask, words: list[dict]):
    """The grey page as Tesseract reads the marks there: blurred a little,
    white away from the ink of ``clean``, on the ruling lines of ``mask``
    and over every word of ``words`` without a letter."""
    import cv2
    import numpy as np

    img = cv2.GaussianBlur(grey, (3, 3), 0)
    size = 2 * INK_REACH + 1
    near = cv2.dilate((clean < 128).astype(np.uint8), np.ones((size, size), np.uint8))
    img[(near == 0) | (mask > 0)] = 255
    for w in words:
        if not any(ch.isalpha() for ch in w["text"]):
            img[w["top"]:w["bottom"], w["x0"]:w["x1"]] = 255
    return img


def bare(text: str) -> str:
    """The letters without their marks (case and 'đ' kept: 'Thể' → 'The')."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def remark(words: list[dict], grey_words: list[dict]) -> int:
    """Give each of ``words`` the marks the grey reading puts on its letters
    (the grey words' letters whose middles lie in its box, left to right),
    or the grey reading itself where it is one word over the same box, one
    letter apart, read with more confidence by ``SURER`` ('phường' for
    'phườn', '1' for 'l'); the number of words changed."""
    changed = 0
    for w in words:
        if not any(ch.isalpha() for ch in w["text"]):
            continue
        letters, over = [], []
        for g in grey_words:
            if g["x1"] > w["x0"] and g["x0"] < w["x1"] and w["top"] <= (g["top"] + g["bottom"]) / 2 <= w["bottom"]:
                mine = [(x0 + x1, t) for t, x0, x1 in (g.get("letters") or ()) if w["x0"] <= (x0 + x1) / 2 <= w["x1"]]
                letters += mine
                over.append((g, len(mine) == len(g.get("letters") or ())))
        text = unicodedata.normalize("NFC", "".join(t for _, t in sorted(letters)))
        if not text or text == w["text"]:
            continue
        if bare(text) == bare(w["text"]):
            w["text"] = text
            changed += 1
        elif len(over) == 1 and over[0][1] and over[0][0]["conf"] >= w["conf"] + SURER \
                and _one_edit(text, unicodedata.normalize("NFC", w["text"])):
            w["text"], w["conf"] = text, over[0][0]["conf"]
            changed += 1
    return changed


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter added, left out or changed,
    and no fewer letters or digits ('(3)' is no reading of 'q3)': the 'q'
    is a bracket and a digit run together)."""
    alnum = lambda t: sum(ch.isalnum() for ch in t)  # noqa: E731
    if abs(len(a) - len(b)) > 1 or alnum(a) < alnum(b):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


# A vowel with a circumflex, a breve or a horn carries a second mark stacked
# over or beside it: the one binarising fills in or loses ('Thể' as 'Thế',
# 'phường' as 'phương', 'Sở' as 'Sơ').
_STACKED = {"\u0302", "\u0306", "\u031b"}


def has_stacked_mark(text: str) -> bool:
    return any(ch in _STACKED for ch in unicodedata.normalize("NFD", text))


def remark_alone(words: list[dict], grey) -> int:
    """Each word with a vowel of stacked marks read again alone, as one word
    (psm 8), on the grey page (its box and a sixth of its height around,
    nothing blanked): it takes the marks of that reading when the letters
    are the same; the number of words changed."""
    from .ocr_tesseract import words as read

    height, width = grey.shape[:2]
    changed = 0
    for w in words:
        if not has_stacked_mark(w["text"]) or not any(ch.isalpha() for ch in w["text"]):
            continue
        pad = max(3, int(ALONE_PAD * (w["bottom"] - w["top"])))
        crop = grey[max(0, w["top"] - pad):min(height, w["bottom"] + pad),
                    max(0, w["x0"] - pad):min(width, w["x1"] + pad)]
        if not crop.size:
            continue
        new = _with_marks(w["text"], " ".join(g["text"] for g in read(crop, 8)))
        if new is not None and new != w["text"]:
            w["text"] = new
            changed += 1
    return changed


ALONE_PAD = 0.15  # of a word's height: the grey page around it read with it


def _with_marks(word: str, reading: str) -> str | None:
    """``word`` with the marks of ``reading``'s letters when both have the
    same letters once their marks are off and differ only on vowels with
    stacked marks (signs and brackets around them kept as the word has
    them); else None."""
    mine = [ch for ch in unicodedata.normalize("NFC", word) if ch.isalpha()]
    theirs = [ch for ch in unicodedata.normalize("NFC", reading) if ch.isalpha()]
    if len(mine) != len(theirs) or any(bare(a) != bare(b) for a, b in zip(mine, theirs)):
        return None
    if any(a != b and not (has_stacked_mark(a) or has_stacked_mark(b)) for a, b in zip(mine, theirs)):
        return None  # only the marks of a vowel with stacked marks are in doubt ('hóa' stays)
    letters = iter(theirs)
    return "".join(next(letters) if ch.isalpha() else ch for ch in unicodedata.normalize("NFC", word))
