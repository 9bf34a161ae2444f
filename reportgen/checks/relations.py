"""Relations a table obeys by its columns, inferred from the table itself:
maxima and percents (ratios: :mod:`.relations_ratios`; sums of columns:
:mod:`.relations_sums`). Every numeric table is looked at, whatever its
scheme; the adoption rule is in :mod:`.relations_support`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row, RowKind
from .relations_ratios import best_ratio
from .relations_row_shares import rounded_shares_total
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    finding,
    frames,
    record,
    scheme_checks,
    short,
    states_percent,
    value_rows,
    vi,
    where,
)

_GROWTH = re.compile(r"tăng|giảm|so\s*với|so\s*sánh|chênh|biến\s*động")


# ------------------------------------------------------------------------------ maxima

@rule("VALUE_EXCEEDS_MAX", "Giá trị vượt điểm tối đa ghi ở tiêu đề cột, ở cột điểm chuẩn của dòng, hoặc ở ô x/y")
def value_exceeds_max(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: mỗi số không lớn hơn điểm tối đa của nó — tối đa ghi ở
    tiêu đề cột ("Tối đa 20 điểm", "(12đ)", "[6 điểm]"), ở cột "Điểm chuẩn" /
    "Điểm tối đa" của cùng dòng, hoặc mẫu số của ô "x/y".

    Vì sao: điểm vượt tối đa là lỗi gõ hoặc lỗi cộng chắc chắn, dù bảng
    theo bộ chỉ số nào.

    Ví dụ sai: cột "Điểm đạt (Tối đa 12 điểm)" ghi 13,5; dòng có "Điểm chuẩn
    tối đa" 89,00 mà "Điểm đạt được" 92,78; ô "17 / 15".

    Ví dụ đúng: 11,75 trong cột tối đa 12 điểm; 82,78 với điểm chuẩn 89,00.
    """
    for frame in frames(report):
        rows = value_rows(frame)
        for col in frame.nums():
            if col.role == "percent":
                continue
            checked = []
            quiet = scheme_checks(frame, col, "max")
            header_max = col.max is not None and col.role != "max"
            if header_max and not quiet and not _header_max_holds(rows, col):
                header_max = False  # most figures above it: a misread header or no maximum of this column
                yield finding("VALUE_EXCEEDS_MAX", "warning",
                              f"Cột {col_name(col)}: {_over_text(rows, col)} vượt điểm tối đa {vi(col.max)} đọc được ở "
                              f"tiêu đề cột — tiêu đề có thể bị đọc sai hoặc số đó không phải điểm tối đa của cột; "
                              f"chưa kết luận được ô nào sai", frame, None, col, None, col.max)
            for row in rows:
                cell = row.cells.get(col.index)
                if cell is None:
                    continue
                if header_max:
                    checked.append((row, col))
                    if cell.value > col.max and not quiet:
                        yield finding("VALUE_EXCEEDS_MAX", "error",
                                      f"{where(row)}: cột {col_name(col)} ghi {cell.text.strip()} vượt điểm tối đa "
                                      f"{vi(col.max)} ghi ở tiêu đề cột", frame, row, col, cell.value, col.max)
                        continue
                if cell.denominator is not None and row.kind == RowKind.UNIT:
                    checked.append((row, col))
                    if cell.value > cell.denominator and not quiet:
                        yield finding("VALUE_EXCEEDS_MAX", "error",
                                      f"{where(row)}: cột {col_name(col)} ghi {short(cell.text, 20)}: tử số "
                                      f"{vi(cell.value)} lớn hơn mẫu số (điểm tối đa) {vi(cell.denominator)}",
                                      frame, row, col, cell.value, cell.denominator)
            if checked:
                record(ctx, frame, "value-at-most-header-max", checked)
        yield from _row_maxima(frame, ctx)


def _header_max_holds(rows: list[Row], col: Col) -> bool:
    """The maximum a header states binds its column when the column's figures
    keep to it by the adoption rule (one slip above it among many is an
    error; most figures above it say the header is not their maximum)."""
    values = [c.value for r in rows if (c := r.cells.get(col.index)) is not None]
    within = sum(1 for v in values if v <= col.max)
    return len(values) < MIN_ROWS or adopted(within, len(values))


def _over_text(rows: list[Row], col: Col) -> str:
    values = [c.value for r in rows if (c := r.cells.get(col.index)) is not None]
    return f"{sum(1 for v in values if v > col.max)}/{len(values)} ô"


