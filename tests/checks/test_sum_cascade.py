"""A total left stale in one row of a grouped table: "Sở Xây dựng" had its
on-time count changed (1.644 → 1.744) but not its total (2.286), and the
group's and the table's totals were summed from the changed counts. Only
three of the five rows with a sum across the columns hold it (the group and
the total row break with the unit), yet five of the six units hold it: the
sum is the table's rule, and its one break is reported at the unit, not again
at the rows that only add the unit up."""
from __future__ import annotations

import openpyxl

from reportgen.verify import verify_path

UNITS = [("I", "Cấp tỉnh", None), ("1", "Sở Tư pháp", (410, 812, 3)), ("2", "Sở Xây dựng", (630, 1744, 12)),
         ("3", "Sở Công Thương", (1905, 1851, 0)), ("II", "Cấp xã", None),
         ("1", "UBND phường Xuân Hương", (1230, 2850, 21)),
         ("2", "UBND xã Lạc Dương", (522, 1190, 8)), ("3", "UBND xã Đạ Huoai", (610, 1561, 14))]


def write(path, stale: int | None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THÁNG 10/2025"])
    ws.append(["STT", "Cơ quan, đơn vị", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"])
    groups: dict[str, list[int]] = {}
    rows = []
    for no, name, counts in UNITS:
        if counts is None:
            current = groups.setdefault(name, [0, 0, 0, 0])
            rows.append((no, name, current))
            continue
        total = sum(counts) if not (stale and name == "Sở Xây dựng") else stale
        line = [total, *counts]
        for k in range(4):
            current[k] += line[k]
        rows.append((no, name, line))
    grand = [sum(g[k] for g in groups.values()) for k in range(4)]
    ws.append(["", "Tổng cộng", *grand])
    for no, name, line in rows:
        ws.append([no, name, *line])
    wb.save(path)


def sums(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings
            if f.code in ("SUM_COLUMNS_MISMATCH", "SUM_ROW_MISMATCH", "PARENT_SUM_MISMATCH")]


def test_a_stale_total_is_one_error_at_its_unit(tmp_path):
    write(tmp_path / "stale.xlsx", stale=2286)
    assert sums(tmp_path / "stale.xlsx") == [("SUM_COLUMNS_MISMATCH", "Sở Xây dựng", "2286", "2386")]


def test_the_table_without_the_slip_is_checked_whole(tmp_path):
    write(tmp_path / "clean.xlsx", stale=None)
    result = verify_path(tmp_path / "clean.xlsx")
    assert (sums(tmp_path / "clean.xlsx"), result.verdict) == ([], "ĐẠT")


# A total no header names ("Đã giải quyết" over "Trước hạn | Đúng hạn | Quá hạn"), found
# from exact sums: Sở Xây dựng's 5.230 written 5.330, and the "Tổng cộng" row added up
# from the written figures. Seven rows of eight hold the sum — below the share a sum found
# from figures alone needs — but six units of seven do: the total row only repeats the slip.
DONE = [("Sở Tư pháp", 1312, 1050, 48), ("Sở Xây dựng", 2100, 2980, 150), ("Sở Công Thương", 1500, 380, 24),
        ("Sở Y tế", 2000, 1837, 36), ("Sở Tài chính", 600, 511, 11), ("Sở Nội vụ", 903, 1207, 19),
        ("Sở Giao thông vận tải", 3900, 3962, 158)]


def write_done(path, slip: int) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TÌNH HÌNH GIẢI QUYẾT HỒ SƠ QUÝ III NĂM 2026"])
    ws.append(["STT", "Cơ quan", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn"])
    lines = [[sum(c) + (slip if name == "Sở Xây dựng" else 0), *c] for name, *c in DONE]
    for i, ((name, *_), line) in enumerate(zip(DONE, lines), 1):
        ws.append([i, name, *line])
    ws.append(["", "Tổng cộng", *[sum(line[k] for line in lines) for k in range(4)]])
    wb.save(path)


def test_a_sum_found_from_figures_is_kept_when_the_total_row_repeats_the_slip(tmp_path):
    write_done(tmp_path / "done.xlsx", slip=100)
    assert sums(tmp_path / "done.xlsx") == [("SUM_COLUMNS_MISMATCH", "Sở Xây dựng", "5330", "5230")]
    write_done(tmp_path / "clean.xlsx", slip=0)
    assert (sums(tmp_path / "clean.xlsx"), verify_path(tmp_path / "clean.xlsx").verdict) == ([], "ĐẠT")
