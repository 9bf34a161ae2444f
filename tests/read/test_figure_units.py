"""The unit a figure of the prose is about (read.statements_quantities): a
figure in brackets right after a unit's figure is that unit's ("89,00 điểm
(xếp thứ 4)"); a sentence that opens on a unit ("Tại Sở Xây dựng, …") is that
unit's across its semicolons, never past its full stop."""
from decimal import Decimal as D

from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.read.statements import read_statements

UNITS = ["UBND xã Hàm Tân", "UBND xã Đức Trọng", "Sở Xây dựng", "Sở Y tế"]


def _figures(text: str):
    report = Report(source="t", tables=[ScoreTable(index=0, rows=[ScoreRow(unit=u) for u in UNITS])])
    sts = read_statements([Paragraph(text=text, index=0)], report)
    return [(s.kind.value, s.value, s.unit) for s in sts if s.kind in ("rank", "score", "percent") and s.claim]


def test_a_bracket_after_a_unit_s_figure_is_that_unit_s():
    assert _figures("UBND xã Hàm Tân được 89,00 điểm (xếp thứ 4), xếp loại Tốt.") == [
        ("score", D("89.00"), "UBND xã Hàm Tân"), ("rank", D(4), "UBND xã Hàm Tân")]


def test_a_sentence_opening_on_a_unit_is_its_across_semicolons_not_past_the_full_stop():
    assert _figures("Tại Sở Xây dựng, số hồ sơ đã giải quyết là 1.946 hồ sơ; tỷ lệ giải quyết đúng hạn đạt "
                    "100,00%. Tỷ lệ toàn tỉnh đạt 98,63%.") == [
        ("percent", D("100.00"), "Sở Xây dựng"), ("percent", D("98.63"), None)]
