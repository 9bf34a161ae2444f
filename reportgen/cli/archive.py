"""``reportgen archive``: keep every period's scores and answer questions
about them. Text tables in Vietnamese by default, ``--format json`` for
programs; progress of imports on stderr."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..files import atomic_path, refuse_clobber
from ..numbers import format_vi
from ..raw import UnreadableInput
from . import UsageError
from .batch import add_batch_options, import_batch, wants_batch

_DB_HELP = "địa chỉ SQLAlchemy của kho (mặc định: biến REPORTGEN_DB, hoặc tệp SQLite trong thư mục dữ liệu người dùng)"
_LEVELS = ("tỉnh", "sở", "huyện", "xã", "phòng", "khác")


def register(subparsers) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help=_DB_HELP)
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=("text", "json"), default="text", help="dạng kết quả (mặc định: text)")
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--scheme", metavar="TÊN", help="chỉ lấy bộ chỉ số này (vd. dienbien-2024)")
    filters.add_argument("--province", metavar="TỈNH", help="chỉ lấy đơn vị của tỉnh này")

    parser = subparsers.add_parser("archive", help="lưu trữ điểm các kỳ; lịch sử, xếp hạng, so sánh",
                                   description="Kho lưu trữ điểm chỉ số của các đơn vị qua các kỳ.")
    sub = parser.add_subparsers(dest="archive_command", metavar="LỆNH", title="lệnh", required=True)

    p = sub.add_parser("import", parents=[common, fmt], help="nhập tài liệu (tệp hoặc thư mục) vào kho")
    p.add_argument("paths", nargs="+", metavar="TỆP|THƯ_MỤC",
                   help="PDF, DOCX, XLSX, văn bản hoặc JSON của 'reportgen extract'; thư mục thì lấy mọi tệp bên trong")
    p.add_argument("--period", metavar="KỲ", help="kỳ của số liệu khi tệp không ghi kỳ (vd. tệp xuất của Cổng "
                                                  "DVCQG): YYYY, YYYY-MM hoặc YYYY-Qn; được ưu tiên hơn kỳ đọc từ tệp")
    add_batch_options(p)  # --jobs N: several files at once (reportgen.cli.batch)
    p.set_defaults(handler=_import)

    p = sub.add_parser("history", parents=[common, fmt, filters], help="diễn biến điểm của một đơn vị qua các kỳ")
    p.add_argument("unit", metavar="ĐƠN_VỊ", help="tên đơn vị, viết đầy đủ hay viết tắt (vd. \"Sở Tư pháp\")")
    p.add_argument("--indicator", metavar="CHỈ_SỐ", help="một chỉ số thay cho tỷ lệ điểm đạt (vd. c5)")
    p.add_argument("--plot", metavar="TỆP.png", help="vẽ biểu đồ so với trung vị cùng cấp của tỉnh")
    p.set_defaults(handler=_history)

    p = sub.add_parser("ranking", parents=[common, fmt, filters], help="xếp hạng các đơn vị trong một kỳ")
    p.add_argument("period", metavar="KỲ", help="YYYY, YYYY-MM hoặc YYYY-Qn")
    p.add_argument("--level", choices=_LEVELS, help="chỉ một cấp đơn vị")
    p.set_defaults(handler=_ranking)

    p = sub.add_parser("compare", parents=[common, fmt, filters], help="đơn vị tăng, giảm nhiều nhất giữa hai kỳ")
    p.add_argument("period_a", metavar="KỲ_TRƯỚC", help="YYYY, YYYY-MM hoặc YYYY-Qn")
    p.add_argument("period_b", metavar="KỲ_SAU", help="YYYY, YYYY-MM hoặc YYYY-Qn")
    p.add_argument("--level", choices=_LEVELS, help="chỉ một cấp đơn vị")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="số đơn vị mỗi chiều (mặc định 10)")
    p.set_defaults(handler=_compare)

    p = sub.add_parser("export", parents=[common], help="xuất toàn bộ điểm ra XLSX, CSV hoặc JSON")
    p.add_argument("--format", choices=("xlsx", "csv", "json"), required=True, help="dạng tệp xuất")
    p.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp kết quả")
    p.add_argument("--scheme", metavar="TÊN", help="chỉ xuất bộ chỉ số này")
    p.add_argument("--period", metavar="KỲ", help="chỉ xuất kỳ này")
    p.set_defaults(handler=_export)


def _open(args):
    from ..archive import ArchiveError, open_archive

    try:  # only an import creates an archive; a mistyped --db elsewhere is an error
        return open_archive(args.db, create=getattr(args, "archive_command", None) == "import")
    except ArchiveError as exc:
        raise UsageError(str(exc)) from exc


def _guarded(func):
    def run(args):
        from ..archive import ArchiveError

        try:
            return func(args)
        except ArchiveError as exc:
            raise UsageError(str(exc)) from exc
    return run


def _num(value, places: int | None = None) -> str:
    return "" if value is None else format_vi(value, places)


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fmt_row = lambda cells: "  ".join(  # noqa: E731
        c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()
    return "\n".join([fmt_row(headers), "  ".join("-" * w for w in widths)] + [fmt_row(r) for r in rows])


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _progress(event, n, total, path, result) -> None:
    if event == "write":
        print(f"[{n}/{total}] {path.name}: đang ghi vào kho…", file=sys.stderr, flush=True)
    elif event == "done":
        if result.status == "imported":
            what = f"đã nhập {result.rows} dòng điểm, {result.findings} phát hiện"
        elif result.status == "duplicate":
            what = "đã có trong kho, bỏ qua"
        else:
            what = f"không đọc được: {result.message}"
        print(f"[{n}/{total}] {path.name}: {what}", file=sys.stderr, flush=True)


@_guarded
def _period_reader(period: str | None):
    """The archive's reader, with the period of ``--period`` where given."""
    from ..archive.importer import default_reader
    from ..archive.periods import is_period

    if period is None:
        return default_reader
    if not is_period(period):
        raise UsageError(f"Kỳ không hợp lệ: {period!r}. Viết YYYY, YYYY-MM hoặc YYYY-Qn (vd. 2025-10).")

    def reader(path):
        report = default_reader(path)
        report.meta.period = period
        return report
    return reader


