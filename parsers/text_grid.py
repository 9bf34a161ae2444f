"""Tables drawn with characters in plain text: rules of "-" or "=" joined by
"+" (a grid table of Pandoc, a database console, a text export of a
spreadsheet) or of box-drawing characters ("┌─┬─┐", "│", "├─┼─┤"), cells
between "|" or "│".

    +-----+-------------+------------+
    | STT | Đơn vị      | Tổng điểm  |
    +=====+=============+============+
    | 1   | Sở Tư pháp  | 87,50      |
    +-----+-------------+------------+

The lines between two rules are one row when rules part every row (a cell
may then wrap over several lines, its pieces joined); when rules only frame
the header and the body, each line of the body is a row. A line's cells are
cut at its own bars; a cell that holds a bar of its own text is not told
apart (these tables are written by tools that escape none).
"""
from __future__ import annotations

import re

from reportgen.raw import RawCell, RawTable

_RULE = re.compile(r"^\s*[+├┌└╞╘╒╟╔╚╠┝┞┟┠┡┢][-=─━═+┼┬┴╪╤╧╫╬┿:]*[-=─━═]{3,}[-=─━═+┼┬┴┤┐┘╡╕╛╢╗╝╣┥┦┧┨┩┪:]*\s*$")
_BAR = "|│┃║"
_ROW = re.compile(rf"^\s*[{_BAR}].*[{_BAR}]\s*$")
_SPLIT = re.compile(rf"[{_BAR}]")
_HEADER_RULE = re.compile(r"[=═]")


def grid_table(lines: list[str], i: int, end: int):
    """The table drawn from line ``i`` on (a rule), and the index after it;
    None when line ``i`` opens none."""
    if not _RULE.match(lines[i]):
        return None
    groups: list[list[str]] = []  # the content lines between two rules
    header_at: int | None = None  # the number of groups above a "=" rule
    current: list[str] = []
    j = i + 1
    while j < end and (_RULE.match(lines[j]) or _ROW.match(lines[j])):
        if _RULE.match(lines[j]):
            if current:
                groups.append(current)
                current = []
            if header_at is None and _HEADER_RULE.search(lines[j]) and groups:
                header_at = len(groups)
        else:
            current.append(lines[j])
        j += 1
    if current:
        groups.append(current)
    if not groups or sum(len(g) for g in groups) < 2:
        return None
    rows = _rows(groups)
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return None
    # a "=" rule closes the header; else the first group, when rules part it from the rest
    header_rows = header_at if header_at is not None else (1 if len(groups) >= 2 else None)
    cells = [[RawCell(text=text, row=r, col=c, line=i + 1) for c, text in enumerate(row)]
             for r, row in enumerate(rows)]
    return RawTable(index=0, rows=cells, header_rows=header_rows), j


def _rows(groups: list[list[str]]) -> list[list[str]]:
    """The rows of the groups of content lines: a group is one row when
    rules part every row (more than a header, a body and a total), else the
    header's group is one row and each line of the body is a row."""
    if len(groups) == 1:
        return [_cells(line) for line in groups[0]]
    if len(groups) <= 3 and any(len(g) > 1 for g in groups[1:]):
        return [_joined(groups[0])] + [_cells(line) for g in groups[1:] for line in g]
    return [_joined(g) for g in groups]


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [" ".join(part.split()) for part in _SPLIT.split(inner)]


def _joined(lines: list[str]) -> list[str]:
    """One row from the lines of a cell wrapped over several: each column's
    pieces joined with a space."""
    split = [_cells(line) for line in lines]
    width = max(len(s) for s in split)
    return [" ".join(s[c] for s in split if c < len(s) and s[c]).strip() for c in range(width)]
