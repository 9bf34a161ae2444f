"""Shares of the units by grade ("02 đơn vị đạt loại Khá (chiếm 20,00%)")
that state no whole of their own: their whole is the population the grade
counts of the same passage describe — the graded table's units.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_count, format_vi, places_of, quantize
from .prose_counts import finding_at
from .prose_rows import graded, has_grade, scope_group, scopes, share_fits, share_of_count, unit_grades
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)

@rule("PERCENT_MISMATCH", "Tỷ lệ đơn vị theo xếp loại khác số đơn vị của bảng kết quả")
def grade_share_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tỷ lệ đi kèm số đơn vị theo xếp loại ("02 đơn vị đạt loại
    Khá (chiếm 20,00%)") mà câu không nêu tổng số: tổng là số đơn vị được xếp
    loại trong bảng kết quả mà đoạn văn nói tới. Tỷ lệ khớp số đơn vị của
    bảng mà không khớp số đếm ghi trong câu thì số đếm là chỗ sai (đã nêu ở
    GRADE_COUNT_MISMATCH), không phải tỷ lệ. Là lỗi khi bảng được xác định
    chắc chắn (theo tên đơn vị, theo mẫu số) hoặc khi các tỷ lệ khác của đoạn
    (ít nhất hai, chỉ trừ tỷ lệ này) đều khớp số đơn vị của bảng; còn lại là
    cảnh báo.
    Vì sao: tỷ lệ được tính tay, hay bị chép từ dòng bên cạnh.
    Ví dụ sai: bảng 10 đơn vị, "02 đơn vị đạt loại Khá (chiếm 30,00%)".
    Ví dụ đúng: "02 đơn vị đạt loại Khá (chiếm 20,00%)"."""
    shares = [st for st in report.statements if st.kind == StatementKind.SHARE and st.percent is not None]
    for statements in scopes(report).values():
        counts = unit_grades(statements)
        paired = [(c, s) for c in counts if (s := share_of_count(c, shares)) is not None]
        if not paired:
            continue
        group, sure = scope_group(report, statements)
        if not group:
            continue
        whole = len(group)
        fitting = [s for _, s in paired if share_fits(s.value, whole, s.percent)]
        # shares of the passage's grade counts whose stated whole is the table's units ("… của 13 xã,
        # phường": 04 đạt loại Tốt (30,77%)) confirm it as the others' paired do
        fitting += [s for s in shares if s.paragraph in {c.paragraph for c in counts} and s.whole == whole
                    and not s.whole_inferred and s not in fitting and any(s.value == c.count for c in counts)
                    and share_fits(s.value, whole, s.percent)]
        # the passage's other shares are of the table's units: the whole is confirmed
        confirmed = len(fitting) >= 2 and len(fitting) >= len(paired) - 1
        for count, share in paired:
            ctx.ledger.statement_checked(share, "grade-share-table")
            if share_fits(share.value, whole, share.percent):
                continue
            in_table = sum(1 for ref in group if has_grade(ref[2], graded(count)))
            if share_fits(Decimal(in_table), whole, share.percent):
                continue  # the percent is the table's: the count is the slip (GRADE_COUNT_MISMATCH)
            places = max(places_of(share.percent), 2)
            exact = quantize(share.value / whole * _HUNDRED, places)
            yield finding_at("PERCENT_MISMATCH", "error" if sure or confirmed else "warning",
                             f"{format_count(count.count)} trên {whole} đơn vị được xếp loại trong bảng "
                             f"{group[0][0] + 1} là {format_vi(exact, places, fixed=True)}%, không phải "
                             f"{format_vi(share.percent, places_of(share.percent), fixed=True)}%", share,
                             table=group[0][0], reported=str(share.percent), expected=str(exact))
