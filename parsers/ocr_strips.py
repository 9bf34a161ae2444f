"""The text columns of a scanned table without rules read again, each on its own.

The page is read as one uniform block (``PAGE_PSM``), so Tesseract builds its
text lines across the whole width of the page. That holds where every cell
of a row starts on the row's first line (Word, LibreOffice). A browser
centres a row's cells vertically: beside a name wrapped over two lines, the
number and the figures stand half a line lower, and the grade wrapped over
two lines ('Trung / bình') half a line higher or lower again. The page's
lines then cut through the cells' lines: two lines of one cell are read as
one tall mark ('¬' for 'Trung bình'), a word is joined to the one under it
or lost, and a word read beside the wrong column makes a column of its own.

Within one column the lines are evenly spaced, so a column read alone is
read as written. The first reading of the table gives its columns; every
run of adjacent columns that are not number columns (a name, a grade: the
only cells that wrap) is cut out of the page as a strip, from the number
column on its left to the one on its right and over the table's body, and
read alone; its words replace the page's words in that strip, and their
marks are read again on the grey page as the page's were
(:func:`parsers.ocr_marks.remark`). So is the numbering column, on which
the rows are anchored. A table with no wrapped text cell, or whose cells
all start on their row's first line, is left as first read.
"""
from __future__ import annotations

from reportgen.raw import RawTable

from .ocr_cells import _numberish

NUMBER_SHARE = 0.8  # of a column's body cells with text: a number column
STRIP_BLOCK = 1000  # Tesseract block numbers of the strips' words start here


