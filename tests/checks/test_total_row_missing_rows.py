"""The part of a 766 table a page break cut off and the reader could not join to its
first page: four indicators and the table's "Tổng cộng" (67,39 | 70,67 | +3,28 over the
whole table). Above the rows' sum in every column, it is rows missing, one warning;
a total off in one column stays an error."""
from __future__ import annotations

from reportgen.verify import verify_path
from tests.support import write_docx_tables

HEAD = ["STT", "Chỉ số", "Điểm tối đa", "Quý II năm 2025 Điểm", "Quý III năm 2025 Điểm", "Tăng (+), giảm (-) điểm"]
ROWS = [["6.4", "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa", "2", "1,37", "1,36", "-0,01"],
        ["6.5", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ", "4", "1,40", "1,37", "-0,03"],
        ["6.6", "Tỷ lệ hồ sơ có sử dụng dữ liệu dân cư", "2", "0,73", "0,93", "+0,20"],
        ["6.7", "Tỷ lệ TTHC triển khai kết nối dữ liệu dân cư", "2", "1,44", "1,65", "+0,21"]]


def _sum_rows(tmp_path, total):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["BÁO CÁO"], [("Bảng (tiếp theo)", HEAD, ROWS + [total])])
    return [(f.severity, f.column) for f in verify_path(path).findings if f.code == "SUM_ROW_MISMATCH"]


def test_a_total_above_every_column_is_rows_missing(tmp_path):
    assert _sum_rows(tmp_path, ["", "Tổng cộng", "100", "67,39", "70,67", "+3,28"]) == [("warning", "k2")]


def test_a_total_off_in_one_column_is_an_error(tmp_path):
    assert _sum_rows(tmp_path, ["", "Tổng cộng", "10", "4,94", "5,81", "+0,37"]) == [("error", "k4")]


def test_a_docx_table_missing_rows_is_not_said_to_be_cut_by_a_page_break(tmp_path):
    """A DOCX table holds every row it has (no page break cuts it when read):
    the warning names the causes a Word table can have."""
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["BÁO CÁO"], [("Bảng", HEAD, ROWS + [["", "Tổng cộng", "100", "67,39", "70,67", "+3,28"]])])
    (warning,) = [f for f in verify_path(path).findings if f.code == "SUM_ROW_MISMATCH"]
    assert warning.message == (
        "Tổng cộng: ở mọi cột số ghi lớn hơn tổng 4 dòng của bảng (cột “Điểm tối đa” ghi 100, tổng 10): có thể một "
        "dòng đã bị xóa mà dòng tổng chưa sửa, hoặc bảng chỉ là một phần của tổng (phần tiếp của một bảng khác, hay "
        "một số đơn vị của tổng), cần đối chiếu thủ công")
