"""One slip, one error, in a table of two periods side by side with the change
between them (reportgen.checks.culprits): a unit's figure of the later period
slipped breaks the "Tổng cộng" row's sum of that column and the unit's change;
the one error is the unit's cell, with the figure that makes both hold."""
from __future__ import annotations

from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = """UBND TỈNH BÌNH PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG UBND TỈNH\tĐộc lập - Tự do - Hạnh phúc
Số: 88/BC-VP\tBình Phước, ngày 05 tháng 01 năm 2026

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý IV năm 2025

1. Số hồ sơ đã giải quyết

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
CHÁNH VĂN PHÒNG
Nguyễn Văn An
"""
# (unit, quý III, quý IV): the changes are quý IV − quý III, the "Tổng cộng" the sums
UNITS = [("Sở Tư pháp", 1240, 1391), ("Sở Xây dựng", 356, 402), ("Sở Y tế", 2875, 2610), ("Sở Nội vụ", 418, 455),
         ("Sở Tài chính", 967, 1120), ("Sở Công Thương", 1532, 1498), ("Sở Giáo dục và Đào tạo", 204, 231)]


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _report(tmp_path: Path, change: str, slipped: str) -> Path:
    lines = [f"| STT | Đơn vị | Quý III | Quý IV | {change} |", "|---|---|---|---|---|"]
    for k, (unit, a, b) in enumerate(UNITS, 1):
        moved = f"{(b - a) / a * 100:.2f}".replace(".", ",") if "%" in change else f"{b - a:+d}".replace("+0", "0")
        lines.append(f"| {k} | {unit} | {_vi(a)} | {slipped if unit == 'Sở Y tế' else _vi(b)} | {moved} |")
    a, b = sum(u[1] for u in UNITS), sum(u[2] for u in UNITS)
    total = f"{(b - a) / a * 100:.2f}".replace(".", ",") if "%" in change else f"{b - a:+d}"
    lines.append(f"|  | Tổng cộng | {_vi(a)} | {_vi(b)} | {total} |")
    path = tmp_path / "report.txt"
    path.write_text(HEAD + "\n".join(lines) + "\n" + TAIL, encoding="utf-8")
    return path


def _errors(path: Path) -> list:
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_unchanged_the_table_has_no_error(tmp_path):
    assert _errors(_report(tmp_path, "Tăng/giảm", "2.610")) == []
    assert _errors(_report(tmp_path, "Tăng, giảm (%)", "2.610")) == []


def test_a_figure_slipped_under_a_change_in_units_is_one_error_at_its_cell(tmp_path):
    # Sở Y tế's 2.610 written 2.160: the total's 7.707 is no longer the column's sum (7.257), and
    # 2.875 − 265 (the change written) is 2.610, not 2.160 — a relation found by fit, a warning on
    # its own. 2.610 answers both: the total's error moves onto Sở Y tế's cell, the one error.
    found = _errors(_report(tmp_path, "Tăng/giảm", "2.160"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("SUM_ROW_MISMATCH", "Sở Y tế", "k3", "2160", "2610")]
    assert found[0].message.endswith(
        "Chỉ một ô sai giải thích được mọi lỗi: cột “Quý IV” ghi 2.160; nếu là 2.610 thì mọi quan hệ đều khớp. "
        "Số ghi sai này kéo theo: SUM_MISMATCH ở “Sở Y tế” (ghi 2.160, tính ra 2.610) — các lỗi này hết khi sửa ô "
        "này, nên không báo riêng.")


def test_a_figure_slipped_under_a_rate_of_change_is_one_error_at_its_cell(tmp_path):
    # The same slip under "Tăng, giảm (%)": −9,22% is no longer (2.160 − 2.875) / 2.875 (−24,87%),
    # and the total breaks its column by 450. The unit's cell moved by the column's gap (450, not the
    # rate's 15,65 points) answers both.
    found = _errors(_report(tmp_path, "Tăng, giảm (%)", "2.160"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Sở Y tế", "k3", "2160", "2610")]
    assert found[0].message.endswith(
        "Số ghi sai này kéo theo: SUM_ROW_MISMATCH ở “Tổng cộng” (ghi 7.707, tính ra 7.257) — các lỗi này hết khi "
        "sửa ô này, nên không báo riêng.")
