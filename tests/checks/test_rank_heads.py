"""A rank column headed by the period it ranks ("Hạng tháng 9", "Hạng tháng
10") is a rank; a column of rank changes ("Thứ hạng tăng/giảm": +1, -2, 0) is
not (reportgen.text.headers.ROLE_WORDS)."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

HEAD = ("TT", "Cơ quan, đơn vị", "Tháng 9", "Tháng 10", "Hạng tháng 9", "Hạng tháng 10", "Thứ hạng tăng/giảm")
ROWS = [
    ("1", "Sở Dân tộc và Tôn giáo", "89,60", "91,75", "1", "1", "0"),
    ("2", "Công an tỉnh", "68,47", "64,70", "4", "6", "-2"),
    ("3", "Sở Tư pháp", "59,75", "65,70", "6", "5", "+1"),
    ("4", "Sở Khoa học và Công nghệ", "87,31", "88,97", "2", "2", "0"),
    ("5", "Xã Cát Tiên", "73,08", "67,23", "3", "4", "-1"),
    ("6", "Phường Tam Hiệp", "66,10", "70,05", "5", "3", "+2"),
]


def _verify(tmp_path, change=None):
    d = docx.Document()
    d.add_paragraph("So sánh kết quả Bộ chỉ số 766 tháng 10 năm 2025 với tháng trước")
    rows = [HEAD] + ROWS
    t = d.add_table(rows=len(rows), cols=len(HEAD))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = change[2] if change and (r, c) == change[:2] else text
    path = tmp_path / "sosanh.docx"
    d.save(str(path))
    return verify_path(path)


def test_ranks_headed_by_their_period_follow_their_scores(tmp_path):
    result = _verify(tmp_path)
    assert [f for f in result.findings if f.severity == "error" or f.code.startswith("RANK")] == []
    assert "rank-follows-column" in result.to_json()["coverage"]["by_table"][0]["relations"]


def test_a_slipped_rank_of_the_earlier_period_is_an_error_at_its_cell(tmp_path):
    result = _verify(tmp_path, (3, 4, "8"))  # Sở Tư pháp, 59,75 the lowest in September
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
            if f.severity == "error"] == [("RANK_MISMATCH", "error", "Sở Tư pháp", "8", "6")]
