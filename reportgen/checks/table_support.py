"""Small helpers shared by the table rules: building a finding located at a
row and column, the places a written number shows, and row grouping."""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..model import Finding, ScoreRow, ScoreTable, dec_str


def places_of(value: Decimal) -> int:
    """Decimals a number shows: 93.4 → 1, 58.69 → 2, 60 → 0."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


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
