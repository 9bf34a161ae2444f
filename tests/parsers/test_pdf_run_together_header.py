"""A borderless table whose cells are set one right after the other,
with less than a word space between two cells (PyMuPDF's Story, HTML to
PDF): each header cell is right-aligned over its column's figures, and the
header line reads as one run of words, "Điểm tối đa Điểm tự đánh giá Điểm
thẩm định", over figures in columns well apart. Each column is headed by
the words that stand over it, cut at word boundaries, not by the whole run;
a group's title above the run ("Hồ sơ") still spans the columns it groups.
A row's right-aligned score runs into the left-aligned text of the cell
after it the same way ("38,25Báo cáo số …"): the header's gap before that
column's title shows where the score's cell ends."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw

SIZE = 10
GAP = 2.5  # points between two header cells: wider than a letter gap, narrower than a word space
ROW_H = 16


def _right_edges(start: float, labels: list[str]) -> list[float]:
    """Each column's right edge, its label ending there and starting GAP after the one before."""
    out, x = [], start
    for label in labels:
        x += GAP + stringWidth(label, FONT_NAME, SIZE)
        out.append(x)
    return out


def _page(path, group: str | None, labels: list[str], rows: list[tuple], note: str = "",
          header: bool = True) -> None:
    """The table; ``note``: the header of a last column of left-aligned text,
    set apart from the run, each row's text (a row's fourth item) set
    right after its last figure."""
    _register_fonts()
    rights = _right_edges(200, labels)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT_NAME, SIZE)
    y = A4[1] - 100
    if group:
        c.drawCentredString((rights[0] - stringWidth(labels[0], FONT_NAME, SIZE) + rights[-1]) / 2, y, group)
    if header:
        c.drawString(60, y, "STT")  # at the top of the header, down both levels when there is a group
        c.drawString(90, y, "Đơn vị")
        y -= ROW_H if group else 0
        for label, right in zip(labels, rights):  # one string per header cell, right-aligned over its column
            c.drawRightString(right, y, label)
        if note:
            c.drawString(rights[-1] + 20, y, note)
    for number, name, figures, *text in rows:
        y -= ROW_H
        c.drawString(60, y, number)
        c.drawString(90, y, name)
        for figure, right in zip(figures, rights):
            c.drawRightString(right, y, figure)
        if text:
            c.drawString(rights[-1] + GAP, y, text[0])
    c.showPage()
    c.save()


SCORES = [("1", "Xã Gia Hưng", ["45,50", "42,00", "38,25"]),
          ("2", "Xã Gia Phong", ["45,50", "40,75", "39,00"]),
          ("3", "Xã Gia Vân", ["45,50", "37,50", "36,25"])]


