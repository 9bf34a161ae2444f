"""Body rows of a table drawn without rules, from the geometry of its words.

Whatever the producer, a row of a score table is anchored by its number: the
first column holds one short ordinal ("1", "II", "a)") per row and never
wraps. The other cells of the row are set beside it, top-aligned (Word,
LibreOffice, reportlab), centred on it (a browser's ``vertical-align:
middle``) or bottom-aligned, and a long cell wraps over several lines.

So the lines of each column are first joined into *pieces*: consecutive
chunks of one column at in-cell line spacing (the smallest gap between two
chunks of a column, the leading; a row boundary adds the cell padding). A
piece belongs to the row whose number its vertical extent overlaps; a piece
that overlaps two numbers (a producer without cell padding, where the
leading is the row spacing too) is cut, each line going to the last number
at or above it. A piece that overlaps no number is a cell of a row without a
number (a group title, a total): such pieces side by side make one row.

Without a numbered first column the rows are cut where the first column has
a new chunk or the gap is wider than the leading (``None`` from
:func:`anchored_rows`; the caller's own rule applies).
"""
from __future__ import annotations

import re

from .pdf_chunks import NUMERIC

# "1", "II.", "a)", "1.2.3"; never a figure with dot thousands ("52.472": three digits after the dot)
ROW_NUMBER = re.compile(r"^((\d{1,3}|[IVXLC]{1,6})[.)]?|[a-zđ][.)]|\d{1,3}(\.\d{1,2}){1,3}\.?)$")
MIN_ANCHORS = 2
ANCHOR_SHARE = 0.8  # of the first column's chunks


def _mid(c) -> float:
    return (c.top + c.bottom) / 2


def anchor_chunks(chunks: list) -> list | None:
    """The chunks of the column that numbers the rows, top to bottom: the
    first column, or the second when the first holds a few names only (a
    group's name merged over its rows, 'Khối sở, ngành' left of 'STT')."""
    for col in (0, 1):
        numbers = _numbers(chunks, col)
        if numbers is not None and (col == 0 or _grouping(chunks, numbers)):
            return numbers
    return None


def _numbers(chunks: list, col: int) -> list | None:
    first = sorted((c for c in chunks if c.cols.start == col), key=lambda c: c.top)
    if len(first) < MIN_ANCHORS:
        return None
    numbered = [c for c in first if len(c.cols) == 1 and ROW_NUMBER.match(c.text)]
    if len(numbered) < MIN_ANCHORS or len(numbered) < ANCHOR_SHARE * len(first):
        return None
    for a, b in zip(numbered, numbered[1:]):
        if b.top < a.bottom:  # two numbers on one line: not a numbering column
            return None
    return _unwrapped(numbered)


def _grouping(chunks: list, numbers: list) -> bool:
    """Whether the first column, beside numbers in the second, holds names
    of groups of rows: words only, in fewer cells (lines at line spacing
    joined) than half the numbers."""
    top, bottom = numbers[0].top, numbers[-1].bottom
    names = sorted((c for c in chunks if c.cols.start == 0 and len(c.cols) == 1 and top - 1 <= c.top <= bottom),
                   key=lambda c: c.top)
    cells = sum(1 for k, c in enumerate(names) if not k or c.top - names[k - 1].bottom > 0.5 * c.size)
    return bool(names) and cells * 2 <= len(numbers) and all(
        any(ch.isalpha() for ch in c.text) and not ROW_NUMBER.match(c.text) for c in names)


def _unwrapped(numbered: list) -> list:
    """The numbers without the wrapped ends of a number too wide for its
    column ('1' over '0' for 10 after 9): a line right under a number, at
    line spacing, whose digits joined to it make the next number of the
    sequence while the number alone does not."""
    from dataclasses import replace

    out: list = []
    for c in numbered:
        if len(out) >= 2 and c.text.isdecimal() and out[-1].text.isdecimal() and out[-2].text.isdecimal():
            prev, last = out[-2], out[-1]
            tight = c.top - last.bottom <= 0.5 * (last.bottom - last.top)
            if tight and int(last.text) != int(prev.text) + 1 and int(last.text + c.text) == int(prev.text) + 1:
                joined = replace(last, chars=last.chars + c.chars, text=last.text + c.text,
                                 x0=min(last.x0, c.x0), x1=max(last.x1, c.x1), bottom=c.bottom)
                joined.parts = getattr(last, "parts", (last,)) + (c,)  # the chunks it stands for
                out[-1] = joined
                continue
        out.append(c)
    return out


