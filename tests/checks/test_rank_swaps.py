"""Two ranks swapped in a short ranking table: five departments ranked by their
total, the 3rd and 4th written the other way round. Only three rows of five
keep the order, below the usual adoption rule, but the table's one result
column (Tổng điểm) is the basis its "Xếp hạng" column declares: both swapped
ranks are errors. Where no result column is the clear basis, nothing is
adopted and the ranks stay unchecked."""
from __future__ import annotations

from docx import Document

from reportgen.verify import verify_path

ROWS = [("Sở Tư pháp", "45,50", "40,25", "85,75", "2"), ("Sở Y tế", "47,00", "41,10", "88,10", "1"),
        ("Sở Xây dựng", "40,20", "35,05", "75,25", "4"), ("Sở Tài chính", "43,00", "38,15", "81,15", "3"),
        ("Sở Nội vụ", "35,40", "30,00", "65,40", "5")]
HEAD = ["STT", "Đơn vị", "Điểm thẩm định (tối đa 50)", "Điểm điều tra XHH (tối đa 50)", "Tổng điểm", "Xếp hạng"]


def write(path, ranks: dict[int, str], head: list[str] = HEAD) -> None:
    doc = Document()
    doc.add_paragraph("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ NĂM 2025")
    table = doc.add_table(rows=1, cols=len(head))
    for cell, text in zip(table.rows[0].cells, head):
        cell.text = text
    for i, row in enumerate(ROWS):
        texts = [str(i + 1), *row[:-1], ranks.get(i, row[-1])]
        for cell, text in zip(table.add_row().cells, texts):
            cell.text = text
    doc.save(path)


def ranks(path) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity, f.unit, f.reported) for f in verify_path(path).findings if f.code.startswith("RANK")]


def test_two_swapped_ranks_in_five_are_two_errors(tmp_path):
    write(tmp_path / "swap.docx", {2: "3", 3: "4"})
    assert ranks(tmp_path / "swap.docx") == [("RANK_MISMATCH", "error", "Sở Xây dựng", "3"),
                                              ("RANK_MISMATCH", "error", "Sở Tài chính", "4")]


def test_the_clean_table_has_no_rank_finding(tmp_path):
    write(tmp_path / "clean.docx", {})
    assert ranks(tmp_path / "clean.docx") == []
    assert verify_path(tmp_path / "clean.docx").verdict == "ĐẠT"


def test_without_a_result_column_a_swap_is_left_unchecked_not_guessed(tmp_path):
    head = HEAD[:4] + ["Điểm cộng thêm", "Xếp hạng"]  # no column is headed as the result
    write(tmp_path / "nobasis.docx", {2: "3", 3: "4"}, head)
    result = verify_path(tmp_path / "nobasis.docx")
    assert ranks(tmp_path / "nobasis.docx") == []
    assert result.verdict == "CHƯA KIỂM TRA HẾT"
