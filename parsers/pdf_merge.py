"""One table over several pages: a table that continues at the top of the next
page with the same columns is the same RawTable. Its repeated header rows are
dropped (and tell how many header rows the table has); a row the page break
cut in two is joined back. Words a repeated header holds beyond the first
part's header that cannot be joined to the row the break cut are not dropped
silently: they become a note (``words_unplaced``) on the table. The rows at
the join are ``pdf_join``'s work."""
from __future__ import annotations

import re
from dataclasses import replace

from reportgen.raw import RawCell, RawParagraph, RawTable

from .pdf_join import append_continuation, as_paragraphs, join_split_row, remnant, repeated_header_rows, unplaced_note

COLUMN_TOLERANCE = 3.0  # points between the column edges of two parts
_FURNITURE = re.compile(r"^[\W\d]{0,12}$|^(trang|page)\s*\d+"
                        r"|^[(\[]?\s*(tiếp\s*theo|tiếp|continued)(\s+(trang|bảng|biểu|phụ lục)[^)\]]{0,40})?"
                        r"\s*[)\]]?\s*[.:]?$", re.IGNORECASE)


def column_edges(table: RawTable) -> list[float]:
    return sorted(_geometry(table)[0])


def _geometry(table: RawTable, rows: list | None = None) -> tuple[set, dict]:
    """(the x-edges of the table's cell boxes, rounded to a point; per
    column, the x-range its one-column cells' text covers), of its ``rows``
    when given."""
    edges: set = set()
    spans: dict[int, list[float]] = {}
    for row in table.rows if rows is None else rows:
        for c in row:
            if c.bbox:
                edges.add(round(c.bbox[0], 0))
                edges.add(round(c.bbox[2], 0))
                if c.colspan == 1 and c.text.strip():
                    s = spans.setdefault(c.col, [c.bbox[0], c.bbox[2]])
                    s[0], s[1] = min(s[0], c.bbox[0]), max(s[1], c.bbox[2])
    return edges, spans


def _joined(ga: tuple[set, dict], gb: tuple[set, dict]) -> tuple[set, dict]:
    """The geometry of a table and the part appended to it."""
    edges = ga[0] | gb[0]
    spans = {k: list(v) for k, v in ga[1].items()}
    for k, (x0, x1) in gb[1].items():
        s = spans.setdefault(k, [x0, x1])
        s[0], s[1] = min(s[0], x0), max(s[1], x1)
    return edges, spans


def _same_columns(a: RawTable, b: RawTable, ga: tuple | None = None, gb: tuple | None = None) -> bool:
    """``ga``, ``gb``: the tables' :func:`_geometry` when the caller keeps it
    (a table merged over many pages is not measured again for each page)."""
    if a.n_cols != b.n_cols:
        return False
    ga, gb = ga or _geometry(a), gb or _geometry(b)
    ea, eb = sorted(ga[0]), sorted(gb[0])
    if not ea or not eb:
        return True  # no geometry (camelot): the column count decides
    # a scan's edges wander a little: allow about one percent of the width
    tol = max(COLUMN_TOLERANCE, 0.012 * (ea[-1] - ea[0]))
    if len(ea) != len(eb):
        # merged cells may hide an edge in one part: compare the outer edges
        same = abs(ea[0] - eb[0]) <= tol and abs(ea[-1] - eb[-1]) <= tol
    else:
        same = all(abs(x - y) <= tol for x, y in zip(ea, eb))
    return same or _same_text_columns(a, b, ga[1], gb[1])


def _text_columns(table: RawTable, spans: dict | None = None) -> list[tuple[float, float]] | None:
    """Per column, the x-range its one-column cells' text covers (a table
    without rules: a cell's box is its text's); None when a column has none."""
    spans = _geometry(table)[1] if spans is None else spans
    if len(spans) != table.n_cols:
        return None
    return [tuple(spans[k]) for k in sorted(spans)]


def _same_text_columns(a: RawTable, b: RawTable, sa: dict | None = None, sb: dict | None = None) -> bool:
    """Tables without rules: the text of each column of one part overlaps
    that column of the other and no other (names of other lengths, numbers
    of other widths)."""
    ca, cb = _text_columns(a, sa), _text_columns(b, sb)
    if ca is None or cb is None or len(ca) != len(cb):
        return False

    def overlap(x: tuple, y: tuple) -> bool:
        return min(x[1], y[1]) - max(x[0], y[0]) > 0

    return all(overlap(x, cb[i]) and not any(overlap(x, y) for j, y in enumerate(cb) if j != i)
               for i, x in enumerate(ca))


