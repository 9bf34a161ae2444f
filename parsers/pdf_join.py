"""The rows where a table meets a page break: the header the next page
repeats (dropped, and telling how many header rows the table has), a row
the break cut in two (joined back), and the rest of a cut row read into the
repeated header (joined to its row; where it cannot be, noted as
``words_unplaced``, never dropped without a word). ``pdf_merge`` decides
which parts are one table; this module joins their rows."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from reportgen.numbers import NotANumber, parse_vi_number
from reportgen.raw import RawCell, RawNote, RawParagraph, RawTable

from .pdf_grid import join_wrapped

MAX_HEADER_ROWS = 6


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


def join_split_row(table: RawTable, row, rest: bool = False) -> bool:
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
    stacked = [(by_col[c.col].text.strip(), c.text.strip()) for c in filled
               if _FIGURE.match(by_col[c.col].text.strip()) and _FIGURE.match(c.text.strip())]
    if len(stacked) >= 2 or any(not _one_number(top + below) for top, below in stacked):
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


def _one_number(text: str) -> bool:
    """Whether a figure and the figure under it make one number, as a narrow
    column wraps it ("10" + "0", "95,0" + "7"); "64,36" over "88,86" are two
    (a unit's index, then the "Chỉ số cao nhất" row on the next page)."""
    try:
        parse_vi_number(text.rstrip("% "))
    except NotANumber:
        return False
    return True


def remnant(table: RawTable) -> bool:
    """A one-row part of three columns or more with words in only one or
    two cells (``pdf_page_tables._rest_at_head``): the rest of a cut row,
    a table only as part of the table it goes on."""
    if len(table.rows) != 1 or table.n_cols < 3:
        return False
    filled = [c for c in table.rows[0] if c.text.strip()]
    return 0 < len(filled) < 3 and all(c.bbox for c in table.rows[0])


def as_paragraphs(table: RawTable) -> list[RawParagraph]:
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


def append_continuation(table: RawTable, cont: RawTable, unplaced: list | None = None) -> list:
    """Append the rows of ``cont`` (the next page's part) to ``table``; the
    rows appended. Words its repeated header holds beyond the first part's
    header that do not join the row the break cut are added to ``unplaced``
    as one cell per column (they are neither header nor a row of their own)."""
    k = repeated_header_rows(table, cont)
    if k:
        table.header_rows = table.header_rows or k
        overflow = header_overflow(table.rows[:k], cont.rows[:k])
        if overflow and not (len({c.col for c in overflow}) == len(overflow) and join_split_row(table, overflow)):
            if unplaced is not None:
                unplaced.extend(overflow)
    rows = cont.rows[k:]
    while rows and not any(c.text.strip() for c in rows[0]):
        rows = rows[1:]  # an empty sliver at the top of the page
    if rows and join_split_row(table, rows[0]):
        rows = rows[1:]
    base = len(table.rows)
    for i, row in enumerate(rows):
        for c in row:
            c.row = base + i
        table.rows.append(row)
    return rows


def unplaced_note(table: RawTable, words: list[RawCell]) -> RawNote:
    """The note on words a page join read in a repeated header and could not
    place: the rest of a row the break cut, most likely, that is now in no row."""
    text = " | ".join(c.text for c in words)
    shown = text if len(text) <= 80 else text[:79] + "…"
    page = words[0].page
    return RawNote(kind="words_unplaced", page=page, table=table.index, data={"text": shown},
                   message=f"Bảng tiếp sang trang {page}: chữ “{shown}” đọc cùng dòng tiêu đề lặp lại nhưng "
                           "không thuộc tiêu đề và không ghép được vào dòng nào (có thể là phần còn lại của "
                           "một dòng bị ngắt trang); các số trong đó chưa được kiểm tra, cần đối chiếu bản gốc.")
