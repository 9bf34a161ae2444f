"""A "Tổng cộng" row that sums some columns and averages others; a total
column that adds its parts as written.

An evaluation table's last row often adds the dossiers evaluated (12.486) and,
in the same row, writes each indicator's mean over the units (1,59 of 2
points) and the mean total (12,77 of 18): a sum where a sum means something,
a mean where only a mean does. Each such column is the units' mean, never a
broken sum; the row's sum across its columns (the total of the indicator
means) holds only where no unit lacks an indicator (a "-" leaves the mean of
its column over fewer units), so it is not asked of such a row.
"""
from __future__ import annotations

from decimal import Decimal

from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import last_unit, places, sum_tolerance


def is_mean(vals: list[Decimal], written: Decimal) -> bool:
    """``written`` is the mean of ``vals``, within a unit of its last decimal
    plus half a unit of the values' last decimal."""
    mean = sum(vals, Decimal(0)) / len(vals)
    return abs(mean - written) <= last_unit(written) + max(
        (Decimal(5).scaleb(-(places(v) + 1)) for v in vals), default=Decimal(0))


def _values(rows: list[Row], col: Col) -> list[Decimal]:
    return [r.value(col.index) for r in rows if r.value(col.index) is not None]


def mean_columns(frame: Frame, stat: Row, rows: list[Row], cols: list[Col]) -> set[int]:
    """Indices of the columns where the total row ``stat`` writes the mean of
    ``rows`` and not their sum (three rows at least, so that the two differ)."""
    if stat.kind != RowKind.STAT or stat.stat != "sum":
        return set()
    out = set()
    for col in cols:
        written = stat.value(col.index)
        vals = _values(rows, col)
        if written is None or len(vals) < 3:
            continue
        if abs(sum(vals, Decimal(0)) - written) > sum_tolerance(vals, written) and is_mean(vals, written):
            out.add(col.index)
    return out


def nearer_mean(rows: list[Row], stat: Row, col: Col) -> bool:
    """The written figure is nearer the rows' mean than their sum."""
    vals = _values(rows, col)
    written = stat.value(col.index)
    if written is None or len(vals) < 2:
        return False
    total = sum(vals, Decimal(0))
    return abs(total / len(vals) - written) < abs(total - written)


def averaged_total_row(frame: Frame, row: Row) -> bool:
    """A total row that writes means in two columns or more (see module doc)."""
    if row.kind != RowKind.STAT or row.stat != "sum":
        return False
    units = frame.units
    return len(mean_columns(frame, row, units, [c for c in frame.nums() if c.role != "percent"])) >= 2


EXACT_ROWS = 4  # rows whose total is exactly the sum of the parts as written


def exact_or_slipped(checks: list) -> list:
    """A total column that is exactly the sum of its parts as written on
    every row but one (four rows at least): the table adds written figures
    (TT 01's total of indicators already rounded to 1 decimal), so the one
    row within the parts' rounding but not exact by two units or more (14,5
    for 1,2 + … + 0,8 = 14,3) is a slip, not rounding. ``checks``: (row, written, sum, ok)."""
    exact = sum(1 for _, t, got, ok in checks if ok and t == got)
    loose = [i for i, (_, t, got, ok) in enumerate(checks) if ok and t != got]
    if len(loose) != 1 or exact < EXACT_ROWS:
        return checks
    out = list(checks)
    row, t, got, _ = out[loose[0]]
    if abs(t - got) <= last_unit(t):
        return checks  # one unit off: a total rounded from figures finer than the parts (54,1 for 54,0)
    out[loose[0]] = (row, t, got, False)
    return out
