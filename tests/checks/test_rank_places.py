"""Ranks written beside a table's units are checked only when they are the
units' own places (1, 2, 2, 4 … by the percent or the total, ties sharing a
place): then a changed rank breaks the order. Ranks that are places among
units the table does not hold — the portal's "Sở Ban" sheet ranks its 15
departments 1, 2, 3, 37, 78 … among every unit of the province — are only
bounded by the order: 78 → 75 passes, so those cells are not counted checked."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.checks.tables import _ranks_are_places
from reportgen.model import ScoreRow


def _rows(ranks, percents):
    return [(i, ScoreRow(unit=f"Đơn vị {i}", rank=rk, percent=D(p))) for i, (rk, p) in enumerate(zip(ranks, percents))]


PERCENTS = ["95,27", "93,10", "93,10", "88,40", "80,05", "76,90"]


def test_ranks_that_are_the_units_places_with_ties_are_places():
    assert _ranks_are_places(_rows([1, 2, 2, 4, 5, 6], [p.replace(",", ".") for p in PERCENTS]))


def test_ranks_among_a_larger_population_are_no_places():
    assert not _ranks_are_places(_rows([1, 2, 3, 37, 78, 86], [p.replace(",", ".") for p in PERCENTS]))


def test_one_slipped_rank_among_places_keeps_them_places():
    # the adoption rule: a clear majority are places, the slip is reported by RANK_ORDER
    assert _ranks_are_places(_rows([1, 2, 2, 4, 4, 6], [p.replace(",", ".") for p in PERCENTS]))
