"""A grade whose word gap a PDF's glyph spacing moved or lost ("Trun gbình",
"Xuấtsắc", as a narrow "Xếp loại" column reads) is still that grade: left as
written it was no grade, the prose's count of that grade was held to the rows
that read and gave a false GRADE_COUNT_MISMATCH (07 written, 05 read)."""
from __future__ import annotations

from reportgen.checks.relations_grade_words import grade_level
from reportgen.read.statements_grades import gapped_grade
from reportgen.verify import verify_path


def test_a_grade_with_its_gap_moved_is_read():
    assert gapped_grade("Trun gbình") == "Trung bình"
    assert gapped_grade("Xuấtsắc") == "Xuất sắc"
    assert gapped_grade("Trung bình") is None  # read as written elsewhere
    assert gapped_grade("Khá tốt") is None
    assert grade_level("Trun gbình") == (2, "Trung bình")


def test_the_prose_count_of_a_gapped_grade_agrees_with_the_table(tmp_path):
    rows = [("Sở Tư pháp", "71,50", "Khá"), ("Sở Y tế", "66,19", "Trun gbình"),
            ("Xã Yên Bình", "62,84", "Trung bình"), ("Phường Uông Bí", "83,88", "Tốt")]
    lines = ["KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
             "Kết quả: có 01/4 đơn vị đạt loại Tốt; 01 đơn vị xếp loại Khá; 02 đơn vị xếp loại Trung bình.",
             "| STT | Tên đơn vị | Tổng điểm | Xếp loại |", "|---|---|---|---|"]
    lines += [f"| {k} | {u} | {p} | {g} |" for k, (u, p, g) in enumerate(rows, 1)]
    path = tmp_path / "bc.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = verify_path(path).findings
    assert [f.code for f in findings if f.code in ("GRADE_COUNT_MISMATCH", "GRADE_UNREAD")] == []
