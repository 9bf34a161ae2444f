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


@pytest.fixture(scope="module", autouse=True)
def _scheme_folders_of_the_module():
    """A web app adds its folder of uploaded schemes to the process
    (``add_scheme_folder``) for as long as it serves; a test module's app
    ends with the module, and so does its folder: a later module sees the
    catalogue it set up itself, whatever ran before it."""
    from reportgen import schemes

    before = list(schemes._FOLDERS)
    yield
    schemes._FOLDERS[:] = before
