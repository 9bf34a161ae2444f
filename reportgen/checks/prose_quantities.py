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
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, Stat, Statement, StatementKind
from ..numbers import format_count, format_vi, places_of
from ..text.dates import time_at
from ..text.levels import level_at
from .prose_counts import finding_at
from .registry import CheckContext, rule


def _position(st: Statement) -> int:
    return st.at if st.at is not None else len(st.text)


def _grade_key(st: Statement) -> str:
    return " ".join((st.grade or st.grade_written or "").split()).casefold()


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
    Ví dụ đúng: hai chỗ cùng ghi 123 đơn vị xếp loại Xuất sắc.

    The error is on the later passage, unless its counts of that level make the whole
    (123 + 01 = 124) and the earlier passage's no longer do: then the earlier one slipped
    (one error there; its broken total is named in it, culprits_prose)."""
    groups: dict[tuple[str, str], list[tuple[Statement, str | None]]] = defaultdict(list)
    # the counts of each level and time a paragraph gives, to tell which of two restatements slipped
    counts: dict[tuple, list[int]] = defaultdict(list)
    for st in report.statements:
        if st.kind != StatementKind.GRADE_COUNT or st.count is None or not _grade_key(st):
            continue
        pos = _position(st)
        level = level_at(st.text, pos, st.scope)
        if level is None:
            continue
        time = time_at(st.text, pos)
        groups[(level, _grade_key(st))].append((st, time))
        counts[(st.paragraph, level, time)].append(st.count)
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
                whole = a.denominator if a.denominator is not None else b.denominator
                if _closes(counts[(b.paragraph, level, time_b)], whole) and \
                        not _closes(counts[(a.paragraph, level, time_a)], whole):
                    a, b, time_a, time_b = b, a, time_b, time_a  # the earlier passage's counts no longer make the whole
                sure = bool(time_a and time_b)
                grade = b.grade or b.grade_written
                where = f"đoạn {a.paragraph + 1}" if a.paragraph is not None else "chỗ khác"
                yield finding_at(
                    "QUANTITY_CONFLICT", "error" if sure else "warning",
                    f"Số đơn vị cấp {level} xếp loại {grade} được nêu hai lần với hai giá trị: "
                    f"{format_count(b.count)} ở đây nhưng {format_count(a.count)} ở {where}"
                    + ("" if sure else " (không rõ hai chỗ có cùng thời điểm không)"),
                    b, reported=str(b.count), expected=str(a.count))


def _closes(counts: list[int], whole: Decimal | None) -> bool:
    """Whether a passage's counts by grade of one level make its whole (07 +
    05 + 01 = 13): of two passages that restate a count, the one whose counts
    no longer do is the slip."""
    return whole is not None and len(counts) >= 2 and sum(counts) == whole


def figure_key(st: Statement) -> tuple[str, str, str, str] | None:
    """(measure, stat, subject, unit) of a measured figure of the prose, or None
    when it names no quantity to find again."""
    if not st.claim or st.value is None:
        return None
    subject = st.subject or ""
    # A statistic ("chỉ số cao nhất") or a subject of one or two words names no
    # quantity of its own: every section of a report has one.
    if st.stat or len(subject.split()) < 3:
        return None
    return st.measure or "", "", subject, ""


@rule("QUANTITY_CONFLICT", "Cùng một tỷ lệ, điểm số hay thứ hạng được nêu hai lần với hai giá trị khác nhau")
def figure_restated(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ, điểm số hay thứ hạng của cùng một đại lượng (cùng những từ
    "tỷ lệ …", cùng đơn vị, cùng "trung bình/cao nhất/thấp nhất", cùng cấp, cùng thời
    điểm) được nêu ở hai đoạn của lời văn: hai con số phải bằng nhau.
    Vì sao: phần kết quả và phần tồn tại, hạn chế thường nhắc lại cùng con số; sửa một
    chỗ mà quên chỗ kia làm văn bản tự mâu thuẫn.
    Ví dụ sai: "Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh đạt 97,4%" rồi ở mục hạn chế
    "Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh hiện đạt 96,4%".
    Ví dụ đúng: hai chỗ cùng ghi 97,4%."""
    groups: dict[tuple, list[tuple[Statement, str | None]]] = defaultdict(list)
    for st in report.statements:
        key = figure_key(st)
        if key is None:
            continue
        groups[(*key, st.tier or "")].append((st, st.time or None))
    now = _single_as_of(report)
    for (measure, _, _, _, _), items in groups.items():
        for k, (a, time_a) in enumerate(items):
            for b, time_b in items[k + 1:]:
                if a.paragraph == b.paragraph or (time_a and time_b and time_a != time_b):
                    continue
                ctx.ledger.statement_checked(a, "figure-restated")
                ctx.ledger.statement_checked(b, "figure-restated")
                if _same_figure(a.value, b.value):
                    continue
                sure = bool(time_a and time_b) or (now is not None and _at(a, time_a, now) and _at(b, time_b, now))
                where = f"đoạn {a.paragraph + 1}" if a.paragraph is not None else "chỗ khác"
                sign = "%" if measure == Measure.PERCENT else ""
                yield finding_at(
                    "QUANTITY_CONFLICT", "error" if sure else "warning",
                    f"“{_what(b)}” được nêu hai lần với hai giá trị: {_as_written(b.value)}{sign} ở đây nhưng "
                    f"{_as_written(a.value)}{sign} ở {where}"
                    + ("" if sure else " (không rõ hai chỗ có cùng thời điểm không)"),
                    b, reported=str(b.value), expected=str(a.value))


_OTHER_TIME = re.compile(r"(?<!\w)(?:cùng\s+kỳ|kỳ\s+trước|năm\s+trước|tháng\s+trước|quý\s+trước|trước\s+đây|"
                         r"so\s+với\s+(?:cùng\s+kỳ|năm\s+\d{4}|năm\s+trước|kỳ|tháng|quý)|tăng|giảm|dự\s+kiến|ước)"
                         r"(?!\w)", re.I)


def _single_as_of(report: Report) -> str | None:
    """The one as-of date of the document's figures ("tính đến ngày
    05/11/2025" wherever a date is given), or None when there are several."""
    dates = {st.time for st in report.statements if len(st.time or "") == 10}
    return dates.pop() if len(dates) == 1 else None


def _at(st: Statement, time: str | None, now: str) -> bool:
    """Whether a figure is of the document's one as-of date: stated with it,
    or with no time and no word of another period ("cùng kỳ", "năm trước",
    "so với", "tăng") in its sentence."""
    if time:
        return time == now
    return not _OTHER_TIME.search(st.context or st.text)


def _same_figure(a: Decimal, b: Decimal) -> bool:
    """Equal as written; "97,4" and "97,40" are one figure."""
    return a == b


def _what(st: Statement) -> str:
    stat = {Stat.AVG: "trung bình", Stat.MAX: "cao nhất", Stat.MIN: "thấp nhất"}.get(st.stat, "")
    parts = [st.subject or "", stat, st.unit or ""]
    return " ".join(p for p in parts if p) or st.text


def _as_written(value: Decimal) -> str:
    """A figure of the prose with the places it was written with ("65,00")."""
    return format_vi(value, places_of(value), fixed=True)
