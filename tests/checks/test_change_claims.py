"""A sentence that gives a figure, its change and the earlier figure in
brackets ("đạt 83,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)")
obeys one piece of arithmetic: the figure less the earlier one is the
change, or — a count that grew "12,54%" — that difference over the earlier
figure. Three figures of one sentence that disagree are an error; the change
and the earlier figure are no lone claims of their own."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph, StatementKind
from reportgen.read import report_of_paragraphs


def _run(text: str):
    report = report_of_paragraphs([Paragraph(index=0, text=text)])
    ctx = CheckContext()
    findings = run_checks(report, ctx)
    changes = [(st.value, st.whole, st.parts[0]) for st in report.statements if st.kind == StatementKind.CHANGE]
    wrong = [(f.severity.value, f.reported, f.expected) for f in findings if f.code == "CHANGE_MISMATCH"]
    unchecked = [f for f in findings if f.code == "CLAIM_UNCHECKED"]
    return changes, wrong, unchecked


@pytest.mark.parametrize("text, change", [
    ("Điểm bình quân của các sở, ngành đạt 83,27 điểm, tăng 2,12 điểm so với quý II năm 2026 (81,15 điểm).",
     (D("83.27"), D("81.15"), D("2.12"))),
    ("Toàn tỉnh tiếp nhận 2.145 hồ sơ, tăng 12,54% so với cùng kỳ năm 2025 (1.906 hồ sơ).",
     (D(2145), D(1906), D("12.54"))),
    ("Tỷ lệ giải quyết đúng hạn đạt 98,65%, giảm 0,35 điểm phần trăm so với tháng trước (99,00%).",
     (D("98.65"), D("99.00"), D("-0.35"))),
    ("Trong tháng tiếp nhận 2.145 hồ sơ, giảm 27 hồ sơ so với kỳ trước (2.172 hồ sơ).",
     (D(2145), D(2172), D(-27))),
    ("Tỷ lệ hồ sơ trực tuyến đạt 97,4%, tăng 2,1% so với năm 2025 (95,3%).",  # points of a rate
     (D("97.4"), D("95.3"), D("2.1"))),
])
def test_a_change_that_the_two_figures_make_is_checked_and_right(text, change):
    changes, wrong, unchecked = _run(text)
    assert changes == [change]
    assert wrong == []
    assert not [f for f in unchecked if "so với" in f.message.split(" (trong")[0]]


@pytest.mark.parametrize("text, reported, expected", [
    ("Điểm bình quân của các sở, ngành đạt 84,27 điểm, tăng 2,12 điểm so với quý II năm 2026 (81,15 điểm).",
     "2.12", "3.12"),
    ("Toàn tỉnh tiếp nhận 2.145 hồ sơ, tăng 15,2% so với cùng kỳ năm 2025 (1.906 hồ sơ).", "15.2", "12.54"),
    ("Trong tháng tiếp nhận 2.145 hồ sơ, giảm 72 hồ sơ so với kỳ trước (2.172 hồ sơ).", "-72", "-27.00"),
])
def test_a_change_the_figures_do_not_make_is_one_error(text, reported, expected):
    _, wrong, _ = _run(text)
    assert wrong == [("error", reported, expected)]


def test_a_change_without_the_earlier_figure_is_no_change_claim():
    changes, wrong, _ = _run("Điểm bình quân đạt 83,27 điểm, tăng 2,12 điểm so với quý II năm 2026.")
    assert changes == [] and wrong == []


def test_a_bracket_of_another_quantity_is_no_earlier_figure():
    changes, _, _ = _run("Tỷ lệ đúng hạn đạt 98,65%, tăng 0,35% so với tháng trước (212 hồ sơ trễ hạn).")
    assert changes == []


_WITH_TABLE = ("ỦY BAN NHÂN DÂN TỈNH A\n\nBÁO CÁO\nKết quả chỉ số cải cách hành chính quý III năm 2026\n\n"
               "1. Kết quả của các sở, ngành\n"
               "Điểm bình quân của các sở, ngành đạt {now} điểm, tăng {change} điểm so với quý II năm 2026 "
               "({then} điểm).\nKết quả như sau:\n\n"
               "| STT | Đơn vị | Điểm đạt được |\n|---|---|---|\n"
               "| 1 | Sở Tư pháp | 91,50 |\n| 2 | Sở Y tế | 85,12 |\n| 3 | Sở Nội vụ | 73,19 |\n")


@pytest.mark.parametrize("now, change, then, expected", [
    # the mean slipped (the table's is 83,27): the change it breaks is named in its error
    ("84,27", "2,12", "81,15", [("STAT_MISMATCH", "84.27", "83.27")]),
    # the change slipped: the mean agrees with the table
    ("83,27", "2,21", "81,15", [("CHANGE_MISMATCH", "2.21", "2.12")]),
    # the earlier figure slipped: nothing else holds it, the change's error stays
    ("83,27", "2,12", "82,15", [("CHANGE_MISMATCH", "2.12", "1.12")]),
])
def test_a_change_and_a_mean_sharing_one_slipped_figure_are_one_error(tmp_path, now, change, then, expected):
    from reportgen.verify import verify_path

    path = tmp_path / "bc.txt"
    path.write_text(_WITH_TABLE.format(now=now, change=change, then=then), encoding="utf-8")
    result = verify_path(path)
    errors = [f for f in result.findings if f.severity == "error"]
    assert [(f.code, f.reported, f.expected) for f in errors] == expected
    if expected[0][0] == "STAT_MISMATCH":
        assert "kéo theo: CHANGE_MISMATCH ở đoạn văn 5 (ghi 2,12, tính ra 3,12)" in errors[0].message


def test_the_documents_subject_is_no_part_of_the_first_sentence_of_its_body():
    # The subject ends with no stop; the body's first sentence names the figure a change is of, in the
    # words of the change: sure, so a change the figures do not make is an error (9,97 %, not 8,9 %).
    lines = ["ỦY BAN NHÂN DÂN", "XÃ DI LINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Số: 217/BC-UBND", "Di Linh, ngày 05 tháng 10 năm 2026", "BÁO CÁO",
             "Tình hình, kết quả giải quyết thủ tục hành chính tháng 9 năm 2026",
             "Số hồ sơ phải giải quyết trong tháng 9 năm 2026 là 695 hồ sơ.",
             "So với cùng kỳ năm 2025 (tiếp nhận 632 hồ sơ), số hồ sơ phải giải quyết tăng 8,9%."]
    report = report_of_paragraphs([Paragraph(index=i, text=t) for i, t in enumerate(lines)])
    assert report.meta.subject == lines[7]
    findings = run_checks(report, CheckContext())
    assert [(f.severity.value, f.reported, f.expected) for f in findings if f.code == "CHANGE_MISMATCH"] \
        == [("error", "8.9", "9.97")]


@pytest.mark.parametrize("text, change", [
    # the brackets break the figure down; their last figure (535) is no figure of the change
    ("Bộ phận Một cửa tiếp nhận 1.345 hồ sơ (trực tuyến 810 hồ sơ, chiếm 60,22%; trực tiếp 535 hồ sơ), "
     "tăng 205 hồ sơ so với cùng kỳ năm 2025 (1.140 hồ sơ).", (D(1345), D(1140), D(205))),
    ("Điểm trung bình đạt 82,10 điểm (xếp thứ 3/15), giảm 1,20 điểm so với năm 2025 (83,30 điểm).",
     (D("82.10"), D("83.30"), D("-1.20"))),
    # a figure written only in brackets stays the figure of the change
    ("Số hồ sơ tiếp nhận trực tuyến (810 hồ sơ), tăng 10 hồ sơ so với quý trước (800 hồ sơ).",
     (D(810), D(800), D(10))),
])
def test_a_change_after_bracketed_details_is_of_the_figure_they_detail(text, change):
    changes, wrong, _ = _run(text)
    assert changes == [change]
    assert wrong == []


def test_a_wrong_change_after_bracketed_details_is_held_to_the_figure_they_detail():
    _, wrong, _ = _run("Bộ phận Một cửa tiếp nhận 1.345 hồ sơ (trực tuyến 810 hồ sơ, chiếm 60,22%; trực tiếp 535 hồ "
                       "sơ), tăng 250 hồ sơ so với cùng kỳ năm 2025 (1.140 hồ sơ).")
    assert wrong == [("error", "250", "205.00")]


@pytest.mark.parametrize("change, expected", [("284", []), ("390", [("error", "-390", "-284.00")])])
def test_a_change_naming_the_one_figure_of_its_section_whoever_received_it_is_sure(change, expected):
    """The office's name before the figure narrows it to no part: the change is surely of it."""
    report = report_of_paragraphs([Paragraph(index=i, text=t) for i, t in enumerate((
        "1. Tình hình tiếp nhận hồ sơ",
        "Trong kỳ, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 15.177 hồ sơ (trực tuyến 10.145 hồ sơ, chiếm "
        "66,84%; trực tiếp 4.883 hồ sơ; qua dịch vụ bưu chính công ích 149 hồ sơ).",
        f"So với cùng kỳ năm 2025 (15.461 hồ sơ), số hồ sơ tiếp nhận giảm {change} hồ sơ."))])
    findings = run_checks(report, CheckContext())
    assert [(f.severity.value, f.reported, f.expected) for f in findings if f.code == "CHANGE_MISMATCH"] == expected
