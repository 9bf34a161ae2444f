"""Archive benchmark: 1,000,000 synthetic score rows, then the latency of
``history`` and ``ranking`` (median of N runs), against plain sqlite3 running
the same queries.

    python benchmarks/bench_archive.py [--rows 1000000] [--runs 15] [--pg URL]
    python benchmarks/bench_archive.py --keep /tmp/bench.sqlite3 --keep-pg bench_archive_kept
        # builds both once (minutes), later runs only time the queries

Data: P provinces × 250 communes × T monthly periods (T = rows / (P × 250),
P = 40), one document per province and period; each row carries its
reported and recomputed totals and ``--indicators`` indicator values.
Rows go in through the archive's bulk path (exact decimals, one
transaction per document batch); a sample of documents also goes through
the full import path (``store_report``: units, ranks, findings). The
PostgreSQL run uses ``--pg`` or ``REPORTGEN_TEST_PG_URL`` (a role that may
create databases); without either, only SQLite is measured.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from reportgen.archive import open_archive  # noqa: E402
from reportgen.archive.bulk import bulk_insert, insert_returning_ids  # noqa: E402
from reportgen.archive.cohorts import refresh as refresh_cohorts  # noqa: E402
from reportgen.archive.db import write_connection  # noqa: E402
from reportgen.archive.importer import store_report  # noqa: E402
from reportgen.archive.models import Document, IndicatorScore, ScoreRowRecord, Unit  # noqa: E402
from reportgen.archive.ranked import refresh_rankings  # noqa: E402
from reportgen.archive.units import unit_key  # noqa: E402
from reportgen.model import Meta, Report, ScoreRow, ScoreTable  # noqa: E402

UNITS = 250
PROVINCES = 40
SCHEME = "dienbien-2024"
INDICATORS = ("c1", "c2", "c3", "c4", "c5", "dvc", "tt", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19")


def periods(n: int) -> list[str]:
    return [f"{2010 + i // 12}-{i % 12 + 1:02d}" for i in range(n)]


def percent_of(p: int, u: int, t: int) -> Decimal:
    return Decimal(5000 + (p * 7919 + u * 104729 + t * 1299709) % 5000) / 100  # 50.00 … 99.99


def generate(url: str, rows: int, indicators: int) -> tuple[float, int]:
    """Bulk-load the synthetic archive; (seconds, rows) of the score rows."""
    n_periods = max(1, rows // (PROVINCES * UNITS))
    archive = open_archive(url)
    engine = archive.engine
    started = time.perf_counter()
    total = 0
    with write_connection(engine) as conn:
        with conn.begin():
            unit_ids = {}
            for p in range(PROVINCES):
                recs = [dict(province_key=f"bench {p}", district_key="", key=unit_key(f"UBND xã Bench {u}"),
                             name=f"UBND xã Bench {u}", province=f"Bench {p}", district="", level="xã")
                        for u in range(UNITS)]
                unit_ids[p] = insert_returning_ids(conn, Unit.__table__, recs)
        docs = [(p, t, per) for t, per in enumerate(periods(n_periods)) for p in range(PROVINCES)]
        for start in range(0, len(docs), 200):  # 200 documents (50,000 rows) per transaction
            with conn.begin():
                batch = docs[start:start + 200]
                doc_ids = insert_returning_ids(conn, Document.__table__, [dict(
                    sha256=uuid.uuid4().hex + uuid.uuid4().hex, name=f"bench-{p}-{per}.json", period=per,
                    scheme=SCHEME, province=f"Bench {p}", district="", imported_at=_now()) for p, t, per in batch])
                records = []
                for doc_id, (p, t, per) in zip(doc_ids, batch):
                    for u in range(UNITS):
                        pct = percent_of(p, u, t)
                        records.append(dict(
                            document_id=doc_id, unit_id=unit_ids[p][u], unit_text=f"UBND xã Bench {u}",
                            province_key=f"bench {p}", level="xã", period=per, scheme=SCHEME, table_index=0,
                            row_index=u, reported_total=pct, reported_max=Decimal(100), reported_percent=pct,
                            reported_grade=None, total=pct, max=Decimal(100), percent=pct, grade=None,
                            rank=None))
                ids = insert_returning_ids(conn, ScoreRowRecord.__table__, records)
                if indicators:
                    bulk_insert(conn, IndicatorScore.__table__, [
                        dict(row_id=i, indicator=key, value=r["percent"] / 25)
                        for i, r in zip(ids, records) for key in INDICATORS[:indicators]])
                touched = {(f"bench {p}", "xã", SCHEME, per) for p, t, per in batch}
                refresh_cohorts(Session(bind=conn), touched)
                refresh_rankings(Session(bind=conn), touched)
                total += len(records)
    elapsed = time.perf_counter() - started
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    archive.close()
    return elapsed, total


def _now():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)


def import_rate(url: str, documents: int = 20) -> float:
    """Rows per second through the full import path (units, ranks, exact values)."""
    archive = open_archive(url)
    reports = []
    for d in range(documents):
        table = ScoreTable(index=0, scheme=SCHEME)
        for u in range(UNITS):
            scores = {k: Decimal((u + d) % 4) for k in INDICATORS}
            total = sum(scores.values())
            table.rows.append(ScoreRow(unit=f"UBND xã Nhập {u}", scores=scores, total=total, max=Decimal(100),
                                       percent=total))
        reports.append(Report(source=f"import-{d}", meta=Meta(issuer="VĂN PHÒNG", parent="UBND TỈNH NHẬP THỬ",
                                                              period=f"2030-{d % 12 + 1:02d}" if d < 12 else
                                                              f"2031-{d % 12 + 1:02d}"), tables=[table]))
    started = time.perf_counter()
    for d, report in enumerate(reports):
        with write_connection(archive.engine) as conn, Session(bind=conn) as session, session.begin():
            store_report(session, sha256=uuid.uuid4().hex + uuid.uuid4().hex, name=f"import-{d}.json",
                         report=report, findings=[])
    elapsed = time.perf_counter() - started
    archive.close()
    return documents * UNITS / elapsed


CPU: dict[int, float] = {}  # id(func) → median CPU ms of the last timed() call


def timed(func, runs: int) -> float:
    """Median wall-clock ms over ``runs`` (after one warm-up run); the median
    CPU ms of the same runs is kept in CPU (a loaded machine inflates wall
    time, not CPU time)."""
    func()  # warm caches
    samples, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        func()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    CPU[0] = statistics.median(cpu) * 1000
    return statistics.median(samples) * 1000


def timed_pair(func, runs: int) -> str:
    wall = timed(func, runs)
    return f"{wall:.1f} ms (CPU {CPU[0]:.1f} ms)"


def raw_sqlite_queries(path: str, unit_key: str, province_key: str, period: str):
    """The same questions in plain sqlite3 (ids and integers, no ORM, no
    decimals, no dedupe of renditions): the unit's rows and its cohorts'
    stored medians (and, for scale, the medians computed from every peer
    row); a period's rows in rank order."""
    conn = sqlite3.connect(path)

    def history_naive():
        (unit_id,) = conn.execute("SELECT id FROM units WHERE key = ? AND province_key = ?",
                                  (unit_key, province_key)).fetchone()
        mine = conn.execute(
            "SELECT r.period, r.scheme, r.reported_percent, r.document_id, d.name FROM score_rows r "
            "JOIN documents d ON d.id = r.document_id WHERE r.unit_id = ?", (unit_id,)).fetchall()
        peer_periods = sorted({m[0] for m in mine})
        marks = ",".join("?" * len(peer_periods))
        peers = conn.execute(
            f"SELECT period, reported_percent FROM score_rows WHERE province_key = ? AND level = 'xã' "
            f"AND scheme = ? AND period IN ({marks})", (province_key, SCHEME, *peer_periods)).fetchall()
        by_period: dict = {}
        for per, v in peers:
            by_period.setdefault(per, []).append(v)
        return [(m, statistics.median(by_period[m[0]])) for m in mine]

    def history():
        (unit_id,) = conn.execute("SELECT id FROM units WHERE key = ? AND province_key = ?",
                                  (unit_key, province_key)).fetchone()
        mine = conn.execute(
            "SELECT r.period, r.scheme, r.reported_percent, r.document_id, d.name FROM score_rows r "
            "JOIN documents d ON d.id = r.document_id WHERE r.unit_id = ?", (unit_id,)).fetchall()
        peer_periods = sorted({m[0] for m in mine})
        marks = ",".join("?" * len(peer_periods))
        medians = dict(conn.execute(
            f"SELECT period, median FROM cohort_medians WHERE province_key = ? AND level = 'xã' AND scheme = ? "
            f"AND indicator = '' AND period IN ({marks})", (province_key, SCHEME, *peer_periods)).fetchall())
        return [(m, medians.get(m[0])) for m in mine]

    def ranking():
        return conn.execute(
            "SELECT u.name, r.reported_total, r.reported_percent FROM score_rows r JOIN units u ON u.id = r.unit_id "
            "WHERE r.period = ? AND r.scheme = ? AND r.province_key = ? ORDER BY r.reported_percent DESC",
            (period, SCHEME, province_key)).fetchall()

    def ranking_all():
        return conn.execute(
            "SELECT u.name, r.province_key, r.reported_total, r.reported_percent FROM score_rows r "
            "JOIN units u ON u.id = r.unit_id WHERE r.period = ? AND r.scheme = ? "
            "ORDER BY r.province_key, r.reported_percent DESC", (period, SCHEME)).fetchall()

    return history, history_naive, ranking, ranking_all


