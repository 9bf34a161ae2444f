"""Tables in plain text, in the four shapes reports arrive in.

- tab-separated rows (a table copied from Word or a spreadsheet);
- Markdown pipe tables, pipe-separated rows with no border ("1 | Cấp tỉnh |
  5.225"), and tables drawn with "+---+" or box-drawing rules (:mod:`.text_grid`);
- one cell per line, cells separated by blank lines, empty cells as a line
  holding only a no-break space (a web page's table pasted as text);
- whitespace-separated rows wrapped over several lines (text extracted from a
  PDF): each row becomes the tokens ``[no, name, value…, trailing words]`` and
  the header stays free text (``RawTable.tokenised``).

Every detector takes the lines and a start index and returns the table and
the index after it, or None. They know shapes of text, never schemes.
"""
from __future__ import annotations

import csv
import io
import re

from reportgen.raw import RawCell, RawTable

from .text_grid import grid_table
from .text_layout import layout_table
from .text_rows import NUMBER as _NUMBER, VALUE as _VALUE, has_values, split_row, trailing_words

_HEADER_START = re.compile(r"^(stt|tt|số\s*tt|st\s*t)$", re.I)
_ROW_NO = re.compile(r"^(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?)$")
_ROMAN = re.compile(r"^[IVXLC]{1,6}\.?$")
_PIPE_RULE = re.compile(r"^\|?(\s*:?-*:?\s*\|)+\s*:?-*:?\s*\|?$")


def detect(lines: list[str], i: int, end: int):
    for detector in (tab_table, grid_table, pipe_table, bare_pipe_table, cell_table, spaced_table, layout_table):
        found = detector(lines, i, end)
        if found is not None:
            return found
    return None


def _cell(text: str, row: int, col: int, line: int) -> RawCell:
    return RawCell(text=text, row=row, col=col, line=line)


# -- tab-separated -------------------------------------------------------------

def tab_table(lines: list[str], i: int, end: int):
    rows = []
    j = i
    while j < end and "\t" in lines[j] and lines[j].strip():
        parts = [p.strip() for p in lines[j].split("\t")]
        rows.append([_cell(p, len(rows), c, j + 1) for c, p in enumerate(parts)])
        j += 1
    if len(rows) < 2:
        return None
    return RawTable(index=0, rows=rows), j


def is_layout(table: RawTable) -> bool:
    """Two columns of words set side by side with tabs (the issuer | motto
    header, the Nơi nhận | signature block): prose, not a table."""
    filled = {c.col for row in table.rows for c in row if c.text.strip()}
    if table.tokenised or len(filled) > 2 or len(table.rows) > 8:
        return False
    return not any(_NUMBER.match(c.text.strip()) for row in table.rows for c in row if c.text.strip())


# -- a whole CSV file -----------------------------------------------------------------

def delimited_table(text: str, suffix: str = ".csv") -> RawTable:
    """A score sheet saved as CSV (',' or ';' — Vietnamese spreadsheets often
    use ';' since ',' is their decimal mark) or TSV: one table."""
    sample = text[:4096]
    delimiter = "\t" if suffix == ".tsv" else max((";", ",", "\t"), key=sample.count)
    rows = []
    for r, parts in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
        if any(p.strip() for p in parts):
            rows.append([_cell(p.strip(), len(rows), c, r + 1) for c, p in enumerate(parts)])
    return RawTable(index=0, rows=rows)


# -- Markdown pipes ---------------------------------------------------------------

def pipe_table(lines: list[str], i: int, end: int):
    if not lines[i].lstrip().startswith("|"):
        return None
    rows, header_rows = [], None
    j = i
    while j < end and lines[j].lstrip().startswith("|"):
        s = lines[j].strip()
        if _PIPE_RULE.match(s) and "-" in s:
            header_rows = header_rows or len(rows)
        else:
            parts = _pipe_cells(s)
            rows.append([_cell(p, len(rows), c, j + 1) for c, p in enumerate(parts)])
        j += 1
    if len(rows) < 2:
        return None
    return RawTable(index=0, rows=rows, header_rows=header_rows), j


def bare_pipe_table(lines: list[str], i: int, end: int):
    """Rows whose cells "|" separates with no border ("TT | Cấp/Đơn vị | Tổng số", "1 | Cấp tỉnh | 5.225"):
    as many separators on every line, two at least; a line that starts with "|" has an empty first cell
    (" | Tổng cộng | 13.118")."""
    first = lines[i]
    if first.lstrip().startswith("|") or first.count("|") < 2:
        return None
    seps = first.count("|")
    rows = []
    j = i
    while j < end and lines[j].strip() and lines[j].count("|") == seps:
        parts = [_unmark(p.strip()) for p in lines[j].split("|")]
        rows.append([_cell(p, len(rows), c, j + 1) for c, p in enumerate(parts)])
        j += 1
    if len(rows) < 2:
        return None
    return RawTable(index=0, rows=rows, header_rows=1), j


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    parts = re.split(r"(?<!\\)\|", inner)
    return [_unmark(p.replace("\\|", "|").strip()) for p in parts]


def _unmark(text: str) -> str:
    text = text.replace("***", "").replace("**", "")
    return re.sub(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?![*\w])", r"\1", text).strip()


# -- one cell per line (web page) -----------------------------------------------------

