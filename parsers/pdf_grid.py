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
instead of polluting the cell under it. A run drawn on one line past a
column's rule (a figure wider than its column: LibreOffice and reportlab
draw "1.616/1.616" whole, the next cell's "100,00" over its end) is one
text too: it goes to the cell whose own text it is not drawn over, or,
drawn over none, to the cell that holds most of its glyphs
(:func:`_across_rules`).
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
        # syllables of join_wrapped decide ('Tổn' + 'g', 'chu' + 'yển'). A producer that breaks at any letter
        # (reportlab in a narrow column) breaks the last word of a line of several too: 'g đi' + 'ểm'.
        filled = (right_edge is not None
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
        text = join_wrapped(text, t, filled, after if i + 1 < len(parts) else None)
    return text


_NUMBERISH = re.compile(r"[\d.,/%]+")
_CLOSING = frozenset(",.;:!?)]")


def join_wrapped(a: str, b: str, filled: bool = False, after: str | None = "", cut: bool = False) -> str:
    """Join two lines of one cell: with a space, or without one where the
    break fell inside a number ('70,29/' + '94', '(10' + '0)'), before the punctuation
    that closes a word or after a bracket that opens one (a column too
    narrow for 'điểm)': LibreOffice sets ')' on a line of its own, 'quan' +
    ', đơn vị') or, when the line before was one word filling the column
    (``filled``), inside a word ('ST' + 'T', 'LOẠ' + 'I'; not 'TỔNG' +
    'ĐIỂM', which are two syllables, nor 'phòng' + 'HĐND', whose case
    changes). ``after``: the first word of the next line when ``b`` is one
    word broken into it ('nghiệ' + 'p'); None when ``b`` is the cell's last
    line, which a page break may have cut: a syllable, then the start of
    one ('Nông' + 'nghiệ', its 'p' on the next page) are two words. ``cut``: the lines are the two
    parts of a cell a page break cut, where how full the line before was is
    not known: a word is joined only when the two pieces make one syllable
    and are not both syllables ('Côn' + 'g', 'Xâ' + 'y')."""
    if not a:
        return b
    if not b:
        return a
    head, tail = a.rsplit(" ", 1)[-1], b.split(" ", 1)[0]
    if len(head) > 1 and head[-1] in "-‐/" and head[-2].isalnum() and tail[:1].isalnum():
        return a + b  # a line broken after the hyphen or slash of a word: '54/TTr-' + 'SGTVT', 'Tăng/' + 'giảm'
    if tail[:1] in _CLOSING and (head[-1:].isalnum() or head[-1:] in _CLOSING) \
            or head[-1:] in "([" and (tail[:1].isalnum() or tail[:1] in "%"):
        return a + b  # no space is written before ',' or ')', nor after '('
    n_head, n_tail = head.lstrip("(["), tail.rstrip(")]")  # a number in brackets: '(10' + '0)'
    if n_head and n_tail and _NUMBERISH.fullmatch(n_head) and _NUMBERISH.fullmatch(n_tail) and (
            n_head[-1] in "/.," and any(ch.isdecimal() for ch in n_head) or n_tail[0] in "/.,%"
            or n_head[-1].isdecimal() and n_tail[0].isdecimal()):
        return a + b
    if cut and head[-1:].isalpha() and tail[:1].isalpha() and head[-1].isupper() == tail[0].isupper():
        head, tail = re.findall(r"\w+$", head)[0], re.findall(r"^\w+", tail)[0]
        if may_be_syllable(head + tail) and not (is_syllable(head) and is_syllable(tail)):
            return a + b
    # A word broken by the column edge keeps its case across the break; a
    # change of case ('phòng' + 'HĐND', 'TỔNG' + 'điểm') is two words — but
    # for a name's capital alone on its line ('phường H' + 'ồn' + 'g').
    if filled and head[-1:].isalpha() and tail[:1].isalpha() and (
            head[-1].isupper() == tail[0].isupper() or _initial(head) and tail[0].islower()):
        head, tail = re.findall(r"\w+$", head)[0], re.findall(r"^\w+", tail)[0]
        joined = head + tail
        if b == tail and after and after[:1].isalpha() and is_syllable(tail + re.findall(r"^\w+", after)[0]):
            tail += re.findall(r"^\w+", after)[0]  # 'nghiệ' of 'Nông' / 'nghiệ' / 'p'
            if is_syllable(head + tail):
                joined = head + tail  # 'Đi' + 'ể' + 'm' (three lines) is 'Điểm'
        if after is None and b == tail and is_syllable(head) and not is_syllable(tail) and _opens_syllable(tail):
            return a + " " + b
        if may_be_syllable(joined) or not (is_syllable(head) and is_syllable(tail)):
            return a + b
    return a + " " + b


_FINALS = ("c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y")


def _initial(head: str) -> bool:
    """A word's capital alone at the end of a line ('phường H'): the start of a name."""
    word = re.findall(r"\w+$", head)
    return bool(word) and len(word[0]) == 1 and word[0].isupper()


def _opens_syllable(word: str) -> bool:
    """Whether ``word`` is the start of a syllable cut before its final
    ('nghiệ' of 'nghiệp'; not 'g' of 'Tổn' + 'g': a start holds its vowel)."""
    base = unicodedata.normalize("NFD", word.lower())
    return any(ch in "aeiouy" for ch in base) and any(is_syllable(word + f) for f in _FINALS)


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
    above: list[dict] = []  # the run just drawn over the table's top rule
    inset = first_line_inset(chars, cells, slot, xs, ys)
    run: list[tuple[dict, int]] = []  # the run of glyphs being drawn, each with its cell
    line: list[tuple[dict, int]] = []  # the glyphs drawn one after the other on one line
    crossing: list[list[tuple[dict, int]]] = []  # such runs that cross a column's rule
    for ch in chars:
        x, y = _center(ch)
        if not (bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]):
            prev_cell = prev_ch = None
            line = _line_run(line, None, None, crossing)
            above = _over_top(above, ch, bbox)
            if run:
                _settle(run, cells)
                run = []
            continue
        gc = min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)
        gr = min(max(bisect_right(ys, y) - 1, 0), len(ys) - 2)
        k = slot.get((gr, gc))
        if k is None:
            line = _line_run(line, None, None, crossing)
            continue
        if above:
            if _overflows(above, ch, cells[k][4]):
                cells[k][5].extend(above)
                taken.update(id(c) for c in above)
            above = []
        if ch["text"].isspace():  # a space separates words; it never runs on
            if prev_cell == k:
                cells[k][5].append(ch)
                run.append((ch, k))
            taken.add(id(ch))
            continue
        if run and not _goes_on(run, prev_ch, ch):
            _settle(run, cells)
            run = []
        if (prev_cell is not None and k != prev_cell and _runs_on(prev_ch, ch, cells[prev_cell][4])
                and not _starts_cell(ch, cells[k][4], inset)):
            k = prev_cell
        cells[k][5].append(ch)
        run.append((ch, k))
        taken.add(id(ch))
        prev_cell, prev_ch = k, ch
        line = _line_run(line, ch, k, crossing)
    if run:
        _settle(run, cells)
    _line_run(line, None, None, crossing)
    for glyphs in crossing:
        _across_rules(glyphs, cells)
    n_rows = len(ys) - 1
    rows: list[list[RawCell]] = [[] for _ in range(n_rows)]
    for r0, c0, rs, cs, b, cchars in sorted(cells, key=lambda c: (c[0], c[1])):
        text = cell_text(cchars, b, texts)
        rows[r0].append(RawCell(text=text, row=r0, col=c0, rowspan=rs, colspan=cs,
                                page=page_number, bbox=tuple(round(v, 2) for v in b)))
    raw = RawTable(index=-1, rows=rows, page=page_number,
                   bbox=tuple(round(v, 2) for v in bbox))
    return raw, taken


