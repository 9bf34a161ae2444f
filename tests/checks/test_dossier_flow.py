"""Every dossier an office had to settle in a period is settled or still in
hand: the prose's "đã giải quyết" + "đang giải quyết" = "phải giải quyết"
(or "kỳ trước chuyển sang" + "mới tiếp nhận"). Said with a plain "tiếp nhận",
fewer out than in is an error (dossiers do not vanish), more out than in a
warning (dossiers carried over may be left unsaid). Figures of a channel,
level, status or another period, figures in brackets, a kind said twice with
two values, and parts that name other outcomes (returned, withdrawn) are
never held to it."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs


def _flow(*texts: str):
    report = report_of_paragraphs([Paragraph(index=i, text=t) for i, t in enumerate(texts)])
    return [(f.severity.value, f.reported, f.expected) for f in run_checks(report, CheckContext())
            if f.rule == "dossier-flow"]


RECEIVED = ("Trong 6 tháng đầu năm 2026, Trung tâm tiếp nhận 45.210 hồ sơ, gồm: hồ sơ trực tuyến 38.120 hồ sơ "
            "(chiếm 84,32%), hồ sơ trực tiếp 7.090 hồ sơ (chiếm 15,68%).")
SETTLED = ("Kết quả: đã giải quyết 44.105 hồ sơ (trước và đúng hạn 43.900 hồ sơ, đạt 99,54%; quá hạn 205 hồ sơ, "
           "chiếm 0,46%); đang giải quyết {n} hồ sơ.")


def test_settled_and_in_hand_make_what_was_received():
    assert _flow(RECEIVED, SETTLED.format(n="1.105")) == []


@pytest.mark.parametrize("pending, expected", [
    ("1.050", [("error", "45155", "45210")]),  # 55 dossiers gone
    ("1.150", [("warning", "45255", "45210")]),  # 45 more: carried over, perhaps
])
def test_a_flow_off_what_was_received(pending, expected):
    assert _flow(RECEIVED, SETTLED.format(n=pending)) == expected


@pytest.mark.parametrize("whole", [
    "Tổng số hồ sơ phải giải quyết trong tháng là 2.468 hồ sơ.",
    "Trong tháng, kỳ trước chuyển sang 168 hồ sơ, mới tiếp nhận 2.300 hồ sơ.",
])
@pytest.mark.parametrize("pending, expected", [("168", []), ("186", [("error", "2486", "2468")]),
                                               ("150", [("error", "2450", "2468")])])
def test_a_flow_off_what_had_to_be_settled_is_an_error_either_way(whole, pending, expected):
    assert _flow(whole, f"Đã giải quyết 2.300 hồ sơ. Đang giải quyết {pending} hồ sơ.") == expected


@pytest.mark.parametrize("texts", [
    # other outcomes: the flow has more than two ways out
    (RECEIVED, SETTLED.format(n="1.000") + " Trả lại 105 hồ sơ không đủ điều kiện."),
    # two units in one part: no one flow
    ("Cấp tỉnh tiếp nhận 500 hồ sơ, đã giải quyết 480 hồ sơ, đang giải quyết 20 hồ sơ.",
     "Toàn huyện tiếp nhận 900 hồ sơ; đã giải quyết 850 hồ sơ; đang giải quyết 40 hồ sơ."),
    # a channel's figures are a part, never the flow's
    ("Tiếp nhận trực tuyến 810 hồ sơ.", "Đã giải quyết 700 hồ sơ; đang giải quyết 20 hồ sơ."),
    # another period's
    ("So với cùng kỳ năm 2025, tiếp nhận 900 hồ sơ.", "Đã giải quyết 700 hồ sơ; đang giải quyết 20 hồ sơ."),
])
def test_figures_that_are_no_one_flow_are_never_held_to_it(texts):
    assert _flow(*texts) == []


def test_each_part_of_the_report_has_its_own_flow():
    assert _flow("I. THÁNG 9", "Tiếp nhận 900 hồ sơ; đã giải quyết 880 hồ sơ; đang giải quyết 20 hồ sơ.",
                 "II. QUÝ III", "Tiếp nhận 2.700 hồ sơ; đã giải quyết 2.600 hồ sơ; đang giải quyết 100 hồ sơ.") == []
