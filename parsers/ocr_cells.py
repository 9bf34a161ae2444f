"""Reading the cells of a scanned table with Tesseract.

Each cell is cut to its ink (the ruling lines already removed) and read on its
own line: the crops are stacked one under the other with wide gaps, so one
Tesseract call reads a whole table while no cell's text runs into a
neighbour's. A lone horizontal bar is a dash. A cell that reads as a number is
read a second time with a digits-only alphabet; when the two readings differ,
the cell is read once more on its own (psm 7) and the reading two of the three
agree on wins. Cells whose readings never agree keep a confidence below the
reporting threshold, so they are flagged, not silently guessed.
"""
from __future__ import annotations

import re

from .ocr_shapes import bracketed
from .vi_plausibility import rejoined, spaced

_NUMBER_FORM = re.compile(r"^([-–]|[+-]?\d{1,3}([.,]\d{1,3})*(/\d{1,3}([.,]\d{1,2})?)?%?)$")
# Number shapes OCR produces by confusing or losing a mark: a decimal point
# where vi_VN writes a comma ('17.9'), a comma before three digits ('3,712'
# for '3,7/12').
_DOUBTFUL_NUMBER = re.compile(r"\d\.\d{1,2}(?!\d)|\d,\d{3}(?!\d)")
# marks Tesseract reads for the ones a report writes: the fraction slash
# ('82,45⁄119') is the slash of an x/y cell
OCR_MARKS = str.maketrans({"\u2044": "/", "\u2215": "/"})
DIGITS = "-c tessedit_char_whitelist=0123456789,./-%"
GAP = 40  # pixels between stacked crops
MARGIN = 20
MAX_STACK = 12000  # pixels of height per Tesseract call
DISAGREEMENT = 50.0
LOW = 80.0  # a reading below this gets a digits-only second look  # confidence given to a cell whose readings differ


