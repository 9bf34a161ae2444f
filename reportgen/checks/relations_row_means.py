"""A column that is the mean of a run of other columns on the same row
("Quý I | Quý II | Quý III | Bình quân 3 quý", "Điểm tự đánh giá | Điểm
thẩm định | Trung bình"): named a mean by its header, the run found by fit.
See :mod:`.relations_support` for the adoption rule.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import (
    adopted,
    col_name,
    finding,
    frames,
    half_unit,
    last_unit,
    places,
    record,
    short,
    vi,
    where,
)

_MEAN_HEAD = re.compile(r"bình\s*quân|trung\s*bình")


@rule("MEAN_COLUMNS_MISMATCH", "Cột bình quân khác trung bình cộng các cột thành phần trên cùng dòng")
def mean_columns_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột có tiêu đề "Bình quân", "Trung bình" (bình quân 3
    quý, điểm trung bình) là trung bình cộng của một dãy từ 2 cột số liền
    nhau bên cạnh nó: tìm dãy khớp trên phần lớn các dòng (ít nhất 3 dòng và
    80%), rồi báo dòng nào lệch quá sai số làm tròn (một đơn vị chữ số cuối
    của số bình quân cộng nửa đơn vị chữ số cuối của các cột thành phần).

    Vì sao: sửa điểm một quý mà quên tính lại điểm bình quân — mà thứ hạng
    lại xếp theo điểm bình quân.

    Ví dụ sai: Quý I 85,60 | Quý II 84,20 | Quý III 88,75 | Bình quân 87,18.

    Ví dụ đúng: (85,60 + 84,20 + 88,75) / 3 = 86,18.
    """
    for frame in frames(report):
        values = [c for c in frame.nums() if c.role != "max"]
        for mean in values:
            if not _MEAN_HEAD.search(mean.head):
                continue
            best = _best_run(frame, values, mean)
            if best is None:
                continue
            parts, checks = best
            record(ctx, frame, "column-equals-mean-of-columns",
                   [(r, c) for r, *_ in checks for c in parts + [mean]])
            names = " + ".join(short(c.label, 20) for c in parts)
            slipped = any(not ok for row, *_, ok in checks if row.kind == RowKind.UNIT)
            for row, written, got, ok in checks:
                if ok or (slipped and row.kind == RowKind.STAT):
                    continue  # an average row breaks with the unit whose slip it averages
                p = max(2, places(written))
                terms = " + ".join(vi(row.value(c.index)) for c in parts)
                yield finding("MEAN_COLUMNS_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(mean)} ghi {vi(written)} nhưng ({names}) / {len(parts)} "
                              f"= ({terms}) / {len(parts)} = {vi(got, p)}", frame, row, mean, written,
                              got.quantize(Decimal(1).scaleb(-places(written))))


def _best_run(frame: Frame, values: list[Col], mean: Col) -> tuple[list[Col], list] | None:
    """The run of at least two columns beside ``mean`` (ending just before
    it or starting just after it) whose mean it is on the most rows, when
    adopted."""
    at = values.index(mean)
    runs = [values[i:at] for i in range(0, at - 1)] + [values[at + 1:j] for j in range(at + 3, len(values) + 1)]
    best = None
    for parts in runs:
        if any(_MEAN_HEAD.search(c.head) for c in parts):
            continue
        checks = _fit(frame, mean, parts)
        # judged on the units: an average row holds the units' slip as well (it averages the written means)
        units = [c for c in checks if c[0].kind == RowKind.UNIT]
        holds = sum(1 for *_, ok in units if ok)
        if adopted(holds, len(units)) and (best is None or holds > best[0]):
            best = (holds, parts, checks)
    return best[1:] if best else None


def _fit(frame: Frame, mean: Col, parts: list[Col]) -> list:
    checks = []
    for row in _rows(frame):
        written = row.value(mean.index)
        vals = [row.value(c.index) for c in parts]
        if written is None or any(v is None for v in vals):
            continue
        got = sum(vals, Decimal(0)) / len(vals)
        tolerance = last_unit(written) + max((half_unit(v) for v in vals), default=Decimal(0))
        checks.append((row, written, got, abs(got - written) <= tolerance))
    return checks


def _rows(frame: Frame) -> list[Row]:
    """Units, and the rows that sum or average them (a mean of means is their mean)."""
    return [r for r in frame.rows if r.kind == RowKind.UNIT
            or (r.kind == RowKind.STAT and r.stat in ("mean", "overall"))]
