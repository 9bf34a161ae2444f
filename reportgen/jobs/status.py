"""What a runner knows about one job at a given moment (:class:`JobStatus`),
and about all of its jobs (:class:`JobBook`)."""
from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .model import JobResult, Progress


@dataclass
class JobStatus:
    """``state``: 'queued', 'running', 'done' (a result, status ok) or
    'failed' (a result naming the file and the error)."""

    job_id: str
    kind: str
    input: str | list[str]
    state: str
    progress: Progress | None = None
    result: JobResult | None = None
    finished_at: float | None = None

    def copy(self) -> "JobStatus":
        return copy.copy(self)

    def to_json(self) -> dict:
        return {"job_id": self.job_id, "kind": self.kind, "input": self.input, "state": self.state,
                "progress": self.progress.to_json() if self.progress else None,
                "result": self.result.to_json() if self.result else None}


class JobBook:
    """What a runner keeps of its jobs, the same for every runner (local
    processes, Celery workers): each job's status under one lock, the order
    they were submitted, the callbacks, and the results as they come.

    A runner records a job with :meth:`_queued` and reports what its workers
    say with :meth:`_progress` and :meth:`_finish`; the public methods
    (``status``, ``results``, ``wait``, ``on_progress``, ``on_result``) are
    this class's."""

    def __init__(self, on_progress: Callable[[Progress], None] | None = None,
                 on_result: Callable[[JobResult], None] | None = None):
        self._on_progress = [on_progress] if on_progress else []
        self._on_result = [on_result] if on_result else []
        self._lock = threading.Condition()
        self._status: dict[str, JobStatus] = {}
        self._order: list[str] = []
        self._closed = False

    def on_progress(self, callback: Callable[[Progress], None]) -> None:
        self._on_progress.append(callback)

    def on_result(self, callback: Callable[[JobResult], None]) -> None:
        self._on_result.append(callback)

    def status(self, job_id: str) -> JobStatus:
        with self._lock:
            return self._status[job_id].copy()

    def results(self, job_ids: Iterable[str] | None = None, timeout: float | None = None) -> Iterator[JobResult]:
        """Results as jobs finish (in order of completion) until every job
        asked for (default: every job submitted so far) has one."""
        with self._lock:
            wanted = set(job_ids if job_ids is not None else self._order)
        deadline = None if timeout is None else time.monotonic() + timeout
        seen: set[str] = set()
        while seen != wanted:
            with self._lock:
                ready = [i for i in wanted - seen if self._status[i].result is not None]
                if not ready:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        raise TimeoutError(f"{len(wanted - seen)} jobs not finished")
                    self._lock.wait(0.5 if left is None else min(0.5, left))
                    continue
                ready.sort(key=lambda i: self._status[i].finished_at or 0)
            for job_id in ready:
                seen.add(job_id)
                yield self._status[job_id].result

    def wait(self, job_ids: Iterable[str] | None = None, timeout: float | None = None) -> list[JobResult]:
        """Every result, in the order the jobs were submitted."""
        ids = list(job_ids if job_ids is not None else self._order)
        got = {r.job_id: r for r in self.results(ids, timeout)}
        return [got[i] for i in ids]

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- for the runners ------------------------------------------------------------

    def _queued(self, job) -> None:
        """Record a submitted job (call with the lock held)."""
        self._status[job.id] = JobStatus(job.id, job.kind, job.input, "queued")
        self._order.append(job.id)

    def _finish(self, result: JobResult) -> None:
        with self._lock:
            st = self._status.get(result.job_id)
            if st is None or st.result is not None:
                return  # a job run twice (redelivered): the first result stands
            st.state = "done" if result.ok else "failed"
            st.result = result
            st.finished_at = time.monotonic()
            self._lock.notify_all()
        for cb in self._on_result:
            cb(result)

    def _progress(self, p: Progress) -> None:
        with self._lock:
            st = self._status.get(p.job_id)
            if st is None:
                return
            if st.result is None:  # an event that comes in after the result leaves the status alone
                st.state = "running"
                st.progress = p
        for cb in self._on_progress:  # every event, in the order the job sent them
            cb(p)
