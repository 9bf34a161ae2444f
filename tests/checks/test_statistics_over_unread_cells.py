"""A statistics row ("Bình quân", "Cao nhất", "Thấp nhất") over a column
where some units' cells could not be read as figures (a PDF's "x/y" cell
glued to the rate beside it, "1.611600,00"): the statistic is taken over
the units read, which are not all the units. Its mismatch is a doubt, a
warning naming the cells not read, never an error: before, "Thấp nhất 93,50"
was a sure error against "the lowest of 3 units, 98,06" in a table of 7."""
from __future__ import annotations

from reportgen.verify import verify_path

TABLE = """UBND HUYỆN A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

BÁO CÁO
Tình hình giải quyết hồ sơ thủ tục hành chính năm 2025

| STT | Cơ quan, đơn vị | Hồ sơ đã giải quyết | Tỷ lệ đúng hạn (%) |
|---|---|---|---|
| 1 | Văn phòng HĐND và UBND | 150 | 100,00 |
| 2 | Phòng Tài nguyên và Môi trường | 617 | 98,06 |
| 3 | Phòng Kinh tế và Hạ tầng | 1.346 | {third} |
| 4 | Phòng Tư pháp | 2.139 | {fourth} |
| 5 | Phòng Tài chính - Kế hoạch | 520 | 100,00 |
|  | Cao nhất |  | 100,00 |
|  | Thấp nhất |  | 93,50 |
"""


def _stats(path):
    return [f for f in verify_path(path).findings if f.code == "SUMMARY_ROW_MISMATCH"]


def test_a_statistic_over_cells_not_read_is_a_doubt(tmp_path):
    path = tmp_path / "unread.txt"
    path.write_text(TABLE.format(third="1.34699,70", fourth="2.13993,50"), encoding="utf-8")
    [f] = _stats(path)
    assert (f.severity, f.unit, f.column, f.reported, f.expected) == (
        "warning", "Thấp nhất", "k3", "93.50", "98.06")
    assert f.message == ("Dòng “Thấp nhất”: cột “Tỷ lệ đúng hạn (%)” ghi 93,50 nhưng giá trị thấp nhất của 3 đơn vị "
                         "là 98,06 (2 đơn vị không đọc được số ở cột này: Phòng Kinh tế và Hạ tầng, Phòng Tư pháp; "
                         "cần đối chiếu)")


def test_the_same_statistic_over_every_unit_read_is_an_error(tmp_path):
    path = tmp_path / "read.txt"
    path.write_text(TABLE.format(third="99,70", fourth="97,00"), encoding="utf-8")
    [f] = _stats(path)
    assert (f.severity, f.unit, f.reported, f.expected) == ("error", "Thấp nhất", "93.50", "97.00")
