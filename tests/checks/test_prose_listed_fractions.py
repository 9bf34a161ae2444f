"""A score followed by list items of their own, each one fraction: "Sở Y tế đạt
83,26/100 điểm" then "- Công khai, minh bạch: 18/18 điểm;" … — the items split
the score when their maxima add up to its maximum (or their points to its
points): the points must add up too. This is how a per-unit notice states a
unit's points per group (the project's own TB per unit, any office's)."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

NOTICE = """VĂN PHÒNG UBND TỈNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 12/TB-VP\tĐiện Biên, ngày 05 tháng 11 năm 2025

THÔNG BÁO
Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10 năm 2025 của Sở Y tế

I. KẾT QUẢ CHUNG
Tháng 10/2025, Sở Y tế đạt {total}/100 điểm (tỷ lệ {total}%), xếp loại Tốt.
II. ĐIỂM TỪNG CHỈ SỐ
- Công khai, minh bạch: 18/18 điểm;
- Tiến độ, kết quả giải quyết: {progress}/20 điểm;
- Dịch vụ công trực tuyến: 10/{online} điểm;
- Thanh toán trực tuyến: 10/10 điểm;
- Mức độ hài lòng: 18/18 điểm;
- Số hóa hồ sơ: 8,95/22 điểm.
III. ĐỀ NGHỊ
Đề nghị Sở Y tế chỉ đạo khắc phục các chỉ số đạt thấp.

Nơi nhận:
- Sở Y tế;
- Lưu: VT.
CHÁNH VĂN PHÒNG
Nguyễn Văn An
"""


def _result(tmp_path, total="83,26", progress="18,31", online="12"):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.format(total=total, progress=progress, online=online), encoding="utf-8")
    return verify_path(path)


def _sums(result):
    return [(f.severity, f.reported, f.expected) for f in result.findings if f.code == "SUM_MISMATCH"]


def test_points_per_group_that_add_up_to_the_score_are_checked_claims(tmp_path):
    result = _result(tmp_path)
    assert _sums(result) == []
    assert not [f for f in result.findings if f.code == "CLAIM_UNCHECKED"]


@pytest.mark.parametrize("change, sums", [
    ({"progress": "18,13"}, [("error", "83.26", "83.08")]),  # a group's points slipped
    ({"total": "82,26"}, [("error", "82.26", "83.26")]),  # the score slipped
    ({"online": "13"}, [("error", "100", "101")]),  # a group's maximum slipped
])
def test_a_slip_in_the_points_or_the_maxima_breaks_the_sum(tmp_path, change, sums):
    assert _sums(_result(tmp_path, **change)) == sums


def test_a_list_under_two_scores_of_the_same_maximum_is_the_one_it_adds_up_to(tmp_path):
    """The month's 83,26/100 and the year's 85,10/100 stand above one list: it is the
    month's (both sums fit); with one of its points slipped it fits neither, and which
    score it splits is a doubt, not a sure error."""
    text = NOTICE.replace("xếp loại Tốt.\n", "xếp loại Tốt.\nTính chung từ đầu năm 2025: 85,10/100 điểm.\n")
    path = tmp_path / "tb.txt"
    path.write_text(text.format(total="83,26", progress="18,31", online="12"), encoding="utf-8")
    assert _sums(verify_path(path)) == []
    path.write_text(text.format(total="83,26", progress="18,13", online="12"), encoding="utf-8")
    assert _sums(verify_path(path)) == [("warning", "85.10", "83.08")]
