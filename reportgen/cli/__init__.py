"""The ``reportgen`` command. Each sub-command lives in its own module with a
``register(subparsers)`` function; this module only dispatches and keeps the
error boundary (docs/exit-status.md):

- an error the project raises on purpose (:class:`reportgen.errors.ReportgenError`:
  unreadable input, a wrong option, a bad scheme file, an archive problem) or
  one the operating system gives on a file (``OSError``) is the user's input or
  environment: its Vietnamese message on stderr and exit 2;
- anything else is a bug of ours: a Vietnamese message asking for a bug report,
  the traceback written to a log file whose path is printed, exit 70.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import errno
import os
import sys
import traceback
from pathlib import Path

from ..errors import EXIT_BAD_INPUT, EXIT_INTERNAL, ReportgenError, UsageError
from .vihelp import VietnameseArgumentParser, VietnameseHelpFormatter

EXIT_OK, EXIT_FINDINGS = 0, 1
LOG_DIR_ENV = "REPORTGEN_LOG_DIR"

_COMMAND_MODULES = ("extract", "verify", "schemes", "rules", "draft", "archive", "serve", "users", "worker")

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "UsageError", "build_parser", "main"]


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
        from .reading import scheme_files_in_use

        with scheme_files_in_use(getattr(args, "scheme_files", None)):
            return int(args.handler(args) or 0)
    except ReportgenError as exc:
        print(f"reportgen: {exc}", file=sys.stderr)
        return exc.exit_status
    except OSError as exc:  # the file system said no: a path, a permission, a full disk
        print(f"reportgen: {_os_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("reportgen: đã dừng.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception:  # a bug of ours: never a traceback for the user, never blamed on the file
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        return internal_error(argv)


_OS_REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không có quyền",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EEXIST: "đã có một tệp trùng tên",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}


def _os_message(exc: OSError) -> str:
    where = f" “{exc.filename}”" if exc.filename else ""
    reason = _OS_REASONS.get(exc.errno) or exc.strerror or type(exc).__name__
    return f"không đọc/ghi được tệp{where}: {reason}."


def log_dir() -> Path:
    """Where internal-error logs go: ``REPORTGEN_LOG_DIR``, else the user's log
    folder (``~/.local/state/reportgen/log`` on Linux)."""
    if os.environ.get(LOG_DIR_ENV):
        return Path(os.environ[LOG_DIR_ENV]).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("reportgen"))


def internal_error(argv: list[str] | None) -> int:
    """Report the exception being handled as a bug of ours: the traceback to a
    log file, a Vietnamese message naming it on stderr, exit 70."""
    from .. import __version__

    stamp = _dt.datetime.now()
    text = (f"reportgen {__version__} {stamp.isoformat(timespec='seconds')}\n"
            f"lệnh: reportgen {' '.join(sys.argv[1:] if argv is None else argv)}\n"
            f"python {sys.version.split()[0]}\n\n{traceback.format_exc()}")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"loi-{stamp:%Y%m%d-%H%M%S}-{os.getpid()}.log"
        path.write_text(text, encoding="utf-8")
        where = f"kèm tệp nhật ký: {path}"
    except OSError:
        sys.stderr.write(text)
        where = "kèm nội dung lỗi in ở trên"
    print("reportgen: lỗi nội bộ của reportgen (không phải do tệp của bạn). "
          f"Vui lòng báo lỗi cho người phát triển, {where}", file=sys.stderr)
    return EXIT_INTERNAL

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
