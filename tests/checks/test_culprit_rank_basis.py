"""A slipped total that moves its unit out of the order of the ranks is one
error: the ranks, which followed the first criterion while the total was
wrong (it happens to fall row by row), follow the total again once it is
set right — the rank relation moved along the row, it was not lost."""
from __future__ import annotations

from reportgen.verify import verify_path

SHEET = """BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP QUÝ III NĂM 2025

| STT | Cơ quan, đơn vị | Công khai (20đ) | Tiến độ (25đ) | Trực tuyến (30đ) | Hài lòng (25đ) | Tổng điểm | Xếp hạng |
|---|---|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 18,50 | 24,00 | 27,30 | 19,21 | 89,01 | 1 |
| 2 | Sở Y tế | 17,00 | 22,50 | 26,00 | 18,90 | 84,40 | 2 |
| 3 | Sở Xây dựng | 16,20 | 21,00 | 25,10 | 17,05 | {total} | 3 |
| 4 | Sở Tài chính | 15,00 | 20,40 | 24,00 | 16,30 | 75,70 | 4 |
| 5 | Sở Nội vụ | 14,10 | 19,80 | 22,70 | 15,00 | 71,60 | 5 |
| 6 | Sở Công Thương | 12,00 | 18,00 | 20,10 | 14,20 | 64,30 | 6 |
"""


def _errors(tmp_path, total: str):
    path = tmp_path / "bang.txt"
    path.write_text(SHEET.format(total=total), encoding="utf-8")
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_the_sheet_as_written_is_clean(tmp_path):
    assert _errors(tmp_path, "79,35") == []


def test_a_total_slipped_past_the_unit_above_is_one_error_on_the_total(tmp_path):
    assert _errors(tmp_path, "86,55") == [("TOTAL_MISMATCH", "Sở Xây dựng", "86.55", "79.35")]
