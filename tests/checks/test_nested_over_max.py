"""A criterion over its row's maximum in a table of criteria numbered 1 /
1.1 / 1.1.1: its parents are over because it is (their sums hold), so it
is one slip, an error; two criteria over that do not contain each other may
be bonus points, a doubt. Figures: a commune's PAR self-assessment."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

CRITERIA = """UBND XÃ TÂN LẬP

BÁO CÁO
Kết quả tự đánh giá Chỉ số cải cách hành chính năm 2025

1. Kết quả tự đánh giá các tiêu chí như sau:

STT\tTiêu chí\tĐiểm tối đa\tĐiểm tự đánh giá
1\tCông tác chỉ đạo, điều hành\t5,00\t{p1}
1.1\tKế hoạch cải cách hành chính\t3,00\t{p11}
1.1.1\tBan hành kế hoạch đúng hạn\t1,00\t0,50
1.1.2\tMức độ thực hiện kế hoạch\t2,00\t{p112}
1.2\tKiểm tra công tác cải cách hành chính\t2,00\t{p12}
2\tCải cách thể chế\t5,00\t{p2}
2.1\tBan hành văn bản\t3,00\t2,50
2.2\tRà soát văn bản\t2,00\t{p22}
\tTổng cộng\t10,00\t{total}
"""


def _over(tmp_path, **figures):
    path = tmp_path / "bc.txt"
    path.write_text(CRITERIA.format(**figures), encoding="utf-8")
    return [(str(f.severity), f.reported) for f in verify_path(path).findings if f.code == "VALUE_EXCEEDS_MAX"]


def test_a_criterion_over_its_maximum_with_its_parents_over_because_of_it_is_one_error(tmp_path):
    assert _over(tmp_path, p1="5,50", p11="3,50", p112="3,00", p12="2,00", p2="4,00", p22="1,50",
                 total="9,50") == [("error", "3.00")]


def test_no_criterion_over_its_maximum_is_quiet(tmp_path):
    assert _over(tmp_path, p1="4,00", p11="2,00", p112="1,50", p12="2,00", p2="4,00", p22="1,50", total="8,00") == []


@pytest.mark.parametrize("p12, p22", [("2,50", "2,50")])
def test_two_criteria_over_that_contain_no_other_may_be_bonus_points(tmp_path, p12, p22):
    found = _over(tmp_path, p1="4,50", p11="2,00", p112="1,50", p12=p12, p2="5,00", p22=p22, total="9,50")
    assert all(severity == "warning" for severity, _ in found)
