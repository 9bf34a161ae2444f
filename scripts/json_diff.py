"""Compare the JSON of two checkouts: ``extract`` and ``verify`` on the seeds
and the real documents, run by each checkout's own code, and print a diff.

    python3 scripts/json_diff.py BEFORE AFTER [FILE ...] [--jobs N]

BEFORE and AFTER are checkouts of the repository (``git worktree add /tmp/before
REV`` makes one); each run gets ``PYTHONPATH=<checkout>``. Without files, the
seeds (``fixtures/seeds/*.txt``) and the real documents
(``fixtures/reference/real/*``) of AFTER are compared. The JSON is compared
whole (keys sorted), so a refactor shows no line at all; the exit status is 0
when every output is the same, 1 otherwise (the exit statuses of the two
runs are compared too).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

COMMANDS = (("extract", ["extract", "--format", "json"]), ("verify", ["verify", "--format", "json"]))


def run(root: Path, args: list[str], path: Path) -> tuple[int, str]:
    """(exit status, the JSON pretty-printed with sorted keys, or stderr)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-m", "reportgen", *args, str(path)], cwd=root, env=env,
                          capture_output=True, text=True)
    try:
        text = json.dumps(json.loads(done.stdout), ensure_ascii=False, indent=1, sort_keys=True)
    except json.JSONDecodeError:
        text = "(no JSON) " + done.stderr.strip()
    return done.returncode, text


def compare(before: Path, after: Path, path: Path) -> list[str]:
    """The diff lines of one file (empty when both checkouts agree)."""
    out: list[str] = []
    for name, args in COMMANDS:
        (rc_a, a), (rc_b, b) = run(before, args, path), run(after, args, path)
        label = f"{name} {path.name}"
        if rc_a != rc_b:
            out.append(f"{label}: exit status {rc_a} → {rc_b}")
        out += difflib.unified_diff(a.splitlines(), b.splitlines(), f"before/{label}", f"after/{label}",
                                    lineterm="", n=2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--jobs", type=int, default=1, help="files compared at once")
    args = ap.parse_args()
    before, after = args.before.resolve(), args.after.resolve()
    files = [f.resolve() for f in args.files] or sorted(
        [*(after / "fixtures" / "seeds").glob("*.txt"), *(after / "fixtures" / "reference" / "real").iterdir()])
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        diffs = list(pool.map(lambda f: compare(before, after, f), files))
    changed = 0
    for path, lines in zip(files, diffs):
        print(f"{'same   ' if not lines else 'CHANGED'} {path.name}")
        changed += bool(lines)
    for lines in diffs:
        if lines:
            print("\n".join(lines))
    print(f"{len(files) - changed} of {len(files)} files: the same JSON (extract and verify)")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
