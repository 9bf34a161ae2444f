"""A count the prose states of one unit of the tables is a claim about that
unit's row (read.statements_unit_counts): read with its unit and what it
counts, and never read from counts of units, changes, other periods, names."""
from decimal import Decimal as D

import pytest

from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.read.statements import read_statements

UNITS = ["UBND xã Gio Linh", "UBND phường Đồng Hới", "UBND xã Đạ Huoai", "UBND xã Đạ Huoai 2", "Cải cách thể chế",
         "Sở Nội vụ", "Tổng cộng"]


def _counts(sentence: str):
    report = Report(source="t", tables=[ScoreTable(index=0, rows=[ScoreRow(unit=u) for u in UNITS])])
    sts = read_statements([Paragraph(text=sentence, index=0)], report)
    return [(s.value, s.unit, s.noun, s.claim) for s in sts if s.kind == "count"]


def test_a_unit_s_counts_are_claims_about_its_row():
    assert _counts("UBND xã Gio Linh nhận được 3.069 lượt đánh giá, trong đó không hài lòng 44 lượt.") == [
        (D(3069), "UBND xã Gio Linh", "lượt đánh giá", True), (D(44), "UBND xã Gio Linh", "lượt", True)]


def test_the_last_unit_named_before_the_count_is_its_unit():
    assert _counts("Xã Gio Linh đạt 98,57%; phường Đồng Hới tiếp nhận 2.540 hồ sơ.") == [
        (D(2540), "UBND phường Đồng Hới", "hồ sơ", True)]


@pytest.mark.parametrize("sentence", [
    "Có 3 xã thuộc UBND xã Gio Linh quản lý.",  # a count of units
    "UBND xã Gio Linh tiếp nhận tăng 120 hồ sơ so với quý trước.",  # a change
    "So với cùng kỳ, UBND xã Gio Linh tiếp nhận 632 hồ sơ.",  # another period
    "Gồm UBND xã Đạ Huoai 2 và UBND xã Gio Linh.",  # the number ends a unit's name
    "Cải cách thể chế: HĐND tỉnh đã thông qua 16 Nghị quyết.",  # a field, not an office
    "Sở Nội vụ đã tổng hợp 15.212 lượt đánh giá.",  # who reports the whole
    "UBND xã Gio Linh thực hiện theo Điều 5 Quyết định số 766/QĐ-TTg.",  # a reference
    "Trong tháng 11 có 8.998 lượt đánh giá.",  # no unit named
    "UBND xã Gio Linh có 05 hồ sơ, chiếm 10,5% tổng số.",  # a share's part, read as the share
])
def test_what_is_no_count_of_a_unit(sentence):
    assert [c for c in _counts(sentence) if c[0] in (D(120), D(632), D(2), D(16), D(15212), D(5), D(8998))] == []
