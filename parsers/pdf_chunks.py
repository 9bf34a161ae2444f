"""Words of a page cut into chunks at gaps wider than a word space, the
visual lines they stand on, and the column geometry of a run of such lines:
the x-ranges its fullest lines cover, a column standing in the gap between
two (a group's name set between its rows), and which columns a chunk stands
in. The alignment reader of tables without rules (:mod:`.pdf_words`) builds
on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_glyphs import chars_to_lines, line_text, stretched_space

NUMERIC = re.compile(r"^([-–+]?[\d.,/%]+|[-–—x])$")


@dataclass
class Chunk:
    chars: list[dict]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    cols: range = range(0)
    line: int = 0  # index of its visual line on the page
    rowspan: int = 1  # the body rows a merged cell's chunk spans (set by the rows' reading)


@dataclass
class Line:
    chunks: list[Chunk]
    top: float
    bottom: float
    size: float
    ids: set = field(default_factory=set)


def chunks_of(line: list[dict], texts: dict | None = None) -> list[Chunk]:
    """The line cut at gaps wider than a word space, but for the stretched
    spaces of a justified line (:func:`parsers.pdf_glyphs.stretched_space`):
    the words of one text, not cells."""
    parts: list[list[dict]] = []
    prev = None
    spaces: list[dict] = []  # the space glyphs since the last glyph of a word
    for ch in line:
        if ch["text"].isspace():
            if parts and prev is not None:
                parts[-1].append(ch)  # a word break line_text keeps
                spaces.append(ch)
            continue
        size = ch.get("size") or 10
        if prev is None or (ch["x0"] - prev["x1"] > max(0.55 * size, 3.0)
                            and not stretched_space(prev, spaces, ch)):
            parts.append([])
        parts[-1].append(ch)
        prev = ch
        spaces = []
    out = []
    for p in parts:
        while p[-1]["text"].isspace():
            p.pop()
        sizes, x1, top, bottom = [], [], [], []
        for c in p:  # one pass over the glyphs for the chunk's box and size
            sizes.append(c.get("size") or 10)
            x1.append(c["x1"])
            top.append(c["top"])
            bottom.append(c["bottom"])
        sizes.sort()
        out.append(Chunk(p, line_text(p, cache=texts), p[0]["x0"], max(x1), min(top), max(bottom),
                         sizes[len(sizes) // 2]))
    return out


def lines_of(chars: list[dict], lines: list[list[dict]] | None = None, texts: dict | None = None) -> list[Line]:
    out = []
    for k, ln in enumerate(chars_to_lines(chars) if lines is None else lines):
        chunks = chunks_of(ln, texts)
        for c in chunks:
            c.line = k
        if chunks:
            out.append(Line(chunks, min(c.top for c in chunks), max(c.bottom for c in chunks),
                            max(c.size for c in chunks), {id(c) for c in ln}))
    return out


def edges(chunk: Chunk) -> tuple[float, float, float]:
    return chunk.x0, (chunk.x0 + chunk.x1) / 2, chunk.x1


def is_data(ln: Line) -> bool:
    numeric = sum(1 for c in ln.chunks if NUMERIC.match(c.text))
    return numeric >= 2 and numeric * 5 >= len(ln.chunks) * 2


def columns_of(body: list[Line]) -> list[tuple[float, float]]:
    full = max(len(ln.chunks) for ln in body)
    spans = sorted((c.x0, c.x1) for ln in body if len(ln.chunks) >= 0.7 * full for c in ln.chunks)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 0.5:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def gap_columns(cols: list[tuple[float, float]], region: list[Line]) -> list[tuple[float, float]]:
    """The columns, with one more in each gap between two of them where
    chunks of two body lines or more stand, overlapping each other and neither
    column: a column whose cells never share a line with a row's figures
    (a group's name merged over its rows and set between their lines)."""
    out = list(cols)
    first = next((k for k, ln in enumerate(region) if is_data(ln)), len(region))
    for left, right in zip(cols, cols[1:]):
        inside = sorted((c for ln in region for c in ln.chunks
                         if c.x0 > left[1] + 1.0 and c.x1 < right[0] - 1.0), key=lambda c: c.x0)
        ids = {id(c) for c in inside}
        if len({c.line for ln in region[first:] for c in ln.chunks if id(c) in ids}) < 2:
            continue  # a header's words over a narrow column of digits stand in its gap too
        x0, x1 = inside[0].x0, inside[0].x1
        for c in inside[1:]:  # one column: each overlaps the ones before it ("Đơn vị" under "UBND phường")
            if c.x0 >= x1:
                break
            x1 = max(x1, c.x1)
        else:
            out.append((x0, x1))
    return sorted(out)


CENTRE_TOLERANCE = 1.5  # points: a header cell centred on its column


def cell_columns(cols: list[tuple[float, float]], head: list[Line],
                     body: list[Line]) -> list[tuple[float, float]]:
    """The columns, two side by side made one where they are one cell's two
    alignments: no body line writes in both, and the header's text over them
    is centred on the two together. A producer that sets words at a cell's
    left and figures at its right (reportlab: a transposed table's "Xếp
    loại" / "Xếp hạng" rows under right-aligned scores) leaves a gap between
    them that no chunk crosses; read as two columns, each commune's grade
    and rank stood in a column of their own, under no header or under half
    of one, and were lost to the table's reading."""
    out = list(cols)
    k = 0
    while k + 1 < len(out):
        if _one_cell(out, k, head, body):
            out[k:k + 2] = [(out[k][0], out[k + 1][1])]
        else:
            k += 1
    return out


def _one_cell(cols: list[tuple[float, float]], k: int, head: list[Line], body: list[Line]) -> bool:
    a, b = cols[k], cols[k + 1]
    left = cols[k - 1][1] if k else -1e9
    right = cols[k + 2][0] if k + 2 < len(cols) else 1e9
    # the header's chunks over the pair and within its neighbours (a group's title over more columns is no sign)
    over = [c for ln in head for c in ln.chunks if c.x1 > a[0] and c.x0 < b[1] and c.x0 > left and c.x1 < right]
    mid = (a[0] + b[1]) / 2
    if not over or any(abs((c.x0 + c.x1) / 2 - mid) > CENTRE_TOLERANCE for c in over):
        return False

    def within(c: Chunk, col: tuple[float, float]) -> bool:
        return c.x0 >= col[0] - 1.0 and c.x1 <= col[1] + 1.0

    return not any(any(within(c, a) for c in ln.chunks) and any(within(c, b) for c in ln.chunks) for ln in body)


def slots_of(cols: list[tuple[float, float]]) -> list[tuple[float, float]]:
    cuts = [(cols[i][1] + cols[i + 1][0]) / 2 for i in range(len(cols) - 1)]
    edges = [-1e9] + cuts + [1e9]
    return [(edges[i], edges[i + 1]) for i in range(len(cols))]


def cover(chunk: Chunk, slots, cols=None) -> range:
    """The columns a chunk stands in: those whose body text it overlaps
    (a header wider than its column's numbers may reach into the space
    between two columns, never into the next column's text); else the
    slots between the midlines of the gaps that it overlaps."""
    hit = [i for i, (a, b) in enumerate(cols or ()) if min(chunk.x1, b) - max(chunk.x0, a) > 1.0]
    if hit:
        return range(hit[0], hit[-1] + 1)
    hit = [i for i, (a, b) in enumerate(slots) if min(chunk.x1, b) - max(chunk.x0, a) > 1.0]
    if not hit:
        mid = (chunk.x0 + chunk.x1) / 2
        hit = [min(range(len(slots)), key=lambda i: abs((slots[i][0] + slots[i][1]) / 2 - mid))]
    return range(hit[0], hit[-1] + 1)
