"""Counts by grade against the units evaluated, when each count is given with
its share: shares computed over the counts' sum, not over the stated whole,
make the whole the slip (an error), and "kết quả đánh giá của N cơ quan"
states N evaluated."""
from __future__ import annotations

from reportgen.verify import verify_path

DECISION = """ỦY BAN NHÂN DÂN TỈNH TÂY NINH
Số: 1520/QĐ-UBND\tTây Ninh, ngày 15 tháng 01 năm 2025

QUYẾT ĐỊNH
Về việc công bố kết quả đánh giá chất lượng giải quyết thủ tục hành chính năm 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Công bố kết quả đánh giá của {n} cơ quan, đơn vị, cụ thể: 07 đơn vị xếp loại Xuất sắc, chiếm {a}%; \
05 đơn vị xếp loại Tốt, chiếm {b}%; 02 đơn vị xếp loại Khá, chiếm {c}%.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh và Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, KSTT.
CHỦ TỊCH
Nguyễn Văn Đức
"""


def _sums(tmp_path, n, a="50,00", b="35,71", c="14,29"):
    path = tmp_path / "qd.txt"
    path.write_text(DECISION.format(n=n, a=a, b=b, c=c), encoding="utf-8")
    return [(f.severity, f.reported, f.expected) for f in verify_path(path).findings if f.code == "SUM_MISMATCH"]


def test_the_counts_by_grade_make_the_units_evaluated(tmp_path):
    assert _sums(tmp_path, 14) == []


def test_a_whole_the_shares_are_not_of_is_the_slip(tmp_path):
    """7 + 5 + 2 = 14 and 50,00% = 7/14: "16 cơ quan" is the slip, an error naming it."""
    assert _sums(tmp_path, 16) == [("error", "16", "14")]


def test_a_shortfall_the_shares_do_not_explain_stays_a_doubt(tmp_path):
    """Shares over 16 (43,75% = 7/16): units may be left ungraded, a doubt."""
    assert _sums(tmp_path, 16, "43,75", "31,25", "12,50") == [("warning", "14", "16")]
