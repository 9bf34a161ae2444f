"""Running one job in the current process: :func:`run_job`. It never raises;
whatever happens becomes a :class:`JobResult` naming the file.

Options of each kind (all plain JSON values):

- every kind: ``scheme_folders`` (folders of scheme files that join the
  shipped schemes in the worker, as they are when the job runs: the web
  server's uploaded schemes; a Celery worker on another machine needs the
  same folder at the same path).

- ``verify``: ``scheme`` (name), ``engine``, ``ocr``, ``password``,
  ``ocr_threads`` (pages recognised at once; 1 inside a batch), ``limits``
  (the command line's ``--limit`` values as ``{name: value}``, see
  :func:`limits_option`; the worker's defaults for the rest). Payload: the
  verifier's JSON for the file.
- ``import``: ``db`` (SQLAlchemy URL; default REPORTGEN_DB or the user's
  archive). Idempotent by the file's SHA-256: a job run twice stores the
  document once (the second run reports ``ĐÃ CÓ``).
- ``draft-render``: ``output`` (DOCX path) or ``outdir`` with ``per_unit``
  true; ``meta`` (a TOML/YAML file, or the particulars as a mapping),
  ``template``, ``scheme``, ``province``, ``previous``, ``doc_type``.
  Payload: ``doc_type``, ``units``, ``corrections`` (the notes of the data).
- ``pdf-convert``: ``outdir`` (default: beside each DOCX), ``any_kind``
  (the files may be XLSX, DOC or text too: the web view's rendering of an
  upload). One LibreOffice process with its own profile folder converts
  the job's files; each PDF is moved into place only when complete.
"""
from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from ..errors import ReportgenError
from ..raw import UnreadableInput
from .model import (
    VERDICT_BUG,
    VERDICT_DUPLICATE,
    VERDICT_FAIL,
    VERDICT_IMPORTED,
    VERDICT_PASS,
    VERDICT_UNCHECKED,
    VERDICT_UNREADABLE,
    VERDICT_WRITTEN,
    Job,
    JobKind,
    JobResult,
    Progress,
    worker_name,
)

Emit = Callable[[Progress], None]
EXIT_BUG = 70
BUG_LOG = "reportgen-loi.log"

_READER_OPTIONS = ("engine", "ocr", "password", "ocr_threads", "limits")


def _named(message: str, name: str) -> str:
    return message if name and name in message else f"{name}: {message}"


def bug_log_path() -> Path:
    return Path(tempfile.gettempdir()) / BUG_LOG


def run_job(job: Job, emit: Emit | None = None, attempts: int = 1) -> JobResult:
    """Run ``job`` here and now; progress goes to ``emit`` (may be None)."""
    started = time.perf_counter()
    me = worker_name()

    def progress(stage: str, current: int | None = None, total: int | None = None) -> None:
        if emit is not None:
            emit(Progress(job.id, stage, current, total, name=job.name, worker=me))

    progress("started")
    try:
        for folder in job.options.get("scheme_folders") or ():
            from ..schemes import add_scheme_folder

            add_scheme_folder(folder)
        result = _RUNNERS[job.kind](job, progress)
    except ReportgenError as exc:  # bad input, an unknown scheme, a bad template: exit 2
        result = JobResult(job.id, job.kind, job.input, "failed", VERDICT_UNREADABLE, 2,
                           error=_named(str(exc), job.name))
    except Exception as exc:  # our own bug: reported, the batch goes on
        trace = traceback.format_exc()
        try:
            with open(bug_log_path(), "a", encoding="utf-8") as log:
                log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {job.kind} {job.input}\n{trace}\n")
        except OSError:
            pass
        result = JobResult(job.id, job.kind, job.input, "failed", VERDICT_BUG, EXIT_BUG,
                           error=_named(f"lỗi của chương trình ({type(exc).__name__}: {exc}); "
                                        f"xin gửi báo lỗi kèm tệp {bug_log_path()}", job.name),
                           payload={"traceback": trace})
    result.seconds = round(time.perf_counter() - started, 3)
    result.worker = me
    result.attempts = attempts
    progress("done" if result.ok else "failed")
    return result


# -- verify -----------------------------------------------------------------------

def limits_option(limits) -> dict | None:
    """A :class:`parsers.limits.Limits` as a job option: every value, plain
    JSON (so a Celery worker on another machine applies the limits of the
    command that enqueued the job, not its own environment's)."""
    from dataclasses import asdict

    return None if limits is None else asdict(limits)


def job_limits(value):
    """The ``limits`` option back as a Limits (a Limits passes through; an
    unknown name is ignored, a bad value is a Vietnamese UnreadableInput)."""
    from dataclasses import fields

    from parsers.limits import Limits

    if value is None or isinstance(value, Limits):
        return value
    names = {f.name for f in fields(Limits)}
    try:
        return Limits(**{k: v for k, v in dict(value).items() if k in names})
    except (TypeError, ValueError) as exc:
        raise UnreadableInput(f"giới hạn của việc không hợp lệ: {exc}") from None


def reader_settings(options: dict, progress) -> dict:
    settings = {k: options[k] for k in _READER_OPTIONS if options.get(k) is not None}
    if "limits" in settings:
        settings["limits"] = job_limits(settings["limits"])
    settings["on_page"] = lambda stage, k, n: progress(stage, k, n)
    return settings


def coverage_share(data) -> float | None:
    """The share (0..1) of numeric cells and claims the checks covered, from
    the coverage JSON (``{"cells": {"checked", "total"}, "claims": …}``);
    None when the document has nothing with numbers."""
    if not isinstance(data, dict):
        return None
    checked = total = 0
    for part in ("cells", "claims"):
        got = data.get(part) or {}
        checked += int(got.get("checked") or 0)
        total += int(got.get("total") or 0)
    return round(checked / total, 4) if total else None


