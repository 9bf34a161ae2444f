"""The same quantity stated twice: a count of units by grade given in two
places of the prose ("cấp tỉnh có 07/13 cơ quan xếp loại Xuất sắc" in the
summary, "Đối với cấp sở … có 07 đơn vị xếp loại Xuất sắc" further on).

Two statements are of the same quantity when they name the same grade of the
same population (the administrative level the passage is about: cấp tỉnh /
sở, ngành; cấp huyện; cấp xã / xã, phường, đặc khu) at the same time (the
"tính đến ngày …" date or the year the passage names). A difference is an
error only when both the level and the time are stated on both sides;
otherwise it is a doubt (a warning). Statements of different times or with
different wholes (07/13 and 07/15) are different quantities and are not
compared.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..model import Finding, Report, Statement
from ..numbers import format_count
from .prose_counts import finding_at
from .registry import CheckContext, rule

# Administrative levels a passage names, most specific words first.
_LEVELS = (
    ("xã", re.compile(r"cấp\s+xã|(?:các\s+)?xã,\s*phường|UBND\s+(?:các\s+)?xã\b|phường,\s*xã|"
                      r"xã,\s*thị\s+trấn|đặc\s+khu", re.I)),
    ("huyện", re.compile(r"cấp\s+huyện|(?:các\s+)?huyện,\s*(?:thị\s+xã|thành\s+phố|quận)|UBND\s+(?:các\s+)?huyện\b",
                         re.I)),
    ("tỉnh", re.compile(r"cấp\s+(?:tỉnh|sở)|sở,\s*(?:ban,\s*)?ngành|cơ\s+quan\s+chuyên\s+môn|các\s+sở\b", re.I)),
)
_AS_OF = re.compile(r"(?:tính\s+(?:đến|tới)(?:\s+hết)?|đến\s+thời\s+điểm|tại\s+thời\s+điểm)[^.;]{0,30}?"
                    r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.I)
_YEAR = re.compile(r"(?<!\d)năm\s+(\d{4})(?!\d)", re.I)


def level_at(text: str, end: int, scope: str | None = None) -> str | None:
    """The administrative level named last before ``end`` in ``text``, else in
    the heading path ``scope``."""
    for source, stop in ((text, end), (scope or "", len(scope or ""))):
        best: tuple[int, str] | None = None
        for name, pattern in _LEVELS:
            for m in pattern.finditer(source, 0, stop):
                if best is None or m.start() > best[0]:
                    best = (m.start(), name)
        if best:
            return best[1]
    return None


def time_at(text: str, end: int) -> str | None:
    """The as-of date ("tính đến ngày 05/11/2025") or else the year named last
    before ``end`` in ``text``."""
    dates = list(_AS_OF.finditer(text, 0, end))
    if dates:
        d, m, y = dates[-1].groups()
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    years = list(_YEAR.finditer(text, 0, end))
    return years[-1].group(1) if years else None


def _position(st: Statement) -> int:
    at = st.raw.get("at")
    return int(at) if at and at.isdigit() else len(st.text)


def _grade_key(st: Statement) -> str:
    return " ".join((st.grade or st.raw.get("grade") or "").split()).casefold()


@rule("QUANTITY_CONFLICT", "Cùng một số liệu được nêu hai lần trong văn bản với hai giá trị khác nhau")
def grade_count_restated(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị theo một xếp loại của cùng một cấp (cấp tỉnh/sở, ngành; cấp
    huyện; cấp xã) tại cùng một thời điểm được nêu ở hai chỗ trong lời văn: hai con số
    phải bằng nhau.
    Vì sao: phần tóm tắt và phần chi tiết của báo cáo hay được viết vào hai lúc; sửa một
    chỗ mà quên chỗ kia làm văn bản tự mâu thuẫn.
    Ví dụ sai: "tính đến ngày 05/11/2025, cấp xã có 123/124 địa phương xếp loại Xuất
    sắc" rồi ở mục sau "Đối với cấp xã, tính đến ngày 05/11/2025, có 122 đơn vị xếp loại
    Xuất sắc".
    Ví dụ đúng: hai chỗ cùng ghi 123 đơn vị xếp loại Xuất sắc."""
    groups: dict[tuple[str, str], list[tuple[Statement, str | None]]] = defaultdict(list)
    for st in report.statements:
        if st.kind != "grade_count" or st.count is None or not _grade_key(st):
            continue
        pos = _position(st)
        level = level_at(st.text, pos, st.scope)
        if level is None:
            continue
        groups[(level, _grade_key(st))].append((st, time_at(st.text, pos)))
    reported: set[tuple[int, int]] = set()
    for (level, _), items in groups.items():
        for k, (a, time_a) in enumerate(items):
            for b, time_b in items[k + 1:]:
                if a.paragraph == b.paragraph:
                    continue
                if time_a and time_b and time_a != time_b:
                    continue  # another date or year: another quantity
                if a.denominator is not None and b.denominator is not None and a.denominator != b.denominator:
                    continue  # a share of another whole
                ctx.ledger.statement_checked(a, "grade-count-restated")
                ctx.ledger.statement_checked(b, "grade-count-restated")
                if a.count == b.count or (id(a), id(b)) in reported:
                    continue
                reported.add((id(a), id(b)))
                sure = bool(time_a and time_b)
                grade = b.grade or b.raw.get("grade")
                where = f"đoạn {a.paragraph + 1}" if a.paragraph is not None else "chỗ khác"
                yield finding_at(
                    "QUANTITY_CONFLICT", "error" if sure else "warning",
                    f"Số đơn vị cấp {level} xếp loại {grade} được nêu hai lần với hai giá trị: "
                    f"{format_count(b.count)} ở đây nhưng {format_count(a.count)} ở {where}"
                    + ("" if sure else " (không rõ hai chỗ có cùng thời điểm không)"),
                    b, reported=str(b.count), expected=str(a.count))
