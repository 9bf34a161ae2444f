"""Shares written across a row: the percents of one whole split into parts
("Tỷ lệ đơn vị theo xếp loại (%)": Xuất sắc | Tốt | Khá | Trung bình | Yếu),
which add up to 100 on every row. Found from the table's own figures and
adopted by the rule of :mod:`.relations_support`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import adopted, col_name, finding, frames, half_unit, record, vi, where

HUNDRED = Decimal(100)


@rule("SUM_MISMATCH", "Các tỷ lệ thành phần ghi trên một dòng không cộng lại bằng 100%")
def row_shares(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng có từ 3 cột tỷ lệ trở lên mà trên phần lớn các dòng
    (ít nhất 3 dòng và 80%) các tỷ lệ cộng lại đúng 100% — mỗi dòng chia
    một tổng thành các phần (tỷ lệ đơn vị theo từng xếp loại, cơ cấu hồ sơ
    theo hình thức nộp): mọi dòng phải cộng lại bằng 100%, trong sai số làm
    tròn của các phần; bảng ngắn: hai dòng có từ 3 phần khác 0 cộng lại
    đúng 100% và hơn nửa số dòng là đủ. Dòng toàn số 0 (không có đơn vị nào)
    không xét.

    Vì sao: sửa một tỷ lệ mà không sửa các phần còn lại, hoặc chép tỷ lệ
    của loại bên cạnh, làm dòng không còn cộng lại bằng 100%; không phép
    cộng nào theo cột thấy được.

    Ví dụ sai: Xuất sắc 50,00 | Tốt 50,00 | Khá 16,67 | Trung bình 16,67 |
    Yếu 0,00 (cộng 133,34%).

    Ví dụ đúng: 16,67 | 50,00 | 16,67 | 16,67 | 0,00 (cộng 100,01%, trong
    sai số làm tròn).
    """
    for frame in frames(report):
        found = _shares(frame)
        if found is None:
            continue
        cols, checks = found
        record(ctx, frame, "row-shares-sum-to-100", [(row, col) for row, *_ in checks for col in cols])
        for row, total, ok in checks:
            if ok:
                continue
            yield finding("SUM_MISMATCH", "error",
                          f"{where(row)}: các tỷ lệ {', '.join(col_name(c) for c in cols)} cộng lại "
                          f"{vi(total)}%, không phải 100% (các dòng khác của bảng đều cộng lại 100%)",
                          frame, row, None, total, HUNDRED)


def _shares(frame: Frame) -> tuple[list[Col], list[tuple[Row, Decimal, bool]]] | None:
    """(the share columns, (row, sum, holds) per row) when the table's
    percent columns add up to 100 across its rows, else None."""
    cols = frame.nums("percent")
    if len(cols) < 3:
        return None
    checks = []
    for row in frame.rows:
        if row.kind == RowKind.HEADING:
            continue
        values = [row.value(c.index) for c in cols]
        if any(v is None for v in values) or not any(values):
            continue
        total = sum(values, Decimal(0))
        slack = sum((half_unit(v, c.precision) for v, c in zip(values, cols)), Decimal(0))
        checks.append((row, total, abs(total - HUNDRED) <= slack))
    holds = sum(1 for *_, ok in checks if ok)
    # Three or more parts adding up to 100 exactly is no chance: two such rows of three are enough.
    telling = sum(1 for row, _, ok in checks if ok and sum(1 for c in cols if row.value(c.index)) >= 3)
    return (cols, checks) if adopted(holds, len(checks)) or (telling >= 2 and 2 * holds > len(checks)) else None


def rounded_shares_total(frame: Frame, row: Row, col: Col) -> bool:
    """A "Tổng cộng" row of shares that adds the rounded shares of the units
    (33,34 + 33,33 + 33,34 = 100,01): above 100 by no more than their
    rounding, it is the sum as written, no percent over 100."""
    if row.kind != RowKind.STAT or row.stat != "sum":
        return False
    cell = row.cells.get(col.index)
    parts = [r.value(col.index) for r in frame.units if r.value(col.index) is not None]
    if cell is None or len(parts) < 2:
        return False
    slack = sum((half_unit(p, col.precision) for p in parts), Decimal(0))
    return cell.value == sum(parts, Decimal(0)) and cell.value - 100 <= slack
