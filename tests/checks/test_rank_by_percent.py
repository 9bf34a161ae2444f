"""Units with maxima of their own (a column "Điểm tối đa" that differs, 98,
99, 100) and a percent column, in a document that says it ranks by the
percent ("xếp hạng theo tỷ lệ"), are ranked by their percent, never by their
points: ranks that follow the points are wrong even where they fit them
(hold-out h-new30: such tables passed ĐẠT). Unsaid, a province may rank on
the points: the ranks are held to the figure they fit."""
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


def _ranks(tmp_path, a, b, note="Ghi chú: tỷ lệ tính trên điểm tối đa của từng xã; xếp hạng theo tỷ lệ (%)."):
    path = tmp_path / "tb.txt"
    path.write_text(TABLE.format(a=a, b=b, note=note), encoding="utf-8")
    return [(f.code, f.unit, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.code == "RANK_MISMATCH"]


def test_ranked_by_percent(tmp_path):
    assert _ranks(tmp_path, 2, 1) == []


def test_ranked_by_points_though_the_maxima_differ(tmp_path):
    assert [(c, u) for c, u, *_ in _ranks(tmp_path, 1, 2)] == [("RANK_MISMATCH", "UBND xã Phú Mỹ"),
                                                             ("RANK_MISMATCH", "UBND xã Yên Thế")]


def test_ranked_by_points_where_the_document_says_no_basis(tmp_path):
    assert _ranks(tmp_path, 1, 2, note="") == []