def ink_bounds(clean, box, inset: int = 5) -> tuple[int, int, int, int] | None:
    """The page box (x0, y0, x1, y1) of the ink inside ``box`` less ``inset``
    on each side (the cell's rules left out), cut tight; None for a box with
    less than six dark pixels (an empty cell, a speck)."""
    import numpy as np

    x0, y0, x1, y1 = box
    crop = clean[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    if crop.size == 0:
        return None
    ys, xs = np.where(crop < 128)
    if len(xs) < 6:
        return None
    left, top = x0 + inset, y0 + inset
    return left + int(xs.min()), top + int(ys.min()), left + int(xs.max()) + 1, top + int(ys.max()) + 1


def ink_crop(clean, box, inset: int = 5):
    """The cell's ink, cut tight, or None for an empty cell."""
    bounds = ink_bounds(clean, box, inset)
    if bounds is None:
        return None
    x0, y0, x1, y1 = bounds
    return clean[y0:y1, x0:x1]


def is_dash(crop) -> bool:
    """One short horizontal bar and nothing else."""
    import cv2
    import numpy as np

    ink = (crop < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2:
        return False
    areas = stats[1:, cv2.CC_STAT_AREA]
    big = 1 + int(areas.argmax())
    if (areas.sum() - areas.max()) > 0.15 * areas.max():
        return False  # more than specks beside it
    w, h = stats[big, cv2.CC_STAT_WIDTH], stats[big, cv2.CC_STAT_HEIGHT]
    return w >= 1.8 * h and h <= 14 and stats[big, cv2.CC_STAT_AREA] >= 0.6 * w * h


def words(img, psm: int, config: str = "") -> list[dict]:
    import pytesseract

    from .limits import ocr_call_failed, ocr_timeout

    try:
        data = pytesseract.image_to_data(img, lang="vie", config=f"--psm {psm} {config}".strip(),
                                         output_type=pytesseract.Output.DICT, timeout=ocr_timeout() or 0)
    except RuntimeError as exc:  # pytesseract's timeout
        ocr_call_failed(exc)
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip().translate(OCR_MARKS)
        conf = float(data["conf"][i])
        if text and conf >= 0:
            out.append({"text": text, "conf": conf, "x0": data["left"][i], "top": data["top"][i],
                        "x1": data["left"][i] + data["width"][i],
                        "bottom": data["top"][i] + data["height"][i],
                        "block": data["block_num"][i], "par": data["par_num"][i],
                        "line": data["line_num"][i]})
    return out


def words_text(ws: list[dict]) -> tuple[str, float | None]:
    """Words of one cell → its text (lines joined with a space) and the
    lowest word confidence."""
    from .pdf_grid import join_wrapped

    if not ws:
        return "", None
    text = ""
    for ln in visual_lines(ws):
        text = join_wrapped(text, " ".join(w["text"] for w in ln))
    return bracketed(rejoined(spaced(text))), min(w["conf"] for w in ws)


def visual_lines(ws: list[dict]) -> list[list[dict]]:
    """Words grouped into the lines a reader sees, top to bottom, each left
    to right: a word is on a line when its middle lies within the line's
    height so far, or the line's middle within the word's. The middles of one line differ with
    the glyphs (a dash or 'vụ' sits lower than 'tỉnh' or 'Thừa'), so a
    tolerance around the first word's middle would cut one line in two and
    interleave it with the next ('Huế - tỉnh Thừa' + 'Thiên Huế' read as
    'Huế tỉnh Thừa - Thiên Huế')."""
    lines: list[dict] = []
    for w in sorted(ws, key=lambda w: (w["top"] + w["bottom"]) / 2):
        mid = (w["top"] + w["bottom"]) / 2
        for ln in lines:
            if ln["top"] <= mid <= ln["bottom"] or w["top"] <= (ln["top"] + ln["bottom"]) / 2 <= w["bottom"]:
                ln["words"].append(w)
                ln["top"], ln["bottom"] = min(ln["top"], w["top"]), max(ln["bottom"], w["bottom"])
                break
        else:
            lines.append({"words": [w], "top": w["top"], "bottom": w["bottom"]})
    lines.sort(key=lambda ln: ln["top"] + ln["bottom"])
    return [sorted(ln["words"], key=lambda w: w["x0"]) for ln in lines]


def stacked(crops: dict[int, object], psm: int = 6, config: str = "",
            reader=None) -> dict[int, tuple[str, float | None]]:
    """Read many crops with few Tesseract calls: each crop on its own band.
    ``reader(image)`` gives the words of an image (:func:`words` with
    ``psm`` and ``config`` when not given)."""
    import numpy as np

    if reader is None:
        def reader(img):
            return words(img, psm, config)

    out: dict[int, tuple[str, float | None]] = {}
    keys = list(crops)
    start = 0
    while start < len(keys):
        batch, height = [], MARGIN
        while start < len(keys) and (not batch or height + crops[keys[start]].shape[0] < MAX_STACK):
            batch.append(keys[start])
            height += crops[keys[start]].shape[0] + GAP
            start += 1
        width = max(crops[k].shape[1] for k in batch) + 2 * MARGIN
        canvas = np.full((height + MARGIN, width), 255, dtype=np.uint8)
        bands, y = [], MARGIN
        for k in batch:
            h, w = crops[k].shape
            canvas[y:y + h, MARGIN:MARGIN + w] = crops[k]
            bands.append((k, y - GAP / 2, y + h + GAP / 2))
            y += h + GAP
        found: dict[int, list[dict]] = {}
        for w in reader(canvas):
            mid = (w["top"] + w["bottom"]) / 2
            for k, a, b in bands:
                if a <= mid < b:
                    found.setdefault(k, []).append(w)
                    break
        for k in batch:
            out[k] = words_text(found.get(k, []))
    return out


def _alone(crop, psm: int, config: str = "") -> tuple[str, float | None]:
    import cv2

    img = cv2.copyMakeBorder(crop, MARGIN, MARGIN, MARGIN, MARGIN, cv2.BORDER_CONSTANT, value=255)
    return words_text(words(img, psm, config))


def _numberish(text: str) -> bool:
    """Empty, or mostly digits and separators ('4,B1' is 4,81 misread)."""
    chars = text.replace(" ", "")
    if not chars:
        return True
    return sum(ch.isdecimal() or ch in ",./-%" for ch in chars) * 2 >= len(chars) and any(
        ch.isdecimal() for ch in chars)


def read_cells(crops: dict[int, object]) -> dict[int, tuple[str, float]]:
    """{cell key: (text, confidence 0..100)} for the non-empty cells."""
    result: dict[int, tuple[str, float]] = {}
    todo = {}
    for k, crop in crops.items():
        if is_dash(crop):
            result[k] = ("-", 95.0)
        else:
            todo[k] = crop
    first = stacked(todo)
    numeric = {k: todo[k] for k, (t, _) in first.items() if _numberish(t)}
    second = stacked(numeric, 6, DIGITS) if numeric else {}
    for k, (text, conf) in first.items():
        conf = conf if conf is not None else 0.0
        if k not in second:
            if conf < LOW:
                t2, c2 = _alone(todo[k], 7, DIGITS)
                if _NUMBER_FORM.match(t2) and (c2 or 0) >= 90:
                    text, conf = t2, min(c2, DISAGREEMENT)  # still flagged: readings differ
            result[k] = (text, conf)
            continue
        t2, c2 = second[k]
        c2 = c2 if c2 is not None else 0.0
        if t2 == text and text:
            result[k] = (text, max(conf, c2))
            continue
        t3, c3 = _alone(todo[k], 7, DIGITS)
        votes = [(text, conf), (t2, c2), (t3, c3 or 0.0)]
        agreed = [v for v in votes if v[0] and sum(v[0] == o[0] for o in votes) >= 2]
        if agreed and _NUMBER_FORM.match(agreed[0][0]):
            result[k] = (agreed[0][0], max(v[1] for v in agreed))
        else:
            best = max(votes, key=lambda v: (bool(_NUMBER_FORM.match(v[0])), v[1]))
            result[k] = (best[0], min(best[1], DISAGREEMENT))
    for k, (text, conf) in result.items():
        if _DOUBTFUL_NUMBER.search(text):  # reported, not trusted
            result[k] = (text, min(conf, DISAGREEMENT))
    return result
