"""The nesting of a table's numbered rows (1 / 1.1 / 1.1.1, I / 1 / a, A / I):
each row's level, the top-level units, and each heading's items. Shared by
the rules on total rows, on parents and their items and on rates.
"""
from __future__ import annotations

from decimal import Decimal

from .relations_frame import Row, RowKind
from .relations_support import sum_tolerance


def tree_rows(frame) -> list[Row]:
    """The units and headings of ``frame`` that make its tree of items: an
    unnumbered row after the total row ("Tổng điểm", then "Chỉ số CCHC (%)")
    is a figure of the whole, never an item of the last criterion above."""
    out, past_total = [], False
    for r in frame.rows:
        if r.kind == RowKind.STAT and r.stat == "sum":
            past_total = True
        elif r.kind in (RowKind.UNIT, RowKind.HEADING):
            if r.path is not None:
                past_total = False
            elif past_total:
                continue
            out.append(r)
    return out


def top_units(rows: list[Row]) -> list[Row]:
    """Units that are not items of another unit: the top level when
    numbered, or the items of a heading that has no figure itself."""
    levels = nesting_levels(rows)
    out, stack = [], []  # stack of (level, row)
    for row in rows:
        level = levels[row.i]
        while stack and stack[-1][0] >= level:
            stack.pop()
        if row.kind == RowKind.UNIT and not any(r.kind == RowKind.UNIT for _, r in stack):
            out.append(row)
        stack.append((level, row))
    return out


def leaf_units(rows: list[Row]) -> list[Row]:
    """Units that have no unit among their items: the communes of a table
    whose regions carry their own figures ("I. Khu vực phía Bắc" over its
    communes), every unit of a flat table."""
    parents = {head.i for head, kids in items_by_parent(rows) if any(k.kind == RowKind.UNIT for k in kids)}
    return [r for r in rows if r.kind == RowKind.UNIT and r.i not in parents]


def nesting_levels(rows: list[Row]) -> dict[int, int]:
    """Nesting depth per row from its numbering: A → 0 (a part above the
    roman headings), I → 0 (1 under a part), III.1 → 1, arabic items one
    below the last roman heading (1 → 1, 1.1 → 2 under I; 1 → 2 under
    III.1), a) one below the last arabic item; an unnumbered row is an item
    of the numbered row above it — unless it heads a group: see
    :func:`group_rows`."""
    out: dict[int, int] = {}
    groups = group_rows(rows)
    restated = _restating_items(rows)
    upper = any(r.path is not None and r.path[0] == "U" for r in rows)
    roman_level = None  # level of the last roman (or group) heading
    last = None  # level of the last numbered (roman or arabic) row
    for r in rows:
        p = r.path
        if r.i in groups:
            level = 0
            roman_level = level
        elif p is None:
            level = (last + 1) if last is not None else 0
        elif p[0] == "U":
            level = 0
            roman_level = None
        elif p[0] == "R":
            level = len(p) - 2 + (1 if upper else 0)
            roman_level = level
        elif p[0] == "L":
            level = (last if last is not None else 0) + 1
        else:
            base = roman_level if roman_level is not None else (0 if upper and last is not None else None)
            level = (base + 1 if base is not None else 0) + len(p) - 1 - (r.i in restated)
        out[r.i] = level
        if r.i in groups or (p is not None and p[0] != "L"):
            last = level
    return out


def _restating_items(rows: list[Row]) -> set[int]:
    """Arabic items that restate their roman heading's number as their first
    part: "II. Thanh toán trực tuyến" over "2.1", "2.2" (no item "2" between).
    Such an item is one level below the heading, as "1" would be under "I";
    under a heading that also numbers items "2", "2.1" is an item of "2"."""
    out: set[int] = set()
    section: list[Row] = []
    number = None

    def close():
        paths = [r.path for r in section]
        if number is not None and paths and all(len(p) >= 2 and p[0] == number for p in paths):
            out.update(r.i for r in section)

    for r in rows:
        p = r.path
        if p is not None and p[0] in ("R", "U"):
            close()
            section, number = [], (p[1] if p[0] == "R" and len(p) == 2 else None)
        elif p is not None and isinstance(p[0], int):
            section.append(r)
    close()
    return out


def group_rows(rows: list[Row]) -> set[int]:
    """Unnumbered rows that head a group of numbered members (a cluster, a
    sector written as a row with its subtotal): each such row, followed by
    two or more rows numbered 1, 2 … (one level), equals their sum in some
    numeric column — on every such row of the table and at least two."""
    runs = []
    k = 0
    while k < len(rows):
        r = rows[k]
        if r.path is None and r.kind == RowKind.UNIT and r.cells:
            j = k + 1
            while j < len(rows) and rows[j].path is not None and len(rows[j].path) == 1 \
                    and isinstance(rows[j].path[0], int):
                j += 1
            if j - k - 1 >= 2:
                runs.append((r, rows[k + 1:j]))
                k = j
                continue
        k += 1
    if len(runs) < 2:
        return set()
    for head, members in runs:
        if not any(_sums_to(head, members, c) for c in head.cells):
            return set()
    return {head.i for head, _ in runs}


def _sums_to(head: Row, members: list[Row], c: int) -> bool:
    vals = [m.value(c) for m in members]
    if any(v is None for v in vals) or head.cells[c].percent_sign:
        return False
    total = head.value(c)
    return total != 0 and abs(sum(vals, Decimal(0)) - total) <= sum_tolerance(vals, total)



def items_by_parent(rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    levels = nesting_levels(rows)
    out = []
    for k, row in enumerate(rows):
        level = levels[row.i]
        kids = []
        for other in rows[k + 1:]:
            lv = levels[other.i]
            if lv <= level:
                break
            if lv == level + 1:
                kids.append(other)
        if kids:
            out.append((row, kids))
    return out
