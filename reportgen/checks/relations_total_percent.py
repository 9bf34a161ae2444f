"""The index a score sheet of criteria writes under its total row: "Tổng
điểm | 100 | 95,75 | 93,75" then "Chỉ số CCHC (%) | | | 93,75" — in each
column where it has a figure, that column's total over the total row's
maximum × 100 (the per-row maximum column, "Điểm tối đa", "Điểm chuẩn").
The row's label says a percent ("(%)", "Tỷ lệ", "Chỉ số … (%)"); the sheet
states its maximum on the total row. A row of no such sheet is left alone."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Frame, Row, RowKind
from .relations_support import MIN_ROWS, col_name, finding, frames, half_unit, record, short, vi

_HUNDRED = Decimal(100)
_PERCENT_ROW = re.compile(r"\(\s*%\s*\)|%\s*$|^\s*(?:tỷ|tỉ)\s*lệ", re.I)


def _total_and_index(frame: Frame) -> tuple[Row, Row] | None:
    """The total row and the unnumbered percent row right after it, or None."""
    rows = frame.rows
    for k, row in enumerate(rows[:-1]):
        if row.kind == RowKind.STAT and row.stat == "sum":
            nxt = rows[k + 1]
            if nxt.path is None and _PERCENT_ROW.search(nxt.label or ""):
                return row, nxt
    return None


@rule("RATIO_MISMATCH", "Dòng chỉ số (%) dưới dòng tổng khác tổng điểm chia điểm tối đa × 100")
def total_row_percent(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Chỉ số … (%)" ngay dưới dòng "Tổng điểm" của bảng chấm điểm
    có cột điểm tối đa: ở mỗi cột có số, chỉ số = tổng điểm của cột / điểm tối đa ở dòng
    tổng × 100, làm tròn như bảng ghi.
    Vì sao: chỉ số thường tính tay từ tổng điểm; sửa tổng mà quên chỉ số, hay chia nhầm
    cho 100 khi điểm tối đa là 95, là lỗi hay gặp.
    Ví dụ sai: "Tổng điểm | 95 | 77,25 | 74,00" rồi "Chỉ số CCHC (%) | | | 74,00".
    Ví dụ đúng: "Chỉ số CCHC (%) | | | 77,89" (74,00 / 95 × 100)."""
    for frame in frames(report):
        maxima = frame.nums("max")
        # units as columns (three or more) are relations_index_row's: one sheet's stages here
        pair = _total_and_index(frame) if len(maxima) == 1 and len(frame.nums("value")) < MIN_ROWS else None
        if pair is None:
            continue
        total, index = pair
        top = total.value(maxima[0].index)
        if not top:
            continue
        for col in frame.nums():
            written, points = index.value(col.index), total.value(col.index)
            if col is maxima[0] or written is None or points is None:
                continue
            exact = points / top * _HUNDRED
            record(ctx, frame, "total-row-percent", [(index, col), (total, col), (total, maxima[0])])
            if abs(exact - written) <= half_unit(written) or exact.quantize(written) == written:
                continue
            yield finding("RATIO_MISMATCH", "error",
                          f"{short(index.label)}: cột {col_name(col)} ghi {vi(written)} nhưng {vi(points)} / "
                          f"{vi(top)} × 100 = {vi(exact, 2)}", frame, index, col, written,
                          exact.quantize(Decimal("0.01")))
