"""``reportgen schemes list`` and ``reportgen schemes show NAME``."""
from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP

from ..numbers import format_vi
from ..schemes import Scheme, all_schemes, check_scheme_file, load_scheme_file, scheme_files, shipped_schemes
from . import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from .verify import emit, resolve_scheme
from .vihelp import add_command


def register(subparsers) -> None:
    p = add_command(subparsers, "schemes", help="liệt kê và xem các bộ chỉ số đánh giá",
                    description="Các bộ chỉ số (mỗi bộ là một tệp dữ liệu trong gói).")
    sub = p.add_subparsers(dest="schemes_command", metavar="LỆNH", title="lệnh")
    lp = add_command(sub, "list", help="liệt kê các bộ chỉ số", description="Liệt kê các bộ chỉ số.")
    lp.set_defaults(handler=run_list)
    sp = add_command(sub, "show", help="xem chỉ số, điểm tối đa, khung xếp loại của một bộ chỉ số",
                     description="Xem chi tiết một bộ chỉ số.")
    sp.add_argument("name", metavar="TÊN", help="tên bộ chỉ số, ví dụ dienbien-2023")
    sp.set_defaults(handler=run_show)
    cp = add_command(sub, "check", help="kiểm tra tệp bộ chỉ số riêng (TOML) trước khi dùng",
                     description="Kiểm tra một hay nhiều tệp bộ chỉ số (hoặc thư mục chứa chúng): khóa, kiểu, "
                                 "tổng điểm tối đa, nhóm, khung xếp loại; mỗi lỗi nêu khóa và dòng. "
                                 "Mã thoát 0 khi mọi tệp hợp lệ, 1 khi có tệp sai, 2 khi không đọc được tệp. "
                                 "Định dạng: docs/schemes.md.")
    cp.add_argument("paths", nargs="+", metavar="TỆP", help="tệp .toml hoặc thư mục chứa các tệp .toml")
    cp.set_defaults(handler=run_check)

    def no_subcommand(args) -> int:
        p.print_help(sys.stderr)
        return EXIT_BAD_INPUT

    p.set_defaults(handler=no_subcommand)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return [fmt(header), fmt(["-" * w for w in widths]), *(fmt(r) for r in rows)]


def _validity(s: Scheme) -> str:
    if s.valid_from and s.valid_to:
        return f"{s.valid_from} – {s.valid_to}"
    if s.valid_from:
        return f"từ {s.valid_from}"
    return ""


def run_list(args) -> int:
    rows = [[s.name, format_vi(s.total_max), str(len(s.scored_indicators)), _validity(s), s.title]
            for s in all_schemes().values()]
    emit("\n".join(_table(["Tên", "Tổng điểm", "Số chỉ số", "Hiệu lực", "Tên đầy đủ"], rows)) + "\n")
    return 0


def describe(s: Scheme) -> str:
    lines = [f"Bộ chỉ số: {s.name}", s.title]
    if s.basis:
        lines.append(f"Căn cứ: {s.basis}")
    if _validity(s):
        lines.append(f"Hiệu lực: {_validity(s)}")
    lines.append(f"Tổng điểm tối đa: {format_vi(s.total_max)}")
    lines.append("")
    lines.append("Các chỉ số:")
    rows = [[ind.key, ind.label, (s.group(ind.group).label if s.group(ind.group) else ind.group or ""),
             format_vi(ind.max) + ("" if ind.scored else " (không tính điểm)")]
            for ind in s.indicators]
    lines.extend("  " + line for line in _table(["Mã", "Chỉ số", "Nhóm", "Điểm tối đa"], rows))
    if s.grades:
        lines.append("")
        basis = "tổng điểm" if s.grade_on == "points" else "tỷ lệ điểm đạt / điểm tối đa áp dụng (%)"
        lines.append(f"Khung xếp loại (theo {basis}):")
        grades = list(s.grades)
        for k, band in enumerate(grades):
            upper = f", dưới {format_vi(grades[k - 1].min)}" if k > 0 else ""
            extra = f" ({', '.join(band.abbreviations)})" if band.abbreviations else ""
            lines.append(f"  {band.name}{extra}: từ {format_vi(band.min)}{upper}")
    lines.append("")
    rounding = "nửa lên (half-up)" if s.rounding == ROUND_HALF_UP else "nửa chẵn (half-even)"
    lines.append(f"Làm tròn: {s.places} chữ số thập phân, {rounding}")
    lines.append(f"Ngưỡng sai số: {format_vi(s.tolerance)}; mỗi phần đã làm tròn: {format_vi(s.part_tolerance)}")
    if s.dash_removes_max:
        lines.append("Chỉ số ghi '-' (không áp dụng) không tính vào điểm tối đa của đơn vị.")
    if s.notes:
        lines.append(f"Ghi chú: {s.notes}")
    return "\n".join(lines)


def run_show(args) -> int:
    emit(describe(resolve_scheme(args.name)) + "\n")
    return 0


def run_check(args) -> int:
    """Validate each file; print its problems, or what it defines."""
    lines, bad, names = [], 0, {}
    for path in scheme_files(args.paths):
        problems = check_scheme_file(path)
        if problems:
            bad += 1
            lines.append(f"KHÔNG HỢP LỆ  {path}")
            lines.extend(f"  - {p}" for p in problems)
            continue
        scheme = load_scheme_file(path)
        clash = "bộ chỉ số có sẵn" if scheme.name in shipped_schemes() else names.get(scheme.name)
        if clash:
            bad += 1
            lines += [f"KHÔNG HỢP LỆ  {path}", f"  - {path}: tên “{scheme.name}” trùng với {clash}"]
            continue
        names[scheme.name] = f"tệp {path}"
        grades = ", ".join(f"{g.name} ≥ {format_vi(g.min)}" for g in scheme.grades) or "không xếp loại"
        lines.append(f"HỢP LỆ  {path}: {scheme.name} – {len(scheme.scored_indicators)} chỉ số, "
                     f"tổng {format_vi(scheme.total_max)} điểm; {grades}")
    total = len(lines) and sum(1 for x in lines if not x.startswith("  "))
    lines.append(f"Kết quả: {total - bad}/{total} tệp hợp lệ.")
    emit("\n".join(lines) + "\n")
    return EXIT_FINDINGS if bad else EXIT_OK
