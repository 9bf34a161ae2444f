"""A "Chỉ số cao nhất" / "thấp nhất" row may write, beside the highest
Chỉ số, the points of the unit that has it — not the most points, where
units have maxima of their own. Such a row is that unit's figures; any other
figure is still the column's statistic written wrong."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND TỈNH AN THỊNH

BÁO CÁO
Kết quả Chỉ số cải cách hành chính năm 2025 của các sở

| STT | Đơn vị | Điểm tối đa | Điểm đạt | Chỉ số (%) |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 71,50 | 68,83 | 96,27 |
| 2 | Sở Nội vụ | 82,00 | 71,23 | 86,87 |
| 3 | Sở Xây dựng | 80,00 | 64,10 | 80,13 |
| 4 | Sở Y tế | 79,00 | 52,40 | 66,33 |
| | Chỉ số cao nhất | | {high} | 96,27 |
| | Chỉ số thấp nhất | | {low} | 66,33 |
"""


def _errors(tmp_path, high: str, low: str):
    path = tmp_path / "bc.txt"
    path.write_text(TEXT.format(high=high, low=low), encoding="utf-8")
    return [(f.code, f.reported, f.expected) for f in verify_path(path).findings if f.code == "SUMMARY_ROW_MISMATCH"]


@pytest.mark.parametrize("high, low", [("68,83", "52,40"),  # the points of the units of the highest, lowest Chỉ số
                                       ("71,23", "52,40")])  # the most points
def test_the_row_of_the_extreme_unit_or_the_column_statistic_passes(tmp_path, high, low):
    assert _errors(tmp_path, high, low) == []


def test_any_other_figure_is_an_error(tmp_path):
    assert _errors(tmp_path, "68,38", "52,40") == [("SUMMARY_ROW_MISMATCH", "68.38", "71.23")]
