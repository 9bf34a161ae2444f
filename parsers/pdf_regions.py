"""Runs of a page's lines that are tables without ruling lines
(:mod:`parsers.pdf_words` reads each into a table).

A run of lines with three or more chunks (:mod:`parsers.pdf_chunks`) is a
table, with the lines of fewer chunks between them (wrapped cells, group
rows) while the spacing stays a table's and their chunks keep to its
columns. A line run across the columns (a sentence, a heading, a table's
title) between its rows and another table's header ends it; so does a gap
wider than a table's rows have.
"""
from __future__ import annotations

import re

from .pdf_chunks import Line, edges, is_data

ORDINAL = re.compile(r"^((\d{1,3}|[IVXLC]{1,6})[.)]?|[a-zđ][.)])$")
MIN_CHUNKS = 3
MIN_TABLE_LINES = 3
ROW_GAP = 3.0  # of the font size: widest gap between two aligned rows of a table
FAR_GAP = 6.0  # of the font size: widest gap before a row all of whose chunks align
ALIGN_TOLERANCE = 1.5  # points


def regions(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with many chunks. Lines with fewer chunks between them
    (wrapped cells, group rows) belong to the run while the spacing stays
    that of a table; a wider gap ends it. A line right after the run at
    wrapped-line spacing is the rest of its last row."""
    out: list[list[Line]] = []
    current: list[Line] = []
    holes: list[Line] = []
    prev = None
    for ln in lines:
        gap = ln.top - prev.bottom if prev is not None else 1e9
        # prose leading in the smaller of the two fonts: a title set larger than the table's cells
        # ("Biểu 02. …" between two tables) is not brought into the table by its own leading
        body = next((x.size for x in reversed(current) if len(x.chunks) >= MIN_CHUNKS), ln.size)
        tight = gap <= 1.3 * min(ln.size, body) or (bool(current) and _goes_on(ln, current, gap))
        if current and not tight:
            current += _trailing(current, holes)
            out.append(current)
            current, holes = [], []
        if len(ln.chunks) >= MIN_CHUNKS:
            cut = _between_tables(current, holes, ln)
            if cut is not None:  # a title or a sentence between two tables: each is one
                current += _trailing(current, holes[:cut])
                out.append(current)
                current, holes = [], []
            current += holes
            current.append(ln)
            holes = []
        elif current:
            holes.append(ln)
        prev = ln
    if current:
        current += _trailing(current, holes)
        out.append(current)
    return [r for r in out if _enough(r)]


def _between_tables(region: list[Line], holes: list[Line], ln: Line) -> int | None:
    """The index among ``holes`` (the lines of fewer chunks after the
    region's rows) of the first line of one text run across the region's
    columns (:func:`_crosses`: a sentence, a heading, a table's title
    "Bảng 3. …", set at the spacing of the rows), when the line of columns
    ``ln`` that comes after them does not go on with the region's rows of
    figures: another table's header, or no row in its columns. A row of a
    group's name across the table ("I. Khối sở, ngành") is followed by the
    table's next row of figures. None when the region goes on."""
    if not holes or not any(is_data(x) for x in region):
        return None
    if is_data(ln) and _aligned(ln, region):
        return None
    return next((k for k, h in enumerate(holes) if len(h.chunks) == 1 and _crosses(h, region)), None)


def _aligned(ln: Line, region: list[Line], every: bool = False) -> bool:
    """Whether a line's chunks stand in the region's columns: each shares its
    left edge, centre or right edge with a chunk of the region's lines of
    columns (left-aligned names, centred or right-aligned numbers); at least
    two, and most of the line's. A table whose rows are set apart by cell
    padding or paragraph spacing goes on across gaps wider than prose has."""
    many = [ln2 for ln2 in region[-12:] if len(ln2.chunks) >= MIN_CHUNKS]
    marks = [edges(c) for ln2 in many for c in ln2.chunks]
    hits = sum(1 for c in ln.chunks
               if any(any(abs(a - b) <= ALIGN_TOLERANCE for a, b in zip(edges(c), m)) for m in marks))
    if every:
        return hits == len(ln.chunks)
    return hits >= 2 and hits * 4 >= len(ln.chunks) * 3


def _goes_on(ln: Line, region: list[Line], gap: float) -> bool:
    """Whether a line after a gap wider than prose leading still belongs to
    the region. Within ``ROW_GAP``: a line of columns aligned with it, or
    any line of columns while no row of numbers came yet (header rows set
    apart by paragraph spacing); a line of fewer chunks (a wrapped cell's
    rest, a row with few cells) when every chunk of it is aligned. Within
    ``FAR_GAP``: a line of columns every chunk of which is aligned (LibreOffice
    sets a repeated header well above the first row of the page)."""
    if gap > FAR_GAP * ln.size:
        return False
    if len(ln.chunks) >= MIN_CHUNKS and _aligned(ln, region, every=True):
        return True
    if gap > ROW_GAP * ln.size:
        return False
    if len(ln.chunks) >= MIN_CHUNKS:
        return _aligned(ln, region) or not any(is_data(x) for x in region)
    return _aligned(ln, region, every=True) and not _crosses(ln, region)


def _crosses(ln: Line, region: list[Line]) -> bool:
    """Whether a chunk of the line runs over the start of another column of
    the region (a title between two tables, "Biểu 02. KẾT QUẢ CẤP XÃ", set
    after a gap wider than prose leading): no cell of the table does. A
    chunk that shares an edge or its centre with a chunk of a column is in
    that column, whatever it covers of it ('Trung' over the narrower 'Khá'
    of a centred column of grades). The columns are those of the body's
    rows of figures where the region has some: a header cell centred in its
    column ("Cơ quan, đơn vị được đánh giá") starts inside the column, and
    the last row's wrapped name that runs under it crosses no other column."""
    many = [ln2 for ln2 in region[-12:] if len(ln2.chunks) >= MIN_CHUNKS]
    others = [d for ln2 in ([ln2 for ln2 in many if is_data(ln2)] or many) for d in ln2.chunks]
    return any(c.x0 + ALIGN_TOLERANCE < d.x0 < c.x1 - ALIGN_TOLERANCE
               and not any(abs(a - b) <= ALIGN_TOLERANCE for a, b in zip(edges(c), edges(d)))
               for c in ln.chunks for d in others)


def _enough(region: list[Line]) -> bool:
    """Three lines of columns, or two when one of them is a row of numbers
    (the start of a table cut by the page end); never without a row of
    numbers or a numbered row."""
    many = sum(len(ln.chunks) >= MIN_CHUNKS for ln in region)
    data = any(is_data(ln) for ln in region)
    numbered = any(len(ln.chunks) >= 2 and ORDINAL.match(min(ln.chunks, key=lambda c: c.x0).text)
                   for ln in region)
    if not (data or numbered):
        return False  # prose set in columns or with tab stops: no numbers, no numbered rows
    return many >= MIN_TABLE_LINES or (many >= 2 and data)


def _trailing(current: list[Line], holes: list[Line]) -> list[Line]:
    """Lines after the last many-chunk line that still belong to the table:
    wrapped text at line spacing, or a closing row (a total) in two or more
    columns at row spacing. A line of one chunk that runs over the start of
    the table's columns is no cell's wrapped text: a note set right under a
    table with no space ("Ghi chú: XS - Xuất sắc …", as reportlab sets it)."""
    out = []
    for h in holes:
        gap = h.top - (out or current)[-1].bottom
        if len(h.chunks) == 1 and _crosses(h, current):
            break
        if gap <= 0.6 * h.size or (len(h.chunks) >= 2 and gap <= 1.3 * h.size):
            out.append(h)
        else:
            break
    return out
