"""``reportgen extract FILE [--format json|csv] [--scheme NAME]``: what was read.

JSON is the machine contract of docs/json.md (``Report.to_json``). CSV has one
line per row of every table: table, title, scheme, kind, section, no, unit,
page, the scores by key, any other values by column label, then total, max,
percent and grade. Numbers are plain decimals ('58.69'), empty where the
report shows '-'.
"""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

from ..model import Report, dec_str
from ..text.safe import csv_text
from .reading import add_reader_options, reader_settings
from .verify import emit, resolve_scheme
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(
        subparsers, "extract", help="đọc báo cáo và in ra số liệu đã đọc được (JSON hoặc CSV)",
        description="Đọc một báo cáo và in thông tin văn bản, các bảng điểm và các nhận định trong lời văn. "
                    "Mã thoát 2 khi không đọc được tệp.")
    p.add_argument("file", metavar="TỆP", help="tệp báo cáo (PDF, DOCX, XLSX, văn bản)")
    p.add_argument("--format", choices=("json", "csv"), default="json",
                   help="json (mặc định, đủ thông tin) hoặc csv (một dòng cho mỗi đơn vị của mỗi bảng)")
    p.add_argument("--scheme", metavar="TÊN", help="bộ chỉ số gắn cho các bảng điểm (mặc định: tự nhận ra)")
    add_reader_options(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..read import read_path

    scheme = resolve_scheme(args.scheme)
    report = read_path(args.file, reader_settings(args), scheme=scheme.name if scheme is not None else None)
    if args.format == "csv":
        buffer = io.StringIO()
        write_csv(report, buffer)
        emit(buffer.getvalue())
    else:
        emit(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    return 0


_NUMERIC = re.compile(r"-?\d+(?:\.\d+)?")


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return dec_str(value)
    return str(value)


def csv_rows(report: Report) -> tuple[list[str], list[list[str]]]:
    """The header and the lines of the CSV form."""
    score_keys: list[str] = []
    extra_keys: list[str] = []
    for table in report.tables:
        for key in [c.key for c in table.columns] + [k for r in table.rows for k in r.scores]:
            if key not in score_keys:
                score_keys.append(key)
        for row in table.rows:
            for label in row.extra:
                if label not in extra_keys:
                    extra_keys.append(label)
    # a unit that takes several rows (periods, kinds) gives each its sub-label, in a column after the unit
    parts = any(row.part is not None for table in report.tables for row in table.rows)
    header = (["table", "title", "scheme", "kind", "section", "no", "unit"] + (["part"] if parts else [])
              + ["page"] + score_keys + extra_keys + ["total", "max", "percent", "grade"])
    lines = []
    for table in report.tables:
        for row in table.rows:
            lines.append([str(table.index), table.title or "", table.scheme or "", table.kind,
                          row.section or "", row.no or "", row.unit] + ([row.part or ""] if parts else [])
                         + [_plain(row.page)]
                         + [_plain(row.scores.get(k)) for k in score_keys]
                         + [_plain(row.extra.get(k)) for k in extra_keys]
                         + [_plain(row.total), _plain(row.max), _plain(row.percent), row.grade or ""])
    return header, lines


def write_csv(report: Report, stream) -> None:
    """Text fields that a spreadsheet would run as a formula get a leading
    apostrophe; the plain decimals stay as they are."""
    header, lines = csv_rows(report)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([csv_text(h) for h in header])
    writer.writerows([[f if _NUMERIC.fullmatch(f) else csv_text(f) for f in line] for line in lines])
