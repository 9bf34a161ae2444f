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
    (the grey words' letters whose middles lie in its box, left to right);
    the number of words changed."""
    changed = 0
    for w in words:
        if not any(ch.isalpha() for ch in w["text"]):
            continue
        letters = []
        for g in grey_words:
            if g["x1"] > w["x0"] and g["x0"] < w["x1"] and w["top"] <= (g["top"] + g["bottom"]) / 2 <= w["bottom"]:
                letters += [(x0 + x1, t) for t, x0, x1 in (g.get("letters") or ())
                            if w["x0"] <= (x0 + x1) / 2 <= w["x1"]]
        text = unicodedata.normalize("NFC", "".join(t for _, t in sorted(letters)))
        if text and text != w["text"] and bare(text) == bare(w["text"]):
            w["text"] = text
            changed += 1
    return changed
