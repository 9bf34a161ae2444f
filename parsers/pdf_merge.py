"""One table over several pages: a table that continues at the top of the next
page with the same columns is the same RawTable. Its repeated header rows are
dropped (and tell how many header rows the table has); a row the page break
cut in two is joined back."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher

from reportgen.raw import RawCell, RawParagraph, RawTable

from .pdf_grid import join_wrapped

COLUMN_TOLERANCE = 3.0  # points between the column edges of two parts
MAX_HEADER_ROWS = 6
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


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _cells_match(a, b) -> bool:
    if (a.col, a.colspan, a.rowspan) != (b.col, b.colspan, b.rowspan):
        return False
    ta, tb = _norm(a.text), _norm(b.text)
    # a repeated header cell may be clipped by the producer: a prefix matches
    if ta == tb or (bool(tb) and ta.startswith(tb)) or (bool(ta) and tb.startswith(ta)):
        return True
    # read by OCR, the same words may come out a little differently
    ocr = a.confidence is not None or b.confidence is not None
    if not (ocr and ta and tb):
        return False
    ta, tb = _fold(ta), _fold(tb)
    short, long_ = sorted((ta, tb), key=len)
    return max(SequenceMatcher(None, ta, tb).ratio(),
               SequenceMatcher(None, short, long_[:len(short)]).ratio()) >= 0.7


def _fold(text: str) -> str:
    """Letters and digits without diacritics (OCR confuses the marks first)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def _rows_match(ra, rb) -> bool:
    """Same cells; their texts all alike, or for OCR most of them."""
    if any((a.col, a.colspan, a.rowspan) != (b.col, b.colspan, b.rowspan) for a, b in zip(ra, rb)):
        return False
    alike = [_cells_match(a, b) for a, b in zip(ra, rb)]
    if all(alike):
        return True
    ocr = any(c.confidence is not None for c in rb)
    return ocr and sum(alike) >= 0.75 * len(alike)


def repeated_header_rows(first: RawTable, cont: RawTable) -> int:
    """How many leading rows of ``cont`` repeat the leading rows of ``first``."""
    k = 0
    limit = min(MAX_HEADER_ROWS, len(first.rows), len(cont.rows) - 1)
    while k < limit:
        ra, rb = first.rows[k], cont.rows[k]
        if not ra or len(ra) != len(rb) or not _rows_match(ra, rb):
            break
        if not any(_norm(c.text) for c in ra):
            break
        k += 1
    if first.header_rows and k > first.header_rows:
        k = first.header_rows
    return k


def _join_split_row(table: RawTable, row, rest: bool = False) -> bool:
    """Join ``row`` (the first row of a continuation) into the table's last
    row when the page break cut that row: the continuation's first column is
    empty while the table's rows are numbered there, and no two figures
    stand over figures (a narrow column may wrap one number, "10" + "0", but
    "912 … 95,07" over "17.435 … 98,13" is a unit's row and the total after
    it). A last row without a
    number (a total) takes it when each of its cells was cut inside a word
    ('Trun' + 'g bình'), or when ``row`` is the whole part on its page, words
    in one or two cells (:func:`remnant`: a table does not end on such a
    row), under cells with words."""
    while table.rows and not any(c.text.strip() for c in table.rows[-1]) and len(table.rows) > 1:
        table.rows.pop()  # the empty sliver the break left of the cut row
    if not table.rows or not row:
        return False
    last = table.rows[-1]
    if not last or not row:
        return False
    first_cell = next((c for c in row if c.col == 0), None)  # none: a table without rules
    if first_cell is not None and first_cell.text.strip():
        return False
    numbered = _numbering_column(table)
    if numbered is not None and any(c.col == numbered and c.text.strip() for c in row):
        return False  # the row has its own order number: a new row (its first column merged down from above)
    last_first = next((c for c in last if c.col == 0), None)
    by_col = {c.col: c for c in last}
    filled = [c for c in row if c.text.strip()]
    if any(c.col not in by_col or by_col[c.col].colspan != c.colspan for c in filled):
        return False
    if sum(1 for c in filled if _FIGURE.match(by_col[c.col].text.strip()) and _FIGURE.match(c.text.strip())) >= 2:
        return False  # figures over figures: two rows (a total after the last unit), never one cut
    joined = [join_wrapped(by_col[c.col].text, c.text, cut=True) for c in filled]
    if last_first is None or not last_first.text.strip():
        # a row without a number (a total): cut only when each cell was cut inside a word ('Trun' + 'g bình')
        if not filled or any(not by_col[c.col].text.strip() or not rest and j.startswith(by_col[c.col].text + " ")
                             for c, j in zip(filled, joined)):
            return False
    for c, text in zip(filled, joined):
        by_col[c.col].text = text
    return True


# A cell that is one figure ("912", "17.435", "95,07", "-2,70"): a line of its own, never cut by a page break.
_FIGURE = re.compile(r"^[-+−]?\d[\d.,]*\s*%?$")


