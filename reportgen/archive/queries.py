"""Questions the archive answers over time: a unit's history (across
successors, with the median of its peers), the movers between two periods,
and the period before one, for drafting.

A period's ranking is computed in :mod:`ranking` (and kept ready in
:mod:`ranked`); the rows are read as :class:`entries.Entry`, the latest
document's row per unit, scheme and period.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from .cohorts import exact_median, medians_for
from .db import ArchiveError
from .entries import PERCENT, Entry, decimal_reader, driver_rows, latest_entries
from .lineage import successor_chain
from .models import IndicatorScore, ScoreRowRecord as R, Unit
from .periods import granularity, is_period, period_sort_key
from .ranking import ranking
from .registry import units_named


@dataclass
class History:
    unit: str
    province: str
    chain: list[str]  # the unit and its successors, by name
    entries: list[Entry] = field(default_factory=list)
    indicator: str | None = None

    def to_json(self) -> dict:
        return {"unit": self.unit, "province": self.province, "successors": self.chain[1:],
                "indicator": self.indicator, "entries": [e.to_json() for e in self.entries]}


def history(session: Session, name: str, *, scheme: str | None = None, indicator: str | None = None,
            province: str | None = None) -> list[History]:
    """The history of each unit called ``name`` (one per territory), through
    its successors, each entry with the median of its peers (same province,
    level, scheme and period)."""
    units = units_named(session, name, province)
    if not units:
        raise ArchiveError(f"kho lưu trữ chưa có đơn vị nào tên \"{name}\"")
    out = []
    for unit in units:
        chain = successor_chain(session, unit)
        where = [R.unit_id.in_([u.id for u, _ in chain])]
        if scheme:
            where.append(R.scheme == scheme)
        entries = [e for _, e in latest_entries(session, where, indicator) if _in_segment(e, chain)]
        entries.sort(key=lambda e: (period_sort_key(e.period), e.scheme))
        _attach_medians(session, entries, indicator)
        out.append(History(unit=unit.name, province=unit.province, chain=[u.name for u, _ in chain],
                           entries=entries, indicator=indicator))
    return [h for h in out if h.entries] or out[:1]


def _in_segment(entry: Entry, chain: list) -> bool:
    """A successor's rows count from after its predecessor's last period."""
    start = None
    for unit, end in chain:
        if unit.id == entry.unit_id:
            return start is None or not is_period(start) or period_sort_key(entry.period) > period_sort_key(start)
        start = end
    return False


def _attach_medians(session: Session, entries: list[Entry], indicator: str | None) -> None:
    """Each entry's peer median: one lean query per cohort of the history."""
    cohorts: dict[tuple, list[Entry]] = {}
    for e in entries:
        cohorts.setdefault((e.province_key, e.level), []).append(e)
    for (province_key, level), members in cohorts.items():
        periods = sorted({e.period for e in members})
        schemes = sorted({e.scheme for e in members})
        stored = medians_for(session, province_key, level, schemes, periods, indicator)
        for e in members:
            e.median = stored.get((e.scheme, e.period))
        if all((e.scheme, e.period) in stored for e in members):
            continue
        # Cohorts without a stored median (none should lack one): compute.
        value = IndicatorScore.value if indicator else PERCENT
        query = select(R.unit_id, R.scheme, R.period, R.document_id, value).where(
            R.province_key == province_key, R.level == level, R.period.in_(periods), R.scheme.in_(schemes))
        if indicator:
            query = query.join(IndicatorScore,
                               (IndicatorScore.row_id == R.id) & (IndicatorScore.indicator == indicator))
        # Values stay as stored (scaled integers on SQLite) until the median
        # is picked: only one conversion per period, not one per peer.
        latest: dict[tuple, tuple] = {}
        for unit_id, scheme, period, document_id, v in driver_rows(session.connection(), query):
            key = (unit_id, scheme, period)
            if key not in latest or document_id > latest[key][0]:
                latest[key] = (document_id, v)
        by_cohort: dict[tuple, list] = {}
        for (unit_id, scheme, period), (_, v) in latest.items():
            if v is not None:
                by_cohort.setdefault((scheme, period), []).append(v)
        dec = decimal_reader(session.connection())
        for e in members:
            e.median = exact_median(by_cohort.get((e.scheme, e.period), []), dec)


@dataclass
class Move:
    unit: str
    province: str
    level: str
    before: Entry
    after: Entry

    @property
    def delta(self) -> Decimal:
        return self.after.percent - self.before.percent

    def to_json(self) -> dict:
        return {"unit": self.unit, "province": self.province, "level": self.level,
                "percent_before": format(self.before.percent, "f"), "percent_after": format(self.after.percent, "f"),
                "delta": format(self.delta, "f"), "rank_before": self.before.rank, "rank_after": self.after.rank,
                "scheme_before": self.before.scheme, "scheme_after": self.after.scheme}


def compare(session: Session, period_a: str, period_b: str, *, scheme: str | None = None,
            province: str | None = None, level: str | None = None) -> tuple[list[Move], list[Move]]:
    """Units ranked in both periods (a unit in A counts as its successor in B),
    as (movers up, movers down), the largest change in percent first."""
    before = {e.unit_id: e for g in ranking(session, period_a, scheme=scheme, province=province, level=level)
              for e in g.entries}
    after = {e.unit_id: e for g in ranking(session, period_b, scheme=scheme, province=province, level=level)
             for e in g.entries}
    moves = []
    for unit_id, b in before.items():
        target = unit_id if unit_id in after else None
        if target is None:
            unit = session.get(Unit, unit_id)
            target = next((u.id for u, _ in successor_chain(session, unit)[1:] if u.id in after), None)
        if target is None or b.percent is None or after[target].percent is None:
            continue
        moves.append(Move(b.unit, b.province, b.level, b, after[target]))
    up = sorted((m for m in moves if m.delta > 0), key=lambda m: (-m.delta, m.unit))
    down = sorted((m for m in moves if m.delta < 0), key=lambda m: (m.delta, m.unit))
    return up, down


def previous_period(session: Session, scheme: str | None, period: str) -> str | None:
    """The latest stored period before ``period`` of the same kind (year,
    quarter or month) for ``scheme`` (any scheme when None)."""
    query = select(R.period).distinct()
    if scheme:
        query = query.where(R.scheme == scheme)
    kind = granularity(period)
    earlier = [p for p in session.scalars(query) if granularity(p) == kind
               and period_sort_key(p) < period_sort_key(period)]
    return max(earlier, key=period_sort_key) if earlier else None
