"""Group scores of a unit's summary and the indicator rows of its detail
(reportgen.checks.relations_detail_groups), on the national portal's export of
one department (Lâm Đồng, Sở Tài chính): "Điểm dịch vụ trực tuyến 17 / 22" is
the online services rows and the payment rows (4 + 6 + 2 + 2,99 + 2 = 16,99);
the "Số hóa" detail lists 4 of the group's 7 indicators (5,88 of 8,8) and is
no slip."""
from __future__ import annotations

import shutil

import docx

from reportgen.verify import verify_path

from support import REAL, set_cell_text

SOTAICHINH = REAL / "ld-766-sotaichinh.docx"


def _verify(tmp_path, table=None, label=None, old=None, new=None):
    path = tmp_path / "stc.docx"
    shutil.copy(SOTAICHINH, path)
    if table is not None:
        document = docx.Document(str(path))
        [row] = [r for r in document.tables[table].rows if r.cells[2].text.strip() == label]
        assert row.cells[5].text.strip() == old
        set_cell_text(row.cells[5], new)
        document.save(str(path))
    return verify_path(path)


def test_the_detail_rows_make_the_group_scores_they_can(tmp_path):
    result = _verify(tmp_path)
    assert [f for f in result.findings if f.code == "DETAIL_SUM_MISMATCH"] == []
    coverage = result.to_json()["coverage"]
    assert coverage["cells"] == {"checked": 44, "total": 50}  # 42 without the relation
    assert "detail-sums-to-group" in coverage["by_table"][1]["relations"]


def test_a_raised_point_of_an_unknown_indicator_is_doubted_on_the_detail(tmp_path):
    # 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ' 4 written 6: the rows add up
    # to 18,99, the summary's 17 / 22 is its own 77,23 % of 22.
    result = _verify(tmp_path, 1, "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "4", "6")
    assert [(f.code, f.severity, f.table, f.reported, f.expected) for f in result.findings
            if f.code == "DETAIL_SUM_MISMATCH"] == [("DETAIL_SUM_MISMATCH", "warning", 1, "18.99", "17")]


def test_a_table_of_the_groups_themselves_is_no_detail(tmp_path):
    # a one-unit summary, then the province's average per group: each row is a
    # group, not an indicator of it, and its figure is no part of the unit's score
    text = """1. Kết quả Bộ chỉ số của Sở Tài chính

ĐIỂM TỔNG HỢP – SỞ TÀI CHÍNH

| STT | Nhóm chỉ tiêu | Chỉ số | Đơn vị | Điểm đánh giá |
|---|---|---|---|---|
| 1 | Tổng hợp | Điểm chất lượng quản trị công | Sở Tài chính | 78,62 / 100 |
| 2 | Tổng hợp | Điểm công khai minh bạch | Sở Tài chính | 18/18 |
| 3 | Tổng hợp | Điểm mức độ hài lòng | Sở Tài chính | 17,7 / 18 |
| 4 | Tổng hợp | Điểm số hóa hồ sơ | Sở Tài chính | 8,8 / 22 |
| 5 | Tổng hợp | Điểm tiến độ giải quyết | Sở Tài chính | 17,1 / 20 |

ĐIỂM BÌNH QUÂN CÁC SỞ

| STT | Nhóm chỉ tiêu | Điểm bình quân |
|---|---|---|
| 1 | Mức độ hài lòng | 18 |
| 2 | Số hóa hồ sơ | 12,4 |
| 3 | Mức độ hài lòng | 16,5 |
| 4 | Tiến độ giải quyết | 18,2 |
"""
    path = tmp_path / "bq.txt"
    path.write_text(text, encoding="utf-8")
    assert [f for f in verify_path(path).findings if f.code == "DETAIL_SUM_MISMATCH"] == []
