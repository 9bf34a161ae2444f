"""Tables drawn without ruling lines, found from the alignment of words.

Lines are cut into chunks at gaps wider than a word space. A run of lines with
three or more chunks is a table (:mod:`parsers.pdf_regions` finds the runs);
the columns are the x-ranges that the chunks of its fullest lines cover (gaps
that no body chunk crosses separate them).
The header is what comes before the first row that starts with an ordinal
("1", "I", "a") or is mostly numbers; its chunks become cells spanning the
columns under them, nested by containment into header levels (a group cell
over its indicator columns, a single-column cell merged down the levels). Body
rows start at an ordinal in the first column or after a gap wider than the
leading; other lines are wrapped text of the row above.
"""
from __future__ import annotations

import re
import unicodedata

from reportgen.raw import RawCell, RawTable

from .pdf_chunks import NUMERIC, Chunk, Line, cell_columns, columns_of, cover, gap_columns, is_data, lines_of, slots_of
from .pdf_glyphs import line_text
from .pdf_grid import join_lines
from .pdf_regions import MIN_CHUNKS, ORDINAL as _ORDINAL, regions
from .pdf_rows import ROW_NUMBER, anchor_chunks, anchored_rows
from .pdf_runs import split_columns, split_runs
from .pdf_turned import turned_runs
from .pdf_words_above import lifted
from .pdf_words_header import header_cells as _header


def aligned_tables(chars: list[dict], page_number: int, lines: list[list[dict]] | None = None,
                   texts: dict | None = None) -> tuple[list[RawTable], set[int]]:
    """Tables of a page's ``chars`` found from alignment; ``lines``: their
    visual lines when the caller has them, ``texts``: the cache of
    :func:`parsers.pdf_glyphs.line_text`."""
    tables, taken = [], set()
    chars, sources = turned_runs(chars)
    if sources:
        lines = None  # the caller's lines hold the turned glyphs one by one
    all_lines = lines_of(chars, lines, texts)
    runs = regions(all_lines)
    used = {id(ln) for region in runs for ln in region}
    for region in runs:
        region = lifted(region, all_lines, used)
        _cut_ordinals(region)
        table = _table(region, page_number)
        if table is not None:
            tables.append(table)
            for ln in region:
                taken |= ln.ids
    for g, ids in sources.items():
        if g in taken:
            taken |= ids
    return tables, taken


_LEADING_ORDINAL = re.compile(r"^\d{1,3}[.)]?$")


def _cut_ordinals(region: list[Line]) -> None:
    """Cut the row's number off a line's first chunk where the number was
    drawn in a column of its own but too close to the name for a gap between
    chunks: a number too wide for a narrow numbering column ("114" in 0,7 cm
    at 10 pt, reportlab's 2 points of padding) ends 4 points before the name,
    and the two columns became one ("114 Trung tâm …") on a page without a
    header, whose part was then not joined to the table. The number is a
    run of digits with no space glyph after it (the producer drew two
    texts), set apart by more than 0,3 of the font size; two such lines of
    the region or more, numbered in increasing order."""
    cuts = []
    for ln in region:
        first = min(ln.chunks, key=lambda c: c.x0)
        k = _ordinal_end(first)
        if k:
            cuts.append((ln, first, k))
    numbers = [int("".join(ch["text"] for ch in c.chars[:k]).rstrip(".)")) for _, c, k in cuts]
    if len(cuts) < 2 or any(b <= a for a, b in zip(numbers, numbers[1:])):
        return
    for ln, c, k in cuts:
        head, rest = c.chars[:k], c.chars[k:]
        parts = [Chunk(p, line_text(p), p[0]["x0"], max(ch["x1"] for ch in p), min(ch["top"] for ch in p),
                       max(ch["bottom"] for ch in p), c.size, line=c.line) for p in (head, rest)]
        i = ln.chunks.index(c)
        ln.chunks[i:i + 1] = parts


