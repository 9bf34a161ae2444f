"""Points computed from rates, the QĐ 766 way: an indicator's points are
``rate × maximum / T`` capped at the maximum, where T is 100 (linear) or the
indicator's threshold (80 %, 50 %, 90 %: full points at or above it; see
DOMAIN.md §1.3). A table that pairs a rate column with a points column whose
maximum is known (in its header "Điểm đạt (Tối đa 6 điểm)", in a per-row
"Điểm tối đa" column, or as ``x/y``) is checked pair by pair; the threshold
is the one of these that fits the column (adopted on 3 rows and 80 %).
A table that states no maximum at all (a unit's list of indicators, "Tỷ lệ %
| Điểm đánh giá") is held to the rule with a whole maximum per row.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..numbers import places_of
from .registry import CheckContext, rule
from .relations_criteria import Named, document_criteria, expected_points, named_by, rule_text
from .relations_frame import Col, ColKind, Frame, Row
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    half_unit,
    last_unit,
    record,
    vi,
    where,
)

THRESHOLDS = (Decimal(100), Decimal(80), Decimal(50), Decimal(90))


def _pairs(frame: Frame) -> list[tuple[Col, Col]]:
    """(rate, points) columns of one indicator: the rate column and the next
    points column under the same group label (or right after it)."""
    cols = [c for c in frame.cols if c.kind == ColKind.NUM]
    out = []
    for k, rate in enumerate(cols):
        if rate.role != "percent":
            continue
        for points in cols[k + 1:k + 2]:
            if points.role == "value" and (points.group == rate.group or not rate.group) \
                    and not _NO_POINTS.search(points.leaf):
                out.append((rate, points))
    return out


# A column of changes or of ranks ("Tăng (+)/giảm (-) bậc", "Chênh lệch") holds no points of a rate.
_NO_POINTS = re.compile(r"tăng|giảm|chênh|thay\s*đổi|biến\s*động|bậc|hạng")


def _maximum(row: Row, points: Col, frame: Frame) -> Decimal | None:
    cell = row.cells.get(points.index)
    if cell is not None and cell.denominator is not None:
        return cell.denominator
    if points.max is not None:
        return points.max
    column = _row_max_column(frame)
    return row.value(column.index) if column is not None else None


def _row_max_column(frame: Frame) -> Col | None:
    """The one per-row maximum column ("Điểm tối đa", "Điểm chuẩn") of the table."""
    maxima = frame.nums("max")
    return maxima[0] if len(maxima) == 1 else None


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
    Bảng chỉ tiêu theo dòng có cột điểm tối đa riêng ("Điểm tối đa | Tỷ lệ
    đạt (%) | Điểm đạt"), mỗi chỉ tiêu một ngưỡng: điểm mỗi dòng phải ra từ
    tỷ lệ và tối đa của dòng với một trong các ngưỡng ấy (ít nhất 3 dòng
    tính điểm dưới ngưỡng và 80% số dòng khớp); tỷ lệ ấy không bị đọc như
    điểm / tối đa × 100.
    Bảng không ghi điểm tối đa ở đâu cả (danh sách chỉ số của một đơn vị:
    "Tỷ lệ % | Điểm đánh giá"): điểm mỗi dòng phải ra từ tỷ lệ với một điểm
    tối đa nguyên nào đó (QĐ 766: 2, 4, 6 … điểm) và một trong các ngưỡng
    trên, khi ít nhất 3 dòng tính điểm từ tỷ lệ (dưới ngưỡng) và 80% số dòng
    khớp; dòng 0% phải 0 điểm. Một cột tỷ lệ không bao giờ được đọc như cột
    điểm. Dòng mà bộ chỉ số của một bảng khác trong văn bản gọi đúng tên chỉ
    tiêu (khối [[criteria]]: điểm tối đa, ngưỡng) phải ra đúng điểm của chỉ
    tiêu ấy, kể cả dòng đủ điểm.

    Vì sao: điểm chép tay lệch với tỷ lệ là lỗi chấm; điểm vượt tối đa
    vì đọc nhầm cột tỷ lệ là lỗi đọc.

    Ví dụ sai: tỷ lệ 71,96%, tối đa 6 điểm, điểm 5,32 (71,96 × 6 / 100 = 4,32).

    Ví dụ đúng: tỷ lệ 71,96%, tối đa 6 điểm, điểm 4,32; tỷ lệ 85% với ngưỡng
    80% được đủ 6 điểm. Không ghi tối đa: 49,83% → 2,99 điểm (6 × 49,83 /
    100), 53,31% → 2,67 (4 × 53,31 / 80); 49,83% → 3,39 điểm thì không điểm
    tối đa nguyên nào cho ra: báo lỗi. "Tỷ lệ TTHC có yêu cầu nghĩa vụ tài
    chính …" 100% → 4 điểm khi QĐ 766 cho chỉ tiêu này tối đa 2 điểm: báo lỗi.
    """
    criteria = None
    for frame in frames(report):
        for rate, points in _pairs(frame):
            best = _one_threshold(frame, rate, points)
            if best is None and not any(_maximum(r, points, frame) for r in frame.units):
                if criteria is None:
                    criteria = document_criteria(report, ctx)
                yield from _unstated_maxima(ctx, frame, rate, points, criteria)
                continue
            if best is None and points.max is None and _row_max_column(frame) is not None:
                yield from _each_threshold(ctx, frame, rate, points)
                continue
            if best is None:
                if points.max is not None:
                    doubt(ctx, frame, f"Cột {col_name(points)}: điểm không theo tỷ lệ ở cột {col_name(rate)} "
                                      f"với ngưỡng nào (100, 80, 50, 90)")
                continue
            _, checks, threshold = best
            record(ctx, frame, "points-from-rate", [(r, c) for r, *_ in checks for c in _cols(frame, rate, points)])
            rule_text = "tỷ lệ × tối đa / 100" if threshold == 100 else \
                f"đủ điểm từ {vi(threshold, 0)}%, dưới đó tỷ lệ × tối đa / {vi(threshold, 0)}"
            own = points.max is None and _row_max_column(frame) is not None
            for row, r, p, maximum, want, ok in checks:
                if ok:
                    continue
                if own and (found := _thresholds_of(row, rate, points, frame)) and found[0]:
                    continue  # an indicator of its own maximum follows its own threshold (6.4 at 80 %)
                shown = min(3, max(2, places_of(p)))
                yield finding("POINTS_FROM_RATE_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(points)} ghi {vi(p)} điểm nhưng với tỷ lệ {vi(r)}% "
                              f"và tối đa {vi(maximum)} điểm ({rule_text}) được {vi(want, shown)} điểm",
                              frame, row, points, p, want.quantize(Decimal(1).scaleb(-shown)))



