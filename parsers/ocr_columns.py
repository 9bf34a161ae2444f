"""Two columns side by side in the prose of a scanned page.

Tesseract's page layout (psm 4) takes the header of an administrative
document (issuer and number left, national motto and date right) for one
column: each of its lines holds both cells' words, "ỦY BAN NHÂN DÂN CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT NAM", and the lines make one paragraph. By geometry
on the word boxes: a line whose words leave between two of them a gap wider
than twice the line's median word height (a word space is a third of it) is
cut in two there; consecutive lines cut so, every left part ending before
every right part starts (one gutter), are a two-column block, and so are
the lines beside or below them at no more than a paragraph's spacing that
keep to one side and line up with that column (left edge, centre or right
edge within half a word height: the issuer's third line, the year of a date
wrapped in its cell). The block is read column by column, left first; each
line of a column is a paragraph of its own (a header's lines are its
elements), but a line that starts in lower case goes on the one above (a
wrapped date), and a full line goes on with the next in the same case and
weight: the issuer (bold) that fills its cell is never the rest of the
parent body's line (upright) above it.
"""
from __future__ import annotations

import re
from statistics import median

GUTTER = 2.0  # × the median word height: a gap this wide between two words of a line is a gutter
_LIST = re.compile(r"^([-–•+*]|\d{1,2}(\.\d{1,2})*\.|[a-zđ]\)|[IVX]{1,5}\.)$|^[-–•+*]")
SPACING = 1.5  # × word height: the farthest a line of the block may stand below the one above it


def column_blocks(words: list[dict], image=None) -> tuple[list[list[list[dict]]], list[dict]]:
    """(the page's two-column blocks, each its paragraphs' words in reading
    order, each a list of words; the words outside them). With the page's
    binary ``image`` (the words' boxes in its pixels), each word gets the
    width of its strokes (:func:`stroke_widths`)."""
    if image is not None:
        stroke_widths(words, image)
    lines = _lines(words)
    cut = [_cut(ln) for ln in lines]
    text_left = min((w["x0"] for w in words), default=0.0)
    blocks, taken = [], set()
    start = done = 0
    while start < len(lines):
        found = _block(lines, cut, start)
        if found is None:
            start += 1
            continue
        (left, right), end = found
        _above(lines, start, done, left, right)
        start = done = end
        taken |= {id(w) for ln in left + right for w in ln}
        blocks.append(_paragraph_lines(left, text_left) + _paragraph_lines(right))
    return blocks, [w for w in words if id(w) not in taken]


def _lines(words: list[dict]) -> list[list[dict]]:
    """Tesseract's lines, each left to right, top to bottom."""
    groups: dict[tuple, list[dict]] = {}
    for w in words:
        groups.setdefault((w["block"], w["par"], w["line"]), []).append(w)
    return sorted((sorted(ln, key=lambda w: w["x0"]) for ln in groups.values()),
                  key=lambda ln: min(w["top"] for w in ln))


def _height(ln: list[dict]) -> float:
    return median(w["bottom"] - w["top"] for w in ln)


