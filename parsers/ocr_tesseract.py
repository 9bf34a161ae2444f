"""Tesseract in the process (tesserocr) when installed: the language model is
loaded once per thread instead of once per call; else the command
(pytesseract, :func:`parsers.ocr_cells.words`).

Each word comes with its box and confidence as in Tesseract's TSV and, in
the process, with the boxes of its letters, so that a space Tesseract missed
can be put back where the ink shows one (:mod:`parsers.ocr_gaps`).
"""
from __future__ import annotations

import glob
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .ocr_cells import OCR_MARKS, stacked as cells_stacked, words as _cli_words
from .ocr_gaps import split_at_gaps

DIGIT_CHARS = "0123456789,./-%"

_LOCAL = threading.local()


@contextmanager
def thread_budget(budget) -> Iterator[None]:
    """The document's OCR time budget on this (prefetch) thread meanwhile."""
    _LOCAL.budget = budget
    try:
        yield
    finally:
        _LOCAL.budget = None


def _tessdata() -> str | None:
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        return env.rstrip("/") + "/"
    found = sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata/vie.traineddata"))
    return os.path.dirname(found[-1]) + "/" if found else None


def _api():
    """This thread's Tesseract (lang vie), or None without tesserocr."""
    api = getattr(_LOCAL, "api", False)
    if api is False:
        api = None
        try:
            import tesserocr

            path = _tessdata()
            if path is not None:
                api = tesserocr.PyTessBaseAPI(path=path, lang="vie")
        except Exception:  # not installed, or no model: the command does it
            api = None
        _LOCAL.api = api
    return api


def words(img, psm: int, digits: bool = False) -> list[dict]:
    """Words with boxes and confidences, as :func:`parsers.ocr_cells.words`;
    words of letters Tesseract ran together over a word space of ink are
    cut there (:func:`parsers.ocr_gaps.split_at_gaps`)."""
    api = _api()
    if api is None:
        return _cli_words(img, psm, f"-c tessedit_char_whitelist={DIGIT_CHARS}" if digits else "")
    from PIL import Image

    from .limits import ocr_budget, ocr_call_failed

    budget = getattr(_LOCAL, "budget", None) or ocr_budget()  # the document's, also on a prefetch thread
    image = Image.fromarray(img)
    while True:
        seconds = budget.timeout() if budget is not None else None  # raises when none are left
        api.SetPageSegMode(psm)
        api.SetVariable("tessedit_char_whitelist", DIGIT_CHARS if digits else "")
        api.SetImage(image)
        if api.Recognize(int(seconds * 1000) if seconds else 0):
            break
        api.Clear()
        if budget is None:
            ocr_call_failed(RuntimeError("Tesseract timeout"))
        # the call's wall time ran out before the page's CPU seconds (the
        # machine got busier): read again with what is left, until the
        # budget itself says no more (its wall bound keeps this finite)
    tsv = api.GetTSVText(0)
    letters = _letter_boxes(api) if not digits else {}
    out = []
    for line in tsv.splitlines():
        f = line.split("\t")
        if len(f) < 12 or f[0] != "5":
            continue
        text, conf = f[11].strip().translate(OCR_MARKS), float(f[10])
        if text and conf >= 0:
            left, top, width, height = int(f[6]), int(f[7]), int(f[8]), int(f[9])
            box = (left, top, left + width, top + height)
            out.append({"text": text, "conf": conf, "x0": box[0], "top": box[1], "x1": box[2],
                        "bottom": box[3], "block": int(f[2]), "par": int(f[3]), "line": int(f[4]),
                        "letters": letters.get(box)})
    return split_at_gaps(out, img) if letters else out


def _letter_boxes(api) -> dict[tuple, list[tuple[str, int, int]]]:
    """{word box: [(letter, x0, x1), …]} of the last recognition."""
    from tesserocr import RIL

    found: dict[tuple, list[tuple[str, int, int]]] = {}
    it = api.GetIterator()
    if it is None:
        return found
    current: list | None = None
    while True:
        if not it.Empty(RIL.SYMBOL):
            if it.IsAtBeginningOf(RIL.WORD):
                box = it.BoundingBox(RIL.WORD)
                current = found.setdefault(tuple(box), []) if box else None
            symbol = it.GetUTF8Text(RIL.SYMBOL)
            box = it.BoundingBox(RIL.SYMBOL)
            if current is not None and symbol and box:
                current.append((symbol.translate(OCR_MARKS), box[0], box[2]))
        if not it.Next(RIL.SYMBOL):
            break
    return found


def stacked(crops: dict, digits: bool = False) -> dict[int, tuple[str, float | None]]:
    """Many crops read in one call, each on its own band
    (:func:`parsers.ocr_cells.stacked` with :func:`words`)."""
    return cells_stacked(crops, reader=lambda img: words(img, 6, digits))
