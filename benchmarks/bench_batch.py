"""Batch throughput, whole-page OCR and per-unit PDFs, with printed figures.

    python benchmarks/bench_batch.py [--docs 200] [--scans 20] [--units 3321] [--pdfs 3321]
                                     [--skip-celery] [--skip-pdf] [--skip-ocr]

1. A mixed batch of ``--docs`` documents made by the fixture builder
   (fixtures/build.py and fixtures/build_pdf.py: DOCX, XLSX, LibreOffice
   and reportlab PDFs of the score seeds, ``--scans`` of them one-page scans),
   verified with 1 and 2 local worker processes and with 1 and 2 Celery
   workers (`reportgen worker` processes, a redis-server started on a free
   port): documents per minute, the ratios, CPU seconds per document, and
   whether every document got the same verdict, findings and progress events
   as in the one-worker local run.
2. OCR of a scanned appendix page: our reader (one Tesseract pass over the
   page, doubtful cells re-read, see parsers/ocr_page.py) against one plain
   ``tesseract page.png - -l vie`` call on the same rendered page, seconds
   and CPU seconds per page, and number-cell accuracy of both our engines.
3. ``--units`` per-unit notices (synthetic communes) as DOCX, then ``--pdfs``
   of them as PDF with 2 LibreOffice processes: seconds per PDF.

Wall seconds depend on what else runs on the machine; CPU seconds (this
process and its children) do not, and are printed beside them.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # parallel work is ours: one Tesseract thread each

NUMBER = re.compile(r"^([-–]|\d{1,3}([.,]\d{1,3})*(/\d{1,3})?)$")


def cpu() -> float:
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


# -- 1. the mixed batch ---------------------------------------------------------------

def build_batch(out: Path, docs: int, scans: int) -> list[Path]:
    from fixtures import build, build_pdf
    from parsers import read_raw

    kinds: dict[str, list[Path]] = {"docx": [], "xlsx": [], "pdf": [], "scan": []}
    for seed in build.SCORE_SEEDS:
        files = build.build_seed(seed, out / "src" / seed)
        kinds["docx"].append(files["docx"])
        kinds["xlsx"].append(files["xlsx"])
    pdfs = build_pdf.build_all(kinds["docx"], out / "src" / "pdf", scan=False)
    for stem, entry in pdfs.items():
        kinds["pdf"] += [entry["libreoffice"], entry["reportlab"]]
        lo = entry["libreoffice"]
        table = next(read_raw(lo).tables, None)
        page = table.page if table is not None else 1
        kinds["scan"].append(build_pdf.scanned_pdf(lo, out / "src" / f"{stem}.scan.pdf", pages=[page]))
    plain = docs - scans
    order = [("docx", plain // 3), ("xlsx", plain // 3), ("pdf", plain - 2 * (plain // 3)), ("scan", scans)]
    batch = out / "batch"
    batch.mkdir(parents=True, exist_ok=True)
    made = []
    for kind, n in order:
        for i in range(n):
            src = kinds[kind][i % len(kinds[kind])]
            dst = batch / f"{kind}-{i:03d}{src.suffix}"
            shutil.copyfile(src, dst)
            made.append(dst)
    return made


def _follow(runner) -> dict:
    """job id -> the progress events it reported (stage, page or file k/n)."""
    seen: dict[str, list] = {}
    runner.on_progress(lambda p: seen.setdefault(p.job_id, []).append((p.stage, p.current, p.total)))
    return seen


def run_local(files: list[Path], workers: int) -> tuple[float, float, list, list]:
    from reportgen.jobs import Job, LocalRunner

    c0, t0 = cpu(), time.perf_counter()
    with LocalRunner(workers) as runner:
        seen = _follow(runner)
        ids = runner.submit([Job("verify", str(f), {"ocr_threads": 1}) for f in files])
        results = runner.wait()
    return time.perf_counter() - t0, cpu() - c0, results, [seen.get(i, []) for i in ids]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CeleryWorkers:
    """A redis-server on a free port and ``reportgen worker`` processes (one
    job at a time each), stopped by their process ids."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="rg-bench-redis-")
        port = _free_port()
        self.redis = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--appendonly", "no",
                                       "--dir", self.folder], stdout=subprocess.DEVNULL)
        self.url = f"redis://127.0.0.1:{port}/0"
        self.procs: list[subprocess.Popen] = []

    def start(self, n: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_RESULT_BACKEND": self.url}
        self.procs = [subprocess.Popen([sys.executable, "-m", "reportgen", "worker", "--broker", self.url,
                                        "--concurrency", "1", "--name", f"bench{i}@%h"], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(n)]

    def stop_workers(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            p.wait(timeout=60)
        self.procs = []

    def close(self) -> None:
        self.stop_workers()
        self.redis.terminate()
        self.redis.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def run_celery(files: list[Path], workers: int, cluster: CeleryWorkers) -> tuple[float, float, list, list]:
    """Wall and CPU seconds (this process, its children: the workers' CPU is
    read from /proc before they stop), results and progress per document."""
    from reportgen.jobs import Job
    from reportgen.jobs.celery_app import CeleryRunner

    cluster.start(workers)
    try:
        with CeleryRunner(cluster.url, poll=2.0) as runner:
            warm = runner.submit([Job("verify", str(files[0])) for _ in range(workers)])
            runner.wait(warm)  # each worker has imported the engine: the same start as a local pool
            seen = _follow(runner)
            c0 = _tree_cpu([p.pid for p in cluster.procs])
            t0 = time.perf_counter()
            ids = runner.submit([Job("verify", str(f), {"ocr_threads": 1}) for f in files])
            results = runner.wait(ids)
            wall = time.perf_counter() - t0
            used = _tree_cpu([p.pid for p in cluster.procs]) - c0
    finally:
        cluster.stop_workers()
    return wall, used, results, [seen.get(i, []) for i in ids]


def _tree_cpu(pids: list[int]) -> float:
    """CPU seconds of these processes and their descendants (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        stats[int(entry)] = (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
    total, todo = 0.0, list(pids)
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def outcome(r) -> tuple:
    findings = (r.payload or {}).get("findings") or []
    return (r.status, r.verdict, r.exit, tuple(sorted(r.counts.items())),
            tuple(sorted(repr(sorted(f.items())) for f in findings)))


def bench_batch(out: Path, docs: int, scans: int, celery: bool) -> None:
    t0 = time.perf_counter()
    files = build_batch(out, docs, scans)
    kinds = {}
    for f in files:
        kinds[f.name.split("-")[0]] = kinds.get(f.name.split("-")[0], 0) + 1
    print(f"Mixed batch: {len(files)} documents {kinds} (built in {time.perf_counter() - t0:.0f} s)", flush=True)
    rates, runs = {}, {}
    for workers in (1, 2):
        wall, used, results, progress = run_local(files, workers)
        bad = [r for r in results if not r.ok]
        rates[f"local{workers}"] = len(files) / wall * 60
        runs[f"local{workers}"] = (results, progress)
        print(f"  local, {workers} worker(s): {wall:7.1f} s  {rates[f'local{workers}']:6.1f} documents/min  "
              f"{used / len(files):.2f} CPU s/document  ({len(bad)} failed; {load_line()})", flush=True)
    print(f"  ratio 2 local workers / 1: {rates['local2'] / rates['local1']:.2f}x (goal >= 1.8x on 2 free cores)")
    if celery:
        cluster = CeleryWorkers()
        try:
            for workers in (1, 2):
                wall, used, results, progress = run_celery(files, workers, cluster)
                key = f"celery{workers}"
                rates[key] = len(files) / wall * 60
                runs[key] = (results, progress)
                print(f"  Celery over Redis, {workers} `reportgen worker` process(es): {wall:7.1f} s  "
                      f"{rates[key]:6.1f} documents/min  {used / len(files):.2f} worker CPU s/document  "
                      f"({sum(not r.ok for r in results)} failed; {load_line()})", flush=True)
        finally:
            cluster.close()
        print(f"  ratio 2 Celery workers / 1: {rates['celery2'] / rates['celery1']:.2f}x; "
              f"2 Celery workers / 2 local: {rates['celery2'] / rates['local2']:.2f}x; "
              f"1 Celery worker / 1 local: {rates['celery1'] / rates['local1']:.2f}x")
    base_results, base_progress = runs["local1"]
    for key, (results, progress) in runs.items():
        if key == "local1":
            continue
        same = sum(outcome(a) == outcome(b) for a, b in zip(base_results, results))
        steps = sum(a == b for a, b in zip(base_progress, progress))
        print(f"  {key} against local1: {same}/{len(files)} documents with the same verdict, counts and "
              f"findings; {steps}/{len(files)} with the same progress events "
              f"({sum(len(p) for p in progress)} events)")


def load_line() -> str:
    try:
        return "load " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "load unknown"


# -- 2. OCR ------------------------------------------------------------------------------

def bench_ocr(out: Path) -> None:
    from fixtures import build, build_pdf
    from parsers import read_raw
    from parsers.ocr import render

    docx = build.build_seed("002", out / "ocr")["docx"]
    (pdf,) = build_pdf.libreoffice_pdfs([docx], out / "ocr")
    text = read_raw(pdf)
    table = next(text.tables)
    pages = sorted({c.page for row in table.rows for c in row})
    scan = build_pdf.scanned_pdf(pdf, out / "ocr" / "002.scan.pdf", pages=pages)
    images = []
    for i in range(len(pages)):
        from PIL import Image

        png = out / "ocr" / f"page{i + 1}.png"
        Image.fromarray(render(scan, i, 300)).save(png)
        images.append(png)
    c0, t0 = cpu(), time.perf_counter()
    for png in images:
        subprocess.run(["tesseract", str(png), "-", "-l", "vie"], capture_output=True, check=True)
    plain_wall, plain_cpu = (time.perf_counter() - t0) / len(images), (cpu() - c0) / len(images)
    print(f"OCR of a scanned appendix ({len(pages)} pages, 300 dpi):")
    print(f"  plain 'tesseract page.png - -l vie': {plain_wall:6.2f} s/page  {plain_cpu:5.2f} CPU s/page")
    truth = next(text.tables)
    for engine, threads in (("page", 1), ("page", 2), ("cells", 1)):
        c0, t0 = cpu(), time.perf_counter()
        doc = read_raw(scan, {"ocr_engine": engine, "ocr_threads": threads})
        wall, used = (time.perf_counter() - t0) / len(pages), (cpu() - c0) / len(pages)
        read = next(doc.tables)
        flagged = {(n.table, n.row, n.col) for n in doc.notes if n.kind == "ocr_low_confidence"}
        total = exact = unflagged = cells = cells_exact = 0
        for r, row in enumerate(truth.grid()[truth.header_rows:], start=truth.header_rows):
            for c, want in enumerate(row):
                got = read.cell_at(r, c).text if r < len(read.grid()) and read.cell_at(r, c) else ""
                cells += 1
                cells_exact += got.split() == want.split()
                if NUMBER.match(want):
                    total += 1
                    exact += got == want
                    unflagged += got != want and (read.index, r, c) not in flagged
        label = {"page": "whole page + re-reads", "cells": "cell by cell (before)"}[engine]
        print(f"  ours, {label}, {threads} thread(s): {wall:6.2f} s/page  {used:5.2f} CPU s/page  "
              f"(x{wall / plain_wall:.2f} wall, x{used / plain_cpu:.2f} CPU); numbers exact {exact}/{total}, "
              f"all body cells {cells_exact}/{cells}, wrong and not flagged {unflagged}")


# -- 3. per-unit notices --------------------------------------------------------------------

def bench_pdf(out: Path, units: int, pdfs: int) -> None:
    from reportgen.draft.inputs import prepared
    from reportgen.draft.metadata import meta_from_dict
    from reportgen.draft.perunit import write_per_unit
    from reportgen.draft.synthetic import synthetic_data
    from reportgen.jobs import Job, LocalRunner
    from reportgen.schemes import load_scheme

    data = prepared(synthetic_data(load_scheme("qd766-2022"), sizes=(units,)))
    meta = meta_from_dict({"doc_type": "TB", "issuer": "Văn phòng UBND tỉnh", "signer": "Nguyễn Văn A"})
    outdir = out / "tb"
    t0 = time.perf_counter()
    paths = write_per_unit(data, meta, outdir, workers=2)
    docx_s = time.perf_counter() - t0
    print(f"Per-unit notices: {len(paths)} DOCX in {docx_s:.1f} s ({docx_s / len(paths) * 1000:.1f} ms each)")
    todo = paths[:pdfs]
    size = max(1, min(150, -(-len(todo) // 2)))
    c0, t0 = cpu(), time.perf_counter()
    with LocalRunner(2) as runner:
        runner.submit([Job("pdf-convert", [str(p) for p in todo[i:i + size]], {"outdir": str(out / "pdf")})
                       for i in range(0, len(todo), size)])
        results = runner.wait()
    wall, used = time.perf_counter() - t0, cpu() - c0
    made = sum(r.counts.get("pdfs", 0) for r in results)
    print(f"  {made} PDFs with 2 LibreOffice processes: {wall:.1f} s, {wall / max(made, 1):.3f} s per PDF "
          f"(goal <= 0.3 s), {used / max(made, 1):.3f} CPU s per PDF; all {len(paths)} at this rate: "
          f"{(docx_s + wall / max(made, 1) * len(paths)) / 60:.1f} min end to end")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--scans", type=int, default=20)
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--pdfs", type=int, default=3321)
    ap.add_argument("--skip-celery", action="store_true")
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--skip-ocr", action="store_true")
    ap.add_argument("--skip-batch", action="store_true")
    args = ap.parse_args(argv)
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"Machine: {os.cpu_count()} cores, load average {load:.1f} at start")
    with tempfile.TemporaryDirectory(prefix="rg-bench-batch-") as tmp:
        out = Path(tmp)
        if not args.skip_ocr:
            bench_ocr(out)
        if not args.skip_pdf:
            bench_pdf(out, args.units, args.pdfs)
        if not args.skip_batch:
            bench_batch(out, args.docs, args.scans, not args.skip_celery)
    return 0


if __name__ == "__main__":
    sys.exit(main())
