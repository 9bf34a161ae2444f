"""Tables set one after another, each under its own title ("Biểu 01. …",
"Biểu 02. …"), in a PDF without inner rules (reportlab) or with them
(LibreOffice), and a "Tổng cộng" row right under the last numbered row with
no padding between them: each table is read on its own, its header kept, and
the total is a row of its own — a cell never holds two figures one above the
other."""
from __future__ import annotations

import pytest
from docx import Document

from fixtures.build_pdf import reportlab_pdf
from parsers import read_raw
from parsers.legacy_office import convert

SO = [["1", "Sở Tư pháp", "91,20", "Xuất sắc"], ["2", "Sở Xây dựng", "78,35", "Khá"],
      ["3", "Sở Y tế", "85,60", "Tốt"], ["4", "Sở Nội vụ", "88,05", "Tốt"]]
XA = [["1", "Xã Tân Hà", "92,10", "Xuất sắc"], ["2", "Xã Đinh Văn", "86,20", "Tốt"],
      ["3", "Xã Phú Sơn", "74,10", "Khá"], ["4", "Xã Tà Năng", "47,80", "Yếu"],
      ["5", "Xã Lộc An", "69,30", "Trung bình"]]
SHARES = [["1", "Cấp tỉnh", "25,00", "50,00", "25,00", "0,00"], ["2", "Cấp xã", "20,00", "20,00", "20,00", "20,00"],
          ["", "Tổng cộng", "22,22", "33,33", "22,22", "11,11"]]
HEAD = ["STT", "Đơn vị", "Điểm", "Xếp loại"]
SHARES_HEAD = ["STT", "Cấp", "Xuất sắc", "Tốt", "Khá", "Yếu"]


def _docx(path) -> None:
    doc = Document()
    for title, head, rows in (("Biểu 01. KẾT QUẢ CÁC SỞ, BAN, NGÀNH", HEAD, SO), ("Biểu 02. KẾT QUẢ CẤP XÃ", HEAD, XA),
                              ("Biểu 03. TỶ LỆ ĐƠN VỊ THEO XẾP LOẠI (%)", SHARES_HEAD, SHARES)):
        doc.add_paragraph(title)
        table = doc.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    doc.add_paragraph("Nơi nhận:")
    doc.save(path)


@pytest.mark.parametrize("producer", ["libreoffice", "reportlab"])
def test_each_titled_table_is_read_whole_and_apart(tmp_path, producer):
    _docx(tmp_path / "t.docx")
    pdf = (convert(tmp_path / "t.docx", "pdf", tmp_path) if producer == "libreoffice"
           else reportlab_pdf(tmp_path / "t.docx", tmp_path / "t.rl.pdf"))
    assert [t.grid() for t in read_raw(pdf).tables] == [[HEAD, *SO], [HEAD, *XA], [SHARES_HEAD, *SHARES]]


SURVEY_HEAD = ["STT", "Cơ quan", "Tổng số lượt đánh giá", "Rất hài lòng", "Hài lòng", "Không hài lòng"]
SURVEY = [["", "Tổng cộng", "8.998", "8.283", "661", "54"],
          ["1", "Sở Tư pháp", "1.520", "1.402", "110", "8"],
          ["2", "Sở Xây dựng", "2.386", "2.011", "352", "23"],
          ["3", "Công an tỉnh", "5.092", "4.870", "199", "23"]]


@pytest.mark.parametrize("producer", ["libreoffice", "reportlab"])
def test_a_total_row_set_first_under_the_header_is_a_row_not_part_of_the_header(tmp_path, producer):
    """Before, without rules the body began at the first numbered row, and the "Tổng cộng" row
    above it joined the header: the columns were named "Tổng số lượt đánh giá 8.998" and the
    totals were never checked."""
    doc = Document()
    doc.add_paragraph("Biểu 01. KẾT QUẢ ĐÁNH GIÁ THEO CƠ QUAN")
    table = doc.add_table(rows=1, cols=len(SURVEY_HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, SURVEY_HEAD):
        cell.text = text
    for row in SURVEY:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.add_paragraph("Nơi nhận:")
    doc.save(tmp_path / "s.docx")
    pdf = (convert(tmp_path / "s.docx", "pdf", tmp_path) if producer == "libreoffice"
           else reportlab_pdf(tmp_path / "s.docx", tmp_path / "s.rl.pdf"))
    assert [t.grid() for t in read_raw(pdf).tables] == [[SURVEY_HEAD, *SURVEY]]
