"""A change whose figure is stated under an earlier heading ("3. So với quý IV
…, điểm trung bình tăng 0,04 điểm so với quý IV năm 2024 (79,07 điểm)" after
"a) Điểm trung bình của các sở, ngành đạt 79,11 điểm" under "2. Kết quả cụ
thể") is of that figure when its words name it surely; the comma of "sở,
ngành" is no clause boundary."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.model import Paragraph
from reportgen.read.statements import read_statements

LINES = ("2. Kết quả cụ thể",
         "a) Điểm trung bình của các sở, ngành đạt 79,11 điểm; cao nhất là Sở Khoa học và Công nghệ (88,31 điểm).",
         "b) Có 06/11 sở, ngành đạt từ 80 điểm trở lên.",
         "3. So với quý IV năm 2024, có 05/11 sở, ngành tăng điểm, 06/11 sở, ngành giảm điểm; "
         "điểm trung bình tăng {change} điểm so với quý IV năm 2024 (79,07 điểm).")


def _changes(lines):
    sts = read_statements([Paragraph(text=t, index=i) for i, t in enumerate(lines)])
    return [(s.value, s.whole, s.parts) for s in sts if s.kind == "change"]


def test_a_change_takes_the_figure_its_words_name_under_an_earlier_heading():
    lines = [*LINES[:3], LINES[3].format(change="0,04")]
    assert _changes(lines) == [(D("79.11"), D("79.07"), [D("0.04")])]


def test_of_two_figures_the_words_name_the_change_is_of_the_one_it_fits_else_in_doubt():
    other = "c) Điểm trung bình của các xã, phường đạt 71,20 điểm."
    sts = read_statements([Paragraph(text=t, index=i)
                           for i, t in enumerate([*LINES[:3], other, LINES[3].format(change="0,04")])])
    assert [(s.value, s.whole_inferred) for s in sts if s.kind == "change"] == [(D("79.11"), False)]
    sts = read_statements([Paragraph(text=t, index=i)
                           for i, t in enumerate([*LINES[:3], other, LINES[3].format(change="0,40")])])
    assert [s.whole_inferred for s in sts if s.kind == "change"] == [True]


DOSSIERS = ("1. Tình hình tiếp nhận hồ sơ",
            "Tổng số hồ sơ tiếp nhận của 07 xã, phường là 9.928 hồ sơ, trong đó: kỳ trước chuyển sang 495 hồ sơ; "
            "tiếp nhận mới trong kỳ 9.433 hồ sơ.",
            "2. Kết quả giải quyết",
            "Số hồ sơ đã giải quyết là 9.726 hồ sơ.",
            "So với cùng kỳ năm 2024 (tiếp nhận 9.808 hồ sơ), số hồ sơ tiếp nhận tăng {change} hồ sơ.")


def _dossier_changes(change: str):
    sts = read_statements([Paragraph(text=t.format(change=change), index=i) for i, t in enumerate(DOSSIERS)])
    return [(s.value, s.whole, s.whole_inferred) for s in sts if s.kind == "change"]


def test_of_figures_its_words_name_under_an_earlier_heading_the_change_takes_the_one_it_fits():
    """"số hồ sơ tiếp nhận" names both 9.928 (the total) and 9.433 (the new ones): 9.808 + 120 is the total."""
    assert _dossier_changes("120") == [(D(9928), D(9808), False)]


def test_a_change_no_named_figure_fits_is_paired_in_doubt():
    assert [inferred for _, _, inferred in _dossier_changes("300")] == [True]
