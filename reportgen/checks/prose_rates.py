"""The rule that holds a rate the prose names by its parts to the table
whose columns those parts are (PERCENT_MISMATCH, rate-of-named-columns): the
row the claim is of (the unit it names, its level, the total row, or the
table whose row holds the figures stated beside it) and whether the pairing
is sure. How the rate's words name columns, and the rate they compute, is
:mod:`.prose_rate_columns`.

A rate that disagrees is an error when the pairing is sure: one table alone
gives the rate and its whole is the one total so found, or the claim's own
sentence states the row's whole and parts ("… là 23.840 hồ sơ, trong đó giải
quyết đúng hạn 23.490 hồ sơ; tỷ lệ giải quyết đúng hạn đạt 98,18%");
otherwise a warning, and the claim stays unchecked.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import NotANumber, format_vi, parse_vi_decimal, places_of, quantize
from .prose_counts import finding_at
from .prose_named import _value
from .prose_rate_columns import (
    _AND,
    _EARLY,
    _ON_TIME,
    _STAGE_WORDS,
    Rate,
    _of_units,
    _rate_in,
    _shared,
    _subject,
    _tokens,
)
from .prose_totals import _level_or_total, _row_of_unit, _total_rows
from .prose_unit_rows import agrees
from .registry import CheckContext, rule


def _stated_nearby(report: Report, st: Statement) -> set[Decimal]:
    """The figures the prose states in the claim's paragraph and the one
    before it: what the claim is read beside."""
    if st.paragraph is None:
        return set()
    near = (st.paragraph - 1, st.paragraph)
    return {v for s in report.statements if s is not st and s.paragraph in near
            for v in (s.value, s.whole, *s.parts) if v is not None and v > 0}


def _said_before(st: Statement, rate: Rate) -> bool:
    """The rate's whole and each of its parts, as its row writes them, are
    figures of the claim's own sentence before it ("Tổng số hồ sơ đã giải
    quyết của cấp xã là 23.840 hồ sơ, trong đó giải quyết đúng hạn 23.490 hồ
    sơ; tỷ lệ giải quyết đúng hạn đạt 98,18%"): the pairing is then the
    sentence's own, and a rate other than theirs is sure."""
    sentence = re.split(r"[.!?]\s+", st.before or "")[-1]
    said = set()
    for m in _COUNT.finditer(sentence):
        try:
            said.add(parse_vi_decimal(m.group(1), "count"))
        except NotANumber:
            continue
    return all(_value(rate.table, rate.row, c.key) in said for c in (rate.whole, *rate.parts))


# a count as prose writes it: "23.840", "812" — never a part of a date, a fraction or a decimal
_COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)")


def _anchored(report: Report, st: Statement, places: list[tuple[ScoreTable, int]]) -> int | None:
    """Which of several (table, row) a claim naming no unit is of: the one
    whose row holds strictly the most of the figures stated just before it
    ("Đã giải quyết 12.711 hồ sơ (trước hạn 7.949 …). Tỷ lệ … đạt 99,63%" is
    of the table whose total row is 12.711 and 7.949, not of the annex of one
    level), or None."""
    stated = _stated_nearby(report, st)
    if not stated:
        return None
    hits = [sum(1 for c in t.columns if _value(t, row, c.key) in stated) for t, row in places]
    best = max(hits, default=0)
    return hits.index(best) if best >= 2 and hits.count(best) == 1 else None


def _stated_rate(report: Report, st: Statement, rows: dict, said: list[str]):
    """(table, row, key, header, value) of the one percent column whose header
    says the rate's words and nothing else ("Tỷ lệ hài lòng (%)" for "tỷ lệ
    hài lòng (gồm rất hài lòng và hài lòng)"; "Tỷ lệ trước hạn, đúng hạn (%)"
    for "tỷ lệ giải quyết trước hạn và đúng hạn", the stage said or not), on
    the row the claim is of; None when no table writes it, or more than one
    and the figures stated before the claim do not tell which (_anchored)."""
    words = {w for w in said if w != _AND}
    found = []
    for t in report.tables:
        row = rows.get(t.index)
        if row is None:
            continue
        for c in t.columns:
            label = c.label or ""
            own = set(_tokens(label)) - {_AND}
            # QĐ 766: a rate "đúng hạn" counts the dossiers solved early too, said or not
            early = _EARLY if _ON_TIME <= words else frozenset()
            # the prose may say the stage the header leaves to its group ("giải quyết trước hạn và đúng hạn")
            # and the header the stage the prose leaves out ("Tỷ lệ giải quyết đúng hạn (%)" for "tỷ lệ đúng hạn")
            if not re.search(r"%|t[ỷỉ]\s*lệ", label, re.I) or not own - early - _STAGE_WORDS \
                    or not own - early - _STAGE_WORDS <= words or not words - own - early <= _STAGE_WORDS:
                continue
            v = _value(t, row, c.key)
            if v is not None:
                found.append((t, row, c.key, label, v))
    if len(found) > 1 and not st.unit and not st.tier:
        pick = _anchored(report, st, [(t, row) for t, row, *_ in found])
        found = [found[pick]] if pick is not None else found
    return found[0] if len(found) == 1 else None