def _import(args) -> int:
    reader = _period_reader(getattr(args, "period", None))
    if wants_batch(args, args.paths, folders=False):
        return import_batch(args)
    with _open(args) as archive:
        results = archive.import_paths(args.paths, reader=reader, progress=_progress)
    counts = {s: sum(r.status == s for r in results) for s in ("imported", "duplicate", "failed")}
    if args.format == "json":
        _print_json({"db": archive.url, "results": [r.__dict__ for r in results], **counts})
    else:
        print(f"Đã nhập {counts['imported']} tài liệu, bỏ qua {counts['duplicate']} tài liệu đã có, "
              f"{counts['failed']} tài liệu không đọc được. Kho: {archive.url}")
    return 2 if counts["failed"] else 0


@_guarded
def _history(args) -> int:
    with _open(args) as archive:
        histories = archive.history(args.unit, scheme=args.scheme, indicator=args.indicator, province=args.province)
    if args.plot:
        from ..archive import resolve_url
        from ..archive.db import sqlite_file
        from ..archive.plot import plot_history

        refuse_clobber([args.plot], archive=sqlite_file(resolve_url(args.db)))

        with atomic_path(args.plot, suffix=".png") as tmp:
            plot_history(histories, tmp, indicator=args.indicator)
    if args.format == "json":
        _print_json({"histories": [h.to_json() for h in histories]})
        return 0
    from ..archive.periods import label_vi

    blocks = []
    for h in histories:
        title = f"{h.unit}" + (f" ({h.province})" if h.province else "")
        if len(h.chain) > 1:
            title += " → " + " → ".join(h.chain[1:])
        value_label = f"Chỉ số {args.indicator}" if args.indicator else "Tỷ lệ %"
        rows = [[label_vi(e.period), e.scheme, e.unit_text, _num(e.total), _num(e.max),
                 _num(e.value if args.indicator else e.percent), e.grade or "", str(e.rank or ""),
                 _num(e.median, 2), f"{e.document} (bảng {e.table + 1}, dòng {e.row + 1})"] for e in h.entries]
        blocks.append(title + "\n" + (_table(
            ["Kỳ", "Bộ chỉ số", "Tên trong văn bản", "Tổng điểm", "Tối đa", value_label, "Xếp loại", "Hạng",
             "Trung vị cùng cấp", "Nguồn"], rows, right={3, 4, 5, 7, 8}) if rows else "(chưa có điểm nào)"))
    print("\n\n".join(blocks))
    return 0