def _goes_on(run: list[tuple[dict, int]], prev: dict | None, ch: dict) -> bool:
    """Whether ``ch`` goes on the text ``run`` whose last glyph is ``prev``:
    the next glyph of its line, or the first of the next line at line
    spacing, starting within the run's width (not the next row's number)."""
    if prev is None:
        return False
    size = prev.get("size") or 10
    if abs(ch["top"] - prev["top"]) < 0.3 * size:
        return -0.5 * size <= ch["x0"] - prev["x1"] < size
    return (0 < ch["top"] - prev["top"] < 1.6 * size and ch["top"] - prev["bottom"] < 0.45 * size
            and run[0][0]["x0"] - 2 * size <= ch["x0"] <= prev["x1"])


def _line_run(line: list[tuple[dict, int]], ch: dict | None, k: int | None,
              crossing: list[list[tuple[dict, int]]]) -> list[tuple[dict, int]]:
    """The run of glyphs drawn one after the other on one line, with ``ch``
    (in cell ``k``) added when it starts where the last one ended (its
    advance: no gap a word space or two cells' paddings leave); a run ended that lies in two cells joins
    ``crossing``. ``ch`` None ends the run."""
    if ch is not None and line:
        last = line[-1][0]
        size = last.get("size") or 10
        if abs(ch["top"] - last["top"]) < 0.1 * size and -0.2 * size <= ch["x0"] - last["x1"] < 0.05 * size:
            return [*line, (ch, k)]
    if len({c for _, c in line}) > 1:
        crossing.append(line)
    return [] if ch is None else [(ch, k)]


