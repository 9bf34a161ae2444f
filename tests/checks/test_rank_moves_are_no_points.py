"""A rate followed by ranks and the ranks' move ("Tỷ lệ đúng hạn (%) | Xếp
hạng quý III | Xếp hạng quý II | Tăng (+)/giảm (-) bậc"): the move is no
points computed from the rate, however the rank columns stand between."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

# (unit, solved, on time, rate, rank now, rank before, move): a công văn's table as a clerk fills it
ROWS = (("UBND xã Xuân Trường", "1.712", "1.675", "97,84", "4", "10", "6"),
        ("UBND phường Minh Khai", "1.985", "1.779", "89,62", "11", "1", "-10"),
        ("UBND xã Yên Thế", "1.948", "1.642", "84,29", "12", "3", "-9"),
        ("UBND xã Bình Minh", "1.732", "1.710", "98,73", "2", "9", "7"),
        ("UBND xã Trường Xuân", "243", "223", "91,77", "10", "12", "2"),
        ("UBND phường Hưng Đạo", "194", "191", "98,45", "3", "11", "8"),
        ("UBND xã Thanh Sơn", "755", "706", "93,51", "9", "5", "-4"),
        ("UBND phường Thạch An", "1.916", "1.865", "97,34", "6", "6", "0"),
        ("UBND xã Hợp Thành", "2.314", "2.287", "98,83", "1", "4", "3"),
        ("UBND xã Đại Đồng", "565", "539", "95,40", "7", "2", "-5"),
        ("UBND phường Phú Thịnh", "318", "311", "97,80", "5", "8", "3"),
        ("UBND xã Nam Tiến", "2.228", "2.120", "95,15", "8", "7", "-1"))


def _rows():
    for k, row in enumerate(ROWS, 1):
        yield [str(k), *row]
    yield ["", "Tổng cộng", "15.910", "15.048", "94,58", "", "", ""]


def test_a_rank_move_beside_a_rate_is_not_its_points(tmp_path):
    prose = ["UBND TỈNH PHÚ THỌ", "Số: 4567/UBND-KSTT", "Phú Thọ, ngày 08 tháng 10 năm 2025",
             "V/v nâng cao tỷ lệ giải quyết hồ sơ đúng hạn quý III năm 2025"]
    body = [["STT", "Đơn vị", "Số hồ sơ đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)",
             "Xếp hạng quý IV", "Xếp hạng quý III", "Tăng (+)/giảm (-) bậc"]]
    body += list(_rows())
    path = tmp_path / "cv.docx"
    write_docx_tables(path, prose, [("", body[0], body[1:])])
    assert [f.code for f in verify_path(path).findings if f.code == "POINTS_FROM_RATE_MISMATCH"] == []
