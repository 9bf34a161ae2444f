"""Verify the real documents of another office: errors on the unchanged
documents (false errors unless a slip is shown), tables and cells checked,
time per page, and generated mutations found (benchmarks/mutations.py).

    python3 benchmarks/bench_verify.py [--mutations N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutations import candidates, run  # noqa: E402

from reportgen.checks import CheckContext, run_checks  # noqa: E402
from reportgen.read import read_path  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "reference" / "real"
DOCS = ["ld-cchc2025-pl1-songanh.doc", "ld-cchc2025-pl2-xaphuong.doc", "ld-766-sotaichinh.docx",
        "ld-cchc2025-bc329-phuluc.docx", "ld-chiso-bc184-snv.docx", "ld-cchc2025-pl1-chidao.pdf",
        "ld-cchc2025-bc36-thamdinh.pdf"]


def named(findings, report, unit: str, label: str) -> tuple[bool, bool]:
    """(row and column named, row named) by an error of ``findings``."""
    import re

    from reportgen.checks.relations_support import frames, short

    labels = {(f.table.index, c.key): c.label for f in frames(report) for c in f.cols}
    base = re.sub(r"\s*[(\[].*$", "", label)
    row = col = False
    for f in findings:
        if f.severity != "error" or f.unit != short(unit):
            continue
        row = True
        if label[:20] in f.message or base in f.message or labels.get((f.table, f.column)) == label \
                or (f.column == "total" and re.search(r"tổng", label, re.I)):
            col = True
    return col, row


def corpus(n: int, seed: int) -> None:
    import tempfile

    from corpus_verify import generate

    out = Path(tempfile.mkdtemp(prefix="corpus-"))
    pairs = generate(out, n, seed)
    false = found_col = found_row = tables = checked = cells = cells_ok = 0
    t0 = time.perf_counter()
    misses = []
    for doc, clean, slipped, bad in pairs:
        report = read_path(clean)
        ctx = CheckContext()
        fs = run_checks(report, ctx)
        false += any(f.severity == "error" for f in fs)
        entries = [e for e in ctx.ledger.tables.values() if e.numeric_cells]
        tables += len(entries)
        checked += sum(e.checked for e in entries)
        cells += sum(len(e.numeric_cells) for e in entries)
        cells_ok += sum(len(e.checked_cells & e.numeric_cells) for e in entries)
        report2 = read_path(bad)
        col, row = named(run_checks(report2, CheckContext()), report2, *slipped.slip)
        found_col += col
        found_row += row
        if not col:
            misses.append((doc.name, slipped.slip, "row named" if row else "missed"))
    dt = time.perf_counter() - t0
    print(f"CORPUS (seed {seed}, {n} documents of {len({d.kind for d, *_ in pairs})} kinds, 1 page each): "
          f"slips named by row and column {found_col}/{n}, by row {found_row}/{n}; "
          f"false errors on clean documents {false}/{n}; tables checked {checked}/{tables}, "
          f"cells {cells_ok}/{cells}; {dt / (2 * n):.2f} s/page")
    for m in misses:
        print("   not named:", *m)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutations", type=int, default=20)
    ap.add_argument("--corpus", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if args.corpus:
        corpus(args.corpus, args.seed)
    tot_tables = tot_checked = found = tried = 0
    for name in DOCS:
        path = REAL / name
        t0 = time.perf_counter()
        report = read_path(path)
        ctx = CheckContext()
        findings = run_checks(report, ctx)
        dt = time.perf_counter() - t0
        entries = [e for e in ctx.ledger.tables.values() if e.numeric_cells]
        checked = [e for e in entries if e.checked]
        cells = sum(len(e.numeric_cells) for e in entries)
        cells_ok = sum(len(e.checked_cells & e.numeric_cells) for e in entries)
        errors = [f.code for f in findings if f.severity == "error"]
        pages = max([p.page or 1 for p in report.paragraphs] + [t.page or 1 for t in report.tables] + [1])
        tot_tables += len(entries)
        tot_checked += len(checked)
        hit = done = 0
        writable = path.suffix.lower() in (".docx", ".doc", ".txt", ".md")  # a PDF is not rewritten
        ms = candidates(path, limit=args.mutations, seed=7) if args.mutations and writable else []
        for m in ms:
            try:
                hit += run(m)[0]
            except ValueError:
                continue
            done += 1
        found += hit
        tried += done
        print(f"{name}: tables {len(checked)}/{len(entries)} checked, cells {cells_ok}/{cells}, "
              f"errors on unchanged {len(errors)} {sorted(set(errors))}, {dt / pages:.2f} s/page ({pages} p.), "
              f"mutations named {hit}/{done}")
    print(f"TOTAL: tables checked {tot_checked}/{tot_tables}; mutations named {found}/{tried}")


if __name__ == "__main__":
    main()
