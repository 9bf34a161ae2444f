"""Two shares of one sentence that are a part and its rest (on time / late,
satisfied / not) add up to 100 % (checks.prose_complements), and the claims
the ledger counts as one: a change and the figure it is of."""
from __future__ import annotations

from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs
from reportgen.verify import verify_report

SEED_001 = "Kết quả hồ sơ xử lý đúng hạn đạt 96,9% (DVC tỉnh đạt 99,7%); hồ sơ trễ hạn chiếm tỷ lệ 3,1%."


def _verified(*lines: str):
    return verify_report(report_of_paragraphs([Paragraph(text=t, index=i) for i, t in enumerate(lines)], source="x"))


def _found(result):
    return [(f.code, f.severity, f.reported, f.expected) for f in result.findings if f.code == "SUM_MISMATCH"]


def test_on_time_and_late_shares_are_held_to_each_other():
    result = _verified(SEED_001)
    assert _found(result) == []
    checked = sorted(c.figure for c in result.ledger.claims.values() if "complement-sum" in c.relations)
    assert checked == ["3,1%", "96,9%"]
    # the bracketed province-portal figure is of another whole: still unchecked
    assert [c.figure for c in result.ledger.unchecked_claims()] == ["99,7%"]


def test_a_changed_share_breaks_the_hundred():
    result = _verified(SEED_001.replace("96,9%", "95,9%"))
    [(code, severity, reported, expected)] = _found(result)
    assert (code, severity, reported, expected) == ("SUM_MISMATCH", "error", "99.0", "100")
    [f] = [f for f in result.findings if f.code == "SUM_MISMATCH"]
    assert "95,9%" in f.message and "3,1%" in f.message and "cộng lại được 99%" in f.message


def test_a_negated_share_is_the_rest_of_its_positive():
    assert _found(_verified("Tỷ lệ người dân hài lòng đạt 95,2%, không hài lòng 4,8%.")) == []
    assert _found(_verified("Tỷ lệ người dân hài lòng đạt 95,2%, không hài lòng 5,8%.")) == [
        ("SUM_MISMATCH", "error", "101.0", "100")]


def test_three_shares_or_unrelated_words_are_no_pair():
    # "trước hạn" beside "đúng hạn" and "quá hạn": three parts, the sum rule's
    assert _found(_verified("Hồ sơ trước hạn chiếm 60%; đúng hạn chiếm 30%; quá hạn chiếm 5%.")) == []
    assert _found(_verified("Tỷ lệ hồ sơ trực tuyến đạt 60%; tỷ lệ thanh toán trực tuyến đạt 30%.")) == []
    # two units' rates: on time for one, late for the other
    assert _found(_verified("UBND xã Phúc Thọ có tỷ lệ giải quyết đúng hạn đạt 99,16%; xã Tân Hà có tỷ lệ giải "
                            "quyết quá hạn là 3,2%.")) == []


def test_the_figure_a_change_is_of_is_one_claim_with_it():
    result = _verified("Mức độ hài lòng của người dân đạt 94,6%, tăng 2,1% so với năm 2024 (92,5%).")
    assert result.ledger.totals()["claims"] == (1, 1)
