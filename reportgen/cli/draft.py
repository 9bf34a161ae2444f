"""``reportgen draft INPUT [--template NAME] [--meta FILE] [--scheme NAME]
[-o OUT.docx] [--pdf] [--per-unit --outdir DIR] [--previous FILE] [--db URL]``.

Without ``--previous`` the previous period comes from the archive (``--db``,
``REPORTGEN_DB`` or the default store) when one exists; drafting never creates
an archive.

INPUT is the portal's 766 export, a score sheet (XLSX/CSV), the JSON of
``reportgen extract`` or a prior report. Outputs are written atomically; the
figures the input wrote differently from the recomputation are listed.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from parsers.limits import add_limit_option, use as limits_in_use

from ..files import atomic_path, output_dir, refuse_clobber
from ..schemes import UnknownScheme, all_schemes
from . import UsageError
from .batch import add_batch_options, convert_batch


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "draft", help="soạn dự thảo Báo cáo, Thông báo, Công văn (DOCX, PDF) từ bảng điểm",
        description="Soạn dự thảo văn bản theo Nghị định 30/2020/NĐ-CP từ tệp xuất của Cổng DVCQG, bảng điểm "
                    "(XLSX, CSV), JSON của 'reportgen extract' hoặc báo cáo kỳ trước. Điểm, tỷ lệ, xếp loại và "
                    "thứ hạng luôn được tính lại theo bộ chỉ số.")
    p.add_argument("input", metavar="ĐẦU_VÀO", nargs="?", help="tệp số liệu")
    p.add_argument("--print-meta-template", action="store_true",
                   help="in mẫu tệp thông tin văn bản (TOML, có chú thích từng khóa) rồi thoát")
    p.add_argument("--period", metavar="KỲ", help="kỳ đánh giá: 2025 (năm), 2025-10 (tháng), 2025-Q3 (quý); "
                                                  "mặc định lấy từ số liệu hoặc khóa period của tệp --meta")
    p.add_argument("--type", dest="doc_type", choices=("BC", "TB", "CV"),
                   help="loại văn bản: BC báo cáo, TB thông báo, CV công văn (mặc định theo tệp --meta, "
                        "không có thì BC)")
    p.add_argument("--template", metavar="MẪU",
                   help="tên mẫu trong thư mục templates (bao-cao-ket-qua, thong-bao-chi-so, cong-van-chi-dao) "
                        "hoặc đường dẫn tới tệp .docx")
    p.add_argument("--meta", metavar="TỆP", help="thông tin văn bản (TOML hoặc YAML): cơ quan ban hành, số, "
                                                 "ngày, người ký, nơi nhận, căn cứ…")
    p.add_argument("--scheme", metavar="TÊN", help="bộ chỉ số (mặc định: nhận ra từ tiêu đề cột)")
    p.add_argument("--province", metavar="TỈNH", help="tỉnh cần soạn khi tệp xuất của Cổng có nhiều tỉnh")
    p.add_argument("-o", "--output", metavar="RA.docx", help="tệp DOCX kết quả")
    p.add_argument("--pdf", action="store_true", help="xuất thêm PDF bằng LibreOffice")
    p.add_argument("--pdf-a", action="store_true", help="xuất PDF theo chuẩn lưu trữ PDF/A-2b (kèm theo --pdf)")
    p.add_argument("--number-start", metavar="N", type=int,
                   help="với --per-unit: đánh số các thông báo từ N trở đi (không có thì để trống số)")
    p.add_argument("--per-unit", action="store_true", help="soạn một Thông báo riêng cho từng đơn vị")
    p.add_argument("--outdir", metavar="THƯ_MỤC", help="thư mục ghi các tệp khi dùng --per-unit")
    p.add_argument("--previous", metavar="TỆP", help="số liệu kỳ trước để so sánh điểm và thứ hạng (không có thì "
                                                     "lấy kỳ trước trong kho lưu trữ, nếu kho đã có)")
    p.add_argument("--db", metavar="URL", help="kho lưu trữ để lấy kết quả kỳ trước (mặc định: biến môi trường "
                                               "REPORTGEN_DB hoặc kho mặc định); không tạo kho mới")
    add_batch_options(p)  # --jobs N: per-unit notices and their PDFs on N processes (reportgen.cli.batch)
    add_limit_option(p)
    p.set_defaults(handler=run)


def _check_scheme(name: str | None) -> None:
    if name and name not in all_schemes():
        known = ", ".join(sorted(all_schemes()))
        raise UsageError(f"Không có bộ chỉ số '{name}'. Các bộ chỉ số hiện có: {known}.")


PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]))?")


def _check_options(args) -> None:
    if args.input is None:
        raise UsageError("Thiếu tệp số liệu: reportgen draft ĐẦU_VÀO [tùy chọn] "
                         "(hoặc reportgen draft --print-meta-template).")
    if args.period is not None and not PERIOD.fullmatch(args.period.strip().upper()):
        raise UsageError(f"Kỳ đánh giá không hợp lệ: {args.period!r}. Viết 2025 (năm), 2025-10 (tháng) "
                         "hoặc 2025-Q3 (quý).")
    if args.number_start is not None and not args.per_unit:
        raise UsageError("--number-start chỉ dùng cùng --per-unit (đánh số các thông báo từng đơn vị).")
    if args.number_start is not None and args.number_start < 1:
        raise UsageError("--number-start phải là số nguyên dương.")
    if args.per_unit and args.doc_type not in (None, "TB"):
        raise UsageError(f"--per-unit soạn Thông báo (TB) cho từng đơn vị; không dùng được với --type "
                         f"{args.doc_type}. Bỏ --type hoặc dùng --type TB.")
    if args.db and "://" not in args.db and not Path(args.db).is_file():
        raise UsageError(f"Không tìm thấy kho lưu trữ {args.db} (--db). Kiểm tra đường dẫn, "
                         "hoặc bỏ --db để không so sánh với kỳ trước trong kho.")


def _settle_period(args, data, meta) -> None:
    """The period from --period, the data or the meta file; none is an error."""
    if args.period:
        data.period = args.period.strip().upper()
    data.period = data.period or meta.period
    if not data.period:
        raise UsageError("Không xác định được kỳ đánh giá: số liệu không ghi kỳ. Thêm --period 2025-10 "
                         "(tháng), --period 2025-Q3 (quý) hoặc --period 2025 (năm), hoặc khóa period trong "
                         "tệp --meta.")
    meta.period = data.period
    if data.previous and data.previous_period is None:
        from ..draft.narrative import previous_period

        data.previous_period = previous_period(data.period)
    if data.previous_period and data.previous_period == data.period:
        print(f"Cảnh báo: số liệu kỳ trước (--previous) cùng kỳ {data.period} với số liệu đang soạn; "
              "so sánh sẽ không có thay đổi. Kiểm tra lại tệp --previous.", file=sys.stderr)


def run(args) -> int:
    from ..draft import build_draft, load_data, load_meta
    from ..draft.render import template_path

    if args.print_meta_template:
        from ..draft.metadata import META_TEMPLATE

        sys.stdout.write(META_TEMPLATE)
        return 0
    _check_options(args)
    _check_scheme(args.scheme)
    from ..draft import sandbox
    from .reading import limits

    sandbox.LIMITS = limits(args)
    limits_in_use(sandbox.LIMITS)  # the input, --meta and --previous are read within the same limits
    args.pdf = args.pdf or args.pdf_a
    if args.per_unit and not args.outdir:
        raise UsageError("Dùng --per-unit cần chỉ thư mục ghi kết quả bằng --outdir.")
    if args.outdir and not args.per_unit:
        raise UsageError("--outdir chỉ dùng cùng --per-unit; với một văn bản hãy dùng -o.")
    started = time.perf_counter()
    if args.output and Path(args.output).suffix.lower() != ".docx":
        raise UsageError(f"Tệp kết quả phải có đuôi .docx: {args.output}")
    inputs = [args.input, args.meta, args.previous, args.template if args.template and
              Path(args.template).suffix else None]
    if not args.per_unit:  # before any work: never an output over an input
        out = Path(args.output or f"{Path(args.input).stem}-{(args.doc_type or 'bc').lower()}.docx")
        refuse_clobber([out, out.with_suffix(".pdf") if args.pdf else None], inputs)
    else:
        output_dir(args.outdir)
    meta = load_meta(args.meta, args.doc_type)
    template_path(args.template, meta.doc_type if not args.per_unit else "TB")  # a wrong name fails here
    try:
        data = load_data(args.input, args.scheme, args.province, args.previous)
    except UnknownScheme as exc:
        raise UsageError(f"Không có bộ chỉ số {exc}.") from None
    _settle_period(args, data, meta)
    _province_note(args, data)
    if args.previous is None:
        _archived_previous(args, data, meta)
    if args.per_unit:
        return _per_unit(args, data, meta, started)
    out = Path(args.output or f"{Path(args.input).stem}-{meta.doc_type.lower()}.docx")
    if out.suffix.lower() != ".docx":
        raise UsageError(f"Tệp kết quả phải có đuôi .docx: {out}")
    refuse_clobber([out, out.with_suffix(".pdf") if args.pdf else None], inputs)
    result = build_draft(data, meta, args.template)
    with atomic_path(out) as tmp:
        result.save(tmp)
        with_umask(tmp)
        if args.pdf:
            _write_pdf(tmp, out, args.pdf_a)
    rows = sum(len(dt.rows) for dt in data.tables)
    print(f"Đã soạn {out} ({meta.doc_type}, mẫu {result.template.stem}, {len(data.tables)} phụ lục, "
          f"{rows} đơn vị, {time.perf_counter() - started:.1f} giây).")
    if args.pdf:
        print(f"Đã xuất {out.with_suffix('.pdf')}.")
    _print_corrections(data)
    return 0


def with_umask(path: Path) -> None:
    """Give a file written through a private temporary file the mode any
    new file of the user gets (0666 less the umask), as ``open`` would."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _write_pdf(docx_tmp: Path, out: Path, pdf_a: bool) -> None:
    from ..draft.pdf import convert, substitute_font_warning

    pdf = out.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="rg-draft-") as work:
        src = Path(work) / (out.stem + ".docx")
        shutil.copyfile(docx_tmp, src)
        (made,) = convert([src], work, pdf_a=pdf_a)
        with atomic_path(pdf) as tmp_pdf:
            shutil.copyfile(made, tmp_pdf)
            with_umask(tmp_pdf)
    warning = substitute_font_warning()
    if warning:
        print(f"Cảnh báo: {warning}", file=sys.stderr)


