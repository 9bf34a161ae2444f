"""Fixtures shared by every area of the tests (tests/<area>/): an empty archive
URL on SQLite and on a real PostgreSQL server. Plain constants and helpers
(the checkout's folders, running the command) are in ``support.py``; the
PostgreSQL server in ``databases.py``."""
from __future__ import annotations

import pytest

from databases import fresh_pg_database

BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql", marks=pytest.mark.slow)]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """An empty archive URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.sqlite3'}"
        return
    url, drop = fresh_pg_database()
    try:
        yield url
    finally:
        drop()
