"""Counts of the prose that are not a column's total: the number of units
("của 03 xã, phường là 300 hồ sơ"), a change ("tăng 20 hồ sơ"), one unit's
count, and the whole a reporting office states ("Phường Thuận Hóa đã tổng
hợp 300 hồ sơ" where that office is also a unit of the table)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["STT", "Đơn vị", "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết"]
ROWS = [["1", "Phường Thuận Hóa", "120", "118"], ["2", "Phường Phú Xuân", "100", "99"],
        ["3", "Xã Hương Thủy", "80", "80"], ["", "Tổng cộng", "300", "297"]]


def _findings(tmp_path, *prose: str):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["BÁO CÁO", "Kết quả giải quyết thủ tục hành chính quý II năm 2025",
                             "1. Tình hình tiếp nhận hồ sơ", *prose, "Chi tiết tại bảng sau:"], [("", HEAD, ROWS)])
    return [f for f in run_checks(read_path(path), CheckContext())
            if f.code in ("QUANTITY_CONFLICT", "CHANGE_MISMATCH")]


def test_units_counted_a_change_and_one_units_count_are_no_total(tmp_path):
    assert _findings(tmp_path, "Tổng số hồ sơ tiếp nhận của 03 xã, phường là 300 hồ sơ.",
                     "UBND phường Thuận Hóa tiếp nhận 120 hồ sơ, đã giải quyết 118 hồ sơ.",
                     "So với cùng kỳ năm 2024 (tiếp nhận 280 hồ sơ), số hồ sơ tiếp nhận tăng 20 hồ sơ.") == []


def test_the_whole_a_reporting_unit_states_is_the_total_rows(tmp_path):
    assert _findings(tmp_path, "Phường Thuận Hóa đã tổng hợp: tổng số hồ sơ tiếp nhận là 300 hồ sơ.") == []
    [f] = _findings(tmp_path, "Phường Thuận Hóa đã tổng hợp: tổng số hồ sơ tiếp nhận là 310 hồ sơ.")
    assert (f.reported, f.expected, f.unit) == ("310", "300", None)
