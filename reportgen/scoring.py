"""Scoring: pure functions over a row's scores and its scheme.

A score of ``None`` means the indicator does not apply to the unit ('-'). In a
scheme with ``dash_removes_max`` its points leave the unit's maximum, and the
grade is read from total / applicable maximum × 100.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from .model import ScoreRow
from .numbers import quantize
from .schemes import Scheme

HUNDRED = Decimal(100)


def applicable_max(scores: Mapping[str, Decimal | None], scheme: Scheme) -> Decimal:
    """The points the unit could reach: the maxima of the indicators that apply."""
    if not scheme.dash_removes_max:
        return scheme.total_max
    return sum((ind.max for ind in scheme.scored_indicators
                if ind.key in scores and scores[ind.key] is not None), Decimal(0)) + sum(
        (ind.max for ind in scheme.scored_indicators if ind.key not in scores), Decimal(0))


def total_of(scores: Mapping[str, Decimal | None], scheme: Scheme) -> Decimal:
    """The sum of the scored indicators that apply."""
    return sum((scores[ind.key] for ind in scheme.scored_indicators
                if scores.get(ind.key) is not None), Decimal(0))


def percent_of(total: Decimal, maximum: Decimal, scheme: Scheme) -> Decimal | None:
    """total / maximum × 100, rounded as the scheme rounds (half-up, 2 places)."""
    if not maximum:
        return None
    return quantize(total * HUNDRED / maximum, scheme.places, scheme.rounding)


def grade_for(value: Decimal | None, scheme: Scheme) -> str | None:
    """The grade band a percent (or, for point schemes, a total) falls in."""
    if value is None or not scheme.grades:
        return None
    for band in scheme.grades:  # sorted from the highest minimum down
        if value >= band.min:
            return band.name
    return scheme.grades[-1].name


@dataclass(frozen=True)
class RowResult:
    """What a row should say, recomputed from its scores."""

    total: Decimal
    max: Decimal
    percent: Decimal | None
    grade: str | None
    exact_percent: Decimal | None  # unrounded, for tolerance decisions


def score_row(scores: Mapping[str, Decimal | None], scheme: Scheme) -> RowResult:
    total = total_of(scores, scheme)
    maximum = applicable_max(scores, scheme)
    exact = total * HUNDRED / maximum if maximum else None
    percent = percent_of(total, maximum, scheme)
    basis = total if scheme.grade_on == "points" else percent
    return RowResult(total=total, max=maximum, percent=percent,
                     grade=grade_for(basis, scheme) if scheme.graded else None, exact_percent=exact)


def rank_key(row: ScoreRow) -> tuple:
    """Rank order: percent (or total) descending, then total, then name."""
    pct = row.percent if row.percent is not None else Decimal(-1)
    tot = row.total if row.total is not None else Decimal(-1)
    return (-pct, -tot, row.unit.casefold())


def rank_rows(rows: Iterable[ScoreRow]) -> list[ScoreRow]:
    """Rows sorted in rank order, each given ``rank`` (ties share a rank)."""
    ordered = sorted(rows, key=rank_key)
    previous = None
    for position, row in enumerate(ordered, start=1):
        marker = (row.percent, row.total)
        if marker != previous:
            rank = position
            previous = marker
        row.rank = rank
    return ordered


def scored_copy(row: ScoreRow, scheme: Scheme) -> ScoreRow:
    """A row whose total, maximum, percent and grade are recomputed."""
    result = score_row(row.scores, scheme)
    return ScoreRow(unit=row.unit, scores=dict(row.scores), no=row.no, section=row.section,
                    section_title=row.section_title, total=result.total, max=result.max,
                    percent=result.percent, grade=result.grade, page=row.page,
                    source_row=row.source_row, extra=dict(row.extra))


def weakest_indicators(rows: Sequence[ScoreRow], scheme: Scheme, limit: int = 3) -> list[tuple[str, Decimal]]:
    """Indicators with the lowest share of their maximum across rows, as
    (key, share 0..1) ascending."""
    shares = []
    for ind in scheme.scored_indicators:
        got = [r.scores[ind.key] for r in rows if r.scores.get(ind.key) is not None]
        if not got or not ind.max:
            continue
        shares.append((ind.key, sum(got, Decimal(0)) / (ind.max * len(got))))
    shares.sort(key=lambda kv: kv[1])
    return shares[:limit]
