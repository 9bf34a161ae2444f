"""The portal's score sheet of one unit: one line per group, "x / y" points,
the first line the whole ("Điểm chất lượng phục vụ …: 80,35 / 100"). A group
written in words the scheme does not name ("Điểm dịch vụ trực tuyến" for
"Cung cấp dịch vụ trực tuyến") is a part all the same: the maxima of the five
lines make the whole's 100, so the whole is their sum, beyond rounding an
error (checks/tables_summary.py, TOTAL_MISMATCH)."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

HEAD = ["STT", "NHÓM CHỈ TIÊU", "CHỈ SỐ", "ĐƠN VỊ", "TỶ LỆ %", "ĐIỂM ĐÁNH GIÁ"]
UNIT = "Sở Công Thương - Tỉnh Hòa Giang"
GROUPS = [("Điểm công khai minh bạch", "91,67", "16,5 / 18"), ("Điểm dịch vụ trực tuyến", "77,27", "17 / 22"),
          ("Điểm mức độ hài lòng", "98,33", "17,7 / 18"), ("Điểm số hóa hồ sơ", "40,00", "8,8 / 22"),
          ("Điểm tiến độ giải quyết", "85,50", "17,1 / 20")]


def _verify(tmp_path, total: str):
    lines = [["1", "Tổng hợp", "Điểm chất lượng phục vụ người dân, doanh nghiệp", UNIT, total, f"{total} / 100"]]
    lines += [[str(i), "Tổng hợp", name, UNIT, rate, points] for i, (name, rate, points) in enumerate(GROUPS, 2)]
    path = tmp_path / "diem.docx"
    write_docx_tables(path, [], [("ĐIỂM THÀNH PHẦN", HEAD, lines)])
    return [f for f in verify_path(path).findings if f.code == "TOTAL_MISMATCH"]


def test_the_whole_of_five_lines_whose_maxima_make_100_is_their_sum(tmp_path):
    assert _verify(tmp_path, "77,10") == []


def test_a_whole_not_updated_is_an_error_counting_the_unnamed_group(tmp_path):
    (error,) = _verify(tmp_path, "78,40")
    assert (error.severity, error.reported, error.expected) == ("error", "78.40", "77.1")
    assert error.message == ("Điểm tổng hợp ghi 78,4/100 nhưng cộng 5 nhóm chỉ số được 77,1 "
                             "(chênh lệch 1,3, vượt ngưỡng làm tròn 0,255)")
