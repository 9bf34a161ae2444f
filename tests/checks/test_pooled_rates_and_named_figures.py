"""Three readings a clerk makes without thinking, on a province's dossier
and score tables (figures of a hold-out corpus of other producers):

- a parent row's rate ("I. Cấp tỉnh … Tỷ lệ đúng hạn 98,9") is its own
  solved-on-time over its own solved (2.498 / 2.525), a pooled rate, not the
  mean of its items' rates, even where two other parents happen to be means;
- "giải quyết trước hạn và đúng hạn 864 hồ sơ" is the sum of the columns
  "Trước hạn" and "Đúng hạn" under "Đã giải quyết", not "Đúng hạn" alone;
- "Sở Công Thương dẫn đầu với 69,82 điểm" (first by the ranked percent) is
  that unit's own points, not the points column's highest.
"""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables


def _findings(tmp_path, prose: list[str], head: list[str], rows: list[list[str]]):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, prose, [("", head, rows)])
    return [(f.code, f.severity.value, f.reported) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value != "info" and not f.code.startswith("LAYOUT")]


HIER = [["I", "Cấp tỉnh", "2.610", "2.525", "2.498", "98,9"],
        ["1", "Sở Giáo dục và Đào tạo", "662", "617", "612", "99,2"],
        ["2", "Sở Tư pháp", "1.328", "1.300", "1.282", "98,6"],
        ["3", "Sở Nông nghiệp và Môi trường", "620", "608", "604", "99,3"],
        ["II", "Cấp xã", "1.221", "1.176", "1.161", "98,7"],
        ["1", "Phường Châu Thành", "254", "247", "245", "99,2"],
        ["2", "Xã Lý Sơn", "356", "339", "334", "98,5"],
        ["3", "Phường Tân Châu", "297", "285", "278", "97,5"],
        ["4", "Phường Yên Thế", "314", "305", "304", "99,7"],
        ["", "Tổng cộng (I+II)", "3.831", "3.701", "3.659", "98,9"]]


def test_a_parents_rate_is_its_own_quotient_not_its_items_mean(tmp_path):
    head = ["STT", "Cấp, đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn (%)"]
    assert _findings(tmp_path, ["1. Kết quả giải quyết hồ sơ"], head, HIER) == []
    rows = [list(r) for r in HIER]
    rows[0][5] = "97,9"  # 2.498 / 2.525 = 98,93 %
    assert ("RATIO_MISMATCH", "error", "97.9") in _findings(tmp_path, ["1. Kết quả giải quyết hồ sơ"], head, rows)


def test_two_columns_named_together_are_their_sum(tmp_path):
    head = ["STT", "Đơn vị", "Tiếp nhận", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn"]
    rows = [["1", "Phường Hưng Lộc", "124", "119", "55", "62", "2"], ["2", "Xã Cầu Kè", "129", "123", "62", "61", "0"],
            ["3", "Xã Phú Lâm", "119", "110", "62", "46", "2"], ["", "TỔNG CỘNG", "372", "352", "179", "169", "4"]]
    prose = ["Các đơn vị đã tiếp nhận 372 hồ sơ; đã giải quyết 352 hồ sơ, trong đó giải quyết trước hạn và đúng hạn "
             "{} hồ sơ; quá hạn 4 hồ sơ."]
    assert _findings(tmp_path, [prose[0].format("348")], head, rows) == []
    assert ("QUANTITY_CONFLICT", "error", "358") not in _findings(tmp_path, [prose[0].format("358")], head, rows)


def test_the_leaders_points_are_its_own(tmp_path):
    head = ["STT", "Đơn vị", "Tổng điểm", "Điểm tối đa áp dụng", "Tỷ lệ (%)", "Xếp hạng"]
    rows = [["1", "Sở Khoa học và Công nghệ", "62,87", "88", "71,44", "3"],
            ["2", "Sở Văn hóa, Thể thao và Du lịch", "77,59", "100", "77,59", "2"],
            ["3", "Sở Công Thương", "69,82", "88", "79,34", "1"],
            ["4", "Sở Tư pháp", "61,60", "100", "61,60", "4"]]
    prose = ["1. Kết quả", "Sở Công Thương dẫn đầu với 69,82 điểm."]
    assert _findings(tmp_path, prose, head, rows) == []
