"""A report written as HTML and printed by LibreOffice Writer/Web
(``writer_web_pdf_Export``): the letterhead and the signature are layout
tables without borders, and the data tables' CSS borders are dropped, so
every table comes out without rules and is read from its words' positions
(parsers/pdf_words.py). LibreOffice justifies the letterhead's cells and
the short lines of narrow cells, stretching their spaces far wider than a
column gap ("UBND      TỈNH      PHÚ      THỌ"), and sets the paragraphs,
titles and rows at one spacing. So:

- a stretched space (one space glyph drawn inside the gap) joins the words
  of one text: the letterhead and the signature are paragraphs, and a
  justified name ("UBND    xã / Hưng Đạo") stays one cell;
- a sentence or a title run across a table's columns ends the table, and a
  title between two tables makes them two;
- a column of names that never shares a line with its row's figures (each
  name wrapped onto the lines above and below them) is still a column,
  and a header cell that starts past a column of one-digit ranks ("Xếp" over
  "hạng quý IV") heads that column.
"""
from __future__ import annotations

import html
import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # LibreOffice is installed by scripts/setup.sh: a missing soffice fails, never skips

CSS = """@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 11pt; }
table.d { border-collapse: collapse; width: 100%; }
table.d td, table.d th { border: 0.6pt solid #000; padding: 2pt 3pt; font-size: 9.5pt; }
table.d thead { display: table-header-group; } td.n { text-align: right; }
th { font-weight: bold; text-align: center; }
table.h td { text-align: center; vertical-align: top; border: none; } p { text-align: justify; margin: 3pt 0; }
.t { text-align: center; font-weight: bold; }"""

LETTERHEAD = ("<table class='h' width='100%'><tr><td width='40%'>UBND TỈNH PHÚ THỌ<br/>SỞ NỘI VỤ<br/>"
              "Số: 123/BC-SNV</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc<br/>"
              "Phú Thọ, ngày 05 tháng 11 năm 2025</td></tr></table>")
SIGNATURE = ("<table class='h' width='100%'><tr><td width='50%'></td><td><b>KT. GIÁM ĐỐC<br/>PHÓ GIÁM ĐỐC<br/>"
             "Nguyễn Văn An</b></td></tr></table>")

# the issuer's cell (its lines justified, one space glyph drawn in each wide gap), then the motto's
LETTERHEAD_TEXTS = ["UBND TỈNH PHÚ THỌ SỞ NỘI VỤ", "Số: 123/BC-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc Phú Thọ, ngày 05 tháng 11 năm 2025"]

MOM_HEADER = ["STT", "Cơ quan, đơn vị", "Tháng 9", "Tháng 10", "Tăng/giảm", "Tỷ lệ tăng/giảm (%)"]
MOM_ROWS = [["1", "Sở Tư pháp", "1.000", "1.100", "100", "10,00"],
            ["2", "Sở Y tế", "800", "760", "-40", "-5,00"],
            ["3", "Sở Xây dựng", "500", "450", "-50", "-10,00"],
            ["", "Tổng cộng", "2.300", "2.310", "10", "0,43"]]
FEWER = "Có 02/3 đơn vị có số hồ sơ tiếp nhận giảm so với tháng trước."
MOST = ("Tăng nhiều nhất là Sở Tư pháp, tăng 100 hồ sơ; giảm nhiều nhất là Sở Xây dựng, giảm 50 hồ sơ "
        "so với tháng trước.")


def _p(text: str, title: bool = False) -> str:
    return f"<p class='t'>{html.escape(text)}</p>" if title else f"<p>{html.escape(text)}</p>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in header) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td class='{'n' if j >= 2 else ''}'>{html.escape(c)}</td>"
                                    for j, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table class='d'><thead>{head}</thead><tbody>{body}</tbody></table>"


