"""A lone error whose relation holds three cells or more (a rate over its two
items, a parent over its items, a total column over its parts) may be a slip
in any of them: the relation offers each cell with the figure that would make
it hold (reportgen.checks.culprits_undecided), so that the cell the error is
reported on is not taken for the one known wrong, and the reader has the
correction whichever cell it is."""
from __future__ import annotations

from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = """UBND HUYỆN MƯỜNG ẢNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG HĐND VÀ UBND\tĐộc lập - Tự do - Hạnh phúc
Số: 405/BC-UBND\tMường Ảng, ngày 17 tháng 8 năm 2023

BÁO CÁO
Kết quả giải quyết thủ tục hành chính tháng 7 năm 2023

1. Kết quả giải quyết hồ sơ

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Minh
"""
RATES = """| STT | Nội dung | Đơn vị tính | Kết quả |
|---|---|---|---|
| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 99,10 |
| 1.1 | Tổng số hồ sơ đã giải quyết | Hồ sơ | 195.197 |
| 1.2 | Số hồ sơ giải quyết đúng hạn | Hồ sơ | 193.457 |
| 2 | Tỷ lệ hồ sơ trực tuyến | % | 64,20 |
| 2.1 | Tổng số hồ sơ tiếp nhận | Hồ sơ | 200.000 |
| 2.2 | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | 128.400 |
| 3 | Tỷ lệ thủ tục có phát sinh hồ sơ | % | 75,00 |
| 3.1 | Tổng số thủ tục | Thủ tục | 1.200 |
| 3.2 | Số thủ tục có phát sinh hồ sơ | Thủ tục | 900 |
| 4 | Tỷ lệ phản ánh được xử lý | % | 96,00 |
| 4.1 | Tổng số phản ánh | Phản ánh | 250 |
| 4.2 | Số phản ánh đã xử lý | Phản ánh | 240 |
"""
COLUMNS = """| STT | Đơn vị | Tổng số hồ sơ đã giải quyết | Đúng hạn | Quá hạn |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 1.487 | 1.105 | 382 |
| 2 | Xã Ẳng Cang | 912 | 890 | 22 |
| 3 | Xã Ẳng Tở | 640 | 611 | 29 |
| 4 | Xã Búng Lao | 358 | 350 | 8 |
| 5 | Xã Xuân Lao | 275 | 270 | 5 |
"""


def _errors(tmp_path: Path, table: str) -> list:
    path = tmp_path / "report.txt"
    path.write_text(HEAD + table + TAIL, encoding="utf-8")
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_a_rate_item_slipped_names_the_rate_and_both_items_with_their_corrections(tmp_path):
    # 128.400 hồ sơ trực tuyến written 112.400: 112.400 / 200.000 is 56,20%, not the 64,20% written.
    # The rate may be the slip (56,20), or either item: 64,20% of 200.000 is 128.400, and 112.400 is
    # 64,20% of 175.078.
    found = _errors(tmp_path, RATES.replace("| 128.400 |", "| 112.400 |"))
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] == [
        ("PARENT_RATIO_MISMATCH", "Tỷ lệ hồ sơ trực tuyến", "64.20", "56.20")]
    assert found[0].message.endswith(
        "Chỉ một ô sai, nhưng không rõ là ô nào: dòng “Tỷ lệ hồ sơ trực tuyến”, cột “Kết quả” ghi 64,20 (nếu là "
        "56,20 thì mọi quan hệ đều khớp) hoặc dòng “Tổng số hồ sơ tiếp nhận”, cột “Kết quả” ghi 200.000 (nếu là "
        "175.078 thì mọi quan hệ đều khớp) hoặc dòng “Số hồ sơ tiếp nhận trực tuyến”, cột “Kết quả” ghi 112.400 "
        "(nếu là 128.400 thì mọi quan hệ đều khớp)")


def test_a_part_of_a_total_column_slipped_names_the_total_and_each_part(tmp_path):
    # Ẳng Nưa's 1.105 on time written 1.085: 1.085 + 382 is 1.467, not the 1.487 written.
    found = _errors(tmp_path, COLUMNS.replace("| 1.105 |", "| 1.085 |"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("SUM_COLUMNS_MISMATCH", "Xã Ẳng Nưa", "k2", "1487", "1467")]
    assert found[0].message.endswith(
        "Chỉ một ô sai, nhưng không rõ là ô nào: cột “Tổng số hồ sơ đã giải quyết” ghi 1.487 (nếu là 1.467 thì "
        "mọi quan hệ đều khớp) hoặc cột “Đúng hạn” ghi 1.085 (nếu là 1.105 thì mọi quan hệ đều khớp) hoặc cột "
        "“Quá hạn” ghi 382 (nếu là 402 thì mọi quan hệ đều khớp)")


def test_a_part_that_cannot_absorb_the_gap_is_not_offered(tmp_path):
    # Xuân Lao's total 275 written 215: a part moved by −60 would be below zero (5 − 60), so only
    # the total and the on-time count (270 − 60 = 210) are offered.
    found = _errors(tmp_path, COLUMNS.replace("| 275 |", "| 215 |"))
    assert [(f.code, f.unit, f.reported, f.expected) for f in found] == [
        ("SUM_COLUMNS_MISMATCH", "Xã Xuân Lao", "215", "275")]
    assert found[0].message.endswith(
        "Chỉ một ô sai, nhưng không rõ là ô nào: cột “Tổng số hồ sơ đã giải quyết” ghi 215 (nếu là 275 thì mọi "
        "quan hệ đều khớp) hoặc cột “Đúng hạn” ghi 270 (nếu là 210 thì mọi quan hệ đều khớp)")


def test_a_total_written_with_two_digits_swapped_is_the_one_cell_named(tmp_path):
    # Ẳng Nưa's total 1.487 written 1.847: the parts moved by the 360 too many (1.465 on time, 742
    # late) would answer the sum as well, but 1.847 is 1.487 with two neighbouring digits swapped, a
    # slip of the keys, and neither part is one of its figure: the total is the cell, named alone.
    found = _errors(tmp_path, COLUMNS.replace("| 1.487 |", "| 1.847 |"))
    assert [(f.code, f.unit, f.column, f.reported, f.expected, f.message) for f in found] == [
        ("SUM_COLUMNS_MISMATCH", "Xã Ẳng Nưa", "k2", "1847", "1487",
         "1. Xã Ẳng Nưa: cột “Tổng số hồ sơ đã giải quyết” ghi 1.847 nhưng Đúng hạn + Quá hạn = 1.105 + 382 = "
         "1.487")]
