"""Cells set with no gap between them in a table without rules
(:mod:`parsers.pdf_words`): a run of words cut back into its cells by where
each word stands over the body's columns, or by the gap other lines leave.

PyMuPDF's ``Story`` (HTML to PDF) and some HTML printers set the header cells
of a borderless table one right after the other, "Toàn trình Một phần Tổng
số hồ sơ tiếp nhận …", with less than a word space between two cells, while
the figures below stand in columns well apart. Cut at gaps wider than a word
space, the header line is one chunk over all those columns, read as one label
that each of them shared. A header cell stands over its column: the run is
cut at word boundaries into one part per column when each part is aligned
with its column as the body is (their right edges, left edges or middles
within ``ALIGN``), no word reaches over another column's text, and there is
one such cutting only. Otherwise (a group's title over its columns, words
across a gap between two columns) the chunk stays whole.

The same producer runs a row's cells together where a cell is full: a
right-aligned score into the left-aligned text after it ("6,00Báo cáo số
…"), an outline number too wide for its column into the name ("1.1.1Ban
hành …"), two figures ("107,842.025/2.039"). The body's two columns are then
one. Another line (the header's, or a row's) that leaves a gap inside that
column shows where the cell ends: the column is cut there when at least two
of the chunks across the gap break between two words at one place in the
gap (their left parts ending, or right parts starting, at one x) and one
side of each is a figure or a row's number (:func:`split_columns`).
"""
from __future__ import annotations

from .pdf_chunks import NUMERIC, Chunk, Line
from .pdf_glyphs import WORD_GAP, letter_gap, line_text
from .pdf_rows import ROW_NUMBER

ALIGN = 1.5  # points: a part's edge (or middle) this near its column's is aligned with it
MODES = ("right", "left", "middle")


def split_runs(head: list[Line], cols: list[tuple[float, float]]) -> None:
    """Cut each chunk of the header's ``head`` lines that spans two columns
    or more, with no header text under it, into its cells, one per column,
    where the words' positions allow it. A chunk with header text under it
    is a group's title over its columns (its words may happen to line up
    with them: "Mức độ hài | lòng (tối đa" over "Tỷ lệ (%) | Điểm")."""
    chunks = [c for ln in head for c in ln.chunks]
    for ln in head:
        out: list[Chunk] = []
        for c in ln.chunks:
            leaf = not any(d is not c and d.top >= c.bottom - 0.2 * c.size
                           and min(c.x1, d.x1) - max(c.x0, d.x0) > 1.0 for d in chunks)
            parts = _cut(c, cols) if len(c.cols) >= 2 and leaf else None
            out.extend(parts or [c])
        ln.chunks[:] = out


def _words(chunk: Chunk) -> list[list[dict]]:
    """The chunk's words (glyphs without the spaces), as :func:`line_text` breaks them."""
    gap = letter_gap(chunk.chars)
    words: list[list[dict]] = []
    prev = None
    for ch in chunk.chars:
        if ch["text"].isspace():
            prev = None
            continue
        if prev is None or ch["x0"] - prev["x1"] > gap + WORD_GAP * (ch.get("size") or 10.0) or not words:
            words.append([])
        words[-1].append(ch)
        prev = ch
    return words


def _cut(chunk: Chunk, cols: list[tuple[float, float]]) -> list[Chunk] | None:
    words = _words(chunk)
    span = list(chunk.cols)
    if len(words) < len(span):
        return None
    boxes = [(w[0]["x0"], max(ch["x1"] for ch in w)) for w in words]
    for x0, x1 in boxes:  # a word over two columns' text: no cutting to trust
        if sum(1 for a, b in cols if min(x1, b) - max(x0, a) > 1.0) > 1:
            return None
    found = set()
    for mode in MODES:
        found |= _cuttings(boxes, [cols[k] for k in span], mode)
        if len(found) > 1:
            return None
    if len(found) != 1:
        return None
    ends = found.pop()
    parts, start = [], 0
    for k, end in zip(span, ends):
        parts.append(_part([ch for w in words[start:end] for ch in w], chunk.line, range(k, k + 1)))
        start = end
    return parts


