"""``reportgen rules [CODE]``: every finding code with its one-line
description and the function that gives it, as a linter lists its rules."""
from __future__ import annotations

from ..checks import READER_CODES, registered_rules
from . import UsageError
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(subparsers, "rules", help="liệt kê các mã phát hiện và quy tắc kiểm tra",
                    description="Liệt kê từng mã phát hiện (TOTAL_MISMATCH, …) với mô tả và nơi đặt quy tắc.")
    p.add_argument("code", nargs="?", metavar="MÃ", help="chỉ in các quy tắc của mã này")
    p.set_defaults(handler=run)


def rule_lines(code: str | None = None) -> list[str]:
    lines = []
    for r in sorted(registered_rules(), key=lambda r: r.code):
        if code is None or r.code == code:
            lines.append(f"{r.code:<22} {r.description}  [{r.func.__module__}.{r.func.__name__}]")
    for c, description in sorted(READER_CODES.items()):
        if code is None or c == code:
            lines.append(f"{c:<22} {description}  [reportgen.read]")
    return lines


def run(args) -> int:
    code = args.code.upper() if args.code else None
    lines = rule_lines(code)
    if not lines:
        raise UsageError(f"Không có mã phát hiện '{args.code}'. Xem 'reportgen rules'.")
    print("\n".join(lines))
    return 0
