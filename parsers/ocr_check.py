"""Every figure of a scanned table's number columns read a second time on
its own.

The page is read in one Tesseract call (:mod:`parsers.ocr_page`): a digit
there is read among its neighbours, and a sure-looking misreading ('19,4'
for '10,4' at 96 %, '664' for '6,64', '5,06' for '5,56') passes every
check of a number's form. The same figure cut out of the page and read on
its own line is read right far more often. So every figure of a number column
below the header is read again (and every cell there read as a figure
with a digit or two taken for letters or marks, 'A9?)' for '4,97': a column
of figures writes no letter), all of them in one stacked call with the
digits-only alphabet, each crop at twice the scale. Where that reading
differs from the page's, or the page's reading is not written as the other
cells of its column write theirs (more decimals, or more digits before the
comma, than any of eight or more others read alike twice), the cell is read
twice more: its crop at the page's scale and its crop of the grey page (the
marks binarising fused are still apart there). Of the four readings (a
point before one or two digits read as the comma it stands for) the figure
most of them give wins; readings not written as the column writes are set
aside while one written so is left. A figure three readings give is sure;
one only two give, or the one figure written as the column writes when the
page's is not, keeps a confidence below the reporting threshold
(OCR_UNCERTAIN), and so does a cell whose readings agree on nothing. A
reading of the same digits with more separators is taken over the winner
('17,1' over '171' twice): a small comma is lost far more often than one is
made up (:func:`parsers.ocr_votes._richer`), and it is reported too.

The crop of a cell is cut from the cell's own box: a ruled cell's box
inside its rules; in a table without rules, the column's extent (the
x-range of the column's cells) by the row's band (its words' height and
half the gap to the rows above and below), so a crop holds the whole
figure whatever the baseline its words were set on (:func:`cell_boxes`).
"""
from __future__ import annotations

import re
from collections import Counter

from reportgen.raw import RawTable

from .ocr_cells import _NUMBER_FORM, DISAGREEMENT, ink_bounds
from .ocr_numbers import separator_marks
from .ocr_votes import _richer, _same_digits

_FIGURE = re.compile(r"^[-–]?\d[\d.,/]*%?$")
MIN_COLUMN = 3  # cells a column needs to be a number column
MIN_STYLE = 8  # cells read alike twice that show how a column writes its figures
MIN_VOTE = 30.0  # a reading Tesseract gives less confidence is no vote
UPSCALE = 2
INSET = 2  # pixels inside a ruled cell's box: its rules are already taken out, a descender reaches them


def _compact(text: str) -> str:
    return text.replace(" ", "")


def _shape(text: str) -> tuple[int, int] | None:
    """(digits before the separator, digits after it) of a figure's value
    (the part before a slash), or None for no figure."""
    head = _compact(text).split("/")[0].rstrip("%").lstrip("-–")
    if not head or not _FIGURE.match(head):
        return None
    whole, _, frac = head.replace(".", ",").partition(",")
    if "," in frac:
        return None
    return len(whole), len(frac)


def misread_figure(text: str) -> bool:
    """Whether a reading is a figure with a digit or two read as letters or
    marks ('A9?)' for '4,97', '3,B5', '9,J1'): one word holding a digit and
    at most two letters. In a column of figures no letter is written, so
    such a cell is read again with the digits only (:func:`check_numbers`)."""
    compact = text.strip()
    if not compact or " " in compact or len(compact) > 12 or _FIGURE.match(compact):
        return False
    return any(ch.isdecimal() for ch in compact) and sum(ch.isalpha() for ch in compact) <= 2


def number_columns(table: RawTable) -> dict[int, list]:
    """{column: its body cells with a box} of the columns of figures: at
    least ``MIN_COLUMN`` cells with text, three in four of them figures."""
    cols: dict[int, list] = {}
    for row in table.rows[table.header_rows or 0:]:
        for c in row:
            if c.bbox is not None and c.text.strip() and c.colspan == 1:
                cols.setdefault(c.col, []).append(c)
    return {k: cells for k, cells in cols.items() if len(cells) >= MIN_COLUMN
            and sum(bool(_FIGURE.match(_compact(c.text))) for c in cells) * 4 >= 3 * len(cells)}


