"""An appendix issued as a file of its own (a decision's "Phụ lục I" ranking
the units of a provincial PAR index): the bands a note states as intervals
("80% ≤ TỐT < 90%") grade the table's units; the bounds of those bands are
rules, not claims."""
from __future__ import annotations

from decimal import Decimal

from docx import Document

from reportgen.model import Paragraph
from reportgen.read.legend import read_grade_legend
from reportgen.verify import verify_path

ROWS = [("1", "UBND phường Cửa Lò", "95,00", "86,45", "91,00%", "Xuất sắc"),
        ("2", "UBND xã Nghi Lộc", "99,00", "87,12", "88,00%", "Tốt"),
        ("3", "UBND xã Nam Đàn", "97,50", "80,93", "83,01%", "Tốt"),
        ("4", "UBND xã Anh Sơn", "99,00", "76,23", "77,00%", "Khá"),
        ("5", "UBND xã Con Cuông", "92,00", "63,48", "69,00%", "Khá"),
        ("6", "UBND xã Kỳ Sơn", "99,00", "59,40", "60,00%", "Trung bình")]
LEGEND = "Ghi chú: XUẤT SẮC ≥ 90%; 80% ≤ TỐT < 90%; 65% ≤ KHÁ < 80%; 50% ≤ TRUNG BÌNH < 65%; YẾU < 50%."
SUMMARY = ("Kết quả: có 01/6 đơn vị xếp loại Xuất sắc (chiếm 16,67%), 02/6 đơn vị xếp loại Tốt (chiếm 33,33%), "
           "02/6 đơn vị xếp loại Khá (chiếm 33,33%), 01/6 đơn vị xếp loại Trung bình (chiếm 16,67%).")


def write(path, rows=ROWS, summary=SUMMARY) -> None:
    doc = Document()
    doc.add_paragraph("Phụ lục I")
    doc.add_paragraph("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG")
    doc.add_paragraph("(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/02/2026 của UBND tỉnh Nghệ An)")
    doc.add_paragraph(summary)
    table = doc.add_table(rows=1, cols=6)
    for cell, text in zip(table.rows[0].cells, ["Thứ hạng", "Đơn vị", "Điểm tối đa", "Điểm đạt", "Chỉ số CCHC",
                                                 "Xếp loại"]):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.add_paragraph(LEGEND)
    doc.save(path)


def test_bands_written_as_intervals_are_read():
    bands = read_grade_legend([Paragraph(text=LEGEND, index=0)])
    assert [(b.grade, b.lower, b.lower_inclusive, b.upper, b.upper_inclusive) for b in bands] == [
        ("Xuất sắc", Decimal(90), True, None, False), ("Tốt", Decimal(80), True, Decimal(90), False),
        ("Khá", Decimal(65), True, Decimal(80), False), ("Trung bình", Decimal(50), True, Decimal(65), False),
        ("Yếu", None, True, Decimal(50), False)]


def test_a_grade_off_the_interval_bands_is_an_error(tmp_path):
    rows = list(ROWS)
    rows[4] = rows[4][:5] + ("Trung bình",)  # 69,00% is Khá by 65% ≤ KHÁ < 80%
    write(tmp_path / "slip.docx", rows=rows,
          summary=SUMMARY.replace("02/6 đơn vị xếp loại Khá (chiếm 33,33%), 01/6 đơn vị xếp loại Trung bình "
                                  "(chiếm 16,67%)", "01/6 đơn vị xếp loại Khá (chiếm 16,67%), 02/6 đơn vị xếp loại "
                                  "Trung bình (chiếm 33,33%)"))
    errors = [(f.code, f.unit, f.reported, f.expected) for f in verify_path(tmp_path / "slip.docx").findings
              if f.severity == "error"]
    assert errors == [("GRADE_BAND_MISMATCH", "UBND xã Con Cuông", "Trung bình", "Khá")]
