"""Shared fixtures of the archive tests: seed 000's appendices as Reports
built by hand from the seed's own figures, extract-JSON renditions of them,
and archive URLs on SQLite and on a real PostgreSQL server.

PostgreSQL: ``REPORTGEN_TEST_PG_URL`` (a role that may CREATE DATABASE) when
set; otherwise a throwaway cluster is started with initdb/pg_ctl in a
temporary directory (as the ``postgres`` user when running as root).
"""
from __future__ import annotations

import atexit
import datetime as dt
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reportgen.model import Meta, Report, ScoreRow, ScoreTable
from reportgen.numbers import parse_cell
from reportgen.schemes import load_scheme

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "fixtures" / "seeds" / "000_1f102cd1bcb19e59.txt"
SCHEME_2024 = "dienbien-2024"


def _seed_000_rows() -> list[list[str]]:
    rows = []
    for line in SEED_000.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 19 and cells[0].strip().isdigit():
            rows.append([c.strip() for c in cells])
    return rows


def seed_000_report(period: str = "2024", source: str = "000_1f102cd1bcb19e59.txt") -> Report:
    """Phụ lục I (17 departments) and Phụ lục II (10 districts) of seed 000."""
    keys = [i.key for i in load_scheme(SCHEME_2024).scored_indicators]
    rows = _seed_000_rows()
    assert len(rows) == 27
    tables = []
    for index, chunk in enumerate((rows[:17], rows[17:])):
        table = ScoreTable(index=index, title=f"Phụ lục {'I' * (index + 1)}", scheme=SCHEME_2024)
        for cells in chunk:
            scores = {}
            for key, cell in zip(keys, cells[2:17]):
                parsed = parse_cell(cell, "score")
                scores[key] = None if parsed.na else parsed.value
            fraction = parse_cell(cells[17], "score")
            table.rows.append(ScoreRow(unit=cells[1], scores=scores, no=cells[0], total=fraction.value,
                                       max=fraction.denominator, percent=parse_cell(cells[18], "percent").value,
                                       grade=cells[19], page=5 + index))
        tables.append(table)
    meta = Meta(doc_type="BC", number="/BC-VPUB", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN",
                place="Điện Biên", date=dt.date(2025, 1, 15), period=period)
    return Report(source=source, meta=meta, tables=tables)


def report_with_rows(period: str, rows: dict[str, tuple[str, str]], *, scheme: str = SCHEME_2024,
                     source: str = "synthetic.json") -> Report:
    """A one-table report of Điện Biên: unit → (total, max) as reported; the
    scores are left empty so the reported figures count."""
    table = ScoreTable(index=0, title="Phụ lục I", scheme=scheme)
    for unit, (total, maximum) in rows.items():
        t, m = Decimal(total), Decimal(maximum)
        table.rows.append(ScoreRow(unit=unit, total=t, max=m, percent=(t * 100 / m).quantize(Decimal("0.01"))))
    meta = Meta(doc_type="BC", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN", place="Điện Biên", period=period)
    return Report(source=source, meta=meta, tables=[table])


def write_json(report: Report, path: Path, note: str = "") -> Path:
    """An extract-JSON rendition of ``report`` (``note`` makes the bytes differ)."""
    data = report.to_json()
    if note:
        data["note"] = note
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def no_checks(report: Report) -> list:
    return []


# --- database URLs -------------------------------------------------------------

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


def synthetic_report(units: int, period: str, *, prefix: str = "UBND xã Thử", seed: int = 0,
                     source: str = "synthetic.json") -> Report:
    """A Điện Biên 2024-scheme table of ``units`` communes whose totals,
    maxima, percents and grades all add up (so the checks stay quiet)."""
    from reportgen.scoring import score_row

    scheme = load_scheme(SCHEME_2024)
    table = ScoreTable(index=0, title="Phụ lục", scheme=SCHEME_2024)
    for i in range(units):
        scores = {ind.key: (ind.max * Decimal((i * 7 + seed + n * 3) % 10) / 10).quantize(Decimal("0.01"))
                  for n, ind in enumerate(scheme.scored_indicators)}
        result = score_row(scores, scheme)
        table.rows.append(ScoreRow(unit=f"{prefix} {i + 1}", scores=scores, no=str(i + 1), total=result.total,
                                   max=result.max, percent=result.percent, grade=result.grade))
    meta = Meta(doc_type="BC", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN", place="Điện Biên", period=period)
    return Report(source=source, meta=meta, tables=[table])
