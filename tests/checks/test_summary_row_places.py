"""A statistics row ("Chỉ số cao nhất", "thấp nhất", "trung bình") written
with fewer decimals than the units' cells is the statistic rounded to its
own places: 95,202 under "cao nhất" is written "95,20". It is held to the
statistic at the places it writes, never reported as an error whose
written figure is the figure computed."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TABLE = """UBND TỈNH AN THỊNH

BÁO CÁO
Kết quả Chỉ số cải cách hành chính năm 2025 của UBND các xã

STT\tĐơn vị\tĐiểm đạt được\tChỉ số chung (%)
1\tUBND xã Lộc Ninh\t94,25\t95,202
2\tUBND xã Thạnh Mỹ\t77,72\t78,505
3\tUBND xã Tân Lập\t53,03\t53,566
4\tUBND xã Na Sang\t80,00\t80,808
\tChỉ số cao nhất\t\t{high}
\tChỉ số thấp nhất\t\t{low}
\tChỉ số trung bình\t\t77,02
"""


def _errors(tmp_path, high: str, low: str):
    path = tmp_path / "cs.txt"
    path.write_text(TABLE.format(high=high, low=low), encoding="utf-8")
    result = verify_path(path)
    return [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
            if f.code == "SUMMARY_ROW_MISMATCH"]


@pytest.mark.parametrize("high, low", [
    ("95,20", "53,57"),  # rounded to two decimals
    ("95,202", "53,566"),  # as the cells write them
    ("95,2", "53,6"),  # one decimal
])
def test_a_statistic_written_with_fewer_decimals_is_the_statistic_rounded(tmp_path, high, low):
    assert _errors(tmp_path, high, low) == []


@pytest.mark.parametrize("high, low, expected", [
    ("95,30", "53,57", [("SUMMARY_ROW_MISMATCH", "error", "95.30", "95.20")]),
    ("95,20", "53,75", [("SUMMARY_ROW_MISMATCH", "error", "53.75", "53.57")]),
    ("95,21", "53,57", [("SUMMARY_ROW_MISMATCH", "error", "95.21", "95.20")]),
])
def test_a_statistic_other_than_the_rounded_one_is_an_error(tmp_path, high, low, expected):
    assert _errors(tmp_path, high, low) == expected
