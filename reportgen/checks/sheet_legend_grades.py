"""The grades of a score sheet bound to a scheme held to the bands the
document states (its legend), where the relations could not read the sheet's
grades themselves (``grade-follows-bands`` not on the table: a sheet with its
units as columns, whose "Xếp loại" row the reader turned into each unit's
grade). The scheme's bands never apply where the document states its own
(``tables.grade_mismatch`` steps aside), so without this rule such grades
went unchecked and unsaid.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, GradeBand, Report, TableKind
from ..numbers import format_vi
from ..scoring import HUNDRED, applicable_max
from .dash_max import table_scheme
from .registry import CheckContext, rule
from .table_support import finding

_EDGE = Decimal("0.01")


def holds(band: GradeBand, value: Decimal) -> bool:
    """Whether ``value`` lies in ``band``, each end as the legend writes it."""
    above = band.lower is None or value > band.lower or (band.lower_inclusive and value == band.lower)
    below = band.upper is None or value < band.upper or (band.upper_inclusive and value == band.upper)
    return above and below


def near_edge(band: GradeBand, value: Decimal) -> bool:
    """Within a hundredth of one of the band's ends: a doubt, not a slip."""
    return any(edge is not None and abs(value - edge) < _EDGE for edge in (band.lower, band.upper))


@rule("GRADE_BAND_MISMATCH", "Xếp loại của đơn vị trong bảng điểm khác khung xếp loại văn bản nêu")
def sheet_grades_vs_legend(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: xếp loại từng đơn vị của bảng điểm theo bộ chỉ số (kể cả bảng ghi đơn
    vị theo cột, dòng "Xếp loại" dưới dòng tổng điểm) so với khung xếp loại chính văn bản
    nêu: khung theo tỷ lệ thì lấy tỷ lệ bảng ghi cho đơn vị, không có thì tổng điểm / điểm
    tối đa áp dụng × 100; khung theo điểm thì lấy tổng điểm. Số sát mép khung (chênh dưới 0,01) chỉ là cảnh báo.
    Vì sao: văn bản nêu khung riêng thì khung của bộ chỉ số không áp dụng; nếu không đối
    chiếu theo khung văn bản nêu, xếp loại của bảng không được kiểm tra.
    Ví dụ sai: khung "Tốt: từ 80% đến dưới 90%", Xã Bình Minh 74,35/100 điểm "Tốt".
    Ví dụ đúng: 74,35/100 điểm "Khá"."""
    bands = report.grade_legend
    units = {b.unit for b in bands}
    if not bands or len(units) != 1:
        return
    by_name = {b.grade.casefold(): b for b in bands}
    aliases = {k.casefold(): v for k, v in report.grade_aliases.items()}
    for table in report.tables:
        entry = ctx.ledger.tables.get(table.index)
        scheme = ctx.scheme_of(table) if table.kind == TableKind.SCORES else None
        if scheme is None or (entry is not None and "grade-follows-bands" in entry.relations):
            continue
        scheme = table_scheme(table, scheme)
        for i, row in enumerate(table.rows):
            name = " ".join((row.grade or "").split()).casefold()
            band = by_name.get(name) or by_name.get(aliases.get(name, "").casefold())
            if band is None or row.total is None:
                continue
            top = row.max or applicable_max(row.scores, scheme)
            if units == {"percent"} and not top and row.percent is None:
                continue
            # bands of percents: the row's own percent where the sheet states it ("Tỷ lệ (%)" over the maximum
            # that applies to the unit, 79,37/90 = 88,19), else its total over its maximum
            value = (row.percent if row.percent is not None else row.total * HUNDRED / top) \
                if units == {"percent"} else row.total
            ctx.ledger.table_checked(table.index, "grade-follows-bands", [(i, "grade"), (i, "total")])
            if holds(band, value):
                continue
            right = [b.grade for b in bands if holds(b, value)]
            sign = "%" if units == {"percent"} else " điểm"
            yield finding("GRADE_BAND_MISMATCH", "warning" if near_edge(band, value) else "error",
                          f"Xếp loại ghi {band.grade} nhưng {format_vi(value, 2, fixed=True)}{sign} thuộc loại "
                          f"{', '.join(right) or 'không loại nào'} theo khung văn bản nêu (“{band.text}”)",
                          table, i, row, "grade", row.grade, right[0] if len(right) == 1 else None)
