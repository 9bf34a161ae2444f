"""Grade bands a document states as a table of their own ("Mức xếp loại |
Tổng điểm", one band a row). A DOCX reader gives a table with no figure as
its cells' paragraphs, one after the other: a grade's name alone, then its
bounds (or the bounds first). Each band is read from its two paragraphs,
and a paragraph is paired once, so a band never borrows its neighbour's
bounds."""
from __future__ import annotations

from decimal import Decimal

from docx import Document

from reportgen.model import Paragraph
from reportgen.read import read_path
from reportgen.read.legend import read_grade_legend
from reportgen.verify import verify_path

BANDS = (("Xuất sắc", "Từ 90 điểm trở lên"), ("Tốt", "Từ 80 đến dưới 90 điểm"), ("Khá", "Từ 70 đến dưới 80 điểm"),
         ("Trung bình", "Từ 50 đến dưới 70 điểm"), ("Yếu", "Dưới 50 điểm"))
EXPECTED = [("Xuất sắc", Decimal(90), None), ("Tốt", Decimal(80), Decimal(90)), ("Khá", Decimal(70), Decimal(80)),
            ("Trung bình", Decimal(50), Decimal(70)), ("Yếu", None, Decimal(50))]


def bands(texts: list[str]) -> list[tuple[str, Decimal | None, Decimal | None]]:
    paragraphs = [Paragraph(text=t, index=i) for i, t in enumerate(texts)]
    return [(b.grade, b.lower, b.upper) for b in read_grade_legend(paragraphs)]


def test_grade_then_bounds_paragraphs_are_bands():
    assert bands(["Khung xếp loại:", "Mức xếp loại", "Tổng điểm", *(t for pair in BANDS for t in pair)]) == EXPECTED


def test_bounds_then_grade_paragraphs_are_bands():
    assert bands(["Tổng điểm", "Mức xếp loại", *(t for a, b in BANDS for t in (b, a))]) == EXPECTED


def test_a_grade_name_next_to_a_date_is_no_band():
    assert bands(["Tốt", "Ngày 20 tháng 01 năm 2026"]) == []


SCORES = [("Sở Tư pháp", "85,75"), ("Sở Y tế", "91,10"), ("Sở Xây dựng", "75,25"), ("Sở Tài chính", "81,15"),
          ("Sở Nội vụ", "65,40"), ("Sở Công Thương", "69,90"), ("Sở Du lịch", "48,50")]
GRADES = ["Tốt", "Xuất sắc", "Khá", "Tốt", "Trung bình", "Trung bình", "Yếu"]


def write(path, grades: list[str]) -> None:
    doc = Document()
    doc.add_paragraph("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ NĂM 2025")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["STT", "Đơn vị", "Tổng điểm", "Xếp loại"]):
        cell.text = text
    for i, ((unit, score), grade) in enumerate(zip(SCORES, grades)):
        for cell, text in zip(table.add_row().cells, [str(i + 1), unit, score, grade]):
            cell.text = text
    doc.add_paragraph("Khung xếp loại:")
    legend = doc.add_table(rows=1, cols=2)
    legend.rows[0].cells[0].text, legend.rows[0].cells[1].text = "Mức xếp loại", "Tổng điểm"
    for grade, bounds in BANDS:
        cells = legend.add_row().cells
        cells[0].text, cells[1].text = grade, bounds
    doc.save(path)


def test_a_legend_table_in_a_docx_grades_the_ranking(tmp_path):
    write(tmp_path / "ok.docx", GRADES)
    assert [(b.grade, b.lower, b.upper) for b in read_path(tmp_path / "ok.docx").grade_legend] == EXPECTED
    slip = GRADES[:5] + ["Khá"] + GRADES[6:]  # 69,90 is Trung bình by the legend
    write(tmp_path / "slip.docx", slip)
    found = [(f.code, f.severity, f.unit, f.reported, f.expected) for f in verify_path(tmp_path / "slip.docx").findings
             if f.severity == "error"]
    assert found == [("GRADE_BAND_MISMATCH", "error", "Sở Công Thương", "Khá", "Trung bình")]


def test_a_table_checked_only_against_its_bands_says_so(tmp_path):
    write(tmp_path / "ok.docx", GRADES)
    result = verify_path(tmp_path / "ok.docx")
    [note] = [f for f in result.findings if f.code == "BOUND_ONLY"]
    assert "7 ô số chỉ đối chiếu được giới hạn (nằm trong khung của xếp loại) — cột “Tổng điểm” (7 ô)" in note.message
    # bounds alone check nothing exactly: never ĐẠT, and said so
    [nothing] = [f for f in result.findings if f.code == "NOTHING_CHECKED"]
    assert nothing.message.startswith("Các bảng số liệu chỉ đối chiếu được giới hạn (xem BOUND_ONLY)")
    assert result.verdict == "CHƯA KIỂM TRA HẾT"


def test_a_legend_kept_as_a_table_by_the_reader_is_read_row_by_row():
    """A PDF keeps a ruled legend as a table: each row, grade | bounds, is a band;
    a ranking's rows (a number, a unit, a score, a grade) are none."""
    from reportgen.raw import RawCell, RawTable
    from reportgen.read.legend import read_table_legend

    def table(index, rows):
        return RawTable(index=index, rows=[[RawCell(text=t, row=r, col=c) for c, t in enumerate(row)]
                                           for r, row in enumerate(rows)])

    ranking = table(0, [["STT", "Đơn vị", "Tổng điểm", "Xếp loại"], ["1", "Sở Y tế", "91,10", "Xuất sắc"],
                        ["2", "Sở Tư pháp", "85,75", "Tốt"]])
    legend = table(1, [["Mức xếp loại", "Tổng điểm"], *map(list, BANDS)])
    assert read_table_legend([ranking]) == []
    assert [(b.grade, b.lower, b.upper) for b in read_table_legend([ranking, legend])] == EXPECTED


def test_a_legend_of_one_sentence_with_commas_states_each_band():
    text = ("Xếp loại theo tỷ lệ điểm: loại Xuất sắc đạt từ 88% trở lên, loại Tốt từ 75% đến dưới 88%, loại Khá "
            "từ 60% đến dưới 75%, còn lại dưới 60% xếp loại Trung bình.")
    bands = [(b.grade, b.lower, b.upper, b.unit) for b in read_grade_legend([Paragraph(index=0, text=text)])]
    assert bands == [("Xuất sắc", Decimal(88), None, "percent"), ("Tốt", Decimal(75), Decimal(88), "percent"),
                     ("Khá", Decimal(60), Decimal(75), "percent"), ("Trung bình", None, Decimal(60), "percent")]
    # a list of counts by grade is no legend
    counts = "Kết quả: có 3 đơn vị xếp loại Tốt, 4 đơn vị xếp loại Khá, 1 đơn vị xếp loại Trung bình."
    assert read_grade_legend([Paragraph(index=0, text=counts)]) == []


def test_a_legend_may_name_xuat_sac_and_trung_binh_by_their_usual_abbreviations():
    text = ("Ghi chú xếp loại: XS: từ 90% trở lên; Tốt: từ 80% đến dưới 90%; Khá: từ 70% đến dưới 80%; TB: từ 50% đến "
            "dưới 70%; Yếu: dưới 50%.")
    bands = read_grade_legend([Paragraph(index=0, text=text)])
    assert [(b.grade, b.short) for b in bands] == [("Xuất sắc", "XS"), ("Tốt", None), ("Khá", None),
                                                    ("Trung bình", "TB"), ("Yếu", None)]
