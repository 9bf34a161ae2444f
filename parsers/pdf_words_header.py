"""The header of a table without rules (:mod:`parsers.pdf_words`): header
chunks joined into cells top to bottom, a centred group label widened to the
columns it groups, levels from what lies above what."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reportgen.raw import RawCell

from .pdf_chunks import slots_of
from .pdf_grid import join_lines, join_wrapped

ALIGN = 1.5  # points: a label this near the middle of its columns is centred on them


@dataclass
class _HCell:
    text: str
    cols: range
    top: float
    bottom: float
    size: float
    x0: float = 0.0
    x1: float = 0.0
    lines: list = field(default_factory=list)  # (text, whether the line before filled the column)
    alone: bool = False  # no header cell starts beside its first line


def header_cells(lines: list, n_cols: int, cols: list | None = None) -> tuple[list[RawCell], int]:
    """The header cells of a table without rules from its header ``lines``
    (their chunks' columns set), and the number of header levels."""
    if not lines:
        return [], 0
    if cols:
        _columns_from_leaves(lines, cols)
    numbers = _column_numbers(lines[-1])
    if numbers and len(lines) > 1:
        out, n_levels = header_cells(lines[:-1], n_cols, cols)
        for c in sorted(lines[-1].chunks, key=lambda c: c.x0):
            out.append(RawCell(text=c.text, row=n_levels, col=c.cols.start, colspan=max(1, len(c.cols))))
        return out, n_levels + 1
    cells: list[_HCell] = []
    for ln in lines:
        for c in sorted(ln.chunks, key=lambda c: c.x0):
            for hc in reversed(cells):
                if (0 <= c.top - hc.bottom < 0.6 * c.size and set(hc.cols) & set(c.cols)
                        and not _shared(c, ln.chunks, hc.cols) and not (hc.alone and _flanked(c, ln.chunks))):
                    hc.lines.append((c.text, True))
                    hc.cols = range(min(hc.cols.start, c.cols.start), max(hc.cols.stop, c.cols.stop))
                    hc.bottom = max(hc.bottom, c.bottom)
                    hc.x0, hc.x1 = min(hc.x0, c.x0), max(hc.x1, c.x1)
                    break
            else:
                cells.append(_HCell(c.text, c.cols, c.top, c.bottom, c.size, c.x0, c.x1, [(c.text, False)],
                                    not _flanked(c, ln.chunks, True)))
    for hc in cells:
        hc.text = join_lines(hc.lines)
    _extend_groups(cells, n_cols, cols)
    level = {}
    for b in cells:
        level[id(b)] = sum(1 for a in cells if a is not b and a.bottom <= b.top + 1
                           and a.cols.start <= b.cols.start and b.cols.stop <= a.cols.stop
                           and len(a.cols) > len(b.cols))
    n_levels = max(level.values()) + 1
    merged: dict[tuple, _HCell] = {}
    for b in sorted(cells, key=lambda c: c.top):
        key = (b.cols.start, b.cols.stop, level[id(b)])
        if key in merged:
            merged[key].text = join_wrapped(merged[key].text, b.text)
        else:
            merged[key] = b
    out = []
    for (start, stop, lv), b in merged.items():
        has_child = any(k[2] > lv and start <= k[0] and k[1] <= stop for k in merged)
        out.append(RawCell(text=unicodedata.normalize("NFC", b.text), row=lv, col=start,
                           colspan=stop - start, rowspan=1 if has_child else n_levels - lv))
    out.sort(key=lambda c: (c.row, c.col))
    return out, n_levels


def _columns_from_leaves(lines: list, cols: list) -> None:
    """Set the columns of the header's upper chunks from the extent of the
    lowest ones. A browser centres a header cell in its column and sets the
    body's figures to the left: the figures ("14", "0", "8") cover the
    left of their column only, and a title centred over the column ("Kỳ
    trước" over "chuyển sang", "Đang giải quyết" over "Trong hạn | Quá
    hạn") fell in the gap beyond them, in the next column. A leaf (a chunk
    with no header text under it) stands in the column whose text it
    overlaps, or the one its middle falls in; each column reaches as far as
    its leaves do, and a chunk above them is in the columns it overlaps."""
    chunks = [c for ln in lines for c in ln.chunks]
    slots = slots_of(cols)
    ext = [list(c) for c in cols]
    leaves: dict[int, int | None] = {}  # id → its one column, None when it has several
    for c in chunks:
        if any(d is not c and d.top >= c.bottom - 0.2 * c.size and _overlap(c, d) for d in chunks):
            continue
        hit = [k for k, (a, b) in enumerate(cols) if min(c.x1, b) - max(c.x0, a) > 1.0]
        if not hit:
            mid = (c.x0 + c.x1) / 2
            hit = [k for k, (a, b) in enumerate(slots) if a <= mid < b]
        leaves[id(c)] = hit[0] if len(hit) == 1 else None
        if len(hit) == 1:
            e = ext[hit[0]]
            e[0], e[1] = min(e[0], c.x0), max(e[1], c.x1)
    if any(a[1] >= b[0] for a, b in zip(ext, ext[1:])):
        return  # leaves that reach over another column's: no extent to trust
    for c in chunks:
        if id(c) in leaves:
            if leaves[id(c)] is not None:
                c.cols = range(leaves[id(c)], leaves[id(c)] + 1)
            continue
        hit = [k for k, (a, b) in enumerate(ext) if min(c.x1, b) - max(c.x0, a) > 1.0]
        if hit:
            c.cols = range(hit[0], hit[-1] + 1)


def _overlap(a, b) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 1.0


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


def _column_numbers(line) -> bool:
    """Whether a header line numbers the columns ("(1) (2) (3) …", what a
    form prints under its header): three numbers or more counting up, each
    in a column of its own. It is a row of its own, never the last line of
    the cells above ("STT (1)")."""
    found = [_COLUMN_NUMBER.match(c.text) for c in sorted(line.chunks, key=lambda c: c.x0)]
    if len(found) < 3 or not all(found):
        return False
    values = [int(m.group(1)) for m in found]
    starts = [c.cols.start for c in sorted(line.chunks, key=lambda c: c.x0)]
    return (all(b == a + 1 for a, b in zip(values, values[1:]))
            and all(b > a for a, b in zip(starts, starts[1:])))


def _flanked(chunk, line: list, either: bool = False) -> bool:
    """Whether the chunks of ``chunk``'s line stand in the columns on both
    sides of it (``either``: on one side), at its height: a row of cells
    ("Tiêu chí 2", "Tiêu chí 3", "Tiêu chí 4"). Under a title that starts
    with no cell beside it, such a line is the level below, not the title's
    second line, though its middle cell is centred on the title's axis."""
    beside = [o for o in line if o is not chunk and abs(o.top - chunk.top) <= 1.0]
    left = any(o.cols.stop == chunk.cols.start for o in beside)
    right = any(o.cols.start == chunk.cols.stop for o in beside)
    return (left or right) if either else (left and right)


def _shared(chunk, line: list, cols: range) -> bool:
    """Whether another chunk of ``chunk``'s line lies under the cell of
    ``cols`` too: a cell's wrapped line is the only text of its line within
    the cell, so a line cut into several chunks under a group's title holds
    the cells of the level below (a browser's indicators "Tiêu / chí 1",
    "Tiêu / chí 2" centred under "Công khai, minh bạch (18 điểm)" at less
    than a line's spacing), not the rest of the title."""
    return any(o is not chunk and set(o.cols) & set(cols) for o in line)


def _extend_groups(cells: list[_HCell], n_cols: int, cols: list | None = None) -> None:
    """Widen a centred group label to every column whose header cells all lie
    below it (its text may be narrower than the columns it groups). Where
    the columns beside the group have header cells set lower too (a
    browser centres one-line headers such as "STT" down the rows the group
    takes two of), the group is the widest run of those columns its label
    is centred over (``cols``: the columns' x-ranges)."""
    for g in cells:
        below = [c for c in cells if c is not g and c.top >= g.bottom - 1]
        if not below or not any(set(c.cols) & set(g.cols) for c in below):
            continue

        def owned(col: int) -> bool:
            owners = [c for c in cells if col in c.cols and c is not g]
            return bool(owners) and all(c.top >= g.bottom - 1 for c in owners)

        kids = [c.top for c in below if set(c.cols) & set(g.cols)]
        kids_top = min(kids) if kids else g.bottom

        def free(col: int) -> bool:
            """Under the group's title alone, with every cell below it that
            spans it (a group's title spans whole cells of the level below:
            "Chính quyền số" over two columns is not split between two groups),
            its top cell no higher than the cells under the title's own
            columns ("STT", "Tổng điểm" centred down both rows start higher
            than the indicators under "Điểm thành phần")."""
            tops = [c.top for c in below if col in c.cols]
            return (owned(col) and all(owned(k) for c in below if col in c.cols for k in c.cols)
                    and bool(tops) and min(tops) >= kids_top - 1)

        start, stop = g.cols.start, g.cols.stop
        for c in below:  # the cells under its own columns are the group's whole
            if set(c.cols) & set(g.cols) and all(owned(k) for k in c.cols):
                start, stop = min(start, c.cols.start), max(stop, c.cols.stop)
        g.cols = range(start, stop)
        while start > 0 and free(start - 1):
            start -= 1
        while stop < n_cols and free(stop):
            stop += 1
        if cols and len(cols) >= stop:
            g.cols = _centred(g, start, stop, _extents(cols, [c for c in cells if c.top >= g.bottom - 1]))
        else:
            g.cols = range(start, stop)


def _extents(cols: list, heads: list[_HCell]) -> list[tuple[float, float]]:
    """Each column's x-range: its body's and its one-column header cells'."""
    out = [list(c) for c in cols]
    for h in heads:
        if len(h.cols) == 1 and h.x1 > h.x0 and h.cols.start < len(out):
            e = out[h.cols.start]
            e[0], e[1] = min(e[0], h.x0), max(e[1], h.x1)
    return [tuple(e) for e in out]


def _centred(g: _HCell, start: int, stop: int, cols: list) -> range:
    """The widest run of columns within [start, stop) holding ``g``'s own
    whose middle is ``g``'s (within 0,6 of its font size); all of them
    when none is."""
    mid = (g.x0 + g.x1) / 2
    runs = [(b - a, a, b) for a in range(start, g.cols.start + 1) for b in range(g.cols.stop, stop + 1)
            if abs((cols[a][0] + cols[b - 1][1]) / 2 - mid) <= max(ALIGN, 0.6 * g.size)]
    if not runs or max(runs)[0] == stop - start:
        return range(start, stop)
    _, a, b = max(runs)
    return range(a, b)
