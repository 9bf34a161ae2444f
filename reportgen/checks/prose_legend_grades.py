"""A grade the prose gives a figure it states ("Tổng điểm tự đánh giá … đạt
78,19/100 điểm, xếp loại Khá", "tương ứng Chỉ số CCHC đạt 89,76%, xếp loại
Khá") held to the bands the document itself states (its legend: "Khá: từ 70%
đến dưới 80%"): the figure, as a percent of its maximum for bands in percent
(a percent as it is), or as points for bands in points, lies in the band of
the grade written. A figure on a band's edge to within a hundredth is a
doubt, never an error. A percent's grade checked says nothing of the percent
itself, which stays a claim of its own.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_vi
from .prose_counts import finding_at
from .registry import CheckContext, rule
from .sheet_legend_grades import holds, near_edge

_HUNDRED = Decimal(100)


@rule("GRADE_BAND_MISMATCH", "Xếp loại lời văn nêu cho một số điểm khác khung xếp loại văn bản nêu")
def points_grade_vs_legend(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số điểm x/y hay tỷ lệ lời văn nêu kèm xếp loại ("đạt 78,19/100 điểm,
    xếp loại Khá", "Chỉ số CCHC đạt 89,76%, xếp loại Khá") so với khung xếp loại chính văn
    bản nêu: khung theo tỷ lệ thì lấy x/y × 100 (hay chính tỷ lệ), khung theo điểm thì
    lấy x; xếp loại ghi phải là loại có khung chứa số ấy. Số nằm sát mép khung (chênh
    dưới 0,01) chỉ là cảnh báo.
    Vì sao: xếp loại trong lời văn hay được sửa riêng, hoặc chép từ kỳ trước.
    Ví dụ sai: khung "Tốt: từ 80% đến dưới 90%", lời văn "đạt 78,19/100 điểm, xếp loại Tốt".
    Ví dụ đúng: "đạt 78,19/100 điểm, xếp loại Khá"."""
    bands = report.grade_legend
    if not bands:
        return
    for st in report.statements:
        if not st.grade_written:
            continue
        own = [b for b in bands if b.grade == st.grade_written]
        units = {b.unit for b in bands}
        if len(own) != 1 or len(units) != 1:
            continue
        percent = units == {"percent"}
        if st.kind == StatementKind.SCORE and st.numerator is not None and st.denominator:
            value = st.numerator * _HUNDRED / st.denominator if percent else st.numerator
            said = f"{format_vi(st.numerator)}/{format_vi(st.denominator)} điểm"
        elif st.kind == StatementKind.PERCENT and st.claim and percent and st.value is not None:
            value, said = st.value, f"{format_vi(st.value)}%"  # "Chỉ số CCHC đạt 89,76%, xếp loại Khá"
        else:
            continue
        if st.kind == StatementKind.SCORE:  # a percent's grade is checked here, not the percent itself
            ctx.ledger.statement_checked(st, "points-grade-vs-legend")
        if holds(own[0], value):
            continue
        right = [b.grade for b in bands if holds(b, value)]
        sign = "%" if percent else " điểm"
        shown = format_vi(value, 2, fixed=True)
        if st.kind == StatementKind.SCORE and percent:
            said += f" ({shown}%)"
        yield finding_at("GRADE_BAND_MISMATCH", "warning" if near_edge(own[0], value) else "error",
                         f"Văn bản nêu {said} xếp loại {st.grade_written} nhưng khung xếp loại văn bản nêu cho "
                         f"loại {st.grade_written} là “{own[0].text}”; {shown}{sign} thuộc loại "
                         f"{', '.join(right) or 'không loại nào'}", st,
                         column="grade", reported=st.grade_written, expected=right[0] if len(right) == 1 else None)