def _vi(value: Decimal, places: int) -> str:
    return format_vi(value, places, fixed=True) + "%"


@rule("PERCENT_MISMATCH", "Tỷ lệ nêu bằng tên các phần khác tỷ lệ tính từ cột của bảng")
def rate_of_named_columns(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ lời văn gọi bằng tên các phần ("tỷ lệ giải quyết đúng hạn và
    trước hạn đạt 98,7%", "tỷ lệ quá hạn 1,35%") so với tỷ lệ tính từ bảng có các cột ấy:
    tổng các cột được nêu chia cho cột tổng ("Tổng số hồ sơ đã giải quyết") ở dòng Tổng
    cộng, làm tròn như lời văn viết.
    Vì sao: tỷ lệ trong lời văn thường tính tay từ phụ lục; tính nhầm hay lấy số kỳ trước
    là lỗi hay gặp.
    Ví dụ sai: bảng có Tổng số 2.002, Trước hạn 1.208, Đúng hạn 767 mà lời văn viết "tỷ lệ
    giải quyết đúng hạn và trước hạn đạt 97,8%".
    Ví dụ đúng: (1.208 + 767) / 2.002 = 98,65%, lời văn viết 98,7% hoặc 98,65%."""
    totals = None
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.value is None or st.stat:
            continue
        subject = _subject(st)
        said = _tokens(subject)
        if len(set(said) - {_AND}) < 2 or _shared(report, st):
            continue
        if totals is None:
            totals = _total_rows(report)
        rows = {t.index: _row_of_unit(t, st.unit) if st.unit else _level_or_total(t, st.tier, st.context or "", totals)
                for t in report.tables}
        stated = _stated_rate(report, st, rows, said)
        if stated is not None:  # the table writes the rate itself: "Tỷ lệ hài lòng (%)" on its "Tổng cộng" row
            table, row, key, label, value = stated
            ctx.ledger.statement_checked(st, "rate-of-named-columns")
            ctx.ledger.table_checked(table.index, "rate-of-named-columns", [(row, key)])
            # a cell with fewer places holds the prose's figure rounded ("97,75%" in the prose, 97,7 in the cell)
            rounded = places_of(value) < places_of(st.value) \
                and abs(st.value - value) <= Decimal(1).scaleb(-places_of(value)) / 2
            if not (agrees(st.value, value) or rounded):
                yield finding_at("PERCENT_MISMATCH", "error",
                                 f"Văn bản nêu tỷ lệ {subject.strip()} {_vi(st.value, places_of(st.value))} nhưng "
                                 f"cột “{label}” của bảng {table.index + 1} ghi {_vi(value, places_of(value))} ở "
                                 f"dòng “{table.rows[row].unit}”", st, table=table.index, row=row, column=key,
                                 reported=str(st.value), expected=str(value))
            continue
        rates = [r for t in report.tables if rows[t.index] is not None
                 for r in [_rate_in(t, rows[t.index], said)] if r is not None]
        if not rates:
            continue
        fitting = [r for r in rates
                   if any(agrees(st.value, v) for v in (r.value, _of_units(r), *(a for _, a in r.also)))]
        rate = (fitting or rates)[0]
        if len(rates) > 1 and not fitting and not st.unit and not st.tier:  # the one of the figures stated before
            pick = _anchored(report, st, [(r.table, r.row) for r in rates])
            rates = [rates[pick]] if pick is not None else rates
            rate = rates[0]
        told = [r for r in rates if _said_before(st, r)]
        if not fitting and told and len({r.value for r in told}) == 1:
            rates = told[:1]  # the row whose figures the sentence itself states (in a table or two)
            rate = told[0]
        sure = len(rates) == 1 and (rate.sure or rate in told)
        if fitting or sure:
            ctx.ledger.statement_checked(st, "rate-of-named-columns")
            ctx.ledger.table_checked(rate.table.index, "rate-of-named-columns",
                                     [(rate.row, c.key) for c in (rate.whole, *rate.parts)])
        if fitting:
            continue
        places = max(places_of(st.value), 2)
        parts = " + ".join(f"{c.label} {format_vi(_value(rate.table, rate.row, c.key), 0)}" for c in rate.parts)
        where = rate.table.rows[rate.row].unit
        yield finding_at("PERCENT_MISMATCH", "error" if sure else "warning",
                         f"Văn bản nêu tỷ lệ {subject.strip()} {_vi(st.value, places_of(st.value))} nhưng theo dòng "
                         f"“{where}” của bảng {rate.table.index + 1}: ({parts}) / {rate.whole.label} "
                         f"{format_vi(_value(rate.table, rate.row, rate.whole.key), 0)} = {_vi(rate.value, places)}"
                         + "".join(f" (tính cả “{c.label}”: {_vi(a, places)})" for c, a in rate.also),
                         st, table=rate.table.index, row=rate.row, column=rate.parts[0].key,
                         reported=str(st.value), expected=str(quantize(rate.value, places)))
