"""Which figure of a broken sum of the prose is the slip: "Tổng số hồ sơ
tiếp nhận là 5.432 hồ sơ; trong đó: trực tuyến 3.210 hồ sơ (chiếm 59,09%),
trực tiếp 2.322 hồ sơ (chiếm 40,91%)" does not add up, and 40,91% is not
2.322 of 5.432 — but it is 2.222, the whole less the other parts. One slip
(2.322 for 2.222), one finding: the sum names the part, the share that
points at it is no error apart. The same for the whole: "Tổng số 1.205 hồ
sơ, trong đó trực tiếp 400 hồ sơ, chiếm 32%; trực tuyến 850 hồ sơ, chiếm
68%" — the parts make 1.250 and every share stated is of 1.250: the whole is
the slip, and the shares that do not fit it are its consequences."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ..model import Statement, StatementKind
from ..numbers import places_of, quantize

_HUNDRED = Decimal(100)


def stated_shares(st: Statement, statements: list[Statement]) -> list[Statement]:
    """The shares the prose states of the whole of the sum ``st``: in its
    paragraph, or a part's own in the list items after it ("Tiếp nhận mới:
    12.345 hồ sơ. Trong đó:" then "- Trực tuyến: 8.765 hồ sơ (71,0%);")."""
    last = (st.paragraph or 0) + 2 * len(st.parts)
    return [s for s in statements if s.kind == StatementKind.SHARE and s.whole == st.whole
            and s.percent is not None and s.value is not None
            and (s.paragraph == st.paragraph or (st.paragraph is not None and s.paragraph is not None
                                                 and st.paragraph < s.paragraph <= last and s.value in st.parts))]


class SlippedPart(NamedTuple):
    index: int  # in the sum's parts
    value: Decimal  # what the whole and the other parts make it
    share: Statement  # the share of it the prose states, which fits that value


def _fits(written: Decimal, exact: Decimal) -> bool:
    return quantize(exact, places_of(written)) == written


def slipped_part(st: Statement, statements: list[Statement]) -> SlippedPart | None:
    """The one part of the sum ``st`` whose stated share of the whole fits
    the whole less the other parts, not the part as written; else None. The
    share must be precise enough to tell the two parts apart: the parts its
    rounding allows span less than the gap (29% of 2.145 is anything from
    611 to 633: it cannot say 609 is wrong rather than the whole)."""
    if st.kind != StatementKind.SUM or not st.whole or len(st.parts) < 2:
        return None
    total = sum(st.parts, Decimal(0))
    if total == st.whole:
        return None
    shares = stated_shares(st, statements)
    hits = []
    for k, part in enumerate(st.parts):
        value = st.whole - (total - part)
        if value <= 0:
            continue
        share = next((s for s in shares if s.value == part and _fits(s.percent, value / st.whole * _HUNDRED)
                      and not _fits(s.percent, part / st.whole * _HUNDRED)), None)
        if share is not None and st.whole * Decimal(1).scaleb(-places_of(share.percent)) / _HUNDRED < abs(value - part):
            hits.append(SlippedPart(k, value, share))
    return hits[0] if len(hits) == 1 else None



class SlippedWhole(NamedTuple):
    value: Decimal  # what the parts make
    shares: list[Statement]  # the shares stated, all of that value; those that miss the whole are consequences


def slipped_whole(st: Statement, statements: list[Statement]) -> SlippedWhole | None:
    """The whole of the sum ``st`` as the slip: every share stated of that
    whole in its paragraph (of a part, or of another count it splits into)
    fits the parts' sum and one at least misses the whole as written — or
    two at least fit the parts' sum, fewer the whole as written and none
    that one alone (a share of another base may stand beside them); else
    None. Changing the whole alone then mends both the sum and the shares.
    Two shares at least, or one precise enough to tell the two wholes apart:
    the wholes its rounding allows span less than the gap between them
    ("tổng số 2.145 hồ sơ, trong đó trực tuyến 609 hồ sơ, chiếm 28,52%;
    trực tiếp 1.468 hồ sơ; kỳ trước chuyển sang 58 hồ sơ": 28,52% is 609 of
    2.135 give or take one, the parts' sum, ten away from 2.145)."""
    if st.kind != StatementKind.SUM or not st.whole or len(st.parts) < 2:
        return None
    total = sum(st.parts, Decimal(0))
    if total == st.whole or total <= 0:
        return None
    shares = [s for s in stated_shares(st, statements) if s.value <= total]
    if not shares or len({s.value for s in shares}) != len(shares):
        return None
    if len(shares) == 1 and _wholes_allowed(shares[0]) >= abs(total - st.whole):
        return None
    of_total = [s for s in shares if _fits(s.percent, s.value / total * _HUNDRED)]
    of_whole = [s for s in shares if _fits(s.percent, s.value / st.whole * _HUNDRED)]
    if len(of_total) == len(shares) and len(of_whole) < len(shares):
        return SlippedWhole(total, shares)
    if len(of_total) >= 2 and len(of_whole) < len(of_total) and all(s in of_total for s in of_whole):
        return SlippedWhole(total, of_total)  # a share of another base besides ("1,72%" of what was received anew)
    return None


