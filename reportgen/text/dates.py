"""Dates and reporting periods as Vietnamese documents write them:
"ngày 17 tháng 8 năm 2023", "quý 1 năm 2023", "tháng 5/2024", "năm 2024"."""
from __future__ import annotations

import datetime as _dt
import re

DATE_PHRASE = re.compile(
    r"ngày\s*(?P<d>\d{1,2}|[_.…\s]*?)\s*tháng\s*(?P<m>\d{1,2}|[_.…\s]*?)\s*năm\s*(?P<y>\d{4})", re.I)


def parse_vi_date(day: str, month: str, year: str) -> _dt.date | None:
    try:
        return _dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PERIOD_QUARTER = re.compile(r"quý\s+(?P<q>[1-4]|i{1,3}|iv)\s*(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})", re.I)
_PERIOD_MONTH = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})", re.I)
_PERIOD_YEAR = re.compile(r"(?<![-–/\d])năm\s+(?P<y>(?:19|20)\d{2})(?![-–/]\d)", re.I)
# a period compared with another: "quý IV so với quý III năm 2026", "tháng 11 so với cùng kỳ"
_COMPARED = re.compile(r"\s+so\s+(?:sánh\s+)?với\s+", re.I)
_BARE_QUARTER = re.compile(r"quý\s+(?:[1-4]|i{1,3}|iv)\b", re.I)
_BARE_MONTH = re.compile(r"tháng\s+(?:0?[1-9]|1[0-2])\b", re.I)
_TAIL_YEAR = re.compile(r"(?:năm\s+|/\s*)((?:19|20)\d{2})(?!\d)", re.I)
_HALF_YEAR = re.compile(r"(?:6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm", re.I)


def period_of(text: str | None) -> str | None:
    """The reporting period a title names: 'quý 1 năm 2023' → '2023-Q1',
    'tháng 7 năm 2023' or 'tháng 5/2024' → '2023-07', 'năm 2024' → '2024'.
    A half-year ("6 tháng đầu năm") has no period form: None."""
    if not text:
        return None
    text = " ".join(text.replace("*", " ").split())
    parts = _COMPARED.split(text, maxsplit=1)
    if len(parts) == 2:
        head, tail = parts  # "quý IV so với quý III năm 2026": the period is the one compared
        own = period_of(head)
        if own:
            return own
        year = _TAIL_YEAR.search(tail)
        bare = _BARE_QUARTER.search(head) or _BARE_MONTH.search(head)
        if bare and year:
            return period_of(f"{bare.group(0)} năm {year.group(1)}")
    m = _PERIOD_QUARTER.search(text)
    if m:
        q = m.group("q").casefold()
        return f"{m.group('y')}-Q{_ROMAN.get(q, q)}"
    m = _PERIOD_MONTH.search(text)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{m.group('y')}-{int(m.group('m')):02d}"
    if _HALF_YEAR.search(text):
        return None
    m = _PERIOD_YEAR.search(text)
    if m:
        return m.group("y")
    return None


def period_bounds(period: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last day of a period string."""
    m = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|\d{2}))?", period or "")
    if not m:
        return None
    y = int(m.group(1))
    part = m.group(2)
    if part is None:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    if part.startswith("Q"):
        q = int(part[1])
        start = _dt.date(y, 3 * q - 2, 1)
        end_month = 3 * q
    else:
        start = _dt.date(y, int(part), 1)
        end_month = int(part)
    end = (_dt.date(y + (end_month == 12), end_month % 12 + 1, 1) - _dt.timedelta(days=1))
    return start, end


def period_vi(period: str) -> str:
    """'2024-11' → 'tháng 11 năm 2024'; '2023-Q1' → 'quý 1 năm 2023'."""
    y, _, part = period.partition("-")
    if not part:
        return f"năm {y}"
    if part.startswith("Q"):
        return f"quý {part[1]} năm {y}"
    return f"tháng {int(part)} năm {y}"


_AS_OF = re.compile(r"(?:tính\s+(?:đến|tới)(?:\s+hết)?|đến\s+thời\s+điểm|tại\s+thời\s+điểm)[^.;]{0,30}?"
                    r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.I)
_YEAR = re.compile(r"(?<!\d)năm\s+(\d{4})(?!\d)", re.I)


def time_at(text: str, end: int) -> str | None:
    """The as-of date ("tính đến ngày 05/11/2025") or else the year named last
    before ``end`` in ``text``."""
    dates = list(_AS_OF.finditer(text, 0, end))
    if dates:
        d, m, y = dates[-1].groups()
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    years = list(_YEAR.finditer(text, 0, end))
    return years[-1].group(1) if years else None


def before_the_period(label: str, period: str | None, labels: list[str]) -> bool:
    """Whether a header names a period before the report's ("Điểm quý IV năm
    2024" in a report of quý I năm 2025, "Chỉ số năm 2024 (%)" in one of
    2025); with the report's period unknown, a period before another of
    ``labels`` (the headers beside it)."""
    own = period_bounds(period_of(label) or "")
    if own is None:
        return False
    this = period_bounds(period or "")
    if this is None:
        latest = max((b[1] for b in (period_bounds(period_of(x) or "") for x in labels) if b is not None),
                     default=None)
        return latest is not None and own[1] < latest
    return own[1] < this[0]


def names_another_period(words: str, period: str | None) -> bool:
    """Whether the words before a figure name a period other than the
    report's ("Quý II, có 7/10 sở …", "năm 2024 đạt 70,05%")."""
    named = period_of(words or "")
    return named is not None and named != period
