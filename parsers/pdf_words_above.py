"""The header lines of a table without rules that stand above its first line
of columns (:mod:`parsers.pdf_words`): the top lines of header cells set
vertically centred, and the titles of groups of columns in rows of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .pdf_chunks import Chunk, Line, is_data

ALIGN_TOLERANCE = 1.5  # points
LIFT_GAP = 0.5  # of the font size: widest gap between a header cell's wrapped lines
GROUP_GAP = 3.0  # of the font size: widest gap between a group's title and its columns' headers
MAX_ABOVE = 8  # lines above the first line of columns looked at


@dataclass
class _Block:
    """A cell's lines above the table: chunks one under the other at wrapped-line spacing."""
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.chunks[0].top

    @property
    def bottom(self) -> float:
        return self.chunks[-1].bottom

    def box(self) -> Chunk:
        """The block as one chunk: its lines' extent, its last line's size."""
        last = self.chunks[-1]
        return replace(last, x0=min(c.x0 for c in self.chunks), x1=max(c.x1 for c in self.chunks),
                       top=self.top)


def lifted(region: list[Line], lines: list[Line], used: set[int]) -> list[Line]:
    """The region with the top lines of its header cells that stand above its
    first line of columns. A header set vertically centred wraps its longest
    cells onto lines above the others ("Tổng / điểm / (tối đa / 100)" beside a
    one-line "STT"), and those lines have too few chunks to open a region.
    A line above belongs to the header when every chunk of it continues a
    cell below: it overlaps a chunk of the header at wrapped-line spacing in
    the same font size (the prose above a table is set larger), and it is no
    wider than a column group (a title centred over the table is wider, or
    set apart by more than a line's leading). Or it titles a group of
    columns beside another title: the lines above are read as cells (a
    title wrapped over two lines is one) and bands of cells side by side;
    a band of two cells or more each lying over two header cells of one line
    within three lines is a row of group titles, whether their lines share a
    baseline or not (reportlab centres "Chỉ số thành phần … (60 điểm)" on one
    line between the two lines of "Chỉ số hài lòng … (40 / điểm)")."""
    start = next(i for i, ln in enumerate(lines) if ln is region[0])
    head = [ln for ln in region[:6] if not is_data(ln)]
    if not head:
        return _cut_rest(region, lines[:start], used) + region
    x0 = min(c.x0 for ln in region for c in ln.chunks)
    x1 = max(c.x1 for ln in region for c in ln.chunks)
    below = [c for ln in head for c in ln.chunks]
    above: list[Line] = []
    for ln in reversed(lines[max(0, start - MAX_ABOVE):start]):
        if id(ln) in used or not all(_inside(c, x0, x1) for c in ln.chunks):
            break
        if ln.bottom < (above[0] if above else region[0]).top - GROUP_GAP * ln.size:
            break
        above.insert(0, ln)
    if not above:
        return _cut_rest(region, lines[:start], used) + region
    accepted = _accepted(above, below)
    out: list[Line] = []
    for ln in reversed(above):
        if not all(id(c) in accepted for c in ln.chunks):
            break
        out.insert(0, ln)
    return _cut_rest(out + region, lines[:start - len(out)], used) + out + region


def _cut_rest(region: list[Line], above: list[Line], used: set[int]) -> list[Line]:
    """The rest of a row the page break cut, at the top of a page whose part
    of the table has no header: the only lines above the first row, each
    starting where a column of text after the first starts (a name's last
    lines, "công tỉnh Lâm / Đồng"), one under the other at line spacing and
    the lowest within a line of the first row, or within the space between
    the table's first two rows (LibreOffice keeps a paragraph's space after
    in its cells). Read as paragraphs
    they stood between the table's parts and the parts were not joined."""
    first_x0 = min(c.x0 for ln in region for c in ln.chunks)
    starts = [c.x0 for ln in region[:12] for c in ln.chunks if c.x0 > first_x0 + ALIGN_TOLERANCE]
    # the space between two rows (a paragraph's space after, where the producer sets it)
    row_gaps = [b.top - a.bottom for a, b in zip(region[:12], region[1:13])
                if min(c.x0 for c in b.chunks) <= first_x0 + ALIGN_TOLERANCE and b.top > a.bottom]
    out: list[Line] = []
    for ln in reversed(above):
        lower = out[0] if out else region[0]
        gap = lower.top - ln.bottom
        if (id(ln) in used or gap > (LIFT_GAP * ln.size if out else max([ln.size] + [g + 1.0 for g in row_gaps[:1]]))
                or not all(sum(abs(c.x0 - x) <= ALIGN_TOLERANCE for x in starts) >= 2 for c in ln.chunks)):
            return []
        out.insert(0, ln)
    return out


def _inside(chunk: Chunk, x0: float, x1: float) -> bool:
    """Within the table's sides and no wider than half of it (a title is)."""
    return (chunk.x0 >= x0 - ALIGN_TOLERANCE and chunk.x1 <= x1 + ALIGN_TOLERANCE
            and chunk.x1 - chunk.x0 <= 0.5 * (x1 - x0))


