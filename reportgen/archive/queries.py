"""Questions the archive answers: a unit's history (across successors, with
the median of its peers), a period's ranking, the movers between two
periods, and the previous period's rows for drafting.

When several documents report the same unit, scheme and period (renditions
of one report, or a corrected re-issue), the most recently imported one
counts; the others stay stored with their sources.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from decimal import Decimal
from itertools import repeat
from typing import Iterable, NamedTuple

from sqlalchemy import BigInteger, cast, func, literal_column, select
from sqlalchemy.orm import Session

from .cohorts import exact_median, medians_for
from .db import ArchiveError
from .lineage import successor_chain
from .models import SCALE, Document, IndicatorScore, ScoreRowRecord as R, Unit, from_scaled, plain
from .periods import granularity, is_period, period_sort_key
from .registry import units_named
from .units import territory_key


@dataclass(slots=True)
class Entry:
    """One unit's row in one period, with its source."""

    unit: str  # registered display name
    unit_text: str  # as the document wrote it
    unit_id: int
    province: str
    province_key: str
    level: str
    period: str
    scheme: str
    total: Decimal | None
    max: Decimal | None
    percent: Decimal | None
    grade: str | None
    rank: int | None = None
    value: Decimal | None = None  # an indicator's value, when asked for
    median: Decimal | None = None  # of the peers' percent (or indicator)
    document: str = ""
    table: int = 0
    row: int = 0
    page: int | None = None
    document_id: int = 0

    def to_json(self) -> dict:
        s = lambda v: None if v is None else format(v, "f")  # noqa: E731
        return {"unit": self.unit, "unit_as_written": self.unit_text, "province": self.province,
                "level": self.level, "period": self.period, "scheme": self.scheme, "total": s(self.total),
                "max": s(self.max), "percent": s(self.percent), "grade": self.grade, "rank": self.rank,
                "value": s(self.value), "median": s(self.median),
                "source": {"document": self.document, "table": self.table, "row": self.row, "page": self.page}}


# The document's own figures count; recomputed ones fill in where it gave none.
TOTAL = func.coalesce(R.reported_total, R.total)
MAXIMUM = func.coalesce(R.reported_max, R.max)
PERCENT = func.coalesce(R.reported_percent, R.percent)
GRADE = func.coalesce(R.reported_grade, R.grade)
_COLUMNS = (R.id, R.unit_id, R.unit_text, R.province_key, R.level, R.period, R.scheme, TOTAL, MAXIMUM, PERCENT,
            GRADE, R.document_id, R.table_index, R.row_index, R.page, R.rank, Unit.name, Unit.province)


class EntryRow(NamedTuple):
    """A row of ``_COLUMNS``, by name (figures as stored: read them with :func:`decimal_reader`)."""

    id: int
    unit_id: int
    unit_text: str
    province_key: str
    level: str
    period: str
    scheme: str
    total: object
    max: object
    percent: object
    grade: str | None
    document_id: int
    table: int
    row: int
    page: int | None
    rank: int | None
    unit_name: str
    province: str | None


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


def driver_rows(conn, query) -> list[tuple]:
    """Rows straight from the driver: the statement is compiled by
    SQLAlchemy, the per-row result processing is skipped (it costs more than
    the query on large periods). Decimal columns come back as stored; read
    them with :func:`decimal_reader`."""
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    args = tuple(params[k] for k in compiled.positiontup) if compiled.positional else params
    return conn.exec_driver_sql(compiled.string, args).fetchall()


def decimal_reader(conn):
    """Stored exact decimal → Decimal, for rows from :func:`driver_rows`."""
    return (lambda v: None if v is None else from_scaled(v)) if conn.dialect.name != "postgresql" else (
        lambda v: None if v is None else plain(v))


def _named(kind, rows: list[tuple]) -> list:
    """Driver rows as ``kind`` (a NamedTuple of the same columns); no copy of
    the values, no per-row checks (the query fixes the columns)."""
    return list(map(tuple.__new__, repeat(kind), rows))


def _later(r: EntryRow | RankRow, held: EntryRow | RankRow) -> bool:
    """The row of the later document (higher id) wins; within one, the first table and row."""
    return (-r.document_id, r.table, r.row) < (-held.document_id, held.table, held.row)


def _entries(session: Session, where: Iterable, indicator: str | None = None) -> list[tuple[int, Entry]]:
    """(row id, entry) for the latest document's row per unit, scheme, period.
    Plain Core rows and a dictionary: no ORM objects, no SQL sort (a sort on
    the document id would lead the planner away from the filter's index)."""
    query = select(*_COLUMNS).join(Unit, Unit.id == R.unit_id)
    for clause in where:
        query = query.where(clause)
    best: dict[tuple, EntryRow] = {}
    conn = session.connection()
    for r in _named(EntryRow, driver_rows(conn, query)):
        key = (r.unit_id, r.scheme, r.period)
        held = best.get(key)
        if held is None or _later(r, held):
            best[key] = r
    dec = decimal_reader(conn)
    doc_ids = {r.document_id for r in best.values()}
    names = dict(session.execute(select(Document.id, Document.name).where(Document.id.in_(doc_ids))).all()) \
        if doc_ids else {}
    out = [(r.id, Entry(unit=r.unit_name, unit_text=r.unit_text, unit_id=r.unit_id, province=r.province or "",
                        province_key=r.province_key, level=r.level, period=r.period, scheme=r.scheme,
                        total=dec(r.total), max=dec(r.max), percent=dec(r.percent), grade=r.grade, rank=r.rank,
                        document=names[r.document_id], table=r.table, row=r.row, page=r.page,
                        document_id=r.document_id))
           for r in best.values()]
    out.sort(key=lambda pair: (pair[1].document_id, pair[1].table, pair[1].row))
    if indicator is not None and out:
        values = dict(session.connection().execute(select(IndicatorScore.row_id, IndicatorScore.value).where(
            IndicatorScore.row_id.in_([i for i, _ in out]), IndicatorScore.indicator == indicator)).all())
        out = [(i, e) for i, e in out if i in values]
        for i, e in out:
            e.value = values[i]
    return out


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
        entries = [e for _, e in _entries(session, where, indicator) if _in_segment(e, chain)]
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
class RankingGroup:
    province: str
    level: str
    scheme: str
    period: str
    entries: list[Entry]

    def to_json(self) -> dict:
        return {"province": self.province, "level": self.level, "scheme": self.scheme, "period": self.period,
                "entries": [e.to_json() for e in self.entries]}


_LEVEL_ORDER = {"tỉnh": 0, "sở": 1, "huyện": 2, "xã": 3, "phòng": 4}


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
        kv[0][0], _LEVEL_ORDER.get(kv[0][1], 9), kv[0][1], kv[0][2]))]


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
        cohorts = _named(Cohort, driver_rows(conn, sizes))
        rows = _named(RankRow, driver_rows(conn, query))
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
            if held is None or _later(r, held):
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
