"""A fraction's rate named after a comma ("đã hoàn thành 40/45 nhiệm vụ, tỷ lệ
88,89%") is that fraction's share, as after "đạt" (hold-out h-new34: only
the numerator under the denominator was checked); the level each unit
reached ("3/12 xã, tỷ lệ 100% hồ sơ đúng hạn") is none."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path


@pytest.mark.parametrize("sentence, found", [
    ("Kế hoạch đề ra 45 nhiệm vụ; đến nay đã hoàn thành 40/45 nhiệm vụ, tỷ lệ 88,89%.", []),
    ("Kế hoạch đề ra 45 nhiệm vụ; đến nay đã hoàn thành 40/45 nhiệm vụ, tỷ lệ 88,98%.",
     [("PERCENT_MISMATCH", "40 trên 45 là 88,89%, không phải 88,98%")]),
    ("Có 3/12 xã, tỷ lệ 100% hồ sơ giải quyết đúng hạn.", []),
])
def test_a_fractions_rate_after_a_comma(tmp_path, sentence, found):
    path = tmp_path / "bc.txt"
    path.write_text(f"UBND TỈNH GIA HÒA\n\nBÁO CÁO\nKết quả cải cách hành chính năm 2025\n\n{sentence}\n",
                    encoding="utf-8")
    assert [(f.code, f.message) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) == "error"] == found


def test_fractions_of_two_units_own_paragraphs_share_out_no_whole(tmp_path):
    # hold-out h-new33: 7/19 of one commune and 12/19 of another add up to 19 by chance; they were taken as
    # the parts of one whole and checked, so a wrong 12/19 passed ĐẠT
    path = tmp_path / "bc.txt"
    path.write_text("UBND TỈNH GIA HÒA\n\nBÁO CÁO\nKết quả chỉ số thành phần tháng 11 năm 2025\n\n"
                    "UBND xã Tiên Sơn: tổng điểm đạt 80,13/100 điểm; có 7/19 chỉ số đạt điểm tối đa.\n\n"
                    "UBND phường Long Hải: tổng điểm đạt 89,01/100 điểm; có 12/19 chỉ số đạt điểm tối đa.\n",
                    encoding="utf-8")
    unchecked = " ".join(f.message for f in run_checks(read_path(path), CheckContext()) if f.code == "CLAIM_UNCHECKED")
    assert "“7/19”" in unchecked and "“12/19”" in unchecked
