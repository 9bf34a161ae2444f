"""A total column that is exactly the sum of its parts as written on every
other row (TT 01/2018: the total adds indicators already rounded to one
decimal) makes a row off by two units or more a slip, though the parts'
rounding (half a unit each, plus one of the total) would cover it; one unit
off stays rounding (a total computed from finer figures). Figures: six
communes' one-stop sections, four indicators; DOCX written with python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = ["STT", "Đơn vị", "CS1", "CS2", "CS3", "CS4", "Tổng điểm"]
UNITS = [("Xã Tân Phú", "1,8", "1,6", "2,0", "1,9", "7,3"), ("Xã Hòa Bình", "1,2", "0,9", "1,4", "1,0", "4,5"),
         ("Phường Bảo Lộc 1", "2,0", "1,9", "1,7", "1,8", "7,4"), ("Xã Nam Sơn", "0,9", "1,1", "1,3", "0,8", "4,1"),
         ("Đặc khu Phú Quý", "1,5", "1,4", "1,6", "2,0", "6,5"), ("Xã Phú Lộc", "0,4", "0,7", "1,1", "0,6", "2,8")]


def _errors(tmp_path, total: str):
    doc = Document()
    for line in ("UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "Số: 77/BC-VP", "Lâm Đồng, ngày 06 tháng 10 năm 2026", "BÁO CÁO",
                 "Kết quả đánh giá việc giải quyết thủ tục hành chính quý III năm 2026"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(HEAD))
    for c, text in enumerate(HEAD):
        table.cell(0, c).text = text
    for i, unit in enumerate(UNITS):
        cells = table.add_row().cells
        for c, text in enumerate((str(i + 1), *unit[:-1], total if i == 3 else unit[-1])):
            cells[c].text = text
    path = tmp_path / "bc.docx"
    doc.save(path)
    return [(f.unit, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value == "error"]


def test_exact_totals_give_nothing(tmp_path):
    assert _errors(tmp_path, "4,1") == []


def test_a_total_two_units_off_where_every_other_row_is_exact_is_an_error(tmp_path):
    # 0,9 + 1,1 + 1,3 + 0,8 = 4,1; within the parts' rounding (0,3) 4,3 would pass
    assert _errors(tmp_path, "4,3") == [("Xã Nam Sơn", "4.3", "4.1")]


def test_a_total_one_unit_off_is_rounding(tmp_path):
    assert _errors(tmp_path, "4,2") == []