def _cut(ln: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """The line's two parts at its widest gap when that is a gutter, or
    None (a blank left for a number, 'Số:      /BC-…', may be wide too)."""
    h = _height(ln)
    gaps = [(ln[k]["x0"] - ln[k - 1]["x1"], k) for k in range(1, len(ln))]
    gap, k = max(gaps, default=(0, 0))
    return (ln[:k], ln[k:]) if gap > GUTTER * h else None


def _block(lines, cut, start: int) -> tuple[tuple[list[list[dict]], list[list[dict]]], int] | None:
    """The block from ``start`` (a cut line followed by another) as its
    (left column lines, right column lines) and the index of the line after
    it; None when there is none."""
    if cut[start] is None:
        return None
    left, right = [cut[start][0]], [cut[start][1]]
    j = start + 1
    while j < len(lines):
        h = max(_height(lines[j - 1]), _height(lines[j]))
        if min(w["top"] for w in lines[j]) - max(w["bottom"] for w in lines[j - 1]) > SPACING * h:
            break
        left_end = max(w["x1"] for ln in left for w in ln)
        right_start = min(w["x0"] for ln in right for w in ln)
        parts = cut[j] or _cut_in_band(lines[j], left, right)
        if parts is not None:
            a, b = parts
            if max(w["x1"] for w in a) >= min(right_start, b[0]["x0"]) or b[0]["x0"] <= left_end:
                break
            left.append(a)
            right.append(b)
        elif lines[j][-1]["x1"] < right_start and _lines_up(lines[j], left, h):
            left.append(lines[j])
        elif lines[j][0]["x0"] > left_end and _lines_up(lines[j], right, h):
            right.append(lines[j])
        else:
            break
        j += 1
    if sum(1 for k in range(start, j) if cut[k] is not None) < 2:
        return None
    return (left, right), j


def _above(lines, start: int, stop: int, left: list, right: list) -> None:
    """Prepend to a block the lines above it (down to ``stop``), at no more
    than a paragraph's spacing, whose narrower gap falls in its gutter."""
    k = start - 1
    while k >= stop:
        h = max(_height(lines[k]), _height(lines[k + 1]))
        if min(w["top"] for w in lines[k + 1]) - max(w["bottom"] for w in lines[k]) > SPACING * h:
            return
        parts = _cut_in_band(lines[k], left, right)
        if parts is None:
            return
        left.insert(0, parts[0])
        right.insert(0, parts[1])
        k -= 1


def _cut_in_band(ln: list[dict], left: list[list[dict]], right: list[list[dict]]) -> tuple | None:
    """A line's two parts at a gap narrower than a sure gutter (a narrow
    cell beside the motto: 'UBND TỈNH HÒA BÌNH XANH CỘNG HÒA …'): the
    widest gap of the line, clearly wider than its word spaces (twice their
    median, and half a word height), with the left part ending before the
    block's right column starts and the right part starting after its left
    column ends, each part lining up with its column."""
    h = _height(ln)
    gaps = sorted(((ln[k]["x0"] - ln[k - 1]["x1"], k) for k in range(1, len(ln))), reverse=True)
    if not gaps:
        return None
    gap, k = gaps[0]
    spaces = [g for g, _ in gaps[1:]]
    if gap < 0.5 * h or (spaces and gap < 2 * median(spaces)):
        return None
    a, b = ln[:k], ln[k:]
    left_end = max(w["x1"] for c in left for w in c)
    right_start = min(w["x0"] for c in right for w in c)
    if a[-1]["x1"] >= right_start or b[0]["x0"] <= left_end:
        return None
    return (a, b) if _lines_up(a, left, h) and _lines_up(b, right, h) else None


def _lines_up(ln: list[dict], column: list[list[dict]], h: float) -> bool:
    x0, x1 = ln[0]["x0"], ln[-1]["x1"]
    tol = 0.5 * h
    return any(abs(x0 - c[0]["x0"]) <= tol or abs(x1 - c[-1]["x1"]) <= tol
               or abs(x0 + x1 - c[0]["x0"] - c[-1]["x1"]) <= 2 * tol for c in column)


def _paragraph_lines(lines: list[list[dict]], text_left: float | None = None) -> list[list[dict]]:
    """A column's lines made paragraphs: a line goes on the one above when
    it starts in lower case (a wrapped date), or when it follows at
    ordinary leading, in the same case (capitals or not), starts no list
    item, and the line above was full: its next word would not have fitted
    on it ('THÀNH PHỐ HỒ CHÍ' over 'MINH'). The room of a line is the
    column's widest line; in the left column, two lines centred on one axis
    had the width centred on that axis from the page's left text edge
    (``text_left``: where the header's left cell starts)."""
    if not lines:
        return []
    x0 = min(ln[0]["x0"] for ln in lines)
    x1 = max(ln[-1]["x1"] for ln in lines)
    out: list[list[dict]] = []
    for ln in lines:
        if out and _goes_on(out[-1], ln, x1 - x0, text_left):
            out[-1] = out[-1] + ln
        else:
            out.append(list(ln))
    return out


def _goes_on(above: list[dict], line: list[dict], room: float, text_left: float | None) -> bool:
    first = line[0]
    if first["text"][:1].islower():
        return True
    last = [w for w in above if w["top"] >= max(w["top"] for w in above) - _height(above)]  # its last line
    h = max(_height(last), _height(line))
    if min(w["top"] for w in line) - max(w["bottom"] for w in last) > 0.6 * h or _LIST.match(first["text"]):
        return False
    if _caps(" ".join(w["text"] for w in last)) != _caps(" ".join(w["text"] for w in line)):
        return False
    if _other_weight(last, line):
        return False  # the parent body (upright) over the issuer (bold) that fills its cell
    a0, a1 = min(w["x0"] for w in last), max(w["x1"] for w in last)
    b0, b1 = line[0]["x0"], line[-1]["x1"]
    if text_left is not None and abs((a0 + a1) - (b0 + b1)) <= h:
        room = a0 + a1 - 2 * text_left  # centred on one axis, from the left text edge
    return a1 - a0 + 0.3 * h + first["x1"] - first["x0"] >= room - 0.5 * h


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


WEIGHT = 1.35  # ratio of stroke widths: two lines this far apart are set in two weights


def stroke_widths(words: list[dict], image) -> None:
    """Give each word the median length of the horizontal runs of ink in
    its box (``stroke``, pixels): the width of its upright strokes, about
    1,7 times as wide in bold as in upright type."""
    import numpy as np

    for w in words:
        crop = image[max(0, w["top"]):w["bottom"], max(0, w["x0"]):w["x1"]] < 128
        if crop.size == 0:
            continue
        edges = np.diff(np.pad(crop.astype(np.int8), ((0, 0), (1, 1))), axis=1)
        starts, ends = np.nonzero(edges == 1)[1], np.nonzero(edges == -1)[1]
        if len(starts) >= 8:
            w["stroke"] = float(np.median(ends - starts))


def _other_weight(a: list[dict], b: list[dict]) -> bool:
    """Whether two lines are set in different weights (Nghị định 30: the
    parent body upright, the issuer bold): the median stroke widths of their
    words of letters differ by ``WEIGHT`` times or more."""
    def weight(ln: list[dict]) -> float | None:
        found = [w["stroke"] for w in ln if "stroke" in w and any(ch.isalpha() for ch in w["text"])]
        return median(found) if found else None

    x, y = weight(a), weight(b)
    return x is not None and y is not None and max(x, y) >= WEIGHT * min(x, y)