def cell_boxes(table: RawTable, scale: float, shape: tuple[int, int], ruled: bool,
               margin: float = 0.25) -> dict[int, tuple[int, int, int, int]]:
    """{id(cell): pixel box} of the table's cells with a box. A ruled cell's
    box is its own (``ink_crop`` cuts inside the rules); in a table without
    rules a body cell's box is its column's extent widened by ``margin`` of
    the gap to the next columns, by its row's band reaching halfway to the
    rows above and below."""
    h, w = shape
    px = lambda v: int(round(v / scale))  # noqa: E731
    cells = [c for row in table.rows for c in row if c.bbox is not None]
    if ruled:
        return {id(c): tuple(px(v) for v in c.bbox) for c in cells}
    body = [c for row in table.rows[table.header_rows or 0:] for c in row if c.bbox is not None and c.colspan == 1]
    extent: dict[int, list[float]] = {}
    for c in body:
        e = extent.setdefault(c.col, [c.bbox[0], c.bbox[2]])
        e[0], e[1] = min(e[0], c.bbox[0]), max(e[1], c.bbox[2])
    cols = sorted(extent)
    wide: dict[int, tuple[float, float]] = {}
    for i, k in enumerate(cols):
        left = extent[cols[i - 1]][1] if i else extent[k][0] - 6
        right = extent[cols[i + 1]][0] if i + 1 < len(cols) else extent[k][1] + 6
        x0, x1 = extent[k]
        wide[k] = (x0 - max(0.0, x0 - left) * margin, x1 + max(0.0, right - x1) * margin)
    bands = []
    for row in table.rows:
        ys = [(c.bbox[1], c.bbox[3]) for c in row if c.bbox is not None and c.text.strip()]
        bands.append((min(a for a, _ in ys), max(b for _, b in ys)) if ys else None)
    out = {}
    for i, row in enumerate(table.rows):
        if bands[i] is None:
            continue
        top, bottom = bands[i]
        above = next((bands[j][1] for j in range(i - 1, -1, -1) if bands[j] is not None), None)
        below = next((bands[j][0] for j in range(i + 1, len(bands)) if bands[j] is not None), None)
        height = bottom - top
        y0 = (above + top) / 2 if above is not None and above < top else top - 0.5 * height
        y1 = (bottom + below) / 2 if below is not None and below > bottom else bottom + 0.5 * height
        for c in row:
            if c.bbox is None:
                continue
            x0, x1 = wide.get(c.col, (c.bbox[0] - 2, c.bbox[2] + 2)) if c.colspan == 1 else (c.bbox[0] - 2,
                                                                                              c.bbox[2] + 2)
            out[id(c)] = (max(0, px(x0)), max(0, px(min(y0, c.bbox[1]))), min(w, px(x1)),
                          min(h, px(max(y1, c.bbox[3]))))
    return out


def _crops(clean, grey, box, inset: int):
    """(binary crop, grey crop) of a box's ink, cut tight, or None: the
    grey page white away from the binary page's ink (its noise and rules)."""
    import cv2
    import numpy as np

    bounds = ink_bounds(clean, box, inset)
    if bounds is None:
        return None
    x0, y0, x1, y1 = bounds
    binary = clean[y0:y1, x0:x1]
    g = grey[y0:y1, x0:x1].copy()
    near = cv2.dilate((binary < 128).astype(np.uint8), np.ones((3, 3), np.uint8))
    g[near == 0] = 255
    return binary, g


def _styles(cells: dict, agreed: set) -> dict[int, tuple[int, int] | None]:
    """{key: (most digits before the separator, most after it) the other
    cells of its column read alike twice write}; None with too few."""
    shapes: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for k in agreed:
        if (s := _shape(cells[k].text)) is not None:
            shapes.setdefault(cells[k].col, []).append((k, s))
    out: dict[int, tuple[int, int] | None] = {}
    for k, c in cells.items():
        others = [s for j, s in shapes.get(c.col, []) if j != k]
        out[k] = (max(s[0] for s in others), max(s[1] for s in others)) if len(others) >= MIN_STYLE else None
    return out


