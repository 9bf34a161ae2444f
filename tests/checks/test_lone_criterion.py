"""A criterion that is the only item of its parent, in a table of points out of
per-row maxima ("1.2 Báo cáo CCHC 1,00 | 0,50" over "1.2.1 Số lượng, chất lượng
báo cáo 1,00 | 0,50"), carries all of its parent: its maximum and its points are
the parent's (relations_parents, a sum of one item). Such pairs do not decide
whether the table obeys the sum; where it does, they are checked with it."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path

ROWS = [
    ("STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Điểm thẩm định"),
    ("1", "Công tác chỉ đạo, điều hành CCHC", "6,00", "4,25", "3,50"),
    ("1.1", "Kế hoạch CCHC năm", "3,00", "2,25", "2,00"),
    ("1.1.1", "Ban hành kế hoạch kịp thời", "1,00", "0,75", "0,50"),
    ("1.1.2", "Mức độ thực hiện kế hoạch", "2,00", "1,50", "1,50"),
    ("1.2", "Báo cáo CCHC", "1,00", "1,00", "0,50"),
    ("1.2.1", "Số lượng, chất lượng báo cáo", "1,00", "1,00", "0,50"),
    ("1.3", "Kiểm tra công tác CCHC", "2,00", "1,00", "1,00"),
    ("1.3.1", "Tỷ lệ đơn vị được kiểm tra", "1,00", "0,50", "0,50"),
    ("1.3.2", "Xử lý vấn đề phát hiện qua kiểm tra", "1,00", "0,50", "0,50"),
    ("2", "Cải cách thủ tục hành chính", "4,00", "3,50", "2,75"),
    ("2.1", "Công bố, công khai TTHC", "2,50", "2,00", "1,75"),
    ("2.1.1", "Công bố danh mục TTHC đúng hạn", "1,50", "1,25", "1,00"),
    ("2.1.2", "Công khai TTHC trên Cổng DVC", "1,00", "0,75", "0,75"),
    ("2.2", "Tiếp nhận, xử lý PAKN", "1,50", "1,50", "1,00"),
    ("2.2.1", "Xử lý PAKN đúng hạn", "1,50", "1,50", "1,00"),
]


def _verify(tmp_path, change=None):
    d = docx.Document()
    d.add_paragraph("Phụ lục: KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2025 CỦA UBND XÃ KỲ SƠN")
    t = d.add_table(rows=len(ROWS), cols=5)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            t.cell(r, c).text = change[2] if change and (r, c) == change[:2] else text
    path = tmp_path / "thamdinh.docx"
    d.save(str(path))
    return verify_path(path)


def _errors(result):
    return [(f.code, f.unit, f.column, f.reported, f.expected) for f in result.findings if f.severity == "error"]


def test_a_lone_criterion_and_its_parent_are_checked(tmp_path):
    result = _verify(tmp_path)
    assert _errors(result) == []
    t = result.ledger.totals()
    assert t["cells"] == (45, 45)  # 15 rows × 3 columns, the lone items and their parents among them
    assert result.verdict == "ĐẠT"


def test_a_lone_criterion_slipped_is_an_error(tmp_path):
    # 1.2.1 appraised written 0,25: its parent 1.2 says 0,50 (and 1's 3,50 = 2,00 + 0,50 + 1,00
    # holds with the parent's figure): one error, at the item
    result = _verify(tmp_path, (6, 4, "0,25"))
    assert _errors(result) == [("PARENT_SUM_MISMATCH", "Số lượng, chất lượng báo cáo", "k4", "0.25", "0.50")]
    assert result.verdict == "KHÔNG ĐẠT"


def test_a_lone_criterions_maximum_is_its_parents(tmp_path):
    # 2.2.1's maximum written 1,00 under 2.2's 1,50 (its self-assessed 1,50 passes it too):
    # one error, at that maximum, with the parent's figure
    result = _verify(tmp_path, (15, 2, "1,00"))
    assert _errors(result) == [("VALUE_EXCEEDS_MAX", "Xử lý PAKN đúng hạn", "k2", "1.00", "1.50")]
