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

Two other compositions are tried the same way: a share of the "Tổng cộng"
row ("Số hồ sơ | Cơ cấu (%)": each unit's figure over the total row's figure
of the same column), and a change between two columns ("Năm 2024 | Năm
2025 | Tăng, giảm (%)": (2025 − 2024) / 2024 × 100).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding
from ..numbers import places_of
from .registry import CheckContext
from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    finding,
    nil_shares,
    ratio_holds,
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


def _fit(rows: list[Row], pct: Col, part, whole, precision: tuple[int, int], change: bool = False,
         share: bool = False) -> tuple[int, int, list]:
    """``part`` and ``whole`` give a row's figures; ``change``: the percent is
    (part − whole) / whole × 100; ``share``: a share of the total row, whose
    own share may be the sum of the rows' rounded shares (99,99 for 100)."""
    checks, holds, telling = [], 0, 0
    for row in rows:
        p, a, b = row.cells.get(pct.index), part(row), whole(row)
        if p is None or a is None or b is None or b == 0 or (a == 0 and p.value == 0):
            continue
        computed = ((a - b) if change else a) / b * 100
        if change or (share and a == b):  # the total row's own share
            ok = abs(computed - p.value) <= ratio_tolerance(p.value, a, b, *precision) * (2 if change else 1)
        else:
            ok = ratio_holds(p.value, a, b, *precision)
        holds += ok
        telling += ok and places_of(p.value) >= 1 and (a != b and a > 0 if change else 0 < a < b)
        checks.append((row, p.value, a, b, computed, ok))
    return holds, telling, checks


def _total_row(frame: Frame) -> Row | None:
    totals = [r for r in frame.rows if r.kind == RowKind.STAT and r.stat == "sum"]
    return totals[0] if len(totals) == 1 else None


def run_ratios(ctx: CheckContext, frame: Frame, rows: list[Row], pct: Col) -> Iterator[Finding] | None:
    """The findings of ``pct`` as a composite ratio (module docstring), or
    None when none is adopted."""
    values = [c for c in frame.nums("value") if c is not pct]
    best = None

    def consider(how: str, part: list[Col], whole: list[Col], fitted: tuple[int, int, list]) -> None:
        nonlocal best
        holds, telling, checks = fitted
        fits = telling >= MIN_ROWS and adopted(holds, len(checks))
        fits = fits or _stated(pct, part, whole, fitted) or how == "share" and _whole_shared(fitted, total)
        if fits and (best is None or holds > best[0]):
            best = (holds, how, checks, part, whole)

    for part, whole in _candidates(values):
        precision = (max(c.precision for c in part), max(c.precision for c in whole))
        consider("runs", part, whole, _fit(rows, pct, lambda r, p=part: _sum(r, p),
                                           lambda r, w=whole: _sum(r, w), precision))
    total = _total_row(frame)
    if total is not None:
        for col in values:
            of_total = total.value(col.index)
            if of_total:
                consider("share", [col], [], _fit(rows, pct,
                                                  lambda r, c=col: r.value(c.index), lambda r, t=of_total: t,
                                                  (col.precision, col.precision), share=True))
    if _GROWTH.search(pct.head):
        for new in values:
            for old in values:
                if new is not old:
                    consider("change", [new], [old], _fit(rows, pct, lambda r, c=new: r.value(c.index),
                                                          lambda r, c=old: r.value(c.index),
                                                          (new.precision, old.precision), change=True))
    if best is None:
        return None
    return _findings(ctx, frame, pct, *best[1:], total)


_GROWTH = re.compile(r"tăng|giảm|so\s*với|so\s*sánh|chênh|biến\s*động")
_WORD = re.compile(r"[^\W\d_]+")
_EARLIER = ("trước", "đúng")  # QĐ 766: a rate "đúng hạn" counts the dossiers solved early too


def _whole_shared(fitted: tuple[int, int, list], total: Row | None) -> bool:
    """Shares of a short table ("Xếp loại | Số đơn vị | Tỷ lệ (%)", rows 3
    and 6 of 9) whose total row writes 100 of its own figure: the column
    shares out its total row, as its 100 says, though too few rows tell it
    for the usual rule; adopted when one row at least tells it too and one
    row at most breaks it (a share written wrong)."""
    holds, telling, checks = fitted
    whole = any(row is total and ok and written == 100 for row, written, _, _, _, ok in checks)
    return whole and telling >= 1 and len(checks) - holds <= 1 and holds > len(checks) / 2


def _stated(pct: Col, part: list[Col], whole: list[Col], fitted: tuple[int, int, list]) -> bool:
    """A rate whose header names its part ("Tỷ lệ giải quyết đúng hạn (%)" over
    "Số hồ sơ đã giải quyết: Tổng số | Trước hạn | Đúng hạn | Quá hạn"): the
    part run ends with the column the header names, every word of its leaf
    said by the header (before it only "Trước hạn", which "đúng hạn" counts),
    over a single column of the same group. The header states the relation,
    so it is adopted by the usual rule (at least MIN_ROWS rows and 80 %) with
    one telling row or more — a short table whose units mostly solve
    everything on time has few telling rows — or, in a table of three rows
    (two levels and their total), on two of them: the header says what the
    third breaks."""
    holds, telling, checks = fitted
    if len(whole) != 1 or not part or telling < 1:
        return False
    if not adopted(holds, len(checks)) and not (holds == 2 and len(checks) == 3):
        return False
    said = set(_WORD.findall(pct.head))
    named = set(_WORD.findall(part[-1].leaf))
    if not named or not named <= said or any(c.group != whole[0].group for c in part):
        return False
    earlier = [c for c in part[:-1]]
    return not earlier or (len(earlier) == 1 and _EARLIER[0] in set(_WORD.findall(earlier[0].leaf))
                           and _EARLIER[1] in named)


def _name(run: list[Col]) -> str:
    return " + ".join(f"“{short(c.label, 30)}”" for c in run) if len(run) > 1 else col_name(run[0])


def _findings(ctx: CheckContext, frame: Frame, pct: Col, how: str, checks: list, part: list[Col],
              whole: list[Col], total: Row | None) -> Iterator[Finding]:
    cols = [pct, *part, *(c for c in whole if c not in part)]
    rows = [r for r, *_ in checks]
    if how != "change":
        part_of = (lambda r: r.value(part[0].index)) if how == "share" else (lambda r: _sum(r, part))
        whole_of = (lambda r: total.value(part[0].index)) if how == "share" else (lambda r: _sum(r, whole))
        rows += nil_shares([r for r in frame.rows if r.kind == RowKind.UNIT], pct, part_of, whole_of)
    cells = [(r, c) for r in rows for c in cols]
    if how == "share" and total is not None:
        cells.append((total, part[0]))  # a changed total changes every share
    record(ctx, frame, "percent-equals-part-over-whole", cells)
    for row, written, a, b, computed, ok in checks:
        if ok or scheme_checks(frame, pct, "percent"):
            continue
        p = max(2, min(3, places_of(written)))
        if how == "share":
            formula = f"{col_name(part[0])} / dòng “{short(total.label, 30)}” × 100 = {vi(a)} / {vi(b)} × 100"
        elif how == "change":
            formula = (f"({col_name(part[0])} − {col_name(whole[0])}) / {col_name(whole[0])} × 100 = "
                       f"({vi(a)} − {vi(b)}) / {vi(b)} × 100")
        else:
            formula = f"({_name(part)}) / ({_name(whole)}) × 100 = {vi(a)} / {vi(b)} × 100"
        yield finding("RATIO_MISMATCH", "error",
                      f"{where(row)}: cột {col_name(pct)} ghi {vi(written)}% nhưng {formula} = {vi(computed, p)}%",
                      frame, row, pct, written, computed.quantize(Decimal(1).scaleb(-p)))