def _accepted(above: list[Line], below: list[Chunk]) -> set[int]:
    """Ids of the chunks above that are header, band by band from the lowest
    up, each band judged with the header under it (and the bands taken)."""
    blocks: list[_Block] = []
    for ln in above:
        for c in sorted(ln.chunks, key=lambda c: c.x0):
            for b in reversed(blocks):
                last = b.chunks[-1]
                if (min(c.x1, last.x1) - max(c.x0, last.x0) > 1.0 and abs(c.size - last.size) <= 0.1 * last.size
                        and 0 <= c.top - last.bottom <= LIFT_GAP * c.size):
                    b.chunks.append(c)
                    break
            else:
                blocks.append(_Block([c]))
    bands: list[list[_Block]] = []
    for b in sorted(blocks, key=lambda b: b.top):
        if bands and any(b.top < o.bottom and o.top < b.bottom for o in bands[-1]):
            bands[-1].append(b)
        else:
            bands.append([b])
    below = list(below)
    accepted: set[int] = set()
    for band in reversed(bands):
        if not all(_continues(b.chunks[-1], below) or len(band) >= 2 and _over_group(b.box(), below)
                   or _lone_title(b.box(), below, [c for o in band if o is not b for c in o.chunks])
                   for b in band):
            break
        for b in band:
            accepted.update(id(c) for c in b.chunks)
            below += b.chunks
    return accepted


def _continues(chunk: Chunk, below: list[Chunk]) -> bool:
    """The top line of a header cell below it: it overlaps a chunk of the
    header at wrapped-line spacing, in the same font size."""
    return any(min(chunk.x1, d.x1) - max(chunk.x0, d.x0) > 1.0 and abs(chunk.size - d.size) <= 0.1 * d.size
               and -chunk.size < d.top - chunk.bottom <= LIFT_GAP * chunk.size for d in below)


def _over_group(chunk: Chunk, below: list[Chunk]) -> bool:
    """Whether ``chunk`` titles a group of columns: it lies over two header
    cells or more of one row below it, the nearest within ``GROUP_GAP``
    lines (a browser centres the group's title in its own row, over headers
    the row beside it wraps onto more lines). A row is the cells whose lines
    overlap in height: centred in their row, "Cải cách thể chế và thủ tục
    hành / chính" and "Chính quyền điện tử, chính quyền số" start on
    different lines. Or it lies over one cell that titles a group.
    """
    under = sorted((d for d in below if min(chunk.x1, d.x1) - max(chunk.x0, d.x0) > 1.0 and d.top > chunk.bottom),
                   key=lambda d: d.top)
    rows: list[list[Chunk]] = []
    for d in under:
        if rows and d.top < max(e.bottom for e in rows[-1]):
            rows[-1].append(d)
        else:
            rows.append([d])
    near = [ds for ds in rows if ds[0].top - chunk.bottom <= GROUP_GAP * chunk.size]
    if any(len(ds) >= 2 for ds in near):
        return True
    # a title over one sub-group that is itself a group's title (three levels)
    return bool(rows) and len(rows[0]) == 1 and rows[0] in near and _over_group(rows[0][0], below)


def _lone_title(box: Chunk, below: list[Chunk], band: list[Chunk] = ()) -> bool:
    """Whether a cell alone on its lines titles a group of columns: it
    stands in the header's band (a header cell beside it, set down the
    levels, reaches up beside it: "TT", "Tổng điểm" centred down two rows
    beside "Nhóm tiêu chí"; a caption above the table stands clear of the
    header), in the header's font size, centred within 0,6 of that size on a
    run of two header cells or more of a row below it within ``GROUP_GAP``
    lines, one of which it lies over. ``band``: the other cells of its band
    (a cell beside it may be one of them: "Tổng điểm (tối / đa 50)")."""
    if not any(d.top < box.bottom and box.top < d.bottom and (d.x1 < box.x0 or d.x0 > box.x1)
               and abs(d.size - box.size) <= 0.1 * box.size for d in [*below, *band]):
        return False
    rows: list[list[Chunk]] = []
    for d in sorted((d for d in below if d.top > box.top), key=lambda d: d.top):
        if rows and d.top < max(e.bottom for e in rows[-1]):
            rows[-1].append(d)
        else:
            rows.append([d])
    mid = (box.x0 + box.x1) / 2
    for row in rows:
        if row[0].top - box.bottom > GROUP_GAP * box.size:
            break
        cells = sorted(row, key=lambda d: d.x0)
        over = [k for k, d in enumerate(cells) if min(box.x1, d.x1) - max(box.x0, d.x0) > 1.0]
        if not over:
            continue
        for a in range(over[0] + 1):
            for b in range(max(over[-1], a + 1), len(cells)):
                if abs((cells[a].x0 + cells[b].x1) / 2 - mid) <= max(ALIGN_TOLERANCE, 0.6 * box.size):
                    return True
    return False
