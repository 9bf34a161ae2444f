"""Tables of a PDF page from its ruling lines, as grids with true spans.

pdfplumber finds the cell boxes (``Page.find_tables``); the distinct x and y
edges of those boxes are the grid's column and row boundaries, so a box that
covers several column slots is a merged cell (``colspan``), one that covers
several row slots a vertical merge (``rowspan``).

Characters are put in cells in one pass: the grid slot under a character's
centre is found by bisection on the edges. Producers write a cell's text as
one run; when a run that began in one cell runs on below that cell's bottom
(LibreOffice clips, but still writes, the text of a merged header cell that is
too tall for a repeated header), the overflow stays with the cell it began in
instead of polluting the cell under it.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from reportgen.raw import RawCell, RawTable

from .pdf_glyphs import as_upright, chars_to_lines, line_text, turned
from .vi_plausibility import is_syllable, may_be_syllable

EDGE_TOLERANCE = 2.0  # points: edges closer than this are one boundary


def cluster_edges(values: list[float], tol: float = EDGE_TOLERANCE) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """Index of the edge nearest to v."""
    i = bisect_right(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return len(edges) - 1
    return i if edges[i] - v < v - edges[i - 1] else i - 1


def _center(ch: dict) -> tuple[float, float]:
    return (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2


# Points by which a line may end short of the estimated right edge and still
# have filled its cell (LibreOffice's padding: 5,4 pt left, up to a point more
# to the right, where the last glyph's advance also rounds).
FILL_SLACK = 1.0


def cell_text(chars: list[dict], box=None, texts: dict | None = None) -> str:
    """A cell's text: its lines joined with one space, except where a word was
    broken inside because it could not fit the column ('ST' + 'T'): there the
    next line's first letter would not have fitted on the line before."""
    if not chars:
        return ""
    if any(turned(ch) for ch in chars):  # a header written up (or down) its cell
        chars, box, texts = as_upright(chars), None, None  # copies: no cache by glyph ids
    lines = chars_to_lines(chars)
    right_edge = None
    if box is not None:
        pad = max(0.0, min(ln[0]["x0"] for ln in lines) - box[0])
        right_edge = box[2] - pad
    made = [line_text(line, cache=texts) for line in lines]
    parts: list[tuple[str, bool]] = []
    for i, line in enumerate(lines):
        t = made[i]
        if not t:
            continue
        if not parts:
            parts.append((t, False))
            continue
        prev = lines[i - 1]
        first = line[0]
        # The producer broke the word because its next letter did not fit: the
        # right edge is estimated from the left padding (a padding may be a
        # point wider on the right), so the test leans to "did not fit" and the
        # syllables of join_wrapped decide ('Tổn' + 'g', 'chu' + 'yển').
        filled = (right_edge is not None and " " not in made[i - 1]
                  and prev[-1]["x1"] + (first["x1"] - first["x0"]) > right_edge - FILL_SLACK)
        parts.append((t, filled))
    return unicodedata.normalize("NFC", join_lines(parts))


def join_lines(parts: list[tuple[str, bool]]) -> str:
    """A cell's lines (text, whether the line before was one word filling
    the column) joined top to bottom by :func:`join_wrapped`; a line that is
    one word broken again into the next ('Nông' / 'nghiệ' / 'p') is judged
    with the letters it goes on with ('nghiệp')."""
    text = ""
    for i, (t, filled) in enumerate(parts):
        after = parts[i + 1][0].split(" ", 1)[0] if i + 1 < len(parts) and parts[i + 1][1] else ""
        text = join_wrapped(text, t, filled, after)
    return text


_NUMBERISH = re.compile(r"[\d.,/%]+")


