"""A row of rates over two rows of counts, in a table whose columns are
periods or places and whose rows are measures ("Tháng 1 … Tháng 12 | Lũy
kế" over "Số hồ sơ tiếp nhận | Trực tuyến | Tỷ lệ hồ sơ trực tuyến (%)"):
the rate row is the part row over the whole row × 100 in every column.

The part and the whole are found by fit, as a reader checks the first
columns: of every pair of count rows of the table, the one the rate agrees
with (rounded or cut to its places, :func:`.relations_support.ratio_holds`)
in the most columns, adopted on at least MIN_ROWS columns and SHARE of them
(or all but one); of pairs that fit as well, the one whose part row says
the most words of the rate row. Each column that breaks it is an error.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report
from ..text import fold
from .registry import CheckContext, rule
from .relations_frame import Row, RowKind
from .relations_support import adopted, col_name, finding, frames, ratio_holds, record, states_percent, vi, where


@rule("RATIO_MISMATCH", "Dòng tỷ lệ khác dòng phần / dòng tổng × 100 ở một cột")
def rate_row_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng mà mỗi dòng là một chỉ tiêu và mỗi cột là một kỳ hay một
    nơi (Tháng 1 … Tháng 12, Lũy kế; các quý; các đơn vị), dòng "Tỷ lệ … (%)" bằng
    dòng phần chia dòng tổng × 100 ở từng cột — cặp dòng được chọn theo độ khớp (ít nhất
    3 cột và 80%, hoặc mọi cột trừ một), làm tròn như bảng ghi; cột lệch là lỗi.
    Vì sao: tỷ lệ theo tháng hay được chép từ bảng tính kỳ trước, hoặc tính trên
    tổng của tháng khác.
    Ví dụ sai: tháng 3 tiếp nhận 1.200 hồ sơ, trực tuyến 900, dòng tỷ lệ ghi 80,00%.
    Ví dụ đúng: dòng tỷ lệ ghi 75,00% (900 / 1.200 × 100)."""
    for frame in frames(report):
        if frame.transposed:
            continue
        rows = [r for r in frame.rows if r.kind == RowKind.UNIT]
        rates = [r for r in rows if states_percent(r.label or "")]
        counts = [r for r in rows if r not in rates]
        if not rates or len(counts) < 2:
            continue
        cols = [c for c in frame.nums() if c.role != "percent"]
        if len(cols) < 3:
            continue
        for rate in rates:
            best = _best_pair(rate, counts, cols)
            if best is None:
                continue
            part, whole, checks = best
            record(ctx, frame, "rate-row-ratio",
                   [(r, c) for c, _ in checks for r in (rate, part, whole)])
            for col, ok in checks:
                if ok:
                    continue
                written, p, w = rate.value(col.index), part.value(col.index), whole.value(col.index)
                exact = p / w * 100
                yield finding("RATIO_MISMATCH", "error",
                              f"{where(rate)}: cột {col_name(col)} ghi {vi(written)}% nhưng “{where(part)}” / "
                              f"“{where(whole)}” × 100 = {vi(p)} / {vi(w)} × 100 = "
                              f"{vi(exact.quantize(written))}%",
                              frame, rate, col, written, exact.quantize(written))


def _best_pair(rate: Row, counts: list[Row], cols: list) -> tuple[Row, Row, list] | None:
    """(part row, whole row, [(column, holds)]) the rate row follows best."""
    said = set(fold(rate.label or "").split())
    best = None
    for whole in counts:
        for part in counts:
            if part is whole:
                continue
            checks = []
            for col in cols:
                v, p, w = rate.value(col.index), part.value(col.index), whole.value(col.index)
                if v is None or p is None or w is None or w <= 0 or p > w:
                    continue
                checks.append((col, ratio_holds(v, p, w)))
            holds = sum(1 for _, ok in checks if ok)
            if not adopted(holds, len(checks)) or all(part.value(c.index) == 0 for c, _ in checks):
                continue
            key = (holds, len(said & set(fold(part.label or "").split())))
            if best is None or key > best[0]:
                best = (key, part, whole, checks)
    return best[1:] if best else None
