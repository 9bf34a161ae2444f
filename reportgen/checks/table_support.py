"""Small helpers shared by the table rules: building a finding located at a
row and column, the places a written number shows, and row grouping."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from ..model import Finding, Report, ScoreRow, ScoreTable, dec_str
from ..numbers import places_of


def rounding_tolerance(parts: Sequence[Decimal], tolerance: Decimal | None = None,
                       part_tolerance: Decimal | None = None, whole: Decimal | None = None) -> Decimal:
    """How far a whole written from unrounded parts may be from the sum of
    the parts as written: per part, the scheme's ``part_tolerance`` but never
    more than half a unit of the last decimal the parts show (parts written
    to 2 decimals cannot hide a rounding of 0,05 each); without a scheme, that
    half unit alone, and none for whole numbers. The whole, itself rounded,
    adds half a unit of its own last decimal. Never below the scheme's
    ``tolerance``."""
    places = max((places_of(p) for p in parts), default=0)
    half_unit = Decimal(5).scaleb(-(places + 1))
    if part_tolerance is None:
        per_part = half_unit if places else Decimal(0)  # whole numbers are counts: exact
    else:
        per_part = min(part_tolerance, half_unit) if places else part_tolerance
    own = Decimal(5).scaleb(-(places_of(whole) + 1)) if whole is not None and places_of(whole) else Decimal(0)
    return max(tolerance or Decimal(0), per_part * len(parts) + own)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return dec_str(value)
    return str(value)


def finding(code: str, severity: str, message: str, table: ScoreTable, i: int | None,
            row: ScoreRow | None, column: str | None, reported=None, expected=None) -> Finding:
    """A finding at row ``i`` of ``table`` (``row`` is that row, or None for
    the table as a whole); numbers go out in plain decimal form."""
    return Finding(code=code, severity=severity, message=message, table=table.index, row=i,
                   unit=row.unit if row is not None else None, column=column,
                   reported=_text(reported), expected=_text(expected),
                   page=(row.page if row is not None and row.page is not None else table.page))


def rank_value(row: ScoreRow) -> Decimal | None:
    """What a ranked table is ordered by: the percent, else the total."""
    return row.percent if row.percent is not None else row.total


def sections(rows: Sequence[ScoreRow]) -> list[list[int]]:
    """Row indices grouped by section ('I', 'II' …), in order of appearance;
    units of different sections are ranked separately."""
    groups: dict[str | None, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row.section, []).append(i)
    return list(groups.values())


def looks_ranked(values: Sequence[Decimal], columns: int = 1) -> bool:
    """Values in descending order but for a slip or two: a table sorted by
    this column, not one in alphabetical or administrative order. Evidence
    from order alone needs enough rows: of the 40 320 orders of 8 rows, only
    248 have at most one rise (0,6 %); of 5 rows, 27 in 120 do. Where
    ``columns`` columns of the table were looked at for an order, one of them
    comes that near by chance ``columns`` times as often: the chance of so few
    rises, times the columns, must stay within that of one column of 8 rows
    (eleven columns of 9 rows in no order: one with a single rise is 1,5 %).
    The chance holds for distinct values: a column more than a quarter of
    whose values repeat others (dossiers late: 2, 0, 0, 0, 1, 0 …) tells no
    order."""
    if len(values) < 8 or values[0] <= values[-1]:
        return False
    if (len(values) - len(set(values))) * 4 > len(values):
        return False  # mostly ties (counts of 0, 1, 2): equal neighbours are no rises, and no evidence of order
    rises = sum(1 for a, b in zip(values, values[1:]) if b > a)
    if rises > max(1, (len(values) - 1) // 8):
        return False
    return columns <= 1 or _chance_of_rises(len(values), rises) * columns <= _chance_of_rises(8, 1)


def _chance_of_rises(n: int, rises: int) -> Decimal:
    """The share of the orders of ``n`` distinct values with at most ``rises``
    rises (Eulerian numbers)."""
    row = [1]  # A(1, 0)
    for m in range(2, n + 1):
        row = [(k + 1) * (row[k] if k < len(row) else 0) + (m - k) * (row[k - 1] if k >= 1 else 0)
               for k in range(m)]
    total = sum(row)
    return Decimal(sum(row[:rises + 1])) / Decimal(total)


# A bound of a grade band as a legend writes it: "từ 88% trở lên", "dưới 60 điểm", "≥ 80".
_BOUND = re.compile(r"(?:(?<!\w)(?:từ|dưới|trên)|≥|>=|≤|<)\s*\d+(?:,\d+)?\s*(?:%|điểm)?", re.I)


_GRADES = ("xuất sắc", "tốt", "khá", "trung bình", "yếu", "kém")


def states_bands(report: Report) -> bool:
    """Whether a paragraph of the prose reads as a grade legend — it says
    "loại", names two grades and writes two bounds or more — though no band
    of it was read (``Report.grade_legend`` is empty): the document states
    bands of its own that the scheme's may not be."""
    if report.grade_legend:
        return False
    for p in report.paragraphs:
        text = " ".join(p.text.split()).casefold()
        if "loại" in text and len(_BOUND.findall(text)) >= 2 and sum(1 for g in _GRADES if g in text) >= 2:
            return True
    return False
