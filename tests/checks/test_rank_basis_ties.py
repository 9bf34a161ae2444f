"""The column a rank follows is the one whose distinct figures tell it: an
indicator's column of few figures, tied again and again ("Chỉ số 3": 1,3
1,3 0,9 0,9 …), fits any rank within its ties, so a rank slip that makes two
unequal totals share a rank must not be passed as that column's order."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

UNITS = (("UBND xã Phong Phú", ("0,7", "1,4", "1,3", "0,9", "0,9", "1,5", "1,3", "1,3", "1,3"), "10,6", 3, "Khá"),
         ("UBND xã An Thạnh", ("1,5", "1,4", "1,4", "1,4", "1,2", "1,7", "1,5", "1,6", "1,6"), "13,3", 2, "Tốt"),
         ("UBND xã Đông Sơn", ("1,1", "1,0", "0,8", "0,8", "0,9", "1,2", "0,5", "0,6", "0,5"), "7,4", 7, "Trung bình"),
         ("UBND xã Vĩnh Hảo", ("1,2", "1,6", "1,9", "1,2", "1,8", "1,6", "1,5", "1,6", "1,7"), "14,1", 1, "Tốt"),
         ("UBND xã Ngọc Lâm", ("0,9", "1,0", "0,9", "0,7", "1,2", "0,8", "1,1", "1,1", "0,8"), "8,5", 5, "Trung bình"),
         ("UBND xã Hợp Thành", ("1,1", "1,0", "1,3", "1,0", "1,1", "0,9", "1,1", "1,2", "1,0"), "9,7", 4, "Khá"),
         ("UBND xã Thanh Xuân", ("1,0", "1,2", "0,9", "1,1", "0,6", "0,7", "0,4", "0,5", "1,1"), "7,5", 6,
          "Trung bình"))


def _write(path, slip: tuple[int, int] | None = None) -> None:
    prose = ["UBND HUYỆN VĂN LÃNG", "Số: 268/TB-VP", "Văn Lãng, ngày 11 tháng 4 năm 2025", "THÔNG BÁO",
             "Kết quả đánh giá Bộ phận Một cửa cấp xã quý I năm 2025", "BẢNG KẾT QUẢ ĐÁNH GIÁ QUÝ I NĂM 2025"]
    body = [["STT", "Tên đơn vị", *(f"Chỉ số {k}" for k in range(1, 10)), "Tổng điểm (tối đa 18)", "Xếp hạng",
             "Xếp loại"]]
    for i, (name, points, total, rank, grade) in enumerate(UNITS):
        body.append([str(i + 1), name, *points, total, str(slip[1] if slip and slip[0] == i else rank), grade])
    write_docx_tables(path, prose, [("", body[0], body[1:])])


def _ranks(path) -> list[tuple[str, str, str]]:
    return [(f.code, f.unit, f.reported) for f in verify_path(path).findings if f.code.startswith("RANK")]


def test_the_ranks_follow_the_total(tmp_path):
    path = tmp_path / "clean.docx"
    _write(path)
    assert _ranks(path) == []


def test_a_slip_into_a_false_tie_is_found(tmp_path):
    for at, rank, unit in ((0, 4, "UBND xã Phong Phú"), (4, 6, "UBND xã Ngọc Lâm"), (5, 3, "UBND xã Hợp Thành"),
                           (6, 5, "UBND xã Thanh Xuân")):
        path = tmp_path / f"slip{at}.docx"
        _write(path, (at, rank))
        assert [(c, u) for c, u, _ in _ranks(path)] == [("RANK_MISMATCH", unit)], (at, rank)