def _is_separator(line: str) -> bool:
    return line.strip(" \t\r\f") == ""


def _items(lines: list[str], i: int, end: int) -> list[tuple[int, str]]:
    """Cells from line i on: every line that is not a plain blank line (a line
    of no-break spaces is an empty cell). Stops at two blank lines in a row."""
    out, blanks = [], 0
    j = i
    while j < end:
        if _is_separator(lines[j]):
            blanks += 1
            if blanks >= 2 and out:
                break
        else:
            blanks = 0
            out.append((j, lines[j].strip().replace("\u00a0", " ").strip()))
        j += 1
    return out


def cell_table(lines: list[str], i: int, end: int):
    if not _HEADER_START.match(lines[i].strip()):
        return None
    items = _items(lines, i, end)
    k = 1
    while k < len(items) and k < 16 and not _ROW_NO.match(items[k][1]):
        if not items[k][1] or len(items[k][1]) > 150:
            return None
        k += 1
    if k < 3 or k >= len(items) or k >= 16:
        return None
    rows = [[_cell(text, 0, c, line + 1) for c, (line, text) in enumerate(items[:k])]]
    pos = k
    while pos + k <= len(items):
        chunk = items[pos:pos + k]
        if not _ROW_NO.match(chunk[0][1]) or not any(text for _, text in chunk[1:]):
            break
        if any(_HEADER_START.match(text) for _, text in chunk[1:]):
            break
        rows.append([_cell(text, len(rows), c, line + 1) for c, (line, text) in enumerate(chunk)])
        pos += k
    if len(rows) < 2:
        return None
    last_line = rows[-1][-1].line  # 1-based, i.e. the index after it
    return RawTable(index=0, rows=rows, header_rows=1), last_line


# -- whitespace-separated rows wrapped over lines (PDF text) ------------------------------

def spaced_table(lines: list[str], i: int, end: int):
    first = lines[i].split()
    if not first or not _HEADER_START.match(first[0]) or "\t" in lines[i]:
        return None
    if len(lines[i].strip()) > 60:
        return None
    j, header = i, []
    while j < end and len(header) < 80:
        s = lines[j].strip()
        if s and header and _starts_first_row(s.split()):
            break
        if s and (len(s) > 100 or s.endswith((".", ";", ":"))):
            return None  # prose that happens to start with "TT …"
        if s:
            header.append((j, s))
        j += 1
    if j >= end or len(header) >= 80:
        return None
    rows, j = _spaced_rows(lines, j, end)
    if not any(len(r) > 3 for r in rows):
        return None
    table = RawTable(index=0, tokenised=True, header_text="\n".join(s for _, s in header))
    table.rows = [[RawCell(text=t, row=r, col=c, line=ln) for c, (ln, t) in enumerate(cells)]
                  for r, cells in enumerate(rows)]
    return table, j


def _starts_first_row(tokens: list[str]) -> bool:
    """The first body line: a row number with a name after it (or alone), or
    a group row "I CÁC CƠ QUAN …". Rows may start at any number (a table
    continued after a page break)."""
    head = tokens[0].rstrip(".")
    if head.isdecimal() and len(head) <= 3:
        if len(tokens) == 1:
            return True
        return not _NUMBER.match(tokens[1]) and tokens[1][:1].isupper() and not tokens[1].startswith("(")
    return _ROMAN.match(tokens[0]) is not None and len(tokens) > 1 and tokens[1].isupper()


def _spaced_rows(lines: list[str], j: int, end: int):
    rows: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] | None = None
    last_no: int | None = None  # the first row may have any number
    while j < end:
        s = lines[j].strip()
        if not s:
            j += 1
            continue
        tokens = s.split()
        start = _row_start(tokens, last_no, current)
        if start is not None:
            if current:
                rows.append(split_row(current))
            current = [(j + 1, t) for t in tokens]
            last_no = start
        elif current is not None and _continues_row(current, tokens):
            current.extend((j + 1, t) for t in tokens)
        else:
            break
        j += 1
    if current:
        rows.append(split_row(current))
    return rows, j


def _row_start(tokens: list[str], last_no: int, current) -> int | None:
    """The row number a line starts, or None when it continues a row."""
    head = tokens[0].rstrip(".")
    if _ROMAN.match(tokens[0]) and len(tokens) > 1 and all(
            not _NUMBER.match(t) for t in tokens[1:]) and tokens[1][:1].isupper():
        return 0
    if not head.isdecimal():
        return None
    number = int(head)
    if last_no is not None and number not in (last_no + 1, 1):
        return None
    if current is not None and not has_values(current) and all(_VALUE.match(t) for t in tokens):
        return None  # the values of a row whose name was wrapped
    return number


def _continues_row(current: list[tuple[int, str]], tokens: list[str]) -> bool:
    if not has_values(current):
        if _ROMAN.match(current[0][1]):
            return all(t.isupper() or not t.isalpha() for t in tokens) and not _NUMBER.match(tokens[0])
        return True
    if all(_VALUE.match(t) for t in tokens):
        return True  # values wrapped to the next line
    trailing = trailing_words(current)
    words = [t for t in tokens if t.isalpha()]
    return len(tokens) <= 2 and len(words) == len(tokens) and len(trailing) + len(tokens) <= 4
