"""A running total the prose gives after the periods it lists from the year's
start: "tháng 1: 11.502 hồ sơ, tháng 2: 13.290 hồ sơ, …, tháng 5 (kỳ này):
12.500 hồ sơ. Lũy kế từ đầu năm đến nay, tiếp nhận 61.585 hồ sơ" — the
total is the periods' sum. Only a list that starts at the year's first period
(tháng 1, quý I) and leaves none out is all of the running total."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report
from ..numbers import NotANumber, format_count, parse_vi_number
from .registry import CheckContext, rule

_N = r"(\d{1,3}(?:\.\d{3})+|\d+)"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# "tháng 3: 11.675 hồ sơ", "tháng 5 (kỳ này): 12.500 hồ sơ", "quý II: 36.120 hồ sơ"
_PERIOD = re.compile(r"(?<!\w)(?P<kind>tháng|quý)\s+(?P<no>\d{1,2}|IV|I{1,3})(?!\w)\s*(?:\([^()]{0,30}\))?\s*:\s*"
                     + _N + r"(?![\d.,])", re.I)
_RUNNING = re.compile(r"(?<!\w)lũy\s+kế(?P<said>(?:[^.;]|\.(?=\d)){0,60})", re.I)
# The running total's figure: the first count of its clause that is no length of time ("6 tháng đầu năm").
_FIGURE = re.compile(r"(?<![\d.,])" + _N + r"(?![\d.,])(?!\s*(?:tháng|quý|năm|ngày)\b)", re.I)


def _count(text: str) -> int | None:
    try:
        return int(parse_vi_number(text, "count").value)
    except (NotANumber, ValueError):
        return None


@rule("SUM_MISMATCH", "Số lũy kế từ đầu năm khác tổng các kỳ văn bản liệt kê")
def cumulative_of_periods(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số "lũy kế từ đầu năm" nêu sau danh sách số liệu từng kỳ bắt đầu từ
    tháng 1 (quý I), không thiếu kỳ nào, phải bằng tổng các kỳ ấy.
    Vì sao: số lũy kế được cộng tay; sửa số một tháng mà quên cộng lại thì hai số lệch nhau.
    Ví dụ sai: "tháng 1: 4.093 hồ sơ, tháng 2: 4.121 hồ sơ, tháng 3: 3.784 hồ sơ. Lũy kế từ
    đầu năm đến nay, tiếp nhận 11.999 hồ sơ" (4.093 + 4.121 + 3.784 = 11.998).
    Ví dụ đúng: "… Lũy kế từ đầu năm đến nay, tiếp nhận 11.998 hồ sơ"."""
    for p in report.paragraphs:
        periods = list(_PERIOD.finditer(p.text))
        if len(periods) < 2 or len({m.group("kind").casefold() for m in periods}) != 1:
            continue
        numbers = [int(m.group("no")) if m.group("no").isdigit() else _ROMAN.get(m.group("no").upper())
                   for m in periods]
        if numbers != list(range(1, len(numbers) + 1)):
            continue  # not every period from the year's start: some of the running total only
        running = _RUNNING.search(p.text, periods[-1].end())
        figure = _FIGURE.search(running.group("said")) if running else None
        values = [_count(m.group(3)) for m in periods]
        total = _count(figure.group(1)) if figure else None
        if total is None or None in values or total == sum(values):
            continue
        parts = " + ".join(format_count(v) for v in values)
        yield Finding(code="SUM_MISMATCH", severity="error",
                      message=f"Số lũy kế {figure.group(1)} khác tổng các kỳ văn bản liệt kê từ đầu năm: {parts} = "
                              f"{format_count(sum(values))}",
                      paragraph=p.index, reported=str(total), expected=str(sum(values)))
