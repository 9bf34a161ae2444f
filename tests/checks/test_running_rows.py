"""A table of months in order obeys relations between a row and the row
before it (checks/relations_running.py): "Lũy kế từ đầu năm" = the one
before + the month's, and "Tăng/giảm so với tháng trước" = the month's −
the one before. One slipped figure breaks two neighbouring relations; which
two names it: one error at that figure."""
from __future__ import annotations

from reportgen.verify import verify_path

MONTHS = [("Tháng 1", "2.610", "2.610", "-"), ("Tháng 2", "2.480", "5.090", "-130"),
          ("Tháng 3", "2.725", "7.815", "245"), ("Tháng 4", "2.590", "10.405", "-135"),
          ("Tháng 5", "2.801", "13.206", "211"), ("Tháng 6", "2.655", "15.861", "-146"),
          ("Tháng 7", "2.702", "18.563", "47")]


def _errors(tmp_path, changes: dict[tuple[int, int], str]):
    lines = ["1. Hồ sơ tiếp nhận theo tháng",
             "| Tháng | Hồ sơ tiếp nhận trong tháng | Lũy kế từ đầu năm | Tăng/giảm so với tháng trước |",
             "|---|---|---|---|"]
    for r, row in enumerate(MONTHS):
        cells = [changes.get((r, c), v) for c, v in enumerate(row)]
        lines.append("| " + " | ".join(cells) + " |")
    path = tmp_path / "bc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(f.rule, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_months_that_obey_both_relations_pass(tmp_path):
    assert _errors(tmp_path, {}) == []


def test_a_running_total_written_wrong_is_named_once(tmp_path):
    assert _errors(tmp_path, {(2, 2): "7.915"}) == [("running-sum", "Tháng 3", "7915", "7815")]


def test_a_month_written_wrong_is_named_once_though_three_relations_break(tmp_path):
    errors = _errors(tmp_path, {(3, 1): "2.950"})
    assert [(unit, reported, expected) for _, unit, reported, expected in errors] == [("Tháng 4", "2950", "2590")]


def test_a_change_written_wrong_is_named_at_the_change(tmp_path):
    assert _errors(tmp_path, {(2, 3): "254"}) == [("change-from-previous-row", "Tháng 3", "254", "245")]


def test_a_column_beside_a_column_of_zeros_is_no_running_total(tmp_path):
    """"Quá hạn" 1, 1, 1, 1, 4 beside a "Quá hạn" of 0, 0, 0, 0, 2 holds "row above + part" on every row
    whose part is 0: such rows show no running total, and the two columns are no pair."""
    path = tmp_path / "cv.txt"
    path.write_text("UBND HUYỆN CAM LỘ\n\nBÁO CÁO\nKết quả giải quyết hồ sơ tháng 5 năm 2026\n\n"
                    "| TT | Đơn vị | Đã giải quyết | Quá hạn | Đang giải quyết | Quá hạn |\n|---|---|---|---|---|---|\n"
                    "| 1 | xã Cam An | 465 | 1 | 17 | 0 |\n| 2 | xã Cam Thành | 443 | 1 | 16 | 0 |\n"
                    "| 3 | xã Cam Hiếu | 395 | 1 | 14 | 0 |\n| 4 | thị trấn Cam Lộ | 364 | 1 | 13 | 0 |\n"
                    "| 5 | xã Cam Tuyền | 845 | 4 | 36 | 2 |\n", encoding="utf-8")
    assert not [f for f in verify_path(path).findings if f.code == "RUNNING_SUM_MISMATCH"]