def remnant(table: RawTable) -> bool:
    """A one-row part of three columns or more with words in only one or
    two cells (``pdf_page_tables._rest_at_head``): the rest of a cut row,
    a table only as part of the table it goes on."""
    if len(table.rows) != 1 or table.n_cols < 3:
        return False
    filled = [c for c in table.rows[0] if c.text.strip()]
    return 0 < len(filled) < 3 and all(c.bbox for c in table.rows[0])


def _as_paragraphs(table: RawTable) -> list[RawParagraph]:
    """A remnant no table took, as the paragraphs its cells' words are."""
    return [RawParagraph(text=c.text, index=-1, page=c.page, bbox=c.bbox) for c in table.rows[0] if c.text.strip()]


_ORDER = re.compile(r"^(\d{1,3}|[IVXLC]{1,6})\.?$")


def _numbering_column(table: RawTable) -> int | None:
    """The column that numbers the rows (STT): order numbers on at least half
    of the rows below the header."""
    body = table.rows[table.header_rows or 1:]
    if len(body) < 2:
        return None
    counts: dict[int, int] = {}
    for row in body:
        for c in row:
            if _ORDER.match(c.text.strip()):
                counts[c.col] = counts.get(c.col, 0) + 1
    col = min((k for k, n in counts.items() if 2 * n >= len(body)), default=None)
    return col


def _beyond(head: str, text: str) -> str:
    """What ``text`` has after the words of ``head`` (white space aside);
    empty when it does not start with them."""
    want = re.sub(r"\s+", "", head)
    if not want:
        return ""
    i = 0
    for j, ch in enumerate(text):
        if ch.isspace():
            continue
        if i == len(want):
            return text[j:].strip()
        if ch.casefold() != want[i].casefold():
            return ""
        i += 1
    return ""


def _beyond_read(head: str, text: str, alike: float = 0.85) -> str:
    """:func:`_beyond` for a repeat read by OCR, which reads the same words a
    little differently ('Tống điểm' for 'Tổng điểm', 'Cơquan'): the words
    after the run of ``text``'s first words whose letters, without marks,
    are most like those of ``head`` (``alike`` at least, and more than the
    whole text)."""
    words = text.split()
    want = _fold(head)
    if len(words) < 2 or not want:
        return ""
    whole = SequenceMatcher(None, _fold(text), want).ratio()
    best, cut = max((SequenceMatcher(None, _fold("".join(words[:i])), want).ratio(), -i)
                    for i in range(1, len(words)))
    extra = " ".join(words[-cut:])
    # a speck read after the header ('Xếp loại -') is no rest of a row
    return extra if best >= alike and best > whole and any(ch.isalnum() for ch in extra) else ""


def header_overflow(head_rows: list, cont_rows: list) -> list[RawCell]:
    """The rest of a row the page break cut, where it was read into the
    repeated header above it (a table without rules sets it right under the
    header, and its lines join the header cells of their columns): what each
    repeated header cell says beyond the first part's header cell, as one
    row of cells. A header's first part is whole (nothing was cut before
    it), so the words a repeat adds are not header."""
    out: list[RawCell] = []
    for ra, rb in zip(head_rows, cont_rows):
        for a, b in zip(ra, rb):
            extra = _beyond(a.text, b.text) if b.confidence is None else _beyond_read(a.text, b.text)
            if extra:
                out.append(RawCell(text=extra, row=b.row, col=b.col, colspan=b.colspan, page=b.page))
    return sorted(out, key=lambda c: c.col)


def append_continuation(table: RawTable, cont: RawTable) -> list:
    """Append the rows of ``cont`` (the next page's part) to ``table``; the
    rows appended."""
    k = repeated_header_rows(table, cont)
    if k:
        table.header_rows = table.header_rows or k
        overflow = header_overflow(table.rows[:k], cont.rows[:k])
        if overflow and len({c.col for c in overflow}) == len(overflow):
            _join_split_row(table, overflow)
    rows = cont.rows[k:]
    while rows and not any(c.text.strip() for c in rows[0]):
        rows = rows[1:]  # an empty sliver at the top of the page
    if rows and _join_split_row(table, rows[0]):
        rows = rows[1:]
    base = len(table.rows)
    for i, row in enumerate(rows):
        for c in row:
            c.row = base + i
        table.rows.append(row)
    return rows


def _body_size(blocks: list) -> float | None:
    """The font size most of the prose is set in (by characters)."""
    weight: dict[float, int] = {}
    for b in blocks:
        if isinstance(b, RawParagraph) and b.size:
            weight[b.size] = weight.get(b.size, 0) + len(b.text)
    return max(weight, key=weight.get) if weight else None


def merge_continued_tables(blocks: list) -> list:
    """Blocks in reading order over all pages → blocks with every table that
    continues on the next page merged into its first part."""
    out: list = []
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
                    and _join_split_row(open_table, b.rows[0], rest=True)):
                out += _as_paragraphs(b)
                open_table = None
            continue
        if (open_table is not None and b.page is not None and last_page is not None
                and b.page == last_page + 1 and (wide is not None or _same_columns(open_table, b, open_geometry, gb)
                                                 or said and _said_continued(open_table, b))):
            added = append_continuation(open_table, b)
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
