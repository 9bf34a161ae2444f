"""A notice whose body sums up its annex: the mean and the leader's points
and percent stated in "1. Kết quả chung", the table of units after the
report's text as "PHỤ LỤC …" (hold-out h-new24). The body's mean is the
mean of the annex's one column of points (checks.prose_tables: before, a
wrong mean passed as ĐẠT), and a unit's percent with no percent column is
its total over the total's maximum, here the 766 groups' 100
(checks.prose_unit_rows: before, "(94,50%)" beside 95,50 points passed)."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

NOTICE = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM

THÔNG BÁO
Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2026

1. Kết quả chung
Điểm trung bình của các cơ quan, đơn vị đạt {mean} điểm.
Sở Tài chính dẫn đầu với 95,50 điểm ({share}%); Sở Nội vụ có kết quả thấp nhất với 65,00 điểm.
(Chi tiết tại Phụ lục kèm theo)
2. Nhiệm vụ thời gian tới
Tiếp tục nâng cao chất lượng phục vụ người dân, doanh nghiệp.

PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ 766 QUÝ III NĂM 2026

| STT | Cơ quan, đơn vị | Công khai, minh bạch (18 điểm) | Tiến độ, kết quả giải quyết (20 điểm) \
| Dịch vụ công trực tuyến (12 điểm) | Thanh toán trực tuyến (10 điểm) \
| Mức độ hài lòng (18 điểm) | Số hóa hồ sơ (22 điểm) | Tổng điểm | Xếp hạng |
|---|---|---|---|---|---|---|---|---|---|
| 1 | Sở Tài chính | 18,00 | 20,00 | 11,00 | 9,50 | 17,00 | 20,00 | 95,50 | 1 |
| 2 | Sở Y tế | 16,00 | 18,00 | 10,00 | 8,00 | 15,00 | 17,00 | 84,00 | 2 |
| 3 | Sở Xây dựng | 15,00 | 16,00 | 9,00 | 7,50 | 14,00 | 15,00 | 76,50 | 3 |
| 4 | Sở Nội vụ | 13,00 | 14,00 | 8,00 | 6,00 | 12,00 | 12,00 | 65,00 | 4 |
"""


def _verify(tmp_path, mean="80,25", share="95,50"):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.format(mean=mean, share=share), encoding="utf-8")
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx=ctx)
    return ctx, [f for f in findings if not f.code.startswith("LAYOUT")]


def test_the_clean_notice_checks_every_claim(tmp_path):
    ctx, findings = _verify(tmp_path)
    assert findings == []
    assert ctx.ledger.unchecked_claims() == []


def test_a_wrong_mean_in_the_body_is_held_to_the_annex(tmp_path):
    _, findings = _verify(tmp_path, mean="81,25")
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("STAT_MISMATCH", "error", "Văn bản nêu số trung bình 81,25 nhưng cột “Tổng điểm” của bảng 1 (4 đơn vị) "
                                   "cho 80,25")]


@pytest.mark.parametrize("share", ["94,50", "95,05"])
def test_a_leaders_percent_is_its_total_over_the_maximum(tmp_path, share):
    _, findings = _verify(tmp_path, share=share)
    assert [(f.code, f.severity, f.unit) for f in findings] == [("UNIT_FIGURE_MISMATCH", "error", "Sở Tài chính")]
    assert findings[0].message == (f"Văn bản nêu Sở Tài chính đạt {share}% nhưng bảng ghi 95,50% (cột “Tổng điểm "
                                   "so với tối đa 100”, bảng 1)")


def test_a_leaders_points_are_held_to_the_annex_past_a_later_heading(tmp_path):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.format(mean="80,25", share="95,50").replace("với 95,50 điểm", "với 96,50 điểm"),
                    encoding="utf-8")
    findings = [f for f in run_checks(read_path(path)) if not f.code.startswith("LAYOUT")]
    # the leader's figure is the column's highest too: one finding, the unit's mismatch folded into it
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("STAT_MISMATCH", "error", "Văn bản nêu số cao nhất 96,50 nhưng cột “Tổng điểm” của bảng 1 (4 đơn vị) cho "
                                   "95,50. Con số này cũng sai theo UNIT_FIGURE_MISMATCH: Văn bản nêu Sở Tài chính "
                                   "đạt 96,50 điểm nhưng bảng ghi 95,50 điểm (cột “Tổng điểm”, bảng 1)")]
