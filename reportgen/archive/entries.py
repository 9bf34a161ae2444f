"""A unit's row in one period as the archive answers it (:class:`Entry`), and
the reading of such rows: the latest document's row per unit, scheme and
period.

When several documents report the same unit, scheme and period (renditions
of one report, or a corrected re-issue), the most recently imported one
counts (:func:`later`); the others stay stored with their sources. Rows are
read straight from the driver (:func:`driver_rows`) and their stored exact
decimals turned into Decimals by :func:`decimal_reader`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from typing import Iterable, NamedTuple, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Document, IndicatorScore, ScoreRowRecord as R, Unit, from_scaled, plain


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


class SourcedRow(Protocol):
    """A stored row's place: its document, table and row."""

    document_id: int
    table: int
    row: int


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


def named_rows(kind, rows: list[tuple]) -> list:
    """Driver rows as ``kind`` (a NamedTuple of the same columns); no copy of
    the values, no per-row checks (the query fixes the columns)."""
    return list(map(tuple.__new__, repeat(kind), rows))


def later(r: SourcedRow, held: SourcedRow) -> bool:
    """The row of the later document (higher id) wins; within one, the first table and row."""
    return (-r.document_id, r.table, r.row) < (-held.document_id, held.table, held.row)


def latest_entries(session: Session, where: Iterable, indicator: str | None = None) -> list[tuple[int, Entry]]:
    """(row id, entry) for the latest document's row per unit, scheme, period.
    Plain Core rows and a dictionary: no ORM objects, no SQL sort (a sort on
    the document id would lead the planner away from the filter's index)."""
    query = select(*_COLUMNS).join(Unit, Unit.id == R.unit_id)
    for clause in where:
        query = query.where(clause)
    best: dict[tuple, EntryRow] = {}
    conn = session.connection()
    for r in named_rows(EntryRow, driver_rows(conn, query)):
        key = (r.unit_id, r.scheme, r.period)
        held = best.get(key)
        if held is None or later(r, held):
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
