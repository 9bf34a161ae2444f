"""A percent column over sums of columns: "Đã giải quyết: Trước hạn | Đúng
hạn | Quá hạn | Tỷ lệ đúng hạn (%)" writes (trước hạn + đúng hạn) / (trước
hạn + đúng hạn + quá hạn) × 100, with no column that holds either sum. Tried
by :func:`.relations.ratio_mismatch` when no single column over another fits.

The part is a run of adjacent value columns; the whole is another value
column or a longer run that contains the part. A pair is adopted by the
usual rule (at least 3 rows and 80 %) and only when at least 3 rows are
telling — the percent written with decimals, the part strictly between 0
and the whole — since equal quotients of written decimals do not happen by
chance, while a search over many runs could find a few whole ones.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding
from ..numbers import places_of
from .registry import CheckContext
from .relations_frame import Col, Frame, Row
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    finding,
    ratio_tolerance,
    record,
    scheme_checks,
    short,
    vi,
    where,
)

MAX_PART = 4  # columns in a part's run
MAX_WHOLE = 6  # columns in a whole's run


def _runs(values: list[Col], longest: int) -> list[list[Col]]:
    return [values[i:j] for i in range(len(values)) for j in range(i + 1, min(len(values), i + longest) + 1)]


def _sum(row: Row, run: list[Col]) -> Decimal | None:
    vals = [Decimal(0) if row.value(c.index) is None and c.index in row.na else row.value(c.index) for c in run]
    return None if any(v is None for v in vals) else sum(vals, Decimal(0))


def _candidates(values: list[Col]) -> Iterator[tuple[list[Col], list[Col]]]:
    """(part run, whole run) pairs that a single column over another does not already cover."""
    for part in _runs(values, MAX_PART):
        at, end = values.index(part[0]), values.index(part[-1]) + 1
        for whole in _runs(values, MAX_WHOLE):
            w_at, w_end = values.index(whole[0]), values.index(whole[-1]) + 1
            contains = w_at <= at and end <= w_end and len(whole) > len(part)
            apart = len(whole) == 1 and not (at <= w_at < end)
            if (contains or apart) and not (len(part) == 1 and len(whole) == 1):
                yield part, whole


def _fit(frame: Frame, rows: list[Row], pct: Col, part: list[Col], whole: list[Col]) -> tuple[int, int, list]:
    checks, holds, telling = [], 0, 0
    part_precision = max(c.precision for c in part)
    whole_precision = max(c.precision for c in whole)
    for row in rows:
        p, a, b = row.cells.get(pct.index), _sum(row, part), _sum(row, whole)
        if p is None or a is None or b is None or b == 0 or (a == 0 and p.value == 0):
            continue
        computed = a / b * 100
        ok = abs(computed - p.value) <= ratio_tolerance(p.value, a, b, part_precision, whole_precision)
        holds += ok
        telling += ok and places_of(p.value) >= 1 and 0 < a < b
        checks.append((row, p.value, a, b, computed, ok))
    return holds, telling, checks


def run_ratios(ctx: CheckContext, frame: Frame, rows: list[Row], pct: Col) -> Iterator[Finding] | None:
    """The findings of ``pct`` as a sum of columns over a sum of columns, or
    None when no such pair is adopted."""
    values = [c for c in frame.nums("value") if c is not pct]
    best = None
    for part, whole in _candidates(values):
        holds, telling, checks = _fit(frame, rows, pct, part, whole)
        if telling >= MIN_ROWS and adopted(holds, len(checks)) and (best is None or holds > best[0]):
            best = (holds, checks, part, whole)
    if best is None:
        return None
    return _findings(ctx, frame, pct, *best[1:])


def _name(run: list[Col]) -> str:
    return " + ".join(f"“{short(c.label, 30)}”" for c in run) if len(run) > 1 else col_name(run[0])


def _findings(ctx: CheckContext, frame: Frame, pct: Col, checks: list, part: list[Col],
              whole: list[Col]) -> Iterator[Finding]:
    cols = [pct, *part, *(c for c in whole if c not in part)]
    record(ctx, frame, "percent-equals-part-over-whole", [(r, c) for r, *_ in checks for c in cols])
    for row, written, a, b, computed, ok in checks:
        if ok or scheme_checks(frame, pct, "percent"):
            continue
        p = max(2, min(3, places_of(written)))
        yield finding("RATIO_MISMATCH", "error",
                      f"{where(row)}: cột {col_name(pct)} ghi {vi(written)}% nhưng ({_name(part)}) / "
                      f"({_name(whole)}) × 100 = {vi(a)} / {vi(b)} × 100 = {vi(computed, p)}%",
                      frame, row, pct, written, computed.quantize(Decimal(1).scaleb(-p)))
