"""Header cells set with no gap between them over a table without rules
(:mod:`parsers.pdf_words`): one run of words cut back into its cells by
where each word stands over the body's columns.

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
"""
from __future__ import annotations

from .pdf_chunks import Chunk, Line
from .pdf_glyphs import WORD_GAP, letter_gap, line_text

ALIGN = 1.5  # points: a part's edge (or middle) this near its column's is aligned with it
MODES = ("right", "left", "middle")


def split_runs(ln: Line, cols: list[tuple[float, float]]) -> None:
    """Cut each chunk of a header line that spans two columns or more into
    its cells, one per column, where the words' positions allow it."""
    out: list[Chunk] = []
    for c in ln.chunks:
        parts = _cut(c, cols) if len(c.cols) >= 2 else None
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
        chars = [ch for w in words[start:end] for ch in w]
        sizes = sorted(ch.get("size") or 10.0 for ch in chars)
        parts.append(Chunk(chars, line_text(chars), chars[0]["x0"], max(ch["x1"] for ch in chars),
                           min(ch["top"] for ch in chars), max(ch["bottom"] for ch in chars),
                           sizes[len(sizes) // 2], range(k, k + 1), chunk.line))
        start = end
    return parts


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
