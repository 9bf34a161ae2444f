"""Columns of one header row beside "Tổng điểm (100)" that write their
maxima as bare numbers ("I. Công tác chỉ đạo, điều hành (9)") have those
maxima when they add up to the total's; numbered columns ("(1)", "(2)") do
not (hold-out h-new28: a criterion over its maximum was blamed on the
total)."""
from __future__ import annotations

from decimal import Decimal

from reportgen.read import read_path

TABLE = """THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2026

| STT | Đơn vị | Tổng điểm ({total}) | I. Chỉ đạo, điều hành ({a}) | II. Thể chế ({b}) | III. Cải cách TTHC ({c}) |
|---|---|---|---|---|---|
| 1 | Xã Hưng Lộc | 30,50 | 8,00 | 9,50 | 13,00 |
| 2 | Xã Nghi Kim | 28,00 | 7,50 | 8,50 | 12,00 |
| 3 | Xã Nghi Phú | 25,25 | 6,25 | 8,00 | 11,00 |
"""


def _maxima(tmp_path, total, a, b, c):
    path = tmp_path / "tb.txt"
    path.write_text(TABLE.format(total=total, a=a, b=b, c=c), encoding="utf-8")
    table = read_path(path).tables[0]
    return [col.max for col in table.columns]


def test_bare_numbers_that_add_up_to_the_total_are_maxima(tmp_path):
    assert _maxima(tmp_path, 35, 9, 10, 16) == [Decimal(9), Decimal(10), Decimal(16)]


def test_bare_numbers_that_number_the_columns_are_not(tmp_path):
    assert set(_maxima(tmp_path, 4, 1, 2, 3)) == {None}
