"""Lines of a PDF page read as two columns where they are laid out so.

In a stack of lines some of which are cut in two at a wide gap, a line whose
gap is narrower (a narrow cell) is cut too where both sides keep to and line
up with the two columns (:func:`two_column_blocks`). Runs of lines with two
segments, with the lines between and after them that keep to one column, are
read column by column, left first (:func:`streams`).
"""
from __future__ import annotations

from .pdf_glyphs import WORD_GAP, letter_gap, stretched_space
from .pdf_segments import ALIGN, Segment, segment


def two_column_blocks(lines: list[list[Segment]], texts: dict | None = None) -> list[list[Segment]]:
    """Lines of a two-column block cut where the wide gap is not wide enough.

    A borderless two-cell row (issuer left, national motto right) puts two
    cells' lines on one baseline; where a cell is narrow, the gap between them
    can be narrower than the wide gap that cuts a line at once, and the line
    reads "VĂN PHÒNG HĐND VÀ UBND NGHĨA VIỆT NAM". A block is a stack of lines
    at ordinary leading holding lines already cut in two; their left parts
    all end before their right parts start (two columns that never overlap).
    A line of that stack is cut at a gap when the gap is clearly wider than
    the line's word spaces, the two sides keep to their columns, and each side
    lines up (left edge, centre or right edge) with a part of the same column
    on a line already cut."""
    out = list(lines)
    for start, end in _stacks(lines):
        sure = [ln for ln in lines[start:end] if len(ln) == 2]
        if not sure:
            continue
        left_end = max(ln[0].x1 for ln in sure)
        right_start = min(ln[1].x0 for ln in sure)
        if left_end >= right_start:
            continue
        for i in range(start, end):
            if len(lines[i]) == 1:
                cut = _column_cut(lines[i][0], sure, left_end, right_start, texts)
                if cut:
                    out[i] = cut
    return out


def _stacks(lines: list[list[Segment]]) -> list[tuple[int, int]]:
    """Ranges of lines that follow each other at ordinary leading."""
    out = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or not _next_line(lines[i - 1], lines[i]):
            out.append((start, i))
            start = i
    return [(a, b) for a, b in out if b - a > 1]


def _next_line(above: list[Segment], below: list[Segment]) -> bool:
    size = max(s.size for s in above + below)
    gap = min(s.top for s in below) - max(s.bottom for s in above)
    return -0.3 * size <= gap <= 0.8 * size


def _beside(above: list[Segment], below: list[Segment]) -> bool:
    """Whether two lines stand side by side: their heights overlap (more
    than :func:`_next_line` lets a line below reach up) and one ends a font
    size or more before the other starts (a header cell's lines centred
    beside the other cell's: the issuer between the motto's two lines)."""
    size = max(s.size for s in above + below)
    if min(s.top for s in below) - max(s.bottom for s in above) >= -0.3 * size:
        return False
    a0, a1 = min(s.x0 for s in above), max(s.x1 for s in above)
    b0, b1 = min(s.x0 for s in below), max(s.x1 for s in below)
    return b0 - a1 >= size or a0 - b1 >= size


