"""parsers.text: decoding, page trimming, paragraphs and the four table shapes."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from parsers import read_raw
from parsers.text import decode, strip_markdown
from reportgen.raw import RawTable, UnreadableInput

from support import SEEDS


def write(tmp_path, data: bytes, name: str = "bc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def tables(doc) -> list[RawTable]:
    return list(doc.tables)


# -- decoding ------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                           ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_unicode_files_decode_with_or_without_bom(tmp_path, encoding, bom):
    text = "BÁO CÁO\n\nKết quả đánh giá chất lượng năm 2024\n"
    doc = read_raw(write(tmp_path, bom + text.encode(encoding)))
    assert [p.text for p in doc.paragraphs] == ["BÁO CÁO", "Kết quả đánh giá chất lượng năm 2024"]


def test_windows_1258_text_is_decoded_to_nfc():
    # cp1258 writes a base letter plus a combining tone mark; the reader sees NFC.
    import unicodedata

    raw = unicodedata.normalize("NFD", "Thủ tục hành chính").encode("cp1258")
    assert decode(raw) == "Thủ tục hành chính"


def test_binary_junk_is_refused_in_vietnamese(tmp_path):
    path = write(tmp_path, os.urandom(4096), "junk.txt")
    with pytest.raises(UnreadableInput, match="không phải văn bản"):
        read_raw(path)


def test_markdown_marks_are_removed_from_paragraphs():
    assert strip_markdown("#### **I. CẤP TỈNH**") == ("I. CẤP TỈNH", {"style": "Heading 4", "bold": True})
    assert strip_markdown("(*toàn tỉnh đạt 0,1%*).")[0] == "(toàn tỉnh đạt 0,1%)."
    assert strip_markdown("(<https://dichvucong.sonla.gov.vn/>) là")[0] == "(https://dichvucong.sonla.gov.vn/) là"
    assert strip_markdown("Số _____ /BC-VPUB")[0] == "Số _____ /BC-VPUB"


# -- paragraphs ------------------------------------------------------------------------------

def test_pdf_wrapped_lines_are_joined_into_their_paragraph():
    doc = read_raw(next(SEEDS.glob("002_*.txt")))
    texts = [p.text for p in doc.paragraphs]
    assert "- 07 đơn vị xếp loại Tốt: UBND các xã: Mường Nhà, Mường Pồn, Pa Thơm, Pom Lót, Sam Mứn, " \
           "Thanh An, Thanh Yên." in texts
    assert "1.1. Các cơ quan chuyên môn thuộc UBND huyện" in texts
    assert "Lưu ý:" in texts  # the table stops before the note


def test_footnote_lines_stay_paragraphs_in_order():
    doc = read_raw(next(SEEDS.glob("000_*.txt")))
    texts = [p.text for p in doc.paragraphs]
    footnote = texts.index("¹ Không thực hiện đánh giá xếp loại đối với Ban Dân tộc và Văn phòng UBND tỉnh do "
                           "trong năm 2024 không phát sinh hồ sơ TTHC")
    assert texts[footnote - 1] == "Thực hiện đánh giá đối với 10/10 UBND cấp huyện. Kết quả:"


def test_blocks_keep_tables_between_their_paragraphs():
    doc = read_raw(next(SEEDS.glob("000_*.txt")))
    kinds = ["T" if isinstance(b, RawTable) else "P" for b in doc.blocks]
    first = kinds.index("T")
    assert doc.blocks[first - 1].text.startswith("(Kèm theo Báo cáo")
    assert kinds[first:first + 2] == ["T", "T"]  # the page break splits Phụ lục I


# -- tables -------------------------------------------------------------------------------------

def test_tab_separated_rows_become_a_grid():
    doc = read_raw(next(SEEDS.glob("000_*.txt")))
    first = tables(doc)[0]
    assert len(first.rows) == 16 and first.n_cols == 20
    assert [c.text for c in first.rows[3][:3]] == ["1", "Sở Công Thương", "4,97"]
    assert first.rows[3][0].line == 111


def test_markdown_pipe_tables_drop_the_rule_line(tmp_path):
    path = write(tmp_path, "| Stt | Nhóm | Điểm |\n|---|--|---|\n| 1 | **Công khai** | 11,1/18 |\n".encode())
    (table,) = tables(read_raw(path))
    assert table.header_rows == 1
    assert [[c.text for c in r] for r in table.rows] == [["Stt", "Nhóm", "Điểm"], ["1", "Công khai", "11,1/18"]]


def test_web_page_table_has_one_cell_per_line_and_nbsp_empty_cells():
    doc = read_raw(next(SEEDS.glob("004_*.txt")))
    appendix_iv = tables(doc)[3]
    assert len(appendix_iv.rows) == 31
    row27 = [c.text for c in appendix_iv.rows[27]]
    assert row27 == ["27", "Văn phòng UBND tỉnh - tỉnh Thừa Thiên Huế", "000.00.02.H57", "2", "", ""]


def test_web_page_navigation_is_trimmed():
    doc = read_raw(next(SEEDS.glob("004_*.txt")))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN" and "Truy cập tổng 320.067" not in texts
    assert doc.properties["skipped_lines"][0] == (1, 13)


def test_pdf_rows_are_tokenised_with_wrapped_names_and_grades():
    doc = read_raw(next(SEEDS.glob("002_*.txt")))
    (table,) = tables(doc)
    assert table.tokenised and "XẾP" in table.header_text
    texts = [[c.text for c in r] for r in table.rows]
    assert texts[0] == ["I", "CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN"]
    assert texts[4][:3] == ["4", "Phòng Lao động - Thương binh và Xã hội", "-"]
    assert texts[4][-1] == "Xuất sắc"
    assert texts[1][-1] == "Trung bình" and texts[1][-3:-1] == ["58,69/85", "69,34"]
    assert table.rows[4][0].line == 270


def test_a_whitespace_table_with_a_page_of_values_on_the_next_line(tmp_path):
    text = ("STT Tên đơn vị Chỉ số 1 (5đ) Chỉ số 2 (5đ) Tổng\n\n"
            "1 UBND xã A\n\n4 5 9\n\n"
            "2 UBND xã B 3 3 6\n\n"
            "Ghi chú: hết bảng\n")
    (table,) = tables(read_raw(write(tmp_path, text.encode())))
    assert [[c.text for c in r] for r in table.rows] == [["1", "UBND xã A", "4", "5", "9", ""],
                                                         ["2", "UBND xã B", "3", "3", "6", ""]]


def test_pdf_table_continued_after_a_repeated_header_is_one_table(tmp_path):
    from reportgen.read import read_path

    header = "STT TÊN ĐƠN VỊ\n\nChỉ số 1\n\n(5đ)\n\nChỉ số 2\n\n(5đ)\n\nTỔNG ĐIỂM\n\nXẾP LOẠI\n\n"
    text = ("Phụ lục\n\nKẾT QUẢ\n\n" + header + "1 UBND xã A 4 5 9 Tốt\n\n2 UBND xã B 3 3 6\n\nKhá\n\n"
            + header + "3 UBND xã C 1 1 2 Yếu\n\n")
    path = write(tmp_path, text.encode())
    doc = read_raw(path)
    assert len(tables(doc)) == 2 and tables(doc)[1].rows[0][0].text == "3"
    report = read_path(path)
    (table,) = report.tables
    assert [(r.no, r.unit, r.grade) for r in table.rows] == [("1", "UBND xã A", "Tốt"), ("2", "UBND xã B", "Khá"),
                                                            ("3", "UBND xã C", "Yếu")]


def test_a_csv_score_sheet_with_semicolons_is_one_table(tmp_path):
    from decimal import Decimal

    from reportgen.read import read_path

    text = ("STT;Tên đơn vị;Công khai, minh bạch;Tiến độ, kết quả giải quyết;Dịch vụ công trực tuyến;"
            "Thanh toán trực tuyến;Mức độ hài lòng;Số hóa hồ sơ;Tổng điểm\n"
            "1;Sở Tư pháp;15,5;19;10;8;17;20;89,5\n")
    (table,) = read_path(write(tmp_path, text.encode("utf-8-sig"), "diem.csv")).tables
    assert table.scheme == "qd766-2022"
    assert table.rows[0].scores["ckmb"] == Decimal("15.5") and table.rows[0].total == Decimal("89.5")


def test_tab_separated_header_and_signature_blocks_are_prose(tmp_path):
    text = ("UBND TỈNH ĐIỆN BIÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/BC-VPUB\tĐiện Biên, ngày 05 tháng 01 năm 2025\n\nBÁO CÁO\n")
    doc = read_raw(write(tmp_path, text.encode()))
    assert not tables(doc)
    assert [p.text for p in doc.paragraphs][:4] == ["UBND TỈNH ĐIỆN BIÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                     "VĂN PHÒNG", "Độc lập - Tự do - Hạnh phúc"]


def test_prose_starting_with_tt_is_not_a_table(tmp_path):
    text = ("TT Phục vụ hành chính công tỉnh đã tiếp nhận hồ sơ của tổ chức, công dân trong kỳ báo cáo.\n\n"
            "1 Sở Tư pháp 12 hồ sơ 3 hồ sơ\n\n2 Sở Y tế 5 hồ sơ 1 hồ sơ\n")
    doc = read_raw(write(tmp_path, text.encode()))
    assert not tables(doc)


def test_a_pdf_row_missing_a_cell_keeps_its_total_and_is_flagged(tmp_path):
    from decimal import Decimal

    from reportgen.read import read_path

    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    damaged = seed.replace("2 UBND xã Hẹ Muông - 4,81 - 30 10 0 0 0,4 5 5 5 60,21 70,84 Khá",
                           "2 UBND xã Hẹ Muông - 4,81 - 30 10 0 0 0,4 5 5 60,21 70,84 Khá")
    report = read_path(write(tmp_path, damaged.encode()))
    row = next(r for r in report.tables[0].rows if r.unit == "UBND xã Hẹ Muông")
    assert (row.total, row.percent, row.scores["hl2"]) == (Decimal("60.21"), Decimal("70.84"), Decimal("5"))
    assert "hl3" not in row.scores  # unknown, not "not applicable"
    (flag,) = [f for f in report.read_findings if f.code == "ROW_INCOMPLETE"]
    assert (flag.unit, flag.reported, flag.expected, flag.severity) == ("UBND xã Hẹ Muông", "12", "13", "warning")
