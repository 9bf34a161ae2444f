"""How many units a report or a group covers, said in passing: "(9 đơn vị)"
after a group's name, "… phiếu đánh giá tại Bộ phận Một cửa của 13 đơn vị".
Each is a claim: held to the section of the table the group's name names
(an error when it differs), to the counts by grade after it, or to the
report's one table of units (a doubt when it differs). Before, a wrong count
there passed ĐẠT (hold-outs h-new22, h-new31)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

GROUPS = """UBND TỈNH GIA HÒA

QUYẾT ĐỊNH
Về việc công bố Chỉ số cải cách hành chính năm 2025

Điều 1. Công bố Chỉ số cải cách hành chính năm 2025 (chi tiết tại Phụ lục kèm theo).

- Khối sở, ban, ngành ({a} đơn vị): 2/3 đơn vị xếp loại Tốt, chiếm 66,67%; 1/3 đơn vị xếp loại Khá, chiếm 33,33%.

- Khối UBND cấp xã ({b} đơn vị): 1/3 đơn vị xếp loại Tốt, chiếm 33,33%; 2/3 đơn vị xếp loại Khá, chiếm 66,67%.

PHỤ LỤC
KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025

| Thứ hạng | Đơn vị | Chỉ số (%) | Xếp loại |
|---|---|---|---|
| A. CÁC SỞ, BAN, NGÀNH | | | |
| 1 | Sở Y tế | 88,10 | Tốt |
| 2 | Sở Nội vụ | 86,40 | Tốt |
| 3 | Sở Tư pháp | 75,20 | Khá |
| B. UBND CẤP XÃ | | | |
| 1 | UBND xã Tân Lập | 84,30 | Tốt |
| 2 | UBND xã Hòa Bình | 78,90 | Khá |
| 3 | UBND phường Đông Sơn | 72,60 | Khá |

Ghi chú: Tốt từ 80% đến dưới 90%; Khá từ 70% đến dưới 80%.
"""

SURVEY = """UBND TỈNH GIA HÒA
VĂN PHÒNG

BÁO CÁO
Kết quả đánh giá mức độ hài lòng quý III năm 2026

Trong kỳ, tổ chức, cá nhân đã thực hiện 3.650 phiếu đánh giá tại Bộ phận Một cửa của {n} đơn vị.

| STT | Tên đơn vị | Tổng số phiếu đánh giá | Hài lòng | Không hài lòng | Tỷ lệ hài lòng (%) |
|---|---|---|---|---|---|
| 1 | UBND xã An Hòa | 1.200 | 1.170 | 30 | 97,50 |
| 2 | UBND xã Bình Lộc | 950 | 940 | 10 | 98,95 |
| 3 | UBND phường Đông Thành | 1.500 | 1.470 | 30 | 98,00 |
| | Tổng cộng | 3.650 | 3.580 | 70 | 98,08 |
"""


def _found(tmp_path, text):
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.code, str(f.severity), f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.code in ("EVALUATED_COUNT_MISMATCH", "CLAIM_UNCHECKED")]


def test_a_groups_count_of_units_that_agrees_is_checked(tmp_path):
    assert _found(tmp_path, GROUPS.format(a="03", b="03")) == []


def test_a_groups_count_of_units_is_held_to_the_section_its_name_names(tmp_path):
    assert ("EVALUATED_COUNT_MISMATCH", "error", "4", "3") in _found(tmp_path, GROUPS.format(a="04", b="03"))


def test_the_units_an_evaluation_covers_are_the_tables(tmp_path):
    assert _found(tmp_path, SURVEY.format(n="03")) == []
    assert _found(tmp_path, SURVEY.format(n="04")) == [("EVALUATED_COUNT_MISMATCH", "warning", "4", "3")]