def _province_note(args, data) -> None:
    """Say which province a portal export was drafted for when it was
    inferred, and every doubt about it."""
    if data.province is not None and not args.province:
        print(f"Tỉnh: {data.province.row.unit} (nhận ra từ mã và tên các đơn vị; --province để chọn tỉnh khác).",
              file=sys.stderr)
    for note in data.warnings:
        print(f"Cảnh báo: {note}", file=sys.stderr)


def _archived_previous(args, data, meta) -> None:
    """The previous period's ranks from the archive, when it exists and
    holds an earlier period of the same kind."""
    from ..archive import ArchiveError
    from ..archive.existing import archived_cohorts
    from ..draft.previous import attach_archived

    period = data.period or meta.period
    if not period or not data.tables and data.province is None:
        return
    try:
        found = archived_cohorts(args.db, [dt.scheme.name for dt in data.tables], period)
    except ArchiveError as exc:
        if args.db:
            raise UsageError(f"Không đọc được kho lưu trữ: {exc}") from None
        print(f"Bỏ qua so sánh với kỳ trước: không đọc được kho lưu trữ ({exc}).", file=sys.stderr)
        return
    if found is None:
        return
    previous, cohorts = found
    hint = " ".join(x for x in (meta.parent, meta.issuer, meta.issuer_header, meta.place, meta.province) if x)
    matched = attach_archived(data, previous, cohorts, hint)
    if matched:
        print(f"So sánh với kỳ {previous} trong kho lưu trữ ({matched} đơn vị có kết quả kỳ trước).")


