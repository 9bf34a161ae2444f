"""Periods as the archive stores them: ``YYYY``, ``YYYY-MM`` or ``YYYY-Qn``."""
from __future__ import annotations

import re

_PERIOD = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$")


def parse_period(text: str) -> tuple[int, int, int] | None:
    """(year, first month, months spanned), or None when not a period."""
    m = _PERIOD.match(text or "")
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        return year, int(m.group(2)), 1
    if m.group(3):
        return year, 3 * (int(m.group(3)) - 1) + 1, 3
    return year, 1, 12


def is_period(text: str) -> bool:
    return parse_period(text) is not None


def period_sort_key(text: str) -> tuple:
    """Chronological order; a year sorts after its months (it ends last)."""
    parsed = parse_period(text)
    if parsed is None:
        return (10**6, text)
    year, month, span = parsed
    return (year, month + span - 1, span, text)


def granularity(text: str) -> str | None:
    parsed = parse_period(text)
    if parsed is None:
        return None
    return {1: "month", 3: "quarter", 12: "year"}[parsed[2]]


def midpoint(text: str) -> float:
    """A position on a time axis in years, for charts only (never a score)."""
    year, month, span = parse_period(text) or (0, 1, 12)
    return year + (month - 1 + span / 2) / 12


def label_vi(text: str) -> str:
    """'năm 2024', 'tháng 5/2024', 'quý I/2024'."""
    parsed = parse_period(text)
    if parsed is None:
        return text or "không rõ kỳ"
    year, month, span = parsed
    if span == 12:
        return f"năm {year}"
    if span == 3:
        return f"quý {('I', 'II', 'III', 'IV')[(month - 1) // 3]}/{year}"
    return f"tháng {month}/{year}"