def _one_threshold(frame: Frame, rate: Col, points: Col) -> tuple[int, list, Decimal] | None:
    best = None
    for threshold in THRESHOLDS:
        holds, checks = _fit(frame, rate, points, threshold)
        if adopted(holds, len(checks)) and (best is None or holds > best[0]):
            best = (holds, checks, threshold)
    return best


def _cols(frame: Frame, rate: Col, points: Col) -> tuple[Col, ...]:
    """The columns a points-from-rate check reads: a per-row maximum too, unless the header states it."""
    column = _row_max_column(frame) if points.max is None else None
    return (rate, points) + ((column,) if column is not None else ())


def _thresholds_of(row: Row, rate: Col, points: Col, frame: Frame) -> tuple[list[Decimal], bool] | None:
    """The thresholds with which the row's points follow from its rate and its
    own maximum, and whether the points are computed (below the threshold)."""
    r, p, maximum = row.cells.get(rate.index), row.cells.get(points.index), _maximum(row, points, frame)
    if r is None or p is None or not maximum:
        return None
    tol = last_unit(p.value) + half_unit(r.value, rate.precision) * maximum / Decimal(50)
    fits = [t for t in THRESHOLDS if abs(_expected(r.value, maximum, t) - p.value) <= tol]
    return fits, any(Decimal(0) < r.value < t for t in fits)


