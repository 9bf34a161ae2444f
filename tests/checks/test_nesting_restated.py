"""Items numbered with their roman heading's number ("II. Thanh toán trực
tuyến" over "2.1", "2.2", "2.3", no item "2") are the heading's items: the
heading's figures are their sums (relations_nesting._restating_items)."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

ROWS = [
    ("STT", "Nhóm chỉ số / chỉ tiêu", "Điểm tối đa", "Điểm đạt"),
    ("I", "Công khai, minh bạch", "18", "15,20"),
    ("1.1", "Tỷ lệ TTHC công bố đúng hạn", "6", "6"),
    ("1.2", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", "4", "3,20"),
    ("1.3", "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành", "2", "2"),
    ("1.4", "Tỷ lệ hồ sơ đồng bộ trạng thái lên Cổng DVCQG", "6", "4"),
    ("II", "Thanh toán trực tuyến", "10", "7,45"),
    ("2.1", "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán", "2", "2"),
    ("2.2", "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", "2", "1,75"),
    ("2.3", "Tỷ lệ hồ sơ thanh toán trực tuyến", "6", "3,70"),
    ("III", "Mức độ hài lòng", "18", "16,32"),
    ("3.1", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "6", "6"),
    ("3.2", "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", "6", "5,12"),
    ("3.3", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "6", "5,20"),
]


def _doc(tmp_path, change=None):
    d = docx.Document()
    d.add_paragraph("Chi tiết điểm các chỉ tiêu của Phường Long Bình tháng 10 năm 2025")
    t = d.add_table(rows=len(ROWS), cols=4)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            t.cell(r, c).text = change[2] if change and (r, c) == change[:2] else text
    path = tmp_path / "chitiet.docx"
    d.save(str(path))
    return verify_path(path)


def _parent_sums(result):
    return [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
            if f.code == "PARENT_SUM_MISMATCH"]


def test_a_heading_is_the_sum_of_the_items_that_restate_its_number(tmp_path):
    result = _doc(tmp_path)
    assert _parent_sums(result) == []
    assert "parent-equals-sum-of-children" in result.to_json()["coverage"]["by_table"][0]["relations"]


def test_a_slipped_heading_is_an_error_at_the_heading(tmp_path):
    result = _doc(tmp_path, (6, 3, "8,45"))  # II written 8,45; 2 + 1,75 + 3,70 = 7,45
    assert _parent_sums(result) == [("PARENT_SUM_MISMATCH", "error", "Thanh toán trực tuyến", "8.45", "7.45")]


def test_an_item_that_does_not_apply_leaves_its_headings_maximum(tmp_path, monkeypatch):
    # "2.4" has no dossiers ('-'): II's maximum stays 2 + 2 + 6 = 10, not 12.
    rows = ROWS[:10] + [("2.4", "Tỷ lệ hồ sơ có phí, lệ phí bằng 0", "2", "-")] + ROWS[10:]
    monkeypatch.setattr(__import__(__name__), "ROWS", rows)
    assert _parent_sums(_doc(tmp_path)) == []
