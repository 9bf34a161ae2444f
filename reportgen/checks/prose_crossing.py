"""One figure of the prose that two broken sums share: the whole of one and
a part of the other.

"Tổng số hồ sơ tiếp nhận 52.933 hồ sơ … Đã giải quyết 49.010 hồ sơ …
Đang giải quyết 3.856 hồ sơ, trong đó chưa đến hạn 3.402 hồ sơ, quá hạn 521
hồ sơ": 49.010 + 3.856 ≠ 52.933 and 3.402 + 521 ≠ 3.856. One figure is in
both sums, and one value of it makes both hold (52.933 − 49.010 = 3.923 =
3.402 + 521): that figure is the slip, not the total of the first sum — a
slip breaks every sum it is in, and the sums that share no other figure
agree on what it should be.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, Sequence

from ..model import Statement, StatementKind


class Crossing(NamedTuple):
    value: Decimal  # the figure as written
    expected: Decimal  # what makes both sums hold
    sums: tuple[Statement, Statement]  # (the sum it is a part of, the sum it is the whole of)


def _broken(statements: Sequence[Statement]) -> list[Statement]:
    return [st for st in statements
            if st.kind == StatementKind.SUM and st.whole is not None and len(st.parts) >= 2
            and not st.fraction_parts and sum(st.parts, Decimal(0)) != st.whole]


def crossings(statements: Sequence[Statement]) -> list[Crossing]:
    """Each figure that is a part of one broken sum and the whole of another of
    the same paragraph, where one value of it makes both hold; a figure found
    so twice, or two figures answering the same sum, are left alone (no
    single slip tells)."""
    broken = _broken(statements)
    found: list[Crossing] = []
    for outer in broken:
        for inner in broken:
            if inner is outer or inner.paragraph != outer.paragraph or inner.whole not in outer.parts:
                continue
            if outer.parts.count(inner.whole) != 1:
                continue
            rest = sum(outer.parts, Decimal(0)) - inner.whole
            expected = sum(inner.parts, Decimal(0))
            if outer.whole - rest == expected and expected > 0:
                found.append(Crossing(inner.whole, expected, (outer, inner)))
    used = [id(st) for c in found for st in c.sums]
    return [c for c in found if all(used.count(id(st)) == 1 for st in c.sums)]