def in_cell_gap(chunks: list, size: float, first: float | None = None) -> float:
    """The widest gap between two lines of one cell: between the leading
    (the smallest gap between consecutive chunks of a column) and the next
    wider cluster of gaps (rows, with their cell padding). On a scan, with
    ``first`` the top of the first row's number, the header's lines are left
    out (its words, misread, may overlap the line under them) but for a
    first row's lines above its number, and the leading is the smallest gap
    that recurs (within 0,15 of the font size)."""
    ocr = _read_by_ocr(chunks)
    if ocr and first is not None:
        chunks = [c for c in chunks if c.top >= first - 2 * size]
    by_col: dict[int, list] = {}
    for c in chunks:
        by_col.setdefault(c.cols.start, []).append(c)
    gaps = []
    for col in by_col.values():
        col.sort(key=lambda c: c.top)
        gaps += [b.top - a.bottom for a, b in zip(col, col[1:]) if b.top >= a.bottom - 0.2 * size]
    if not gaps:
        return 0.25 * size
    gaps.sort()
    lead = gaps[0]
    if ocr:
        lead = next((g for g, h in zip(gaps, gaps[1:]) if h - g <= 0.15 * size), lead)
    # a scan's lines wander by a few points: gaps up to 1,6 times the
    # leading are still lines of one cell
    wider = [g for g in gaps if g > lead + max(0.15 * size, 0.6 * lead)]
    if not wider:
        return lead + 0.25 * size
    return (lead + wider[0]) / 2


def _read_by_ocr(chunks: list) -> bool:
    """Whether the chunks are a scan's words (boxes from OCR, not glyphs)."""
    return any(ch.get("fontname") == "OCR" for c in chunks[:3] for ch in c.chars[:1])


def anchored_rows(chunks: list, size: float, anchors: list | None = None) -> list[list] | None:
    """The chunks grouped into rows, top to bottom, or None when the table
    has no numbered first column."""
    anchors = anchors if anchors is not None else anchor_chunks(chunks)
    if anchors is None:
        return None
    limit = in_cell_gap(chunks, size, anchors[0].top)
    group_cols = range(anchors[0].cols.start)  # left of the numbers: names of groups of rows
    anchor_ids = {id(a) for a in anchors} | {id(p) for a in anchors for p in getattr(a, "parts", ())}
    rows: list[list] = [[a] for a in anchors]
    loose: list[list] = []  # pieces of rows without a number
    by_col: dict[int, list] = {}
    for c in chunks:
        if id(c) not in anchor_ids:
            by_col.setdefault(c.cols.start, []).append(c)
    for col in by_col.values():
        col.sort(key=lambda c: c.top)
        pieces: list[list] = []
        for c in col:
            if pieces and c.top - pieces[-1][-1].bottom <= limit:
                pieces[-1].append(c)
            else:
                pieces.append([c])
        for piece in pieces:
            top, bottom = piece[0].top, max(c.bottom for c in piece)
            hit = [k for k, a in enumerate(anchors) if a.top < bottom and top < a.bottom]
            if len(hit) == 1:
                rows[hit[0]] += piece
            elif hit and (piece[0].cols.start in group_cols
                          or not _on_rows(piece, [anchors[k] for k in hit[1:]], size)):
                for c in piece:  # a merged cell over these rows, its lines set apart from theirs
                    c.rowspan = hit[-1] - hit[0] + 1
                rows[hit[0]] += piece
            elif hit:  # no padding between rows: each line to the number at or above it
                before = []
                for c in piece:
                    above = [k for k in hit if anchors[k].top <= _mid(c)]
                    if above:
                        rows[above[-1]].append(c)
                    else:
                        before.append(c)
                if before:
                    loose.append(before)
            else:
                loose.append(piece)
    placed = [part for row in _place_loose(rows, loose, anchors) for part in _stacked(row, anchor_ids, size, limit)]
    return _centred_groups(placed, {id(a) for a in anchors}, size, group_cols)


