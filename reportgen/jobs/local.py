"""The embedded runner: jobs in a pool of worker processes on this machine.

A dispatcher thread keeps the pool busy and collects results; workers send
progress through a queue that a listener thread turns into callbacks. When a
worker process dies (a crash inside a native library, the OOM killer), the
pool is rebuilt and the jobs that were in flight are run again, each alone;
a job that kills its worker while running alone is reported failed with its
file's name, the others finish normally. The batch
always goes on.

Workers are started fresh (``spawn``), never forked from the process that
submits: that process is often a threaded server holding the archive open,
and a child forked while one of its threads is inside a SQLite transaction
inherits SQLite's record of that lock without the lock itself, so the
child's every write then waits for a lock nobody will release ("database is
locked" after the busy timeout). A job carries everything a worker needs
(options, scheme folders, limits); the environment is the submitter's at
the moment the pool starts its workers.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import sys
import threading
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable

from .execute import EXIT_BUG, run_job
from .model import VERDICT_BUG, Job, JobResult, Progress
from .status import JobBook

MAX_ATTEMPTS = 3
_EVENTS = None  # the worker side of the progress queue


def _init_worker(events) -> None:
    global _EVENTS
    _EVENTS = events
    _end_with_parent()
    try:
        os.nice(0)
    except OSError:
        pass


def _end_with_parent() -> None:
    """A worker ends when it is told to (SIGTERM) and when the process that
    started it dies. A worker forked by a test (``start_method="fork"``)
    inherits its parent's Python signal handlers (under ``reportgen serve``,
    uvicorn's, which only sets a flag), so SIGTERM is reset. On Linux the kernel also
    sends SIGTERM when the parent dies (PR_SET_PDEATHSIG)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before the call: nobody is left to serve
            os._exit(0)


def _emit(p: Progress) -> None:
    if _EVENTS is not None:
        try:
            _EVENTS.put_nowait(p.to_json())
        except Exception:  # a full or closed queue never fails a job
            pass


def _work(job_json: dict, attempts: int) -> dict:
    return run_job(Job.from_json(job_json), _emit, attempts).to_json()


def _shut(pool: ProcessPoolExecutor, grace: float = 30.0) -> None:
    """Shut ``pool`` down within bounded time: its idle workers leave when told
    to; one that does not within ``grace`` seconds (a forked worker stuck on a
    lock its parent's threads held at the fork) is terminated, never waited
    for for ever."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        proc.join(timeout=grace)
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout=5)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class LocalRunner(JobBook):
    """``submit`` jobs, follow them with ``status`` or callbacks, collect
    ``results``. Callbacks run on the runner's own threads: keep them short.

    ``start_method`` is ``spawn`` (see the module's docstring); a test that
    must change the workers' code in memory may ask for ``fork``."""

    def __init__(self, workers: int | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_result: Callable[[JobResult], None] | None = None, *, start_method: str = "spawn"):
        super().__init__(on_progress, on_result)
        self.workers = max(1, int(workers or default_workers()))
        self._ctx = mp.get_context(start_method)
        self._events = self._ctx.Queue()
        self._pending: deque[tuple[Job, int]] = deque()
        self._done: deque[str] = deque()
        self._pool: ProcessPoolExecutor | None = None
        self._dispatcher = threading.Thread(target=self._dispatch, name="rg-jobs-dispatch", daemon=True)
        self._listener = threading.Thread(target=self._listen, name="rg-jobs-progress", daemon=True)
        self._dispatcher.start()
        self._listener.start()

    # -- public API ---------------------------------------------------------------

    def submit(self, jobs: Job | Iterable[Job]) -> list[str]:
        """Queue jobs; returns their ids in order."""
        jobs = [jobs] if isinstance(jobs, Job) else list(jobs)
        with self._lock:
            if self._closed:
                raise RuntimeError("runner is closed")
            for job in jobs:
                self._queued(job)
                self._pending.append((job, 1))
            self._lock.notify_all()
        return [j.id for j in jobs]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._dispatcher.join()
        self._events.put(None)
        self._listener.join(timeout=5)
        self._events.close()

    # -- internals ----------------------------------------------------------------

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self._ctx,
                                   initializer=_init_worker, initargs=(self._events,))

    def _dispatch(self) -> None:
        running: dict = {}  # future -> (job, attempts)
        suspects: set[str] = set()  # in flight when a worker died: now run alone
        pool = self._new_pool()
        try:
            while True:
                with self._lock:
                    while self._pending and len(running) < self.workers:
                        job, attempts = self._pending[0]
                        alone = job.id in suspects
                        if running and (alone or any(j.id in suspects for j, _ in running.values())):
                            break  # a suspect runs with nothing beside it
                        self._pending.popleft()
                        try:
                            running[pool.submit(_work, job.to_json(), attempts)] = (job, attempts)
                        except BrokenProcessPool:
                            self._pending.appendleft((job, attempts))
                            if not running:  # broken with nothing in flight to tell it: a new pool, or none ever
                                pool.shutdown(wait=False, cancel_futures=True)
                                pool = self._new_pool()
                            break
                        if alone:
                            break
                    if not running:
                        if self._closed and not self._pending:
                            return
                        self._lock.wait(0.2)
                        continue
                done, _ = wait(list(running), timeout=0.2, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    try:
                        result = JobResult.from_json(fut.result())
                    except BrokenProcessPool:
                        broken = True
                        continue
                    except Exception as exc:  # pragma: no cover - pickling trouble
                        job, attempts = running[fut]
                        result = self._lost(job, attempts, f"{type(exc).__name__}: {exc}")
                    running.pop(fut)
                    self._finish(result)
                if broken:
                    alone = len(running) == 1
                    for job, attempts in running.values():
                        if (alone and job.id in suspects) or attempts >= MAX_ATTEMPTS:
                            self._finish(self._lost(job, attempts, "tiến trình xử lý bị dừng đột ngột"))
                        else:
                            suspects.add(job.id)
                            with self._lock:
                                self._status[job.id].state = "queued"
                                self._pending.appendleft((job, attempts + 1))
                    running.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._new_pool()
        finally:
            _shut(pool)

    @staticmethod
    def _lost(job: Job, attempts: int, why: str) -> JobResult:
        return JobResult(job.id, job.kind, job.input, "failed", VERDICT_BUG, EXIT_BUG,
                         error=f"{job.name}: {why} (đã thử {attempts} lần)", attempts=attempts)

    def _listen(self) -> None:
        while True:
            try:
                item = self._events.get(timeout=1)
            except queue.Empty:
                continue
            except (EOFError, OSError):
                return
            if item is None:
                return
            self._progress(Progress.from_json(item))
