"""How far a scheme table's written total may be from the sum of its written
scores, and whether its percent may carry more than its own rounding.

The allowance follows the rounding the figures carry, never a fixed amount:

- A scheme whose total is the sum of its scores as written (``part_tolerance
  = 0``: TT 01/2018, Điều 15, adds the indicators once each is rounded to one
  decimal) holds the total to half a unit of its own last written place (16,3
  over scores that make 16,0 is a slip, 17 over 16,8 its rounding), and the
  percent, taken from exact figures (that total over a defined maximum), to
  its own rounding.
- The scores' accumulated rounding (half a unit of their last place each, or
  the scheme's ``part_tolerance`` when less) is allowed only where the total
  may be taken before its scores were rounded: where the scheme says so
  (``part_tolerance`` above 0), where the row writes its total with more
  places than its scores (16,97 over one-decimal indicators), or where the
  table itself shows it — a table
  of such a scheme whose other rows are off their scores' sum within that
  rounding (more than one row in five of those that tell) writes totals of
  unrounded scores, and a row of it is held to that rounding too.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from ..model import ScoreRow, ScoreTable
from ..schemes import Scheme
from ..scoring import total_of
from .table_support import places_of, rounding_tolerance


def _parts(row: ScoreRow, scheme: Scheme) -> list[Decimal]:
    return [v for ind in scheme.scored_indicators if (v := row.scores.get(ind.key)) is not None]


def _complete(row: ScoreRow, scheme: Scheme) -> bool:
    return row.total is not None and all(ind.key in row.scores for ind in scheme.scored_indicators)


def _half_unit(value: Decimal) -> Decimal:
    return Decimal(5).scaleb(-(places_of(value) + 1))


def _own_rounding(row: ScoreRow) -> Decimal:
    """Half a unit of the total's last written place: all a total of the
    written scores may be off them (0 for a total that writes as many places
    as its scores, whose sum it then is exactly)."""
    return _half_unit(row.total) if row.total is not None else Decimal(0)


def _accumulated(row: ScoreRow, scheme: Scheme, per_part: Decimal | None) -> Decimal:
    return rounding_tolerance(_parts(row, scheme), scheme.tolerance, per_part, row.total)


def _at_rounding_extreme(row: ScoreRow, scheme: Scheme, diff: Decimal, per_part: Decimal | None) -> bool:
    """Whether ``diff`` is exactly the most that rounding to half a unit
    could open between the total and the sum of its rounded scores (n
    scores and the total, each off by half a unit of its last place). Half-up
    rounding is off by less than half a unit below and at most half a unit
    above, so the total and the scores can never all be off by a full half
    unit in opposite directions: 9 scores of one decimal and a total of one
    decimal are at most 0,4 apart (0,5 only if every one were a tie rounded
    the other way), so 17,5 against scores that add up to 17,0 is a slip."""
    if scheme.rounding != ROUND_HALF_UP:
        return False
    parts = _parts(row, scheme)
    places = max((places_of(p) for p in parts), default=0)
    if not places or row.total is None or places_of(row.total) != places:
        return False
    half = Decimal(5).scaleb(-(places + 1))
    if (per_part is not None and per_part < half) or diff <= scheme.tolerance:
        return False  # a tolerance the scheme declares, not the rounding's bound
    return diff == half * (len(parts) + 1)


def _shows_rounding(table: ScoreTable, scheme: Scheme, skip: int) -> bool:
    """Whether the table's other rows write totals of unrounded scores: more
    than one in five of those that tell are off their scores' sum, each by no
    more than the scores' rounding (a row off by more is a slip of its own and
    tells nothing)."""
    exact = rounded = 0
    for j, other in enumerate(table.rows):
        if j == skip or not _complete(other, scheme):
            continue
        gap = abs(other.total - total_of(other.scores, scheme))
        if gap <= _own_rounding(other):
            exact += 1
        elif gap <= _accumulated(other, scheme, None) and not _at_rounding_extreme(other, scheme, gap, None):
            rounded += 1
    return rounded * 4 > exact


def _finer_than_parts(row: ScoreRow, scheme: Scheme) -> bool:
    """A total written with more places than any of its scores (16,97 over
    one-decimal indicators) is the sum of finer figures than those written."""
    return row.total is not None and places_of(row.total) > max((places_of(p) for p in _parts(row, scheme)), default=0)


def exact_sums(table: ScoreTable, i: int, scheme: Scheme) -> bool:
    """Whether row ``i``'s total is held to the sum of its written scores:
    the scheme adds its scores as written and neither the row (a total finer
    than its scores) nor the table's other rows show otherwise."""
    return (not scheme.part_tolerance and not _finer_than_parts(table.rows[i], scheme)
            and not _shows_rounding(table, scheme, i))


def _per_part(scheme: Scheme) -> Decimal | None:
    """The allowance per score where the total may be taken before rounding:
    the scheme's, else (a scheme of exact sums, a table that shows rounding)
    half a unit of the scores' own last place."""
    return scheme.part_tolerance or None


def total_tolerance(table: ScoreTable, i: int, scheme: Scheme) -> Decimal:
    """How far row ``i``'s written total may be from the sum of its written
    scores and still be their rounding."""
    row = table.rows[i]
    if exact_sums(table, i, scheme):
        return _own_rounding(row)
    return _accumulated(row, scheme, _per_part(scheme))


def total_within(table: ScoreTable, i: int, scheme: Scheme, diff: Decimal) -> bool:
    """Whether a total ``diff`` from its scores' sum is rounding, not a slip."""
    if diff > total_tolerance(table, i, scheme):
        return False
    return exact_sums(table, i, scheme) or not _at_rounding_extreme(table.rows[i], scheme, diff, _per_part(scheme))


def percent_places(table: ScoreTable, i: int, scheme: Scheme, written: Decimal) -> int:
    """The places a row's expected percent is given with: the scheme's, or
    the written percent's where it writes more over exact figures."""
    if exact_sums(table, i, scheme):
        return max(scheme.places, places_of(written))
    return scheme.places


def rounded_like(value: Decimal, written: Decimal, modes: Sequence[str]) -> bool:
    """Whether ``written`` is ``value`` rounded, by one of ``modes``, to the
    places it shows."""
    return any(written == value.quantize(Decimal(1).scaleb(-places_of(written)), rounding=m) for m in modes)
