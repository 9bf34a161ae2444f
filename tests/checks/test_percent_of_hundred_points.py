"""A per-field table of a provincial PAR index out of 100 points (the maxima in a
row of their own under the header): its "Chỉ số (%)" writes on every unit what
its "Tổng điểm" writes. A field's points written wrong break the total's sum
once: the percent, held to the total by the ratio, is no second sum of the same
fields (one slip, one error)."""
from __future__ import annotations

from docx import Document

from reportgen.verify import verify_path

HEAD = ["TT", "Đơn vị", "Chỉ đạo điều hành", "Cải cách thể chế", "Cải cách TTHC", "Cải cách tổ chức bộ máy",
        "Cải cách chế độ công vụ", "Cải cách tài chính công", "Chính quyền điện tử, số", "Tác động của CCHC",
        "Tổng điểm", "Chỉ số (%)", "Xếp hạng"]
MAXIMA = ["", "Điểm tối đa", "12,00", "8,00", "12,50", "7,50", "10,00", "6,00", "14,00", "30,00", "100,00", "100,00",
          ""]
ROWS = [["1", "Sở Công Thương", "11,05", "7,04", "10,08", "7,33", "8,57", "5,20", "13,37", "29,73", "92,37", "92,37",
         "1"],
        ["2", "Sở Tư pháp", "10,50", "7,10", "11,00", "6,00", "8,94", "5,00", "13,29", "27,72", "89,55", "89,55", "2"],
        ["3", "Sở Y tế", "8,33", "6,21", "12,50", "5,54", "8,99", "4,06", "12,94", "27,27", "85,84", "85,84", "3"],
        ["4", "Sở Nội vụ", "9,00", "6,50", "10,00", "5,00", "8,00", "4,50", "12,00", "25,00", "80,00", "80,00", "4"],
        ["5", "Sở Tài chính", "8,00", "5,00", "9,50", "5,50", "7,00", "4,00", "11,00", "22,00", "72,00", "72,00", "5"]]


def write(path, rows) -> None:
    doc = Document()
    doc.add_paragraph("ĐIỂM ĐẠT ĐƯỢC THEO TỪNG LĨNH VỰC CỦA CHỈ SỐ CCHC NĂM 2025 CÁC SỞ, BAN, NGÀNH")
    table = doc.add_table(rows=1, cols=len(HEAD))
    for cell, text in zip(table.rows[0].cells, HEAD):
        cell.text = text
    for row in [MAXIMA, *rows]:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.save(path)


def test_a_field_written_wrong_is_one_error_at_the_total(tmp_path):
    write(tmp_path / "ok.docx", ROWS)
    assert [f.code for f in verify_path(tmp_path / "ok.docx").findings if f.severity == "error"] == []
    rows = [list(r) for r in ROWS]
    rows[2][4] = "9,50"  # Sở Y tế's Cải cách TTHC: 12,50 written 9,50
    write(tmp_path / "slip.docx", rows)
    errors = [(f.code, f.unit, f.column, f.reported, f.expected)
              for f in verify_path(tmp_path / "slip.docx").findings if f.severity == "error"]
    assert errors == [("TOTAL_MISMATCH", "Sở Y tế", "total", "85.84", "82.84")]
