"""Jobs on real Celery workers over a real Redis (a redis-server started on a
free port for these tests) with the archive on a real PostgreSQL. A worker is
killed by its process id in the middle of an import: the job runs again on
the other worker and the archive ends with every document once and no
half-written rows."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reportgen.jobs import Job, Progress, run_job

from databases import fresh_pg_database
from support import ROOT

pytestmark = pytest.mark.slow
SEEDS = ROOT / "fixtures" / "seeds"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/setup.sh installs it)")
    folder = tempfile.mkdtemp(prefix="rg-redis-")
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url():
    url, drop = fresh_pg_database()
    try:
        yield url
    finally:
        drop()


def _documents(tmp_path: Path) -> list[Path]:
    """Distinct real documents: the seeds and their DOCX/XLSX renditions."""
    from fixtures.build import build_all

    out = [Path(shutil.copyfile(p, tmp_path / p.name)) for p in sorted(SEEDS.glob("*.txt"))]
    for files in build_all(tmp_path / "built").values():
        out += list(files.values())
    return out


def _start_workers(n: int, broker: str, db: str, visibility: int) -> list[subprocess.Popen]:
    env = {**os.environ, "REPORTGEN_DB": db, "REPORTGEN_VISIBILITY_TIMEOUT": str(visibility),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("REPORTGEN_RESULT_BACKEND", None)
    return [subprocess.Popen([sys.executable, "-m", "reportgen", "worker", "--broker", broker, "--concurrency", "1",
                              "--name", f"test{i}@%h"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True) for i in range(n)]


def _stop(workers: list[subprocess.Popen]) -> None:
    for w in workers:
        if w.poll() is None:
            os.killpg(w.pid, signal.SIGTERM)
    for w in workers:
        try:
            w.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(w.pid, signal.SIGKILL)
            w.wait()


def _archive_counts(url: str) -> dict[str, tuple[int, int, int]]:
    """{document name: (score rows, indicator values, findings)}, and every
    document name once."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = [r[0] for r in conn.execute(text("SELECT name FROM documents ORDER BY name"))]
            assert len(names) == len(set(names)), f"a document stored twice: {names}"
            rows = conn.execute(text(
                "SELECT d.name, (SELECT count(*) FROM score_rows s WHERE s.document_id = d.id),"
                " (SELECT count(*) FROM indicator_scores i JOIN score_rows s ON s.id = i.row_id"
                "  WHERE s.document_id = d.id),"
                " (SELECT count(*) FROM findings f WHERE f.document_id = d.id) FROM documents d"))
            return {name: (a, b, c) for name, a, b, c in rows}
    finally:
        engine.dispose()


def test_verify_jobs_on_two_celery_workers_report_progress(redis_url, pg_url):
    from reportgen.jobs.celery_app import CeleryRunner

    workers = _start_workers(2, redis_url, pg_url, 1800)
    try:
        files = [str(p) for p in sorted(SEEDS.glob("*.txt"))] + ["/khong/co/tep.pdf"]
        events: list[Progress] = []
        with CeleryRunner(redis_url, on_progress=events.append) as runner:
            ids = runner.submit([Job("verify", f) for f in files])
            results = runner.wait(timeout=300)
            assert runner.status(ids[-1]).state == "failed"
    finally:
        _stop(workers)
    local = [run_job(Job("verify", f)) for f in files]
    assert [(r.verdict, r.exit, r.counts) for r in results] == [(r.verdict, r.exit, r.counts) for r in local]
    assert "tep.pdf" in results[-1].error
    assert {e.stage for e in events} >= {"started", "reading", "done"}


def test_a_worker_killed_during_an_import_loses_nothing_and_stores_nothing_twice(redis_url, pg_url, tmp_path):
    from reportgen.jobs.celery_app import CeleryRunner

    files = _documents(tmp_path)
    assert len(files) >= 12
    # The same files imported one by one, in this process, into SQLite: what the
    # archive must hold afterwards.
    reference_db = f"sqlite:///{tmp_path / 'reference.db'}"
    for f in files:
        assert run_job(Job("import", str(f), {"db": reference_db})).verdict == "ĐÃ NHẬP"
    expected = _archive_counts(reference_db)

    workers = _start_workers(2, redis_url, pg_url, visibility=6)
    killed: dict = {}
    lock = threading.Lock()

    def kill_during_write(p: Progress) -> None:
        # The first job that starts writing to the archive: kill its worker
        # process (the pool child running it) and that worker's main process.
        with lock:
            if killed or p.stage != "writing":
                return
            child = int(p.worker.rsplit(":", 1)[1])
            parent = int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[1])
            for pid in (child, parent):
                os.kill(pid, signal.SIGKILL)
            killed.update(job=p.job_id, child=child, parent=parent)

    try:
        with CeleryRunner(redis_url, on_progress=kill_during_write, poll=2.0) as runner:
            ids = runner.submit([Job("import", str(f)) for f in files])  # REPORTGEN_DB of the workers
            results = runner.wait(timeout=600)
    finally:
        _stop(workers)
    assert killed, "no import reached the writing stage"
    assert any(w.pid == killed["parent"] for w in workers)
    by_id = dict(zip(ids, results))
    assert all(r.status == "ok" for r in results), [r.error for r in results if not r.ok]
    again = by_id[killed["job"]]
    assert again.worker.split(":")[1] != str(killed["child"])  # it ran again, elsewhere
    assert _archive_counts(pg_url) == expected
