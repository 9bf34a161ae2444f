"""Which raw tables are one table, and what each is titled.

A table right after another, with no prose between (a page number or a
"(Tiếp theo)" mark does not count), continues it when it repeats its header
or starts with data rows as wide as it. The title is the appendix heading
before the table ("Phụ lục II" and its title lines), else the paragraph just
before it, passing over notes in parentheses ("(Kèm theo …)", "(Đơn vị tính: …)")
that stand between the title and the table.
"""
from __future__ import annotations

import re
from dataclasses import replace

from parsers.vi_plausibility import rejoined

from ..numbers import parse_cell
from ..raw import RawParagraph, RawTable
from .header import clean_label, is_data_row

_APPENDIX = re.compile(r"^\s*ph[ụu]\s*l[ụu]c\b", re.I)
# A note in parentheses under a title: "(Kèm theo Báo cáo số …)", "(Đơn vị: điểm)".
_NOTE = re.compile(r"^\(.{0,250}\)\.?$", re.S)
# A page number or running page mark left between two parts of a table.
_PAGE_MARK = re.compile(r"^(-\s*)?(trang\s*)?\d{1,3}(\s*/\s*\d{1,3})?(\s*-)?$"
                        r"|^\(\s*tiếp(\s*theo)?\b[^()]{0,40}\)$|^tiếp\s*theo\b[^()]{0,60}$", re.I)


def group_tables(blocks: list) -> list[tuple[str | None, list[RawTable]]]:
    """Tables with their titles; a table that repeats the previous table's
    header with no prose between continues it (the top lines of a row the
    page break cut, read as paragraphs above the next part, are no prose:
    :func:`with_cut_row_top`)."""
    groups: list[tuple[str | None, list[RawTable]]] = []
    recent: list[RawParagraph] = []
    for block in blocks:
        if isinstance(block, RawParagraph):
            if block.text.strip() and not (groups and _PAGE_MARK.match(block.text.strip())):
                recent.append(block)
            continue
        joined = with_cut_row_top(groups[-1][1], block, recent) if groups and recent else None
        if joined is not None:
            groups[-1][1].append(joined)
        elif groups and not recent and continues(groups[-1][1][0], block):
            groups[-1][1].append(block)
        else:
            groups.append((title_from([p.text.strip() for p in recent]), [block]))
        recent = []
    return groups


_CUT_LINES = 8  # most lines of a cut row read as paragraphs
_WRAP_GAP = 0.5  # of a line's height: widest gap between the wrapped lines of one cell
_NOT_CUT = re.compile(r"^(bảng|biểu|phụ\s*lục|ghi\s*chú|nguồn)\b|:$", re.I)


def with_cut_row_top(parts: list[RawTable], table: RawTable, between: list[RawParagraph]) -> RawTable | None:
    """``table`` continuing ``parts``, when the lines between them are the
    pieces of rows the page break cut rather than prose: the table before
    ended on the page before, ``table`` continues it (as wide, opening with a
    data row), and each line is a short piece of one cell (at most 40
    characters, six words, within the cell's sides, never joining a
    figure: "Ban", "Quả", "n lý", "các" of a name wrapped in a narrow
    column) at the top of the new page. The lines at
    wrapped-line spacing down to the first row are the top of that row and
    go back into its cells; lines set apart above them are the rest of the
    last row of the page before ("Đặc khu Phú Qu" + "ý") and go back into
    it (``parts`` gets a copy of its last part with that row whole), a
    syllable cut in two joined again. A title, a note or a sentence
    between two tables is never such a line. None when they are not; the
    last row of ``parts`` is then left as it was."""
    first = table.rows[0] if table.rows else []
    before = parts[-1].rows[-1] if parts[-1].rows else []
    last_page = max((c.page for c in before if c.page is not None), default=None)
    if (not first or last_page is None or len(between) > _CUT_LINES or not continues(parts[0], table)
            or any(c.bbox is None or c.page != last_page + 1 for c in first)):
        return None
    lower, own = min(c.bbox[1] for c in first), True  # the top of the lines taken so far; still the first row's
    into_first: dict[int, list[str]] = {}
    into_last: dict[int, list[str]] = {}
    for para in reversed(between):
        text, box = " ".join(para.text.split()), para.bbox
        if (box is None or para.page != last_page + 1 or len(text) > 40 or len(text.split()) > 6
                or _NOT_CUT.search(text) or box[3] > lower + 2 * (box[3] - box[1])):
            return None
        own = own and lower - box[3] <= max(_WRAP_GAP * (box[3] - box[1]), 2.0)
        row, pieces = (first, into_first) if own else (before, into_last)
        k = _cell_under(box, row)
        if k is None or ((cell := parse_cell(row[k].text.strip(), "auto")) is not None and cell.is_number):
            return None  # a piece lies within one cell, and never joins a figure
        pieces.setdefault(k, []).insert(0, text)
        lower = box[1]
    if into_last:  # a copy of the part before, its last row made whole (the parser's table is left as read)
        parts[-1] = replace(parts[-1], rows=parts[-1].rows[:-1] + [[
            replace(c, text=rejoined(" ".join([c.text] + into_last[k]))) if k in into_last else c
            for k, c in enumerate(before)]])
    row = [replace(c, text=rejoined(" ".join(into_first[k] + [c.text]).strip())) if k in into_first else c
           for k, c in enumerate(first)]
    return replace(table, rows=[row] + table.rows[1:])


def _cell_under(box: tuple, row: list) -> int | None:
    """The cell of ``row`` whose sides hold the piece ``box``."""
    return next((k for k, c in enumerate(row) if c.bbox is not None
                 and c.bbox[0] - 2 <= box[0] and box[2] <= c.bbox[2] + 2), None)


def continues(first: RawTable, table: RawTable) -> bool:
    """A table right after another (no prose between) continues it when it
    repeats its header, or starts with data rows as wide as it."""
    if same_header(first, table):
        return True
    if first.tokenised or table.tokenised:
        return False
    grid = table.grid()
    return bool(grid) and table.n_cols == first.n_cols and is_data_row([clean_label(x) for x in grid[0]])


def same_header(a: RawTable, b: RawTable) -> bool:
    if a.tokenised or b.tokenised:
        return a.tokenised and b.tokenised and (a.header_text or "") == (b.header_text or "")
    ga, gb = a.grid(), b.grid()
    return bool(ga and gb) and [clean_label(x) for x in ga[0]] == [clean_label(x) for x in gb[0]]


def title_from(paragraphs: list[str]) -> str | None:
    """'Phụ lục II KẾT QUẢ …' from the heading and title lines before a table
    (without the '(Kèm theo …)' line), else the paragraph just before it."""
    heads = [i for i, p in enumerate(paragraphs) if _APPENDIX.match(p) and len(p) < 200]
    if heads:
        k = heads[-1]
        lines = [paragraphs[k]]
        for p in paragraphs[k + 1:]:
            if p.startswith("("):
                break
            lines.append(p)
        return clean_label(" ".join(lines))
    if not paragraphs:
        return None
    k = len(paragraphs) - 1
    while k > 0 and len(paragraphs) - k <= 2 and _NOTE.match(paragraphs[k]):
        k -= 1
    if _NOTE.match(paragraphs[k]):
        k = len(paragraphs) - 1
    if len(paragraphs[k]) < 300:
        return clean_label(paragraphs[k])
    return None
