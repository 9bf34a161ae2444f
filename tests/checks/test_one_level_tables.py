"""A commune's report after the 2025 reorganisation has one level only: its
summary by level ("Cấp | Tổng số đơn vị | Xuất sắc | Tốt | Khá | Trung bình |
Yếu") holds the row "Cấp xã" and a "Tổng cộng" that repeats it. Too short for
a relation found by majority, it still states two: the "Tổng cộng" row is its
one row again, and the header's "Tổng số đơn vị" is the grade columns added
up; each row's grade counts are those of the graded table of as many units as
that row states."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

BANDS = ("Mức xếp loại: Xuất sắc từ 16 điểm trở lên; Tốt từ 12 đến dưới 16 điểm; Khá từ 10 đến dưới 12 điểm; "
         "Trung bình từ 6 đến dưới 10 điểm; Yếu dưới 6 điểm.")
UNITS = [("UBND xã Tam Hiệp", "8,1", "Trung bình"), ("UBND xã Tân Phú", "8,6", "Trung bình"),
         ("Xã Xuân Lộc", "16,7", "Xuất sắc"), ("Đặc khu Lý Sơn", "10,8", "Khá"), ("UBND xã Nam Sơn", "13,2", "Tốt"),
         ("UBND xã Phú Lộc", "16,2", "Xuất sắc"), ("Xã Quảng Thành", "12,0", "Tốt"),
         ("Phường Thống Nhất", "6,7", "Trung bình"), ("Phường Bắc Giang", "7,9", "Trung bình"),
         ("UBND xã Phước Thành", "9,7", "Trung bình"), ("UBND xã Đức Trọng", "11,0", "Khá")]
HEAD = ["Cấp", "Tổng số đơn vị", "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
LEVELS = [["Cấp xã", "11", "2", "2", "2", "5", "0"], ["Tổng cộng", "11", "2", "2", "2", "5", "0"]]


def write(path, levels=LEVELS) -> None:
    graded = [[str(k), name, points, grade] for k, (name, points, grade) in enumerate(UNITS, 1)]
    write_docx_tables(path, ["Kết quả đánh giá việc giải quyết thủ tục hành chính quý II năm 2026.", BANDS],
                      [("Bảng 1. Kết quả đánh giá các cơ quan, đơn vị", ["STT", "Đơn vị", "Tổng điểm/18", "Xếp loại"],
                        graded),
                       ("Bảng 2. Số đơn vị theo mức xếp loại, theo cấp", HEAD, levels)])


def changed(row: int, column: str, text: str) -> list[list[str]]:
    levels = [r[:] for r in LEVELS]
    levels[row][HEAD.index(column)] = text
    return levels


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_every_cell_of_the_one_level_summary_is_checked(tmp_path):
    write(tmp_path / "clean.docx")
    result = verify_path(tmp_path / "clean.docx")
    assert errors(tmp_path / "clean.docx") == []
    summary = next(t for t in result.ledger.to_json()["by_table"] if t["table"] == 1)
    assert summary["cells"] == {"checked": 12, "total": 12}
    assert {"total-row-equals-sum", "total-equals-sum-of-columns", "grade-count-vs-table"} <= set(summary["relations"])


def test_a_total_row_that_differs_from_its_only_row_is_an_error_naming_that_row(tmp_path):
    write(tmp_path / "total.docx", changed(1, "Khá", "3"))
    [found] = [f for f in verify_path(tmp_path / "total.docx").findings if f.severity == "error"]
    assert (found.code, found.unit, found.reported, found.expected) == ("SUM_ROW_MISMATCH", "Tổng cộng", "3", "2")
    assert "dòng duy nhất nó cộng (“Cấp xã”) ghi 2" in found.message


def test_a_miscounted_grade_is_named_on_its_row_though_the_graded_table_has_another_size(tmp_path):
    # 2 + 2 + 2 + 6 + 0 = 12 units: the graded table is found by the 11 that "Tổng số đơn vị" states
    write(tmp_path / "grade.docx", changed(0, "Trung bình", "6"))
    assert errors(tmp_path / "grade.docx") == [("GRADE_COUNT_MISMATCH", "Cấp xã", "6", "5")]


def test_a_total_column_the_grades_do_not_add_up_to_is_an_error_on_the_unit_row(tmp_path):
    # "Tổng số đơn vị" 12 on both rows, the grades 2 + 2 + 2 + 5 + 0 = 11 as the graded table's 11 units:
    # no run of columns gives 12, so no sum of columns is adopted; the grade counts say which figure is wrong
    write(tmp_path / "whole.docx", [changed(0, "Tổng số đơn vị", "12")[0], changed(1, "Tổng số đơn vị", "12")[1]])
    result = verify_path(tmp_path / "whole.docx")
    summary = next(t for t in result.ledger.to_json()["by_table"] if t["table"] == 1)
    assert "total-equals-sum-of-columns" not in summary["relations"]
    assert errors(tmp_path / "whole.docx") == [("GRADE_COUNT_MISMATCH", "Cấp xã", "12", "11")]
