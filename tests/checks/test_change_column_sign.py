"""A difference column's sign is the table's own: "Chênh lệch" beside
"Điểm tự đánh giá | Điểm thẩm định", written positive where the appraisal
lowered the score (16,497 − 16,151 = 0,346), is self-assessed less
appraised on every row. The prose's "giảm 0,346 điểm so với điểm tự đánh
giá" is held to the magnitude and the direction that convention gives: a
figure other than the cell's, or "tăng" where the table says a fall, is an
error; the right words are none."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

APPRAISAL = """UBND TỈNH AN THỊNH

BÁO CÁO
Kết quả thẩm định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành

- Văn phòng UBND tỉnh: Tổng điểm thẩm định đạt 16,151/18 điểm, {said} so với điểm tự đánh giá.

| STT | Đơn vị | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm định | Chênh lệch |
|---|---|---|---|---|---|
| 1 | Văn phòng UBND tỉnh | 18 | 16,497 | 16,151 | {cell} |
| 2 | Sở Tư pháp | 20 | 17,499 | 17,032 | {sign}0,467 |
| 3 | Ban Quản lý các khu kinh tế | 20 | 18,270 | 16,792 | {sign}1,478 |
| 4 | Sở Nội vụ | 20 | 18,786 | 16,573 | {sign}2,213 |
| 5 | Sở Xây dựng | 19,5 | 17,670 | 14,992 | {sign}2,678 |
"""


def _changes(tmp_path, said: str, cell: str, sign: str = ""):
    path = tmp_path / "td.txt"
    path.write_text(APPRAISAL.format(said=said, cell=cell, sign=sign), encoding="utf-8")
    result = verify_path(path)
    return [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
            if f.code in ("CHANGE_MISMATCH", "CHANGE_COLUMN_MISMATCH")]


@pytest.mark.parametrize("cell, sign", [
    ("0,346", ""),  # self-assessed − appraised, written positive
    ("-0,346", "-"),  # appraised − self-assessed, written with its sign
])
def test_a_fall_is_read_by_the_sign_the_table_computes_its_column_with(tmp_path, cell, sign):
    assert _changes(tmp_path, "giảm 0,346 điểm", cell, sign) == []


@pytest.mark.parametrize("said, cell, sign, expected", [
    ("giảm 0,446 điểm", "0,346", "", [("CHANGE_MISMATCH", "error", "-0.446", "-0.346")]),
    ("tăng 0,346 điểm", "0,346", "", [("CHANGE_MISMATCH", "error", "0.346", "-0.346")]),
    ("tăng 0,346 điểm", "-0,346", "-", [("CHANGE_MISMATCH", "error", "0.346", "-0.346")]),
])
def test_a_figure_or_a_direction_the_table_does_not_give_is_an_error(tmp_path, said, cell, sign, expected):
    assert _changes(tmp_path, said, cell, sign) == expected