def _across_rules(glyphs: list[tuple[dict, int]], cells: list) -> None:
    """Give a run drawn on one line over a column's rule to one cell: the
    one whose own text (the glyphs of that line the run does not hold) it
    is not drawn over, when it is drawn over the other's; else the one
    that holds most of its glyphs. A run over more than two cells stays
    glyph by glyph."""
    ks = list(dict.fromkeys(k for _, k in glyphs))
    if len(ks) != 2:
        return
    ids = {id(c) for c, _ in glyphs}
    size = glyphs[0][0].get("size") or 10

    def drawn_over(k: int) -> bool:
        part = [c for c, kk in glyphs if kk == k]
        own = [c for c in cells[k][5] if id(c) not in ids and not c["text"].isspace()
               and abs(c["top"] - part[0]["top"]) < 0.3 * size]
        return any(min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 0.3 * min(a["x1"] - a["x0"], b["x1"] - b["x0"])
                   for a in part for b in own)

    over = [k for k in ks if drawn_over(k)]
    if len(over) == 1:
        target = ks[0] if over[0] == ks[1] else ks[1]
    elif not over:
        counts = [sum(1 for c, kk in glyphs if kk == k and not c["text"].isspace()) for k in ks]
        if counts[0] == counts[1]:
            return
        target = ks[0] if counts[0] > counts[1] else ks[1]
    else:
        return
    moved = [c for c, k in glyphs if k != target]
    moved_ids = {id(c) for c in moved}
    for k in ks:
        if k != target:
            cells[k][5][:] = [c for c in cells[k][5] if id(c) not in moved_ids]
    cells[target][5].extend(moved)


def _settle(run: list[tuple[dict, int]], cells: list) -> None:
    """Give a run of lines drawn over a row's rules to the cell it is centred
    on. A cell's text centred in a row too short for it (Calc printing a
    workbook with the rows' heights it was saved with) runs over the rule
    above by as much as over the rule below: its top line lies in the row
    above ("Nội dung đánh" over the sub-group's "chính"), and glyph by glyph
    it went to that row's cell."""
    first = cells[run[0][1]][4]
    top = min(c["top"] for c, _ in run)
    bottom = max(c["bottom"] for c, _ in run)
    if top >= first[1] - 1 and bottom <= first[3] + 1 and all(k == run[0][1] for _, k in run):
        return
    size = run[0][0].get("size") or 10
    x0, x1 = min(c["x0"] for c, _ in run), max(c["x1"] for c, _ in run)
    ink = [c for c, _ in run if not c["text"].isspace()]
    if not ink:
        return
    x1 = max(c["x1"] for c in ink)
    for target, cell in enumerate(cells):
        b = cell[4]
        over, under = b[1] - top, bottom - b[3]
        if (b[0] - 1 <= x0 and x1 <= b[2] + 1 and over > 1 and under > 1 and abs(over - under) <= 0.5 * size
                and not (top >= first[1] - 1 and bottom <= first[3] + 1)):
            break
    else:
        return
    moved = {id(c) for c, k in run if k != target}
    if not moved:
        return
    for k in {k for _, k in run if k != target}:
        cells[k][5][:] = [c for c in cells[k][5] if id(c) not in moved]
    cells[target][5].extend(c for c, k in run if k != target)


