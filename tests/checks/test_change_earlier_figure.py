"""A change against the same period whose own clause does not give the
figure that changed ("Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ. So
với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%") is of the figure a reader
takes: the one the change's words name ("Số hồ sơ quá hạn" is "Số hồ sơ giải
quyết quá hạn là 215 hồ sơ"), or, naming nothing, the nearest sentence's one
figure or the whole its parts follow, in the same section. Sure, a slip is an
error; several figures that may be meant, the change picks the one it fits,
else a warning."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph, StatementKind
from reportgen.read import report_of_paragraphs


def _run(*texts: str):
    report = report_of_paragraphs([Paragraph(index=i, text=t) for i, t in enumerate(texts)])
    findings = run_checks(report, CheckContext())
    changes = [(st.value, st.whole, st.parts[0]) for st in report.statements if st.kind == StatementKind.CHANGE]
    found = [(f.code, f.severity.value, f.reported, f.expected) for f in findings
             if f.severity.value in ("error", "warning") and f.code != "CLAIM_UNCHECKED"]
    unchecked = [f for f in findings if f.code == "CLAIM_UNCHECKED"]
    return changes, found, unchecked


_RECEIVED = "Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ."


def test_the_earlier_figure_first_and_the_figure_in_the_sentence_before():
    changes, found, unchecked = _run(_RECEIVED + " So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%.")
    assert changes == [(D(12345), D(10200), D("21.0"))]
    assert found == [] and unchecked == []


def test_a_slipped_change_against_the_sentence_before_is_an_error():
    _, found, _ = _run(_RECEIVED + " So với cùng kỳ năm trước (10.200 hồ sơ), tăng 25,0%.")
    assert found == [("CHANGE_MISMATCH", "error", "25.0", "21.03")]


def test_the_change_names_its_figure_among_several_of_the_section():
    solved = ("Tổng số hồ sơ đã giải quyết là 11.420 hồ sơ, gồm: trước hạn 6.607 hồ sơ; đúng hạn 4.598 hồ sơ; "
              "quá hạn 215 hồ sơ.")
    changes, found, _ = _run("2. Kết quả giải quyết", solved,
                             "Số hồ sơ đã giải quyết tăng 1.917 hồ sơ so với cùng kỳ năm 2023 (9.503 hồ sơ). "
                             "Số hồ sơ quá hạn giảm 35 hồ sơ so với cùng kỳ (250 hồ sơ).")
    assert changes == [(D(11420), D(9503), D(1917)), (D(215), D(250), D(-35))]
    assert found == []


def test_a_figure_of_another_section_is_not_the_figure_that_changed():
    changes, _, _ = _run("1. Tiếp nhận", _RECEIVED, "2. Giải quyết",
                         "So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%.")
    assert changes == []


def test_two_figures_the_change_does_not_name_it_picks_the_one_it_fits():
    two = "Tiếp nhận qua bưu chính 3.000 hồ sơ, trả kết quả qua bưu chính 2.000 hồ sơ."
    changes, found, _ = _run(two + " So với cùng kỳ năm trước (2.500 hồ sơ), tăng 20,0%.")
    assert changes == [(D(3000), D(2500), D("20.0"))] and found == []
    # fitting neither: which one is meant is not said, a doubt
    _, found, _ = _run(two + " So với cùng kỳ năm trước (2.500 hồ sơ), tăng 30,0%.")
    assert [(code, severity) for code, severity, *_ in found] == [("CHANGE_MISMATCH", "warning")]


def test_a_change_in_two_measures_of_one_pair_with_the_earlier_figure_slipped_is_one_error():
    text = "So với cùng kỳ (23.840 hồ sơ), số hồ sơ tiếp nhận giảm 5.518 hồ sơ, tương ứng giảm 23,15%."
    changes, found, _ = _run("Tổng số hồ sơ tiếp nhận trong kỳ là 18.322 hồ sơ. " + text)
    assert changes == [(D(18322), D(23840), D(-5518)), (D(18322), D(23840), D("-23.15"))] and found == []
    _, found, _ = _run("Tổng số hồ sơ tiếp nhận trong kỳ là 18.322 hồ sơ. " + text.replace("23.840", "28.840"))
    assert found == [("CHANGE_MISMATCH", "error", "-5518", "-10518.00")]


def test_times_the_earlier_figure():
    changes, found, _ = _run("Đã giải quyết 11.420 hồ sơ.",
                             "Số hồ sơ đã giải quyết bằng 1,20 lần so với cùng kỳ năm 2023 (9.503 hồ sơ).")
    assert changes == [(D(11420), D(9503), D("1.20"))] and found == []
    _, found, _ = _run("Đã giải quyết 11.420 hồ sơ.",
                       "Số hồ sơ đã giải quyết bằng 1,30 lần so với cùng kỳ năm 2023 (9.503 hồ sơ).")
    assert found == [("CHANGE_MISMATCH", "error", "1.30", "1.20")]


def test_a_rate_in_the_sentence_before_is_a_figure_of_the_change():
    changes, found, unchecked = _run("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 93,49%. So với cùng kỳ năm trước "
                                     "(96,19%), giảm 2,70 điểm phần trăm.")
    assert changes == [(D("93.49"), D("96.19"), D("-2.70"))]
    assert found == [] and unchecked == []


def test_a_whole_its_parts_show_slipped_and_the_change_it_breaks_are_one_error():
    text = ("Tổng số hồ sơ tiếp nhận trong kỳ là 6.479 hồ sơ, trong đó trực tuyến 429 hồ sơ (chiếm 6,7%), "
            "trực tiếp 5.950 hồ sơ (chiếm 93,3%). So với cùng kỳ năm trước (5.381 hồ sơ), tăng 18,55%.")
    _, found, _ = _run(text)
    assert found == [("SUM_MISMATCH", "error", "6479", "6379")]


def test_a_change_naming_nothing_after_a_list_is_of_the_whole_the_list_splits():
    changes, found, _ = _run("Tổng số hồ sơ tiếp nhận: 30.870 hồ sơ. Trong đó:", "- Trực tuyến: 10.166 hồ sơ (32,9%);",
                             "- Trực tiếp: 20.704 hồ sơ (67,1%).",
                             "So với cùng kỳ năm trước (22.301 hồ sơ), tăng 8.569 hồ sơ, tương ứng tăng 38,4%.")
    assert changes == [(D(30870), D(22301), D(8569)), (D(30870), D(22301), D("38.4"))]
    assert found == []


@pytest.mark.parametrize("text, read", [
    ("So với cùng kỳ năm 2023 (tiếp nhận 10.200 hồ sơ), tăng 21,0%.", [D("21.0")]),  # words before the figure
    ("So với cùng kỳ năm trước là 10.200 hồ sơ, tăng 21,0%.", [D("21.0")]),  # no brackets: "là"
    ("Số hồ sơ tiếp nhận tăng 2.145 hồ sơ (tăng 21,0%) so với cùng kỳ năm trước (10.200 hồ sơ).",
     [D(2145), D("21.0")]),  # the other measure in brackets
    ("So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%, tương ứng 2.145 hồ sơ.", [D("21.0"), D(2145)]),
])
def test_the_earlier_figure_and_the_change_as_offices_write_them(text, read):
    changes, found, unchecked = _run(_RECEIVED + " " + text)
    assert changes == [(D(12345), D(10200), x) for x in read]
    assert found == [] and unchecked == []
    _, found, _ = _run(_RECEIVED.replace("12.345", "12.445") + " " + text)
    assert [(code, severity) for code, severity, *_ in found] == [("CHANGE_MISMATCH", "error")]


def test_a_numbered_paragraph_that_opens_the_section_gives_the_figure():
    changes, found, _ = _run("1. Tiếp nhận 12.345 hồ sơ.", "So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%.")
    assert changes == [(D(12345), D(10200), D("21.0"))] and found == []
    changes, _, _ = _run("1. Tiếp nhận 12.345 hồ sơ.", "2. So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%.")
    assert changes == []
