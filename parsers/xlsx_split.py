"""Where one table ends and the next begins inside a block of sheet rows that
no run of empty rows parts (:mod:`parsers.xlsx_blocks`).

A report written in a sheet often stacks its tables one under the other with
one empty row, or none, between them::

    …  | Tổng cộng | 49.732 | 24.904      ← the last row of table 1
    2. Kết quả đánh giá …                 ← title rows: one text cell each
    (empty row)
    Bảng 2. Kết quả đánh giá …
    STT | Đơn vị | Số hồ sơ | Chỉ số 1 …   ← a header row: words over the columns
    1   | Sở Y tế | 284    | 0,7 …        ← data rows: numbers

Rows are told apart by shape alone: a *data* row holds a number (or a
placeholder such as '-'), a *title* row one cell of words, a *text* row two
or more cells of words (years over the columns count as words). A new table starts at a run of text rows that comes
after the current table's data rows, labels the columns of the data row that
follows it (covers at least two thirds of them, with their merges), and

- has title rows right above it (the new table's title; they go with it), or
  starts with a row of at most half as many cells as the data row, a
  title with its unit beside it ("Bảng 2 … | Đơn vị tính: hồ sơ"), or
- repeats the current table's header row, or
- spans other columns than the current table's header, over a data row in
  a column the current table's data rows never use, or after an empty row;
- or, where no data row came yet, follows title rows under a table of words
  alone over other columns (a legend "Xếp loại | Khoảng điểm", then "Kết quả
  cụ thể như sau:", then the data table's header).

What does not part a table: an empty spacer row between data rows (the rows
are read without their empty rows), a group heading between data rows ("I.
Cấp tỉnh" alone, or "I | Cấp tỉnh" over two columns: it labels no column of
the data under it), a title row followed by data rows of the same columns.
"""
from __future__ import annotations

import re

from reportgen.numbers import parse_cell

DATA, TITLE, TEXT = "data", "title", "text"
_YEAR = re.compile(r"^(19|20)\d\d$")


def split(rows: list[int], by_row: dict[int, list[int]], origins: dict, spans: dict) -> list[list[int]]:
    """The rows of one block (sheet row numbers, ascending, empty rows left
    out) cut into the rows of each table, titles with the table they open.
    Linear in the cells: each row is looked at a bounded number of times."""
    kinds = [_kind(r, by_row, origins) for r in rows]
    cuts = [0]
    table = _Table()
    run: list[int] = []  # the latest run of text rows
    for i, r in enumerate(rows):
        if kinds[i] == TEXT and (i == 0 or kinds[i - 1] != TEXT):
            if (table.seen_data or _after_words(i, rows, run, kinds, by_row, spans)) \
                    and _opens_table(i, rows, kinds, by_row, origins, spans, table):
                cut = i
                while kinds[cut - 1] == TITLE:  # the new table's title rows; a data row is above them
                    cut -= 1
                cuts.append(cut)
                table = _Table()
            run = []
        if kinds[i] == TEXT:
            run.append(r)
        elif kinds[i] == DATA:
            if not table.seen_data and run:
                table.header = run
                table.header_cols = set().union(*(_columns(x, by_row, spans) for x in run))
                table.header_texts = _texts(run[0], by_row, origins)
            table.seen_data = True
            if table.header:
                table.body |= _columns(r, by_row, spans)
    return [rows[a:b] for a, b in zip(cuts, cuts[1:] + [len(rows)])]


class _Table:
    """What is known of the current table: its header rows (the text rows
    above its first data row) and the columns they and its data rows cover."""

    def __init__(self) -> None:
        self.header: list[int] = []
        self.header_cols: set[int] = set()
        self.header_texts: list[str] = []
        self.body: set[int] = set()
        self.seen_data = False


def _kind(r: int, by_row: dict[int, list[int]], origins: dict) -> str:
    """A header may name years over its columns ("Chỉ số | 2023 | 2024 |
    Tăng/giảm"): a row of words whose only numbers are two or more years
    is a row of words."""
    cells = [(str(origins[(r, c)][0]).strip(), origins[(r, c)][1]) for c in by_row[r]]
    cells = [(text, number) for text, number in cells if text]
    numbers = [text for text, number in cells if number is not None or parse_cell(text) is not None]
    years = {t for t in numbers if _YEAR.match(t)}
    if numbers and not (len(years) == len(numbers) >= 2 and len(cells) > len(numbers)):
        return DATA
    return TITLE if len(cells) <= 1 else TEXT


def _columns(r: int, by_row: dict[int, list[int]], spans: dict) -> set[int]:
    """The sheet columns a row's cells cover, with their merges."""
    out: set[int] = set()
    for c in by_row[r]:
        last = spans.get((r, c), (r, c))[1]
        out.update(range(c, max(c, last) + 1))
    return out


def _opens_table(i: int, rows: list[int], kinds: list[str], by_row: dict, origins: dict, spans: dict,
                 table: _Table) -> bool:
    """Whether the run of text rows from ``rows[i]`` heads a new table (see
    the module): title rows may stand between it and its first data row,
    no other text row."""
    j = i
    while j < len(rows) and kinds[j] == TEXT:
        j += 1
    text_rows = rows[i:j]
    while j < len(rows) and kinds[j] == TITLE:
        j += 1
    if j == len(rows) or kinds[j] != DATA:
        return False
    covered = set().union(*(_columns(r, by_row, spans) for r in text_rows))
    data_cols = set(by_row[rows[j]])
    if 3 * len(covered & data_cols) < 2 * len(data_cols):
        return False
    if kinds[i - 1] == TITLE:
        return True
    if len(text_rows) > 1 and 2 * len(by_row[rows[i]]) <= len(data_cols):  # "Bảng 2 … | Đơn vị tính: …"
        return True
    if not table.header:
        return False
    if _texts(rows[i], by_row, origins) == table.header_texts:
        return True
    # other columns: a header over other columns, and a data row under it in a column the table's data
    # never used, or an empty row above it (a row of words in a table's own data, "Sở X | Không phát sinh
    # hồ sơ", heads nothing)
    new = _columns(rows[j], by_row, spans)
    return (_extent(covered) != _extent(table.header_cols)
            and (not new <= table.body or rows[i] - rows[i - 1] > 1))


def _after_words(i: int, rows: list[int], run: list[int], kinds: list[str], by_row: dict, spans: dict) -> bool:
    """Whether a text run after a title row follows a table of words alone
    over other columns (a legend "Xếp loại | Khoảng điểm" of two columns,
    then "Kết quả cụ thể như sau:", then the data table's header): the
    legend is a table of its own, not rows of the next one's header."""
    if kinds[i - 1] != TITLE or len(run) < 2:
        return False
    j = i
    while j < len(rows) and kinds[j] == TEXT:
        j += 1
    before = set().union(*(_columns(r, by_row, spans) for r in run))
    after = set().union(*(_columns(r, by_row, spans) for r in rows[i:j]))
    return _extent(before) != _extent(after)


def _texts(r: int, by_row: dict[int, list[int]], origins: dict) -> list[str]:
    return [origins[(r, c)][0] for c in sorted(by_row[r])]


def _extent(columns: set[int]) -> tuple[int, int]:
    return min(columns), max(columns)
