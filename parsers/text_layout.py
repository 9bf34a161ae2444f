"""Tables in text laid out with spaces (``pdftotext -layout`` and the like).

Cells are runs of text separated by two or more spaces, and a cell wrapped in
the PDF continues on the next lines at the same horizontal position
("58,69/8" over "5", "Trung" over "bình", a long unit name over two lines).
The continuation fragments are put back into the cell they sit under, then
each row is tokenised as :mod:`parsers.text_tables` does for PDF text:
``[no, name, value…, trailing words]``. The header lines are read column by
column ("Tổng / điểm / đạt / được" → "Tổng điểm đạt được") into the table's
``header_text``; a header repeated after a page break is skipped.
"""
from __future__ import annotations

import re

from reportgen.raw import RawCell, RawTable

from .text_rows import split_row

_GAP = re.compile(r"\S(\s{2,})(?=\S)")
_RUN = re.compile(r"\S+(?: \S+)*")
_ROW_START = re.compile(r"^\s{0,3}(\d{1,3}\.?|[IVXLC]{1,5}\.?)(\s{1,}|$)")
_NUMERIC = re.compile(r"^[\d.,/%-]+$")
_HEADER_MAX = re.compile(r"^\(\d+(?:[.,]\d+)?đ\)$")


def _columnar(line: str, gaps: int = 3) -> bool:
    return len(_GAP.findall(line.replace("\f", ""))) >= gaps


def _cells(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) for each run of text separated by 2+ spaces."""
    line = line.replace("\f", " ")
    return [(m.start(), m.end(), m.group(0)) for m in _RUN.finditer(line)]


def layout_table(lines: list[str], i: int, end: int):
    """A space-laid-out table starting at line i (its header), or None."""
    if not _columnar(lines[i]) or _ROW_START.match(lines[i]):
        return None
    block, j = _block(lines, i, end)
    starts = [k for k, (_, line) in enumerate(block) if _ROW_START.match(line)]
    if sum(1 for k in starts if _columnar(block[k][1], 2)) < 2 or starts[0] == 0 or starts[0] > 12:
        return None
    header = block[:starts[0]]
    rows = _rows(block[starts[0]:], [line for _, line in header])
    if not rows:
        return None
    table = RawTable(index=0, tokenised=True, header_text=_header_text([line for _, line in header]))
    table.rows = [[RawCell(text=t, row=r, col=c, line=ln) for c, (ln, t) in enumerate(cells)]
                  for r, cells in enumerate(rows)]
    return table, j


def _block(lines: list[str], i: int, end: int) -> tuple[list[tuple[int, str]], int]:
    """The table's lines: columnar lines, indented continuation lines and
    lines that start a row; a blank line ends it unless a columnar line follows."""
    block: list[tuple[int, str]] = []
    j = i
    while j < end:
        line = lines[j].replace("\f", "").rstrip()
        if not line.strip():
            k = j + 1
            while k < end and not lines[k].strip():
                k += 1
            if k < end and _columnar(lines[k]) and block:
                j = k
                continue
            break
        if _columnar(line, 2) or line[:1] == " " or _ROW_START.match(line):
            block.append((j, line))
            j += 1
            continue
        break
    return block, j


def _rows(body: list[tuple[int, str]], header: list[str]) -> list[list[tuple[int, str]]]:
    rows: list[list[tuple[int, str]]] = []
    current: list[list] | None = None  # [start, end, text, line] per cell
    skipping = False
    first_header = " ".join(header[0].split()) if header else None
    for line_no, line in body:
        if first_header and " ".join(line.split()) == first_header:
            skipping = True  # the header again, after a page break
            continue
        if _ROW_START.match(line):
            skipping = False
            if current:
                rows.append(_tokens(current))
            current = [[s, e, t, line_no + 1] for s, e, t in _cells(line)]
        elif current is not None and not skipping:
            _merge(current, _cells(line), line_no + 1)
    if current:
        rows.append(_tokens(current))
    return rows


def _merge(cells: list[list], fragments: list[tuple[int, int, str]], line_no: int) -> None:
    """Put each fragment into the cell it sits under (numbers join without a
    space: "58,69/8" + "5"); a fragment under no cell becomes a cell."""
    for start, end, text in fragments:
        target = next((c for c in cells if c[0] <= start < c[1] or start <= c[0] < end), None)
        if target is None:
            cells.append([start, end, text, line_no])
            cells.sort(key=lambda c: c[0])
        elif _NUMERIC.match(target[2].split()[-1]) and _NUMERIC.match(text) and "/" in target[2]:
            target[2] += text
        else:
            target[2] += " " + text
        if target is not None:
            target[1] = max(target[1], end)


def _tokens(cells: list[list]) -> list[tuple[int, str]]:
    tokens = [(c[3], t) for c in cells for t in c[2].split() if not _HEADER_MAX.match(t)]
    return split_row(tokens)


def _header_text(lines: list[str]) -> str:
    """Header fragments stacked by position, top to bottom, left to right."""
    stacks: list[list] = []  # [start, end, [texts]]
    for line in lines:
        for start, end, text in _cells(line):
            stack = next((s for s in stacks if s[0] <= start < s[1] or start <= s[0] < end), None)
            if stack is None:
                stacks.append([start, end, [text]])
            else:
                stack[2].append(text)
                stack[0], stack[1] = min(stack[0], start), max(stack[1], end)
    stacks.sort(key=lambda s: s[0])
    return "\n".join(" ".join(s[2]) for s in stacks)