def text_strips(tables: list[RawTable], scale: float, clean,
                text_height: float) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (x0, y0, x1, y1) of the runs of text columns of
    ``tables`` (found without rules) that hold a wrapped cell, over their
    bodies. Strips of one column in tables one under the other (a table the
    first reading cut in parts) are one strip: over all their bodies, and
    between the number columns nearest on each side; it holds a wrapped
    cell in one of the parts at least. Its top and bottom are cut on a row
    of the page without ink (never through a line's marks)."""
    if not any(_centred(t, text_height * scale) for t in tables):
        return []
    strips = []
    for t in tables:  # the page's tables come from one producer: a part cut off is centred too
        strips += _table_strips(t, scale, text_height)
    merged: list[dict] = []
    for s in sorted(strips, key=lambda s: s["y0"]):
        for m in merged:
            if s["x0"] < m["x1"] and m["x0"] < s["x1"] and s["y0"] - m["y1"] <= MERGE_GAP * text_height:
                for side, pick in (("x0", max), ("x1", min)):
                    bounded = [v[side] for v in (m, s) if v[side + "_bounded"]]
                    m[side] = pick(bounded) if bounded else (min if side == "x0" else max)(m[side], s[side])
                    m[side + "_bounded"] = bool(bounded)
                m["y0"], m["y1"] = min(m["y0"], s["y0"]), max(m["y1"], s["y1"])
                m["wrapped"] = m["wrapped"] or s["wrapped"]
                break
        else:
            merged.append(dict(s))
    height, width = clean.shape[:2]
    boxes = []
    for m in merged:
        x0, x1 = max(0, int(m["x0"])), min(width, int(m["x1"]) + 1)
        if not m["wrapped"] or x1 <= x0:
            continue
        y0 = _blank_row(clean, x0, x1, int(m["y0"]), -1, text_height)
        y1 = _blank_row(clean, x0, x1, int(m["y1"]), 1, text_height) + 1
        if y1 > y0:
            boxes.append((x0, y0, x1, y1))
    return boxes


def _blank_row(clean, x0: int, x1: int, y: int, step: int, text_height: float) -> int:
    """A row in the first run of rows without ink between ``x0`` and ``x1``
    from ``y`` on (up with ``step`` -1, down with 1), at most one and a half
    text heights away, as tall as a fifth of the text height (the gap
    between a mark and its letter is narrower); the farthest row looked at
    when there is none."""
    height = clean.shape[0]
    need = max(2, int(BLANK * text_height))
    run = 0
    y = min(max(0, y), height - 1)
    for _ in range(int(1.5 * text_height) + 1):
        run = 0 if (clean[y, x0:x1] < 128).any() else run + 1
        if run >= need:
            return y - step * (need // 2)
        if not 0 < y < height - 1:
            break
        y += step
    return y


BLANK = 0.2


MERGE_GAP = 3.0  # text heights: the widest gap between two parts of one table's strip


def _centred(t: RawTable, text_height_pt: float) -> bool:
    """Whether the table's rows are set vertically centred: a row's cell
    starts above its number by more than ``CENTRED`` of a line (a wrapped
    cell beside a one-line number). Where every cell starts on its row's
    first line (Word, LibreOffice), the page's lines run across the cells
    and the page call reads them as written."""
    for row in t.rows[t.header_rows or 0:]:
        number = next((c for c in row if c.col == 0 and c.bbox is not None and c.text.strip()), None)
        if number is not None and any(c.bbox is not None and c.text.strip()
                                      and c.bbox[1] < number.bbox[1] - CENTRED * text_height_pt for c in row):
            return True
    return False


CENTRED = 0.4


def _table_strips(t: RawTable, scale: float, text_height: float) -> list[dict]:
    body = [c for row in t.rows[t.header_rows or 0:] for c in row if c.bbox is not None and c.text.strip()]
    if not body:
        return []
    cols: dict[int, list] = {}
    for c in body:
        cols.setdefault(c.col, []).append(c)
    number = {k for k, cs in cols.items()
              if sum(_numberish(c.text.replace(" ", "")) for c in cs) >= NUMBER_SHARE * len(cs)}
    px = 1 / scale
    wrapped = {k for k, cs in cols.items() if k not in number
               and any((c.bbox[3] - c.bbox[1]) * px > 1.6 * text_height for c in cs)}
    top = min(c.bbox[1] for c in body) * px - PAD * text_height
    bottom = max(c.bbox[3] for c in body) * px + PAD * text_height
    order = sorted(cols)
    strips = []
    if order[0] in number and len(order) > 1:  # the numbers that anchor the rows, read alone too
        own, after = cols[order[0]], cols[order[1]]
        left, right = min(c.bbox[0] for c in own) * px, max(c.bbox[2] for c in own) * px
        strips.append({"x0": left - text_height, "x1": (min(c.bbox[0] for c in after) * px + right) / 2,
                       "y0": top, "y1": bottom, "x0_bounded": False, "x1_bounded": True,
                       "wrapped": bool(wrapped)})
    k = 0
    while k < len(order):
        if order[k] in number:
            k += 1
            continue
        run = [order[k]]
        while k + 1 < len(order) and order[k + 1] not in number:
            k += 1
            run.append(order[k])
        k += 1
        before = [c for col in order if col < run[0] for c in cols[col]]
        after = [c for col in order if col > run[-1] for c in cols[col]]
        own = [c for col in run for c in cols[col]]
        left, right = min(c.bbox[0] for c in own) * px, max(c.bbox[2] for c in own) * px
        # halfway across the gap to the column beside: the ink of a number
        # wider than the others ('11' under '9') stays out of the strip
        x0 = (max(c.bbox[2] for c in before) * px + left) / 2 if before else left - text_height
        x1 = (min(c.bbox[0] for c in after) * px + right) / 2 if after else right + text_height
        strips.append({"x0": x0, "x1": x1, "y0": top, "y1": bottom,
                       "x0_bounded": bool(before), "x1_bounded": bool(after), "wrapped": bool(wrapped & set(run))})
    return strips


PAD = 0.2  # text heights above and below a table's body lines: from there to a blank row


def read_strips(strips: list[tuple[int, int, int, int]], clean, grey_page) -> list[dict]:
    """The words of each strip read alone on the binary page (psm 6), in
    page pixels, their marks read again on ``grey_page(words)`` (the grey
    page as :func:`parsers.ocr_marks.grey_words_image` gives it for them)."""
    from .ocr_marks import remark
    from .ocr_tesseract import words

    found: list[dict] = []
    for k, (x0, y0, x1, y1) in enumerate(strips):
        ws = words(clean[y0:y1, x0:x1], 6)
        _shift(ws, x0, y0, STRIP_BLOCK + k)
        found += ws
    if any(any(ch.isalpha() for ch in w["text"]) for w in found):
        grey = grey_page(found)
        for k, (x0, y0, x1, y1) in enumerate(strips):
            mine = [w for w in found if w["block"] // STRIP_BLOCK == STRIP_BLOCK + k]
            if mine:
                greys = words(grey[y0:y1, x0:x1], 6)
                _shift(greys, x0, y0, STRIP_BLOCK + k)
                remark(mine, greys)
    return found


def _shift(ws: list[dict], dx: int, dy: int, block: int) -> None:
    for w in ws:
        w["x0"] += dx
        w["x1"] += dx
        w["top"] += dy
        w["bottom"] += dy
        w["block"] = block * STRIP_BLOCK + w["block"]  # Tesseract's blocks of the strip kept apart
        if w.get("letters"):
            w["letters"] = [(t, a + dx, b + dx) for t, a, b in w["letters"]]


def inside(word: dict, strips: list[tuple[int, int, int, int]]) -> bool:
    """Whether a word's centre lies in one of ``strips``."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx < x1 and y0 <= cy < y1 for x0, y0, x1, y1 in strips)
