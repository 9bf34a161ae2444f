"""A numbered "Tỷ lệ …" item equals part / whole × 100 of its two items, when
the document obeys it at most such items. See :mod:`.relations_nesting`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_nesting import items_by_parent
from .relations_support import (
    address,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    places,
    record,
    vi,
    where,
)

# ------------------------------------------------------------------------------ a rate over its two items

def _rate_parents(frame: Frame) -> list[tuple[Row, Col, Decimal, Decimal, Decimal, list[Row]]]:
    """(parent, column, written rate, part, whole, the two items) for each
    numbered "Tỷ lệ …" row whose two items give the part and the whole (the larger)."""
    rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.HEADING)]
    out = []
    for parent, kids in items_by_parent(rows):
        if not parent.label.casefold().lstrip().startswith(("tỷ lệ", "tỉ lệ")) or len(kids) != 2:
            continue
        for col in frame.nums():
            cell = parent.cells.get(col.index)
            values = [k.value(col.index) for k in kids]
            if cell is None or any(v is None for v in values) or max(values) == 0:
                continue
            out.append((parent, col, cell.value, min(values), max(values), kids))
    return out


@rule("PARENT_RATIO_MISMATCH", "Mục “Tỷ lệ …” khác tỷ lệ tính từ hai mục con của nó (phần / tổng × 100)")
def parent_ratio_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng thống kê đánh số phân cấp, một mục "Tỷ lệ …"
    có đúng hai mục con (tổng số và số đạt) bằng mục nhỏ / mục lớn × 100 —
    khi quan hệ này đúng ở ít nhất 3 mục như vậy trong văn bản và 80% (hoặc
    mọi mục trừ một); báo mục lệch quá sai số làm tròn hoặc cắt bớt.

    Vì sao: tỷ lệ được chép từ số liệu của hai mục con; sửa một con số mà
    quên tỷ lệ là lỗi hay gặp của phụ lục thống kê.

    Ví dụ sai: "3.1. Tỷ lệ hồ sơ đúng hạn 98,10 | 3.1.1. Tổng số hồ sơ
    195.197 | 3.1.2. Số hồ sơ đúng hạn 193.457" (193.457 / 195.197 × 100 = 99,11).

    Ví dụ đúng: ghi 99,11 (hoặc 99,10 nếu bảng cắt bớt chữ số).
    """
    from .relations_support import ratio_tolerance

    tests = [(frame, t) for frame in frames(report) for t in _rate_parents(frame)]
    checks = []
    for frame, (parent, col, written, part, whole, kids) in tests:
        computed = part / whole * 100
        checks.append((frame, parent, col, written, part, whole, kids, computed,
                       abs(computed - written) <= ratio_tolerance(written, part, whole)))
    holds = sum(1 for c in checks if c[-1])
    if not adopted(holds, len(checks)):
        for frame, *_ in checks:
            doubt(ctx, frame, f"Mục “Tỷ lệ” bằng mục con nhỏ / mục con lớn ở {holds}/{len(checks)} chỗ: không áp dụng")
        return
    for frame, parent, col, written, part, whole, kids, computed, ok in checks:
        # the rate and both items: a changed item changes the ratio
        record(ctx, frame, "rate-equals-part-over-whole-of-items", [(r, col) for r in (parent, *kids)])
        if not ok:
            found = finding("PARENT_RATIO_MISMATCH", "error",
                            f"{where(parent)}: cột {col_name(col)} ghi {vi(written)} nhưng hai mục con cho "
                            f"{vi(part)} / {vi(whole)} × 100 = {vi(computed, 2)}",
                            frame, parent, col, written, computed.quantize(Decimal("0.01")))
            found.alternatives = _item_alternatives(frame, col, written, kids)
            yield found


def _item_alternatives(frame: Frame, col: Col, written: Decimal, kids: list[Row]) -> tuple:
    """The items the written rate implies: either item, set to what makes the rate hold with the
    other one as written — as the part (rate × the other / 100, at most the other) or as the whole
    (the other × 100 / rate, at least the other), the figure nearer the one written first. A slip in
    either item breaks the rate as a slip in the rate does ("Tỷ lệ 99,10 | Tổng số 195.197 | Đúng
    hạn 154.768": the second may be 193.440, the first 156.174)."""
    if written <= 0 or written > 100:
        return ()
    out = []
    for k, kid in enumerate(kids):
        other, old = kids[1 - k].value(col.index), kid.value(col.index)
        r, key = address(frame, kid, col)
        if other is None or old is None or r is None or not key:
            continue
        step = Decimal(1).scaleb(-places(old))
        # the nearer figure first: a slip moves one item, seldom swaps which is the part
        for value in sorted({(written * other / 100).quantize(step), (other * 100 / written).quantize(step)},
                            key=lambda v: abs(v - old)):
            if value >= 0 and value != old:
                out.append((frame.table.index, r, key, value))
    return tuple(out)
