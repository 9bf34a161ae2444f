"""A slip the spreadsheet carried into the rows it derives (see :mod:`.culprits`).

A unit's percent written 81,34 for 79,34 in a table whose region means and
"Toàn tỉnh" row were computed by the spreadsheet from the written figures:
the mean rows agree with the slip. The percent breaks its ratio and its
grade's band — two errors for one slip — and setting the percent right
alone breaks the mean rows it fed, so the culprit search, which corrects
one cell, would find no correction that answers the errors without new
ones.

A correction carried: after the one cell is set, each new error on a row
derived from the others — a statistics row of its column (trung bình, tổng
cộng) or a parent of numbered items (1 / 1.1, I / 1) — sets its cell to the
value it expects, and the rules run again, at most CARRY_ROUNDS times (a
total's rate follows its total). The correction stands when no new error is
left; the derived cells it set are named in the culprit's finding ("các
dòng tính từ ô này … cũng mang số sai"). Only derived rows are carried: a
new error on a unit row, or two values expected of one cell, and the
correction is rejected as before. Among corrections that answer the same
errors, one that changes fewer cells is the slip (a percent set right
beats its points set to match it and the totals moved along).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..model import Finding, Report
from .culprits_candidates import Address, Candidate, Spot, address_of, figure_value
from .relations_frame import RowKind
from .relations_nesting import items_by_parent
from .relations_support import frames

CARRY_ROUNDS = 3


def derived_rows(report: Report) -> set[tuple[int, int]]:
    """(table, row) of every row a table derives from its other rows: its
    statistics rows and the parents of numbered items."""
    out: set[tuple[int, int]] = set()
    for frame in frames(report):
        if frame.transposed:
            continue
        t = frame.table.index
        out |= {(t, r.report_row) for r in frame.rows if r.kind == RowKind.STAT and r.report_row is not None}
        rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.HEADING)]
        if any(r.path for r in rows):
            out |= {(t, p.report_row) for p, _ in items_by_parent(rows) if p.report_row is not None}
    return out


def carried(fixed: Report, cand: Candidate, after: list[Finding], after_ledger, before: set,
            where: dict[Address, Spot], derived: set[tuple[int, int]],
            rerun: Callable, correct: Callable, key: Callable, weighed: Callable):
    """The corrected report, its findings and ledger once the new errors on
    derived rows are carried (``cand.carried`` names their cells); the
    arguments unchanged when there is nothing to carry, None when a new error
    cannot be carried."""
    for _ in range(CARRY_ROUNDS + 1):
        new = [f for f in after if weighed(f) and key(f) not in before]
        if not new:
            return fixed, after, after_ledger
        if len(cand.carried) >= 4 * CARRY_ROUNDS:
            return None
        cells: dict[Address, Decimal] = {}
        for f in new:
            a = address_of(f)
            value = figure_value(f.expected)
            if a is None or value is None or a == cand.address or a[1] == cand.address[1] \
                    or (a[0], a[1]) not in derived or a not in where or a in cand.carried:
                return None
            if cells.setdefault(a, value) != value:
                return None  # two relations expect two values of the cell: no figure carries the slip
        for a, value in cells.items():
            fixed = correct(fixed, Candidate(a, value), where)
            if fixed is None:
                return None
            cand.carried.append(a)
        after, after_ledger = rerun(fixed)
    return None


def carried_note(cand: Candidate, where: dict[Address, Spot]) -> str:
    """The derived rows a culprit's correction set along, as its finding says them."""
    names: list[str] = []
    for a in cand.carried:
        spot = where.get(a)
        name = f"“{spot.unit}”" if spot is not None and spot.unit else f"dòng {a[1] + 1}"
        if name not in names:
            names.append(name)
    return (f"Các dòng tính từ ô này ({', '.join(names)}) đã được tính theo số ghi sai, nên khớp với nó: "
            "sửa ô này thì tính lại cả các dòng đó")
