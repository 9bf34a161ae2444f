"""A sheet printed wider than its page: the columns that did not fit come on
the next pages, the same rows at the same heights, without the names.

A spreadsheet printed without "fit to width" (LibreOffice Calc, Excel) puts
its first columns on one page and the rest on the following pages, each part
a table of its own whose rows stand exactly where the first part's rows
stand. A reader lays the pages side by side; so does this module: a table on
the next page is the first part's continuation to the right when

- its rows' top and bottom edges are edges of the first part's rows (the same
  rows; a header cell may span two of them), top and bottom alike, over at
  least three rows;
- it has no column of labels (every cell text of its own, as unit names are),
  while the first part has one: a part with its own names is a table of its own.

Its cells join the first part's rows, to the right of its columns, keeping
their page and box. What stands between the parts (a title or a note the
sheet printed across its pages) is left where it was.
"""
from __future__ import annotations

from reportgen.raw import RawParagraph, RawTable

EDGE_TOLERANCE = 1.5  # points between the row edges of two parts
MIN_ROWS = 3


def _row_edges(table: RawTable) -> list[tuple[float, float]] | None:
    """Each row's (top, bottom): the edges of its one-row cells; None when a
    row has no box."""
    out = []
    for row in table.rows:
        boxes = [c.bbox for c in row if c.bbox and c.rowspan == 1] or [c.bbox for c in row if c.bbox]
        if not boxes:
            return None
        out.append((min(b[1] for b in boxes), min(b[3] for b in boxes)))
    return out


def _index_of(edges: list[float], y: float, start: int = 0) -> int | None:
    return next((i for i in range(start, len(edges)) if abs(edges[i] - y) <= EDGE_TOLERANCE), None)


def _row_map(first: RawTable, part: RawTable) -> dict[int, tuple[int, int]] | None:
    """``part``'s row → (the first part's row it starts on, the rows it spans),
    when every row of ``part`` stands on rows of ``first`` and both cover the
    same height; else None."""
    ea, eb = _row_edges(first), _row_edges(part)
    if not ea or not eb or len(eb) < MIN_ROWS:
        return None
    tops = [t for t, _ in ea]
    bottoms = [b for _, b in ea]
    if abs(ea[0][0] - eb[0][0]) > EDGE_TOLERANCE or abs(ea[-1][1] - eb[-1][1]) > EDGE_TOLERANCE:
        return None
    out = {}
    for i, (top, bottom) in enumerate(eb):
        start = _index_of(tops, top)
        end = _index_of(bottoms, bottom, start) if start is not None else None
        if start is None or end is None:
            return None
        out[i] = (start, end - start + 1)
    return out


def _has_labels(table: RawTable) -> bool:
    """A column whose cells, below its first row, are texts each of their own
    (unit names), not figures and not a few repeated words (grades)."""
    columns: dict[int, list[str]] = {}
    for row in table.rows[1:]:
        for c in row:
            text = " ".join(c.text.split())
            if text:
                columns.setdefault(c.col, []).append(text)
    for texts in columns.values():
        worded = [t for t in texts if sum(ch.isalpha() for ch in t) >= 3]
        if len(worded) >= MIN_ROWS and len(worded) >= 0.6 * len(texts) and len(set(worded)) == len(worded):
            return True
    return False


def _append_right(first: RawTable, part: RawTable, rows: dict[int, tuple[int, int]]) -> None:
    offset = first.n_cols
    for i, row in enumerate(part.rows):
        start, span = rows[i]
        for c in row:
            c.row, c.rowspan, c.col = start, max(span, 1), c.col + offset
            first.rows[start].append(c)
    for row in first.rows:
        row.sort(key=lambda c: c.col)


def join_side_parts(blocks: list) -> list:
    """Blocks over all pages → blocks with each table printed over several
    pages side by side (see the module's docstring) made one table; run
    before ``pdf_merge.merge_continued_tables``, which numbers the tables."""
    out: list = []
    first: RawTable | None = None  # a table with labels whose parts may follow
    last_page: int | None = None  # the page of its last part
    for b in blocks:
        if isinstance(b, RawParagraph):
            out.append(b)
            continue
        if (first is not None and b.page is not None and last_page is not None and b.page == last_page + 1
                and not _has_labels(b)):
            rows = _row_map(first, b)
            if rows is not None:
                _append_right(first, b, rows)
                last_page = b.page
                continue
        out.append(b)
        first, last_page = (b, b.page) if _has_labels(b) else (None, None)
    return out  # the tables are numbered once the parts over pages are joined (pdf_merge)