def _row_maxima(frame: Frame, ctx: CheckContext) -> Iterator[Finding]:
    """A value column bounded by a per-row maximum column on most rows."""
    units = frame.units
    for m in frame.nums("max"):
        for col in frame.nums("value"):
            pairs = [(r, r.value(col.index), r.value(m.index)) for r in units
                     if r.value(col.index) is not None and r.value(m.index) is not None]
            # a parent over its maximum because its child is ("1.1" over since "1.1.2" is) is no row more against it
            holds = len(pairs) - len(_innermost([p for p in pairs if p[1] > p[2]]))
            if not adopted(holds, len(pairs)) or all(v == mx for _, v, mx in pairs):
                continue
            # a row of percents whose "maximum" is 100 states no maximum of its own: ≤ 100 holds every percent
            scale = [p for p in pairs if p[2] == 100 and states_percent(p[0].label)]
            record(ctx, frame, "value-at-most-row-max",
                   [(r, c) for r, _, _ in pairs if all(r is not p[0] for p in scale) for c in (col, m)])
            if scale:
                record(ctx, frame, "percent-at-most-100", [(r, c) for r, _, _ in scale for c in (col, m)], bound=True)
            over = [p for p in pairs if p[1] > p[2]]
            # One value over its maximum is a slip; several in a column may be bonus points (điểm thưởng).
            severity = "error" if len(_innermost(over)) == 1 else "warning"
            for row, v, mx in over:
                if v > mx:
                    yield finding("VALUE_EXCEEDS_MAX", severity,
                                  f"{where(row)}: cột {col_name(col)} ghi {vi(v)} vượt {col_name(m)} của dòng "
                                  f"({vi(mx)})", frame, row, col, v, mx)


def _innermost(over: list[tuple]) -> list[tuple]:
    """The rows of ``over`` ((row, value, maximum)) that number no other
    row of it: "1" and "1.1" contain "1.1.2" by their numbering."""
    paths = [r.path for r, _, _ in over if r.path]
    return [p for p in over if not p[0].path
            or not any(q != p[0].path and q[:len(p[0].path)] == p[0].path for q in paths)]


# ------------------------------------------------------------------------------ percents

def _percent_col_ok(col: Col) -> bool:
    return col.role == "percent" and not _GROWTH.search(col.head)


@rule("PERCENT_OVER_100", "Tỷ lệ phần trăm lớn hơn 100%")
def percent_over_100(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một ô của cột tỷ lệ (tiêu đề "%", "Tỷ lệ", "Chỉ số" hoặc
    ô ghi "%"), hoặc một dòng có đơn vị tính "%", không lớn hơn 100.

    Vì sao: phần của một tổng không vượt tổng; tỷ lệ trên 100% là lỗi gõ
    (hoặc ghi số lượng vào chỗ tỷ lệ). Cột tăng/giảm, "so với" được bỏ qua.

    Ví dụ sai: "Tỷ lệ UBND cấp xã đã hoàn thành … | % | 124".

    Ví dụ đúng: "Tỷ lệ hồ sơ đúng hạn | % | 99,10"; cột "Tỷ lệ thực hiện (%)"
    bằng Thực hiện / Dự toán × 100 ở các dòng, hai dòng trở lên vượt dự toán
    (104,77%): đó là so sánh hai khoản, không phải tỷ lệ một phần.
    """
    for frame in frames(report):
        for col in frame.nums():
            if not _percent_col_ok(col):
                continue
            cells = []
            ratio = best_ratio(frame, col)
            # An amount over another ("Thực hiện / Dự toán", 104,77%) passes 100 where the part is
            # larger than the whole — on two rows or more: a share whose part passes its whole on
            # one row holds a slip. RATIO_MISMATCH checks the figure itself.
            beyond = {id(r) for r, _, a, b, _, _ in (ratio[1] if ratio else []) if a > b}
            if len(beyond) < 2:
                beyond = set()
            for row in value_rows(frame):
                cell = row.cells.get(col.index)
                if cell is None:
                    continue
                cells.append((row, col))
                if cell.value > 100 and id(row) not in beyond and not rounded_shares_total(frame, row, col):
                    yield finding("PERCENT_OVER_100", "error",
                                  f"{where(row)}: cột {col_name(col)} ghi {cell.text.strip()}, lớn hơn 100%",
                                  frame, row, col, cell.value, Decimal(100))
            if cells:
                record(ctx, frame, "percent-at-most-100", cells)
        yield from _percent_rows(frame, ctx)


def _percent_rows(frame: Frame, ctx: CheckContext) -> Iterator[Finding]:
    """Rows whose unit of measure is '%' (statistics tables: indicator | unit | value)."""
    unit_cols = [c for c in frame.cols if c.kind == ColKind.TEXT and re.search(r"đơn\s*vị\s*tính|đvt", c.head)]
    if not unit_cols:
        return
    table_grid = frame.table.grid
    cells = []
    for row in frame.rows:
        src = table_grid.rows[row.i].cells if table_grid is not None else []
        if not any(c.index < len(src) and src[c.index].strip() == "%" for c in unit_cols):
            continue
        if _GROWTH.search(row.label):
            continue
        for col in frame.nums():
            cell = row.cells.get(col.index)
            if cell is None:
                continue
            cells.append((row, col))
            if cell.value > 100:
                yield finding("PERCENT_OVER_100", "error",
                              f"{where(row)}: đơn vị tính là % nhưng cột {col_name(col)} ghi {cell.text.strip()}, "
                              f"lớn hơn 100%", frame, row, col, cell.value, Decimal(100))
    if cells:
        record(ctx, frame, "percent-at-most-100", cells)
