"""Paragraphs that are rows or cells of a table the parser did not make a
table of: cells set apart by bars or tabs ("| 1 | Sở Tư pháp | 91,50 |", a
row typed with tabs in a Word paragraph), or figures standing alone, line
after line (a PDF's table whose cells came out one by one as text), or a
table's cells run together into one paragraph with no space between them
("1Kinh tế hợp tác3473930833419413371397,902Hộ tịch…", a table a converter
flattened). Their
figures were read as no table and no claim, so nothing checked them; the
coverage says so rather than pass them in silence."""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Paragraph

_SEPARATOR = re.compile(r"[|│┃║\t]")
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d+)*(?![\w])")
# A figure a page number is not: thousands, decimals or a percent ("1.740", "99,25", "12%").
_MEASURED = re.compile(r"\d[.,]\d|%")
# A lone row can be a line of the header (issuer | motto, with a number and a date): only two or more count.
_AT_LEAST = 2
# Cells one per paragraph: a table's worth of them, some measured (page numbers are bare and few).
_CELLS_AT_LEAST, _MEASURED_AT_LEAST = 8, 3


def unread_rows(paragraphs: Sequence[Paragraph]) -> list[int]:
    """The indices of the paragraphs that read as rows of a table (three
    cells or more set apart by bars or tabs, two figures or more), when at
    least two do, and of those that hold nothing but figures (a row's number
    and a unit's name before them allowed), when a table's worth do; else
    none."""
    rows = [p.index for p in paragraphs if _row_like(p.text)]
    cells = [p for p in paragraphs if _figures_only(p.text)]
    heads = [p for p in paragraphs if _ROW_HEAD.match(p.text) and len(p.text) <= 80]
    measured = sum(1 for p in cells if _MEASURED.search(p.text))
    found = set(rows) if len(rows) >= _AT_LEAST else set()
    found |= {p.index for p in paragraphs if _run_together(p.text)}
    # a chart's labels are figures alone too (its axis, its bars): a table's cells come with its rows'
    # numbers and names, 1, 2, 3 … in order
    if len(cells) >= _CELLS_AT_LEAST and measured >= _MEASURED_AT_LEAST and _numbered(heads):
        found |= {p.index for p in cells} | {p.index for p in heads}
    return sorted(found)


# "1 Phường Tuy Phước 1.740", "2 Xã Hoài Nhơn": a row's number, then a name ("1. Tiếp nhận hồ sơ" is a heading).
_ROW_HEAD = re.compile(r"^\s*(\d{1,3})\s+[^\W\d]")
_HEADS_AT_LEAST = 3


def _numbered(heads: Sequence[Paragraph]) -> bool:
    """Whether rows numbered 1, 2, 3 … follow one another among ``heads``."""
    numbers = [int(m.group(1)) for p in heads if (m := _ROW_HEAD.match(p.text))]
    run = best = 0
    for a, b in zip(numbers, numbers[1:]):
        run = run + 1 if b == a + 1 else 0
        best = max(best, run)
    return best + 1 >= _HEADS_AT_LEAST


def _row_like(text: str) -> bool:
    cells = [c for c in _SEPARATOR.split(text) if c.strip()]
    return len(_SEPARATOR.findall(text)) >= 2 and len(cells) >= 3 and len(_FIGURE.findall(text)) >= 2


# "1 Phường Tuy Phước 1.740", "863 1.737 1.043", "99,25": figures, a row's number and name before them at most.
_FIGURES_ONLY = re.compile(r"^\s*(?:\d{1,3}\s+(?:[^\W\d]+\s+){1,5})?(?:\d{1,3}(?:[.,]\d+)*%?\s*)+$")


def _figures_only(text: str) -> bool:
    return bool(_FIGURES_ONLY.match(text))


# A word glued to a figure, or a figure to a word: "tác347", "97,90Hộ" ("Điều 5", "30/2020/NĐ-CP" have none).
_GLUED = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
_GLUED_AT_LEAST = 6


def _run_together(text: str) -> bool:
    """Whether a paragraph is a table's cells run together: words glued to
    figures six times or more."""
    return len(_GLUED.findall(text)) >= _GLUED_AT_LEAST
