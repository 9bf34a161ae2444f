"""A count of the prose held to a table whose columns are periods: "Trong quý
III/2026 … tiếp nhận 37.914 hồ sơ; riêng tháng 9 tiếp nhận 12.961 hồ sơ",
"Lũy kế từ đầu năm đến hết quý III/2026 tiếp nhận 106.988 hồ sơ" beside
"Đơn vị | Lũy kế 6 tháng | Tháng 7 | Tháng 8 | Tháng 9 | Lũy kế quý | Lũy kế
9 tháng" with a "Tổng cộng" row.

The column is the period the count's clause names last before it: a month
("tháng 9"), a quarter ("quý III", the column "Quý III" or, the report's
own quarter, "Lũy kế quý" / "Cộng quý"), or the year to date ("lũy kế",
"từ đầu năm", "9 tháng đầu năm": the column "Lũy kế 9 tháng", the months
taken from the words or from the end of the quarter or month they name,
else the latest such column). The row is the unit the clause names, else
the total row. What the clause counts must be what the table counts: its
stage words ("tiếp nhận", "giải quyết", "trực tuyến", …) are all in the
table's title or the column's header, and the counted noun ("hồ sơ") is
said there too when the clause says no stage. A count after "tăng",
"giảm" is a change, never a cell.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report, ScoreTable
from ..numbers import format_vi
from ..text.counts import CHANGE_BEFORE, COUNT, counted, unit_named
from ..text.dates import period_of
from ..text.labels import stat_of
from .prose_totals import _row_of_unit, _total_rows
from .prose_unit_rows import fold
from .registry import CheckContext, rule

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTH = re.compile(r"(?<!\w)tháng\s+(0?[1-9]|1[0-2])(?!\d)", re.I)
_QUARTER = re.compile(r"(?<!\w)quý\s+(iv|i{1,3}|[1-4])(?![\w])", re.I)
_MONTHS = re.compile(r"(?<![\w/])(\d{1,2})\s+tháng(?!\s+(?:0?[1-9]|1[0-2])(?!\d))", re.I)  # "9 tháng", not "tháng 9"
_TO_DATE = re.compile(r"lũy\s+kế|luỹ\s+kế|từ\s+đầu\s+năm", re.I)
_THIS_QUARTER = re.compile(r"(?:lũy\s+kế|luỹ\s+kế|cộng|tổng)\s+quý(?!\s+(?:iv|i{1,3}|[1-4])(?!\w))", re.I)
_STAGES = ("tiếp nhận", "giải quyết", "đúng hạn", "trước hạn", "quá hạn", "trực tuyến", "trực tiếp",
           "bưu chính", "trả kết quả", "số hóa", "thanh toán", "đang giải quyết", "tồn", "chuyển sang")
_NOUNS = re.compile(r"^(hồ\s+sơ|lượt|thủ\s+tục|giao\s+dịch|phiếu)(?!\w)", re.I)


class Period(NamedTuple):
    kind: str  # month, quarter, ytd
    n: int | None  # the month, the quarter, or the months to date (None: the report's quarter / unsaid)


def _quarter(word: str) -> int:
    word = word.casefold()
    return _ROMAN.get(word) or int(word)


def column_period(label: str) -> Period | None:
    """The period a column's header names: "Tháng 9" (month 9), "Quý III"
    (quarter 3), "Lũy kế quý" (the report's quarter), "Lũy kế 9 tháng" or
    "9 tháng năm 2026" (9 months to date), "Lũy kế từ đầu năm"; None
    for any other header."""
    text = " ".join((label or "").split())
    if _TO_DATE.search(text) or _MONTHS.search(text):
        if _THIS_QUARTER.search(text):
            return Period("quarter", None)
        m = _MONTHS.search(text)
        if m:
            return Period("ytd", int(m.group(1)))
        return Period("ytd", None) if re.search(r"năm|từ\s+đầu", text, re.I) else None
    if _THIS_QUARTER.search(text):
        return Period("quarter", None)
    m = _QUARTER.search(text)
    if m:
        return Period("quarter", _quarter(m.group(1)))
    m = _MONTH.search(text)
    if m:
        return Period("month", int(m.group(1)))
    return None


def said_period(clause: str) -> Period | None:
    """The period a count's clause names last: the year to date ("Lũy kế từ
    đầu năm đến hết quý III", "9 tháng đầu năm"), else the last month or
    quarter named."""
    if _TO_DATE.search(clause) or _MONTHS.search(clause):
        m = _MONTHS.search(clause)
        if m:
            return Period("ytd", int(m.group(1)))
        q = list(_QUARTER.finditer(clause))
        if q:
            return Period("ytd", 3 * _quarter(q[-1].group(1)))
        mo = list(_MONTH.finditer(clause))
        return Period("ytd", int(mo[-1].group(1)) if mo else None)
    last = max(list(_MONTH.finditer(clause)) + list(_QUARTER.finditer(clause)), key=lambda m: m.start(), default=None)
    if last is None:
        return None
    if last.group(0).casefold().startswith("quý"):
        return Period("quarter", _quarter(last.group(1)))
    return Period("month", int(last.group(1)))


class _Column(NamedTuple):
    table: ScoreTable
    key: str
    label: str
    period: Period


def _period_columns(report: Report) -> list[_Column]:
    """The columns of the tables that state two periods or more of the
    report's year ("Cùng kỳ (9 tháng năm 2025)" is another year's)."""
    year = (report.meta.period or "")[:4] or None
    out: list[_Column] = []
    for t in report.tables:
        cols = [_Column(t, c.key, c.label or "", p) for c in t.columns for p in [column_period(c.label or "")] if p]
        if len(cols) >= 2:
            out.extend(c for c in cols if not _OTHER_YEAR.search(c.label) and not _another_year(c.label, year))
    return out


def _meets(col: _Column, said: Period, quarter: int | None, columns: list[_Column]) -> bool:
    """Whether a column is of the period the clause names."""
    got = col.period
    if got.kind != said.kind:
        return False
    if got.kind == "quarter" and got.n is None:
        return said.n == quarter or (quarter is None and not any(
            c.table is col.table and c.period.kind == "quarter" and c.period.n is not None for c in columns))
    if got.kind == "ytd" and said.n is None:  # "lũy kế từ đầu năm": the latest to date
        latest = max((c.period.n or 0 for c in columns if c.table is col.table and c.period.kind == "ytd"), default=0)
        return (got.n or 0) == latest
    if got.kind == "ytd" and got.n is None:  # "Lũy kế năm 2026": to date, later than any column counting its months
        return said.n > max((c.period.n or 0 for c in columns if c.table is col.table and c.period.kind == "ytd"),
                            default=0)
    return got.n == said.n


def _counts_the_same(col: _Column, clause: str, noun: str) -> bool:
    """Whether the clause counts what the column counts: its stage words all
    in the table's title or the column's header; with no stage word, its
    noun said there."""
    where = fold(f"{col.table.title or ''} {col.label} {' '.join(col.table.headers)}")
    said = fold(f"{clause} {noun}")
    stages = [s for s in (fold(x) for x in _STAGES) if re.search(rf"(?<!\w){s}(?!\w)", said)]
    if stages:
        return all(re.search(rf"(?<!\w){s}(?!\w)", where) for s in stages)
    m = _NOUNS.match(noun)
    return bool(m) and fold(m.group(1)) in where


_OTHER_YEAR = re.compile(r"cùng\s+kỳ|năm\s+trước|năm\s+ngoái", re.I)


def _another_year(clause: str, year: str | None) -> bool:
    """Whether the clause names a year other than the report's."""
    return year is not None and any(y != year for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", clause))


def _report_quarter(report: Report) -> int | None:
    period = report.meta.period or period_of(report.meta.subject or "") or ""
    m = re.fullmatch(r"\d{4}-Q([1-4])", period)
    return int(m.group(1)) if m else None


@rule("PERIOD_COUNT_MISMATCH", "Số lượng của một kỳ nêu trong lời văn khác cột kỳ đó trong bảng")
def period_count_vs_column(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số lượng lời văn nêu cho một kỳ ("riêng tháng 9 tiếp nhận 12.961 hồ
    sơ", "trong quý III tiếp nhận 37.914 hồ sơ", "lũy kế từ đầu năm tiếp nhận 106.988 hồ
    sơ") so với dòng tổng (hoặc dòng của đơn vị được nêu) của cột kỳ đó trong bảng có
    các cột là các kỳ ("Tháng 7 | Tháng 8 | Tháng 9 | Lũy kế quý | Lũy kế 9 tháng"),
    khi lời văn và bảng đếm cùng một thứ (tiếp nhận, giải quyết, …).
    Vì sao: số liệu lời văn được cộng tay từ bảng theo tháng; sửa bảng mà quên lời văn,
    hay cộng lũy kế sai, là lỗi hay gặp.
    Ví dụ sai: bảng ghi Tổng cộng cột "Lũy kế 9 tháng" 106.988 mà lời văn viết "lũy kế
    từ đầu năm tiếp nhận 107.988 hồ sơ".
    Ví dụ đúng: lời văn viết 106.988 hồ sơ."""
    columns = _period_columns(report)
    if not columns:
        return
    quarter = _report_quarter(report)
    totals = _total_rows(report)
    year = (report.meta.period or "")[:4] or None
    units = [r.unit for c in columns for r in c.table.rows if r.unit and not stat_of(r.unit)]
    for p in report.paragraphs:
        text = p.text
        for m in COUNT.finditer(text):
            opens = max((s.end() for s in re.finditer(r"[.!?;]\s|^", text[:m.start()])), default=0)
            clause = text[opens:m.start()]
            noun = counted(text, m.end())
            if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) or not _NOUNS.match(noun):
                continue  # a year ("9 tháng năm 2026 so với …"), or no count of dossiers, turns, procedures
            if CHANGE_BEFORE.search(clause) or _OTHER_YEAR.search(clause) or _another_year(clause, year):
                continue  # a change, or a figure of another year ("so với cùng kỳ năm 2025 (43.177 hồ sơ)")
            said = said_period(clause)
            if said is None:
                continue
            unit = unit_named(clause, units)
            value = Decimal(m.group(1).replace(".", ""))
            cells = []
            for col in columns:
                if not (_meets(col, said, quarter, columns) and _counts_the_same(col, clause, noun)):
                    continue
                row = _row_of_unit(col.table, unit) if unit else totals.get(col.table.index)
                v = col.table.rows[row].scores.get(col.key) if row is not None else None
                if isinstance(v, Decimal):
                    cells.append((col, row, v))
            if not cells:
                continue
            for col, row, _ in cells:
                ctx.ledger.table_checked(col.table.index, "period-count", [(row, col.key)])
            if any(v == value for _, _, v in cells):
                continue
            col, row, v = cells[0]
            sure = len(cells) == 1
            where = col.table.rows[row].unit
            yield Finding(code="PERIOD_COUNT_MISMATCH", severity="error" if sure else "warning",
                          message=f"Văn bản nêu {format_vi(value, 0)} {noun} nhưng dòng “{where}” của cột "
                                  f"“{col.label}” (bảng {col.table.index + 1}) ghi {format_vi(v, 0)}"
                                  + ("" if sure else " (nhiều bảng có cột kỳ này, không rõ văn bản nói tới bảng nào)"),
                          paragraph=p.index, page=p.page, table=col.table.index, row=row, unit=where,
                          column=col.key, reported=str(value), expected=str(v))
