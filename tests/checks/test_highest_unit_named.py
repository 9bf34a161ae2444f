"""A unit named the highest with its own figure ("Đơn vị có chỉ số cao nhất
là Sở Nội vụ (87,27%)") is the claim that it stands first: it agrees when
the unit is first by one of the columns (first by the percent, with points
of its own that are not the most), and is an error when another unit stands
above it in every column."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND TỈNH HÀ NAM

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2025 của các sở

| Thứ hạng | Đơn vị | Điểm tối đa | Điểm đạt được | Chỉ số (%) |
|---|---|---|---|---|
| 1 | Sở Y tế | 80,00 | 72,80 | 91,00 |
| 2 | Sở Nội vụ | 90,00 | 78,54 | 87,27 |
| 3 | Sở Tư pháp | 85,00 | 68,00 | 80,00 |
| 4 | Sở Xây dựng | 90,00 | 63,00 | 70,00 |

{sentence}
"""


def _errors(tmp_path, sentence: str):
    path = tmp_path / "tb.txt"
    path.write_text(TEXT.format(sentence=sentence), encoding="utf-8")
    return [(f.code, f.reported, f.expected) for f in verify_path(path).findings if str(f.severity) == "error"]


@pytest.mark.parametrize("sentence", ["Đơn vị có chỉ số cao nhất là Sở Y tế (91,00%).",
                                      "Sở Nội vụ dẫn đầu về điểm số với 78,54 điểm."])  # first by its points
def test_a_unit_first_by_a_column_named_with_its_figure_agrees(tmp_path, sentence):
    assert _errors(tmp_path, sentence) == []


def test_a_unit_named_the_highest_that_another_stands_above_is_an_error(tmp_path):
    assert _errors(tmp_path, "Đơn vị có chỉ số cao nhất là Sở Tư pháp (80,00%).") == [
        ("STAT_MISMATCH", "80.00", "91.00")]
