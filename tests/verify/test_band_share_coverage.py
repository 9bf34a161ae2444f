"""A count of units in a band written as a share ("Có 3/5 đơn vị có Chỉ số đạt
từ 80% trở lên, chiếm 60,00%") claims two things: 3 / 5 = 60,00% and 3 units
in the band. The share's arithmetic holding never checks the count: when no
column gives 3 units from 80%, the claim is never ĐẠT — here an error, the
document's one table of five units having one column of percents, though
it stands in another section. Figures:
five communes' PAR index of 2025."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

TEXT = """UBND HUYỆN LÂM HÀ

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2025

1. Kết quả chung
Có {n}/5 đơn vị có Chỉ số đạt từ 80% trở lên, chiếm {p}.

2. Kết quả chi tiết

Bảng kết quả Chỉ số cải cách hành chính năm 2025
TT\tĐơn vị\tĐiểm tối đa\tĐiểm đạt được\tChỉ số (%)
1\tUBND xã Phúc Thọ\t100\t88,50\t88,50
2\tUBND xã Tân Hà\t90\t73,89\t82,10
3\tUBND xã Đạ Đờn\t100\t79,40\t79,40
4\tUBND xã Nam Hà\t90\t67,50\t75,00
5\tUBND xã Phi Tô\t100\t70,25\t70,25
"""


@pytest.mark.parametrize("n, p, verdict", [("2", "40,00%", "ĐẠT"), ("3", "60,00%", "KHÔNG ĐẠT")])
def test_a_band_share_is_checked_by_its_count_not_by_its_arithmetic(tmp_path, n, p, verdict):
    path = tmp_path / "tb.txt"
    path.write_text(TEXT.format(n=n, p=p), encoding="utf-8")
    result = verify_path(path)
    assert result.verdict == verdict
