"""An appendix issued as a file of its own (a decision's "Phụ lục I" ranking
the units of a provincial PAR index): its first block is "Phụ lục I", then its
title, then the notes and summary lines around the table. Those lines are its
body: a count of units by grade is a claim held to the table, and the bands a
note states as intervals ("80% ≤ TỐT < 90%") grade the table's units; the
bounds of those bands are rules, not claims."""
from __future__ import annotations

from decimal import Decimal

from docx import Document

from reportgen.model import Paragraph
from reportgen.read import read_path
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


def test_the_prose_of_a_standalone_appendix_is_read_and_checked(tmp_path):
    write(tmp_path / "ok.docx")
    report = read_path(tmp_path / "ok.docx")
    counts = [(st.grade, st.count) for st in report.statements if st.kind == "grade_count"]
    assert counts == [("Xuất sắc", 1), ("Tốt", 2), ("Khá", 2), ("Trung bình", 1)]
    assert [st.text for st in report.statements if st.kind == "period"] == [
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG"]
    result = verify_path(tmp_path / "ok.docx")
    assert [f.code for f in result.findings if f.severity != "info" and not f.code.startswith("LAYOUT")] == []
    slip = SUMMARY.replace("02/6 đơn vị xếp loại Khá (chiếm 33,33%)", "02/6 đơn vị xếp loại Khá (chiếm 30,33%)")
    write(tmp_path / "slip.docx", summary=slip)
    errors = [(f.code, f.reported) for f in verify_path(tmp_path / "slip.docx").findings if f.severity == "error"]
    assert errors == [("PERCENT_MISMATCH", "30.33")]


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


def write_groups(path, heads: tuple[str, str]) -> None:
    doc = Document()
    doc.add_paragraph("Phụ lục I")
    doc.add_paragraph("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH")
    doc.add_paragraph("(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/02/2026 của UBND tỉnh Hà Tĩnh)")
    groups = ([("1", "Sở Tư pháp", "89,00", "80,10", "90,00%", "Tốt"),
               ("2", "Sở Nội vụ", "87,00", "73,95", "85,00%", "Tốt"),
               ("3", "Sở Y tế", "90,00", "67,50", "75,00%", "Khá"),
               ("4", "Sở Xây dựng", "88,00", "61,60", "70,00%", "Khá")],
              [("1", "Thanh tra tỉnh", "81,00", "64,80", "80,00%", "Tốt")])
    for head, rows in zip(heads, groups):
        doc.add_paragraph(head)
        table = doc.add_table(rows=1, cols=6)
        for cell, text in zip(table.rows[0].cells, ["Thứ hạng", "Đơn vị", "Điểm tối đa", "Điểm đạt", "Chỉ số",
                                                     "Xếp loại"]):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    doc.save(path)


def test_group_headings_count_the_units_of_their_tables(tmp_path):
    """"1. Nhóm 1: … (04/05 đơn vị)" over a table of 4 units, "2. Nhóm 2: … (01/05
    đơn vị)" over one: both claims checked; a heading that says 03 is the slip."""
    heads = ("1. Nhóm 1: Các cơ quan được đánh giá, xếp loại và xếp hạng (04/05 đơn vị)",
             "2. Nhóm 2: Các cơ quan được đánh giá, xếp loại nhưng không xếp hạng (01/05 đơn vị)")
    write_groups(tmp_path / "ok.docx", heads)
    result = verify_path(tmp_path / "ok.docx")
    assert [f.code for f in result.findings if f.severity == "error" or f.code == "CLAIM_UNCHECKED"] == []
    write_groups(tmp_path / "slip.docx", (heads[0].replace("04/05", "03/05"), heads[1]))
    errors = [(f.code, f.paragraph, f.reported, f.expected) for f in verify_path(tmp_path / "slip.docx").findings
              if f.severity == "error"]
    assert errors == [("EVALUATED_COUNT_MISMATCH", 3, "3", "4")]


def test_counts_by_grade_are_of_the_units_not_of_the_statistics_rows(tmp_path):
    """"Chỉ số cao nhất | Chỉ số cao nhất | … | 91,00%" under the units is no unit:
    "01/6 … Xuất sắc" and "01/6 … Trung bình" are counts of the 6 graded rows, both checked,
    whether the table writes "TRUNG BÌNH" or "Trung bình"."""
    rows = [row[:5] + (row[5].upper(),) for row in ROWS]
    rows += [("Chỉ số cao nhất", "Chỉ số cao nhất", "", "", "91,00%", ""),
             ("Chỉ số trung bình", "Chỉ số trung bình", "", "", "78,00%", ""),
             ("Chỉ số thấp nhất", "Chỉ số thấp nhất", "", "", "60,00%", "")]
    write(tmp_path / "ok.docx", rows=rows)
    findings = verify_path(tmp_path / "ok.docx").findings
    assert [f.code for f in findings if f.severity == "error" or f.code == "CLAIM_UNCHECKED"] == []
    slip = SUMMARY.replace("01/6 đơn vị xếp loại Trung bình (chiếm 16,67%)",
                           "02/6 đơn vị xếp loại Trung bình (chiếm 33,33%)")
    write(tmp_path / "slip.docx", rows=rows, summary=slip)
    errors = [(f.code, f.reported, f.expected) for f in verify_path(tmp_path / "slip.docx").findings
              if f.severity == "error"]
    assert errors == [("GRADE_COUNT_MISMATCH", "2", "1")]


def test_a_count_by_grade_written_wrong_beside_its_right_share_is_one_error(tmp_path):
    """"03/6 đơn vị xếp loại Khá (chiếm 33,33%)" where the table has 2 Khá of 6: the
    count is the slip (2 / 6 = 33,33% as written); the share's own error, 3 / 6 is not
    33,33%, is its consequence, named in the count's error."""
    slip = SUMMARY.replace("02/6 đơn vị xếp loại Khá", "03/6 đơn vị xếp loại Khá")
    write(tmp_path / "slip.docx", summary=slip)
    errors = [f for f in verify_path(tmp_path / "slip.docx").findings if f.severity == "error"]
    assert [(f.code, f.reported, f.expected) for f in errors] == [("GRADE_COUNT_MISMATCH", "3", "2")]
    assert "kéo theo: PERCENT_MISMATCH" in errors[0].message
