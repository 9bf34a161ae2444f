"""A correction one keystroke slip away from the figure written (see
:mod:`.culprits`): among corrections that answer the same errors, the one
whose figure is what was written with two neighbouring digits swapped, or
with one digit dropped or typed twice, is the slip — a count of 1.520 files
typed 1.250 beside 1.488 on time and 32 late: the on-time count set to 1.218
answers the sum as well, but 1.250 is 1.520 with two digits swapped, 1.488 is
no slip of 1.218. A digit replaced by another is not weighed: any gap of one
digit's place (20 files) is that by chance on whichever cell does not carry.
"""
from __future__ import annotations

from decimal import Decimal


def _digits(value: Decimal, places: int) -> str:
    return format(abs(value).quantize(Decimal(1).scaleb(-places)), "f").replace(".", "").lstrip("0") or "0"


def one_keystroke(written: Decimal | None, value) -> bool:
    """Whether ``written`` is ``value`` with two neighbouring digits swapped, or
    with one digit dropped or doubled (the decimals as the written figure has them)."""
    if written is None or not isinstance(value, Decimal) or written == value or (written < 0) != (value < 0):
        return False
    exp = written.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    a, b = _digits(written, places), _digits(value, places)
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return False
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            # a digit dropped, or one typed twice (1.220 for 1.20: the doubled digit next to its twin)
            return True
    return False


def only_keyed(cand, k: int, explains: list, where: dict) -> bool:
    """Among corrections that answer the same errors, the only one a keystroke slip away from
    its cell's figure (see the module's docstring)."""
    def keyed(c) -> bool:
        spot = where.get(c.address)
        return c.part == "value" and not c.also and spot is not None and one_keystroke(spot.value, c.value)

    return keyed(cand) and not any(keyed(c) for j, (c, _) in enumerate(explains)
                                   if j != k and c.address != cand.address)
