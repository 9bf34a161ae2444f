"""Asking an archive that may not exist, without creating or migrating it.

Drafting compares with the previous period when an archive holds one; a
SQLite file that is not there stays uncreated and a database without the
archive's schema stays untouched (the command line never parses URLs or
inspects tables itself).
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .db import ArchiveError, make_engine, resolve_url


def existing_archive_url(db: str | None) -> str | None:
    """The archive's URL (``db``, else ``REPORTGEN_DB``, else the default)
    when an archive with its schema is there, else None. A URL that cannot
    be parsed or a server that refuses is an ArchiveError."""
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ArchiveError(f"địa chỉ cơ sở dữ liệu không hợp lệ: {url}") from None
    if parsed.get_backend_name() == "sqlite" and (not parsed.database or parsed.database == ":memory:"
                                                  or not Path(parsed.database).is_file()):
        return None
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            present = inspect(conn).has_table("alembic_version")
    except SQLAlchemyError as exc:
        raise ArchiveError(str(getattr(exc, "orig", exc)).strip()) from None
    finally:
        engine.dispose()
    return url if present else None


def archived_cohorts(db: str | None, schemes: list[str], period: str):
    """``(previous period, its ranking)`` from an existing archive, else None:
    the same scheme first, then any."""
    from . import open_archive

    url = existing_archive_url(db)
    if url is None:
        return None
    with open_archive(url) as archive:
        for scheme in [*dict.fromkeys(schemes), None]:
            previous = archive.previous_period(scheme, period)
            if previous is not None:
                return previous, archive.ranking(previous, scheme=scheme)
    return None