def _stacked(row: list, anchor_ids: set, size: float, limit: float | None = None) -> list[list]:
    """A numbered row and, on lines of their own below it, rows without a
    number (a total under the last unit, set without padding; a unit's
    periods under its first one): a cell never holds two figures one above
    the other, so a lower line with figures in two or more of the columns
    where the row's first line has figures too starts a row of its own,
    with every chunk on or below that line, and so on down. But a cell that
    runs on below the rest of its row (a unit's name merged down its block
    of rows and wrapped past the first: 'Sở Công Thươn' / 'g', with ``limit``
    the widest gap between two lines of a cell) keeps its lines at line
    spacing below, and spans the rows they reach."""
    lines: dict[float, list] = {}
    for c in sorted(row, key=lambda c: c.top):
        key = next((k for k in lines if abs(k - c.top) <= 0.3 * size), c.top)
        lines.setdefault(key, []).append(c)
    tops = sorted(lines)
    if len(tops) < 2:
        return [row]
    first = {c.cols.start for c in lines[tops[0]] if NUMERIC.match(c.text)}
    for i, top in enumerate(tops[1:], start=1):
        figures = {c.cols.start for c in lines[top] if NUMERIC.match(c.text) and id(c) not in anchor_ids}
        above = [c for t in tops[:i] for c in lines[t]]
        if len(figures & first) >= 2 and not _wrapped_figures(above, lines[top], size, limit):
            upper = [c for c in row if c.top < top - 0.3 * size]
            lower = [c for c in row if c.top >= top - 0.3 * size]
            running = _running_on(upper, lower, anchor_ids, size, limit) if limit is not None else []
            if running:
                upper += running
                lower = [c for c in lower if all(c is not r for r in running)]
            parts = [upper] + (_stacked(lower, anchor_ids, size, limit) if lower else [])
            if running:
                cols = {c.cols.start for c in running}
                cell = [c for c in upper if c.cols.start in cols]
                bottom = max(c.bottom for c in cell)
                span = 1 + sum(1 for part in parts[1:] if min(c.top for c in part) < bottom)
                for c in cell:
                    c.rowspan = max(c.rowspan, span)
            return parts
    return [row]


def _wrapped_figures(upper: list, lower: list, size: float, limit: float | None) -> bool:
    """Whether the figures of ``lower`` are the ends of figures above them,
    wrapped in columns too narrow for them ('52,' over '05', '9,3' over
    '7', '107' over ',04': LibreOffice breaks a number it cannot fit): each
    one digits (after a comma under digits, or with one: '26' over '7,53'),
    at line spacing under the lowest chunk of its column in ``upper`` (the
    row's lines above; cells centred in their row start on other lines),
    a figure, and at least one of those cut right after or before its
    decimal comma or point."""
    above: dict = {}
    for c in upper:
        if c.cols.start not in above or c.top > above[c.cols.start].top:
            above[c.cols.start] = c
    above = {k: c for k, c in above.items() if NUMERIC.match(c.text)}
    figures = [c for c in lower if NUMERIC.match(c.text)]
    if not figures or any(c.cols.start not in above or not _ENDING.match(c.text) for c in figures):
        return False
    gap = limit if limit is not None else 0.5 * size
    if any(c.top - above[c.cols.start].bottom > gap for c in figures):
        return False
    if any(c.text[0] in ",." and not above[c.cols.start].text[-1:].isdecimal() for c in figures):
        return False
    return any(above[c.cols.start].text[-1:] in ",." or c.text[0] in ",." for c in figures)


_ENDING = re.compile(r"^[.,]?\d+([.,]\d+)?$")  # the end of a figure: '05', ',04' of '107', '7,53' of '26'


def _running_on(upper: list, lower: list, anchor_ids: set, size: float, limit: float) -> list:
    """The chunks of ``lower`` that continue, at line spacing, a cell of
    ``upper`` that runs on below all the other cells of its row (the
    row's other cells end a line or more above the cell's last line)."""
    out = []
    for col in sorted({c.cols.start for c in upper if len(c.cols) == 1 and id(c) not in anchor_ids}):
        cell = sorted((c for c in upper if c.cols.start == col), key=lambda c: c.top)
        others = [c for c in upper if c.cols.start != col]
        if not others or any(NUMERIC.match(c.text) for c in cell):
            continue
        if cell[-1].bottom <= max(c.bottom for c in others) + 0.5 * size:
            continue  # ends with its row
        bottom = cell[-1].bottom
        for c in sorted((c for c in lower if c.cols.start == col and len(c.cols) == 1), key=lambda c: c.top):
            if c.top - bottom > limit or NUMERIC.match(c.text):
                break
            out.append(c)
            bottom = c.bottom
    return out


