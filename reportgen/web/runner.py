"""Background work for the web server behind one small interface.

A job is a function ``fn(progress)`` run off the request thread; it calls
``progress(stage, done, total)`` as it goes, and the page polls
:meth:`Runner.status`. This is the one place to switch to the shared job
model of :mod:`reportgen.jobs` when it exists.
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


class Runner:
    """Runs jobs on a small pool of threads (the engine releases the GIL in
    its C parts: pdfium, Tesseract and LibreOffice run in their own code or
    processes)."""

    def __init__(self, workers: int = 2):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reportgen-job")
        self._jobs: dict[str, JobState] = {}
        self._lock = threading.Lock()

    def submit(self, owner: str, kind: str, fn: Callable[[Progress], Any],
               on_done: Callable[[JobState], None] | None = None, job_id: str | None = None) -> JobState:
        job = JobState(id=job_id or uuid.uuid4().hex, owner=owner, kind=kind)
        with self._lock:
            self._jobs[job.id] = job

        def progress(stage: str, done: int = 0, total: int = 0) -> None:
            job.stage, job.done, job.total = stage, done, total

        def run() -> None:
            job.state = "running"
            try:
                job.result = fn(progress)
                job.state = "done"
            except Exception as exc:  # reported on the page, never a traceback there
                job.state = "failed"
                job.error = getattr(exc, "user_message", None) or _message(exc)
                if not getattr(exc, "user_message", None) and type(exc).__name__ != "UnreadableInput":
                    log.exception("job %s failed", job.id)
            finally:
                job.finished = time.time()
                if on_done is not None:
                    try:
                        on_done(job)
                    except Exception:  # pragma: no cover - logged, the job's state stands
                        log.exception("after job %s", job.id)

        self._pool.submit(run)
        return job

    def status(self, job_id: str) -> JobState | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _message(exc: Exception) -> str:
    if type(exc).__name__ in ("UnreadableInput", "ArchiveError", "UploadRefused"):
        return str(exc)
    return f"Lỗi nội bộ khi xử lý tệp ({type(exc).__name__}). Vui lòng báo cho quản trị viên."
