"""Two cells of one row off by the same amount, one up and one down (see
:mod:`.culprits`): a unit counted under the wrong grade.

A group's 60 units graded Tốt and 41 Khá typed where its shares (49,19% and
32,26% of 124) say 61 and 40: the row still adds up to its total, but the
two shares break and so do the "Tổng cộng" row's two columns — four errors
for one slip, and no one cell answers them all. The corrections the errors
offer (the part a broken share implies, the figure a broken sum expects)
that lie in one row, in two columns, and move by the same amount in
opposite directions are tried together, as one correction: the row keeps its
sum, as a unit moved from one column to another leaves it. They are tried
only where no one cell answers every error of the table, and taken only
where one such pair answers them all.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Finding
from .culprits_candidates import Address, Candidate, Spot, address_of, figure_value
from .culprits_words import vi_figure

MAX_PAIRS = 6  # pairs tried per document, each runs the rules once


def pairs(errors: list[Finding], where: dict[Address, Spot], tables: set[int]) -> list[Candidate]:
    """The pairs of corrections to try, in the tables ``tables``."""
    singles: list[tuple[Address, Decimal]] = []
    for f in errors:
        if f.table not in tables:
            continue
        singles += [((t, r, key), value) for t, r, key, value, *rest in f.alternatives
                    if (rest or ("value",))[0] == "value" and isinstance(value, Decimal)]
        if (a := address_of(f)) is not None and (value := figure_value(f.expected)) is not None:
            singles.append((a, value))
    out: list[Candidate] = []
    seen: set[frozenset] = set()
    for k, (a, va) in enumerate(singles):
        for b, vb in singles[k + 1:]:
            if a[:2] != b[:2] or a[2] == b[2]:
                continue
            sa, sb = where.get(a), where.get(b)
            if sa is None or sb is None or sa.value is None or sb.value is None:
                continue
            gap = va - sa.value
            if not gap or gap != sb.value - vb or frozenset(((a, va), (b, vb))) in seen:
                continue
            seen.add(frozenset(((a, va), (b, vb))))
            out.append(Candidate(a, va, also=[(b, vb)]))
    return out[:MAX_PAIRS]


def pair_note(cand: Candidate, where: dict[Address, Spot]) -> str:
    """How a pair's finding names its two cells."""
    (b, vb), = cand.also
    sa, sb = where[cand.address], where[b]
    return (f"Hai ô của dòng này lệch cùng một lượng, ngược chiều (như một số ghi nhầm sang cột khác): cột "
            f"“{sa.label}” ghi {vi_figure(format(sa.value, 'f'))} và cột “{sb.label}” ghi "
            f"{vi_figure(format(sb.value, 'f'))}; nếu là {vi_figure(format(cand.value, 'f'))} và "
            f"{vi_figure(format(vb, 'f'))} thì mọi quan hệ đều khớp")
