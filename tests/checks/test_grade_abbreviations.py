"""A PAR-index notice whose grade column writes abbreviations the document
explains under the table ("Ghi chú: XS - Xuất sắc (từ 90 điểm trở lên); T -
Tốt …"), whose district column is merged down its communes, and whose
"Tăng/giảm" column is this year's index less last year's. The grades are read
through the legend and held to its bands, the communes (not the districts)
name the rows, and the change is held to the difference."""
from __future__ import annotations

from docx import Document

from reportgen.verify import verify_path

DISTRICTS = [("Huyện Lạc Dương", [("Xã Đạ Sar", "91,25", "88,10", "+3,15", "XS", "02"),
                                  ("Xã Đưng K'Nớ", "72,40", "75,55", "-3,15", "K", "05"),
                                  ("Thị trấn Lạc Dương", "84,60", "80,05", "+4,55", "T", "03")]),
             ("Huyện Đam Rông", [("Xã Rô Men", "66,75", "61,20", "+5,55", "K", "06"),
                                 ("Xã Liêng Srônh", "58,90", "60,00", "-1,10", "TB", "07"),
                                 ("Xã Phi Liêng", "80,00", "79,25", "+0,75", "T", "04")]),
             ("Huyện Di Linh", [("Thị trấn Di Linh", "93,50", "90,75", "+2,75", "XS", "01")])]
LEGEND = ("Ghi chú: XS - Xuất sắc (từ 90 điểm trở lên); T - Tốt (từ 80 đến dưới 90 điểm); K - Khá (từ 65 đến "
          "dưới 80 điểm); TB - Trung bình (từ 50 đến dưới 65 điểm); Y - Yếu (dưới 50 điểm).")


def write(path, *, legend: str = LEGEND, change: tuple[str, str] | None = None,
          grade: tuple[str, str] | None = None) -> None:
    doc = Document()
    doc.add_paragraph("Kết quả Chỉ số cải cách hành chính năm 2026 của UBND các xã, thị trấn")
    head = ["Huyện", "STT", "Đơn vị", "Chỉ số năm 2026 (tối đa 100)", "Chỉ số năm 2025", "Tăng/giảm", "Xếp loại",
            "Xếp hạng"]
    table = doc.add_table(rows=1, cols=len(head))
    for i, h in enumerate(head):
        table.cell(0, i).text = h
    for district, communes in DISTRICTS:
        first = len(table.rows)
        for k, (name, now, before, diff, abbr, rank) in enumerate(communes, 1):
            diff = change[1] if change and change[0] == name else diff
            abbr = grade[1] if grade and grade[0] == name else abbr
            cells = table.add_row().cells
            for i, text in enumerate(["", str(k), name, now, before, diff, abbr, rank]):
                cells[i].text = text
        table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0)).text = district
    doc.add_paragraph(legend)
    doc.save(path)


def found(path) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity, f.unit, f.reported) for f in verify_path(path).findings
            if f.severity in ("error", "warning") and not f.code.startswith("LAYOUT")]


def test_the_clean_notice_is_checked_whole(tmp_path):
    write(tmp_path / "clean.docx")
    result = verify_path(tmp_path / "clean.docx")
    assert (found(tmp_path / "clean.docx"), result.verdict) == ([], "ĐẠT")


def test_an_abbreviated_grade_is_held_to_the_legend_band(tmp_path):
    write(tmp_path / "grade.docx", grade=("Xã Phi Liêng", "K"))  # 80,00 is T
    assert found(tmp_path / "grade.docx") == [("GRADE_BAND_MISMATCH", "error", "Xã Phi Liêng", "K")]


def test_a_change_with_the_wrong_sign_is_an_error_at_its_commune(tmp_path):
    write(tmp_path / "change.docx", change=("Xã Liêng Srônh", "+1,10"))
    assert found(tmp_path / "change.docx") == [("CHANGE_COLUMN_MISMATCH", "error", "Xã Liêng Srônh", "1.10")]


def test_abbreviations_no_legend_explains_leave_the_grades_unchecked(tmp_path):
    write(tmp_path / "bare.docx", legend="Số liệu do Sở Nội vụ thẩm định.")
    result = verify_path(tmp_path / "bare.docx")
    assert (found(tmp_path / "bare.docx"), result.verdict) == (
        [("GRADE_UNREAD", "warning", "Xã Đạ Sar", "XS")], "CHƯA KIỂM TRA HẾT")
