"""What a runner knows about one job at a given moment."""
from __future__ import annotations

import copy
from dataclasses import dataclass

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
