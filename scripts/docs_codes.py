"""Write docs/finding-codes.md from the rule registry.

    python3 scripts/docs_codes.py          # rewrite the page
    python3 scripts/docs_codes.py --check  # exit 1 when the page is out of date

The page is generated, never edited by hand: tests/docs/test_docs.py fails when a
registered code or rule is missing from it.
"""
from __future__ import annotations

import inspect
import sys
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "docs" / "finding-codes.md"

HEADER = """# Finding codes

Generated from the rule registry by `python3 scripts/docs_codes.py`; do not edit by
hand (`tests/docs/test_docs.py` fails when a code is missing). `reportgen rules [CODE]`
prints the same from the installed version.

A finding's `code` is stable: a code is never reused for another meaning. Severity
is `error` (the checker is sure), `warning` (a doubt) or `info`.
"""


def _rule_name(r) -> str:
    name = getattr(r, "name", None)
    return name or r.func.__name__.replace("_", "-")


def _doc(r) -> str:
    doc = inspect.getdoc(r.func) or ""
    # Keep the rule's own documentation (Kiểm tra gì / Vì sao / Ví dụ …) when it has it.
    return doc if "Kiểm tra gì" in doc else ""


def render() -> str:
    from reportgen.checks import READER_CODES, registered_rules

    rules = sorted(registered_rules(), key=lambda r: (r.code, _rule_name(r)))
    lines = [HEADER, "## Codes given by the rules (`reportgen/checks/`)", "",
             "| code | rule | description | where |", "| --- | --- | --- | --- |"]
    for r in rules:
        where = f"`{r.func.__module__}.{r.func.__name__}`"
        lines.append(f"| `{r.code}` | `{_rule_name(r)}` | {r.description} | {where} |")
    lines += ["", "## Codes given by the reader (`reportgen/read/`)", "",
              "| code | description |", "| --- | --- |"]
    for code, description in sorted(READER_CODES.items()):
        lines.append(f"| `{code}` | {description} |")
    documented = [r for r in rules if _doc(r)]
    if documented:
        lines += ["", "## Rules in detail", ""]
        for r in documented:
            lines += [f"### `{_rule_name(r)}` ({r.code})", "", _doc(r), ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run python3 scripts/docs_codes.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PAGE.parent.parent))
    sys.exit(main(sys.argv[1:]))
