"""Which figure of a broken sum of the prose is the slip: "Tổng số hồ sơ
tiếp nhận là 5.432 hồ sơ; trong đó: trực tuyến 3.210 hồ sơ (chiếm 59,09%),
trực tiếp 2.322 hồ sơ (chiếm 40,91%)" does not add up, and 40,91% is not
2.322 of 5.432 — but it is 2.222, the whole less the other parts. One slip
(2.322 for 2.222), one finding: the sum names the part, the share that
points at it is no error apart."""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ..model import Statement, StatementKind
from ..numbers import places_of, quantize

_HUNDRED = Decimal(100)


class SlippedPart(NamedTuple):
    index: int  # in the sum's parts
    value: Decimal  # what the whole and the other parts make it
    share: Statement  # the share of it the prose states, which fits that value


def _fits(written: Decimal, exact: Decimal) -> bool:
    return quantize(exact, places_of(written)) == written


def slipped_part(st: Statement, statements: list[Statement]) -> SlippedPart | None:
    """The one part of the sum ``st`` whose stated share of the whole fits
    the whole less the other parts, not the part as written; else None."""
    if st.kind != StatementKind.SUM or not st.whole or len(st.parts) < 2:
        return None
    total = sum(st.parts, Decimal(0))
    if total == st.whole:
        return None
    shares = [s for s in statements if s.kind == StatementKind.SHARE and s.paragraph == st.paragraph
              and s.whole == st.whole and s.percent is not None and s.value is not None]
    hits = []
    for k, part in enumerate(st.parts):
        value = st.whole - (total - part)
        if value <= 0:
            continue
        share = next((s for s in shares if s.value == part and _fits(s.percent, value / st.whole * _HUNDRED)
                      and not _fits(s.percent, part / st.whole * _HUNDRED)), None)
        if share is not None:
            hits.append(SlippedPart(k, value, share))
    return hits[0] if len(hits) == 1 else None