def _fits(text: str, style: tuple[int, int] | None) -> bool:
    s = _shape(text)
    if style is None or s is None:
        return True
    return s[0] <= style[0] and s[1] <= style[1]


def check_numbers(table: RawTable, clean, grey, scale: float, ruled: bool) -> int:
    """Read every figure of the table's number columns again (see the
    module's doc); the number of cells changed or flagged."""
    from .ocr_tesseract import stacked

    columns = number_columns(table)
    if not columns:
        return 0
    boxes = cell_boxes(table, scale, clean.shape[:2], ruled)
    cells, crops, greys = {}, {}, {}
    for col_cells in columns.values():
        for c in col_cells:
            if not (_FIGURE.match(_compact(c.text)) or misread_figure(c.text)) or id(c) not in boxes:
                continue
            pair = _crops(clean, grey, boxes[id(c)], INSET if ruled else 0)
            if pair is None:
                continue
            k = len(cells)
            cells[k], (crops[k], greys[k]) = c, pair
    if not cells:
        return 0
    second = stacked({k: _scaled(crops[k]) for k in cells}, digits=True)
    agreed = {k for k in cells if _compact(second[k][0]) == _compact(cells[k].text)}
    styles = _styles(cells, agreed)
    doubt = [k for k in cells if k not in agreed or not _fits(cells[k].text, styles[k])]
    if not doubt:
        return 0
    third = stacked({k: crops[k] for k in doubt}, digits=True)
    fourth = stacked({k: greys[k] for k in doubt}, digits=True)
    changed = 0
    for k in doubt:
        c = cells[k]
        votes = [(_canon(t), conf or 0.0) for t, conf in
                 ((c.text, c.confidence), second[k], third[k], fourth[k])]
        marks = separator_marks(crops[k])
        text, conf = _vote(votes, styles[k], marks[0] if marks else None)
        if text is None:
            if c.confidence is None or c.confidence > DISAGREEMENT:
                c.confidence = DISAGREEMENT
                changed += 1
            continue
        if text == _canon(c.text):
            text = c.text  # the page's reading, as written ('4.3' is left to the separators' check)
        if text != c.text or conf != c.confidence:
            c.text, c.confidence = text, conf
            changed += 1
    return changed


def _canon(text: str) -> str:
    """A reading as a vote: spaces and a speck's point at either end left
    out, a point before one or two digits the decimal comma vi_VN writes
    ('4.3' and '4,3' are one reading)."""
    return re.sub(r"\.(\d{1,2})(?=$|/|%)", r",\1", _compact(text).strip("."))


def _scaled(crop):
    import cv2

    return cv2.resize(crop, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)


def _digit_count(text: str) -> int:
    return sum(ch.isdecimal() for ch in text)


def _vote(votes: list[tuple[str, float]], style, glyphs: int | None = None) -> tuple[str | None, float]:
    """(figure, confidence) of four readings (the page's first): the figure
    most readings give, among those written as the column writes when one
    is, and among those with no more digits than the ink has tall glyphs
    (``glyphs``, digits and slashes) when one is ('36' read '346' by all
    three crops: a digit Tesseract made up); given by three readings or
    more it is sure, by two it keeps a confidence below the reporting
    threshold, and so does the one figure written as the column writes when
    the page's reading is not; else (None, 0)."""
    figures = [(t, c) for t, c in votes if t and c >= MIN_VOTE and _NUMBER_FORM.match(t)]
    fitting = [(t, c) for t, c in figures if _fits(t, style)]
    pool = fitting or figures
    if glyphs is not None and any(_digit_count(t) <= glyphs for t, _ in pool):
        pool = [(t, c) for t, c in pool if _digit_count(t) <= glyphs]
    ranked = Counter(t for t, _ in pool).most_common()
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None, 0.0  # nothing read, or two figures given as often
    best, n = ranked[0]
    conf = max(c for t, c in pool if t == best)
    if n >= 3:
        return _richer((best, conf), [v for v in pool if _same_digits(best, v[0])])
    if n == 2 or (len(ranked) == 1 and not _fits(votes[0][0], style)):
        return _richer((best, min(DISAGREEMENT, conf)), [v for v in pool if _same_digits(best, v[0])])
    return None, 0.0