def _each_threshold(ctx: CheckContext, frame: Frame, rate: Col, points: Col) -> Iterator[Finding]:
    """Indicators in rows with their own maximum ("Điểm tối đa | Tỷ lệ (%) |
    Điểm đạt"), each with its own QĐ 766 threshold: each row's points must
    follow from its rate and maximum with one of 100, 80, 50, 90 %. Adopted
    when at least MIN_ROWS rows compute their points (below the threshold) and
    SHARE of the rows fit; a row that fits none is an error."""
    fitted, telling, broken = [], 0, []
    for row in frame.units:
        found = _thresholds_of(row, rate, points, frame)
        if found is None:
            continue
        fits, computed = found
        if fits:
            fitted.append(row)
            telling += computed
        else:
            broken.append(row)
    if telling < MIN_ROWS or not adopted(len(fitted), len(fitted) + len(broken)):
        doubt(ctx, frame, f"Cột {col_name(points)}: điểm không theo tỷ lệ ở cột {col_name(rate)} với ngưỡng "
                          f"nào (100, 80, 50, 90)")
        return
    record(ctx, frame, "points-from-rate", [(r, c) for r in fitted + broken for c in _cols(frame, rate, points)])
    for row in broken:
        r, p, maximum = row.value(rate.index), row.value(points.index), _maximum(row, points, frame)
        options = ", ".join(f"{vi(_expected(r, maximum, t), 2)} (ngưỡng {vi(t, 0)}%)" for t in THRESHOLDS)
        yield finding("POINTS_FROM_RATE_MISMATCH", "error",
                      f"{where(row)}: cột {col_name(points)} ghi {vi(p)} điểm nhưng với tỷ lệ {vi(r)}% và tối đa "
                      f"{vi(maximum)} điểm, điểm theo QĐ 766 là một trong: {options}", frame, row, points, p)


def explains_rate(frame: Frame, rate: Col, points: Col) -> bool:
    """Whether the QĐ 766 rule relates ``rate`` to ``points`` in this table
    (then "rate = points / maximum × 100" is only its 100 % case)."""
    if (rate, points) not in _pairs(frame):
        return False
    if _one_threshold(frame, rate, points) is not None:
        return True
    if points.max is not None or _row_max_column(frame) is None:
        return False
    found = [f for f in (_thresholds_of(r, rate, points, frame) for r in frame.units) if f is not None]
    fitted = [f for f in found if f[0]]
    return sum(1 for f in fitted if f[1]) >= MIN_ROWS and adopted(len(fitted), len(found))


# ------------------------------------------------------------------ maxima the table does not state

# A QĐ 766 indicator's maximum is a whole number of points (2, 4, 6, … 22); a
# table of one unit's indicators often gives the rate and the points and leaves
# the maximum to the scheme.
WHOLE_MAXIMA = tuple(Decimal(m) for m in range(1, 31))


def _one_unit(value: Decimal, shown: int) -> Decimal:
    """One unit of the last decimal the column writes (``5,7`` and ``6`` in a
    column of ``2,99`` are 5,70 and 6,00 with their zeros left off); points
    are rounded to it, so half of it is their tolerance."""
    p = max(places_of(value), shown)
    return Decimal(1).scaleb(-p) if p else Decimal("0.5")


def _whole_fits(r: Decimal, p: Decimal, rate: Col, shown: int) -> list[tuple[Decimal, Decimal, bool]]:
    """The (maximum, threshold, telling) that give points ``p`` from rate ``r``
    by the 766 rule with a whole maximum. ``telling``: the points are computed
    (0 < r < threshold), so a changed rate or points would break the fit; at
    or above the threshold the points only equal the maximum."""
    out = []
    if p == 0 and r >= 1:
        return out  # 1 % of even 1 point is 0,01: no points at all is no rate of 1 % or more
    for threshold in THRESHOLDS:
        for maximum in WHOLE_MAXIMA:
            if p > maximum:
                continue
            want = _expected(r, maximum, threshold)
            tol = _one_unit(p, shown) / 2 + half_unit(r, rate.precision) * maximum / threshold
            if abs(want - p) <= tol:
                # Points of a few units of their last decimal (0,01) fit many maxima: they tell nothing.
                out.append((maximum, threshold, Decimal(0) < r < threshold and p >= 10 * _one_unit(p, shown)))
    return out