def _centred_groups(rows: list[list], anchor_ids: set, size: float, group_cols: range = range(0)) -> list[list]:
    """A column whose few cells are group names merged over runs of rows
    and centred on them (a one-line name over three rows sits on the middle
    row's line, indistinguishable from a cell of it): the names partition
    the numbered rows, each centred on its run from the row after the run
    before to the last row. Then each name goes to the first row of its run
    and spans it, as in the DOCX. A column whose names do not make such a
    partition (notes beside their rows, names set at the top of their run)
    is left as read; names left of the numbers, set at the top of their run,
    span the rows down to the next name."""
    numbered = [k for k, row in enumerate(rows) if any(id(c) in anchor_ids for c in row)]
    if len(numbered) < 3 or numbered != list(range(numbered[0], numbered[-1] + 1)):
        return rows
    starts = {c.cols.start for k in numbered for c in rows[k] if len(c.cols) == 1 and id(c) not in anchor_ids}
    for col in sorted(starts):
        labels = [(k, [c for c in rows[k] if c.cols.start == col]) for k in numbered]
        labels = [(k, cs) for k, cs in labels if cs]
        if len(labels) < 2 or any(len(c.cols) != 1 or not any(ch.isalpha() for ch in c.text)
                                  for _, cs in labels for c in cs):
            continue
        runs = _runs(rows, numbered, col, labels, size)
        if runs is None and col in group_cols and labels[0][0] == numbered[0]:
            runs = [(k, nxt - 1) for (k, _), nxt in zip(labels, [k for k, _ in labels[1:]] + [numbered[-1] + 1])]
        elif runs is None or all(first == k for (k, _), (first, _) in zip(labels, runs)):
            continue
        for (k, cs), (first, last) in zip(labels, runs):
            rows[k] = [c for c in rows[k] if c.cols.start != col]
            for c in cs:
                c.rowspan = last - first + 1
            rows[first] = rows[first] + cs
    return rows


def _runs(rows: list[list], numbered: list[int], col: int, labels: list, size: float) -> list | None:
    """[(first, last) row] of each label when the labels partition the
    numbered rows, each centred (within 0,3 of the font size) on its run of
    two rows or more, at least one run three rows long; else None."""
    def extent(k: int) -> tuple[float, float]:
        cs = [c for c in rows[k] if c.cols.start != col]
        return min(c.top for c in cs), max(c.bottom for c in cs)

    runs = []
    first = numbered[0]
    for n, (k, cs) in enumerate(labels):
        mid = (min(c.top for c in cs) + max(c.bottom for c in cs)) / 2
        end = labels[n + 1][0] - 1 if n + 1 < len(labels) else numbered[-1]
        if first > k:
            return None
        # a run of one row is no evidence of centring (a name set at the top
        # of a one-line row is centred on that row alone)
        options = range(max(k, first + 1), end + 1) if n + 1 < len(labels) else [end]
        if not options or options[-1] <= first:
            return None
        last = min(options, key=lambda e: abs((extent(first)[0] + extent(e)[1]) / 2 - mid))
        if abs((extent(first)[0] + extent(last)[1]) / 2 - mid) > 0.3 * size:
            return None
        runs.append((first, last))
        first = last + 1
    return runs if any(last - first >= 2 for first, last in runs) else None


def _on_rows(piece: list, anchors: list, size: float) -> bool:
    """Whether each of these numbers has a line of the piece on its line
    (top or middle at one height): the piece's lines are lines of the rows,
    set without padding between them."""
    near = 0.15 * size
    return all(any(abs(c.top - a.top) <= near or abs(_mid(c) - _mid(a)) <= near for c in piece)
               for a in anchors)


def _place_loose(rows: list[list], loose: list[list], anchors: list) -> list[list]:
    """Rows without a number (pieces overlapping each other make one row),
    set among the numbered rows by their position."""
    loose.sort(key=lambda p: p[0].top)
    groups: list[list] = []
    for piece in loose:
        top, bottom = piece[0].top, max(c.bottom for c in piece)
        for g in groups:
            g_top, g_bottom = min(c.top for c in g), max(c.bottom for c in g)
            if top < g_bottom and g_top < bottom:
                g += piece
                break
        else:
            groups.append(list(piece))
    out = [(a.top, row) for a, row in zip(anchors, rows)]
    for g in groups:
        top, bottom = min(c.top for c in g), max(c.bottom for c in g)
        band = [row for row in rows if top < max(c.bottom for c in row) and min(c.top for c in row) < bottom]
        if len(band) == 1:  # beside a numbered row: a cell of it set lower
            band[0] += g
        else:
            out.append((top, g))
    out.sort(key=lambda t: t[0])
    return [row for _, row in out]
