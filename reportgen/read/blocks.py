"""Units that take several rows: a block of rows per unit, one per period or
kind ("Quý III", "Quý IV", "Tăng (+), giảm (-)"; "Cấp tỉnh", "Cấp xã"), the
unit's name merged down the block (a DOCX vertical merge, a PDF cell spanning
rows: written on one row of the block, the others left empty), or repeated
on every row, or written on a row of its own above the block.

The structure decides, never the words: the rows' sub-labels run in a cycle
(the block's first sub-label comes back at the start of every block), every
block holds two or more rows with distinct sub-labels, most blocks list the
same sub-labels, and each block names one unit. The sub-labels are in a
column of their own or, under a unit's own row (a name with no figure), in
the unit column.

Each row of a block is then read as its unit with its sub-label
(``ScoreRow.unit`` and ``ScoreRow.part``), so that a finding on the third row
names "Sở Tư pháp – Tăng (+), giảm (-)", not a row with no unit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..numbers import parse_cell
from .grid import Grid, numeric_column

MIN_BLOCKS = 2


@dataclass
class Blocks:
    """The blocks of a grid: each grid row's unit and sub-label."""

    part_col: int | None  # the column of the sub-labels; None when they are in the unit column
    rows: dict[int, tuple[str, str]] = field(default_factory=dict)  # grid row → (unit, sub-label)
    headings: set[int] = field(default_factory=set)  # grid rows that only name the unit of the block below


def _has_figure(cells: list[str], value_cols: list[int]) -> bool:
    return any(c < len(cells) and cells[c] and (p := parse_cell(cells[c], "auto")) is not None and p.is_number
               for c in value_cols)


def unit_blocks(grid: Grid, roles: dict[int, str]) -> Blocks | None:
    """The blocks of rows per unit of ``grid``, or None when its rows are one per unit."""
    unit_col = next((c for c, r in roles.items() if r == "unit"), None)
    if unit_col is None or len(grid.rows) < 2 * MIN_BLOCKS:
        return None
    value_cols = [c.index for c in grid.columns if c.index not in roles and numeric_column(grid, c.index)]
    if not value_cols:
        return None
    figured = [g for g, src in enumerate(grid.rows) if _has_figure(src.cells, value_cols)]
    text_cols = [c.index for c in grid.columns
                 if c.index not in roles and c.index not in value_cols and c.index != unit_col]
    no_col = next((c for c, r in roles.items() if r == "no"), None)
    for c in text_cols:
        found = _own_column(grid, figured, unit_col, c, no_col)
        if found is not None:
            return found
    return _under_headings(grid, figured, unit_col)


def _cell(grid: Grid, g: int, c: int) -> str:
    cells = grid.rows[g].cells
    return cells[c].strip() if c < len(cells) else ""


def _cycles(labels: list[list[str]]) -> bool:
    """Blocks of two or more distinct sub-labels, most of them the same list,
    at least MIN_BLOCKS alike."""
    if len(labels) < MIN_BLOCKS or any(len(b) < 2 or len(set(b)) != len(b) for b in labels):
        return False
    common, count = Counter(tuple(b) for b in labels).most_common(1)[0]
    return count >= MIN_BLOCKS and 2 * count > len(labels)


def _own_column(grid: Grid, figured: list[int], unit_col: int, part_col: int,
                no_col: int | None) -> Blocks | None:
    """Sub-labels in their own column: a block starts at each row whose
    sub-label is the first row's; its unit is the one name the unit column
    writes within it (on its first row, its middle row or on every row), or
    the lines of one name a PDF cell spanning the rows was cut into, where
    the block has one number (STT) for them all."""
    parts = [_cell(grid, g, part_col) for g in figured]
    if not parts or not all(parts) or parts.count(parts[0]) < MIN_BLOCKS:
        return None
    starts = [k for k, p in enumerate(parts) if p == parts[0]]
    if starts[0] != 0:
        return None
    bounds = list(zip(starts, starts[1:] + [len(parts)]))
    if not _cycles([parts[a:b] for a, b in bounds]):
        return None
    out = Blocks(part_col=part_col)
    for n, (a, b) in enumerate(bounds):
        first = figured[a]
        last = figured[bounds[n + 1][0]] if n + 1 < len(bounds) else len(grid.rows)
        names = [t for g in range(first, last) if (t := _cell(grid, g, unit_col))]
        numbers = [t for g in range(first, last) if no_col is not None and (t := _cell(grid, g, no_col))]
        if len(set(names)) == 1:
            unit = names[0]
        elif len(names) > 1 and len(numbers) <= 1:
            unit = " ".join(names)  # one name in lines, under one number
        else:
            return None  # a unit per row beside a category column that cycles: no blocks
        for k in range(a, b):
            out.rows[figured[k]] = (unit, parts[k])
    return out


def _under_headings(grid: Grid, figured: list[int], unit_col: int) -> Blocks | None:
    """Sub-labels in the unit column, under a row that names the unit and
    has no figure: every figured row follows such a row."""
    have = set(figured)
    blocks: list[tuple[int, list[int]]] = []
    for g, src in enumerate(grid.rows):
        label = _cell(grid, g, unit_col)
        if g not in have:
            if label:
                blocks.append((g, []))
            continue
        if not blocks or not label:
            return None
        blocks[-1][1].append(g)
    blocks = [(h, rows) for h, rows in blocks if rows]
    if not _cycles([[_cell(grid, g, unit_col) for g in rows] for _, rows in blocks]):
        return None
    out = Blocks(part_col=None)
    for head, rows in blocks:
        unit = _cell(grid, head, unit_col)
        out.headings.add(head)
        for g in rows:
            out.rows[g] = (unit, _cell(grid, g, unit_col))
    return out
