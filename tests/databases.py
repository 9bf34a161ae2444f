"""PostgreSQL for the tests: ``REPORTGEN_TEST_PG_URL`` (a role that may
CREATE DATABASE) when set; otherwise a throwaway cluster started with
initdb/pg_ctl in a temporary directory (as the ``postgres`` user when running
as root), stopped when the test run ends."""
from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

from sqlalchemy import create_engine, text

_PG: dict = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _throwaway_cluster() -> str:
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bindirs:
        raise RuntimeError("PostgreSQL is not installed and REPORTGEN_TEST_PG_URL is not set")
    bindir = bindirs[-1]
    folder = tempfile.mkdtemp(prefix="reportgen-pg-")
    as_postgres = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_postgres else []
    if as_postgres:
        shutil.chown(folder, "postgres")
        os.chmod(folder, 0o755)
    port = _free_port()
    data = os.path.join(folder, "data")
    subprocess.run(prefix + [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                             "--no-sync"], check=True, capture_output=True)
    subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(folder, "log"), "-w",
                             "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)

    def stop():
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres"


def pg_server_url() -> str:
    if "url" not in _PG:
        _PG["url"] = os.environ.get("REPORTGEN_TEST_PG_URL") or _throwaway_cluster()
    return _PG["url"]


def fresh_pg_database() -> tuple[str, callable]:
    """A new empty database on the test server, and a function that drops it."""
    admin_url = pg_server_url()
    name = f"reportgen_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop
