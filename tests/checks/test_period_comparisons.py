"""A report comparing two periods (hold-out h-new26): a unit's move in rank
with no rank in its sentence is held to its two rank columns (rule
rank-change); a count of a month, a quarter or the year to date to the
period column of its table (rule period-count); the leader's points to the
later period's column, never to the change column beside it (rule
unit-figure-row)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.checks.prose_period_counts import Period, column_period, said_period
from reportgen.checks.prose_rank_moves import _earlier_first
from reportgen.read import read_path

RANKS = """UBND TỈNH BẮC SƠN

THÔNG BÁO
Kết quả xếp hạng Bộ chỉ số phục vụ người dân, doanh nghiệp quý II/2026

{prose}

| TT | Đơn vị | Điểm Quý I/2026 | Điểm Quý II/2026 | Tăng/giảm (điểm) | Hạng kỳ trước | Hạng kỳ này | ± bậc |
|---|---|---|---|---|---|---|---|
| 1 | Công an tỉnh | 88,28 | 94,12 | +5,84 | 2 | 1 | +1 |
| 2 | Sở Công Thương | 93,83 | 93,07 | -0,76 | 1 | 2 | -1 |
| 3 | Sở Tư pháp | 81,81 | 87,71 | +5,90 | 6 | 3 | +3 |
| 4 | Ban Quản lý các Khu công nghiệp | 82,29 | 83,43 | +1,14 | 4 | 4 | - |
| 5 | Sở Nông nghiệp và Môi trường | 83,22 | 82,95 | -0,27 | 3 | 5 | -2 |
| 6 | Sở Văn hóa, Thể thao và Du lịch | 82,19 | 77,24 | -4,95 | 5 | 6 | -1 |
"""

COUNTS = """UBND TỈNH NAM TRUNG

BÁO CÁO
Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính quý III/2026

{prose}

Biểu: SỐ HỒ SƠ TIẾP NHẬN THEO THÁNG QUÝ III/2026

