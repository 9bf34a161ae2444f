"""A table continued to the right in a second table after "(tiếp theo)",
with the same "STT | Chỉ tiêu" rows, is one table: the months of both parts
and the year's total beside them. Another table that merely repeats the row
labels under the same header is not joined to the right. Figures: a province's dossiers
by month, 2025."""
from __future__ import annotations

from docx import Document

from reportgen.read import read_path
from reportgen.verify import verify_path

FIRST = [["STT", "Chỉ tiêu", "Tháng 1", "Tháng 2", "Tháng 3"],
         ["1", "Số hồ sơ tiếp nhận", "5.623", "3.226", "4.004"],
         ["2", "Số hồ sơ tiếp nhận trực tuyến", "3.197", "2.266", "2.779"],
         ["3", "Số hồ sơ giải quyết đúng hạn", "5.500", "3.100", "3.950"]]
SECOND = [["STT", "Chỉ tiêu", "Tháng 4", "Tháng 5", "Tháng 6", "Lũy kế 6 tháng"],
          ["1", "Số hồ sơ tiếp nhận", "3.607", "3.203", "5.110", "24.773"],
          ["2", "Số hồ sơ tiếp nhận trực tuyến", "1.836", "1.684", "3.078", "14.840"],
          ["3", "Số hồ sơ giải quyết đúng hạn", "3.550", "3.150", "5.000", "24.250"]]


def _docx(path, between="(tiếp theo)", second=SECOND):
    doc = Document()
    for line in ["ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "SỞ NỘI VỤ", "Số: 39/BC-SNV", "Cà Mau, ngày 08 tháng 7 năm 2025",
                 "BÁO CÁO", "Số liệu hồ sơ thủ tục hành chính 6 tháng đầu năm 2025",
                 "Số liệu tiếp nhận, giải quyết hồ sơ theo tháng như sau:"]:
        doc.add_paragraph(line)
    for k, rows in enumerate((FIRST, second)):
        if k and between:
            doc.add_paragraph(between)
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
    doc.add_paragraph("Nơi nhận:")
    doc.save(path)
    return path


def test_a_table_continued_to_the_right_is_one_table(tmp_path):
    report = read_path(_docx(tmp_path / "bc.docx"))
    (table,) = report.tables
    assert [c.label for c in table.columns] == ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
                                                "Lũy kế 6 tháng"]
    assert [r.unit for r in table.rows] == ["Số hồ sơ tiếp nhận", "Số hồ sơ tiếp nhận trực tuyến",
                                            "Số hồ sơ giải quyết đúng hạn"]


def test_the_year_s_total_over_both_parts_is_checked(tmp_path):
    result = verify_path(_docx(tmp_path / "bc.docx"))
    assert [f.code for f in result.findings if f.severity != "info" and not f.code.startswith("LAYOUT")] == []
    assert result.verdict == "ĐẠT"


def test_a_table_with_the_same_header_is_not_joined_to_the_right(tmp_path):
    same = [FIRST[0]] + [r[:2] + ["1", "2", "3"] for r in FIRST[1:]]
    report = read_path(_docx(tmp_path / "bc.docx", second=same))
    assert all([c.label for c in t.columns] == ["Tháng 1", "Tháng 2", "Tháng 3"] for t in report.tables)