def _lo_pdf(tmp_path, body: list[str], letterhead: str = LETTERHEAD):
    src = tmp_path / "report.html"
    src.write_text(f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{letterhead}"
                   + "".join(body) + f"{SIGNATURE}</body></html>", encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    return read_raw(tmp_path / "report.pdf")


def test_the_letterhead_sentences_and_signature_are_paragraphs_around_one_table(tmp_path):
    doc = _lo_pdf(tmp_path, [_p("BÁO CÁO", title=True),
                             _p("Tình hình tiếp nhận hồ sơ thủ tục hành chính tháng 10 năm 2025", title=True),
                             _p("Sở Nội vụ báo cáo số hồ sơ tiếp nhận tháng 10 năm 2025 của các sở như sau:"),
                             _table(MOM_HEADER, MOM_ROWS), _p(FEWER), _p(MOST)])
    tables = list(doc.tables)
    assert len(tables) == 1
    # "Tháng 10" wrapped in its header cell; the total's label in the names' column
    assert tables[0].grid(fill_spans=True) == [MOM_HEADER, *MOM_ROWS]
    assert [p.text for p in doc.paragraphs] == [
        *LETTERHEAD_TEXTS, "BÁO CÁO", "Tình hình tiếp nhận hồ sơ thủ tục hành chính tháng 10 năm 2025",
        "Sở Nội vụ báo cáo số hồ sơ tiếp nhận tháng 10 năm 2025 của các sở như sau:",
        FEWER, MOST, "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Văn An"]


GROUP_HEADER = ["STT", "Cơ quan, đơn vị", "Tỷ lệ (%)"]


def test_a_title_between_two_tables_makes_them_two(tmp_path):
    first = [["1", "Sở Khoa học và Công nghệ", "55,79", "10,04"], ["2", "Sở Y tế", "84,96", "15,29"],
             ["3", "Sở Xây dựng", "79,92", "14,39"]]
    second = [["1", "Sở Khoa học và Công nghệ", "76,74", "15,35"], ["2", "Sở Y tế", "76,11", "15,22"],
              ["3", "Sở Xây dựng", "83,34", "16,67"]]
    doc = _lo_pdf(tmp_path, [_p("1. Nhóm chỉ tiêu Công khai, minh bạch (tối đa 18 điểm)"),
                             _p("Bảng 1. Công khai, minh bạch", title=True),
                             _table([*GROUP_HEADER, "Điểm (tối đa 18)"], first),
                             _p("2. Nhóm chỉ tiêu Tiến độ giải quyết (tối đa 20 điểm)"),
                             _p("Bảng 2. Tiến độ giải quyết", title=True),
                             _table([*GROUP_HEADER, "Điểm (tối đa 20)"], second),
                             _p("Các cơ quan tiếp tục rà soát, khắc phục.")])
    tables = list(doc.tables)
    assert [t.grid(fill_spans=True) for t in tables] == [[[*GROUP_HEADER, "Điểm (tối đa 18)"], *first],
                                                          [[*GROUP_HEADER, "Điểm (tối đa 20)"], *second]]
    assert [p.text for p in doc.paragraphs] == [
        *LETTERHEAD_TEXTS, "1. Nhóm chỉ tiêu Công khai, minh bạch (tối đa 18 điểm)", "Bảng 1. Công khai, minh bạch",
        "2. Nhóm chỉ tiêu Tiến độ giải quyết (tối đa 20 điểm)", "Bảng 2. Tiến độ giải quyết",
        "Các cơ quan tiếp tục rà soát, khắc phục.", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Văn An"]
    # the blocks in reading order: each title stands before its own table
    kinds = [("T" if hasattr(b, "rows") else b.text) for b in doc.blocks]
    assert kinds[kinds.index("Bảng 1. Công khai, minh bạch") + 1] == "T"
    assert kinds[kinds.index("Bảng 2. Tiến độ giải quyết") + 1] == "T"


RANK_HEADER = ["STT", "Xã, phường", "Công khai, minh bạch (18)", "Tiến độ, kết quả giải quyết (20)",
               "Dịch vụ công trực tuyến (12)", "Thanh toán trực tuyến (10)", "Mức độ hài lòng (18)",
               "Số hóa hồ sơ (22)", "Tổng điểm", "Xếp hạng", "Xếp loại"]
RANK_ROWS = [["1", "UBND xã Hưng Đạo", "14,1", "13,1", "9,2", "8,4", "15,2", "16,2", "76,2", "1", "Khá"],
             ["2", "UBND xã Xuân Trường", "12,1", "13,5", "9,9", "6,0", "13,5", "14,8", "69,8", "2", "Trung bình"],
             ["3", "UBND xã Bình Minh", "9,8", "14,9", "7,1", "7,4", "10,0", "15,5", "64,7", "3", "Trung bình"]]


def test_names_wrapped_round_their_figures_stay_whole_in_their_column(tmp_path):
    """Eleven columns leave the names' column narrow: each name wraps over
    two or three lines ("UBND    xã" justified over "Hưng Đạo"), set
    round the line of its row's figures, never on it; the grades wrap too
    ("Trung" over "bình")."""
    doc = _lo_pdf(tmp_path, [_p("THÔNG BÁO", title=True), _p("Kết quả như sau:"),
                             _table(RANK_HEADER, RANK_ROWS), _p("Có 02/3 xã, phường xếp loại Trung bình.")])
    tables = list(doc.tables)
    assert len(tables) == 1
    assert tables[0].grid(fill_spans=True) == [RANK_HEADER, *RANK_ROWS]
    assert "Có 02/3 xã, phường xếp loại Trung bình." in [p.text for p in doc.paragraphs]


CV_HEADER = ["STT", "Đơn vị", "Số hồ sơ đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)",
             "Xếp hạng quý IV", "Xếp hạng quý III", "Tăng (+)/giảm (-) bậc"]
CV_ROWS = [["1", "UBND xã Xuân Trường", "1.712", "1.675", "97,84", "4", "10", "+6"],
           ["2", "UBND phường Minh Khai", "1.985", "1.779", "89,62", "11", "1", "-10"],
           ["3", "UBND xã Yên Thế", "1.948", "1.642", "84,29", "12", "3", "-9"],
           ["4", "UBND xã Bình Minh", "1.732", "1.710", "98,73", "2", "9", "+7"],
           ["5", "UBND xã Trường Xuân", "243", "223", "91,77", "10", "12", "+2"],
           ["6", "UBND phường Hưng Đạo", "194", "191", "98,45", "3", "11", "+8"],
           ["7", "UBND xã Thanh Sơn", "755", "706", "93,51", "9", "5", "-4"],
           ["8", "UBND phường Thạch An", "1.916", "1.865", "97,34", "6", "6", "0"],
           ["9", "UBND xã Hợp Thành", "2.314", "2.287", "98,83", "1", "4", "+3"],
           ["10", "UBND xã Đại Đồng", "565", "539", "95,40", "7", "2", "-5"],
           ["11", "UBND phường Phú Thịnh", "318", "311", "97,80", "5", "8", "+3"],
           ["12", "UBND xã Nam Tiến", "2.228", "2.120", "95,15", "8", "7", "-1"],
           ["", "Tổng cộng", "15.910", "15.048", "94,58", "", "", ""]]
CV_LETTERHEAD = ("<table class='h' width='100%'><tr><td width='40%'>UBND TỈNH HÀ TĨNH<br/>Số: 2371/UBND-KSTT</td>"
                 "<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc<br/>"
                 "Hà Tĩnh, ngày 07 tháng 01 năm 2026</td></tr></table>")


def test_a_table_over_two_pages_keeps_its_columns_where_no_name_shares_a_line_with_figures(tmp_path):
    """A công văn whose table runs onto a second page. Its names wrap
    round their row's figures ("UBND xã Xuân" / figures / "Trường"); the
    page break cuts "UBND xã Đại / Đồng", and on the second page, under
    the repeated header, no name shares a line with figures: the names'
    column is still read there (the cut name's rest, "Đồng", at its left
    and the header's "Đơn vị" centred right of it are one column). "quý IV"
    and "quý III", centred in wide cells over ranks LibreOffice sets at the
    left, each reach past the middle of the gap into the next column:
    each heads its own column; "Xếp", the cell's top line, starts past the
    ranks while "hạng" under it reaches over them: no column of its own."""
    doc = _lo_pdf(tmp_path, [_p("V/v chấn chỉnh, nâng cao tỷ lệ giải quyết hồ sơ đúng hạn quý IV năm 2025", title=True),
                             _p("Kính gửi: Chủ tịch UBND các xã, phường."),
                             _p("Theo số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, quý IV năm "
                                "2025 còn 2/12 đơn vị có tỷ lệ giải quyết hồ sơ đúng hạn dưới 90%, cụ thể như sau:"),
                             _table(CV_HEADER, CV_ROWS),
                             _p("So với quý trước, có 05/12 đơn vị giảm bậc và 06/12 đơn vị tăng bậc.")],
                  letterhead=CV_LETTERHEAD)
    tables = list(doc.tables)
    assert len(tables) == 1
    assert {c.page for row in tables[0].rows for c in row} == {1, 2}
    assert tables[0].grid(fill_spans=True) == [CV_HEADER, *CV_ROWS]
    assert "So với quý trước, có 05/12 đơn vị giảm bậc và 06/12 đơn vị tăng bậc." in [p.text for p in doc.paragraphs]
