"""A statistics sheet whose numbered items are sometimes a split of their
parent (1 = 1.1 + 1.2) and sometimes subsets of it (the dossiers received,
of which those online, those digitised, those returned electronically:
each some of them, together far more)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

SHEET = """BÁO CÁO
Số liệu thống kê cải cách thủ tục hành chính năm 2025

1. Số liệu

| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1 | Tổng số TTHC thuộc thẩm quyền giải quyết | Thủ tục | 867 |
| 1.1 | Cấp tỉnh | Thủ tục | 711 |
| 1.2 | Cấp xã | Thủ tục | 156 |
| 2 | Số TTHC cung cấp dịch vụ công trực tuyến | Thủ tục | 420 |
| 2.1 | Toàn trình | Thủ tục | 280 |
| 2.2 | Một phần | Thủ tục | {part} |
| 3 | Tổng số hồ sơ tiếp nhận | Hồ sơ | 419.544 |
| 3.1 | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | 297.876 |
| 3.2 | Số hồ sơ được số hóa | Hồ sơ | 335.635 |
| 3.3 | Số hồ sơ trả kết quả điện tử | Hồ sơ | 276.899 |
| 4 | Tổng số hồ sơ đã giải quyết | Hồ sơ | 400.000 |
| 4.1 | Trước hạn và đúng hạn | Hồ sơ | 390.000 |
| 4.2 | Quá hạn | Hồ sơ | 10.000 |
"""


def _parent_findings(tmp_path, part: str):
    path = tmp_path / "tk.txt"
    path.write_text(SHEET.format(part=part), encoding="utf-8")
    return [f for f in run_checks(read_path(path), CheckContext()) if f.code == "PARENT_SUM_MISMATCH"]


def test_subsets_of_a_parent_are_no_broken_sum(tmp_path):
    assert _parent_findings(tmp_path, "140") == []


def test_a_split_that_does_not_add_up_is_still_said(tmp_path):
    [f] = _parent_findings(tmp_path, "150")
    assert (f.severity, f.reported, f.expected) == ("error", "420", "430")
