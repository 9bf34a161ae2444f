"""A statistic of the prose ("Chỉ số trung bình đạt 74,61%.") after the
document's only table, which has one column of that measure, can only be of
that column: a figure other than the column's statistic is an error, unless
the words name another population or period ("của cả nước", "cùng kỳ")."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND TỈNH CÀ MAU
SỞ NỘI VỤ

BÁO CÁO
Kết quả xác định Chỉ số cải cách hành chính năm 2026 của các sở, ban, ngành

| Thứ hạng | Đơn vị | Điểm tối đa | Điểm đạt | Chỉ số (%) |
|---|---|---|---|---|
| 1 | Sở Công Thương | 76 | 73,20 | 96,32 |
| 2 | Sở Văn hóa, Thể thao và Du lịch | 76 | 69,35 | 91,25 |
| 3 | Sở Nội vụ | 76 | 65,03 | 85,57 |
| 4 | Sở Khoa học và Công nghệ | 76 | 55,34 | 72,82 |
| 5 | Thanh tra tỉnh | 76 | 50,02 | 65,82 |

{sentence}
"""


def _verify(tmp_path, sentence: str):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(sentence=sentence), encoding="utf-8")
    result = verify_path(path)
    return [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
            if f.code in ("STAT_MISMATCH", "CLAIM_UNCHECKED")]


def test_the_mean_of_the_sole_column_passes(tmp_path):
    assert _verify(tmp_path, "Chỉ số trung bình đạt 82,36%.") == []


def test_another_mean_is_an_error(tmp_path):
    assert _verify(tmp_path, "Chỉ số trung bình đạt 83,56%.") == [("STAT_MISMATCH", "error", "83.56", "82.36")]


@pytest.mark.parametrize("sentence", ["Chỉ số trung bình của cả nước đạt 83,56%.",
                                      "Chỉ số trung bình cùng kỳ năm 2025 đạt 83,56%."])
def test_a_statistic_of_another_population_or_period_is_not_held_to_it(tmp_path, sentence):
    assert not [f for f in _verify(tmp_path, sentence) if f[0] == "STAT_MISMATCH"]
