"""Jobs across machines: Celery over Redis.

``reportgen worker`` (or ``celery -A reportgen.jobs.celery_app worker``)
runs :func:`run_job` for jobs that a :class:`CeleryRunner` enqueued. Every
machine points at the same broker (``REPORTGEN_BROKER=redis://host:6379/0``)
and the same archive (``REPORTGEN_DB=postgresql+psycopg2://…``); results are
kept in ``REPORTGEN_RESULT_BACKEND`` — by default the shared PostgreSQL when
REPORTGEN_DB is one (``db+postgresql…``), else the broker's Redis.

Delivery: ``acks_late`` and ``reject_on_worker_lost``: a job is acknowledged
only when it has finished, so a worker process killed in the middle hands it
back to the queue and another worker runs it; a whole worker (or machine)
that disappears leaves its job unacknowledged, and Redis gives it to another
worker after ``REPORTGEN_VISIBILITY_TIMEOUT`` seconds (default 1800: longer
than any one job, or a slow job would be run twice). Running a job twice is
harmless: an import is idempotent by the file's SHA-256 (the second run
reports ``ĐÃ CÓ``), drafts and PDFs are written atomically over the same
paths. Progress events go through a Redis list per runner (``RPUSH``,
read with ``BLPOP``).
"""
from __future__ import annotations

import json
import os
import threading
import time
import uuid
from enum import StrEnum
from typing import Callable, Iterable

from celery import Celery

from .broker import broker_url
from .execute import run_job
from .model import Job, JobResult, Progress
from .status import JobBook

TASK = "reportgen.run_job"
EVENTS_TTL = 24 * 3600
VISIBILITY_ENV = "REPORTGEN_VISIBILITY_TIMEOUT"


class _Event(StrEnum):
    """The ``type`` of an event a worker pushes to the runner's Redis list."""

    PROGRESS = "progress"
    RESULT = "result"


def result_backend(broker: str) -> str:
    explicit = os.environ.get("REPORTGEN_RESULT_BACKEND")
    if explicit:
        return explicit
    db = os.environ.get("REPORTGEN_DB", "")
    if db.startswith("postgresql"):
        return "db+" + db
    return broker


def make_app(broker: str | None = None, backend: str | None = None) -> Celery:
    broker = broker_url(broker) or "redis://127.0.0.1:6379/0"
    app = Celery("reportgen", broker=broker, backend=backend or result_backend(broker))
    visibility = int(os.environ.get(VISIBILITY_ENV, "1800"))
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_serializer="json", result_serializer="json", accept_content=["json"],
        broker_transport_options={"visibility_timeout": visibility},
        result_backend_transport_options={"visibility_timeout": visibility},
        result_extended=True, result_expires=7 * 24 * 3600, task_track_started=True,
        broker_connection_retry_on_startup=True, worker_hijack_root_logger=False,
        database_table_names={"task": "reportgen_job_results", "group": "reportgen_job_groups"},
    )
    app.task(name=TASK, bind=True)(_task)
    return app


_REDIS: dict[str, object] = {}


def _redis(url: str):
    import redis

    if url not in _REDIS:
        _REDIS[url] = redis.Redis.from_url(url)
    return _REDIS[url]


def _task(self, job_json: dict, events_key: str | None = None) -> dict:
    """The Celery task: run the job, stream progress, return the result."""
    conn = _redis(self.app.conf.broker_url) if events_key else None

    def push(kind: _Event, payload: dict) -> None:
        if conn is None:
            return
        try:
            pipe = conn.pipeline()
            pipe.rpush(events_key, json.dumps({"type": kind, **payload}, ensure_ascii=False))
            pipe.expire(events_key, EVENTS_TTL)
            pipe.execute()
        except Exception:  # progress is a courtesy; never fail the job for it
            pass

    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    result = run_job(Job.from_json(job_json), lambda p: push(_Event.PROGRESS, p.to_json()),
                     attempts=2 if redelivered else 1)
    data = result.to_json()
    push(_Event.RESULT, data)
    return data


app = make_app()  # for `celery -A reportgen.jobs.celery_app worker`


class CeleryRunner(JobBook):
    """The same methods as :class:`LocalRunner`, jobs on Celery workers."""

    def __init__(self, broker: str | None = None, on_progress: Callable[[Progress], None] | None = None,
                 on_result: Callable[[JobResult], None] | None = None, poll: float = 5.0):
        super().__init__(on_progress, on_result)
        self.broker = broker_url(broker) or "redis://127.0.0.1:6379/0"
        self.app = make_app(self.broker)
        self.events_key = f"reportgen:events:{uuid.uuid4().hex}"
        self._poll = poll
        self._thread = threading.Thread(target=self._listen, name="rg-celery-events", daemon=True)
        self._thread.start()

    def submit(self, jobs: Job | Iterable[Job]) -> list[str]:
        jobs = [jobs] if isinstance(jobs, Job) else list(jobs)
        for job in jobs:
            with self._lock:
                self._queued(job)
            self.app.send_task(TASK, args=[job.to_json(), self.events_key], task_id=job.id)
        return [j.id for j in jobs]

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._thread.join(timeout=5)
        try:
            _redis(self.broker).delete(self.events_key)
        except Exception:
            pass

    # -- internals ----------------------------------------------------------------

    def _check_backend(self) -> None:
        """Results whose event was missed (the runner started late, Redis
        restarted): read them from the result backend."""
        with self._lock:
            open_ids = [i for i, st in self._status.items() if st.result is None][:200]
        for job_id in open_ids:
            res = self.app.AsyncResult(job_id)
            try:
                if res.successful():
                    self._finish(JobResult.from_json(res.result))
            except Exception:
                continue

    def _listen(self) -> None:
        conn = _redis(self.broker)
        last_check = time.monotonic()
        while True:
            with self._lock:
                if self._closed:
                    return
            try:
                item = conn.blpop([self.events_key], timeout=1)
            except Exception:
                time.sleep(1)
                item = None
            if item is not None:
                data = json.loads(item[1])
                kind = data.pop("type", "")
                if kind == _Event.PROGRESS:
                    self._progress(Progress.from_json(data))
                elif kind == _Event.RESULT:
                    self._finish(JobResult.from_json(data))
            if time.monotonic() - last_check > self._poll:
                last_check = time.monotonic()
                self._check_backend()
