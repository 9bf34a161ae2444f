"""The ``reportgen`` command. Each sub-command lives in its own module with a
``register(subparsers)`` function; this module only dispatches and turns
unreadable input into a Vietnamese message and exit status 2."""
from __future__ import annotations

import argparse
import os
import sys

from ..raw import UnreadableInput
from .vihelp import VietnameseArgumentParser, VietnameseHelpFormatter

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

_COMMAND_MODULES = ("extract", "verify", "schemes", "rules", "draft", "archive", "serve", "users")


class UsageError(Exception):
    """A user mistake on the command line (exit 2, Vietnamese message)."""


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(
        prog="reportgen",
        description="Soạn, kiểm tra và lưu trữ báo cáo chỉ số phục vụ người dân, doanh nghiệp.",
        formatter_class=VietnameseHelpFormatter, add_help=False,
    )
    parser._positionals.title = "lệnh"
    parser._optionals.title = "tùy chọn"
    parser.add_argument("-h", "--help", action="help", help="in trợ giúp này rồi thoát")
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH",
                                       parser_class=VietnameseArgumentParser)
    import importlib

    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # a command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args) or 0)
    except (UnreadableInput, UsageError) as exc:
        print(f"reportgen: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("reportgen: đã dừng.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        print(f"reportgen: không xử lý được đầu vào ({type(exc).__name__}: {exc}). "
              "Đặt REPORTGEN_DEBUG=1 để xem chi tiết.", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
