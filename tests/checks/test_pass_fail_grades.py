"""A pass/fail scale ("Đạt" / "Chưa đạt", "Đạt yêu cầu" / "Không đạt yêu
cầu"), or "Đạt" set under Khá ("Tốt", "Khá", "Đạt", "Chưa đạt"), is a grade
scale like the others: its cells are read, its bands are read from the
document's legend, and a count "xếp loại Đạt" in the prose is held to the
table. "Đạt" is also the verb of every sentence ("đơn vị đạt từ 80 điểm",
"mức đạt 85 điểm"): it is a grade only where a grade stands."""
from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.model import Paragraph
from reportgen.read.legend import read_grade_legend
from reportgen.verify import verify_path

# Eight communes of 90 points each; the percents are points / 90 × 100.
ROWS = (("Xã Ẳng Nưa", "82,50", "91,67"), ("Xã Ẳng Tở", "78,00", "86,67"), ("Xã Búng Lao", "70,20", "78,00"),
        ("Xã Xuân Lao", "65,00", "72,22"), ("Xã Nặm Lịch", "60,30", "67,00"), ("Xã Ngối Cáy", "50,40", "56,00"),
        ("Xã Mường Lạn", "41,00", "45,56"), ("Xã Ẳng Cang", "35,10", "39,00"))


def _document(legend: str, grades: list[str]) -> str:
    lines = ["UBND HUYỆN MƯỜNG ẢNG", "", "BÁO CÁO", "Kết quả đánh giá cải cách hành chính năm 2025 của các xã", "",
             legend, "", "| Thứ hạng | Đơn vị | Điểm tối đa | Điểm đạt được | Tỷ lệ (%) | Xếp loại |",
             "|---|---|---|---|---|---|"]
    for i, ((unit, points, percent), grade) in enumerate(zip(ROWS, grades), 1):
        lines.append(f"| {i} | {unit} | 90,00 | {points} | {percent} | {grade} |")
    return "\n".join(lines) + "\n"


TWO = ["Đạt"] * 6 + ["Chưa đạt"] * 2
FOUR = ["Tốt", "Tốt", "Khá", "Khá", "Đạt", "Đạt", "Chưa đạt", "Chưa đạt"]
TWO_LEGEND = "Xếp loại: từ 50% trở lên: Đạt; dưới 50%: Chưa đạt."
FOUR_LEGEND = "Xếp loại: Tốt từ 80% trở lên; Khá từ 70% đến dưới 80%; Đạt từ 50% đến dưới 70%; Chưa đạt dưới 50%."


def _verify(tmp_path, text: str):
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    result = verify_path(path)
    return str(result.verdict), [(f.code, str(f.severity), f.reported, f.expected) for f in result.findings
                                  if str(f.severity) in ("error", "warning")]


@pytest.mark.parametrize("legend, grades", [
    (TWO_LEGEND, TWO),
    ("Đơn vị có tỷ lệ từ 50% trở lên xếp loại Đạt; dưới 50% xếp loại Không đạt.",
     ["Đạt"] * 6 + ["Không đạt"] * 2),
    ("- Đạt yêu cầu: từ 50% trở lên;\n- Không đạt yêu cầu: dưới 50%.",
     ["Đạt yêu cầu"] * 6 + ["Không đạt yêu cầu"] * 2),
    (FOUR_LEGEND, FOUR),
])
def test_a_table_graded_on_the_document_own_pass_fail_bands_is_checked_and_passes(tmp_path, legend, grades):
    assert _verify(tmp_path, _document(legend, grades)) == ("ĐẠT", [])


def test_a_pass_grade_given_below_the_stated_bound_is_an_error(tmp_path):
    grades = list(TWO)
    grades[5] = "Chưa đạt"  # 56,00% is Đạt by the legend
    verdict, findings = _verify(tmp_path, _document(TWO_LEGEND, grades))
    assert verdict == "KHÔNG ĐẠT"
    assert findings == [("GRADE_BAND_MISMATCH", "error", "Chưa đạt", "Đạt")]


def test_a_grade_above_pass_given_to_a_failing_unit_is_an_error(tmp_path):
    grades = list(FOUR)
    grades[6] = "Tốt"  # 45,56%
    verdict, findings = _verify(tmp_path, _document(FOUR_LEGEND, grades))
    assert verdict == "KHÔNG ĐẠT"
    assert findings == [("GRADE_BAND_MISMATCH", "error", "Tốt", "Chưa đạt")]


def test_a_count_of_pass_grades_in_the_prose_is_held_to_the_table(tmp_path):
    right = _document("Có 6/8 xã xếp loại Đạt; 02 xã xếp loại Chưa đạt: Xã Mường Lạn, Xã Ẳng Cang.", TWO)
    assert _verify(tmp_path, right) == ("ĐẠT", [])
    wrong = right.replace("Có 6/8 xã xếp loại Đạt", "Có 5/8 xã xếp loại Đạt")
    assert _verify(tmp_path, wrong) == ("KHÔNG ĐẠT", [("GRADE_COUNT_MISMATCH", "error", "5", "6")])


@pytest.mark.parametrize("text, bands", [
    (TWO_LEGEND, [("Đạt", Decimal(50), None), ("Chưa đạt", None, Decimal(50))]),
    ("Đạt: từ 50 điểm trở lên; Không đạt: dưới 50 điểm.",
     [("Đạt", Decimal(50), None), ("Không đạt", None, Decimal(50))]),
    ("Xếp loại Đạt khi tỷ lệ từ 50% trở lên, Chưa đạt khi dưới 50%.",
     [("Đạt", Decimal(50), None), ("Chưa đạt", None, Decimal(50))]),
    # the verb is no grade: the bands stay Tốt's and Khá's, and a sentence of counts states none
    ("Đơn vị đạt từ 80 điểm trở lên xếp loại Tốt; từ 65 đến dưới 80 điểm xếp loại Khá.",
     [("Tốt", Decimal(80), None), ("Khá", Decimal(65), Decimal(80))]),
    ("Có 6 xã đạt từ 50% trở lên.", []),
    ("Kết quả đạt 85,5 điểm, xếp loại Tốt.", []),
])
def test_the_pass_grade_is_read_in_a_legend_only_where_a_grade_stands(text, bands):
    read = read_grade_legend([Paragraph(text=text, index=0)])
    assert [(b.grade, b.lower, b.upper) for b in read] == bands


def test_the_verb_is_never_counted_as_a_grade(tmp_path):
    text = _document("Các xã đều có mức đạt 35 điểm trở lên; 06 xã đạt tỷ lệ trên 50%.", TWO)
    verdict, findings = _verify(tmp_path, text)
    assert not [f for f in findings if f[0].startswith("GRADE")]
