"""Background work for the web server behind one small interface.

Verifying runs as a :class:`reportgen.jobs.Job` on the same job layer as the
command line's batch and the Celery workers (:func:`reportgen.jobs.make_runner`:
worker processes on this machine, or Celery when REPORTGEN_BROKER is set);
its progress events (reading, OCR page k/n, checking) become the page's
progress line. What follows a job in the server (the page view: a PDF,
page images, boxes) and the server's own smaller work (``submit``: a
function ``fn(progress)``) run on a small thread pool. The page polls
:meth:`Runner.status` either way.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("reportgen.web")


@dataclass
class JobState:
    id: str
    owner: str
    kind: str
    stage: str = "Đang chờ"
    done: int = 0
    total: int = 0
    state: str = "queued"  # queued, running, done, failed
    error: str | None = None
    result: Any = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def finished_ok(self) -> bool:
        return self.state == "done"


Progress = Callable[[str, int, int], None]


@dataclass
class FollowUp:
    """What a step returns to have ``job`` run next on the job layer, under
    the same state, with ``then(result, progress)`` after it."""

    job: Any
    then: Callable[[Any, Progress], Any]


class Runner:
    """Runs jobs on a small pool of threads (the engine releases the GIL in
    its C parts: pdfium, Tesseract and LibreOffice run in their own code or
    processes)."""

    def __init__(self, workers: int = 2, broker: str | None = None):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reportgen-job")
        self._jobs: dict[str, JobState] = {}
        self._lock = threading.Lock()
        self._workers, self._broker = workers, broker
        self._shared = None  # the reportgen.jobs runner, started on the first job
        self._after: dict[str, Callable] = {}
        self._alias: dict[str, str] = {}  # a follow-up job's id → its state's id

    def _job_runner(self):
        with self._lock:
            if self._shared is None:
                from ..jobs import make_runner

                self._shared = make_runner(self._workers, self._broker, on_progress=self._progress,
                                           on_result=self._result)
            return self._shared

    def submit_job(self, owner: str, job, then: Callable[[Any, Progress], Any],
                   on_done: Callable[[JobState], None] | None = None, *, companion=None,
                   after: Callable[[Any, Any, Progress], Any] | None = None) -> JobState:
        """Run ``job`` (a :class:`reportgen.jobs.Job`) on the shared job layer;
        when its result comes, ``then(result, progress)`` runs on the pool
        (its return value is the state's result, its exception a failure).
        When ``then`` returns a :class:`FollowUp`, that job runs next on the
        job layer, under the same state (its progress is this state's), and
        its own ``then`` follows.

        ``companion``: a second job submitted at once beside it (the view's
        PDF conversion of a verify job); ``after(value, companion_result,
        progress)`` runs on the pool once ``then`` has returned ``value`` and
        the companion's result has come, and its return value is the
        state's result. No pool thread waits for a job."""
        state = JobState(id=job.id, owner=owner, kind=job.kind)
        with self._lock:
            self._jobs[job.id] = state
        flow = {"value": None, "then_ok": False, "companion": None, "arrived": companion is None, "went": False}

        def finish() -> None:
            with self._lock:
                go = flow["then_ok"] and flow["arrived"] and not flow["went"]
                flow["went"] = go or flow["went"]
            if go:
                self._run(state, lambda progress: after(flow["value"], flow["companion"], progress), on_done)

        def handler(then_fn):
            def on_result(result) -> None:
                self._run(state, lambda progress: then_fn(result, progress), None, last=False)
                if state.state == "failed":
                    if on_done is not None:
                        on_done(state)
                    return
                value = state.result
                if isinstance(value, FollowUp):
                    with self._lock:
                        self._alias[value.job.id] = state.id
                    self._after[value.job.id] = handler(value.then)
                    self._job_runner().submit(value.job)
                    return
                flow["value"], flow["then_ok"] = value, True
                if after is not None:
                    state.stage = "Đang dựng trang xem"
                    finish()
                    return
                state.state, state.finished = "done", time.time()
                if on_done is not None:
                    on_done(state)
            return on_result

        def arrived(result) -> None:
            flow["companion"] = result
            with self._lock:
                flow["arrived"] = True
            finish()

        self._after[job.id] = handler(then)
        if companion is not None:
            self._after[companion.id] = arrived
            self._job_runner().submit(companion)
        self._job_runner().submit(job)
        return state

    def _progress(self, p) -> None:
        from ..jobs import STAGES

        with self._lock:
            state = self._jobs.get(self._alias.get(p.job_id, p.job_id))
        if state is not None and state.finished is None and p.stage not in ("done", "failed"):
            state.state = "running"
            state.stage = STAGES.get(p.stage, p.stage).capitalize()
            state.done, state.total = p.current or 0, p.total or 0

    def _result(self, result) -> None:
        after = self._after.pop(result.job_id, None)
        if after is not None:
            self._pool.submit(after, result)

    def submit(self, owner: str, kind: str, fn: Callable[[Progress], Any],
               on_done: Callable[[JobState], None] | None = None, job_id: str | None = None) -> JobState:
        job = JobState(id=job_id or uuid.uuid4().hex, owner=owner, kind=kind)
        with self._lock:
            self._jobs[job.id] = job

        self._pool.submit(self._run, job, fn, on_done)
        return job

    @staticmethod
    def _run(job: JobState, fn: Callable[[Progress], Any], on_done, last: bool = True) -> None:
        """``fn(progress)`` with the state kept; ``last``: the job ends with it
        (else it stays running, for a step that follows)."""
        def progress(stage: str, done: int = 0, total: int = 0) -> None:
            job.stage, job.done, job.total = stage, done, total

        job.state = "running"
        try:
            job.result = fn(progress)
            if last:
                job.state = "done"
        except Exception as exc:  # reported on the page, never a traceback there
            job.state = "failed"
            job.error = getattr(exc, "user_message", None) or _message(exc)
            if not getattr(exc, "user_message", None) and type(exc).__name__ != "UnreadableInput":
                log.exception("job %s failed", job.id)
        finally:
            if last or job.state == "failed":
                job.finished = time.time()
            if on_done is not None:
                try:
                    on_done(job)
                except Exception:  # pragma: no cover - logged, the job's state stands
                    log.exception("after job %s", job.id)

    def status(self, job_id: str) -> JobState | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        if self._shared is not None:
            self._shared.close()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _message(exc: Exception) -> str:
    if type(exc).__name__ in ("UnreadableInput", "ArchiveError", "UploadRefused"):
        return str(exc)
    return f"Lỗi nội bộ khi xử lý tệp ({type(exc).__name__}). Vui lòng báo cho quản trị viên."
