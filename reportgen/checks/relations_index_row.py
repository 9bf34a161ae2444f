"""A row of percents under the rows it is computed from, in a table whose
units stand as columns beside a per-row maximum: "Lĩnh vực | Điểm tối đa |
Sở A | Sở B | …" closed by "Tổng điểm" and "Chỉ số (%)". The percent row is
the total row over the total's maximum × 100, in every unit's column
(RATIO_MISMATCH). Found from the table's own figures, adopted by the rule of
:mod:`.relations_support`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    finding,
    frames,
    ratio_tolerance,
    record,
    states_percent,
    vi,
)

HUNDRED = Decimal(100)


@rule("RATIO_MISMATCH", "Dòng tỷ lệ (chỉ số %) của bảng khác dòng điểm chia điểm tối đa của dòng ấy")
def index_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng có các đơn vị là cột, một cột điểm tối đa của từng dòng và một
    dòng tỷ lệ ("Chỉ số (%)", "Tỷ lệ đạt (%)") dưới các dòng điểm: ở phần lớn các cột đơn
    vị (ít nhất 3 cột và 80%) dòng tỷ lệ bằng một dòng điểm (thường là "Tổng điểm") chia
    điểm tối đa của dòng ấy × 100, trong sai số làm tròn. Khi đó mọi cột phải theo quan
    hệ đó; cột khác đi là lỗi, nêu phép tính.
    Vì sao: chỉ số viết lệch với tổng điểm (sửa tổng mà quên sửa chỉ số, chép nhầm cột
    bên cạnh) là lỗi hay gặp; khi các đơn vị là cột, tỷ lệ nằm trên một dòng chứ không
    trên một cột, nên không quy tắc tỷ lệ theo cột nào thấy được.
    Ví dụ sai: "Tổng điểm | 100,00 | 54,24 | 92,54 | 84,59" và "Chỉ số (%) | 100,00 |
    54,24 | 92,54 | 79,59": 84,59 / 100 × 100 = 84,59, không phải 79,59.
    Ví dụ đúng: dòng "Chỉ số (%)" ghi 84,59 ở cột ấy."""
    for frame in frames(report):
        if frame.transposed:
            continue
        for m in frame.nums("max"):
            values = frame.nums("value")
            if len(values) < MIN_ROWS:
                continue
            for k, pct in enumerate(frame.rows):
                if not states_percent(pct.label):
                    continue
                best = _best_whole(frame, frame.rows[:k], pct, m, values)
                if best is not None:
                    yield from _findings(ctx, frame, pct, best, m, values)


_OWN_MAX = re.compile(r"^\s*(?:tổng\s*)?điểm\s*(?:tối\s*đa|chuẩn)\s*(?:được\s*)?"
                      r"(?:áp\s*dụng|của\s*(?:đơn\s*vị|cơ\s*quan))", re.I)


def _own_maximum(frame: Frame, whole: Row, col: Col) -> Decimal | None:
    """The maximum that applies to the unit of ``col`` ("Điểm tối đa áp dụng"
    row: 90 where an indicator does not apply), for its total row; else the
    row's maximum."""
    if whole.stat == "sum" or re.match(r"\s*tổng", whole.label or "", re.I):
        own = next((r.value(col.index) for r in frame.rows if _OWN_MAX.match(r.label or "")), None)
        if own is not None and own > 0:
            return own
    return None


def _fits(pct: Row, whole: Row, m: Col, col: Col, frame: Frame | None = None) -> tuple[bool, Decimal] | None:
    written, part = pct.value(col.index), whole.value(col.index)
    top = (_own_maximum(frame, whole, col) if frame is not None else None) or whole.value(m.index)
    if written is None or part is None or top is None or top <= 0:
        return None
    expected = part / top * HUNDRED
    return abs(written - expected) <= ratio_tolerance(written, part, top), expected


def _best_whole(frame: Frame, candidates: list[Row], pct: Row, m: Col, values: list[Col]) -> Row | None:
    """The row above ``pct`` whose points over its maximum give ``pct`` in most
    unit columns (a row that is itself all percents at 100 % proves nothing)."""
    best, best_holds = None, 0
    for whole in candidates:
        top = whole.value(m.index)
        if top is None or top <= 0 or states_percent(whole.label):
            continue
        checks = [(c, f) for c in values if (f := _fits(pct, whole, m, c, frame)) is not None]
        telling = [c for c, _ in checks if whole.value(c.index) != top]
        holds = sum(1 for _, (ok, _) in checks if ok)
        if len(telling) >= MIN_ROWS and adopted(holds, len(checks)) and holds > best_holds:
            best, best_holds = whole, holds
    return best


def _findings(ctx: CheckContext, frame: Frame, pct: Row, whole: Row, m: Col, values: list[Col]) -> Iterator[Finding]:
    top = whole.value(m.index)
    cells = [(pct, m), (whole, m)]
    for col in values:
        fit = _fits(pct, whole, m, col, frame)
        if fit is None:
            continue
        cells += [(pct, col), (whole, col)]
        ok, expected = fit
        if ok:
            continue
        written = pct.value(col.index)
        p = max(-written.as_tuple().exponent, 0)
        yield finding("RATIO_MISMATCH", "error",
                      f"{pct.label}: cột {col_name(col)} ghi {vi(written)}, nhưng dòng “{whole.label}” "
                      f"{vi(whole.value(col.index))} / {vi(_own_maximum(frame, whole, col) or top)} × 100 = "
                      f"{vi(expected, p)}",
                      frame, pct, col, written, expected.quantize(Decimal(1).scaleb(-p)))
    record(ctx, frame, "percent-row-equals-row-over-maximum", cells)
