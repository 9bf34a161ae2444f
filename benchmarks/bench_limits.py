"""Hostile inputs against their limits: peak memory (VmHWM of the child) and
wall time per case, the exit status and whether the case was handled as the
issue asks (tests/hostile/hostile_cases.py holds the generators).

    python3 benchmarks/bench_limits.py --scale full      # the issue's sizes (4 GB bomb, 1M rows…)
    python3 benchmarks/bench_limits.py --scale test      # the test suite's sizes
    python3 benchmarks/bench_limits.py --code /path/to/other/checkout   # run another commit's code
    python3 benchmarks/bench_limits.py --only pdf_stream_bomb,fifo

Each child runs under an address-space cap (``--as-cap-gb``, default 6) so a
checkout without limits cannot take the machine: a run that hits it counts as
"memory over 1 GB". A summary line gives: cases tried, handled cleanly,
crashes, hangs, memory over 1 GB, outputs that replaced an input.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_cases as hc  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", choices=("test", "bench", "full"), default="full",
                    help="full (alias bench): the issue's sizes; test: the test suite's")
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose reportgen runs the cases")
    ap.add_argument("--only", default="", help="comma-separated case names (function names without case_)")
    ap.add_argument("--as-cap-gb", type=float, default=6.0)
    args = ap.parse_args(argv)
    if args.scale == "full":
        args.scale = "bench"
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    hc.CODE_ROOT = args.code  # archives a case starts from are made by the code under test
    makers = [m for m in hc.ALL if not wanted or m.__name__.removeprefix("case_") in wanted]
    print(f"code: {args.code}  scale: {args.scale}")
    print(f"{'case':30} {'exit':>4} {'want':>7} {'peak MB':>8} {'limit':>6} {'s':>7} {'limit':>6}  verdict")
    tally = {"tried": 0, "clean": 0, "crash": 0, "hang": 0, "mem>1GB": 0, "clobbered": 0}
    for make in makers:
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            case = make(Path(tmp), args.scale)
            outcome = hc.run_case(case, args.code, cwd=Path(tmp), as_cap=int(args.as_cap_gb * 1024 ** 3))
            problems = outcome.problems()
        tally["tried"] += 1
        tally["clean"] += not problems
        tally["crash"] += outcome.crashed
        tally["hang"] += outcome.hung
        tally["mem>1GB"] += (outcome.peak_mb or 0) > 1024 or "MemoryError" in outcome.stderr
        tally["clobbered"] += bool(outcome.clobbered)
        peak = f"{outcome.peak_mb:.0f}" if outcome.peak_mb is not None else "-"
        rc = "hang" if outcome.hung else str(outcome.rc)
        print(f"{case.name:30} {rc:>4} {','.join(map(str, sorted(case.rc))):>7} {peak:>8} {case.mem_mb:>6} "
              f"{outcome.seconds:7.1f} {case.seconds:6g}  {'ok' if not problems else '; '.join(problems)}",
              flush=True)
    print("summary: " + ", ".join(f"{k} {v}" for k, v in tally.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