def test_each_column_is_headed_by_the_words_over_it(tmp_path):
    path = tmp_path / "run.pdf"
    labels = ["Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
    _page(path, None, labels, SCORES)
    (table,) = read_raw(path, {"ocr": "never"}).tables
    assert table.grid() == [["STT", "Đơn vị", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],
                            ["1", "Xã Gia Hưng", "45,50", "42,00", "38,25"],
                            ["2", "Xã Gia Phong", "45,50", "40,75", "39,00"],
                            ["3", "Xã Gia Vân", "45,50", "37,50", "36,25"]]


def test_a_group_title_above_the_run_spans_the_columns_cut_from_it(tmp_path):
    path = tmp_path / "group.pdf"
    labels = ["Tổng số hồ sơ tiếp nhận", "Hồ sơ trực tuyến", "Tỷ lệ (%)"]
    rows = [("1", "Xã Gia Hưng", ["371", "333", "89,76"]),
            ("2", "Xã Gia Phong", ["1.919", "1.494", "77,85"]),
            ("3", "Xã Gia Vân", ["338", "261", "77,22"])]
    _page(path, "Hồ sơ", labels, rows)
    (table,) = read_raw(path, {"ocr": "never"}).tables
    assert table.header_rows == 2
    assert [(c.text, c.row, c.col, c.colspan) for c in table.rows[0]] == [
        ("STT", 0, 0, 1), ("Đơn vị", 0, 1, 1), ("Hồ sơ", 0, 2, 3)]
    assert [(c.text, c.col) for c in table.rows[1]] == [
        ("Tổng số hồ sơ tiếp nhận", 2), ("Hồ sơ trực tuyến", 3), ("Tỷ lệ (%)", 4)]
    assert [c.text for c in table.rows[2]] == ["1", "Xã Gia Hưng", "371", "333", "89,76"]


def test_a_score_run_into_the_text_after_it_is_two_cells(tmp_path):
    path = tmp_path / "notes.pdf"
    labels = ["Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
    rows = [("1", "Xã Gia Hưng", ["45,50", "42,00", "38,25"], "Báo cáo số 370/BC-UBND"),
            ("2", "Xã Gia Phong", ["45,50", "40,75", "39,00"]),
            ("3", "Xã Gia Vân", ["45,50", "37,50", "6,25"], "Quyết định số 109/QĐ-UBND")]
    _page(path, None, labels, rows, note="Tài liệu kiểm chứng")
    (table,) = read_raw(path, {"ocr": "never"}).tables
    assert table.grid() == [
        ["STT", "Đơn vị", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Tài liệu kiểm chứng"],
        ["1", "Xã Gia Hưng", "45,50", "42,00", "38,25", "Báo cáo số 370/BC-UBND"],
        ["2", "Xã Gia Phong", "45,50", "40,75", "39,00", ""],
        ["3", "Xã Gia Vân", "45,50", "37,50", "6,25", "Quyết định số 109/QĐ-UBND"]]


def test_without_a_header_right_aligned_figures_run_into_text_are_two_cells(tmp_path):
    """A page of the table with no header (a continuation) where each row
    has its text: no line leaves a gap, the figures of different widths
    ending at one x show where their cells end."""
    path = tmp_path / "rest.pdf"
    labels = ["Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
    rows = [("4", "Xã Gia Lập", ["10,00", "8,75", "8,00"], "Báo cáo số 137/BC-UBND"),
            ("5", "Xã Gia Thịnh", ["2,50", "2,25", "12,25"], "Quyết định số 230/QĐ-UBND"),
            ("6", "Xã Gia Trấn", ["2,00", "2,00", "1,50"], "Thông báo số 96/TB-UBND")]
    _page(path, None, labels, rows, header=False)
    (table,) = read_raw(path, {"ocr": "never"}).tables
    assert table.grid() == [["4", "Xã Gia Lập", "10,00", "8,75", "8,00", "Báo cáo số 137/BC-UBND"],
                            ["5", "Xã Gia Thịnh", "2,50", "2,25", "12,25", "Quyết định số 230/QĐ-UBND"],
                            ["6", "Xã Gia Trấn", "2,00", "2,00", "1,50", "Thông báo số 96/TB-UBND"]]


def test_a_group_title_whose_words_line_up_with_its_columns_stays_whole(tmp_path):
    """"Mức độ" happens to end at the right edge of the first of its two
    columns and "hài lòng" at the second's: a title with header cells under
    it groups them, it is not two cells."""
    _register_fonts()
    path = tmp_path / "title.pdf"
    x = 250 - stringWidth("Mức độ", FONT_NAME, SIZE)
    rights = [250, x + stringWidth("Mức độ hài lòng", FONT_NAME, SIZE)]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT_NAME, SIZE)
    y = A4[1] - 100
    c.drawString(60, y, "STT")
    c.drawString(90, y, "Đơn vị")
    c.drawString(x, y, "Mức độ hài lòng")
    y -= ROW_H
    for label, right in zip(["Tỷ lệ", "Điểm"], rights):
        c.drawRightString(right, y, label)
    for number, name, figures in [("1", "Xã Gia Hưng", ["100,00", "18,00"]), ("2", "Xã Gia Phong", ["88,12", "15,86"]),
                                  ("3", "Xã Gia Vân", ["91,50", "16,47"])]:
        y -= ROW_H
        c.drawString(60, y, number)
        c.drawString(90, y, name)
        for figure, right in zip(figures, rights):
            c.drawRightString(right, y, figure)
    c.showPage()
    c.save()
    (table,) = read_raw(path, {"ocr": "never"}).tables
    assert [(c.text, c.col, c.colspan) for c in table.rows[0]] == [
        ("STT", 0, 1), ("Đơn vị", 1, 1), ("Mức độ hài lòng", 2, 2)]
    assert [(c.text, c.col) for c in table.rows[1]] == [("Tỷ lệ", 2), ("Điểm", 3)]