_CONTINUED = re.compile(r"^[(\[]?\s*(tiếp\s*theo|continued)\b", re.IGNORECASE)


def is_furniture(p: RawParagraph) -> bool:
    """A page number, a running mark or a "(Tiếp theo)" between two parts
    of a table."""
    return bool(_FURNITURE.match(p.text.strip()))


def _body_size(blocks: list) -> float | None:
    """The font size most of the prose is set in (by characters)."""
    weight: dict[float, int] = {}
    for b in blocks:
        if isinstance(b, RawParagraph) and b.size:
            weight[b.size] = weight.get(b.size, 0) + len(b.text)
    return max(weight, key=weight.get) if weight else None


def merge_continued_tables(blocks: list, notes: list | None = None) -> list:
    """Blocks in reading order over all pages → blocks with every table that
    continues on the next page merged into its first part. Words a page join
    could not place become a ``words_unplaced`` note in ``notes``."""
    out: list = []
    unplaced: list[tuple[RawTable, list[RawCell]]] = []
    open_table: RawTable | None = None  # last table, if nothing but furniture followed it
    open_geometry: tuple = (set(), {})  # its _geometry, kept as parts are appended
    last_page = None
    body = _body_size(blocks)
    said = False  # a "(Tiếp theo)" stands between the open table and what follows
    for b in blocks:
        if isinstance(b, RawParagraph):
            footnote = (body is not None and b.size is not None and b.size < body - 1
                        and b.page == last_page)
            if open_table is not None and not is_furniture(b) and not footnote:
                open_table = None
            said = said or bool(_CONTINUED.match(b.text.strip()))
            out.append(b)
            continue
        gb = _geometry(b)
        wide = None
        if open_table is not None and b.page is not None and last_page is not None and b.page == last_page + 1:
            wide = _widened(open_table, b, open_geometry[1], gb[1])
            if wide is not None:
                b, gb = wide, _geometry(wide)
        if remnant(b):  # the rest of a cut row: joined to it, or the paragraphs its words are
            if not (open_table is not None and b.page is not None and last_page is not None
                    and b.page == last_page + 1 and _same_columns(open_table, b, open_geometry, gb)
                    and join_split_row(open_table, b.rows[0], rest=True)):
                out += as_paragraphs(b)
                open_table = None
            continue
        if (open_table is not None and b.page is not None and last_page is not None
                and b.page == last_page + 1 and (wide is not None or _same_columns(open_table, b, open_geometry, gb)
                                                 or said and _said_continued(open_table, b))):
            words: list[RawCell] = []
            added = append_continuation(open_table, b, words)
            if words:
                unplaced.append((open_table, words))
            open_geometry = _joined(open_geometry, _geometry(b, added))
            last_page, said = b.page, False
            continue
        out.append(b)
        open_table, last_page, open_geometry, said = b, b.page, gb, False
    index = 0
    for b in out:
        if isinstance(b, RawTable):
            b.index = index
            index += 1
    if notes is not None:
        notes.extend(unplaced_note(table, words) for table, words in unplaced)
    return out


def _said_continued(table: RawTable, cont: RawTable) -> bool:
    """A part announced by "(Tiếp theo)" is the table's continuation when it
    has as many columns and repeats the table's header, whatever its
    columns' widths (a browser lays out a table split in two by its
    content: the second part's columns are a few points off the first's)."""
    return table.n_cols == cont.n_cols and repeated_header_rows(table, cont) > 0


def _widened(table: RawTable, cont: RawTable, spans: dict, cont_spans: dict) -> RawTable | None:
    """``cont`` with the columns its rows leave empty put back, when it has
    fewer columns than ``table`` and each of its columns' text overlaps one
    column of ``table`` and no other, in the same order: a column without
    rules that no row wrote ("Ghi chú") is seen only under its header, and a
    part without a repeated header has none; the last rows of a table cut by
    the page ("Cộng", "Tổng cộng") leave its "STT" column empty."""
    if not spans or cont.n_cols >= table.n_cols or set(cont_spans) != set(range(cont.n_cols)):
        return None

    def overlap(x, y) -> bool:
        return min(x[1], y[1]) - max(x[0], y[0]) > 0

    cols = []
    for k in range(cont.n_cols):
        hit = [j for j, v in spans.items() if overlap(cont_spans[k], v)]
        if len(hit) != 1 or cols and hit[0] <= cols[-1]:
            return None
        cols.append(hit[0])
    rows = [[replace(c, col=cols[c.col], colspan=cols[c.col + c.colspan - 1] - cols[c.col] + 1) for c in row]
            for row in cont.rows]
    return replace(cont, rows=rows)
