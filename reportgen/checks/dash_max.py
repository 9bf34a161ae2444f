"""Whether a table takes an indicator marked '-' out of its unit's maximum.

A scheme says how it treats an indicator that does not apply: the national
766 portal scores every unit out of 100 (``dash_removes_max = false``), while
provincial offices drafting from the portal often write a unit's maximum
without the groups it has no dossiers for ("Điểm tối đa 90" for a unit whose
payment group, 10 points, is "-"), and grade on total / that maximum. The
table says which it does: on its rows with a '-', the maximum or the percent
it writes follows one reading or the other. The table is checked by the
reading most of those rows follow; a row that follows neither is a slip the
rules report at its cell.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..model import ScoreTable
from ..numbers import quantize
from ..schemes import Scheme
from ..scoring import HUNDRED, total_of


def _removed_max(row, scheme: Scheme) -> Decimal:
    return sum((ind.max for ind in scheme.scored_indicators if row.scores.get(ind.key) is not None),
               Decimal(0))


def _follows(row, scheme: Scheme, maximum: Decimal) -> bool:
    """Whether the row's written maximum or percent is the one ``maximum`` gives."""
    if row.max is not None:
        return row.max == maximum
    if row.percent is None or not maximum:
        return False
    total = row.total if row.total is not None else total_of(row.scores, scheme)
    exact = total * HUNDRED / maximum
    tol = scheme.tolerance
    return abs(quantize(exact, scheme.places, scheme.rounding) - row.percent) <= tol


def table_scheme(table: ScoreTable, scheme: Scheme) -> Scheme:
    """``scheme``, taking '-' out of the maximum when the table's rows with a
    '-' write the maximum (or the percent) that way, more of them than the
    scheme's full maximum."""
    if scheme.dash_removes_max:
        return scheme
    keys = [ind.key for ind in scheme.scored_indicators]
    removed = full = 0
    for row in table.rows:
        if not all(k in row.scores for k in keys) or all(row.scores[k] is not None for k in keys):
            continue
        if _follows(row, scheme, scheme.total_max):
            full += 1
        elif _follows(row, scheme, _removed_max(row, scheme)):
            removed += 1
    if removed > full:
        return dataclasses.replace(scheme, dash_removes_max=True)
    return scheme
