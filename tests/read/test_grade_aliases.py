"""Abbreviations a document defines for its grades, as its tables then write
them: in a legend of bands ("XS - Xuất sắc (từ 90 điểm trở lên)") or in a list
of abbreviations under the table ("Các chữ viết tắt: XS - Xuất sắc, TB -
Trung bình" — seed 002). Only an abbreviation followed by the grade's own
words is one: a document number's "TB" ("Số: 12/TB-UBND") is none."""
from __future__ import annotations

from reportgen.model import Paragraph
from reportgen.read.legend import read_grade_aliases, read_grade_legend


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(text=t, index=i) for i, t in enumerate(texts)]


def test_a_list_of_abbreviations_defines_them():
    assert read_grade_aliases(paragraphs("- Các chữ viết tắt: XS - Xuất sắc, TB - Trung bình./.")) == {
        "XS": "Xuất sắc", "TB": "Trung bình"}


def test_a_legend_of_bands_defines_its_abbreviations():
    ps = paragraphs("Ghi chú: XS - Xuất sắc (từ 90 điểm trở lên); T - Tốt (từ 80 đến dưới 90 điểm); "
                    "K - Khá (từ 65 đến dưới 80 điểm); Y - Yếu (dưới 50 điểm).")
    bands = read_grade_legend(ps)
    assert [(b.short, b.grade) for b in bands] == [("XS", "Xuất sắc"), ("T", "Tốt"), ("K", "Khá"), ("Y", "Yếu")]
    assert read_grade_aliases(ps, bands) == {"XS": "Xuất sắc", "T": "Tốt", "K": "Khá", "Y": "Yếu"}


def test_letters_before_other_words_are_no_abbreviation():
    assert read_grade_aliases(paragraphs("Số: 12/TB-UBND", "HS - Tốt nghiệp THPT năm 2026",
                                         "TT - Thông tin: xếp loại Tốt")) == {}
