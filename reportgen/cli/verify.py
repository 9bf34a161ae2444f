"""``reportgen verify FILE... [--format text|json] [--scheme NAME] [--annotate OUT.docx]``.

Every file is read before anything is printed: when one cannot be read, the
command says which on stderr, prints nothing else and exits 2. Otherwise the
exit status follows the verdict: 0 ĐẠT, 1 KHÔNG ĐẠT (an error-level finding),
3 CHƯA KIỂM TRA HẾT (no error, but a table or a claim with numbers was not
checked); with several files, the worst of them (1, then 3, then 0).
"""
from __future__ import annotations

import json
import os
import sys

from ..raw import UnreadableInput
from ..schemes import UnknownScheme, all_schemes, load_scheme
from . import EXIT_BAD_INPUT, UsageError
from .batch import add_batch_options, verify_batch, wants_batch
from .reading import add_reader_options, reader_settings
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(
        subparsers, "verify", help="kiểm tra số liệu của báo cáo (tổng, điểm tối đa, tỷ lệ, xếp loại, lời văn)",
        description="Đọc báo cáo (PDF, DOCX, XLSX, văn bản) và chỉ ra từng chỗ số liệu không khớp. "
                    "Mã thoát: 0 ĐẠT (đã kiểm tra hết, không có lỗi), 1 KHÔNG ĐẠT (có ít nhất một lỗi), "
                    "2 không đọc được đầu vào, 3 CHƯA KIỂM TRA HẾT (không có lỗi nhưng còn bảng "
                    "hoặc nhận định chưa kiểm tra được).")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp báo cáo cần kiểm tra, hoặc thư mục chứa chúng")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                   help="định dạng kết quả: text (để đọc, mặc định), json (cho chương trình khác) hoặc jsonl "
                        "(chạy hàng loạt: mỗi tệp một dòng JSON)")
    p.add_argument("--scheme", metavar="TÊN",
                   help="bộ chỉ số dùng để chấm lại (mặc định: nhận ra từ dòng tiêu đề của bảng); "
                        "xem 'reportgen schemes list'")
    p.add_argument("--select", metavar="MÃ|QUY-TẮC", action="append", default=[],
                   help="chỉ chạy các quy tắc này (mã phát hiện như TOTAL_MISMATCH hoặc tên quy tắc như "
                        "total-mismatch; nhiều giá trị cách nhau bằng dấu phẩy); xem 'reportgen rules'")
    p.add_argument("--ignore", metavar="MÃ|QUY-TẮC", action="append", default=[],
                   help="bỏ qua các quy tắc này (mã hoặc tên quy tắc; cách nhau bằng dấu phẩy)")
    p.add_argument("--annotate", metavar="RA.docx",
                   help="ghi một bản DOCX có chú thích tại từng chỗ sai (chỉ với một tệp đầu vào)")
    add_reader_options(p)
    add_batch_options(p)
    p.set_defaults(handler=run)


def resolve_scheme(name: str | None):
    """The scheme named on the command line, or a Vietnamese usage error."""
    if name is None:
        return None
    try:
        return load_scheme(name)
    except UnknownScheme:
        known = ", ".join(sorted(all_schemes()))
        raise UsageError(f"Không có bộ chỉ số '{name}'. Các bộ chỉ số hiện có: {known}.") from None


def rule_selectors(values: list[str]) -> frozenset[str]:
    """--select/--ignore values (repeatable, comma-separated) checked against
    every code and rule name; an unknown one is a Vietnamese usage error."""
    from ..checks import known_selectors

    wanted = {v.strip() for value in values for v in value.split(",") if v.strip()}
    wanted = {v.upper() if "_" in v or v.isupper() else v.lower() for v in wanted}  # codes are upper case
    unknown = sorted(wanted - known_selectors())
    if unknown:
        raise UsageError(f"Không có mã phát hiện hay quy tắc '{unknown[0]}'. Xem 'reportgen rules'.")
    return frozenset(wanted)


def run(args) -> int:
    from ..verify import verify_path, worst_exit

    scheme = resolve_scheme(args.scheme)
    select, ignore = rule_selectors(args.select), rule_selectors(args.ignore)
    if wants_batch(args, args.files):  # folders, --jobs, --report, jsonl: jobs in parallel
        if select or ignore:
            raise UsageError("Tùy chọn --select/--ignore chưa dùng được khi kiểm tra theo lô (thư mục, --jobs, "
                             "--report, jsonl).")
        return verify_batch(args, reader_settings(args))
    if args.annotate and len(args.files) != 1:
        raise UsageError("Tùy chọn --annotate chỉ dùng với đúng một tệp đầu vào.")
    if args.annotate:
        from ..files import refuse_clobber

        refuse_clobber([args.annotate], args.files)
    results, failed = [], []
    for path in args.files:
        try:
            results.append(verify_path(path, scheme, reader_settings(args), select, ignore))
        except UnreadableInput as exc:
            failed.append(str(exc))
    if failed:
        for message in failed:
            print(f"reportgen: {message}", file=sys.stderr)
        if len(args.files) > 1:
            print(f"reportgen: không kiểm tra được {len(failed)}/{len(args.files)} tệp; "
                  "chưa in kết quả nào. Sửa hoặc bỏ các tệp trên rồi chạy lại.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.annotate:
        from ..annotate import annotate

        # It writes its copy atomically and never over the source.
        count = annotate(args.files[0], results[0].findings, args.annotate, report=results[0].report)
        print(f"reportgen: đã ghi {count} chú thích vào {args.annotate}", file=sys.stderr)
    _print(results, args.format)
    return worst_exit(r.exit_status for r in results)


def emit(text: str) -> None:
    """Write to stdout; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit


def _print(results, fmt: str) -> None:
    if fmt == "json":
        payload = [r.to_json() for r in results]
        out = payload[0] if len(payload) == 1 else payload
        emit(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    from ..findings_text import format_findings

    texts = [format_findings(r.report, r.findings, r.ledger) for r in results]
    if len(results) > 1:
        failed = sum(1 for r in results if not r.ok)
        incomplete = sum(1 for r in results if r.ok and r.verdict != "ĐẠT")
        line = f"Tổng cộng {len(results)} tệp: {len(results) - failed - incomplete} đạt, {failed} không đạt"
        texts.append(line + (f", {incomplete} chưa kiểm tra hết." if incomplete else "."))
    emit("\n\n".join(texts) + "\n")
