"""An unseen score sheet as a real workbook (openpyxl): a province's own
8-indicator scheme, two-row merged header, the maxima in a "Điểm tối đa" row,
scores stored as numbers. Same communes and figures as
tests/data/unseen/u6_bc_xa_diem_toi_da_sang_trang.txt."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import DATA

DATA = DATA / "unseen"


def build_sheet(path: Path) -> None:
    text = (DATA / "u6_bc_xa_diem_toi_da_sang_trang.txt").read_text(encoding="utf-8").split("\n")
    rows = [line.split("\t") for line in text if line[:1].isdigit() and "\t" in line]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tháng 10"
    ws.append(["BẢNG ĐIỂM CÁC XÃ THÁNG 10 NĂM 2025"])
    ws.merge_cells("A1:L1")
    ws.append(["STT", "Đơn vị", "Công khai, minh bạch", None, "Tiến độ", None, "Số hóa", None, "Hài lòng", None,
               "Tổng điểm", "Xếp loại"])
    ws.append([None, None, "Công khai TTHC", "Tiếp nhận trực tuyến", "Thanh toán", "Đúng hạn", "Số hóa kết quả",
               "Tái sử dụng", "Hài lòng người dân", "Xử lý PAKN", None, None])
    for a, b in (("A2", "A3"), ("B2", "B3"), ("C2", "D2"), ("E2", "F2"), ("G2", "H2"), ("I2", "J2"), ("K2", "K3"),
                 ("L2", "L3")):
        ws.merge_cells(f"{a}:{b}")
    ws.append([None, "Điểm tối đa", 8, 12, 10, 20, 10, 15, 15, 10, 100, None])
    for r in rows:
        ws.append([int(r[0]), r[1]] + [float(x.replace(",", ".")) for x in r[2:11]] + [r[11]])
    wb.save(path)


def test_sheet_with_a_maxima_row_is_checked_against_its_own_maxima(tmp_path):
    path = tmp_path / "xa.xlsx"
    build_sheet(path)
    report = read_path(path)
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert table.scheme == "tieu-de-bang" and len(table.rows) == 14
    assert [(c.label, c.group, c.max) for c in table.columns[:3]] == [
        ("Công khai TTHC", "Công khai, minh bạch", Decimal(8)),
        ("Tiếp nhận trực tuyến", "Công khai, minh bạch", Decimal(12)),
        ("Thanh toán", "Tiến độ", Decimal(10))]
    assert table.rows[8].scores["c4"] == Decimal("17.36") and table.rows[8].total == Decimal("78.35")
    found = [(f.code, f.severity, f.unit, f.reported, f.expected) for f in run_checks(report, CheckContext())
             if f.severity != "info"]
    assert found == [("TOTAL_MISMATCH", "error", "UBND xã Ea Tur", "78.35", "78.53"),
                     ("GRADE_MISMATCH", "warning", "UBND xã Hòa Phú", "Tốt", "Khá")]
