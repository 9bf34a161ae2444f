"""A period's ranking computed from its score rows: each cohort's units (one
province, level and scheme) in rank order, equal figures sharing a rank.

For a whole country this is a 10 000-row query and a sort in Python; the
ranking kept ready at import (:mod:`ranked`) is made by this very function
and read back instead, except where a filter would cut a group.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import NamedTuple

from sqlalchemy import BigInteger, cast, func, literal_column, select
from sqlalchemy.orm import Session

from .db import ArchiveError
from .entries import GRADE, MAXIMUM, PERCENT, TOTAL, Entry, driver_rows, later, named_rows
from .models import SCALE, Document, ScoreRowRecord as R, Unit, from_scaled
from .periods import is_period
from .units import territory_key


class RankRow(NamedTuple):
    """A row of a cohort (``_cohort_rows``): figures are scaled integers on every database."""

    unit_id: int
    unit_text: str
    total: int | None
    max: int | None
    percent: int | None
    grade: str | None
    document_id: int
    table: int
    row: int
    page: int | None
    unit_name: str
    province: str | None


class Cohort(NamedTuple):
    province_key: str
    level: str
    scheme: str
    size: int


@dataclass
class RankingGroup:
    province: str
    level: str
    scheme: str
    period: str
    entries: list[Entry]

    def to_json(self) -> dict:
        return {"province": self.province, "level": self.level, "scheme": self.scheme, "period": self.period,
                "entries": [e.to_json() for e in self.entries]}


LEVEL_ORDER = {"tỉnh": 0, "sở": 1, "huyện": 2, "xã": 3, "phòng": 4}


def ranking(session: Session, period: str, *, scheme: str | None = None, province: str | None = None,
            level: str | None = None) -> list[RankingGroup]:
    """Each cohort's units (same province, level and scheme) in rank order."""
    if not is_period(period):
        raise ArchiveError(f"kỳ không hợp lệ: \"{period}\" (dạng YYYY, YYYY-MM hoặc YYYY-Qn)")
    where = [R.period == period]
    if scheme:
        where.append(R.scheme == scheme)
    if province:
        where.append(R.province_key == territory_key(province))
    if level:
        where.append(R.level == level)
    return groups_where(session, period, where)


def groups_where(session: Session, period: str, where: list) -> list[RankingGroup]:
    """The ranking groups of ``period``'s rows that match ``where`` (which
    holds ``R.period == period``), in display order."""
    conn = session.connection()
    with _no_gc():  # thousands of small objects: the collector would scan them for nothing
        cohorts, rows = _cohort_rows(conn, where)
        names = dict(session.execute(select(Document.id, Document.name).where(Document.id.in_(
            {r.document_id for r in rows}))).all()) if rows else {}
        # A group is the units' province (as registered), level and scheme:
        # one cohort, unless units of one province key write it differently.
        members: dict[tuple, tuple[str, list[RankRow]]] = {}
        start = 0
        for c in cohorts:
            for r in rows[start:start + c.size]:
                members.setdefault((r.province or "", c.level, c.scheme), (c.province_key, []))[1].append(r)
            start += c.size
        groups = {g: _ranked(rs, (key, g[1], g[2], period), names) for g, (key, rs) in members.items()}
    return [RankingGroup(p, lv, s, period, es) for (p, lv, s), es in sorted(groups.items(), key=lambda kv: (
        kv[0][0], LEVEL_ORDER.get(kv[0][1], 9), kv[0][1], kv[0][2]))]


def _cohort_rows(conn, where: list) -> tuple[list[Cohort], list[RankRow]]:
    """The cohorts (province key, level, scheme, rows) and their rows, in
    cohort order: the rows leave the cohort's own columns to the cohort list
    (three strings fewer per row). Rows are only ever added, so the two
    answers agree when their counts do; otherwise both are asked again."""
    cohort = (R.province_key, R.level, R.scheme)
    figures = (TOTAL, MAXIMUM, PERCENT)
    if conn.dialect.name == "postgresql":
        figures = tuple(cast(f * literal_column(str(10 ** SCALE)), BigInteger) for f in figures)
    sizes = select(*cohort, func.count()).group_by(*cohort).order_by(*cohort)
    # The columns of RankRow. Figures are scaled integers on every database (PostgreSQL scales
    # its NUMERIC in SQL): order and ties compare integers; only shown values become Decimals.
    query = select(R.unit_id, R.unit_text, *figures, GRADE, R.document_id, R.table_index, R.row_index, R.page,
                   Unit.name, Unit.province).join(Unit, Unit.id == R.unit_id).order_by(
        *cohort)  # figures are ordered in Python: cheaper than a sort on computed keys in SQL
    for clause in where:
        sizes, query = sizes.where(clause), query.where(clause)
    while True:
        cohorts = named_rows(Cohort, driver_rows(conn, sizes))
        rows = named_rows(RankRow, driver_rows(conn, query))
        if sum(c.size for c in cohorts) == len(rows):
            return cohorts, rows


def _ranked(rows: list[RankRow], cohort: tuple[str, str, str, str], names: dict[int, str]) -> list[Entry]:
    """A cohort's entries: percent descending, then total (none counts as 0),
    then name; equal percent and total share a rank. ``cohort`` is (province
    key, level, scheme, period). A unit reported twice counts once (the
    latest document's row); names are folded only when figures repeat."""
    if len({r.unit_id for r in rows}) != len(rows):
        latest: dict[int, RankRow] = {}
        for r in rows:
            held = latest.get(r.unit_id)
            if held is None or later(r, held):
                latest[r.unit_id] = r
        rows = list(latest.values())
    dec = {v: from_scaled(v) for v in {v for r in rows for v in (r.total, r.max, r.percent)} if v is not None}
    dec[None] = None  # one conversion per distinct figure, then dictionary look-ups
    if len({(r.percent, r.total or 0) for r in rows}) == len(rows):  # no equal figures: the rank is the position
        rows = sorted(rows, key=lambda r: (r.percent is None, -(r.percent or 0), -(r.total or 0)))
        ranks = range(1, len(rows) + 1)
    else:
        rows = sorted(rows, key=lambda r: (r.percent is None, -(r.percent or 0), -(r.total or 0),
                                           r.unit_name.casefold()))
        ranks, previous, rank = [], None, 0
        for position, r in enumerate(rows, start=1):
            if (r.percent, r.total) != previous:
                rank, previous = position, (r.percent, r.total)
            ranks.append(rank)
    province_key, level, scheme, period = cohort
    # Positional, in ENTRY_FIELDS order (checked below): keywords cost a fifth
    # of a 10 000-row ranking's time (benchmarks/bench_archive.py).
    return [Entry(r.unit_name, r.unit_text, r.unit_id, r.province or "",  # unit, unit_text, unit_id, province
                  province_key, level, period, scheme,
                  dec[r.total], dec[r.max], dec[r.percent], r.grade, rank,  # total, max, percent, grade, rank
                  None, None,  # value, median
                  names[r.document_id], r.table, r.row, r.page, r.document_id)  # the source
            for r, rank in zip(rows, ranks)]


ENTRY_FIELDS = ("unit", "unit_text", "unit_id", "province", "province_key", "level", "period", "scheme",
                "total", "max", "percent", "grade", "rank", "value", "median",
                "document", "table", "row", "page", "document_id")
if tuple(f.name for f in fields(Entry)) != ENTRY_FIELDS:  # pragma: no cover - a guard for _ranked
    raise ImportError("Entry's fields changed: update _ranked's positional call and ENTRY_FIELDS")


@contextmanager
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