def _print_corrections(data) -> None:
    lines = [c.text() for c in data.corrections] + list(data.notes)
    if not lines:
        return
    print(f"Đã sửa {len(lines)} số liệu ghi sai trong đầu vào (dự thảo dùng số tính lại, đúng định dạng):")
    for line in lines:
        print(f"  - {line}")


def _per_unit(args, data, meta, started: float) -> int:
    from ..draft.perunit import write_per_unit

    outdir = Path(args.outdir)
    if meta.number:
        print("Cảnh báo: số văn bản trong tệp --meta không dùng cho thông báo từng đơn vị (mỗi thông báo một số); "
              "dùng --number-start N để đánh số, không có thì để trống số.", file=sys.stderr)
    paths = write_per_unit(data, meta, outdir, args.template, workers=args.jobs, number_start=args.number_start)
    for path in paths:
        with_umask(path)
    print(f"Đã soạn {len(paths)} thông báo riêng cho từng đơn vị vào {outdir} "
          f"({time.perf_counter() - started:.1f} giây).")
    status = 0
    if args.pdf:
        # Several LibreOffice processes, each with its own profile, a chunk of files each.
        results = convert_batch(paths, outdir, args)
        made = sum(r.counts.get("pdfs", 0) for r in results)
        for r in results:
            if not r.ok:
                print(f"reportgen: {r.error}", file=sys.stderr)
                status = 2
        print(f"Đã xuất {made} tệp PDF ({time.perf_counter() - started:.1f} giây).")
    _print_corrections(data)
    return status


if __name__ == "__main__":  # pragma: no cover
    from . import main

    sys.exit(main(["draft", *sys.argv[1:]]))