def join_wrapped(a: str, b: str, filled: bool = False, after: str = "") -> str:
    """Join two lines of one cell: with a space, or without one where the
    break fell inside a number ('70,29/' + '94') or, when the line before was
    one word filling the column (``filled``), inside a word ('ST' + 'T',
    'LOẠ' + 'I'; not 'TỔNG' + 'ĐIỂM', which are two syllables, nor
    'phòng' + 'HĐND', whose case changes). ``after``: the first word of the
    next line when ``b`` is one word broken into it ('nghiệ' + 'p')."""
    if not a:
        return b
    if not b:
        return a
    head, tail = a.rsplit(" ", 1)[-1], b.split(" ", 1)[0]
    if len(head) > 1 and head[-1] in "-‐" and head[-2].isalnum() and tail[:1].isalnum():
        return a + b  # a line broken after the hyphen of a word: '54/TTr-' + 'SGTVT'
    if _NUMBERISH.fullmatch(head) and _NUMBERISH.fullmatch(tail) and (
            head[-1] in "/.," or tail[0] in "/.,%" or head[-1].isdecimal() and tail[0].isdecimal()):
        return a + b
    # A word broken by the column edge keeps its case across the break; a
    # change of case ('phòng' + 'HĐND', 'TỔNG' + 'điểm') is two words.
    if filled and head[-1:].isalpha() and tail[:1].isalpha() and head[-1].isupper() == tail[0].isupper():
        head, tail = re.findall(r"\w+$", head)[0], re.findall(r"^\w+", tail)[0]
        joined = head + tail
        if b == tail and after[:1].isalpha() and is_syllable(tail + re.findall(r"^\w+", after)[0]):
            tail += re.findall(r"^\w+", after)[0]  # 'nghiệ' of 'Nông' / 'nghiệ' / 'p'
        if may_be_syllable(joined) or not (is_syllable(head) and is_syllable(tail)):
            return a + b
    return a + " " + b


def place_cells(boxes, tol: float = EDGE_TOLERANCE):
    """Cell boxes → ([r0, c0, rowspan, colspan, box], slot map, x edges, y
    edges): the distinct edges are the grid, a box over several slots spans."""
    xs = cluster_edges([b[0] for b in boxes] + [b[2] for b in boxes], tol)
    ys = cluster_edges([b[1] for b in boxes] + [b[3] for b in boxes], tol)
    cells = []
    slot: dict[tuple[int, int], int] = {}
    for b in boxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        k = len(cells)
        cells.append([r0, c0, r1 - r0, c1 - c0, b])
        for r in range(r0, r1):
            for c in range(c0, c1):
                slot.setdefault((r, c), k)
    return cells, slot, xs, ys


def grid_table(table, chars: list[dict], page_number: int, texts: dict | None = None) -> tuple[RawTable, set[int]]:
    """A RawTable from a pdfplumber Table, and the ids of the chars it took;
    ``texts``: the page's cache of :func:`parsers.pdf_glyphs.line_text`."""
    boxes = [tuple(c) for c in table.cells]
    cells, slot, xs, ys = place_cells(boxes)
    cells = [[*c, []] for c in cells]
    bbox = table.bbox
    taken: set[int] = set()
    prev_cell = prev_ch = None
    for ch in chars:
        x, y = _center(ch)
        if not (bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]):
            prev_cell = prev_ch = None
            continue
        gc = min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)
        gr = min(max(bisect_right(ys, y) - 1, 0), len(ys) - 2)
        k = slot.get((gr, gc))
        if k is None:
            continue
        if ch["text"].isspace():  # a space separates words; it never runs on
            if prev_cell == k:
                cells[k][5].append(ch)
            taken.add(id(ch))
            continue
        if prev_cell is not None and k != prev_cell and _runs_on(prev_ch, ch, cells[prev_cell][4]):
            k = prev_cell
        cells[k][5].append(ch)
        taken.add(id(ch))
        prev_cell, prev_ch = k, ch
    n_rows = len(ys) - 1
    rows: list[list[RawCell]] = [[] for _ in range(n_rows)]
    for r0, c0, rs, cs, b, cchars in sorted(cells, key=lambda c: (c[0], c[1])):
        text = cell_text(cchars, b, texts)
        rows[r0].append(RawCell(text=text, row=r0, col=c0, rowspan=rs, colspan=cs,
                                page=page_number, bbox=tuple(round(v, 2) for v in b)))
    raw = RawTable(index=-1, rows=rows, page=page_number,
                   bbox=tuple(round(v, 2) for v in bbox))
    return raw, taken


def _runs_on(prev: dict, ch: dict, prev_box) -> bool:
    """Whether ``ch`` continues the text run of ``prev`` below the bottom of
    the cell ``prev`` sits in (text overflowing a clipped cell)."""
    if (ch["top"] + ch["bottom"]) / 2 < prev_box[3]:
        return False  # not below the previous cell
    if not (prev_box[0] - 1 <= ch["x0"] and ch["x1"] <= prev_box[2] + 1):
        return False  # not under it
    size = prev.get("size") or 10
    same_line = abs(ch["top"] - prev["top"]) < 0.3 * size and ch["x0"] >= prev["x0"]
    next_line = (0 < ch["top"] - prev["top"] < 1.6 * size
                 and ch["top"] - prev["bottom"] < 0.45 * size)
    return same_line or next_line