def _ordinal_end(c: Chunk) -> int:
    """The number of glyphs of a row number that leads ``c`` and stands
    apart from the words after it, drawn without a space; 0 when none."""
    chars = c.chars
    k = 1
    while k < len(chars) and not chars[k]["text"].isspace() and chars[k]["x0"] - chars[k - 1]["x1"] <= 0.15 * c.size:
        k += 1
    if k >= len(chars) or chars[k]["text"].isspace() or not chars[k]["text"].isalpha():
        return 0
    if chars[k]["x0"] - chars[k - 1]["x1"] <= 0.3 * c.size:
        return 0
    return k if _LEADING_ORDINAL.match("".join(ch["text"] for ch in chars[:k])) else 0


def _empty_columns(head: list[Chunk], cols: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Columns the body leaves empty, from the header: the x-ranges of header
    chunks beyond the last column or before the first that overlap no
    column's text ("Ghi chú" over a column of notes none of the rows
    wrote). Without it the header cell went to the nearest column and its
    title was lost ("Tổng điểm" read "50) Ghi chú"). A chunk is judged
    with the lines of its cell: "Xếp" over "hạng", centred over a column of
    one-digit ranks, is wider than the ranks and starts after them, but
    "hạng" under it reaches over them; its cell heads their column."""
    def beyond(c: Chunk) -> bool:
        return c.x0 > cols[-1][1] or c.x1 < cols[0][0]

    def cell_beyond(c: Chunk) -> bool:
        return beyond(c) and all(beyond(d) for d in head if d is not c and _same_cell(c, d))

    out: list[list[float]] = []
    for c in sorted(head, key=lambda c: c.x0):
        if not cell_beyond(c):
            continue
        if out and c.x0 <= out[-1][1] + 1.0:
            out[-1][1] = max(out[-1][1], c.x1)
        else:
            out.append([c.x0, c.x1])
    return [(a, b) for a, b in out]


def _same_cell(a: Chunk, b: Chunk) -> bool:
    """Two chunks one above the other at wrapped-line spacing, overlapping
    across: lines of one cell."""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > 1.0
            and -0.3 * upper.size <= lower.top - upper.bottom <= 0.5 * upper.size)


def _header_end(region: list[Line], slots, cols) -> int:
    """The first body line: the first whose first column holds a row's
    number (an ordinal, or a criterion's outline number: a continuation page
    of a self-assessment table opens on "4.2", "4.2.1" before the next "5",
    and those rows are no header), else the first mostly made of numbers — or a line of figures with its
    label before the first ordinal (a "Tổng cộng" row set first, right under
    the header: a header's lines hold words, not a row of figures). That
    label stands where the rows' names do, at the left: a line of the
    header's wrapped ends ("chí 1", "chí 2", "6", "7" under "Tiêu") starts
    in a column of figures."""
    data = next((i for i, ln in enumerate(region) if is_data(ln)), None)
    for i, ln in enumerate(region):
        first, *rest = sorted(ln.chunks, key=lambda c: c.x0)
        if cover(first, slots, cols).start == 0 and ROW_NUMBER.match(first.text) and rest:
            if data is None or data >= i or not _labelled(region[data]):
                return i
            label = min(region[data].chunks, key=lambda c: c.x0)
            return data if cover(label, slots, cols).start <= cover(rest[0], slots, cols).start else i
    return data if data is not None else 0


def _labelled(ln: Line) -> bool:
    """A line of figures led by words (a row's label), not a row of column numbers or maxima alone."""
    first = min(ln.chunks, key=lambda c: c.x0)
    return not NUMERIC.match(first.text) and sum(ch.isalpha() for ch in first.text) >= 3


def _table(region: list[Line], page_number: int) -> RawTable | None:
    data = [ln for ln in region if is_data(ln)] or region
    cols = gap_columns(columns_of(data), region)
    if len(cols) < 2:
        return None
    slots = slots_of(cols)
    h = _header_end(region, slots, cols)
    merged = cell_columns(cols, region[:h], region[h:])
    if len(merged) < len(cols):
        cols, slots = merged, slots_of(merged)
        h = _header_end(region, slots, cols)
    empty = _empty_columns([c for ln in region[:h] for c in ln.chunks], cols)
    if empty:
        cols = sorted(cols + empty)
        slots = slots_of(cols)
        h = _header_end(region, slots, cols)
    split = split_columns(cols, region[:h], region[h:])
    if len(split) > len(cols):
        cols, slots = split, slots_of(split)
        h = _header_end(region, slots, cols)
    head_lines, body_lines = region[:h], region[h:]
    for ln in region:
        for c in ln.chunks:
            c.cols = cover(c, slots, cols)
    split_runs(head_lines, cols)
    for ln in head_lines:
        _unshared(ln)
    body, head_lines = _anchored_body(head_lines, body_lines)
    header_cells, n_levels = _header(head_lines, len(cols), cols)
    rows: list[list[RawCell]] = []
    for cell in header_cells:
        cell.page = page_number
    if n_levels:
        rows = [[c for c in header_cells if c.row == r] for r in range(n_levels)]
    if body is None:
        body = _body(body_lines)
    for r, row in enumerate(body):
        cells = []
        for (start, span), (text, box, rowspan) in sorted(row.items()):
            cells.append(RawCell(text=unicodedata.normalize("NFC", text), row=n_levels + r, col=start,
                                 rowspan=min(rowspan, len(body) - r), colspan=span, page=page_number, bbox=box))
        rows.append(cells)
    all_chunks = [c for ln in region for c in ln.chunks]
    bbox = (round(min(c.x0 for c in all_chunks), 2), round(min(c.top for c in all_chunks), 2),
            round(max(c.x1 for c in all_chunks), 2), round(max(c.bottom for c in all_chunks), 2))
    return RawTable(index=-1, rows=rows, page=page_number, header_rows=n_levels or None, bbox=bbox)


def _unshared(ln: Line) -> None:
    """A header chunk that reaches over a column a chunk beside it on the
    same line heads alone keeps the other columns only ("Trực tuyến | Tỷ lệ
    trực tuyến (%)" centred over right-aligned figures: the rate's words
    overlap the gap up to the figures of "Trực tuyến"). Until none changes:
    a chunk left one column that way may free its neighbour ("quý IV | quý
    III" centred between left-aligned ranks each reach into the next)."""
    changed = True
    while changed:
        changed = False
        for c in ln.chunks:
            if len(c.cols) < 2:
                continue
            taken = {o.cols.start for o in ln.chunks if o is not c and len(o.cols) == 1}
            free = [k for k in c.cols if k not in taken]
            if free and len(free) < len(c.cols) and free == list(range(free[0], free[-1] + 1)):
                c.cols = range(free[0], free[-1] + 1)
                changed = True


def _anchored_body(head: list[Line], body: list[Line]) -> tuple[list[dict] | None, list[Line]]:
    """Rows anchored by the numbers of the first column (:mod:`pdf_rows`),
    and the header lines without the top lines of a first row's cells
    centred on its number. None when the first column numbers no rows."""
    body_chunks = [c for ln in body for c in ln.chunks]
    if not body_chunks:
        return None, head
    anchors = anchor_chunks(body_chunks)
    if anchors is None:
        return None, head
    size = sorted(c.size for c in body_chunks)[len(body_chunks) // 2]
    head_chunks = [c for ln in head for c in ln.chunks]
    # a line of columns that names the numbers' column ("STT", not a group's
    # "A" or "II") is header, and so is every line above it: only the lines
    # below may be a first row's top lines
    labelled = [k for k, ln in enumerate(head) if len(ln.chunks) >= MIN_CHUNKS and any(
        c.cols.start == 0 and sum(ch.isalpha() for ch in c.text) >= 2 and not _ORDINAL.match(c.text)
        for c in ln.chunks)]
    fixed = {id(c) for ln in head[:labelled[-1] + 1 if labelled else 0] for c in ln.chunks}
    grouped = anchored_rows(head_chunks + body_chunks, size, anchors)
    in_head = {id(c) for c in head_chunks}
    numbered = {id(a) for a in anchors}
    # below the header's last line of columns, a line without a number is
    # the rest of a row the page break cut, not header
    full = [ln.bottom for ln in head if len(ln.chunks) >= MIN_CHUNKS]
    head_end = max(full) if full else -1e9
    rows, stolen = [], set()
    for group in grouped:
        if not any(id(c) in numbered for c in group) and min(c.top for c in group) <= head_end:
            group = [c for c in group if id(c) not in in_head]
        group = [c for c in group if id(c) not in fixed]
        stolen |= {id(c) for c in group if id(c) in in_head}
        if group:
            rows.append(_cells(group))
    if stolen:
        head = [Line([c for c in ln.chunks if id(c) not in stolen], ln.top, ln.bottom, ln.size, ln.ids)
                for ln in head]
        head = [ln for ln in head if ln.chunks]
    return rows, head


def _cells(chunks: list[Chunk]) -> dict:
    """{(first column, span): (text, box, rows spanned)} of one row's
    chunks, lines of a cell joined top to bottom."""
    row: dict = {}
    lines: dict = {}  # key → [(text, whether the line before was one word filling the column)]
    for c in sorted(chunks, key=lambda c: (c.line, c.x0)):
        key = _slot_key(row, c.cols)
        _, box, rowspan = row.get(key, ("", None, 1))
        box = (c.x0, c.top, c.x1, c.bottom) if box is None else (
            min(box[0], c.x0), min(box[1], c.top), max(box[2], c.x1), max(box[3], c.bottom))
        # a word is cut by the column edge only when it was alone on its line
        before = lines.setdefault(key, [])
        before.append((c.text, bool(before) and " " not in before[-1][0]))
        row[key] = (None, tuple(round(v, 2) for v in box), max(rowspan, c.rowspan))
    return {key: (join_lines(lines[key]), box, rowspan) for key, (_, box, rowspan) in row.items()}


def _body(lines: list[Line]) -> list[dict]:
    groups: list[list[Chunk]] = []
    prev = None
    for ln in lines:
        first = min(ln.chunks, key=lambda c: c.x0)
        starts = (first.cols.start == 0 and _ORDINAL.match(first.text)) or prev is None \
            or ln.top - prev.bottom > 0.6 * ln.size or _figures_again(prev, ln)
        if starts:
            groups.append([])
        groups[-1] += ln.chunks
        prev = ln
    return [_cells(g) for g in groups]


def _figures_again(prev: Line, ln: Line) -> bool:
    """Whether ``ln`` writes whole figures in two columns or more where the
    line above wrote them too: such figures do not wrap, so the line is a
    row of its own, however tight the spacing ("Cấp tỉnh | 52.472 | 47.187"
    over "Cấp xã | 79.738 | 61.239")."""
    above = {c.cols.start for c in prev.chunks if _whole_figure(c.text)}
    return sum(1 for c in ln.chunks if _whole_figure(c.text) and c.cols.start in above) >= 2


def _whole_figure(text: str) -> bool:
    """A figure written whole, not the head of one a narrow column cut at its
    separator ("224," over "09")."""
    return NUMERIC.match(text) is not None and any(ch.isdigit() for ch in text) and not text.endswith((",", "."))


def _slot_key(row: dict, cols: range) -> tuple[int, int]:
    """The row's existing cell that these columns fall in, else a new one."""
    for (start, span) in row:
        if start <= cols.start and cols.stop <= start + span:
            return (start, span)
        if cols.start <= start and start + span <= cols.stop:
            return (start, span)
    return (cols.start, len(cols))
