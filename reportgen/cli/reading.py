"""Options of the commands that read reports (verify, extract): which PDF
table engine to use and whether to OCR, passed to the parsers as plain data."""
from __future__ import annotations


def add_reader_options(parser) -> None:
    parser.add_argument("--engine", choices=("pdfplumber", "camelot"), default=None,
                        help="bộ đọc bảng trong PDF (mặc định: pdfplumber, camelot khi cần)")
    parser.add_argument("--ocr", choices=("auto", "never", "always"), default=None,
                        help="nhận dạng chữ (OCR) trang quét: auto (mặc định) chỉ trang không có "
                             "lớp chữ hoặc lớp chữ hỏng, never hoặc always")
    parser.add_argument("--password", metavar="MẬT_KHẨU", default=None,
                        help="mật khẩu mở tệp PDF được bảo vệ")


def reader_settings(args) -> dict:
    return {name: value for name in ("engine", "ocr", "password")
            if (value := getattr(args, name, None)) is not None}