def verdict_of(result) -> tuple[str, int]:
    verdict = getattr(result, "verdict", None) or (VERDICT_PASS if result.ok else VERDICT_FAIL)
    code = getattr(result, "exit_status", None)
    if code is None:
        code = {VERDICT_PASS: 0, VERDICT_FAIL: 1, VERDICT_UNCHECKED: 3}.get(verdict, 0 if result.ok else 1)
    return str(verdict), int(code)


def _verify(job: Job, progress) -> JobResult:
    from ..verify import verify_path

    options = job.options
    settings = reader_settings(options, progress)
    progress("reading")
    result = verify_path(job.input, options.get("scheme"), settings)
    payload = result.to_json()
    verdict, code = verdict_of(result)
    counts = result.counts
    coverage = coverage_share(payload.get("coverage"))
    return JobResult(job.id, job.kind, job.input, "ok", verdict, code,
                     counts={"error": counts.get("error", 0), "warning": counts.get("warning", 0),
                             "info": counts.get("info", 0)},
                     coverage=coverage, payload=payload)


# -- import -----------------------------------------------------------------------

_ENGINES: dict[str, object] = {}


def archive_engine(url: str | None):
    """One engine per archive and process (opened, migrated once)."""
    from ..archive import open_archive, resolve_url

    key = resolve_url(url)
    if key not in _ENGINES:
        _ENGINES[key] = open_archive(key).engine
    return _ENGINES[key]


def _with_period(report, period: str | None):
    """``archive import --period``: the period the user gives wins."""
    if period:
        report.meta.period = period
    return report


def _import(job: Job, progress) -> JobResult:
    from ..archive.importer import default_checker, import_file
    from ..archive.jsonreport import read_extract_json
    from ..read import read_path

    path = Path(job.input)
    if not path.is_file():
        raise UnreadableInput(f"không tìm thấy tệp: {path}")
    settings = reader_settings(job.options, progress)

    def reader(p: Path):
        progress("reading")
        if p.suffix.lower() == ".json":
            report = read_extract_json(p)
            if report is not None:
                report = _with_period(report, job.options.get("period"))
                return report
        return _with_period(read_path(p, settings), job.options.get("period"))

    def checker(report):
        progress("checking")
        return default_checker(report)

    engine = archive_engine(job.options.get("db"))
    got = import_file(engine, path, reader=reader, checker=checker, on_write=lambda p: progress("writing"))
    if got.status == "imported":
        verdict = VERDICT_IMPORTED
    elif got.status == "duplicate":
        verdict = VERDICT_DUPLICATE
    else:
        return JobResult(job.id, job.kind, job.input, "failed", VERDICT_UNREADABLE, 2,
                         error=_named(got.message, path.name), payload=dict(got.__dict__))
    return JobResult(job.id, job.kind, job.input, "ok", verdict, 0,
                     counts={"rows": got.rows, "findings": got.findings}, payload=dict(got.__dict__))


# -- draft-render -----------------------------------------------------------------

def _draft_render(job: Job, progress) -> JobResult:
    from ..draft import build_draft, load_data, load_meta
    from ..draft.perunit import write_per_unit

    o = job.options
    if o.get("limits") is not None:  # the enqueuing command's --limit values, as in a single run
        from parsers.limits import use

        from ..draft import sandbox

        sandbox.LIMITS = job_limits(o["limits"])
        use(sandbox.LIMITS)
    progress("reading")
    if isinstance(o.get("meta"), dict):  # the particulars themselves (the web form's), not a file
        from ..draft.metadata import meta_from_dict

        meta = meta_from_dict(o["meta"], o.get("doc_type"))
    else:
        meta = load_meta(o.get("meta"), o.get("doc_type"))
    data = load_data(job.input, o.get("scheme"), o.get("province"), o.get("previous"))
    progress("writing")
    if o.get("per_unit"):
        if not o.get("outdir"):
            raise UnreadableInput("thiếu thư mục ghi kết quả (outdir) cho các thông báo từng đơn vị")
        paths = write_per_unit(data, meta, o["outdir"], o.get("template"), workers=int(o.get("workers", 1)))
        outputs = [str(p) for p in paths]
    else:
        out = Path(o.get("output") or Path(job.input).with_name(
            f"{Path(job.input).stem}-{meta.doc_type.lower()}.docx"))
        result = build_draft(data, meta, o.get("template"))
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            result.save(tmp)
            os.replace(tmp, out)  # never a half-written draft
        finally:
            tmp.unlink(missing_ok=True)
        outputs = [str(out)]
    return JobResult(job.id, job.kind, job.input, "ok", VERDICT_WRITTEN, 0,
                     counts={"documents": len(outputs)}, outputs=outputs,
                     payload={"doc_type": meta.doc_type, "units": sum(len(t.rows) for t in data.tables),
                              "corrections": [c.text() for c in data.corrections] + list(data.notes)})


# -- pdf-convert ------------------------------------------------------------------

def _pdf_convert(job: Job, progress) -> JobResult:
    from .convert import convert_batch

    files = job.input if isinstance(job.input, list) else [job.input]
    made = convert_batch(files, job.options.get("outdir"),
                         on_file=lambda k, n: progress("writing", k, n), pdf_a=bool(job.options.get("pdf_a")),
                         any_kind=bool(job.options.get("any_kind")))
    return JobResult(job.id, job.kind, job.input, "ok", VERDICT_WRITTEN, 0,
                     counts={"pdfs": len(made)}, outputs=[str(p) for p in made])


_RUNNERS = {JobKind.VERIFY: _verify, JobKind.IMPORT: _import, JobKind.DRAFT_RENDER: _draft_render,
            JobKind.PDF_CONVERT: _pdf_convert}
