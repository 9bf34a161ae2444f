"""A rank copied from another unit ("7" for the last unit, the rank of the
unit with 64,42): the slip is that unit's rank, never a correction that
only makes the ranks stop being the units' places (a three-way tie at 7 of
different totals), and it is never muted."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """BÁO CÁO
Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2025

1. Kết quả

| STT | Cơ quan, đơn vị | Công khai, minh bạch (tối đa 18 điểm) | Tiến độ, kết quả giải quyết (tối đa 20 điểm) | \
Dịch vụ công trực tuyến (tối đa 12 điểm) | Thanh toán trực tuyến (tối đa 10 điểm) | Mức độ hài lòng (tối đa 18 điểm) | \
Số hóa hồ sơ (tối đa 22 điểm) | Tổng điểm | Xếp hạng | Xếp loại |
|---|---|---|---|---|---|---|---|---|---|---|
| 1 | Sở Tài chính | 14,19 | 19,51 | 8,08 | 9,39 | 10,68 | 12,58 | 74,43 | 2 | Khá |
| 2 | Sở Công Thương | 16,10 | 11,64 | 5,62 | 5,14 | 9,89 | 16,03 | 64,42 | 7 | Trung bình |
| 3 | Sở Nông nghiệp và Môi trường | 15,32 | 16,58 | 7,56 | 7,16 | 11,45 | 13,06 | 71,13 | 4 | Khá |
| 4 | Sở Nội vụ | 11,44 | 9,19 | 5,67 | 5,73 | 10,81 | 13,59 | 56,43 | {rank} | Trung bình |
| 5 | Sở Tư pháp | 15,32 | 16,58 | 7,56 | 7,16 | 11,45 | 13,06 | 71,13 | 4 | Khá |
| 6 | Ban Quản lý Khu kinh tế | 12,77 | 10,64 | 7,17 | 8,23 | 11,67 | 21,05 | 71,53 | 3 | Khá |
| 7 | Sở Khoa học và Công nghệ | 14,25 | 9,77 | 7,95 | 7,22 | 9,47 | 16,40 | 65,06 | 6 | Trung bình |
| 8 | Sở Xây dựng | 8,16 | 9,50 | 7,65 | 6,06 | 10,76 | 20,77 | 62,90 | 8 | Trung bình |
| 9 | Sở Văn hóa, Thể thao và Du lịch | 15,87 | 19,19 | 8,76 | 8,50 | 10,32 | 22,00 | 84,64 | 1 | Tốt |
"""


def _errors(tmp_path, rank: str):
    path = tmp_path / "bc.txt"
    path.write_text(TABLE.format(rank=rank), encoding="utf-8")
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_the_right_ranks_raise_nothing(tmp_path):
    assert _errors(tmp_path, "9") == []


def test_a_rank_copied_from_another_unit_is_that_units_slip(tmp_path):
    [f] = _errors(tmp_path, "7")
    assert (f.code, f.unit, f.column, f.reported) == ("RANK_ORDER", "Sở Nội vụ", "rank", "7")
    assert "theo điểm, đơn vị này đứng thứ 9" in f.message
