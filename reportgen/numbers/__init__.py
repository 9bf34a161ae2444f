"""Vietnamese (vi_VN) numbers: parse knowing the number's role, format with Babel.

vi_VN writes a decimal comma and a grouping dot: ``13.597`` is thirteen
thousand, ``88,9`` is a decimal. Documents slip: a score column may hold
``8.32`` (a decimal with the English separator) and a count ``304,285``. Which
reading is right depends on the role of the number, so every parser here takes
one: ``score`` and ``percent`` (small decimals), ``count`` (whole numbers), or
``auto`` (a dot followed by exactly three digits groups thousands).

Babel rounds half-even; the schemes round half-up, so :func:`format_vi`
quantises with ``ROUND_HALF_UP`` before handing the value to Babel.

How one column writes its decimals (a convention for all its cells) is
:mod:`reportgen.numbers.columns`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_decimal

LOCALE = "vi_VN"

ROLES = ("score", "percent", "count", "auto")

# Dashes that mean "not applicable" in a score cell.
NOT_APPLICABLE = {"-", "–", "—", "−", "x", "X", "/", "(-)", "--"}

_SPACE_IN_NUMBER = re.compile(r"(?<=\d)([.,])\s+(?=\d)")
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(?:[.,]\d{3})+|\d+[.,]\d+|\d{1,3}(?:[.,]\d{3})+[.,]\d+)$")


# More digits than any score, count or rate has (see parsers.limits.Limits.number_digits).
MAX_DIGITS = 20


class NotANumber(ValueError):
    pass


@dataclass(frozen=True)
class ParsedNumber:
    """A number as written: its value and whether its separators were vi_VN."""

    value: Decimal
    text: str
    wrong_separator: bool = False  # '8.32' for 8,32 or '304,285' for 304.285

    @property
    def places(self) -> int:
        exp = self.value.as_tuple().exponent
        return -exp if isinstance(exp, int) and exp < 0 else 0


def _clean(text: str) -> str:
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    text = _SPACE_IN_NUMBER.sub(r"\1", text)  # "17, 66" → "17,66"
    text = text.replace(" ", "") if re.fullmatch(r"[\d .,]+", text) and re.search(r"\d \d{3}\b", text) else text
    return text


_GAP = "[ \u00a0\u202f\u2009]"  # a space, no-break, narrow or thin
_SPACED_GROUPS = re.compile(rf"(?<![\w.,])\d{{1,3}}(?:{_GAP}\d{{3}})+(?![\w]|[.,]\d{{3}}|{_GAP}\d)")
# the denominator of a fraction whose numerator is grouped too: "14.980/30 700 hồ sơ"
_GROUPED_OVER = re.compile(rf"(?<![\w.,])\d{{1,3}}(?:(?:\.|{_GAP})\d{{3}})+/$")
# a number after these words is a day, a month, a year or an article: "ngày 15 320 hồ sơ" is not 15.320
_NUMBERED = re.compile(r"\b(?:ngày|tháng|năm|quý|điều|khoản|mục|biểu|bảng|lục|chương|trang)\s*$", re.I)


def join_spaced_groups(text: str) -> tuple[str, list[str]]:
    """Prose whose thousands are grouped by spaces ("nhận được 20 460 lượt
    đánh giá") with the dot vi_VN writes instead ("20.460"), and the numbers
    so written. The text keeps its length, so offsets into it still hold. A
    group after a word that numbers (ngày, năm, Điều …) or before another
    figure is left alone.

    >>> join_spaced_groups("nhận được 20 460 lượt, ngày 15 320 hồ sơ")
    ('nhận được 20.460 lượt, ngày 15 320 hồ sơ', ['20 460'])
    >>> join_spaced_groups("số hóa 14 980/30 700 hồ sơ")
    ('số hóa 14.980/30.700 hồ sơ', ['14 980', '30 700'])
    """
    found: list[str] = []

    def dot(m: re.Match) -> str:
        if _NUMBERED.search(text[max(0, m.start() - 12):m.start()]):
            return m.group(0)
        if text[m.start() - 1:m.start()] == "/" and not _GROUPED_OVER.search(text, max(0, m.start() - 16), m.start()):
            return m.group(0)  # "12/2024 100 …": after a slash only a grouped numerator's denominator
        found.append(m.group(0))
        return re.sub(_GAP, ".", m.group(0))

    return _SPACED_GROUPS.sub(dot, text), found


def parse_vi_number(text: str, role: str = "auto") -> ParsedNumber:
    """Parse one number written in vi_VN (or with a slipped separator).

    Raises :class:`NotANumber` when the text is not a single number.
    """
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    raw = text
    text = _clean(text)
    sign = ""
    if text and text[0] in "+-−":
        sign = "-" if text[0] in "-−" else ""
        text = text[1:]
    if not text or not _NUMBER.match(text):
        raise NotANumber(raw)
    if sum(ch.isdecimal() for ch in text) > MAX_DIGITS:
        raise NotANumber(raw)  # no report means it; the reader notes it as NUMBER_UNREADABLE
    dots, commas = text.count("."), text.count(",")
    wrong = False
    if dots and commas:
        # Both present: the last one is the decimal separator.
        if text.rfind(",") > text.rfind("."):
            digits = text.replace(".", "").replace(",", ".")
        else:
            digits = text.replace(",", "")
            wrong = True
    elif dots or commas:
        sep = "." if dots else ","
        head, _, tail = text.rpartition(sep)
        many = (dots or commas) > 1
        first = head.split(sep)[0]
        # Groups of three after a first group of 1-3 digits; '0,125' is never grouped.
        three = (len(tail) == 3 and all(len(g) == 3 for g in head.split(sep)[1:]) and 1 <= len(first) <= 3
                 and not first.startswith("0"))
        if many or (three and role in ("count", "auto")):
            # Grouping separator: vi_VN uses '.', English ','.
            digits = text.replace(sep, "")
            wrong = sep == ","
            if not three:
                raise NotANumber(raw)
        elif role == "count" and not three:
            # A decimal where a whole number is expected: keep the decimal.
            digits = text.replace(sep, ".")
            wrong = sep == "."
        else:
            digits = text.replace(sep, ".")
            wrong = sep == "."
    else:
        digits = text
    try:
        value = Decimal(sign + digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise NotANumber(raw) from exc
    return ParsedNumber(value=value, text=raw.strip(), wrong_separator=wrong)


def swap_separators(text: str) -> str:
    """A number written with the English separators (``1,234.50``, ``91.86%``)
    rewritten with vi_VN's (``1.234,50``, ``91,86%``): only the separators
    between digits change, every digit stays as written."""
    return re.sub(r"(?<=\d)[.,](?=\d)", lambda m: "," if m.group(0) == "." else ".", text)


def parse_vi_decimal(text: str, role: str = "auto") -> Decimal:
    """The value of a vi_VN number; see :func:`parse_vi_number`."""
    return parse_vi_number(text, role).value


@dataclass(frozen=True)
class CellValue:
    """A table cell read as a number: ``na`` for '-', fraction ``88,9/94`` keeps
    its denominator, ``94,57%`` sets ``percent_sign``."""

    text: str
    value: Decimal | None = None
    na: bool = False
    denominator: Decimal | None = None
    percent_sign: bool = False
    wrong_separator: bool = False
    empty: bool = False

    @property
    def is_number(self) -> bool:
        return self.value is not None

    def vi(self) -> str:
        """The number as a Vietnamese document writes it: ``88,9/94``, ``94,57%``,
        with the decimals it was written with (``97.80`` is ``97,80``, never
        ``97,8``: advice changes the separators, never the digits)."""
        text = _written_vi(self.value)
        if self.denominator is not None:
            text += "/" + _written_vi(self.denominator)
        return text + "%" if self.percent_sign else text


def _written_vi(value: Decimal) -> str:
    """``value`` in vi_VN with exactly the decimals its Decimal carries."""
    exp = value.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    return format_vi(value, places, fixed=True)


_UNIT_TAIL = re.compile(r"(?<=[\d%])\s*(?:điểm|đ\.?|\*{1,3})$", re.I)
_FRACTION = re.compile(r"^\s*([^/\s][^/]*?)\s*/\s*([^/]+?)\s*(?:điểm|đ)?\s*$")


_BRACKETED = re.compile(r"\(\s*(\d[\d.,]*\s*%?)\s*\)")


@lru_cache(maxsize=1 << 16)  # a table repeats its figures; readers ask again per scheme
def parse_cell(text: str | None, role: str = "score") -> CellValue | None:
    """Read a cell: a number, a fraction ``x/y``, a percent, '-' or empty.

    Returns None when the cell holds words rather than a number."""
    raw = "" if text is None else str(text)
    t = _clean(raw)
    if t == "":
        return CellValue(text=raw, empty=True)
    if t in NOT_APPLICABLE:
        return CellValue(text=raw, na=True)
    t = _UNIT_TAIL.sub("", t)  # "12,5đ", "12,5 điểm", "3,2*": the number is the cell's figure
    bracketed = _BRACKETED.fullmatch(t)
    if bracketed:  # an accountant's negative: "(79)", "(5,68)", "(5,68%)" is −79, −5,68
        inner = parse_cell(bracketed.group(1), role)
        if inner is not None and inner.is_number and inner.denominator is None and inner.value > 0:
            return replace(inner, text=raw, value=-inner.value)
        return None
    percent = False
    if t.endswith("%"):
        percent = True
        t = t[:-1].strip()
    m = _FRACTION.match(t)
    if m and not percent:
        try:
            num = parse_vi_number(m.group(1), role)
            den = parse_vi_number(m.group(2), role)
        except NotANumber:
            return None
        return CellValue(text=raw, value=num.value, denominator=den.value,
                         wrong_separator=num.wrong_separator or den.wrong_separator)
    try:
        num = parse_vi_number(t, "percent" if percent and role == "auto" else role)
    except NotANumber:
        return None
    return CellValue(text=raw, value=num.value, percent_sign=percent, wrong_separator=num.wrong_separator)


def quantize(value: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to ``places`` decimals, half-up unless a scheme says otherwise."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")


def plain_to_vi(value: str) -> str:
    """A plain decimal of the JSON contract ('58.94') as a document writes it
    ('58,94'); anything else as it is."""
    if _PLAIN.match(value):
        return format_vi(Decimal(value))
    return value


def in_band(value: Decimal, low: Decimal | None, high: Decimal | None) -> bool:
    """``low ≤ value < high`` with an open end for None."""
    return (low is None or value >= low) and (high is None or value < high)


def places_of(value: Decimal) -> int:
    """Decimals a number shows: 93.4 → 1, 58.69 → 2, 60 → 0."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def format_vi(value: Decimal | int | None, places: int | None = None, *, fixed: bool = False,
              percent: bool = False, rounding: str = ROUND_HALF_UP) -> str:
    """Format for a Vietnamese document: ``13.597``, ``88,9``, ``94,57%``.

    ``places`` rounds (half-up) to that many decimals; trailing zeros are
    dropped unless ``fixed``. ``None`` gives '-' (not applicable)."""
    if value is None:
        return "-"
    value = Decimal(value)
    if places is not None:
        value = quantize(value, places, rounding)
        pattern = "#,##0." + ("0" * places if fixed else "#" * places) if places else "#,##0"
    else:
        exp = value.normalize().as_tuple().exponent
        decimals = -exp if isinstance(exp, int) and exp < 0 else 0
        pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    text = format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=False)
    return text + "%" if percent else text


def format_count(value: int | Decimal) -> str:
    """A whole count with the vi_VN grouping dot and, below 10, a leading zero
    as documents write counts of units ("06 cơ quan")."""
    n = int(value)
    return f"{n:02d}" if 0 <= n < 10 else format_vi(Decimal(n), 0)


# -- roman numerals (headings "VI.", appendices "Phụ lục II") ---------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(text: str) -> int | None:
    """'VI' → 6; None when the letters are not a well-formed roman numeral."""
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == text.upper() else None


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out
