"""Claims a sentence makes about the one graded table of a report: a count of
units over several grades taken together ("11/12 xã, phường xếp loại Tốt hoặc
Khá"), held to the table with as many units as its denominator, and a unit's
points written x/y at the indicator the sentence names ("Xã Cốc San … Thanh
toán trực tuyến (9,48/10 điểm)"), held to that unit's cell. Figures of the
grade-count-vs-table fixture (Lào Cai, quý III 2025: 7 Tốt, 4 Khá, 1 Trung bình)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HERE = Path(__file__).parent
SENTENCE = ("Trong quý III năm 2025 có 12 xã, phường được đánh giá. Kết quả: 07 xã, phường xếp loại Tốt: Xã Hợp "
            "Thành, Xã Tả Phìn, Phường Lào Cai, Xã A Mú Sung, Xã Gia Phú, Xã Y Tý, Xã Bát Xát.")


def _check(tmp_path, claim: str):
    text = (HERE / "grade-count-vs-table" / "good.txt").read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    path = tmp_path / "bc.txt"
    path.write_text(text.replace(SENTENCE, claim), encoding="utf-8")
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    return findings, ctx


@pytest.mark.parametrize("claim, expected", [
    ("Kết quả: 11/12 xã, phường xếp loại Tốt hoặc Khá.", []),
    ("Kết quả: 10/12 xã, phường xếp loại Tốt hoặc Khá.", [("GRADE_COUNT_MISMATCH", "10", "11")]),
    ("Kết quả: 5/12 xã, phường xếp loại Khá hoặc Trung bình.", []),
])
def test_a_count_of_grades_taken_together_is_held_to_the_table_of_its_denominator(tmp_path, claim, expected):
    findings, ctx = _check(tmp_path, claim)
    assert [(f.code, f.reported, f.expected) for f in findings if f.severity == "error"] == expected
    assert [f for f in findings if f.code == "CLAIM_UNCHECKED"] == []


@pytest.mark.parametrize("written, expected", [("9,48", []), ("8,48", [("UNIT_FIGURE_MISMATCH", "8.48", "9.48")])])
def test_a_units_points_written_x_of_y_are_held_to_the_indicator_the_sentence_names(tmp_path, written, expected):
    findings, _ = _check(tmp_path, f"Xã Cốc San xếp loại Khá, mất nhiều điểm ở chỉ số Thanh toán trực tuyến "
                                   f"({written}/10 điểm).")
    assert [(f.code, f.reported, f.expected) for f in findings if f.severity == "error"] == expected
    assert [f for f in findings if f.code == "CLAIM_UNCHECKED"] == []