def _wholes_allowed(share: Statement) -> Decimal:
    """How wide the range of wholes is of which ``share``'s part is its
    percent, rounded as written (609 at 28,52%: 2.134,96 to 2.135,72)."""
    half = Decimal(1).scaleb(-places_of(share.percent)) / 2
    if share.percent - half <= 0 or not share.value:
        return Decimal("Infinity")
    return share.value * _HUNDRED / (share.percent - half) - share.value * _HUNDRED / (share.percent + half)


def _digits_changed(written: Decimal, right: Decimal) -> int:
    a, b = str(written.normalize()), str(right.normalize())
    if len(a) != len(b):
        return max(len(a), len(b))
    return sum(x != y for x, y in zip(a, b))


def sum_slip(st: Statement, statements: list[Statement]) -> SlippedPart | SlippedWhole | None:
    """The figure of a broken sum its stated shares show wrong: a part
    (:func:`slipped_part`) or the whole (:func:`slipped_whole`). When both
    readings fit every share, the one that changes fewer digits of what is
    written (a transposed 6.771 → 6.717 rather than 6.657 → 6.711) is the
    slip, the whole on a tie."""
    part, whole = slipped_part(st, statements), slipped_whole(st, statements)
    if part is None or whole is None:
        return part or whole
    if _digits_changed(st.parts[part.index], part.value) < _digits_changed(st.whole, whole.value):
        return part
    return whole


class ChainedSlip(NamedTuple):
    first: Statement  # the share whose part is the slip
    then: Statement  # the share of that part, off by the same slip
    value: Decimal  # a count that fits both shares


def chained_slips(shares: list[Statement]) -> list[ChainedSlip]:
    """A count that is the part of one share and the whole of the next
    ("Đã xử lý 18.857 phản ánh, chiếm 87,78%. Số … đúng hạn là 18.404, chiếm
    96,07%"), both shares off, and one count that fits both: that count is
    the slip (one error), the second share its consequence."""
    out = []
    for a in shares:
        for b in shares:
            if b is a or b.paragraph != a.paragraph or b.whole != a.value or not a.whole or not a.value \
                    or a.value != a.value.to_integral() or _fits(a.percent, a.value / a.whole * _HUNDRED) \
                    or _fits(b.percent, b.value / b.whole * _HUNDRED):
                continue
            half = Decimal(1).scaleb(-places_of(a.percent)) / 2
            low = int((a.whole * (a.percent - half) / _HUNDRED).to_integral_value(rounding="ROUND_FLOOR"))
            high = int((a.whole * (a.percent + half) / _HUNDRED).to_integral_value(rounding="ROUND_CEILING"))
            fits = [Decimal(n) for n in range(max(low, 1), min(high, low + 200) + 1)
                    if n >= b.value and _fits(a.percent, Decimal(n) / a.whole * _HUNDRED)
                    and _fits(b.percent, b.value / Decimal(n) * _HUNDRED)]
            if fits:
                middle = a.whole * a.percent / _HUNDRED
                out.append(ChainedSlip(a, b, min(fits, key=lambda n: abs(n - middle))))
    return out


_AFTER_COUNT = re.compile(r"^\s*[\d.]+\s+((?:[^\W\d_]+\s+){0,1}[^\W\d_]+)")
_LIST_START = re.compile(r"\btrong\s+đó\s*:?", re.IGNORECASE)


def listed_together(st: Statement, paragraph: str) -> Decimal | None:
    """The count a share's percent may be of when its count closes a list of
    parts of the same noun after "trong đó": "Đã giải quyết 1.648 hồ sơ, trong
    đó trước hạn 476 hồ sơ, đúng hạn 1.165 hồ sơ, đạt tỷ lệ 99,58%" — the
    rate of the files on time is of 476 + 1.165 together. ``paragraph``: the
    text of the share's paragraph. The sum of the parts listed before it and
    its own, else None."""
    at = st.at if st.at is not None else paragraph.find(st.text or "\0")
    noun = st.noun or ((m := _AFTER_COUNT.match(st.text or "")) and m.group(1))
    if st.value is None or at is None or at < 0 or not noun:
        return None
    before = paragraph[:at]
    start = list(_LIST_START.finditer(before))
    if not start or re.search(r"[.;]\s", before[start[-1].end():]):
        return None  # no list, or the list ended before the figure
    listed = before[start[-1].end():]
    figure = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+" + re.escape(noun) + r"\b")
    parts = [Decimal(m.group(1).replace(".", "")) for m in figure.finditer(listed)]
    return sum(parts, st.value) if parts else None
