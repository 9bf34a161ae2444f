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
    header with no prose between continues it."""
    groups: list[tuple[str | None, list[RawTable]]] = []
    recent: list[str] = []
    for block in blocks:
        if isinstance(block, RawParagraph):
            if block.text.strip() and not (groups and _PAGE_MARK.match(block.text.strip())):
                recent.append(block.text.strip())
            continue
        if groups and not recent and continues(groups[-1][1][0], block):
            groups[-1][1].append(block)
        else:
            groups.append((title_from(recent), [block]))
        recent = []
    return groups


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