def measure(url: str, args, load: bool = True) -> None:
    kind = create_engine(url).dialect.name
    print(f"\n== {kind}: {url.split('@')[-1]}   (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    if load:
        seconds, rows = generate(url, args.rows, args.indicators)
        print(f"bulk load: {rows:,} score rows (+{rows * args.indicators:,} indicator values) in {seconds:.1f} s "
              f"= {rows / seconds:,.0f} score rows/s")
        rate = import_rate(url)
        print(f"full import path (store_report, 15 indicators per row): {rate:,.0f} rows/s")

    archive = open_archive(url)
    last = periods(max(1, args.rows // (PROVINCES * UNITS)))[-1]
    with archive.session() as s:
        count = s.scalar(text("SELECT count(*) FROM score_rows"))
    print(f"archive now holds {count:,} score rows")
    (h,) = archive.history("UBND xã Bench 7", province="Bench 3")
    print(f"history (1 unit, {len(h.entries)} periods, peer medians over {UNITS} units): "
          + timed_pair(lambda: archive.history("UBND xã Bench 7", province="Bench 3"), args.runs))
    hist = timed(lambda: archive.history("UBND xã Bench 7", province="Bench 3"), args.runs)
    if args.indicators:
        print("history --indicator c1: " + timed_pair(
            lambda: archive.history("UBND xã Bench 7", province="Bench 3", indicator="c1"), args.runs))
    print(f"ranking {last} --province (1 cohort of {UNITS}): "
          + timed_pair(lambda: archive.ranking(last, scheme=SCHEME, province="Bench 3"), args.runs))
    rank = timed(lambda: archive.ranking(last, scheme=SCHEME, province="Bench 3"), args.runs)
    print(f"ranking {last} (all {PROVINCES} provinces, {PROVINCES * UNITS:,} rows): "
          + timed_pair(lambda: archive.ranking(last, scheme=SCHEME), args.runs))
    rank_all = timed(lambda: archive.ranking(last, scheme=SCHEME), args.runs)
    print(f"ranking {last} (all {PROVINCES} provinces) + JSON of every row ([g.to_json() ...]): "
          + timed_pair(lambda: [g.to_json() for g in archive.ranking(last, scheme=SCHEME)], args.runs))
    if kind == "sqlite":
        raw_h, raw_naive, raw_r, raw_all = raw_sqlite_queries(archive.engine.url.database,
                                                              unit_key("UBND xã Bench 7"), "bench 3", last)
        rh, rr, ra = timed(raw_h, args.runs), timed(raw_r, args.runs), timed(raw_all, args.runs)
        rn = timed(raw_naive, args.runs)
        print(f"plain sqlite3, same queries: history {rh:.1f} ms (archive/raw = {hist / rh:.1f}×), "
              f"ranking {rr:.1f} ms ({rank / rr:.1f}×), ranking all {ra:.1f} ms ({rank_all / ra:.1f}×); "
              f"history with medians computed from every peer row: {rn:.1f} ms")
    archive.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--indicators", type=int, default=2, help="indicator values per row (0-15)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pg", default=os.environ.get("REPORTGEN_TEST_PG_URL"))
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--pg-only", action="store_true")
    parser.add_argument("--keep", metavar="FILE", help="SQLite file to build once and reuse (queries only)")
    parser.add_argument("--keep-pg", metavar="DB", help="PostgreSQL database (on --pg's server) to build once and "
                                                        "reuse, kept afterwards (queries only when it exists)")
    args = parser.parse_args(argv)
    if args.pg_only:
        pass
    elif args.keep:
        measure(f"sqlite:///{Path(args.keep).resolve()}", args, load=not Path(args.keep).exists())
    else:
        with tempfile.TemporaryDirectory(prefix="bench-archive-") as folder:
            measure(f"sqlite:///{folder}/bench.sqlite3", args)
    if args.pg and args.keep_pg and not args.sqlite_only:
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": args.keep_pg}).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{args.keep_pg}"'))
        measure(admin.url.set(database=args.keep_pg).render_as_string(hide_password=False), args, load=not exists)
    elif args.pg and not args.sqlite_only:
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        name = f"bench_archive_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            measure(admin.url.set(database=name).render_as_string(hide_password=False), args)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
