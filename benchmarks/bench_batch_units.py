"""The country's worth of per-unit notices, end to end: 3.321 commune notices
drafted as DOCX, converted to PDF by LibreOffice, then verified as one batch
(with a kill in the middle and a resume), with printed figures.

    nice -n 10 python3 benchmarks/bench_batch_units.py [--units 3321] [--provinces 34]
        [--cache ~/.cache/reportgen-bench/units] [--jobs 2] [--kill-after 0.4] [--rebuild]

1. Build (once; kept in ``--cache``, outside the repository): ``--provinces``
   provinces of synthetic communes (varied scores, one seed and period per
   province, the QĐ 766 scheme for most and the provincial schemes for some),
   drafted with ``write_per_unit`` and converted by ``--jobs`` LibreOffice
   processes (``pdf-convert`` jobs on the local runner). Prints DOCX ms each
   and seconds per PDF (the issue's goal: <= 0.3 s per PDF on 2 cores). A
   second run reuses the cache and prints the figures of the build it made.
2. Verify the whole folder with ``reportgen verify DIR --jobs N --quiet
   --format jsonl`` as a separate process: wall time, documents per second,
   CPU seconds per document, peak RSS of the whole process tree (the CLI and
   its workers, sampled from /proc).
3. The same with ``--resume journal.jsonl``, killed (SIGKILL to its process
   group) after ``--kill-after`` of the files are in the journal, then run
   again with the same journal: it must verify only the files left, and its
   summary must list every file once with the same verdict and findings as
   the uninterrupted run.
4. One typical notice verified in a warm process against plain pdfplumber
   doing the same extraction (words, lines, tables of every page).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCHEMES = ("qd766-2022", "qd766-2022", "qd766-2022", "dienbien-2024")


def load_line() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "load average unknown"


# -- 1. the corpus ----------------------------------------------------------------------

def province_sizes(units: int, provinces: int, seed: int = 7) -> list[int]:
    """Communes per province: varied (60-160), adding up to ``units``."""
    rnd = random.Random(seed)
    weights = [rnd.uniform(0.6, 1.6) for _ in range(provinces)]
    sizes = [max(1, int(units * w / sum(weights))) for w in weights]
    sizes[-1] += units - sum(sizes)
    return sizes


def build_corpus(cache: Path, units: int, provinces: int, jobs: int) -> dict:
    from reportgen.draft.data import DraftData, DraftTable
    from reportgen.draft.inputs import prepared
    from reportgen.draft.metadata import meta_from_dict
    from reportgen.draft.perunit import write_per_unit
    from reportgen.draft.synthetic import commune_name, rows_for
    from reportgen.jobs import Job, LocalRunner
    from reportgen.model import ScoreTable
    from reportgen.schemes import load_scheme

    docx_dir, pdf_dir = cache / "docx", cache / "pdf"
    t0 = time.perf_counter()
    docx: list[Path] = []
    for p, n in enumerate(province_sizes(units, provinces)):
        scheme = load_scheme(SCHEMES[p % len(SCHEMES)])
        period = f"2025-{p % 12 + 1:02d}"
        table = ScoreTable(index=0, title=None, scheme=scheme.name, rows=rows_for(scheme, n, seed=100 + p,
                                                                                   names=commune_name))
        data = DraftData(source="synthetic", period=period)
        data.tables.append(DraftTable(table=table, scheme=scheme, heading="UBND các xã, phường", noun="đơn vị"))
        meta = meta_from_dict({"doc_type": "TB", "issuer": f"Văn phòng UBND tỉnh số {p + 1}",
                               "signer": "Nguyễn Văn A"})
        docx += write_per_unit(prepared(data), meta, docx_dir / f"tinh-{p + 1:02d}", workers=jobs)
    docx_s = time.perf_counter() - t0
    print(f"  {len(docx)} DOCX in {provinces} provinces: {docx_s:.1f} s ({docx_s / len(docx) * 1000:.1f} ms each)",
          flush=True)
    size = 100
    chunks = []
    for province in sorted({d.parent for d in docx}):
        mine = [str(d) for d in docx if d.parent == province]
        chunks += [(mine[i:i + size], str(pdf_dir / province.name)) for i in range(0, len(mine), size)]
    c0, t0 = cpu(), time.perf_counter()
    with LocalRunner(jobs) as runner:
        runner.submit([Job("pdf-convert", files, {"outdir": out}) for files, out in chunks])
        results = runner.wait()
    wall, used = time.perf_counter() - t0, cpu() - c0
    made = sum(r.counts.get("pdfs", 0) for r in results)
    failed = [r.error for r in results if not r.ok]
    figures = {"units": units, "provinces": provinces, "docx": len(docx), "docx_seconds": round(docx_s, 2),
               "pdfs": made, "pdf_seconds": round(wall, 2), "pdf_cpu_seconds": round(used, 2),
               "lo_processes": jobs, "failed": failed, "load": load_line(),
               "built": time.strftime("%Y-%m-%d %H:%M:%S")}
    (cache / "build.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return figures


def cpu() -> float:
    import resource

    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def print_build(f: dict, cached: bool) -> None:
    per = f["pdf_seconds"] / max(f["pdfs"], 1)
    print(f"Build{' (cached, figures of the build run)' if cached else ''}: {f['docx']} DOCX in "
          f"{f['docx_seconds']:.1f} s; {f['pdfs']} PDFs with {f['lo_processes']} LibreOffice processes in "
          f"{f['pdf_seconds']:.1f} s = {per:.3f} s per PDF (goal <= 0.3 s), "
          f"{f['pdf_cpu_seconds'] / max(f['pdfs'], 1):.3f} CPU s per PDF; {len(f['failed'])} failed; "
          f"{f['load']} at the end of the build ({f['built']})")


# -- 2./3. verify the folder ------------------------------------------------------------------

class TreeWatch:
    """Peak RSS (sum over the process group) and CPU seconds of a command."""

    def __init__(self, pgid: int):
        self.pgid, self.peak, self._stop = pgid, 0, False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _rss(self) -> int:
        total = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                if os.getpgid(int(entry)) != self.pgid:
                    continue
                with open(f"/proc/{entry}/status") as fh:
                    for line in fh:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                            break
            except (OSError, ProcessLookupError, ValueError):
                continue
        return total

    def _run(self) -> None:
        while not self._stop:
            self.peak = max(self.peak, self._rss())
            time.sleep(0.25)

    def stop(self) -> None:
        self._stop = True
        self.thread.join()


def verify_cmd(folder: Path, jobs: int, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "reportgen", "verify", str(folder), "--jobs", str(jobs), "--quiet",
            "--format", "jsonl", *extra]


def run_verify(folder: Path, jobs: int, extra: list[str], out: Path,
               kill_when=None) -> tuple[float, float, int, int | None]:
    """(wall, cpu, peak rss, exit status or None when killed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    c0, t0 = cpu(), time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(verify_cmd(folder, jobs, extra), stdout=fh, stderr=subprocess.DEVNULL,
                                env=env, start_new_session=True)
        watch = TreeWatch(proc.pid)
        killed = False
        while proc.poll() is None:
            if kill_when is not None and kill_when():
                os.killpg(proc.pid, signal.SIGKILL)  # our own process group: the CLI and its workers
                killed = True
                proc.wait()
                break
            time.sleep(0.2)
        watch.stop()
    return time.perf_counter() - t0, cpu() - c0, watch.peak, None if killed else proc.returncode


def findings_of(jsonl: Path) -> dict[str, tuple]:
    """file -> (verdict, its findings, sorted) from --format jsonl."""
    got = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        findings = sorted(json.dumps(f, ensure_ascii=False, sort_keys=True)
                          for f in ((row.get("payload") or {}).get("findings") or []))
        got[row["input"]] = (row.get("verdict"), tuple(findings))
    return got


def journal_lines(path: Path) -> int:
    try:
        return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    except OSError:
        return 0


def bench_verify(cache: Path, jobs: int, kill_after: float, total: int) -> None:
    folder = cache / "pdf"
    work = cache / "runs"
    work.mkdir(exist_ok=True)
    print(f"Verify {total} PDFs, {jobs} local workers ({load_line()}):", flush=True)
    full = work / "full.jsonl"
    wall, used, peak, code = run_verify(folder, jobs, [], full)
    first = findings_of(full)
    print(f"  one run: {wall:.1f} s, {total / wall:.1f} documents/s, {wall * jobs / total:.3f} s per document "
          f"per worker, {used / total:.3f} CPU s per document, peak RSS {peak / 2**20:.0f} MiB (CLI and "
          f"{jobs} workers), exit {code}, {len(first)} results; {load_line()}", flush=True)
    journal = work / "journal.jsonl"
    journal.unlink(missing_ok=True)
    at = int(total * kill_after)
    w1, u1, p1, c1 = run_verify(folder, jobs, ["--resume", str(journal)], work / "killed.jsonl",
                                kill_when=lambda: journal_lines(journal) >= at)
    done_before = journal_lines(journal)
    resumed = work / "resumed.jsonl"
    w2, u2, p2, c2 = run_verify(folder, jobs, ["--resume", str(journal)], resumed)
    second = findings_of(resumed)
    ran_again = journal_lines(journal) - done_before
    same = sum(1 for k, v in first.items() if second.get(k) == v)
    print(f"  killed (SIGKILL to the process group) after {w1:.1f} s with {done_before} files in the journal; "
          f"resumed: {w2:.1f} s, verified {ran_again} files ({total - done_before} were left), exit {c2}; "
          f"summary of the resumed run: {len(second)} files, {same} with the same verdict and findings as the "
          f"uninterrupted run; together {total / (w1 + w2):.1f} documents/s", flush=True)


# -- 4. one notice against plain pdfplumber ----------------------------------------------------

def bench_single(cache: Path, repeat: int = 30) -> None:
    import pdfplumber

    from reportgen.verify import verify_path

    files = sorted((cache / "pdf").rglob("*.pdf"))
    sample = [files[i] for i in range(0, len(files), max(1, len(files) // repeat))][:repeat]
    t0 = time.perf_counter()
    verify_path(sample[0], None, {})
    first = time.perf_counter() - t0
    ours = []
    for f in sample:
        t0 = time.perf_counter()
        verify_path(f, None, {})
        ours.append(time.perf_counter() - t0)
    plain = []
    for f in sample:
        t0 = time.perf_counter()
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.extract_tables()
                _ = page.lines, page.rects
        plain.append(time.perf_counter() - t0)
    ours.sort()
    plain.sort()
    med, pmed = ours[len(ours) // 2], plain[len(plain) // 2]
    print(f"One notice, warm process, median of {len(sample)}: verify {med:.3f} s (first in a fresh process "
          f"{first:.3f} s, imports included), plain pdfplumber words+lines+tables {pmed:.3f} s: "
          f"x{med / pmed:.2f}; goal <= 0.3 s per PDF; {load_line()}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--provinces", type=int, default=34)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "reportgen-bench" / "units")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kill-after", type=float, default=0.4, help="share of files done before the kill")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--skip-verify", action="store_true")
    args = ap.parse_args(argv)
    cache = args.cache / f"{args.units}-{args.provinces}"
    print(f"Machine: {os.cpu_count()} cores, {load_line()}; cache {cache}", flush=True)
    built = cache / "build.json"
    if args.rebuild or not built.is_file():
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir(parents=True)
        figures, cached = build_corpus(cache, args.units, args.provinces, args.jobs), False
    else:
        figures, cached = json.loads(built.read_text(encoding="utf-8")), True
    print_build(figures, cached)
    bench_single(cache)
    if not args.skip_verify:
        bench_verify(cache, args.jobs, args.kill_after, figures["pdfs"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
