"""A running total after the periods the prose lists from the year's start
is their sum ("tháng 1: …, tháng 2: …, tháng 3 (kỳ này): …. Lũy kế từ đầu năm
đến nay, tiếp nhận …"); a list that does not start at the year's first
period, or leaves one out, is some of it only and is never held to it."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs


def _found(text: str):
    report = report_of_paragraphs([Paragraph(index=0, text=text)])
    return [(f.reported, f.expected) for f in run_checks(report, CheckContext()) if f.rule == "cumulative-of-periods"]


@pytest.mark.parametrize("text, expected", [
    ("tháng 1: 4.093 hồ sơ, tháng 2: 4.121 hồ sơ, tháng 3 (kỳ này): 3.784 hồ sơ. Lũy kế từ đầu năm đến nay, "
     "tiếp nhận 11.998 hồ sơ.", []),
    ("tháng 1: 4.093 hồ sơ, tháng 2: 4.121 hồ sơ, tháng 3 (kỳ này): 3.784 hồ sơ. Lũy kế từ đầu năm đến nay, "
     "tiếp nhận 11.999 hồ sơ.", [("11999", "11998")]),
    ("Quý I: 36.120 hồ sơ; quý II: 38.004 hồ sơ. Lũy kế 6 tháng đầu năm: 74.214 hồ sơ.", [("74214", "74124")]),
    # not from the year's start, or a period left out: some of the running total only
    ("tháng 2: 4.121 hồ sơ, tháng 3: 3.784 hồ sơ. Lũy kế từ đầu năm đến nay, tiếp nhận 11.998 hồ sơ.", []),
    ("tháng 1: 4.093 hồ sơ, tháng 3: 3.784 hồ sơ. Lũy kế từ đầu năm đến nay, tiếp nhận 11.998 hồ sơ.", []),
])
def test_a_running_total_is_the_sum_of_the_periods_listed_from_the_start(text, expected):
    assert _found(text) == expected
