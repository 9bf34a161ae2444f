"""An official's grades of TT 01/2018/TT-VPCP name percents ("Hoàn thành từ
70% đến dưới 100% nhiệm vụ"): in a legend those figures are the grade's
name, never its bounds — the bounds are the points around it ("từ 3,5 điểm
đến dưới 5 điểm: …"); in a count, the share after the name is the count's
("4/9 công chức xếp loại Hoàn thành 100% nhiệm vụ, chiếm 44,44%")."""
from __future__ import annotations

from decimal import Decimal

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph, StatementKind
from reportgen.read import report_of_paragraphs
from reportgen.read.legend import read_grade_legend

LEGEND = ("Thực hiện Điều 15 Thông tư số 01/2018/TT-VPCP, công chức được xếp loại: tổng điểm từ 5 điểm trở lên: "
          "Hoàn thành 100% nhiệm vụ; từ 3,5 điểm đến dưới 5 điểm: Hoàn thành từ 70% đến dưới 100% nhiệm vụ; "
          "dưới 3,5 điểm: Hoàn thành dưới 70% nhiệm vụ.")


def test_the_figures_of_an_official_grade_name_are_no_bounds_of_its_band():
    bands = read_grade_legend([Paragraph(text=LEGEND, index=0)])
    assert [(b.grade, b.lower, b.upper, b.unit) for b in bands] == [
        ("Hoàn thành 100% nhiệm vụ", Decimal(5), None, "points"),
        ("Hoàn thành từ 70% đến dưới 100% nhiệm vụ", Decimal("3.5"), Decimal(5), "points"),
        ("Hoàn thành dưới 70% nhiệm vụ", None, Decimal("3.5"), "points")]
    assert bands[1].text == "từ 3,5 điểm đến dưới 5 điểm: Hoàn thành từ 70% đến dưới 100% nhiệm vụ"


def _shares(text: str):
    report = report_of_paragraphs([Paragraph(text=text, index=0)])
    shares = [(st.value, st.whole, st.percent) for st in report.statements if st.kind == StatementKind.SHARE]
    wrong = [(f.code, f.reported, f.expected) for f in run_checks(report, CheckContext())
             if str(f.severity) == "error"]
    return shares, wrong


def test_a_share_after_an_official_grade_name_is_the_count_s():
    shares, wrong = _shares("Kết quả, có 4/9 công chức xếp loại Hoàn thành 100% nhiệm vụ, chiếm 44,44%.")
    assert shares == [(Decimal(4), Decimal(9), Decimal("44.44"))] and wrong == []
    _, wrong = _shares("Kết quả, có 7/7 công chức xếp loại Hoàn thành 100% nhiệm vụ, chiếm 114,29%.")
    assert [w[0] for w in wrong] == ["PERCENT_MISMATCH"]
