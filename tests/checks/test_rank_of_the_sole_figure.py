"""A ranked table with one figure column ranks by it, even where a swap of
two neighbours leaves fewer rows in order than a relation needs to be found
by fit (four of six): the two swapped ranks are errors, never an unchecked
column."""
from __future__ import annotations

from reportgen.verify import verify_path

TEXT = """UBND TỈNH VĨNH LONG
SỞ NỘI VỤ

BÁO CÁO
Kết quả đánh giá công tác cải cách hành chính năm 2024 của các sở

| Thứ hạng | Cơ quan, đơn vị | Điểm đạt (tối đa 100) |
|---|---|---|
| 1 | Văn phòng UBND tỉnh | 90,5 |
| 2 | Sở Xây dựng | 81,4 |
| {a} | Sở Tư pháp | 73,4 |
| {b} | Sở Công Thương | 72,5 |
| 5 | Sở Nông nghiệp và Môi trường | 66,4 |
| 6 | Sở Dân tộc và Tôn giáo | 60,4 |
"""


def _verify(tmp_path, a: int, b: int):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(a=a, b=b), encoding="utf-8")
    result = verify_path(path)
    return str(result.verdict), [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
                                 if str(f.severity) in ("error", "warning")]


def test_ranks_in_the_order_of_the_one_figure_pass(tmp_path):
    assert _verify(tmp_path, 3, 4) == ("ĐẠT", [])


def test_two_swapped_ranks_are_two_errors(tmp_path):
    assert _verify(tmp_path, 4, 3) == ("KHÔNG ĐẠT", [("RANK_MISMATCH", "error", "4", "3"),
                                                    ("RANK_MISMATCH", "error", "3", "4")])
