"""Batch throughput, whole-page OCR and per-unit PDFs, with printed figures.

    python benchmarks/bench_batch.py [--docs 200] [--scans 20] [--units 3321] [--pdfs 3321]
                                     [--skip-celery] [--skip-pdf] [--skip-ocr]

1. A mixed batch of ``--docs`` documents made by the fixture builder
   (fixtures/build.py and fixtures/build_pdf.py: DOCX, XLSX, LibreOffice
   and reportlab PDFs of the score seeds, ``--scans`` of them one-page scans),
   verified with 1 and 2 local worker processes and with 2 Celery workers
   (a redis-server started on a free port): documents per minute, the ratio
   from 1 to 2, and CPU seconds per document.
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


def run_local(files: list[Path], workers: int) -> tuple[float, float, list]:
    from reportgen.jobs import Job, LocalRunner

    c0, t0 = cpu(), time.perf_counter()
    with LocalRunner(workers) as runner:
        runner.submit([Job("verify", str(f), {"ocr_threads": 1}) for f in files])
        results = runner.wait()
    return time.perf_counter() - t0, cpu() - c0, results


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_celery(files: list[Path], workers: int) -> tuple[float, list]:
    from reportgen.jobs import Job
    from reportgen.jobs.celery_app import CeleryRunner

    folder = tempfile.mkdtemp(prefix="rg-bench-redis-")
    port = _free_port()
    redis_proc = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--appendonly", "no",
                                   "--dir", folder], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_RESULT_BACKEND": url}
    procs = [subprocess.Popen([sys.executable, "-m", "reportgen", "worker", "--broker", url, "--concurrency", "1",
                               "--name", f"bench{i}@%h"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for i in range(workers)]
    try:
        time.sleep(3)
        with CeleryRunner(url) as runner:
            warm = runner.submit([Job("verify", str(files[0]))] * 1)
            runner.wait(warm)
            t0 = time.perf_counter()
            ids = runner.submit([Job("verify", str(f), {"ocr_threads": 1}) for f in files])
            results = runner.wait(ids)
            wall = time.perf_counter() - t0
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        redis_proc.terminate()
        redis_proc.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return wall, results


def bench_batch(out: Path, docs: int, scans: int, celery: bool) -> None:
    t0 = time.perf_counter()
    files = build_batch(out, docs, scans)
    kinds = {}
    for f in files:
        kinds[f.name.split("-")[0]] = kinds.get(f.name.split("-")[0], 0) + 1
    print(f"Mixed batch: {len(files)} documents {kinds} (built in {time.perf_counter() - t0:.0f} s)")
    rates = {}
    for workers in (1, 2):
        wall, used, results = run_local(files, workers)
        bad = [r for r in results if not r.ok]
        rates[workers] = len(files) / wall * 60
        print(f"  local, {workers} worker(s): {wall:7.1f} s  {rates[workers]:6.1f} documents/min  "
              f"{used / len(files):.2f} CPU s/document  ({len(bad)} failed)")
    print(f"  ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (goal >= 1.8x on 2 free cores)")
    if celery:
        wall, results = run_celery(files, 2)
        print(f"  Celery, 2 workers over Redis: {wall:7.1f} s  {len(files) / wall * 60:6.1f} documents/min  "
              f"({sum(not r.ok for r in results)} failed)")


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
