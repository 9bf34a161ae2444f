"""What an XLSX cell shows: its text and, for a number, its exact displayed
value.

A number stored as a number keeps its exact value (``Decimal(str(v))``, never
float arithmetic) with the number format's decimals applied (``0.00`` shows
71,19 for 71.1882…; a percent format gives ×100 and a '%'), and its text is
the same number in vi_VN (decimal comma, no grouping). A number no report
can mean (NaN, infinity, ``1E+300``, more than ``Limits.number_digits``
digits) is :class:`Unusable`.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .limits import Limits

_DECIMALS = re.compile(r"\.([0#?]+)")


def _decimals(number_format: str | None) -> int | None:
    if not number_format or number_format == "General":
        return None
    section = number_format.split(";")[0]
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", section)
    m = _DECIMALS.search(section)
    if m:
        return len(m.group(1))
    return 0 if re.search(r"[0#]", section) else None


def vi_text(value: Decimal) -> str:
    """A Decimal in vi_VN without grouping: 58,94 · 13597 · -0,5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") if "E" not in text else text
    return text.replace(".", ",")


class Unusable(Exception):
    """A stored number no report can mean; ``args[0]`` is its text."""


def usable(number: Decimal, limits: Limits) -> bool:
    """Finite, at most ``number_digits`` digits before and after the point."""
    if not number.is_finite():
        return False
    sign, digits, exponent = number.as_tuple()
    whole = len(digits) + exponent if exponent < 0 else len(digits) + exponent
    return whole <= limits.number_digits and -exponent <= limits.number_digits


def display(value, number_format: str | None, limits: Limits | None = None) -> tuple[str, Decimal | None]:
    """The cell's text and, for a number, its displayed exact value. Raises
    :class:`Unusable` for a number beyond ``limits`` (NaN, inf, 1E+300)."""
    if value is None:
        return "", None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%d/%m/%Y"), None
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M"), None
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise Unusable(str(value)) from None
        if not usable(number, limits or Limits()):
            raise Unusable(str(value).upper() if not number.is_finite() else str(value))
        percent = bool(number_format) and "%" in number_format.split(";")[0]
        if percent:
            number = number * 100
        places = _decimals(number_format)
        if places is None:
            # General: at most 10 decimals, which hides binary noise
            # (58.940000000000005 shows 58.94).
            if -number.as_tuple().exponent > 10:
                number = number.quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP)
            number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
            text = vi_text(number)
        else:
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            text = format(number, "f").replace(".", ",")
        return (text + "%" if percent else text), number
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return text, None