def _part(chars: list[dict], line: int, cols: range = range(0)) -> Chunk:
    sizes = sorted(ch.get("size") or 10.0 for ch in chars)
    return Chunk(chars, line_text(chars), chars[0]["x0"], max(ch["x1"] for ch in chars),
                 min(ch["top"] for ch in chars), max(ch["bottom"] for ch in chars),
                 sizes[len(sizes) // 2], cols, line)


def _cuttings(boxes: list[tuple[float, float]], cols: list[tuple[float, float]], mode: str) -> set[tuple]:
    """The ways to cut the words (their boxes) into one consecutive part per
    column, each part over its column (overlapping it, no word over another
    column's text) and aligned with it in ``mode``: each as the tuple of the
    parts' ends (word indices). At most two are sought: more than one is no
    answer."""
    n = len(boxes)

    def fits(i: int, j: int, k: int) -> bool:
        x0, x1 = boxes[i][0], boxes[j - 1][1]
        a, b = cols[k]
        if min(x1, b) - max(x0, a) <= 1.0:
            return False
        if any(min(boxes[w][1], cb) - max(boxes[w][0], ca) > 1.0
               for w in range(i, j) for m, (ca, cb) in enumerate(cols) if m != k):
            return False
        if mode == "right":
            return abs(x1 - b) <= ALIGN
        if mode == "left":
            return abs(x0 - a) <= ALIGN
        return abs((x0 + x1) / 2 - (a + b) / 2) <= ALIGN

    ways: dict[tuple[int, int], list[tuple]] = {(0, 0): [()]}  # (words used, columns done) → cuttings
    for k in range(len(cols)):
        for i in range(n):
            for prefix in ways.get((i, k), [])[:2]:
                for j in range(i + 1, n + 1):
                    if fits(i, j, k):
                        ways.setdefault((j, k + 1), []).append(prefix + (j,))
    return set(ways.get((n, len(cols)), [])[:2])


def split_columns(cols: list[tuple[float, float]], head: list[Line],
                  body: list[Line]) -> list[tuple[float, float]]:
    """The columns, one cut in two where the body's chunks across a gap that
    another line leaves inside it are two cells run together; those chunks
    are cut in ``body``'s lines."""
    out = []
    for a, b in cols:
        found = _column_cut(a, b, head, body)
        if found is None:
            out.append((a, b))
            continue
        cuts, x = found
        for ln in body:
            for k in range(len(ln.chunks) - 1, -1, -1):
                c = ln.chunks[k]
                if id(c) in cuts:
                    words = _words(c)
                    i = cuts[id(c)]
                    ln.chunks[k:k + 1] = [_part([ch for w in words[:i] for ch in w], c.line),
                                          _part([ch for w in words[i:] for ch in w], c.line)]
        inside = [c for ln in body for c in ln.chunks if c.x0 >= a - 1.0 and c.x1 <= b + 1.0]
        left = max((c.x1 for c in inside if c.x1 <= x), default=a)
        right = min((c.x0 for c in inside if c.x0 >= x), default=b)
        out += [(a, left), (right, b)] if a < left < right < b else [(a, b)]
    return out


def _column_cut(a: float, b: float, head: list[Line], body: list[Line]) -> tuple[dict, float] | None:
    """The body chunks to cut (id → the index of the first word after the
    cut) and the x of the cut, for the column [a, b]; None when it stays one."""
    for lo, hi in _gaps_inside(a, b, head + body):
        across = [c for ln in body for c in ln.chunks
                  if c.x0 < lo and c.x1 > hi and c.x0 >= a - 1.0 and c.x1 <= b + 1.0]
        if len(across) < 2:
            continue
        breaks = []  # per chunk: (word index, left part's end, right part's start) in the gap
        for c in across:
            words = _words(c)
            ends = [(i, words[i - 1][-1]["x1"], words[i][0]["x0"]) for i in range(1, len(words))]
            breaks.append([e for e in ends if e[1] >= lo - ALIGN and e[2] <= hi + ALIGN])
        if not all(breaks):
            continue
        found = set()
        for side in (1, 2):  # the left parts' ends at one x, or the right parts' starts
            for x in {e[side] for e in breaks[0]}:
                pick = [[e for e in bs if abs(e[side] - x) <= ALIGN] for bs in breaks]
                if all(len(p) == 1 for p in pick):
                    found.add(tuple(p[0][0] for p in pick))
        if len(found) != 1:
            continue
        picks = found.pop()
        texts = [(_text(_words(c)[:i]), _text(_words(c)[i:])) for c, i in zip(across, picks)]
        if not (all(_figure(t[0]) for t in texts) or all(_figure(t[1]) for t in texts)):
            continue
        b0 = next(e for e in breaks[0] if e[0] == picks[0])
        return {id(c): i for c, i in zip(across, picks)}, (b0[1] + b0[2]) / 2
    return _figures_first(a, b, body)


def _figures_first(a: float, b: float, body: list[Line]) -> tuple[dict, float] | None:
    """The cut of a column whose every chunk starts with a figure, the
    figures right-aligned (of different widths, ending at one x), and at
    least two of them run on into words after a break right there: a
    right-aligned figure's cell and the text of the cell after it, with no
    line leaving a gap between them (a page of the table where each row has
    both)."""
    inside = [c for ln in body for c in ln.chunks if c.x0 >= a - 1.0 and c.x1 <= b + 1.0]
    firsts = [(c, _words(c)) for c in inside]
    if len(firsts) < 3 or not all(NUMERIC.match(_text(ws[:1])) for _, ws in firsts):
        return None
    ends = [ws[0][-1]["x1"] for _, ws in firsts]
    starts = [ws[0][0]["x0"] for _, ws in firsts]
    if max(ends) - min(ends) > ALIGN or max(starts) - min(starts) <= ALIGN:
        return None
    across = [(c, ws) for c, ws in firsts if len(ws) > 1]
    if len(across) < 2:
        return None
    x = (max(ends) + min(ws[1][0]["x0"] for _, ws in across)) / 2
    return {id(c): 1 for c, _ in across}, x


def _text(words: list[list[dict]]) -> str:
    return line_text([ch for w in words for ch in w])


def _gaps_inside(a: float, b: float, lines: list[Line]) -> list[tuple[float, float]]:
    """The gaps between two chunks of one line that lie inside the column [a, b]."""
    out = []
    for ln in lines:
        chunks = sorted(ln.chunks, key=lambda c: c.x0)
        for c, d in zip(chunks, chunks[1:]):
            if a < c.x1 < d.x0 < b:
                out.append((c.x1, d.x0))
    return sorted(set(out))


def _figure(text: str) -> bool:
    return bool(NUMERIC.match(text) or ROW_NUMBER.match(text))
