"""Ties among corrections that answer the same errors of a table, broken by
what the column writes on its other rows (:mod:`.culprits`, step 4): the one
correction that gives its column back a figure the column repeats
(:func:`only_fit`: a per-row maximum of 99 or 89 written 72,30), or the only
one whose figure lies within the column's range (:func:`only_ordinary`).
A keystroke slip is the other tie-break (:mod:`.culprits_keystrokes`)."""
from __future__ import annotations

from decimal import Decimal

from .culprits_candidates import Address, Candidate, Spot


def only_fit(cand: Candidate, k: int, explains: list, where: dict[Address, Spot]) -> bool:
    """Among corrections that answer the same errors, the one that gives its column back a figure
    the column writes on other rows where the figure written is none of them (a per-row maximum
    of 99 or 89 written 72,30), while no rival does."""
    def fits(c: Candidate) -> bool:
        if c.part != "value":
            return False
        t, r, key = c.address
        spot = where.get(c.address)
        column = [s.value for (t2, r2, k2), s in where.items() if t2 == t and k2 == key and r2 != r]
        others = set(column)
        # a column of few figures repeated (maxima 99 and 89), not one where a figure may recur by chance: where
        # more than one row in twenty writes a figure no other row writes (a column of points, 0,50 on one row
        # and its parent's 9,25 on another), a right figure is as often written once, and one the column lacks
        # says nothing of the slip
        once = sum(1 for v in others if column.count(v) == 1)
        return spot is not None and isinstance(c.value, Decimal) and c.value in others and spot.value not in others \
            and 2 * len(others) <= len(column) and 20 * once <= len(column)

    return fits(cand) and not any(fits(c) for j, (c, _) in enumerate(explains) if j != k)


def only_ordinary(cand: Candidate, k: int, explains: list, where: dict[Address, Spot]) -> bool:
    """Among corrections that answer the same errors, the only one whose figure lies within what its
    column writes on its other rows (a score of 93,24 over its row's maximum of 87,50 set to 78,47,
    while the maximum set to 103,97 would pass every maximum of the column)."""
    def ordinary(c: Candidate) -> bool:
        if c.part != "value":
            return False
        t, r, key = c.address
        column = [s.value for (t2, r2, k2), s in where.items() if t2 == t and k2 == key and r2 != r
                  and s.value is not None]
        return isinstance(c.value, Decimal) and len(column) >= 3 and min(column) <= c.value <= max(column)

    return ordinary(cand) and not any(ordinary(c) for j, (c, _) in enumerate(explains)
                                      if j != k and c.address != cand.address)
