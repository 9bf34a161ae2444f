"""Splitting one whitespace-separated table row into its cells:
``[no, name, value…, trailing words]`` for a data row, ``[no, title]`` for a
group row. Shared by the plain-text table detectors (:mod:`.text_tables`) and
the column-layout reader (:mod:`.text_layout`).
"""
from __future__ import annotations

import re

VALUE = re.compile(r"^[+-]?\d[\d.,]*(/\d[\d.,]*)?%?$|^[-–—]$")
NUMBER = re.compile(r"^[+-]?\d[\d.,]*(/\d[\d.,]*)?%?$")


def has_values(cells: list[tuple[int, str]]) -> bool:
    return sum(1 for _, t in cells[1:] if NUMBER.match(t)) >= 2


def trailing_words(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    k = len(cells)
    while k > 1 and not VALUE.match(cells[k - 1][1]):
        k -= 1
    return cells[k:]


def split_row(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """[no, name, value…, trailing words] for a data row; [no, title] for a
    group row (no values)."""
    no = cells[0]
    rest = cells[1:]
    if not has_values(cells):
        title = " ".join(t for _, t in rest)
        return [no, (rest[0][0] if rest else no[0], title)]
    tail = trailing_words(cells)
    body = rest[:len(rest) - len(tail)]
    k = len(body)
    while k > 0 and VALUE.match(body[k - 1][1]):
        k -= 1
    name, values = body[:k], body[k:]
    out = [no, (name[0][0] if name else no[0], " ".join(t for _, t in name))]
    out.extend(values)
    out.append((tail[0][0] if tail else values[-1][0], " ".join(t for _, t in tail)))
    return out
