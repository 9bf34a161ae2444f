"""A fraction of the prose split into the fractions listed after it ("42/139
cơ quan, đơn vị (4/15 sở, ngành và 38/124 UBND cấp xã)", read by
read.statements_fractions): the numerators add up to the whole's numerator
and the denominators to its denominator."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Statement
from .prose_counts import finding_at, vi_number
from .registry import CheckContext, rule


def _members(report: Report, st: Statement) -> list[Statement]:
    """The fraction statements the split names: its whole and its parts."""
    at = {st.raw.get("whole_at"), *st.raw.get("parts_at", "").split(",")}
    return [o for o in report.statements if o.paragraph == st.paragraph and o.kind == "fraction"
            and o.raw.get("at") in at]


@rule("SUM_MISMATCH", "Các phân số thành phần không cộng lại bằng phân số tổng nêu trong văn bản")
def fraction_parts(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một phân số x/y trong lời văn và các phân số thành phần liệt kê ngay
    sau nó (trong ngoặc hoặc sau "gồm"): tổng các tử số bằng x và tổng các mẫu số bằng y.
    Chỉ đọc khi một trong hai tổng khớp đúng (danh sách thật sự chia phân số ấy); tổng
    kia lệch là lỗi.
    Vì sao: số đơn vị được kiểm tra của từng cấp được cộng tay; sửa một số mà không sửa
    tổng là lỗi hay gặp.
    Ví dụ sai: "đã kiểm tra 42/139 cơ quan, đơn vị (5/15 sở, ngành và 38/124 UBND cấp xã)".
    Ví dụ đúng: "đã kiểm tra 42/139 cơ quan, đơn vị (4/15 sở, ngành và 38/124 UBND cấp xã)"."""
    for st in report.statements:
        if st.kind != "sum" or not st.raw.get("fraction_parts") or st.whole is None:
            continue
        ctx.ledger.statement_checked(st, "fraction-parts-sum")
        for member in _members(report, st):
            ctx.ledger.statement_checked(member, "fraction-parts-sum")
        total = sum(st.parts, Decimal(0))
        if total == st.whole:
            continue
        what = "tử số" if st.raw["fraction_parts"] == "num" else "mẫu số"
        yield finding_at("SUM_MISMATCH", "error",
                         f"Các {what} của phân số thành phần {' + '.join(vi_number(p) for p in st.parts)} = "
                         f"{vi_number(total)}, không bằng {what} {vi_number(st.whole)} của phân số tổng",
                         st, reported=str(st.whole), expected=str(total))