def _unstated_maxima(ctx: CheckContext, frame: Frame, rate: Col, points: Col,
                     criteria: dict[str, Named]) -> Iterator[Finding]:
    """Rate and points side by side with no maximum written anywhere (a
    unit's list of 766 indicators: "Tỷ lệ % | Điểm đánh giá"): each row's
    points must follow from its rate by the 766 rule with some whole maximum
    and a threshold of 100, 80, 50 or 90 %. Adopted when at least MIN_ROWS
    rows compute their points (0 < rate < threshold) and SHARE of the rows
    that say something fit; a row that fits no whole maximum is an error.
    A row at 0 % with 0 points is checked (any change breaks it); a row at
    full points (rate at or above the threshold) fits any whole maximum: its
    cells are only bounded — unless the scheme of another of the document's
    tables names its indicator (:mod:`.relations_criteria`): then its points
    must be the ones that indicator's maximum and threshold give (checked);
    its rate, at or above the threshold, is only bounded by it."""
    telling, zero, broken, flat, named, full, misnamed = [], [], [], [], [], [], []
    shown = max((places_of(c.value) for row in frame.units if (c := row.cells.get(points.index)) is not None),
                default=0)
    for row in frame.units:
        r, p = row.cells.get(rate.index), row.cells.get(points.index)
        if r is None or p is None or r.value > 100 or p.value < 0:
            continue
        known = named_by(criteria, row.label)
        if known is not None:
            options = expected_points(r.value, known.criterion)
            unit = _one_unit(p.value, shown) / 2
            fitting = [t for w, t in options
                       if abs(w - p.value) <= unit + half_unit(r.value, rate.precision) * known.criterion.max / t]
            if not fitting:
                misnamed.append((row, r.value, p.value, known, options))
            elif r.value == 0 or all(r.value < t for t in fitting):
                named.append(row)  # points computed from the rate: a changed rate or points breaks it
            else:
                full.append(row)  # full points: checked against the maximum; the rate only at or above T
            continue
        fits = _whole_fits(r.value, p.value, rate, shown)
        if r.value == 0 and p.value == 0:
            zero.append(row)  # no rate, no points: a changed rate or points breaks it, whatever the maximum
        elif any(t for *_, t in fits):
            telling.append(row)
        elif fits:
            flat.append(row)
        else:
            broken.append((row, r.value, p.value))
    evidence = len(telling) + len(named) + len(full)
    if evidence < MIN_ROWS or not adopted(evidence, evidence + len(broken) + len(misnamed)):
        return
    record(ctx, frame, "points-from-rate-whole-maximum", [(r, c) for r in telling + zero for c in (rate, points)])
    record(ctx, frame, "points-from-rate-whole-maximum", [(r, c) for r in flat for c in (rate, points)], bound=True)
    record(ctx, frame, "points-from-rate-scheme-indicator",
           [(r, c) for r in named + [m[0] for m in misnamed] for c in (rate, points)] + [(r, points) for r in full])
    record(ctx, frame, "points-from-rate-scheme-indicator", [(r, rate) for r in full], bound=True)
    for row, r, p in broken:
        yield finding("POINTS_FROM_RATE_MISMATCH", "error",
                      f"{where(row)}: cột {col_name(points)} ghi {vi(p)} điểm nhưng cột {col_name(rate)} ghi "
                      f"{vi(r)}%: không cho số điểm đó với điểm tối đa nguyên nào (điểm = tỷ lệ × tối đa / ngưỡng "
                      f"100, 80, 50 hoặc 90%, đủ điểm từ ngưỡng trở lên), như các dòng khác của bảng",
                      frame, row, points, p)
    for row, r, p, known, options in misnamed:
        if len(options) == 1:
            got = vi(options[0][0], 2)
        else:
            got = "một trong " + ", ".join(f"{vi(w, 2)} (ngưỡng {vi(t, 0)}%)" for w, t in options)
        yield finding("POINTS_FROM_RATE_MISMATCH", "error",
                      f"{where(row)}: cột {col_name(points)} ghi {vi(p)} điểm nhưng cột {col_name(rate)} ghi "
                      f"{vi(r)}%: chỉ tiêu này theo {known.scheme.basis or known.scheme.title} "
                      f"({rule_text(known.criterion)}) được {got} điểm", frame, row, points, p,
                      options[0][0].quantize(Decimal("0.01")) if len(options) == 1 else None)
