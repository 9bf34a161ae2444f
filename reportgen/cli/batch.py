"""The batch path of ``verify``, ``archive import`` and ``draft --per-unit``:
files and folders become jobs (:mod:`reportgen.jobs`) run by N local worker
processes (``--jobs``, default the number of cores) or by Celery workers
(``--broker`` / REPORTGEN_BROKER). A progress bar on a terminal (plain lines
otherwise, nothing with ``--quiet``), then a summary table (or JSON Lines
with ``--format jsonl``) and, with ``--report RA.xlsx``, a workbook of the
whole batch. A file that fails is reported with its name; the others go on.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from . import UsageError

FILE_SUFFIXES = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".txt", ".md", ".json", ".odt", ".ods", ".rtf")
HEADINGS = {"verify": ("Tệp", "Kết luận", "Lỗi", "Cảnh báo", "Độ bao phủ", "Giây"),
            "import": ("Tệp", "Kết quả", "Dòng điểm", "Phát hiện", "Độ bao phủ", "Giây")}


def add_batch_options(p, jsonl: bool = True) -> None:
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="số tệp xử lý song song trên máy này (mặc định: số nhân CPU)")
    p.add_argument("--broker", metavar="URL",
                   help="chạy trên các máy xử lý Celery qua Redis (vd. redis://may-chu:6379/0; mặc định: "
                        "biến REPORTGEN_BROKER nếu có)")
    p.add_argument("--quiet", "-q", action="store_true", help="không in tiến độ, chỉ in bảng tổng hợp")
    p.add_argument("--report", metavar="RA.xlsx", help="ghi kết quả và mọi phát hiện của cả loạt vào tệp XLSX")
    p.add_argument("--resume", metavar="NHẬT_KÝ.jsonl",
                   help="ghi kết quả từng tệp vào nhật ký này ngay khi xong; chạy lại cùng lệnh với cùng nhật ký "
                        "(sau khi bị ngắt) thì bỏ qua các tệp đã có kết quả và chỉ xử lý các tệp còn lại")


def wants_batch(args, inputs: Sequence[str], folders: bool = True) -> bool:
    """The batch path: asked for (--jobs, --broker, --quiet, --report,
    --format jsonl, REPORTGEN_BROKER) or (``folders``) a folder among the
    inputs."""
    from ..jobs import broker_url

    return bool(args.jobs or broker_url(args.broker) or args.quiet or args.report or getattr(args, "resume", None)
                or getattr(args, "format", None) == "jsonl"
                or (folders and any(Path(p).is_dir() for p in inputs)))


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files as given (a missing one becomes a failed job), and the readable
    files under each folder, sorted, hidden ones left out."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FILE_SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(str(p))
    return out


class Display:
    """Progress on stderr: a rich bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, quiet: bool, title: str, done: int = 0):
        self.total, self.quiet, self.done = total, quiet, done
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task(title, total=total, completed=done)
            self.bar.start()

    def progress(self, p) -> None:
        if self.bar is not None and p.stage not in ("done", "failed"):
            self.bar.update(self.task, description=p.text[:70])

    def result(self, r) -> None:
        self.done += 1
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.advance(self.task)
            if not r.ok:
                self.bar.console.print(f"[red]{r.error}[/red]", markup=True, highlight=False)
            return
        seconds = f"{r.seconds:.1f}".replace(".", ",")
        line = f"[{self.done}/{self.total}] {r.name}: {r.verdict} ({seconds} giây)"
        if not r.ok:
            line += f" — {r.error}"
        print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def emit(text: str) -> None:
    """Write to stdout; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _plain_table(headings, rows) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headings)]
    right = set(range(2, len(headings)))
    fmt = lambda cells: "  ".join(  # noqa: E731
        c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()
    return "\n".join([fmt(headings), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def print_summary(kind: str, results, fmt: str) -> None:
    from ..jobs.report import jsonl_lines, summary_rows, tally

    if fmt == "jsonl":
        emit("".join(line + "\n" for line in jsonl_lines(results)))
        return
    if fmt == "json":  # archive import's JSON: one object for the batch
        import json

        counts = {v: sum(r.verdict == v for r in results) for v in {r.verdict for r in results}}
        emit(json.dumps({"results": [r.to_json() for r in results], "verdicts": counts},
                        ensure_ascii=False, indent=2) + "\n")
        return
    headings = HEADINGS.get(kind, HEADINGS["verify"])
    rows = summary_rows(results)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*headings)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        emit(tally(results) + "\n")
    else:
        emit(_plain_table(headings, rows) + "\n" + tally(results) + "\n")
    failed = [r for r in results if not r.ok]
    if failed:
        print("\n".join(f"reportgen: {r.error}" for r in failed), file=sys.stderr)


def run_jobs(jobs, args, title: str):
    """Run the jobs with the runner the options choose; results in order.
    With ``--resume``, the jobs the journal already holds are not run again."""
    from ..jobs import make_runner
    from ..jobs.journal import Journal

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs phải là số nguyên dương.")
    journal = Journal(args.resume) if getattr(args, "resume", None) else None
    done = journal.restore(jobs) if journal is not None else {}
    todo = [j for j in jobs if j.id not in done]
    if done and not args.quiet:
        print(f"reportgen: tiếp tục theo nhật ký {args.resume}: {len(done)}/{len(jobs)} tệp đã có kết quả, "
              f"còn {len(todo)} tệp.", file=sys.stderr, flush=True)
    display = Display(len(jobs), args.quiet, title, done=len(done))
    got = {}
    try:
        if todo:
            with make_runner(args.jobs, args.broker, on_progress=display.progress) as runner:
                if journal is not None:
                    runner.on_result(journal.record)  # on disk before it is shown
                runner.on_result(display.result)
                runner.submit(todo)
                got = {r.job_id: r for r in runner.wait()}
    finally:
        display.close()
    return [done.get(j.id) or got[j.id] for j in jobs]


def finish(kind: str, results, args) -> int:
    from ..jobs.report import worst_exit, write_xlsx

    print_summary(kind, results, getattr(args, "format", "text"))
    if args.report:
        if Path(args.report).suffix.lower() != ".xlsx":
            raise UsageError(f"Tệp báo cáo phải có đuôi .xlsx: {args.report}")
        write_xlsx(results, args.report)
        print(f"reportgen: đã ghi kết quả của {len(results)} tệp vào {args.report}", file=sys.stderr)
    return worst_exit(results)


def check_report(args, inputs) -> None:
    """Before any work: ``--report`` names an .xlsx that is none of the
    inputs (a batch never writes over a file it reads)."""
    from ..files import refuse_clobber

    if getattr(args, "report", None):
        if Path(args.report).suffix.lower() != ".xlsx":
            raise UsageError(f"Tệp báo cáo phải có đuôi .xlsx: {args.report}")
        refuse_clobber([args.report], inputs)


def verify_batch(args, settings: dict) -> int:
    """``reportgen verify FILES|DIRS --jobs N``."""
    from ..jobs import Job, default_workers
    from ..jobs.execute import limits_option

    if args.annotate:
        raise UsageError("Tùy chọn --annotate chỉ dùng với đúng một tệp đầu vào, không dùng khi chạy hàng loạt.")
    if args.format == "json":
        raise UsageError("Chạy hàng loạt: dùng --format jsonl (mỗi tệp một dòng JSON) thay cho --format json.")
    inputs = expand_inputs(args.files)
    if not inputs:
        raise UsageError("Không có tệp nào để kiểm tra trong các thư mục đã cho.")
    check_report(args, inputs)
    workers = args.jobs or default_workers()
    options = {**settings, "scheme": args.scheme, "ocr_threads": 1 if workers > 1 else None,
               "limits": limits_option(settings.get("limits"))}  # --limit reaches every worker
    options = {k: v for k, v in options.items() if v is not None}
    jobs = [Job("verify", os.path.abspath(p), options) for p in inputs]
    return finish("verify", run_jobs(jobs, args, "Kiểm tra"), args)


def import_batch(args) -> int:
    """``reportgen archive import FILES|DIRS --jobs N``: the archive is
    opened (created, migrated) once here, then each worker imports."""
    from ..archive import ArchiveError, open_archive, resolve_url
    from ..jobs import Job, default_workers

    inputs = expand_inputs(args.paths)
    check_report(args, inputs)
    try:
        url = resolve_url(args.db)
        open_archive(url).close()
    except ArchiveError as exc:
        raise UsageError(str(exc)) from exc
    options = {"db": url, **({"period": args.period} if getattr(args, "period", None) else {})}
    if (args.jobs or default_workers()) > 1:
        options["ocr_threads"] = 1  # the workers are the parallelism
    jobs = [Job("import", os.path.abspath(p), dict(options)) for p in inputs]
    return finish("import", run_jobs(jobs, args, "Nhập kho"), args)


def convert_batch(docx: Sequence[Path], outdir: Path, args) -> list:
    """``draft --per-unit --pdf --jobs N``: the DOCX files in chunks, one
    LibreOffice process (own profile) per worker converting a chunk at a time."""
    from ..jobs import Job, default_workers

    workers = args.jobs or default_workers()
    size = max(1, min(150, -(-len(docx) // workers)))
    options = {"outdir": str(outdir), "pdf_a": bool(getattr(args, "pdf_a", False))}
    jobs = [Job("pdf-convert", [str(p) for p in docx[i:i + size]], dict(options))
            for i in range(0, len(docx), size)]
    return run_jobs(jobs, args, "Xuất PDF")