def _over_top(run: list[dict], ch: dict, bbox) -> list[dict]:
    """The run of glyphs drawn over a table's top rule so far, with ``ch``
    (outside the table) added when it stands over the table within two
    lines of its top and goes on the run (on its line or the next); a glyph
    elsewhere ends the run."""
    size = ch.get("size") or 10
    if not (bbox[0] <= ch["x0"] and ch["x1"] <= bbox[2] and 0 < bbox[1] - ch["top"] < 2.5 * size):
        return []
    if run and not (abs(ch["top"] - run[-1]["top"]) < 0.3 * size
                    or 0 < ch["top"] - run[-1]["top"] < 1.6 * size and ch["top"] - run[-1]["bottom"] < 0.45 * size):
        return [ch]
    return [*run, ch]


def _overflows(run: list[dict], ch: dict, box) -> bool:
    """Whether ``run``, drawn over the table's top rule right before ``ch``
    (the first glyph of a cell of the top row, ``box``), is that cell's top
    lines: a header cell's text centred in a row too short for it (Calc with
    the rows' heights of the file) runs over both its rules. It lies within
    the cell's sides, ``ch`` goes on it at line spacing, and its last line
    keeps to the cell's text: centred on the same axis or starting at the
    same edge (a title above the table does neither)."""
    ink = [c for c in run if not c["text"].isspace()]
    if not ink or not (box[0] - 1 <= min(c["x0"] for c in ink) and max(c["x1"] for c in ink) <= box[2] + 1):
        return False
    last = [c for c in ink if abs(c["top"] - ink[-1]["top"]) < 1]
    size = ch.get("size") or 10
    if not last or not (0 < ch["top"] - last[-1]["top"] < 1.6 * size and ch["top"] - last[-1]["bottom"] < 0.45 * size):
        return False
    mid = (last[0]["x0"] + last[-1]["x1"]) / 2
    return abs(mid - (box[0] + box[2]) / 2) <= 0.6 * size or abs(last[0]["x0"] - ch["x0"]) <= 1.5


def first_line_inset(chars: list[dict], cells: list, slot: dict, xs: list[float], ys: list[float]) -> float | None:
    """How far below its cell's top rule a row's first line starts (its
    glyph box's top: a little above the rule where the producer sets no
    padding), as most of the table's rows have it: in each row, the cell
    whose text starts highest (the one that sets the row's height when the
    cells are centred in their rows; every cell when they are set from the
    top). None for a table of one row with text."""
    first: dict[int, float] = {}
    for ch in chars:
        if ch["text"].isspace():
            continue
        x, y = _center(ch)
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            continue
        gc = min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)
        gr = min(max(bisect_right(ys, y) - 1, 0), len(ys) - 2)
        k = slot.get((gr, gc))
        if k is not None and (k not in first or ch["top"] < first[k]):
            first[k] = ch["top"]
    by_row: dict[int, float] = {}
    for k, top in first.items():
        r, inset = cells[k][0], top - cells[k][4][1]
        by_row[r] = min(by_row.get(r, inset), inset)
    insets = list(by_row.values())
    if len(insets) < 2:
        return None
    best = max(insets, key=lambda v: sum(abs(w - v) <= INSET_TOLERANCE for w in insets))
    return best


# Points within which two cells' first lines start at the same distance
# below their top rules (the glyphs' boxes of one font, rounded by the producer).
INSET_TOLERANCE = 0.3


def _starts_cell(ch: dict, box, inset: float | None) -> bool:
    """Whether ``ch`` stands where its own cell's first line starts (as far
    below the cell's top rule as the table's cells' first lines), so that it
    is that cell's text, not a line of the cell above running on: a
    producer without cell padding sets a row's first line at the line
    spacing of the last line above it (LibreOffice: "Tổng cộng" under a
    name, the rest of both rows empty), while a line overflowing a clipped
    cell keeps that cell's spacing, wherever the rule falls."""
    return inset is not None and abs(ch["top"] - box[1] - inset) <= INSET_TOLERANCE


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
