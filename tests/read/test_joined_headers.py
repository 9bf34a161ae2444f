"""A text table whose one header row joins each group with its leaves ("Công khai,
minh bạch (18 điểm) Điểm | Công khai, minh bạch (18 điểm) Tỷ lệ (%)", two header
rows pasted as one) reads as the two rows would: the group's maximum is the
points', never the rate's. Read as one label, every rate was points over 18."""
from __future__ import annotations

from reportgen.read.header import HeaderColumn, _split_joined
from reportgen.verify import verify_path

TABLE = """\
| STT | Đơn vị | Công khai, minh bạch (18 điểm) Điểm | Công khai, minh bạch (18 điểm) Tỷ lệ (%) | \
Tiến độ giải quyết (20 điểm) Điểm | Tiến độ giải quyết (20 điểm) Tỷ lệ (%) | \
Dịch vụ trực tuyến (12 điểm) Điểm | Dịch vụ trực tuyến (12 điểm) Tỷ lệ (%) | Tổng điểm (50) | Xếp loại |
|---|---|---|---|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 14,75 | 81,94 | 9,18 | 45,90 | 9,30 | 77,50 | 33,23 | Trung bình |
| 2 | Phường Uông Bí | 15,53 | 86,28 | 19,59 | 97,95 | 10,80 | 90,00 | 45,92 | Xuất sắc |
| 3 | Xã Yên Bình | 13,76 | 76,44 | 13,77 | 68,85 | 8,93 | 74,42 | 36,46 | Khá |
| 4 | Sở Y tế | 17,68 | 98,22 | 17,64 | 88,20 | 10,59 | 88,25 | 45,91 | Xuất sắc |
"""


def test_labels_sharing_words_up_to_a_bracket_are_a_group_over_their_leaves():
    columns = [HeaderColumn(0, ["STT"]), HeaderColumn(1, ["Công khai (18 điểm) Điểm"]),
               HeaderColumn(2, ["Công khai (18 điểm) Tỷ lệ (%)"]), HeaderColumn(3, ["Tổng điểm (100)"])]
    _split_joined(columns)
    assert [c.path for c in columns] == [["STT"], ["Công khai (18 điểm)", "Điểm"],
                                         ["Công khai (18 điểm)", "Tỷ lệ (%)"], ["Tổng điểm (100)"]]
    assert columns[2].role() == "percent"


def test_a_lone_label_with_a_bracket_stays_whole():
    columns = [HeaderColumn(0, ["Tỷ lệ (%) đúng hạn"]), HeaderColumn(1, ["Số hồ sơ (bộ) tiếp nhận"])]
    _split_joined(columns)
    assert [c.path for c in columns] == [["Tỷ lệ (%) đúng hạn"], ["Số hồ sơ (bộ) tiếp nhận"]]


def test_rates_under_joined_group_headers_are_not_points(tmp_path):
    path = tmp_path / "bang.md"
    path.write_text("KẾT QUẢ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP\n" + TABLE, encoding="utf-8")
    errors = [f for f in verify_path(path).findings if str(f.severity) == "error"]
    assert errors == []


def test_a_slipped_rate_under_a_joined_header_is_still_found(tmp_path):
    path = tmp_path / "bang.md"
    path.write_text("KẾT QUẢ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP\n" + TABLE.replace("| 86,28 |", "| 88,28 |"),
                    encoding="utf-8")
    errors = [f for f in verify_path(path).findings if str(f.severity) == "error"]
    assert [(e.row, e.reported) for e in errors] == [(1, "88.28")]
