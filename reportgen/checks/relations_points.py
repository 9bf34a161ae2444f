"""Points computed from rates, the QĐ 766 way: an indicator's points are
``rate × maximum / T`` capped at the maximum, where T is 100 (linear) or the
indicator's threshold (80 %, 50 %, 90 %: full points at or above it; see
DOMAIN.md §1.3). A table that pairs a rate column with a points column whose
maximum is known (in its header "Điểm đạt (Tối đa 6 điểm)", in a per-row
"Điểm tối đa" column, or as ``x/y``) is checked pair by pair; the threshold
is the one of these that fits the column (adopted on 3 rows and 80 %).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..numbers import places_of
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row
from .relations_support import adopted, col_name, doubt, finding, frames, half_unit, last_unit, record, vi, where

THRESHOLDS = (Decimal(100), Decimal(80), Decimal(50), Decimal(90))


def _pairs(frame: Frame) -> list[tuple[Col, Col]]:
    """(rate, points) columns of one indicator: the rate column and the next
    points column under the same group label (or right after it)."""
    cols = [c for c in frame.cols if c.kind == "num"]
    out = []
    for k, rate in enumerate(cols):
        if rate.role != "percent":
            continue
        for points in cols[k + 1:k + 2]:
            if points.role == "value" and (points.group == rate.group or not rate.group):
                out.append((rate, points))
    return out


def _maximum(row: Row, points: Col, frame: Frame) -> Decimal | None:
    cell = row.cells.get(points.index)
    if cell is not None and cell.denominator is not None:
        return cell.denominator
    return points.max


def _expected(rate: Decimal, maximum: Decimal, threshold: Decimal) -> Decimal:
    return maximum if rate >= threshold else rate * maximum / threshold


def _fit(frame: Frame, rate: Col, points: Col, threshold: Decimal) -> tuple[int, list]:
    checks, holds = [], 0
    for row in frame.units:
        r, p = row.cells.get(rate.index), row.cells.get(points.index)
        if r is None or p is None:
            continue
        maximum = _maximum(row, points, frame)
        if maximum is None or maximum == 0:
            continue
        want = _expected(r.value, maximum, threshold)
        tol = last_unit(p.value) + half_unit(r.value, rate.precision) * maximum / threshold
        ok = abs(want - p.value) <= tol
        holds += ok
        checks.append((row, r.value, p.value, maximum, want, ok))
    return holds, checks


@rule("POINTS_FROM_RATE_MISMATCH", "Điểm chỉ số khác điểm tính từ tỷ lệ (tỷ lệ × điểm tối đa / ngưỡng, QĐ 766)")
def points_from_rate_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: với mỗi cặp cột "Tỷ lệ (%)" – "Điểm" của một chỉ số có
    điểm tối đa (ở tiêu đề "Điểm đạt (Tối đa N điểm)", ở cột điểm tối đa,
    hoặc ô "x/y"), điểm = tỷ lệ × tối đa / ngưỡng, đạt đủ điểm khi tỷ lệ từ
    ngưỡng trở lên (ngưỡng 100, 80, 50 hoặc 90 theo QĐ 766, chọn ngưỡng khớp
    cột trên ít nhất 3 dòng và 80%); báo từng dòng lệch quá sai số làm tròn.
    Một cột tỷ lệ không bao giờ được đọc như cột điểm.

    Vì sao: điểm chép tay lệch với tỷ lệ là lỗi chấm; điểm vượt tối đa
    vì đọc nhầm cột tỷ lệ là lỗi đọc.

    Ví dụ sai: tỷ lệ 71,96%, tối đa 6 điểm, điểm 5,32 (71,96 × 6 / 100 = 4,32).

    Ví dụ đúng: tỷ lệ 71,96%, tối đa 6 điểm, điểm 4,32; tỷ lệ 85% với ngưỡng
    80% được đủ 6 điểm.
    """
    for frame in frames(report):
        for rate, points in _pairs(frame):
            best = None
            for threshold in THRESHOLDS:
                holds, checks = _fit(frame, rate, points, threshold)
                if adopted(holds, len(checks)) and (best is None or holds > best[0]):
                    best = (holds, checks, threshold)
            if best is None:
                if points.max is not None:
                    doubt(ctx, frame, f"Cột {col_name(points)}: điểm không theo tỷ lệ ở cột {col_name(rate)} "
                                      f"với ngưỡng nào (100, 80, 50, 90)")
                continue
            _, checks, threshold = best
            record(ctx, frame, "points-from-rate", [(r, c) for r, *_ in checks for c in (rate, points)])
            rule_text = "tỷ lệ × tối đa / 100" if threshold == 100 else \
                f"đủ điểm từ {vi(threshold, 0)}%, dưới đó tỷ lệ × tối đa / {vi(threshold, 0)}"
            for row, r, p, maximum, want, ok in checks:
                if ok:
                    continue
                shown = min(3, max(2, places_of(p)))
                yield finding("POINTS_FROM_RATE_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(points)} ghi {vi(p)} điểm nhưng với tỷ lệ {vi(r)}% "
                              f"và tối đa {vi(maximum)} điểm ({rule_text}) được {vi(want, shown)} điểm",
                              frame, row, points, p, want.quantize(Decimal(1).scaleb(-shown)))

