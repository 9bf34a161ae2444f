"""A batch that can be resumed after a kill: every finished job's result is
appended to a journal (JSON Lines, one line per job, written whole and synced
before the next), and a later run with the same journal skips the jobs whose
result it already holds::

    journal = Journal("lo-thang-10.jsonl")
    done = journal.restore(jobs)        # {job.id: JobResult} already finished
    runner.on_result(journal.record)    # each new result, as it comes
    runner.submit([j for j in jobs if j.id not in done])

A job is the same job when its kind, its options and its input (absolute
path, size and modification time) are the same: a file changed since, or a
run with another scheme, is run again. A result of our own bug (exit 70, a
worker that died) is not kept: it is tried again. A line cut short by the
kill is ignored (and the next line starts on a line of its own).
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from .model import Job, JobResult

_VOLATILE = ("ocr_threads",)  # options that change how fast, not what comes out


def job_key(job: Job) -> str:
    """What makes two jobs the same job (see the module's text)."""
    inputs = job.input if isinstance(job.input, list) else [job.input]
    files = []
    for path in inputs:
        try:
            st = os.stat(path)
            files.append([os.path.abspath(path), st.st_size, st.st_mtime_ns])
        except OSError:
            files.append([os.path.abspath(str(path)), None, None])
    options = {k: v for k, v in sorted(job.options.items()) if k not in _VOLATILE}
    text = json.dumps([job.kind, files, options], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Journal:
    """Results of a batch, kept on disk as they finish."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._keys: dict[str, str] = {}  # job id -> key, for the jobs of this run
        self._held: dict[str, dict] = {}  # key -> result JSON read from the file

    def restore(self, jobs: list[Job]) -> dict[str, JobResult]:
        """Read the journal; the results it holds for ``jobs`` by job id."""
        self._keys = {job.id: job_key(job) for job in jobs}
        self._held = {}
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        for line in text.splitlines():
            try:
                entry = json.loads(line)
                self._held[entry["key"]] = entry["result"]
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill
        done = {}
        for job in jobs:
            data = self._held.get(self._keys[job.id])
            if data is not None:
                result = JobResult.from_json({**data, "job_id": job.id})
                done[job.id] = result
        return done

    def record(self, result: JobResult) -> None:
        """Append one finished job (whole line, synced); our own bugs are not
        kept, so a resumed run tries them again."""
        key = self._keys.get(result.job_id)
        if key is None or result.exit == 70:
            return
        line = json.dumps({"key": key, "result": result.to_json()}, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                if os.fstat(fd).st_size and not self._ends_with_newline():
                    line = "\n" + line  # after a line cut short
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"
