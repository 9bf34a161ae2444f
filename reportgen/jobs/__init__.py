"""Batch jobs for the CLI and the web server: one model, two runners.

A :class:`Job` is one file to verify, one document to import, one draft to
render or one batch of DOCX files to convert to PDF::

    from reportgen.jobs import Job, make_runner

    jobs = [Job("verify", "bc-2025.pdf", {"scheme": "dienbien-2024"}),
            Job("import", "bc-2025.pdf", {"db": "postgresql+psycopg2://…"}),
            Job("draft-render", "diem.xlsx", {"per_unit": True, "outdir": "tb/"}),
            Job("pdf-convert", ["tb/1.docx", "tb/2.docx"], {"outdir": "tb/"})]
    with make_runner(workers=2) as runner:          # broker=None: this machine
        runner.on_progress(lambda p: print(p.text))  # 'bc.pdf: đang nhận dạng chữ (OCR) trang 2/3'
        runner.on_result(lambda r: print(r.name, r.verdict, r.error))
        ids = runner.submit(jobs)
        runner.status(ids[0])        # JobStatus: state queued|running|done|failed, last Progress, result
        for result in runner.results():   # as they finish
            ...
        results = runner.wait()     # every JobResult, in the order submitted

Runners (same methods: ``submit``, ``status``, ``results``, ``wait``,
``on_progress``, ``on_result``, ``close``; context managers):

- :class:`LocalRunner` (:mod:`reportgen.jobs.local`): a pool of N worker
  processes on this machine (default: the number of cores).
- :class:`CeleryRunner` (:mod:`reportgen.jobs.celery_app`): Celery over Redis
  when ``REPORTGEN_BROKER=redis://…`` (or ``broker=``) is given; workers are
  started with ``reportgen worker``. Results live in the result backend (the
  shared PostgreSQL when REPORTGEN_DB points to one); a worker killed in the
  middle of a job hands the job back to the queue (``acks_late``,
  ``reject_on_worker_lost``) and another worker runs it again.

Progress (:class:`Progress`): ``stage`` is one of ``started``, ``reading``,
``ocr`` (``current``/``total`` = page k/n), ``checking``, ``writing`` (for a
PDF batch: file k/n), ``done`` or ``failed``; ``Progress.text`` is the
Vietnamese line to show.

A result (:class:`JobResult`): ``status`` 'ok' or 'failed'; ``verdict``
(ĐẠT, KHÔNG ĐẠT, CHƯA KIỂM TRA HẾT; ĐÃ NHẬP, ĐÃ CÓ; ĐÃ GHI; KHÔNG ĐỌC ĐƯỢC;
LỖI CHƯƠNG TRÌNH), ``exit`` (the status the single-file command would
return: 0, 1, 2, 3, 70), ``counts``, ``coverage``, ``seconds``, ``error``
(Vietnamese, with the file's name), ``outputs`` (files written), ``payload``
(verify: the report's JSON). A failed job never stops the batch.
Callbacks run on the runner's threads (local) or its polling thread
(Celery): keep them short, hand work to your own loop.

:mod:`reportgen.jobs.batch` builds the jobs for a command line (files and
folders), shows progress and writes the summary, ``--report`` XLSX and
``--format jsonl``.
"""
from __future__ import annotations

from .broker import BROKER_ENV, broker_url
from .execute import run_job
from .local import LocalRunner, default_workers
from .model import KINDS, STAGES, Job, JobKind, JobResult, Progress
from .status import JobStatus

__all__ = ["BROKER_ENV", "Job", "JobKind", "JobResult", "JobStatus", "KINDS", "LocalRunner", "Progress", "STAGES",
           "broker_url", "default_workers", "make_runner", "run_job"]

def make_runner(workers: int | None = None, broker: str | None = None, **callbacks):
    """A :class:`CeleryRunner` when a broker is configured, else a
    :class:`LocalRunner` with ``workers`` processes. ``callbacks``:
    ``on_progress``, ``on_result``."""
    url = broker_url(broker)
    if url:
        from .celery_app import CeleryRunner

        return CeleryRunner(url, **callbacks)
    return LocalRunner(workers, **callbacks)
