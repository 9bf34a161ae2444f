"""A band count at the top of a rate ("Có 03/5 xã đạt tỷ lệ 100% hồ sơ giải
quyết đúng hạn") whose table is an annex at the end of the report, not the
table after the passage: the words after the figure name the column
("Tỷ lệ giải quyết đúng hạn (%)"), so the count is held to it both ways."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

from support import write_docx_tables

RATES = (("Xã Tân Lập", "120", "120", "0", "100,00"), ("Xã Phú Thịnh", "85", "84", "1", "98,82"),
         ("Xã Hòa Bình", "64", "64", "0", "100,00"), ("Xã Đông Sơn", "150", "148", "2", "98,67"),
         ("Xã Yên Lạc", "40", "40", "0", "100,00"))
TOTAL = ("Tổng cộng", "459", "456", "3", "99,35")


def _write(path, count: int) -> None:
    prose = ["UBND HUYỆN THOẠI SƠN", "Số: 88/BC-UBND", "Thoại Sơn, ngày 10 tháng 01 năm 2026", "BÁO CÁO",
             "Tình hình giải quyết thủ tục hành chính năm 2025", "I. KẾT QUẢ", "1. Cấp xã",
             f"a) Các xã đã giải quyết xong hồ sơ. b) Có {count:02d}/5 xã đạt tỷ lệ 100% hồ sơ "
             f"giải quyết đúng hạn.", "II. NHIỆM VỤ THỜI GIAN TỚI", "Tiếp tục nâng cao chất lượng giải quyết.",
             "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Ngô Văn Hải", "Phụ lục I",
             "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ TTHC CỦA CÁC XÃ NĂM 2025"]
    body = [["STT", "Đơn vị", "Số hồ sơ đã giải quyết", "Trước hạn và đúng hạn", "Quá hạn",
             "Tỷ lệ giải quyết đúng hạn (%)"]]
    body += [[str(i), *row] for i, row in enumerate(RATES, 1)] + [["", *TOTAL]]
    write_docx_tables(path, prose, [("", body[0], body[1:])])


@pytest.mark.parametrize("count", [2, 3, 4])
def test_the_annex_column_the_words_name_holds_the_count(tmp_path, count):
    path = tmp_path / "bc.docx"
    _write(path, count)
    result = verify_path(path)
    found = [(f.code, f.reported, f.expected) for f in result.findings
             if f.code in ("BAND_COUNT_MISMATCH", "CLAIM_UNCHECKED")]
    assert found == ([] if count == 3 else [("BAND_COUNT_MISMATCH", str(count), "3")])
