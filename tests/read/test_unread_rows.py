"""Rows of a table typed as paragraphs (cells set apart by tabs or bars) that
no parser made a table of: their figures were checked by nothing, and the
verdict says so instead of ĐẠT."""
from __future__ import annotations

from reportgen.model import Paragraph
from reportgen.read.unread_rows import unread_rows
from reportgen.verify import verify_path

from support import write_docx_tables


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=k, text=t) for k, t in enumerate(texts)]


def test_rows_typed_with_tabs_are_unread_rows():
    found = unread_rows(_paragraphs("1. Kết quả", "1\tSở Tư pháp\t91,50\tTốt", "2\tSở Y tế\t85,20\tTốt"))
    assert found == [1, 2]


def test_the_header_lines_and_a_lone_row_are_none():
    assert unread_rows(_paragraphs("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                   "Số: 12/BC-UBND\tHà Tĩnh, ngày 05 tháng 01 năm 2026",
                                   "1\tSở Tư pháp\t91,50\tTốt")) == []


def test_a_report_whose_table_is_typed_as_paragraphs_is_not_passed(tmp_path):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["BÁO CÁO", "Kết quả năm 2025", "1. Kết quả", "STT\tĐơn vị\tĐiểm\tXếp loại",
                             "1\tSở Tư pháp\t91,50\tTốt", "2\tSở Y tế\t85,20\tTốt", "3\tSở Xây dựng\t181,75\tTốt"], [])
    result = verify_path(path)
    [f] = [f for f in result.findings if f.code == "TABLE_UNCHECKED"]
    assert (f.severity, f.paragraph) == ("warning", 4)
    assert f.message.startswith("3 đoạn văn có dạng dòng hoặc ô của một bảng (ô ngăn bằng “|” hoặc tab, chỉ gồm số, "
                                "hay các ô dính liền nhau) nhưng không đọc được thành bảng: “1 Sở Tư pháp 91,50 Tốt”")
    assert result.verdict == "CHƯA KIỂM TRA HẾT"
    assert result.ledger.to_json()["unread_rows"] == [4, 5, 6]


# A PDF's table whose cells came out one paragraph each (a browser's print with shaded rows), and a chart's
# labels (its axis and its bars): figures alone both, only the first with rows numbered 1, 2, 3 in order.
CELLS = ["1 Phường Tuy Phước 1.740", "75", "802", "863 1.737 1.043", "2 Xã Hoài Nhơn", "369", "60", "166",
         "3 Xã Hải Sơn", "740", "7", "282", "99,25", "99,16 99,32"]
CHART = ["16", "14", "14,21 13,36", "12,84 11,97", "12", "12,71", "11,92", "11,57", "10", "8", "6", "4", "2", "0"]


def test_cells_one_per_paragraph_under_numbered_rows_are_unread():
    assert unread_rows(_paragraphs("Phụ lục", *CELLS)) == list(range(1, len(CELLS) + 1))


def test_a_charts_labels_are_not_a_table():
    assert unread_rows(_paragraphs("Biểu đồ 1. Điểm các nhóm chỉ số", *CHART)) == []


def test_a_tables_cells_run_together_into_one_paragraph_are_unread():
    # a converter flattened the annex: its figures glued to the fields' names, no space between cells
    flat = ("STTLĩnh vựcSố hồ sơ tiếp nhậnSố hồ sơ đã giải quyếtTỷ lệ giải quyết đúng hạn (%)Tổng sốKỳ trước "
            "chuyển sangMới tiếp nhậnICấp huyện1Kinh tế hợp tác3473930833419413371397,902Hộ tịch7445269269831637"
            "3Đất đai120110981")
    assert unread_rows(_paragraphs("1. Kết quả", flat)) == [1]
    # references, acts and codes glue a letter to a figure now and then, never six times
    prose = ("Căn cứ Nghị định số 30/2020/NĐ-CP và Thông tư số 01/2018/TT-VPCP, Điều 5a, mẫu số 2b, phòng A3, "
             "khu B2 đã giải quyết 1.234 hồ sơ.")
    assert unread_rows(_paragraphs(prose)) == []
