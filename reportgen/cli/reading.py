"""Options of the commands that read reports (verify, extract): which PDF
table engine to use and whether to OCR, passed to the parsers as plain data."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from parsers.limits import Limits, add_limit_option


def add_reader_options(parser) -> None:
    parser.add_argument("--engine", choices=("pdfplumber", "camelot"), default=None,
                        help="bộ đọc bảng trong PDF (mặc định: pdfplumber, camelot khi cần)")
    parser.add_argument("--ocr", choices=("auto", "never", "always"), default=None,
                        help="nhận dạng chữ (OCR) trang quét: auto (mặc định) chỉ trang không có "
                             "lớp chữ hoặc lớp chữ hỏng, never hoặc always")
    parser.add_argument("--password", metavar="MẬT_KHẨU", default=None,
                        help="mật khẩu mở tệp PDF được bảo vệ")
    parser.add_argument("--scheme-file", dest="scheme_files", action="append", metavar="TỆP.toml", default=None,
                        help="bộ chỉ số riêng (tệp TOML, hoặc thư mục chứa các tệp đó; dùng được nhiều lần): "
                             "thêm vào các bộ chỉ số có sẵn để nhận ra bảng, hoặc chọn bằng --scheme TÊN; "
                             "xem docs/schemes.md và 'reportgen schemes check'")
    add_limit_option(parser)


def limits(args):
    """The limits of the command line (``--limit TÊN=GIÁ_TRỊ``), or a usage error."""
    from ..errors import UsageError

    try:
        return Limits.parse(getattr(args, "limit", None))
    except ValueError as exc:
        raise UsageError(str(exc)[:1].upper() + str(exc)[1:] + ".") from None


@contextmanager
def scheme_files_in_use(paths: list[str] | None) -> Iterator[None]:
    """While the command runs, the user's scheme files (validated first: a bad
    one is a SchemeError, exit 2, naming the key and line) join the shipped
    schemes, for this process and the workers it starts (``REPORTGEN_SCHEMES``)."""
    if not paths:
        yield
        return
    from ..schemes import SCHEMES_ENV, all_schemes, scheme_files

    files = [str(p.resolve()) for p in scheme_files(paths)]
    previous = os.environ.get(SCHEMES_ENV)
    os.environ[SCHEMES_ENV] = os.pathsep.join([*([previous] if previous else []), *files])
    try:
        all_schemes()  # load and validate now, before any report is read
        yield
    finally:
        if previous is None:
            os.environ.pop(SCHEMES_ENV, None)
        else:
            os.environ[SCHEMES_ENV] = previous


def reader_settings(args) -> dict:
    settings = {name: value for name in ("engine", "ocr", "password")
                if (value := getattr(args, name, None)) is not None}
    settings["limits"] = limits(args)
    return settings
