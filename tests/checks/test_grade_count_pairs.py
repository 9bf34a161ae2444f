"""A unit counted under the wrong grade (reportgen/checks/culprits_pairs.py): a
table of grade counts per group of units, each count with its share of the
group, and a "Tổng cộng" row. One unit of the communes typed under Khá
instead of Tốt moves two cells of one row, one up and one down: the row still
adds up, its two shares break and so do the total row's two columns — four
errors, no one cell answers them, the pair does."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_table

GRADES = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
GROUPS = [("Sở, ban, ngành", [3, 12, 5, 1, 0]), ("UBND cấp xã", [10, 61, 40, 12, 1]),
          ("Đơn vị sự nghiệp", [2, 9, 6, 2, 0]), ("Cơ quan ngành dọc", [1, 7, 4, 1, 0])]


def _share(k: int, n: int) -> str:
    return format((Decimal(k) * 100 / n).quantize(Decimal("0.01"), ROUND_HALF_UP), "f").replace(".", ",")


def write(path, typed: dict[str, list[int]]) -> None:
    head = ["STT", "Khối", "Tổng số đơn vị"] + [w for g in GRADES for w in (f"{g} (số đơn vị)", f"{g} (%)")]
    lines = []
    for i, (name, counts) in enumerate(GROUPS):
        n = sum(counts)
        shown = typed.get(name, counts)
        lines.append([str(i + 1), name, str(n)] + [w for k, s in zip(counts, shown) for w in (str(s), _share(k, n))])
    n = sum(sum(c) for _, c in GROUPS)
    totals = [sum(c[k] for _, c in GROUPS) for k in range(len(GRADES))]
    lines.append(["", "Tổng cộng", str(n)] + [w for k in totals for w in (str(k), _share(k, n))])
    write_docx_table(path, "KẾT QUẢ XẾP LOẠI CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 THEO KHỐI", head, lines)


def errors(path) -> list:
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_the_clean_table_has_no_error(tmp_path):
    write(tmp_path / "clean.docx", {})
    assert errors(tmp_path / "clean.docx") == []


def test_a_unit_typed_under_the_next_grade_is_one_error_naming_both_cells(tmp_path):
    write(tmp_path / "moved.docx", {"UBND cấp xã": [10, 60, 41, 12, 1]})
    found = errors(tmp_path / "moved.docx")
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND cấp xã", "k5", "60", "61")]
    assert found[0].message == (
        "2. UBND cấp xã: cột “Tốt (%)” ghi 49,19% nhưng “Tốt (số đơn vị)” / “Tổng số đơn vị” × 100 = 60 / 124 "
        "× 100 = 48,39%. Hai ô của dòng này lệch cùng một lượng, ngược chiều (như một số ghi nhầm sang cột khác): "
        "cột “Tốt (số đơn vị)” ghi 60 và cột “Khá (số đơn vị)” ghi 41; nếu là 61 và 40 thì mọi quan hệ đều khớp. "
        "Số ghi sai này kéo theo: RATIO_MISMATCH ở “UBND cấp xã” (ghi 32,26, tính ra 33,06); SUM_ROW_MISMATCH ở "
        "“Tổng cộng” (ghi 89, tính ra 88); SUM_ROW_MISMATCH ở “Tổng cộng” (ghi 55, tính ra 56) — các lỗi này hết "
        "khi sửa hai ô này, nên không báo riêng.")


def test_two_slips_in_two_rows_are_not_taken_for_a_pair(tmp_path):
    # one count typed wrong in each of two groups (the communes' Tốt 61 as 60, the departments' Khá
    # 5 as 4): the two cells are in two rows, no pair answers them, every error stays
    write(tmp_path / "two.docx", {"UBND cấp xã": [10, 60, 40, 12, 1], "Sở, ban, ngành": [3, 12, 4, 1, 0]})
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in errors(tmp_path / "two.docx")] == [
        ("RATIO_MISMATCH", "Sở, ban, ngành", "k8", "23.81", "19.05"),
        ("RATIO_MISMATCH", "UBND cấp xã", "k6", "49.19", "48.39"),
        ("SUM_ROW_MISMATCH", "Tổng cộng", "k5", "89", "88"),
        ("SUM_ROW_MISMATCH", "Tổng cộng", "k7", "55", "54")]