def _column_cut(seg: Segment, sure: list[list[Segment]], left_end: float, right_start: float,
                texts: dict | None) -> list[Segment] | None:
    glyphs = [(k, c) for k, c in enumerate(seg.chars) if not c["text"].isspace()]
    # the stretched spaces of a justified cell are word spaces, however wide: the
    # gap between the cells is one with no space glyph, narrower than they may be
    gaps = [(b["x0"] - a["x1"], kb) for (ka, a), (kb, b) in zip(glyphs, glyphs[1:])
            if not stretched_space(a, seg.chars[ka + 1:kb], b)]
    threshold = letter_gap(seg.chars) + WORD_GAP * seg.size
    spaces = sorted(g for g, _ in gaps if g > threshold)
    for gap, k in sorted(gaps, reverse=True):
        if gap < 0.6 * seg.size:
            break
        others = list(spaces)
        others.remove(gap)
        if others and gap < 2 * others[len(others) // 2]:
            break  # the line's word spaces are as wide: no column gap
        left = [c for c in seg.chars[:k] if not c["text"].isspace()]
        right = seg.chars[k:]
        lx0, lx1 = left[0]["x0"], left[-1]["x1"]
        rx0, rx1 = right[0]["x0"], max(c["x1"] for c in right)
        if lx1 > right_start + ALIGN or rx0 < left_end - ALIGN:
            continue
        if _lines_up(lx0, lx1, [ln[0] for ln in sure]) and _lines_up(rx0, rx1, [ln[1] for ln in sure]):
            parts = [segment(seg.chars[:k], texts), segment(right, texts)]
            return parts if all(parts) else None
    return None


def _lines_up(x0: float, x1: float, column: list[Segment]) -> bool:
    return any(abs(x0 - s.x0) <= ALIGN or abs(x1 - s.x1) <= ALIGN
               or abs(x0 + x1 - s.x0 - s.x1) <= 2 * ALIGN for s in column)


def streams(lines: list[list[Segment]], texts: dict | None = None) -> list[tuple[list[Segment], bool]]:
    """Segments grouped into reading streams, each with whether it is a
    column of a two-column run: single-column runs as they come, two-column
    runs left column first, then right. A two-column run goes on over a line
    at ordinary leading that keeps to one of its columns (the issuer's third
    line beside an empty cell, the year of a date wrapped in its cell)."""
    streams: list[tuple[list[Segment], bool]] = []
    i = 0
    while i < len(lines):
        run = _gutter_run(lines, i)
        if run is not None:
            j, gutter = run
            segs = [part for ln in lines[i:j] for s in ln for part in _cut_at(s, gutter, texts)]
            _add_columns(streams, [s for s in segs if s.x1 <= gutter], [s for s in segs if s.x1 > gutter])
            i = j
            continue
        if len(lines[i]) < 2:
            j = i
            while j < len(lines) and len(lines[j]) < 2 and (j == i or _gutter_run(lines, j) is None):
                j += 1
            streams.append(([s for ln in lines[i:j] for s in ln], False))
            i = j
            continue
        split, left_end = lines[i][1].x0, lines[i][0].x1
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            if len(ln) >= 2:
                split, left_end = min(split, ln[1].x0), max(left_end, ln[0].x1)
            elif not (_next_line(lines[j - 1], ln) and (ln[0].x1 < split or ln[0].x0 > left_end)) \
                    and not _cell_paragraph(lines[i:j], ln, split):
                break
            j += 1
        run = [s for ln in lines[i:j] for s in ln]
        _add_columns(streams, [s for s in run if s.x1 <= split + 1], [s for s in run if s.x1 > split + 1])
        i = j
    return streams


def _cell_paragraph(run: list[list[Segment]], line: list[Segment], split: float) -> bool:
    """Whether a one-part line below a two-column run, at a paragraph's
    spacing from its last line (more than ordinary leading, at most 1.5
    font sizes), is a further paragraph of one of its cells: it keeps to
    one column (ends before the right column starts, or starts there) and
    lines up (left edge, centre or right edge) with a line of that column
    (the number under an issuer that took more lines than the motto)."""
    seg = line[0]
    above = run[-1]
    size = max(s.size for s in above + line)
    gap = seg.top - max(s.bottom for s in above)
    if not 0.8 * size < gap <= 1.5 * size:
        return False
    if seg.x1 < split:
        return _lines_up(seg.x0, seg.x1, [s for ln in run for s in ln if s.x1 <= split + 1])
    return seg.x0 >= split - ALIGN and _lines_up(seg.x0, seg.x1, [s for ln in run for s in ln
                                                                  if s.x1 > split + 1])


def _add_columns(streams: list[tuple[list[Segment], bool]], left: list[Segment], right: list[Segment]) -> None:
    """A two-column run's columns after the streams so far; a run right
    after another two-column run, its columns within the same two bands
    (every left part ends before every right part starts) and below it at
    no more than a paragraph's spacing (1.5 font sizes: the space after a
    header cell's paragraph, which ends a run at ordinary leading) goes on
    that run's columns: a header cell's paragraphs are read together, the
    issuer's last line before the motto, the motto before the date."""
    if len(streams) >= 2 and streams[-1][1] and streams[-2][1] and left and right:
        before_left, before_right = streams[-2][0], streams[-1][0]
        if before_left and before_right and _same_bands(before_left + before_right, left + right,
                                                         max(s.x1 for s in before_left + left),
                                                         min(s.x0 for s in before_right + right)):
            streams[-2] = (before_left + left, True)
            streams[-1] = (before_right + right, True)
            return
    streams.append((left, True))
    streams.append((right, True))


def _same_bands(above: list[Segment], below: list[Segment], left_end: float, right_start: float) -> bool:
    size = max(s.size for s in above + below)
    gap = min(s.top for s in below) - max(s.bottom for s in above)
    return left_end < right_start and -0.3 * size <= gap <= 1.5 * size


def _gutter_run(lines: list[list[Segment]], i: int) -> tuple[int, float] | None:
    """(end, gutter) of the lines from ``i`` set in two columns whose lines
    need not share a baseline (a browser's CSS columns, a header table whose
    cells' lines do not line up): consecutive lines at ordinary leading or
    side by side (:func:`_beside`) that leave between them an empty band at least a font size wide, with two
    lines or more on each side of it; None when there is no such run."""
    covered: list[list[float]] = []
    j = i
    while j < len(lines) and (j == i or _next_line(lines[j - 1], lines[j]) or _beside(lines[j - 1], lines[j])):
        trial = _union(covered, [w for s in lines[j] for w in _words(s)])
        gap = _widest_gap(trial)
        if (gap is None or gap[1] - gap[0] < max(s.size for s in lines[j])) and j > i:
            break  # (the first line may stand on one side)
        covered = trial
        j += 1
    if j - i < 4 or _widest_gap(covered) is None:
        return None
    g0, g1 = _widest_gap(covered)
    left = sum(1 for ln in lines[i:j] if any(s.x0 < g0 for s in ln))
    right = sum(1 for ln in lines[i:j] if any(s.x1 > g1 for s in ln))
    return (j, (g0 + g1) / 2) if left >= 2 and right >= 2 else None


def _words(seg: Segment) -> list[tuple[float, float]]:
    """The x-extents of a segment's runs of glyphs less than half an em apart."""
    out: list[list[float]] = []
    for ch in seg.chars:
        if ch["text"].isspace():
            continue
        if out and ch["x0"] - out[-1][1] < 0.5 * seg.size:
            out[-1][1] = max(out[-1][1], ch["x1"])
        else:
            out.append([ch["x0"], ch["x1"]])
    return [(a, b) for a, b in out]


def _cut_at(seg: Segment, gutter: float, texts: dict | None) -> list[Segment]:
    """The segment, or its two parts when it runs across the gutter."""
    if seg.x0 >= gutter or seg.x1 <= gutter:
        return [seg]
    k = next(k for k, ch in enumerate(seg.chars) if ch["x0"] >= gutter)
    return [part for part in (segment(seg.chars[:k], texts), segment(seg.chars[k:], texts)) if part]


def _union(covered: list[list[float]], spans: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x0, x1 in sorted([tuple(c) for c in covered] + spans):
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _widest_gap(covered: list[list[float]]) -> tuple[float, float] | None:
    gaps = [(a[1], b[0]) for a, b in zip(covered, covered[1:])]
    return max(gaps, key=lambda g: g[1] - g[0]) if gaps else None
