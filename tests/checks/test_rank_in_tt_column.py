"""A column headed "TT" or "STT" that ties repeat ("…, 11, 11") or
that goes out of row order is a standing, not the rows' numbers: it is
checked as a rank against the figure the table is sorted by
(checks/relations_frame.py, RANK_MISMATCH), where its numbers are the places
by a figure on every unit but one. A "TT" that numbers the rows, or one
written wrong over rows no figure orders, stays the rows' numbers."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

HEAD = ["Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm TĐ", "Tỷ lệ %", "Xếp loại", "TT"]
ROWS = [["Sở Dân tộc và Tôn giáo", "87,50", "77,76", "88,87%", "TỐT"],
        ["Sở Khoa học và Công nghệ", "89,50", "75,11", "83,92%", "TỐT"],
        ["Sở Tài chính", "99,00", "79,12", "79,92%", "KHÁ"],
        ["Sở Công Thương", "87,50", "59,11", "67,55%", "TRUNG BÌNH"],
        ["Văn phòng UBND tỉnh", "89,00", "59,89", "67,29%", "TRUNG BÌNH"],
        ["Sở Xây dựng", "89,50", "47,20", "52,74%", "TRUNG BÌNH"],
        ["Ban Quản lý các khu kinh tế", "89,50", "47,20", "52,74%", "TRUNG BÌNH"]]


def _ranks(tmp_path, standings: list[str]):
    path = tmp_path / "pl.docx"
    write_docx_tables(path, [], [("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
                                  HEAD, [row + [tt] for row, tt in zip(ROWS, standings)])])
    return [f for f in verify_path(path).findings if f.code == "RANK_MISMATCH"]


def test_standings_with_a_tie_that_follow_the_percent_pass(tmp_path):
    assert _ranks(tmp_path, ["1", "2", "3", "4", "5", "6", "6"]) == []


def test_a_standing_out_of_order_in_a_tt_column_is_a_rank_error(tmp_path):
    (error,) = _ranks(tmp_path, ["1", "2", "3", "4", "7", "6", "6"])
    assert (error.severity, error.unit, error.reported, error.expected) == ("error", "Văn phòng UBND tỉnh", "7", "5")
    assert error.message == "Văn phòng UBND tỉnh: cột “TT” ghi 7 nhưng theo cột “Tỷ lệ %” (67,29) đơn vị đứng thứ 5"


def test_a_first_column_stt_out_of_order_over_rows_sorted_by_a_figure_is_a_rank(tmp_path):
    head = ["STT", *HEAD[:-1]]
    lines = [[no, *row] for no, row in zip(["1", "2", "3", "4", "7", "6", "6"], ROWS)]
    path = tmp_path / "pl.docx"
    write_docx_tables(path, [], [("KẾT QUẢ", head, lines)])
    (error,) = [f for f in verify_path(path).findings if f.code == "RANK_MISMATCH"]
    assert (error.unit, error.reported, error.expected) == ("Văn phòng UBND tỉnh", "7", "5")


def test_an_stt_written_wrong_over_rows_no_figure_orders_stays_the_rows_numbers(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text("1. Kết quả giải quyết hồ sơ của các xã\n| STT | Tên xã | Số hồ sơ tiếp nhận | Đã giải quyết |\n"
                    "|---|---|---|---|\n| 1 | Xã An Bình | 385 | 380 |\n| 2 | Xã An Hòa | 886 | 871 |\n"
                    "| 3 | Xã An Phú | 270 | 266 |\n| 3 | Xã Bình Minh | 591 | 580 |\n"
                    "| 5 | Xã Bình Thạnh | 977 | 970 |\n"
                    "| 6 | Xã Cát Tiên | 125 | 120 |\n|  | Tổng cộng | 3.234 | 3.187 |\n", encoding="utf-8")
    result = verify_path(path)
    assert [f.code for f in result.findings if f.code in ("RANK_MISMATCH", "COLUMN_UNCHECKED")] == []
    assert result.verdict == "ĐẠT"
