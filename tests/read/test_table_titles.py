"""A table's title is the heading above it; a note in parentheses between the
two ("(Kèm theo Báo cáo số …)", "(Đơn vị tính: điểm)") is no title."""
from __future__ import annotations

from docx import Document

from reportgen.read import read_path

ROWS = [("1", "Sở Tư pháp", "93,01"), ("2", "Sở Y tế", "88,40"), ("3", "Sở Xây dựng", "78,80")]


def _sheet(tmp_path, lines: list[str]):
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1 + len(ROWS), cols=3)
    for j, text in enumerate(["STT", "Tên cơ quan, đơn vị", "Chỉ số (%)"]):
        table.cell(0, j).text = text
    for i, row in enumerate(ROWS, 1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "bang.docx"
    doc.save(path)
    return read_path(path)


def test_attachment_note_under_the_title_is_passed_over(tmp_path):
    report = _sheet(tmp_path, ["BẢNG TỔNG HỢP CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
                               "(Kèm theo Báo cáo số 215/BC-SNV ngày 12/11/2025 của Sở Nội vụ)"])
    assert [t.title for t in report.tables] == ["BẢNG TỔNG HỢP CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"]


def test_two_notes_are_passed_over(tmp_path):
    report = _sheet(tmp_path, ["KẾT QUẢ CHỈ SỐ CỦA CÁC SỞ, NGÀNH",
                               "(Kèm theo Báo cáo số 215/BC-SNV ngày 12/11/2025)", "(Đơn vị tính: %)"])
    assert [t.title for t in report.tables] == ["KẾT QUẢ CHỈ SỐ CỦA CÁC SỞ, NGÀNH"]


def test_a_lone_note_is_still_the_title(tmp_path):
    report = _sheet(tmp_path, ["(Kèm theo Báo cáo số 215/BC-SNV ngày 12/11/2025 của Sở Nội vụ)"])
    assert [t.title for t in report.tables] == ["(Kèm theo Báo cáo số 215/BC-SNV ngày 12/11/2025 của Sở Nội vụ)"]
