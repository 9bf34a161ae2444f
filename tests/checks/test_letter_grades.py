"""Letter grades ("A", "B", "C", "D", A best) are grades: a legend states
their bands ("loại A: Chỉ số từ 90% trở lên; loại B: từ 80% đến dưới 90%"),
the cells are held to them, and the prose's counts ("6/8 xã xếp loại loại
B", "có 2 xã loại A") to the table. A lower-case letter is never a grade,
and a column of letters is a grade column only under a "Xếp loại" header."""
from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.checks.relations_grade_words import grade_level
from reportgen.model import Paragraph
from reportgen.read.legend import read_grade_legend
from reportgen.verify import verify_path

ROWS = (("UBND xã Kim Sơn", "93,20", "A"), ("UBND xã Gia Nghĩa", "87,38", "B"), ("UBND xã Trà Cú", "86,63", "B"),
        ("UBND xã Lộc Ninh", "72,10", "C"), ("UBND xã Mỹ Hòa", "58,64", "D"), ("UBND xã An Phú", "45,86", "D"))
LEGEND = "Ghi chú xếp loại: loại A: Chỉ số từ 90% trở lên; loại B: từ 80% đến dưới 90%; loại C: từ 65% đến dưới 80%; " \
         "loại D: dưới 65%."


def _document(grades: list[str], prose: str = "", header: str = "Xếp loại") -> str:
    lines = ["UBND TỈNH PHÚ THỌ", "", "THÔNG BÁO", "Kết quả xác định Chỉ số cải cách hành chính năm 2026 của các xã",
             "", LEGEND, prose, "", f"| Thứ hạng | Đơn vị | Chỉ số (%) | {header} |", "|---|---|---|---|"]
    lines += [f"| {i} | {u} | {p} | {g} |" for i, ((u, p, _), g) in enumerate(zip(ROWS, grades), 1)]
    return "\n".join(lines) + "\n"


def _verify(tmp_path, text: str):
    path = tmp_path / "tb.txt"
    path.write_text(text, encoding="utf-8")
    result = verify_path(path)
    return str(result.verdict), [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
                                 if str(f.severity) in ("error", "warning")]


GRADES = [g for *_, g in ROWS]


def test_the_legend_states_the_letters_bands():
    bands = read_grade_legend([Paragraph(text=LEGEND, index=0)])
    assert [(b.grade, b.lower, b.upper) for b in bands] == [
        ("A", Decimal(90), None), ("B", Decimal(80), Decimal(90)), ("C", Decimal(65), Decimal(80)),
        ("D", None, Decimal(65))]


def test_letter_grades_on_the_stated_bands_pass(tmp_path):
    prose = "Có 2/6 xã xếp loại loại B, chiếm 33,33%; 2 xã xếp loại loại D."
    assert _verify(tmp_path, _document(GRADES, prose)) == ("ĐẠT", [])


def test_a_letter_off_its_band_is_an_error(tmp_path):
    grades = list(GRADES)
    grades[3] = "B"  # 72,10% is C
    verdict, findings = _verify(tmp_path, _document(grades))
    # the right grade as the legend words it, no row writing it
    assert verdict == "KHÔNG ĐẠT" and findings == [("GRADE_BAND_MISMATCH", "error", "B", "loại C")]


def test_a_count_of_a_letter_is_held_to_the_table(tmp_path):
    verdict, findings = _verify(tmp_path, _document(GRADES, "Có 3/6 xã xếp loại loại B."))
    assert verdict == "KHÔNG ĐẠT" and findings == [("GRADE_COUNT_MISMATCH", "error", "3", "2")]


@pytest.mark.parametrize("text, level", [("A", (5, "A")), ("Loại C", (3, "C")), ("a", None), ("F", None)])
def test_only_a_capital_letter_is_a_grade(text, level):
    assert grade_level(text) == level


def test_a_column_of_letters_under_another_header_is_no_grade_column(tmp_path):
    verdict, findings = _verify(tmp_path, _document(["A", "C", "B", "A", "D", "B"], header="Nhóm"))
    assert not [f for f in findings if f[0].startswith("GRADE")]
