"""Peer medians kept up to date at import, so a history over a hundred
periods reads a hundred medians instead of every peer's row.

A cohort is the units of one province and level scored on one scheme in
one period. Importing a document recomputes the medians (of the percent and
of each indicator) of the cohorts it touches, inside its own transaction,
from the latest document's row of each unit. On PostgreSQL each cohort is
locked first (advisory, in a fixed order), so two importers touching the
same cohort recompute one after the other and neither misses the other's
rows.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from .bulk import bulk_insert
from .models import CohortMedian, IndicatorScore, ScoreRowRecord as R, from_scaled, plain

Cohort = tuple[str, str, str, str]  # province key, level, scheme, period
PERCENT_KEY = ""  # CohortMedian.indicator for the percent itself
_LOCK_CLASS = 7_412_027


def exact_median(values: list, dec) -> object:
    """The median of stored values (mean of the middle two), as a Decimal."""
    if not values:
        return None
    values = sorted(values)
    mid = len(values) // 2
    if len(values) % 2:
        return dec(values[mid])
    return plain((dec(values[mid - 1]) + dec(values[mid])) / 2)


def stored_decimal(session: Session):
    """Stored exact decimal (raw driver value) → Decimal."""
    if session.connection().dialect.name == "postgresql":
        return lambda v: None if v is None else plain(v)
    return lambda v: None if v is None else from_scaled(v)


def refresh(session: Session, cohorts: Iterable[Cohort]) -> None:
    """Recompute and store the medians of ``cohorts``."""
    conn = session.connection()
    dec = stored_decimal(session)
    for cohort in sorted(set(cohorts)):
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:c, hashtext(:k))"),
                         {"c": _LOCK_CLASS, "k": "\x1f".join(cohort)})
        province_key, level, scheme, period = cohort
        percent = func.coalesce(R.reported_percent, R.percent).label("percent")
        rows = conn.execute(select(R.id, R.unit_id, R.document_id, R.table_index, R.row_index, percent).where(
            R.province_key == province_key, R.level == level, R.scheme == scheme, R.period == period)).all()
        latest: dict[int, tuple] = {}  # unit id → its row in the latest document
        for row in rows:
            held = latest.get(row.unit_id)
            if held is None or ((-row.document_id, row.table_index, row.row_index)
                                < (-held.document_id, held.table_index, held.row_index)):
                latest[row.unit_id] = row
        medians = {PERCENT_KEY: [r.percent for r in latest.values() if r.percent is not None]}
        ids = [r.id for r in latest.values()]
        for start in range(0, len(ids), 5000):
            chunk = ids[start:start + 5000]
            for key, value in conn.exec_driver_sql(*_indicator_sql(conn, chunk)).all():
                if value is not None:
                    medians.setdefault(key, []).append(value)
        conn.execute(delete(CohortMedian).where(
            CohortMedian.province_key == province_key, CohortMedian.level == level,
            CohortMedian.scheme == scheme, CohortMedian.period == period))
        bulk_insert(conn, CohortMedian.__table__, [
            dict(province_key=province_key, level=level, scheme=scheme, period=period, indicator=key,
                 # percents come back as Decimals (typed column), indicators raw
                 median=exact_median(values, dec if key else (lambda v: v)),
                 units=len(values))
            for key, values in medians.items() if values])


def _indicator_sql(conn, ids: list[int]) -> tuple[str, tuple]:
    table = conn.dialect.identifier_preparer.format_table(IndicatorScore.__table__)
    if conn.dialect.paramstyle == "qmark":
        return (f"SELECT indicator, value FROM {table} WHERE row_id IN ({', '.join('?' * len(ids))})", tuple(ids))
    return (f"SELECT indicator, value FROM {table} WHERE row_id = ANY(%(ids)s)", {"ids": ids})


def medians_for(session: Session, province_key: str, level: str, schemes: list[str], periods: list[str],
                indicator: str | None) -> dict[tuple[str, str], object]:
    """(scheme, period) → stored median of the percent (or an indicator)."""
    query = select(CohortMedian.scheme, CohortMedian.period, CohortMedian.median).where(
        CohortMedian.province_key == province_key, CohortMedian.level == level,
        CohortMedian.scheme.in_(schemes), CohortMedian.period.in_(periods),
        CohortMedian.indicator == (indicator or PERCENT_KEY))
    return {(s, p): m for s, p, m in session.execute(query)}
