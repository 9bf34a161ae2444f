"""The job model and the local runner: real files, real worker processes."""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from reportgen.jobs import Job, JobResult, LocalRunner, Progress, execute, make_runner, run_job

from support import SEEDS


def seed(n: str) -> str:
    return str(next(SEEDS.glob(f"{n}_*.txt")))


def test_job_round_trips_through_json():
    job = Job("pdf-convert", ["a.docx", "b.docx"], {"outdir": "x"})
    again = Job.from_json(job.to_json())
    assert again == job and again.name == "a.docx (+1 tệp)"
    with pytest.raises(ValueError):
        Job("print", "a.pdf")
    p = Progress(job.id, "ocr", 2, 3, name="bc.pdf")
    assert p.text == "bc.pdf: đang nhận dạng chữ (OCR) trang 2/3"
    assert Progress.from_json(p.to_json()) == p


def expected(path: str) -> tuple[str, int, dict]:
    """What the verifier says of the file, called directly."""
    from reportgen.verify import verify_path

    r = verify_path(path)
    return r.verdict, r.exit_status, r.counts


def test_run_job_verify_reports_verdict_counts_and_progress():
    events = []
    result = run_job(Job("verify", seed("000")), events.append)
    assert result.status == "ok"
    assert (result.verdict, result.exit, result.counts) == expected(seed("000"))
    assert result.verdict == "KHÔNG ĐẠT" and result.counts["error"] >= 1  # seed 000's planted slips
    assert result.coverage == execute.coverage_share(result.payload["coverage"])
    assert 0 < result.coverage <= 1
    assert result.payload["source"].endswith(".txt")
    assert [e.stage for e in events] == ["started", "reading", "done"]
    again = JobResult.from_json(result.to_json())
    assert again.verdict == result.verdict and again.counts == result.counts


def test_unreadable_file_is_a_failed_job_with_its_name(tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = run_job(Job("verify", str(bad)))
    assert (result.status, result.exit, result.verdict) == ("failed", 2, "KHÔNG ĐỌC ĐƯỢC")
    assert "hong.pdf" in result.error


def test_local_runner_batch_goes_on_after_a_bad_file(tmp_path):
    bad = tmp_path / "rong.docx"
    bad.write_bytes(b"")
    files = [seed("000"), str(bad), seed("004")]
    seen: list[Progress] = []
    finished: list[JobResult] = []
    with LocalRunner(2, on_progress=seen.append, on_result=finished.append) as runner:
        ids = runner.submit([Job("verify", f) for f in files])
        results = runner.wait(timeout=120)
        assert runner.status(ids[2]).state == "done"
        assert runner.status(ids[1]).state == "failed"
    assert [r.job_id for r in results] == ids
    assert [(r.verdict, r.exit, r.counts) for r in results] == [
        expected(files[0]), ("KHÔNG ĐỌC ĐƯỢC", 2, {}), expected(files[2])]
    assert "rong.docx" in results[1].error
    assert {r.job_id for r in finished} == set(ids)
    assert {p.stage for p in seen} >= {"started", "reading"}
    assert len({r.worker for r in results}) >= 1 and all(r.worker for r in results)


def _crash_on_boom(job, progress):
    if "boom" in str(job.input):
        os._exit(9)  # a worker process dying in the middle of a job
    return _REAL_VERIFY(job, progress)


_REAL_VERIFY = execute._RUNNERS["verify"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_dying_worker_fails_only_its_job(tmp_path, monkeypatch, workers):
    boom = tmp_path / "boom.txt"
    shutil.copyfile(seed("004"), boom)
    monkeypatch.setitem(execute._RUNNERS, "verify", _crash_on_boom)  # inherited only by forked workers
    with LocalRunner(workers, start_method="fork") as runner:
        ids = runner.submit([Job("verify", seed("004")), Job("verify", str(boom)), Job("verify", seed("001"))])
        results = runner.wait(timeout=180)
    by_id = {r.job_id: r for r in results}
    assert by_id[ids[0]].verdict == expected(seed("004"))[0]
    assert by_id[ids[2]].verdict == expected(seed("001"))[0]
    lost = by_id[ids[1]]
    assert (lost.status, lost.exit) == ("failed", 70) and "boom.txt" in lost.error


def test_import_jobs_store_each_document_once(tmp_path):
    db = f"sqlite:///{tmp_path / 'kho.db'}"
    files = [seed("000"), seed("001"), seed("000")]
    with make_runner(workers=2) as runner:
        runner.submit([Job("import", f, {"db": db}) for f in files])
        results = runner.wait(timeout=180)
    verdicts = sorted(r.verdict for r in results)
    assert verdicts == ["ĐÃ CÓ", "ĐÃ NHẬP", "ĐÃ NHẬP"]
    from sqlalchemy import create_engine, text

    with create_engine(db).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 2


def test_an_import_job_stores_while_the_submitter_was_writing_when_its_worker_started(tmp_path):
    """The web server submits import jobs while its own threads write to
    the same archive (an audit line). A worker forked at that moment
    inherited SQLite's record of the lock without the lock, and its store
    waited for a lock nobody held: "database is locked" after a minute.
    Workers are started fresh, so the import goes through once the
    server's transaction ends."""
    from sqlalchemy import text

    from reportgen.archive.db import open_engine, write_connection

    db = f"sqlite:///{tmp_path / 'kho.db'}"
    engine = open_engine(db)
    started = threading.Event()
    with LocalRunner(1, on_progress=lambda p: p.stage == "started" and started.set()) as runner:
        with write_connection(engine) as conn, conn.begin():  # the server's write, in flight
            conn.execute(text("SELECT count(*) FROM documents"))
            runner.submit(Job("import", seed("000"), {"db": db}))
            assert started.wait(120)  # the worker exists and runs while the write lock is held
        results = runner.wait(timeout=180)
    engine.dispose()
    assert [(r.verdict, r.counts.get("rows")) for r in results] == [("ĐÃ NHẬP", 27)], results[0].error


@pytest.mark.slow
def test_draft_render_then_pdf_convert_jobs(tmp_path):
    from fixtures import REAL_DIR

    outdir = tmp_path / "tb"
    draft = run_job(Job("draft-render", str(REAL_DIR / "portal-766-2025-10.xlsx"),
                        {"per_unit": True, "outdir": str(outdir)}))
    assert (draft.status, draft.counts) == ("ok", {"documents": 117}), draft.error
    docs = sorted(draft.outputs)[:3]
    events: list[Progress] = []
    with LocalRunner(1, on_progress=events.append) as runner:
        runner.submit(Job("pdf-convert", docs, {"outdir": str(tmp_path / "pdf")}))
        (result,) = runner.wait(timeout=300)
    assert result.status == "ok", result.error
    assert result.counts == {"pdfs": 3}
    pdfs = [Path(p) for p in result.outputs]
    assert [p.stem for p in pdfs] == [Path(d).stem for d in docs]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert not list((tmp_path / "pdf").glob(".rg-pdf-*"))  # the staging folder is gone
    writing = [(e.current, e.total) for e in events if e.stage == "writing"]
    assert writing == [(1, 3), (2, 3), (3, 3)]


def test_coverage_share_counts_cells_and_claims():
    assert execute.coverage_share({"cells": {"checked": 3, "total": 4}, "claims": {"checked": 1, "total": 4}}) == 0.5
    assert execute.coverage_share({"cells": {"checked": 0, "total": 0}, "claims": {"checked": 0, "total": 0}}) is None
    assert execute.coverage_share(None) is None