@_guarded
def _ranking(args) -> int:
    with _open(args) as archive:
        groups = archive.ranking(args.period, scheme=args.scheme, province=args.province, level=args.level)
    if args.format == "json":
        _print_json({"period": args.period, "groups": [g.to_json() for g in groups]})
        return 0
    if not groups:
        print(f"Kho chưa có điểm nào của kỳ {args.period}.")
        return 0
    from ..archive.periods import label_vi

    blocks = []
    for g in groups:
        rows = [[str(e.rank), e.unit_text, _num(e.total), _num(e.max), _num(e.percent), e.grade or ""]
                for e in g.entries]
        blocks.append(f"Xếp hạng {label_vi(g.period)} - {g.province or 'toàn quốc'} - cấp {g.level} - {g.scheme}\n"
                      + _table(["Hạng", "Đơn vị", "Tổng điểm", "Tối đa", "Tỷ lệ %", "Xếp loại"], rows,
                               right={0, 2, 3, 4}))
    print("\n\n".join(blocks))
    return 0


@_guarded
def _compare(args) -> int:
    with _open(args) as archive:
        up, down = archive.compare(args.period_a, args.period_b, scheme=args.scheme, province=args.province,
                                   level=args.level)
    up, down = up[:args.limit], down[:args.limit]
    if args.format == "json":
        _print_json({"period_a": args.period_a, "period_b": args.period_b, "up": [m.to_json() for m in up],
                     "down": [m.to_json() for m in down]})
        return 0
    from ..archive.periods import label_vi

    def block(title, moves):
        rows = [[m.unit, m.level, _num(m.before.percent), _num(m.after.percent),
                 ("+" if m.delta > 0 else "") + format_vi(m.delta, 2), str(m.before.rank or ""),
                 str(m.after.rank or "")] for m in moves]
        return title + "\n" + (_table(["Đơn vị", "Cấp", f"Tỷ lệ % {args.period_a}", f"Tỷ lệ % {args.period_b}",
                                       "Thay đổi", "Hạng trước", "Hạng sau"], rows, right={2, 3, 4, 5, 6})
                               if rows else "(không có)")

    print(block(f"Tăng nhiều nhất từ {label_vi(args.period_a)} đến {label_vi(args.period_b)}", up))
    print()
    print(block("Giảm nhiều nhất", down))
    return 0


@_guarded
def _export(args) -> int:
    from ..archive import resolve_url
    from ..archive.db import sqlite_file
    from ..archive.export import WRITERS, export_rows

    refuse_clobber([args.output], archive=sqlite_file(resolve_url(args.db)))
    with _open(args) as archive, archive.session() as session:
        columns, rows = export_rows(session, scheme=args.scheme, period=args.period)
    try:
        with atomic_path(args.output) as tmp:
            WRITERS[args.format](Path(tmp), columns, rows)
    except OSError as exc:
        raise UnreadableInput(f"không ghi được tệp {args.output}: {exc.strerror}") from exc
    print(f"Đã xuất {len(rows)} dòng điểm ra {args.output}", file=sys.stderr)
    return 0
