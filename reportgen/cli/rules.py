"""``reportgen rules [CODE|rule-name]``: every rule with its finding code, its
kebab-case name and its one-line description, as a linter lists its rules;
given a code or a rule name, the rules behind it with their documentation
(Kiểm tra gì / Vì sao / Ví dụ sai / Ví dụ đúng)."""
from __future__ import annotations

from ..checks import READER_CODES, reader_rule_name, registered_rules
from . import UsageError
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(subparsers, "rules", help="liệt kê các mã phát hiện và quy tắc kiểm tra",
                    description="Liệt kê từng quy tắc kiểm tra: mã phát hiện (TOTAL_MISMATCH, …), tên quy tắc "
                                "(total-mismatch, …), mô tả và nơi đặt quy tắc. Cho một mã hoặc tên quy tắc "
                                "để xem giải thích đầy đủ (kiểm tra gì, vì sao, ví dụ sai, ví dụ đúng).")
    p.add_argument("code", nargs="?", metavar="MÃ|QUY-TẮC",
                   help="chỉ in các quy tắc của mã này, hoặc quy tắc có tên này, kèm giải thích")
    p.set_defaults(handler=run)


def _matches(wanted: str | None, code: str, name: str, func_name: str | None = None) -> bool:
    if wanted is None:
        return True
    return wanted in (code, name) or (func_name is not None and wanted == func_name)


def rule_lines(wanted: str | None = None) -> list[str]:
    """One line per rule (and per reader code) matching ``wanted`` (a code or a rule name; None: all)."""
    lines: list[str] = []
    for r in sorted(registered_rules(), key=lambda r: (r.code, r.name)):
        if _matches(wanted, r.code, r.name, r.func.__name__):
            lines.append(f"{r.code:<24} {r.name:<26} {r.description}  [{r.func.__module__}.{r.func.__name__}]")
    for code, description in sorted(READER_CODES.items()):
        name = reader_rule_name(code)
        if _matches(wanted, code, name):
            lines.append(f"{code:<24} {name:<26} {description}  [reportgen.read]")
    return lines


def rule_docs(wanted: str) -> list[str]:
    """Each matching rule's line followed by its documentation, indented."""
    lines: list[str] = []
    for r in sorted(registered_rules(), key=lambda r: (r.code, r.name)):
        if _matches(wanted, r.code, r.name, r.func.__name__):
            lines.append(f"{r.code:<24} {r.name:<26} {r.description}  [{r.func.__module__}.{r.func.__name__}]")
            lines.extend("    " + line if line else "" for line in r.doc.splitlines())
            lines.append("")
    return lines


def run(args) -> int:
    wanted = None
    if args.code:
        wanted = args.code.upper() if "_" in args.code or args.code.isupper() else args.code.lower()
    lines = rule_lines(wanted)
    if not lines:
        raise UsageError(f"Không có mã phát hiện '{args.code}' (cũng không có quy tắc tên này). "
                         "Xem 'reportgen rules'.")
    if wanted is not None:
        documented = rule_docs(wanted)
        readers = [line for line in lines if line.rstrip().endswith("[reportgen.read]")]
        lines = documented + readers
    print("\n".join(lines).rstrip())
    return 0
