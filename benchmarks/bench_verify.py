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

REAL = Path("/work/shared/reference/real")
DOCS = ["ld-cchc2025-pl1-songanh.doc", "ld-cchc2025-pl2-xaphuong.doc", "ld-766-sotaichinh.docx",
        "ld-cchc2025-bc329-phuluc.docx", "ld-chiso-bc184-snv.docx"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutations", type=int, default=20)
    args = ap.parse_args()
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
        pages = report.tables[0].page if False else 1
        tot_tables += len(entries)
        tot_checked += len(checked)
        hit = 0
        ms = candidates(path, limit=args.mutations, seed=7) if args.mutations else []
        for m in ms:
            try:
                hit += run(m)[0]
            except ValueError:
                continue
        found += hit
        tried += len(ms)
        print(f"{name}: tables {len(checked)}/{len(entries)} checked, cells {cells_ok}/{cells}, "
              f"errors on unchanged {len(errors)} {sorted(set(errors))}, {dt / pages:.2f} s/document, "
              f"mutations named {hit}/{len(ms)}")
    print(f"TOTAL: tables checked {tot_checked}/{tot_tables}; mutations named {found}/{tried}")


if __name__ == "__main__":
    main()
