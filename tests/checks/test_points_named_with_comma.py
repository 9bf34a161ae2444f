"""Points a sentence gives a group whose name holds a comma ("Nhóm Công khai,
minh bạch đạt 9,6/18 điểm"): the comma is the name's, not the end of what
names the figure, so the points are held to that group's cell
(checks/prose_named.py, points-vs-named-cell)."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

HEAD = ["TT", "Nhóm chỉ số", "Điểm chuẩn", "Điểm", "Tỷ lệ %"]
GROUPS = [["1", "Công khai, minh bạch", "18", "9,6", "53,33"],
          ["2", "Tiến độ, kết quả giải quyết", "20", "17,4", "87,00"],
          ["3", "Dịch vụ công trực tuyến", "12", "11,8", "98,33"], ["4", "Thanh toán trực tuyến", "10", "7,0", "70,00"],
          ["5", "Mức độ hài lòng", "18", "18,0", "100,00"], ["6", "Số hóa hồ sơ", "22", "12,2", "55,45"],
          ["", "Tổng cộng", "100", "", "76,00"]]


def _verify(tmp_path, said: str):
    path = tmp_path / "tb.docx"
    write_docx_tables(path, ["THÔNG BÁO", f"Nhóm Công khai, minh bạch đạt {said}/18 điểm, là nhóm chỉ tiêu có kết quả "
                                          "thấp nhất."], [("KẾT QUẢ CÁC NHÓM CHỈ SỐ", HEAD, GROUPS)])
    return verify_path(path)


def test_the_points_of_a_group_named_with_a_comma_are_checked(tmp_path):
    result = _verify(tmp_path, "9,6")
    assert [f for f in result.findings if f.code in ("QUANTITY_CONFLICT", "CLAIM_UNCHECKED")] == []
    (claim,) = [c for c in result.ledger.claims.values() if "9,6/18" in c.figure]
    assert "points-vs-named-cell" in claim.relations


def test_points_that_differ_from_the_group_cell_are_an_error(tmp_path):
    (error,) = [f for f in _verify(tmp_path, "11,0").findings if f.severity == "error"]
    assert error.message == "Văn bản nêu 11,0/18 điểm cho “Công khai, minh bạch” nhưng bảng 1 ghi 9,6 (dòng “Điểm”)"
