"""The counts and percents share claims are read from, and what makes one
count the whole of another: the same noun ("hồ sơ" of "hồ sơ"), or a generic
noun of its kind ("người" of "cán bộ", "đơn vị" of "sở"), and a percent the
part over it is written as (rounded, or cut).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..numbers import NotANumber, parse_vi_number, places_of, quantize
from ..text.counts import NUMBER

COUNT = re.compile(NUMBER + r"\s+(?P<noun>[^\W\d][\w]*)", re.I)
# A generic noun a part may count its whole's members by ("trong đó nữ 712 người" of "1.245 cán bộ, công
# chức"; "04 đơn vị đạt loại Tốt" of "15 sở, ngành"): the first words of the nouns it stands for.
GENERIC = {"đơn": frozenset("đơn cơ sở ngành ban xã phường thị huyện thành tỉnh địa ubnd ủy uỷ phòng trung chi bộ "
                            "bpmc".split()),
           "người": frozenset("người cán công viên lao học cử nhân".split())}
HUNDRED = Decimal(100)


def counts_of(text: str, noun: str) -> list[re.Match[str]]:
    """The counts of ``noun`` in ``text`` ("13.597 hồ sơ" for "hồ sơ")."""
    return list(re.finditer(NUMBER + r"\s+" + re.escape(noun) + r"(?!\w)", text, re.I))


def count_value(text: str) -> Decimal | None:
    try:
        return parse_vi_number(text, "count").value
    except NotANumber:
        return None


def percent_value(text: str) -> tuple[Decimal, bool] | None:
    try:
        n = parse_vi_number(text, "percent")
    except NotANumber:
        return None
    return n.value, n.wrong_separator


def fits(value: Decimal, whole: Decimal, percent: Decimal, rounding=None) -> bool:
    """``value / whole`` written as ``percent`` (rounded; or truncated with ROUND_DOWN)."""
    if not whole:
        return False
    return quantize(value / whole * HUNDRED, places_of(percent), rounding) == percent


def same_noun(whole: str, part: str, kinds: bool) -> bool:
    """Whether a whole counted by ``whole`` may hold a part counted by
    ``part``: the same noun, or (``kinds``) ``part`` a generic noun of the
    whole's kind ("người" of "cán bộ", "đơn vị" of "sở")."""
    whole, part = whole.casefold(), part.casefold()
    return whole == part or (kinds and whole in GENERIC.get(part, ()))
