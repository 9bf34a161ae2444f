"""Grades written in the wording a shipped scheme gives them ("Hoàn thành tốt
nhiệm vụ" is Tốt in TT 01/2018) are grades in any table, bound to that
scheme or not: a table of departments' points and such grades is checked
against the bands the document states in the same wording."""
from __future__ import annotations

from decimal import Decimal

from docx import Document

from reportgen.verify import verify_path

DEPARTMENTS = [("Sở Tư pháp", "93.40"), ("Sở Xây dựng", "86.15"), ("Sở Công Thương", "78.60"), ("Sở Y tế", "91.05"),
               ("Sở Tài chính", "71.30"), ("Sở Nội vụ", "84.75"), ("Sở Giáo dục và Đào tạo", "64.20")]
LEGEND = ("Mức xếp loại: Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm trở lên; Hoàn thành tốt nhiệm vụ: từ 80 đến dưới "
          "90 điểm; Hoàn thành khá nhiệm vụ: từ 70 đến dưới 80 điểm; Hoàn thành trung bình nhiệm vụ: từ 50 đến dưới "
          "70 điểm; Không hoàn thành nhiệm vụ: dưới 50 điểm.")


def grade(points: Decimal) -> str:
    return ("Hoàn thành xuất sắc nhiệm vụ" if points >= 90 else "Hoàn thành tốt nhiệm vụ" if points >= 80
            else "Hoàn thành khá nhiệm vụ" if points >= 70 else "Hoàn thành trung bình nhiệm vụ" if points >= 50
            else "Không hoàn thành nhiệm vụ")


def write(path, *, slip: str | None = None) -> None:
    doc = Document()
    for text in ("BÁO CÁO", "Kết quả đánh giá công tác cải cách hành chính năm 2026 của các sở, ngành", LEGEND,
                 "KẾT QUẢ ĐÁNH GIÁ CÁC SỞ, NGÀNH NĂM 2026"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=4)
    for i, head in enumerate(["STT", "Cơ quan", "Điểm đạt được", "Xếp loại"]):
        table.cell(0, i).text = head
    for k, (name, points) in enumerate(DEPARTMENTS, 1):
        written = slip if slip and name == "Sở Công Thương" else grade(Decimal(points))
        for cell, text in zip(table.add_row().cells, [str(k), name, points.replace(".", ","), written]):
            cell.text = text
    doc.save(path)


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_grades_in_the_documents_wording_agree_with_its_bands(tmp_path):
    write(tmp_path / "clean.docx")
    assert errors(tmp_path / "clean.docx") == []


def test_a_grade_above_its_band_is_an_error_in_the_documents_wording(tmp_path):
    write(tmp_path / "slip.docx", slip="Hoàn thành tốt nhiệm vụ")
    assert errors(tmp_path / "slip.docx") == [("GRADE_BAND_MISMATCH", "Sở Công Thương", "Hoàn thành tốt nhiệm vụ",
                                               "Hoàn thành khá nhiệm vụ")]