| STT | Đơn vị | Lũy kế 6 tháng | Tháng 7 | Tháng 8 | Tháng 9 | Lũy kế quý | Lũy kế 9 tháng |
|---|---|---|---|---|---|---|---|
| 1 | Sở Tài chính | 2.612 | 938 | 896 | 1.000 | 2.834 | 5.446 |
| 2 | Công an tỉnh | 3.553 | 549 | 634 | 660 | 1.843 | 5.396 |
| 3 | Sở Y tế | 13.111 | 1.583 | 2.081 | 1.815 | 5.479 | 18.590 |
|  | Tổng cộng | 19.276 | 3.070 | 3.611 | 3.475 | 10.156 | 29.432 |
"""


def _findings(tmp_path, template, prose, rule):
    path = tmp_path / "doc.txt"
    path.write_text(template.format(prose=prose), encoding="utf-8")
    return [(str(f.severity), f.message) for f in run_checks(read_path(path), CheckContext()) if f.rule == rule]


def test_a_units_move_agreeing_with_its_two_rank_columns(tmp_path):
    assert _findings(tmp_path, RANKS, "Sở Tư pháp tăng 3 bậc so với kỳ trước; Sở Nông nghiệp và Môi trường giảm "
                                      "2 bậc.", "rank-change") == []


def test_a_units_move_its_rank_columns_do_not_make_is_an_error(tmp_path):
    assert _findings(tmp_path, RANKS, "Sở Tư pháp tăng 4 bậc so với kỳ trước; Sở Nông nghiệp và Môi trường giảm "
                                      "2 bậc.", "rank-change") == [
        ("error", "Văn bản nêu Sở Tư pháp tăng 4 bậc, nhưng bảng 1 ghi từ thứ 6 lên thứ 3 (tăng 3 bậc)")]
    assert _findings(tmp_path, RANKS, "Sở Văn hóa, Thể thao và Du lịch tăng 1 bậc.", "rank-change") == [
        ("error", "Văn bản nêu Sở Văn hóa, Thể thao và Du lịch tăng 1 bậc, nhưng bảng 1 ghi từ thứ 5 xuống thứ 6 "
                  "(giảm 1 bậc)")]


def test_which_rank_column_is_earlier_comes_from_the_headers():
    assert _earlier_first("Xếp hạng Quý trước", "Xếp hạng Quý này") is True
    assert _earlier_first("Xếp hạng quý II/2026", "Xếp hạng quý I/2026") is False
    assert _earlier_first("Hạng 2026", "Hạng 2025") is False
    assert _earlier_first("Xếp hạng năm nay", "Xếp hạng cùng kỳ") is False
    assert _earlier_first("Thứ hạng", "Thứ hạng") is None


def test_the_leaders_points_are_the_later_periods_never_the_change(tmp_path):
    assert _findings(tmp_path, RANKS, "Dẫn đầu là Công an tỉnh với 94,12 điểm.", "unit-figure-vs-table") == []
    assert _findings(tmp_path, RANKS, "Dẫn đầu là Công an tỉnh với 95,12 điểm.", "unit-figure-vs-table") == [
        ("error", "Văn bản nêu Công an tỉnh đạt 95,12 điểm nhưng bảng ghi 94,12 điểm (cột “Điểm Quý II/2026”, "
                  "bảng 1)")]


def test_the_period_a_header_or_a_clause_names():
    assert column_period("Tháng 9") == Period("month", 9)
    assert column_period("Lũy kế quý") == Period("quarter", None)
    assert column_period("Quý III/2026") == Period("quarter", 3)
    assert column_period("Lũy kế 9 tháng") == Period("ytd", 9)
    assert column_period("Lũy kế năm 2026") == Period("ytd", None)
    assert column_period("Đơn vị") is None
    assert said_period("Trong quý III/2026, các cơ quan, đơn vị tiếp nhận ") == Period("quarter", 3)
    assert said_period("riêng tháng 9 tiếp nhận ") == Period("month", 9)
    assert said_period("Lũy kế từ đầu năm đến hết quý III/2026 tiếp nhận ") == Period("ytd", 9)
    assert said_period("9 tháng đầu năm tiếp nhận ") == Period("ytd", 9)


def test_period_counts_that_agree_with_their_columns(tmp_path):
    prose = ("Trong quý III/2026, các cơ quan, đơn vị tiếp nhận 10.156 hồ sơ; riêng tháng 9 tiếp nhận 3.475 hồ sơ, "
             "giảm 3,8% so với tháng 8 (3.611 hồ sơ). Lũy kế từ đầu năm đến hết quý III/2026 tiếp nhận 29.432 hồ sơ. "
             "Sở Y tế tiếp nhận 1.815 hồ sơ trong tháng 9.")
    assert _findings(tmp_path, COUNTS, prose, "period-count-vs-column") == []


def test_a_period_count_its_column_does_not_hold_is_an_error(tmp_path):
    prose = ("Trong quý III/2026, các cơ quan, đơn vị tiếp nhận 10.156 hồ sơ; riêng tháng 9 tiếp nhận 3.475 hồ sơ. "
             "Lũy kế từ đầu năm đến hết quý III/2026 tiếp nhận 30.432 hồ sơ.")
    assert _findings(tmp_path, COUNTS, prose, "period-count-vs-column") == [
        ("error", "Văn bản nêu 30.432 hồ sơ nhưng dòng “Tổng cộng” của cột “Lũy kế 9 tháng” (bảng 1) ghi 29.432")]
    assert _findings(tmp_path, COUNTS, "Riêng tháng 8 tiếp nhận 3.661 hồ sơ.", "period-count-vs-column") == [
        ("error", "Văn bản nêu 3.661 hồ sơ nhưng dòng “Tổng cộng” của cột “Tháng 8” (bảng 1) ghi 3.611")]


def test_a_count_of_another_stage_or_year_is_not_the_columns(tmp_path):
    prose = ("Trong tháng 9 đã giải quyết 3.000 hồ sơ. So với cùng kỳ năm 2025 (tháng 9 tiếp nhận 2.900 hồ sơ), "
             "tăng 19,8%.")
    assert _findings(tmp_path, COUNTS, prose, "period-count-vs-column") == []
