"""A legend written as a note under the table with signs ("Ghi chú: Xếp loại
Xuất sắc (≥ 90%), Tốt (80% - < 90%), …, Yếu (< 50%)") is a legend: its
bounds are no mean or count of the prose, and the units are graded on it;
a sheet that states each unit's percent over the maximum that applies to
it (79,37 of 90: 88,19%) is graded on that percent, and its percent row is
the total over that maximum (hold-out h-new30: 9 clean files had false
errors)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph
from reportgen.read import read_path
from reportgen.read.legend import read_grade_legend

NOTE = ("Ghi chú: Xếp loại Xuất sắc (≥ 90%), Tốt (80% - < 90%), Khá (70% - < 80%), Trung bình (50% - < 70%), "
        "Yếu (< 50%); tỷ lệ tính trên điểm tối đa của từng đơn vị.")

SHEET = """UBND TỈNH THANH VÂN

THÔNG BÁO
Kết quả đánh giá các xã năm 2025

Bảng: Kết quả đánh giá, xếp loại UBND các xã năm 2025

| STT | Đơn vị | Điểm tối đa | Điểm đạt | Tỷ lệ (%) | Xếp loại |
|---|---|---|---|---|---|
| 1 | UBND xã Tân Lập | 100 | 69,30 | 69,30 | {grade} |
| 2 | UBND xã Hòa Bình | 99 | 89,10 | 90,00 | Xuất sắc |
| 3 | UBND xã Bình Minh | 100 | 84,20 | 84,20 | Tốt |
| 4 | UBND xã An Phú | 98 | 73,50 | 75,00 | Khá |

{note}
"""


def test_a_note_with_signs_is_a_legend():
    bands = read_grade_legend([Paragraph(text=NOTE, index=0)])
    assert [(b.grade, b.lower, b.lower_inclusive, b.upper) for b in bands] == [
        ("Xuất sắc", Decimal(90), True, None), ("Tốt", Decimal(80), True, Decimal(90)),
        ("Khá", Decimal(70), True, Decimal(80)), ("Trung bình", Decimal(50), True, Decimal(70)),
        ("Yếu", None, True, Decimal(50))]


def _findings(tmp_path, grade):
    path = tmp_path / "tb.txt"
    path.write_text(SHEET.format(grade=grade, note=NOTE), encoding="utf-8")
    return [(f.code, str(f.severity)) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) in ("error", "warning") and not f.code.startswith("LAYOUT")]


def test_the_notes_bounds_are_no_figures_of_the_prose(tmp_path):
    assert _findings(tmp_path, "Trung bình") == []


def test_a_grade_off_the_notes_bands_is_an_error(tmp_path):
    assert ("GRADE_BAND_MISMATCH", "error") in _findings(tmp_path, "Khá")


# A notice of h-new30's generator (units as columns, "Điểm tối đa áp dụng" and "Tỷ lệ (%)" rows), its prose cut.
TURNED = (Path(__file__).parent / "turned_sheet_own_maxima.txt").read_text(encoding="utf-8")


def _turned(tmp_path, text):
    path = tmp_path / "tb.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.code, str(f.severity), f.message) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) == "error"]


def test_units_as_columns_graded_and_rated_on_the_maximum_that_applies_to_each(tmp_path):
    """"Điểm tối đa áp dụng" 90 where "Thanh toán trực tuyến" does not apply: 62,64 / 90 = 69,60%."""
    assert _turned(tmp_path, TURNED) == []
    wrong = TURNED.replace("Tỷ lệ (%)\t\t69,60", "Tỷ lệ (%)\t\t62,64")
    assert [(c, s) for c, s, _ in _turned(tmp_path, wrong)][:1] == [("RATIO_MISMATCH", "error")]
    assert "62,64 / 90 × 100 = 69,60" in _turned(tmp_path, wrong)[0][2]


def test_a_units_points_over_its_own_maximum_said_in_the_sentence(tmp_path):
    """"Sở Công Thương được 73,12 điểm trên 90 điểm tối đa áp dụng, đạt tỷ lệ 81,24%, xếp thứ 2/6": the percent
    is 73,12 over 90, and the rank after the maximum is a measured figure (before, both were rules)."""
    said = "Sở Công Thương được 73,12 điểm trên 90 điểm tối đa áp dụng, đạt tỷ lệ {p}%, xếp thứ {r}/6, xếp loại Khá.\n"
    assert _turned(tmp_path, TURNED + said.format(p="81,24", r=2)) == []
    found = _turned(tmp_path, TURNED + said.format(p="82,24", r=3))
    assert ("PERCENT_MISMATCH", "error", "73,12 trên 90 là 81,24%, không phải 82,24%") in found
    assert [c for c, _, _ in found if c == "UNIT_FIGURE_MISMATCH"] == ["UNIT_FIGURE_MISMATCH"]


def test_a_legend_whose_first_band_opens_on_the_verb():
    """"Mức xếp loại: đạt từ 90% số điểm tối đa trở lên là Xuất sắc; …": "đạt" before a bound is the verb,
    never the pass grade (before, Xuất sắc's band was lost)."""
    text = ("Mức xếp loại: đạt từ 90% số điểm tối đa trở lên là Xuất sắc; từ 80% đến dưới 90% là Tốt; từ 70% đến "
            "dưới 80% là Khá; từ 50% đến dưới 70% là Trung bình; dưới 50% là Yếu.")
    bands = read_grade_legend([Paragraph(text=text, index=0)])
    assert [(b.grade, b.lower, b.upper) for b in bands][:2] == [("Xuất sắc", Decimal(90), None),
                                                                ("Tốt", Decimal(80), Decimal(90))]


def test_a_grade_said_after_the_bracket_of_a_units_figure(tmp_path):
    """"Đứng thứ hai là X (84,20%), xếp loại Khá": the grade is said of that figure (84,20% is Tốt)."""
    path = tmp_path / "tb.txt"
    path.write_text(SHEET.format(grade="Trung bình", note=NOTE) + "\nĐứng thứ hai là UBND xã Bình Minh "
                    "(84,20%), xếp loại Khá.\n", encoding="utf-8")
    report = read_path(path)
    assert [st.grade_written for st in report.statements if st.value == Decimal("84.20")] == ["Khá"]
    assert "GRADE_BAND_MISMATCH" in [f.code for f in run_checks(report, CheckContext()) if str(f.severity) == "error"]


def test_units_as_columns_with_maxima_of_their_own_are_ranked_by_the_percent(tmp_path):
    """Sở Giáo dục và Đào tạo 77,60 of 100 before Sở Công Thương 73,12 of 90 (81,24%) follows the points."""
    swapped = TURNED.replace("Xếp hạng\t\t5\t3\t2\t1\t6\t4", "Xếp hạng\t\t5\t2\t3\t1\t6\t4")
    assert swapped != TURNED
    assert [(c, s) for c, s, _ in _turned(tmp_path, swapped)] == [("RANK_ORDER", "error")]
