"""The job model shared by the CLI, the web server and the workers: a Job
(what to do), Progress events (how far it got) and a JobResult (what came
out). All three are plain data that survive a round trip through JSON, so the
same objects travel through a local process pool and through Celery/Redis.
"""
from __future__ import annotations

import os
import socket
import uuid
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class JobKind(StrEnum):
    """What a job does (``Job.kind``, ``JobResult.kind``); the value travels in the JSON."""

    VERIFY = "verify"
    IMPORT = "import"
    DRAFT_RENDER = "draft-render"
    PDF_CONVERT = "pdf-convert"


KINDS = tuple(str(k) for k in JobKind)  # ("verify", "import", "draft-render", "pdf-convert")

# Stages a job goes through (Progress.stage). Vietnamese labels for the
# progress line; the codes are the contract.
STAGES = {
    "queued": "đang chờ",
    "started": "bắt đầu",
    "reading": "đang đọc",
    "ocr": "đang nhận dạng chữ (OCR)",
    "checking": "đang kiểm tra",
    "writing": "đang ghi",
    "done": "xong",
    "failed": "lỗi",
}

# Verdicts of a job's result (JobResult.verdict).
VERDICT_PASS, VERDICT_FAIL, VERDICT_UNCHECKED = "ĐẠT", "KHÔNG ĐẠT", "CHƯA KIỂM TRA HẾT"
VERDICT_UNREADABLE = "KHÔNG ĐỌC ĐƯỢC"
VERDICT_IMPORTED, VERDICT_DUPLICATE = "ĐÃ NHẬP", "ĐÃ CÓ"
VERDICT_WRITTEN = "ĐÃ GHI"
VERDICT_BUG = "LỖI CHƯƠNG TRÌNH"


def new_id() -> str:
    return uuid.uuid4().hex


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Job:
    """One unit of work: one file to verify, one document to import, one
    draft to render, one batch of DOCX files to convert to PDF.

    ``input`` is a path (for ``pdf-convert`` a list of DOCX paths is allowed:
    one LibreOffice process converts them all, which is what makes a batch of
    PDFs cheap). ``options`` are plain JSON values; see
    :mod:`reportgen.jobs.execute` for the options of each kind.
    """

    kind: JobKind
    input: str | list[str]
    options: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown job kind {self.kind!r} (one of {', '.join(KINDS)})")
        self.kind = JobKind(self.kind)

    @property
    def name(self) -> str:
        """The file name the user knows the job by."""
        if isinstance(self.input, list):
            first = os.path.basename(self.input[0]) if self.input else ""
            return first if len(self.input) == 1 else f"{first} (+{len(self.input) - 1} tệp)"
        return os.path.basename(str(self.input))

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Job":
        return cls(kind=data["kind"], input=data["input"], options=dict(data.get("options") or {}),
                   id=data.get("id") or new_id())


@dataclass
class Progress:
    """How far a job got. ``current``/``total`` count pages (reading, OCR) or
    files (writing a batch); either may be None when not known."""

    job_id: str
    stage: str
    current: int | None = None
    total: int | None = None
    name: str = ""
    worker: str = ""

    @property
    def text(self) -> str:
        """Vietnamese, e.g. 'bao-cao.pdf: đang nhận dạng chữ (OCR) trang 2/3'."""
        what = STAGES.get(self.stage, self.stage)
        if self.current is not None and self.total:
            unit = "trang" if self.stage in ("reading", "ocr") else "tệp"
            what += f" {unit} {self.current}/{self.total}"
        return f"{self.name}: {what}" if self.name else what

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Progress":
        return cls(**{k: data.get(k) for k in ("job_id", "stage", "current", "total")},
                   name=data.get("name") or "", worker=data.get("worker") or "")


@dataclass
class JobResult:
    """What a job produced. ``status`` is 'ok' (the job ran to its end,
    whatever the verdict) or 'failed' (the input could not be read:
    ``exit`` 2, or our own bug: ``exit`` 70); ``error`` then names the file.

    ``counts`` by kind: verify {'error', 'warning', 'info'}; import {'rows',
    'findings'}; draft-render {'documents'}; pdf-convert {'pdfs'}.
    ``coverage`` is the share (0..1) of numeric cells and claims checked
    when the verifier reports it. ``payload`` carries the kind's JSON (for
    verify: ``VerifyResult.to_json()``; for import: the archive's result).
    """

    job_id: str
    kind: JobKind
    input: str | list[str]
    status: str
    verdict: str
    exit: int
    counts: dict[str, int] = field(default_factory=dict)
    coverage: float | None = None
    seconds: float = 0.0
    error: str = ""
    outputs: list[str] = field(default_factory=list)
    payload: dict | None = None
    worker: str = ""
    attempts: int = 1

    def __post_init__(self) -> None:
        self.kind = JobKind(self.kind)

    @property
    def name(self) -> str:
        return Job(self.kind, self.input, id=self.job_id).name

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "JobResult":
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})
