"""Units with maxima of their own (a column "Điểm tối đa" that differs, 98,
99, 100) and a percent column, in a document that says it ranks by the
percent ("xếp hạng theo tỷ lệ"), are ranked by their percent, never by their
points: ranks that follow the points are wrong even where they fit them
(hold-out h-new30: such tables passed ĐẠT). Unsaid, a province may rank on
the points: ranks that fit them are no error, but each unit the percent
places elsewhere is a doubt — whether the maxima are a column or the
denominators of "85,00/90" cells."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """UBND HUYỆN LÂM HÀ

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2025

| STT | Đơn vị | Điểm tối đa | Điểm đạt được | Tỷ lệ (%) | Xếp hạng |
|---|---|---|---|---|---|
| 1 | UBND xã Phú Mỹ | 100 | 96,09 | 96,09 | {a} |
| 2 | UBND xã Yên Thế | 98 | 95,37 | 97,32 | {b} |
| 3 | UBND xã Tân Hà | 99 | 85,14 | 86,00 | 3 |
| 4 | UBND xã Đạ Đờn | 100 | 79,40 | 79,40 | 4 |
| 5 | UBND xã Nam Hà | 99 | 70,29 | 71,00 | 5 |

{note}
"""


def _ranks(tmp_path, a, b, note="Ghi chú: tỷ lệ tính trên điểm tối đa của từng xã; xếp hạng theo tỷ lệ (%).",
           severity="error"):
    path = tmp_path / "tb.txt"
    path.write_text(TABLE.format(a=a, b=b, note=note), encoding="utf-8")
    return [(f.code, f.unit, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.code == "RANK_MISMATCH" and str(f.severity) == severity]


def test_ranked_by_percent(tmp_path):
    assert _ranks(tmp_path, 2, 1) == []


def test_ranked_by_points_though_the_maxima_differ(tmp_path):
    assert [(c, u) for c, u, *_ in _ranks(tmp_path, 1, 2)] == [("RANK_MISMATCH", "UBND xã Phú Mỹ"),
                                                             ("RANK_MISMATCH", "UBND xã Yên Thế")]


def test_ranked_by_points_where_the_document_says_no_basis(tmp_path):
    assert _ranks(tmp_path, 1, 2, note="") == []
    assert _ranks(tmp_path, 1, 2, note="", severity="warning") == [
        ("RANK_MISMATCH", "UBND xã Phú Mỹ", "1", "2"), ("RANK_MISMATCH", "UBND xã Yên Thế", "2", "1")]


def test_ranked_by_percent_where_the_document_says_no_basis(tmp_path):
    assert _ranks(tmp_path, 2, 1, note="", severity="warning") == []


SHEET = """UBND TỈNH LÂM SƠN

THÔNG BÁO
Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2026

| STT | Cơ quan | Công khai (18) | Tiến độ (20) | Thanh toán (10) | Tổng điểm | Tỷ lệ (%) | Xếp hạng |
|---|---|---|---|---|---|---|---|
| 1 | Sở Xây dựng | 16,00/18 | 18,75/20 | 8,75/10 | 43,50/48 | 90,63 | {a} |
| 2 | Sở Tư pháp | 18,00/18 | 20,00/20 | - | 38,00/38 | 100,00 | {b} |
| 3 | Sở Y tế | 12,50/18 | 13,50/20 | 5,25/10 | 31,25/48 | 65,10 | 3 |
| 4 | Sở Công Thương | 11,25/18 | 13,25/20 | 4,75/10 | 29,25/48 | 60,94 | 4 |
| 5 | Sở Nội vụ | 9,75/18 | 12,25/20 | 6,50/10 | 28,50/48 | 59,38 | 5 |
"""


def test_ranked_by_points_out_of_the_cells_own_maxima(tmp_path):
    path = tmp_path / "tb.txt"
    path.write_text(SHEET.format(a=1, b=2), encoding="utf-8")
    assert [(f.code, str(f.severity), f.unit, f.reported, f.expected)
            for f in run_checks(read_path(path), CheckContext()) if f.code == "RANK_MISMATCH"] == [
        ("RANK_MISMATCH", "warning", "Sở Xây dựng", "1", "2"), ("RANK_MISMATCH", "warning", "Sở Tư pháp", "2", "1")]
    path.write_text(SHEET.format(a=2, b=1), encoding="utf-8")
    assert [f for f in run_checks(read_path(path), CheckContext()) if f.code == "RANK_MISMATCH"] == []
