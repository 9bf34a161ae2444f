"""Layout cases for any producer, drawn with reportlab: a table whose header
ends one page and whose body, after "(Tiếp theo)", fills the next; prose set
with tab stops is prose, not a table; letter-spaced and tightly justified
words keep their spaces; a page number never joins the text."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw

HEADER = ["STT", "Đơn vị", "Điểm đạt", "Tối đa", "Xếp loại"]
XS = [60, 100, 300, 380, 450, 540]
ROW_H = 18


def _grid(c, top: float, rows: list[list[str]]) -> float:
    """A ruled table with its top edge at ``top`` (from the page top)."""
    h = A4[1]
    c.setFont(FONT_NAME, 10)
    for r, row in enumerate(rows + [None]):
        y = h - top - r * ROW_H
        c.line(XS[0], y, XS[-1], y)
        if row is None:
            break
        for j, text in enumerate(row):
            c.drawString(XS[j] + 3, y - 13, text)
    bottom = h - top - len(rows) * ROW_H
    for x in XS:
        c.line(x, h - top, x, bottom)
    return top + len(rows) * ROW_H


@pytest.fixture()
def split_pdf(tmp_path):
    _register_fonts()
    path = tmp_path / "split.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT_NAME, 12)
    for k in range(30):
        c.drawString(60, A4[1] - 60 - 20 * k, f"Dòng văn bản thứ {k + 1} của báo cáo.")
    c.drawString(60, A4[1] - 700, "Kết quả cụ thể như sau:")
    _grid(c, 720, [HEADER])
    c.setFont(FONT_NAME, 10)
    c.drawCentredString(A4[0] / 2, 30, "1")
    c.showPage()
    c.setFont(FONT_NAME, 10)
    c.drawCentredString(A4[0] / 2, A4[1] - 30, "2")
    c.setFont(FONT_NAME, 12)
    c.drawString(60, A4[1] - 60, "(Tiếp theo)")
    body = [[str(i), f"UBND xã Hòa Lạc {i}", f"{70 + i},5", "100", "Khá"] for i in range(1, 6)]
    _grid(c, 80, body)
    c.setFont(FONT_NAME, 12)
    c.drawString(60, A4[1] - 200, "Trên đây là kết quả đánh giá./.")
    c.showPage()
    c.save()
    return path


def test_header_at_the_page_foot_and_body_after_tiep_theo_are_one_table(split_pdf):
    raw = read_raw(split_pdf, {"ocr": "never"})
    (table,) = list(raw.tables)
    g = table.grid()
    assert g[0] == HEADER
    assert g[1:] == [[str(i), f"UBND xã Hòa Lạc {i}", f"{70 + i},5", "100", "Khá"] for i in range(1, 6)]
    texts = [p.text for p in raw.paragraphs]
    assert "1" not in texts and "2" not in texts
    assert texts[-1] == "Trên đây là kết quả đánh giá./."


def test_prose_with_tab_stops_is_not_a_table_and_spacing_is_read_from_the_glyphs(tmp_path):
    _register_fonts()
    path = tmp_path / "tabs.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT_NAME, 12)
    lines = [("Nơi nhận:", "KT. CHỦ TỊCH", "Ghi chú"), ("- Như trên;", "PHÓ CHỦ TỊCH", "Bản chính"),
             ("- Lưu: VT.", "Nguyễn Văn An", "Lưu hồ sơ")]
    for k, parts in enumerate(lines):
        for x, text in zip((60, 260, 440), parts):
            c.drawString(x, A4[1] - 100 - 16 * k, text)
    text = c.beginText(60, A4[1] - 200)
    text.setFont(FONT_NAME, 13)
    text.setCharSpace(3)  # letter-spaced heading: every letter 3 pt apart
    text.textLine("UBND TỈNH ĐIỆN BIÊN")
    c.drawText(text)
    text = c.beginText(60, A4[1] - 230)
    text.setFont(FONT_NAME, 13)
    text.setCharSpace(-0.4)  # tight: word spaces squeezed
    text.textLine("Sở Công Thương báo cáo kết quả")
    c.drawText(text)
    c.showPage()
    c.save()
    raw = read_raw(path, {"ocr": "never"})
    assert list(raw.tables) == []
    texts = [p.text for p in raw.paragraphs]
    assert "UBND TỈNH ĐIỆN BIÊN" in texts
    assert "Sở Công Thương báo cáo kết quả" in texts


def _rows_without_rules(c, top: float, rows: list[list[str]], leading: float = 13.0, pad: float = 8.0) -> float:
    """Rows drawn without rules, a cell's lines (``\\n``) at ``leading``,
    rows set apart by ``pad``; returns the top of the next row."""
    c.setFont(FONT_NAME, 10)
    for row in rows:
        for x, text in zip(XS, row):
            for k, line in enumerate(text.split("\n")):
                if line:
                    c.drawString(x + 3, A4[1] - top - 10 - k * leading, line)
        top += leading * max(len(t.split("\n")) for t in row) + pad
    return top


def test_rest_of_a_row_cut_by_the_page_break_under_the_repeated_header_is_that_row(tmp_path):
    """A table without rules (LibreOffice from a DOCX without borders): the
    page break cuts row 5 after its first line; on the next page the rest of
    it ("Hòa Lạc (5)", "0" of "100", "bình") stands right under the repeated
    header, in three columns like a header line. It is the rest of row 5."""
    _register_fonts()
    path = tmp_path / "cut.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    head = [["STT", "Đơn vị", "Điểm đạt", "Tối đa", "Xếp loại"]]
    body = [[str(i), f"Sở Tư pháp ({i})", f"{70 + i},5", "100", "Khá"] for i in range(1, 5)]
    top = _rows_without_rules(c, 60, head)
    _rows_without_rules(c, top, body + [["5", "UBND xã Hòa", "75,5", "10", "Trung"]])
    c.showPage()
    top = _rows_without_rules(c, 60, head)
    _rows_without_rules(c, top, [["", "Lạc (5)", "", "0", "bình"]]
                        + [[str(i), f"Sở Nội vụ ({i})", f"{70 + i},25", "100", "Tốt"] for i in range(6, 9)])
    c.showPage()
    c.save()
    raw = read_raw(path, {"ocr": "never"})
    (table,) = list(raw.tables)
    g = table.grid()
    assert table.header_rows == 1
    assert g[0] == head[0]
    assert g[1:] == body + [["5", "UBND xã Hòa Lạc (5)", "75,5", "100", "Trung bình"]] + [
        [str(i), f"Sở Nội vụ ({i})", f"{70 + i},25", "100", "Tốt"] for i in range(6, 9)]


@pytest.mark.parametrize("issuer,centres", [
    (["UBND TỈNH ĐIỆN BIÊN", "UBND HUYỆN MƯỜNG CHÀ"], (150, 410)),
    (["UBND HUYỆN MƯỜNG CHÀ"], (160, 420))])
def test_a_line_in_small_letters_after_capitals_in_a_header_column_is_a_new_paragraph(tmp_path, issuer, centres):
    """An issuer and the motto drawn centred over two columns, every line in
    one font and size (no weight tells them apart): the number after the
    issuer's capitals, and the motto's second line after its first, start
    new paragraphs, and the number is read."""
    from reportgen.read import read_path

    _register_fonts()
    path = tmp_path / "header.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1] - 60
    left = issuer + ["Số: 45/BC-UBND"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
             "Mường Chà, ngày 05 tháng 6 năm 2026"]
    for column, x in ((left, centres[0]), (right, centres[1])):
        for k, text in enumerate(column):
            c.setFont(FONT_NAME, 12 if column is right and k == 0 else 13)
            c.drawCentredString(x, top - 15 * k, text)
    c.setFont(FONT_NAME, 14)
    c.drawCentredString(A4[0] / 2, top - 90, "BÁO CÁO")
    c.showPage()
    c.save()
    texts = [p.text for p in read_raw(path, {"ocr": "never"}).paragraphs]
    assert texts[-5:] == ["Số: 45/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Mường Chà, ngày 05 tháng 6 năm 2026", "BÁO CÁO"]
    meta = read_path(path).meta
    assert (meta.number, meta.place, meta.date.isoformat()) == ("45/BC-UBND", "Mường Chà", "2026-06-05")
