"""Points x/y of the whole assessment stated in the prose ("Tổng điểm tự
đánh giá của Sở Xây dựng đạt 60,63/68,5 điểm") held to the total row of a
criteria table ("TỔNG ĐIỂM | 68,5 | 60,63 | 48,591"): the row whose cell under
a maximum's header ("Điểm chuẩn", "Điểm tối đa") is y holds x in one of its
other columns — in the column of the stage the sentence says ("tự đánh giá",
"thẩm định") when it says one.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi
from ..text.labels import stat_of
from .prose_counts import finding_at
from .prose_unit_cells import stage
from .prose_unit_rows import agrees
from .registry import CheckContext, rule

_MAX_HEAD = re.compile(r"chuẩn|tối\s*đa|thang\s+điểm", re.I)


class TotalCell(NamedTuple):
    table: ScoreTable
    row: int
    key: str
    label: str
    value: Decimal


def _total_cells(report: Report, whole: Decimal) -> list[TotalCell]:
    """The value cells of the total rows whose maximum cell is ``whole``."""
    out = []
    for t in report.tables:
        maxima = [c for c in t.columns if _MAX_HEAD.search(c.label or "")]
        for i, r in enumerate(t.rows):
            if stat_of(r.unit or "") != "sum" or not any(r.scores.get(c.key) == whole for c in maxima):
                continue
            out.extend(TotalCell(t, i, c.key, c.label, v) for c in t.columns
                       if c not in maxima and isinstance(v := r.scores.get(c.key), Decimal))
    return out


def _sentence_before(report: Report, st: Statement) -> str:
    text = next((p.text for p in report.paragraphs if p.index == st.paragraph), "")
    at = st.at if st.at is not None else text.find(st.text)
    if at < 0:
        return ""
    start = max((m.end() for m in re.finditer(r"[.!?;]\s", text[:at])), default=0)
    return text[start:at]


@rule("QUANTITY_CONFLICT", "Tổng điểm x/y nêu trong lời văn khác dòng tổng của bảng tiêu chí")
def points_vs_total_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tổng điểm x/y lời văn nêu ("Tổng điểm tự đánh giá của Sở Xây dựng đạt
    60,63/68,5 điểm") so với dòng tổng của bảng tiêu chí ("TỔNG ĐIỂM") có ô điểm chuẩn
    (tối đa) bằng y: x phải là một ô điểm của dòng ấy — ô của cột giai đoạn câu văn nêu
    ("tự đánh giá", "thẩm định") khi câu nêu. Là lỗi khi chỉ một ô có thể là số ấy
    (cột giai đoạn được nêu, hay dòng chỉ có một cột điểm); nhiều ô thì là cảnh báo.
    Vì sao: tổng điểm trong lời văn chép từ bảng; bảng sửa sau thì lời văn sai theo.
    Ví dụ sai: dòng TỔNG ĐIỂM ghi 68,5 | 60,63 | 48,591 mà văn bản viết "Tổng điểm tự
    đánh giá đạt 61,63/68,5 điểm".
    Ví dụ đúng: "Tổng điểm tự đánh giá đạt 60,63/68,5 điểm"."""
    for st in report.statements:
        if st.kind != StatementKind.SCORE or st.numerator is None or not st.denominator:
            continue
        cells = _total_cells(report, st.denominator)
        if not cells:
            continue
        said = stage(_sentence_before(report, st))
        staged = [c for c in cells if said and stage(c.label) == said]
        pool = staged if len(staged) == 1 else cells
        hits = [c for c in pool if agrees(st.numerator, c.value)]
        sure = len(pool) == 1
        if hits or sure:
            c = (hits or pool)[0]
            ctx.ledger.statement_checked(st, "points-vs-total-row")
            ctx.ledger.table_checked(c.table.index, "points-vs-total-row", [(c.row, c.key)])
        if hits:
            continue
        c = pool[0]
        shown = "; ".join(f"“{x.label}”: {format_vi(x.value)}" for x in pool[:3])
        yield finding_at("QUANTITY_CONFLICT", "error" if sure else "warning",
                         f"Văn bản nêu {format_vi(st.numerator)}/{format_vi(st.denominator)} điểm nhưng dòng "
                         f"“{c.table.rows[c.row].unit}” của bảng {c.table.index + 1} ghi {shown}"
                         + ("" if sure else " (không rõ văn bản nói tới cột nào)"), st,
                         table=c.table.index, row=c.row, column=c.key, reported=str(st.numerator),
                         expected=str(c.value) if sure else None)
