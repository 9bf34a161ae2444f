"""The archive of historical scores: every score the engine has read or
drafted, with where it came from, on SQLite by default or any SQLAlchemy URL.

    archive = open_archive("postgresql+psycopg2://…")   # or None: REPORTGEN_DB / user data dir
    archive.import_paths([Path("bc-2024.pdf")])
    archive.history("Sở Tư pháp")
    archive.ranking("2024", scheme="dienbien-2024")
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, Sequence

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from .db import ArchiveError, default_url, open_engine, resolve_url, retry_while_busy, write_connection
from .entries import Entry
from .importer import ImportResult, default_checker, default_reader, expand_paths, import_paths
from .lineage import lineage_current, sync_lineage
from .queries import History, Move, compare, history, previous_period
from .ranked import ranking as stored_ranking
from .ranking import RankingGroup

__all__ = ["Archive", "ArchiveError", "Entry", "History", "ImportResult", "Move", "PreviousRow", "RankingGroup",
           "archived_previous_period", "default_url", "open_archive", "previous_period_rows", "resolve_url"]

_LINEAGE_LOCK = 7_412_026


class PreviousRow(NamedTuple):
    """A unit's result in the previous period, for a draft's comparison."""

    unit: str
    total: Decimal | None
    percent: Decimal | None
    rank: int | None


class Archive:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return Session(self.engine)

    def sync_lineage(self) -> bool:
        with self.session() as session:  # a reader never waits for the write lock
            if lineage_current(session):
                return False
        with write_connection(self.engine) as conn, Session(bind=conn) as session, session.begin():
            if conn.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LINEAGE_LOCK})
            return sync_lineage(session)

    def import_paths(self, paths: Sequence[str | Path], *, reader=default_reader, checker=default_checker,
                     progress=None) -> list[ImportResult]:
        return import_paths(self.engine, expand_paths(paths), reader=reader, checker=checker, progress=progress)

    def history(self, unit: str, *, scheme: str | None = None, indicator: str | None = None,
                province: str | None = None) -> list[History]:
        with self.session() as s:
            return history(s, unit, scheme=scheme, indicator=indicator, province=province)

    def ranking(self, period: str, *, scheme: str | None = None, province: str | None = None,
                level: str | None = None) -> list[RankingGroup]:
        with self.session() as s:
            return stored_ranking(s, period, scheme=scheme, province=province, level=level)

    def compare(self, period_a: str, period_b: str, **filters) -> tuple[list[Move], list[Move]]:
        with self.session() as s:
            return compare(s, period_a, period_b, **filters)

    def previous_period(self, scheme: str | None, period: str) -> str | None:
        with self.session() as s:
            return previous_period(s, scheme, period)

    def previous_period_rows(self, scheme: str | None, period: str) -> list[PreviousRow]:
        with self.session() as s:
            previous = previous_period(s, scheme, period)
            if previous is None:
                return []
            groups = stored_ranking(s, previous, scheme=scheme)
        return [PreviousRow(e.unit, e.total, e.percent, e.rank) for g in groups for e in g.entries]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_archive(url: str | None = None, create: bool = True) -> Archive:
    """Open (migrating when needed; creating a missing SQLite file only when
    ``create``) the archive at ``url``."""
    archive = Archive(open_engine(url, create=create))
    try:
        retry_while_busy(archive.engine, archive.sync_lineage)
    except Exception as exc:
        from .db import explain

        archive.engine.dispose()
        raise ArchiveError(explain(exc, archive.url)) from exc
    return archive


def archived_previous_period(db_url: str | None, scheme: str | None, period: str) -> str | None:
    """The period :func:`previous_period_rows` draws from (None when none)."""
    with open_archive(db_url) as archive:
        return archive.previous_period(scheme, period)


def previous_period_rows(db_url: str | None, scheme: str | None, period: str) -> list[PreviousRow]:
    """``[(unit, total, percent, rank)]`` of the latest earlier period of the
    same kind as ``period`` for ``scheme``; empty when the archive has none.
    For ``reportgen draft``'s comparison with the previous period."""
    with open_archive(db_url) as archive:
        return archive.previous_period_rows(scheme, period)

