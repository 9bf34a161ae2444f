"""A share whose whole the prose names but does not write ("3.065 hồ sơ,
chiếm 46,9% tổng số hồ sơ tiếp nhận") held to the total row of the one
column those words name ("Số hồ sơ tiếp nhận" | … | "Tổng cộng" 6.680):
part / total × 100, rounded as the percent is written. The naming is
:mod:`reportgen.checks.prose_named`'s; the total row, a "Tổng cộng" (or
"Cộng", "Toàn tỉnh") row the table has once.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_vi, places_of, quantize
from .prose_counts import finding_at
from .prose_named import _columns, _named, _value
from .prose_rows import share_fits
from .prose_totals import _total_rows
from .registry import CheckContext, rule

_OF_TOTAL = re.compile(r"\s*(?:của\s+|trên\s+|so\s+với\s+)?tổng\s+số\s+(?P<of>[^\W\d][^.,;:()\d]{2,60})", re.I)
_HUNDRED = Decimal(100)
_COUNTED = re.compile(r"\s*\d[\d.,]*\s+([^\W\d][^,;:()\d]{0,30}?)\s*[,;:(]")


def _of_all(st, named: list) -> list:
    """Of the total rows of one column in several tables (Phụ lục I by level,
    Phụ lục II one level's units), the one a share naming no unit is of: one
    it fits, else the one total larger than every other — the document's
    own, of which the others are parts."""
    fitting = [(c, w) for c, w in named if share_fits(st.value, w, st.percent)]
    if fitting:
        return fitting[:1]
    if st.unit or st.tier:  # a unit's or a level's share: not the document's
        return named
    largest = max(w for _, w in named)
    widest = [(c, w) for c, w in named if w == largest]
    return widest if len(widest) == 1 else named


@rule("PERCENT_MISMATCH", "Tỷ lệ trên tổng số mà lời văn gọi tên khác dòng tổng của cột mang tên ấy")
def share_of_named_total(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ mà lời văn nêu là "trên tổng số …" mà không ghi số tổng
    ("3.065 hồ sơ, chiếm 46,9% tổng số hồ sơ tiếp nhận") so với dòng tổng ("Tổng cộng")
    của cột duy nhất mà những chữ ấy gọi tên trong bảng: số đếm chia số tổng nhân 100,
    làm tròn như văn bản viết.
    Vì sao: số tổng được sửa trong bảng mà tỷ lệ trong lời văn không được tính lại.
    Ví dụ sai: bảng có tổng số hồ sơ tiếp nhận 6.680, văn bản viết "3.065 hồ sơ, chiếm
    46,9% tổng số hồ sơ tiếp nhận" (3.065 / 6.680 = 45,9%).
    Ví dụ đúng: "3.065 hồ sơ, chiếm 45,9% tổng số hồ sơ tiếp nhận"."""
    columns = _columns(report)
    totals = _total_rows(report)
    texts = {p.index: p.text for p in report.paragraphs}
    for st in report.statements:
        if st.kind != StatementKind.SHARE or st.whole is not None or st.value is None or st.percent is None:
            continue
        text = texts.get(st.paragraph, "")
        at = text.find(st.text)
        m = _OF_TOTAL.match(text, at + len(st.text)) if at >= 0 else None
        if m is None:
            continue
        words = " ".join(m.group("of").split())
        counted = _COUNTED.match(st.text)  # "5.485 hồ sơ, chiếm …": what the part counts names no column
        named = [(c, w) for c in _named(columns, words, words, counted.group(1) if counted else "")
                 if c.table.index in totals
                 for w in [_value(c.table, totals[c.table.index], c.key)] if w is not None and w > 0 and w >= st.value]
        if len(named) > 1:  # the column in several tables (levels, then one level's units)
            named = _of_all(st, named)
        if len(named) != 1:
            continue
        col, whole = named[0]
        row = totals[col.table.index]
        ctx.ledger.statement_checked(st, "share-of-named-total")
        ctx.ledger.table_checked(col.table.index, "share-of-named-total", [(row, col.key)])
        if share_fits(st.value, whole, st.percent):
            continue
        places = max(places_of(st.percent), 1)
        exact = quantize(st.value / whole * _HUNDRED, places)
        yield finding_at("PERCENT_MISMATCH", "error",
                         f"{format_vi(st.value, 0)} trên tổng số {words} {format_vi(whole, 0)} (dòng "
                         f"“{col.table.rows[row].unit}” của cột “{col.label}”, bảng {col.table.index + 1}) là "
                         f"{format_vi(exact, places, fixed=True)}%, không phải "
                         f"{format_vi(st.percent, places_of(st.percent), fixed=True)}%", st,
                         table=col.table.index, column=col.key, reported=str(st.percent), expected=str(exact))
