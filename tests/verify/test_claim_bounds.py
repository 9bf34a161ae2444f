"""A bound is no check of a claim of the prose: "x/y" with x ≤ y, counts by
grade not above their whole, a statistic within the band of units it falls in
are verified and recorded, but a claim only bounded is not counted as checked
(CLAIM_UNCHECKED says which bound it was held to). The claims of the appraisal
report bc36 that only a bound held are now held to what they are a part of:
the fractions of one whole that share it out, the points x/y and their percent."""
from __future__ import annotations

import pytest

from parsers import read_raw
from reportgen.read import read_report
from reportgen.verify import verify_report

from support import REAL, with_paragraph_replaced

BC36 = REAL / "ld-cchc2025-bc36-thamdinh.pdf"


@pytest.fixture(scope="module")
def bc36_raw():
    return read_raw(BC36)


@pytest.fixture(scope="module")
def bc36(bc36_raw):
    return verify_report(read_report(bc36_raw))


def _relations(result, text: str, paragraph: int) -> list[str]:
    [entry] = [c for c in result.ledger.claims.values() if c.paragraph == paragraph
               and result.report.statements[c.statement].text == text]
    return sorted(entry.relations)


def test_bc36_fractions_that_share_out_their_whole_are_checked(bc36):
    # "Có 2/14 cơ quan … đạt yêu cầu …" and "Có 12/14 cơ quan … nhưng …": 2 + 12 = 14;
    # the group maxima "75/100", "15/100", "10/100" of the departments; 14/15 + 01/15 groups.
    for text, paragraph in [("12/14", 271), ("122/124", 274), ("02/124", 275), ("75/100", 14), ("15/100", 15),
                            ("10/100", 16), ("74/99", 19), ("15/99", 23), ("10/99", 24), ("14/15", 280),
                            ("01/15", 287)]:
        assert "fraction-partition" in _relations(bc36, text, paragraph), text
    # "- Loại Tốt: 11/15 đơn vị …", "Khá: 03/15", "Trung bình: 01/15": 15
    grades = [c for c in bc36.ledger.claims.values() if c.paragraph in (289, 290, 291)
              and bc36.report.statements[c.statement].kind == "grade_count"]
    assert [c.figure for c in grades] == ["11/15 đơn vị xếp loại Tốt", "03/15 đơn vị xếp loại Khá",
                                          "01/15 đơn vị xếp loại Trung bình"]
    assert all(c.checked for c in grades)


def test_bc36_points_and_their_percent_are_held_to_each_other(bc36):
    # "Điểm số trung bình của cấp xã đạt 10,564/15 điểm, chỉ số đạt 70,424%": the mean is also the
    # mean of the table's column out of 15
    assert _relations(bc36, "12,15/15", 255) == ["fraction-bound", "score-percent", "stat-of-column"]
    assert _relations(bc36, "10,564/15", 261) == ["fraction-bound", "score-percent", "stat-of-column"]
    assert not [f for f in bc36.findings if f.rule == "score-percent"]


def test_bc36_a_scale_a_decision_sets_is_listed_as_outside_the_document(bc36):
    # "Theo Quyết định số 1234/QĐ-UBND … phê duyệt thang điểm của phần đánh giá … đối với UBND cấp
    # xã là 74/100 điểm": the maximum a rule sets, not a figure the report measured (x ≤ y was
    # all a check could hold it to): listed apart, no CLAIM_UNCHECKED
    assert not [f for f in bc36.findings if f.code == "CLAIM_UNCHECKED" and f.paragraph == 146]
    [entry] = [c for c in bc36.ledger.external_claims() if c.paragraph == 146]
    assert (entry.figure, entry.external, entry.bounds) == ("74/100", "thang điểm quy định", ["fraction-bound"])


def test_bc36_changed_points_contradict_their_percent_and_the_table(bc36_raw):
    # 12,51 / 15 × 100 = 83,40, not the 80,998% written right after; and the table's mean is 12,15:
    # one slip, one error — on the mean, naming the percent it contradicts
    after = verify_report(read_report(with_paragraph_replaced(bc36_raw, 256, "12,15/15", "12,51/15")))
    [f] = [f for f in after.findings if f.severity == "error"]
    assert (f.rule, f.paragraph, f.reported, f.expected) == ("stat-vs-table", 255, "12.51", "12.15")
    assert "kéo theo: PERCENT_MISMATCH ở đoạn văn 256 (ghi 80,998, tính ra 83,400)" in f.message


def test_bc36_a_changed_share_is_no_longer_checked(bc36, bc36_raw):
    # 2 + 11 ≠ 14: nothing holds 11/14 any more (x ≤ y only): a warning names it, never ĐẠT
    checked, total = bc36.ledger.totals()["claims"]
    after = verify_report(read_report(with_paragraph_replaced(bc36_raw, 271, "12/14", "11/14")))
    assert after.ledger.totals()["claims"] == (checked - 1, total)
    [f] = [f for f in after.findings if f.code == "CLAIM_UNCHECKED" and f.paragraph == 271]
    assert f.reported == "11/14"
    assert after.verdict != "ĐẠT"
