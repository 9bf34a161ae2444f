"""Header cells of a scanned table read as the rest of their header row writes them.

A score table's header states each indicator's maximum the same way ("Chỉ số
12 (6đ)", "(24đ)") and numbers its indicators in order ("Chỉ số 12", "Chỉ số
13" …). OCR misreads a few of them: the "đ" of a maximum as a "4" ("(244)"
for "(24đ)", "(44)" for "(4đ)"), the closing bracket lost ("(4đ"), the "1" of a
number as a letter ("Chỉ số i2", "Chỉ số A4" between 13 and 15). The row
decides, never a word list: a maximum is mended only where other cells of the
header write theirs "(Nđ)", a number only where its neighbours fix it. An
opening bracket lost ("6đ)") is left alone: it ran into the digit beside it,
which is then no reading to trust ("(5đ)" read "6đ)").
"""
from __future__ import annotations

import re

from reportgen.raw import RawTable

from .ocr_cells import DISAGREEMENT

_STATED = re.compile(r"\(\s*\d+(?:,\d+)?\s*đ\s*\)")
_D_AS_4 = re.compile(r"\((\d+)4\)(\W*)$")  # "(244)" for "(24đ)"
_UNCLOSED = re.compile(r"\((\d+(?:,\d+)?)\s*đ([^\w)]?)$")  # "(4đ"
_NUMBERED = re.compile(r"(Chỉ\s+số|Tiêu\s+chí)\s+(\S{1,3}?)(?=\s|\(|$)", re.I)
_ONE_AS_LETTER = re.compile(r"^[iIl|](\d)$")


def restore_header(table: RawTable) -> int:
    """Mend the header cells of ``table`` as above; the number of cells changed.
    A mended cell's confidence falls to the level of a disagreement."""
    cells = [c for row in table.rows[:_header_rows(table)] for c in row if c.text]
    changed = 0
    if sum(1 for c in cells if _STATED.search(c.text)) >= 2:
        for c in cells:
            text = _D_AS_4.sub(r"(\1đ)\2", c.text)
            text = _UNCLOSED.sub(r"(\1đ)\2", text)
            changed += _set(c, text)
    changed += _numbers_in_order(cells)
    return changed


_FIGURE = re.compile(r"^[\d.,/%-]+$")


def _header_rows(table: RawTable) -> int:
    """The header's rows: as decided, else those above the first row with two
    figures (the body's first unit)."""
    if table.header_rows:
        return table.header_rows
    for k, row in enumerate(table.rows):
        if sum(1 for c in row if _FIGURE.match(c.text.strip())) >= 2:
            return k
    return 0


def _numbers_in_order(cells: list) -> int:
    """"Chỉ số i2" → "Chỉ số 12"; a number that is no number between k − 1 and
    k + 1, in the order of the columns (a level above may hold one: "Tiến độ …
    Chỉ số 5" over its column), is k."""
    found = [(c, m) for c in cells if (m := _NUMBERED.search(c.text))]
    changed = 0
    for c, m in found:
        one = _ONE_AS_LETTER.match(m.group(2))
        if one:
            changed += _set(c, c.text[:m.start(2)] + "1" + one.group(1) + c.text[m.end(2):])
    found = [(c, m) for c in sorted(cells, key=lambda c: (c.col, c.row)) if (m := _NUMBERED.search(c.text))]
    values = [int(m.group(2)) if m.group(2).isdecimal() else None for _, m in found]
    for k in range(1, len(found) - 1):
        if values[k] is None and values[k - 1] is not None and values[k + 1] == values[k - 1] + 2:
            c, m = found[k]
            changed += _set(c, c.text[:m.start(2)] + str(values[k - 1] + 1) + c.text[m.end(2):])
    return changed


def _set(cell, text: str) -> int:
    if text == cell.text:
        return 0
    cell.text = text
    if cell.confidence is not None:
        cell.confidence = min(cell.confidence, DISAGREEMENT)
    return 1


_OUTLINE_READ = re.compile(r"(\d{1,2}),(\d{1,2})")


def restore_outline(table: RawTable) -> int:
    """Outline numbers of a scanned table's numbering column read with a
    comma ("1,1", "1,2" under "1" for "1.1", "1.2"): a comma number whose
    first part is the plain number nearest above it in that column is that
    number's sub-item; a decimal figure in the first column has no such
    parent. The number of cells changed."""
    body = [next((c for c in row if c.col == 0), None) for row in table.rows[table.header_rows or 0:]]
    parent: str | None = None
    changed = 0
    for cell in body:
        text = cell.text.strip() if cell is not None else ""
        if text.rstrip(".").isdecimal():
            parent = text.rstrip(".")
            continue
        m = _OUTLINE_READ.fullmatch(text)
        if m and parent is not None and m.group(1) == parent:
            cell.text = f"{m.group(1)}.{m.group(2)}"
            changed += 1
    return changed
