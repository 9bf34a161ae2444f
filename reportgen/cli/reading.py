"""Options of the commands that read reports (verify, extract): which PDF
table engine to use and whether to OCR, passed to the parsers as plain data."""
from __future__ import annotations

from parsers.limits import Limits, add_limit_option


def add_reader_options(parser) -> None:
    parser.add_argument("--engine", choices=("pdfplumber", "camelot"), default=None,
                        help="bộ đọc bảng trong PDF (mặc định: pdfplumber, camelot khi cần)")
    parser.add_argument("--ocr", choices=("auto", "never", "always"), default=None,
                        help="nhận dạng chữ (OCR) trang quét: auto (mặc định) chỉ trang không có "
                             "lớp chữ hoặc lớp chữ hỏng, never hoặc always")
    parser.add_argument("--password", metavar="MẬT_KHẨU", default=None,
                        help="mật khẩu mở tệp PDF được bảo vệ")
    add_limit_option(parser)


def limits(args):
    """The limits of the command line (``--limit TÊN=GIÁ_TRỊ``), or a usage error."""
    from . import UsageError

    try:
        return Limits.parse(getattr(args, "limit", None))
    except ValueError as exc:
        raise UsageError(str(exc)[:1].upper() + str(exc)[1:] + ".") from None


def reader_settings(args) -> dict:
    settings = {name: value for name in ("engine", "ocr", "password")
                if (value := getattr(args, name, None)) is not None}
    settings["limits"] = limits(args)
    return settings
