"""How the words and the ink of a scanned table's cells make its text
(parsers/ocr_cells.py, ocr_numbers.py, ocr_page.py): the misreadings the
seeds' ruled scans showed, each made a rule."""
from __future__ import annotations

import numpy as np

from fixtures.build_pdf import _font_file
from parsers.ocr_cells import visual_lines, words_text
from parsers.ocr_numbers import _rebuilt, restore_separators, separator_marks
from parsers.ocr_page import _number_columns
from parsers.ocr_votes import _letters_kept, _reread
from reportgen.raw import RawCell, RawTable

DPI = 300


def _w(text, x0, top, x1, bottom, conf=95.0):
    return {"text": text, "conf": conf, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def test_a_wrapped_cell_keeps_its_words_in_reading_order():
    """Seed 004's 'UBND thành phố / Huế - tỉnh Thừa / Thiên Huế' came out
    'Huế tỉnh Thừa - Thiên Huế': the dash and 'vụ' sit lower than 'Thừa',
    whose tone mark reaches higher, so a tolerance around one word's middle
    cut the line in two."""
    ws = [_w("UBND", 10, 12, 90, 40), _w("thành", 100, 8, 170, 40), _w("phố", 180, 8, 230, 48),
          _w("Huế", 10, 58, 60, 86), _w("-", 70, 74, 80, 77), _w("tỉnh", 90, 56, 140, 86),
          _w("Thừa", 150, 52, 210, 86), _w("Thiên", 10, 104, 80, 132), _w("Huế", 90, 104, 140, 132)]
    assert [[w["text"] for w in ln] for ln in visual_lines(ws)] == [
        ["UBND", "thành", "phố"], ["Huế", "-", "tỉnh", "Thừa"], ["Thiên", "Huế"]]
    assert words_text(ws) == ("UBND thành phố Huế - tỉnh Thừa Thiên Huế", 95.0)
    vu = [_w("Sở", 10, 8, 40, 36), _w("Nội", 50, 6, 90, 36), _w("vụ", 100, 18, 130, 42),
          _w("-", 140, 24, 150, 27), _w("tỉnh", 160, 6, 210, 36), _w("Thừa", 10, 50, 70, 82)]
    assert words_text(vu)[0] == "Sở Nội vụ - tỉnh Thừa"


def _drawn(text: str):
    """``text`` (lines apart by '\\n') drawn at 12 pt, 300 dpi; its ink with
    a margin."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_file(), size=round(12 * DPI / 72))
    img = Image.new("L", (700, 400), 255)
    draw = ImageDraw.Draw(img)
    draw.multiline_text((40, 40), text, font=font, fill=0)
    x0, y0, x1, y1 = draw.multiline_textbbox((40, 40), text, font=font)
    return np.asarray(img)[y0 - 12:y1 + 12, x0 - 12:x1 + 12]


def test_the_comma_of_an_x_y_cell_wrapped_over_two_lines_is_placed_from_its_own_line():
    """Seed 000's 'Tổng điểm / Tối đa' cells wrap after the slash: '88,9/'
    over '94'; the page reading lost the comma ('889/94')."""
    crop = _drawn("88,9/\n94")
    assert separator_marks(crop) == (6, [2])  # 8 8 9 / 9 4, a mark after two of them
    assert _rebuilt("889/94", separator_marks(crop), ",") == "88,9/94"
    assert separator_marks(_drawn("36/\n37")) == (5, [])


def _table(texts: list[str], images: list) -> tuple[RawTable, np.ndarray]:
    """One column of cells read as ``texts`` over their drawn ``images``
    stacked on one page."""
    height = sum(im.shape[0] + 20 for im in images)
    page = np.full((height, max(im.shape[1] for im in images) + 20), 255, dtype=np.uint8)
    rows, y = [], 0
    scale = 72 / DPI
    for r, (text, im) in enumerate(zip(texts, images)):
        page[y + 10:y + 10 + im.shape[0], 10:10 + im.shape[1]] = im
        box = (10 * scale, (y + 10) * scale, (10 + im.shape[1]) * scale, (y + 10 + im.shape[0]) * scale)
        rows.append([RawCell(text=text, row=r, col=0, bbox=box, confidence=93.0)])
        y += im.shape[0] + 20
    return RawTable(index=0, rows=rows), page


def test_an_x_y_column_that_lost_every_comma_gets_them_back_from_the_ink():
    """No cell of the column was read with its comma, so nothing said the
    column holds decimals; its slashes do, and the ink places each comma
    (a cell without one stays as read)."""
    drawn = ["84,5/94", "70,49/78", "36/37"]
    table, page = _table(["845/94", "7049/78", "36/37"], [_drawn(t) for t in drawn])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 2
    assert [(row[0].text, row[0].confidence) for row in table.rows] == [
        ("84,5/94", 93.0), ("70,49/78", 93.0), ("36/37", 93.0)]


def test_a_few_decimals_in_a_column_of_whole_scores_are_enough_to_look_at_the_ink():
    """Seed 000's 'Chỉ số 4 (6đ)' column: mostly 6 and -, '4,74' and
    '3,91' read with their comma, '0,84' read '084' and '4,2' read '42'."""
    drawn = ["6", "4,74", "0,84", "6", "4,2", "6", "3,91"]
    read = ["6", "4,74", "084", "6", "42", "6", "3,91"]
    table, page = _table(read, [_drawn(t) for t in drawn])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 2
    assert [row[0].text for row in table.rows] == drawn
    whole = ["6", "42", "6", "18"]  # no decimal anywhere: the ink is not searched
    table, page = _table(whole, [_drawn(t) for t in whole])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 0


def test_two_whole_readings_of_a_code_outvote_the_digits_only_reading_that_drops_its_letter():
    """Seed 004's '000.00.36.H57' (a unit's code): read so twice, and
    '000.00.36.57' by the digits-only reading, which has no 'H' to read."""
    assert _letters_kept("000.00.36.H57", "000.00.36.H57", "000.00.36.57")
    assert not _letters_kept("4,B1", "4,B1", "4,81")  # the digits say another number: a misread 8
    assert not _letters_kept("000.00.36.H57", "000.00.36.557", "000.00.36.57")  # no agreement
    assert not _letters_kept("4,81", "4,81", "4,81")  # no letter: the number rules apply


def test_a_number_column_is_judged_below_its_header():
    """Seed 000's column 'Chỉ số 4 (6đ)' under a group header: 14 cells
    '6' and 3 read '§'; with the two header cells 14 of 19 readings were
    numbers, below the 4 in 5 asked, so no '§' was read again."""
    cells, found = [], {}

    def cell(r, c, text):
        found[len(cells)] = [_w(t, 0, 0, 10, 10) for t in text.split()] if text else []
        cells.append((r, c, 1, 1, (0, 0, 0, 0)))

    cell(0, 0, "STT"), cell(0, 1, "Nhóm công khai"), cell(1, 1, "Chỉ số 4 (6đ)")
    for r in range(2, 19):
        cell(r, 0, str(r - 1))
        cell(r, 1, "§" if r in (5, 9, 13) else "6")
    assert _number_columns(cells, found) == ({0, 1}, 2)  # the body starts at row 2
    words = {0: ["Sở Tư pháp"], 1: ["Sở Y tế"], 2: ["Thanh tra tỉnh"], 3: ["UBND xã Mường Lói"]}
    cells, found = [], {}
    for r, (name,) in words.items():
        cell(r, 0, str(r + 1)), cell(r, 1, name)
    assert _number_columns(cells, found) == ({0}, 0)  # names are no numbers


def test_reread_keeps_a_code_with_a_letter(monkeypatch):
    """:func:`_reread` with the three readings of seed 004's code cell."""
    import parsers.ocr_votes as op

    readings = {False: {0: ("000.00.36.H57", 91.0)}, True: {0: ("000.00.36.57", 96.0)}}
    monkeypatch.setattr(op, "stacked", lambda crops, digits=False: readings[digits])
    assert _reread({0: None}, {0: ("000.00.36.H57", 84.0)}) == {0: ("000.00.36.H57", 91.0)}


def test_a_short_word_over_blank_paper_is_nothing_and_a_bar_is_a_dash():
    """Corpus table 10's scan without rules: 'Ð' (confidence 34) read where
    the noise was cleaned off made a column of its own on page 2; the dash
    of an empty score, read '-' at 45 or '_' at 34, was dropped as a speck."""
    from parsers.ocr_page import _inked

    page = np.full((200, 400), 255, dtype=np.uint8)
    page[100:105, 50:62] = 0  # a dash: 12 × 5 px
    page[100:140, 200:204] = 0  # a vertical stroke, no dash
    ghost = _w("Ð", 300, 80, 305, 140, conf=34.0)
    dash = _w("_", 50, 98, 62, 104, conf=34.0)
    stroke = _w("|", 200, 100, 204, 140, conf=40.0)
    assert not _inked(ghost, page)
    assert _inked(dash, page) and (dash["text"], dash["conf"]) == ("-", 95.0)
    assert _inked(stroke, page) and stroke["text"] == "|"  # kept as read: not a bar
    assert _inked(_w("Thanh", 0, 0, 10, 10), page)  # a long word is not looked at


def test_digits_the_scan_ran_together_count_by_their_width():
    """Seed 000's '0,84' read '084': the scan joined '8' and '4' into one
    blob, so the glyphs seemed two for three digits and the comma was not
    placed."""
    crop = _drawn("0,84")
    joined = crop.copy()
    ink_cols = np.where((crop < 128).any(axis=0))[0]
    gaps = [x for x in range(ink_cols[0], ink_cols[-1]) if not (crop[:, x] < 128).any()]
    joined[crop.shape[0] // 2, gaps[-1] - 2:gaps[-1] + 3] = 0  # a bridge between the 8 and the 4
    assert separator_marks(crop) == (3, [1])
    assert separator_marks(joined) == (3, [1])
    assert _rebuilt("084", separator_marks(joined), ",") == "0,84"
    assert separator_marks(_drawn("1")) == (1, [])  # a narrow digit is one


def test_a_number_no_writer_sets_is_looked_at_in_a_column_of_whole_numbers():
    """Seed 000's table goes on over a page where its 'Chỉ số 19 (6đ)'
    column shows only 6s and '576' (5,76); a leading zero ('084') is no
    whole number either. A point written among whole numbers stays
    (seed 002 writes '8.32')."""
    drawn = ["6", "6", "5,76", "6", "0,84"]
    read = ["6", "6", "576", "6", "084"]
    table, page = _table(read, [_drawn(t) for t in drawn])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 2
    assert [row[0].text for row in table.rows] == drawn
    kept = ["8", "7,5", "8.32", "9", "6"]
    table, page = _table(kept, [_drawn(t) for t in kept])
    restore_separators(table, page, 72 / DPI, ruled=False)
    assert [row[0].text for row in table.rows] == kept


def test_a_reading_without_a_letter_or_digit_is_read_again():
    """Seed 000's lone '6' read '§' (confidence 69-77) in a column where a
    third of the page's cells were so read: not judged a number column."""
    from parsers.ocr_page import _doubtful

    assert _doubtful("§", 76.7, False)
    assert _doubtful("-.", 96.0, False)
    assert not _doubtful("-", 95.0, False)  # an empty score's dash
    assert not _doubtful("Xuất sắc", 70.0, False)


def test_a_minus_read_from_a_speck_is_dropped_and_a_drawn_one_kept():
    """Seed 000's '6' with a speck of the scan at its lower left read '-6'."""
    from parsers.ocr_numbers import drop_stray_signs

    speck = _drawn("6").copy()
    speck = np.pad(speck, ((0, 0), (30, 0)), constant_values=255)
    speck[-16:-12, 4:8] = 0  # a 4 × 4 speck
    table, page = _table(["-6", "-0,5"], [speck, _drawn("-0,5")])
    assert drop_stray_signs(table, page, 72 / DPI, ruled=False) == 1
    assert [row[0].text for row in table.rows] == ["6", "-0,5"]


def test_the_wrapped_end_of_an_x_y_cell_joins_its_row():
    """Corpus table 4's scan without rules: '78,73/119' and 'Trung bình'
    wrapped, their rest ('9', 'bình') read as a row of their own; the digit
    kept it from being joined as wrapped lines."""
    from parsers.ocr_aligned import _join_wrapped_rows

    def cell(col, text, box):
        return RawCell(text=text, row=0, col=col, bbox=box, confidence=90.0)

    rows = [[cell(0, "20", (40, 185, 48, 193)), cell(1, "UBND xã Thanh", (71, 185, 130, 193)),
             cell(11, "78,73/11", (550, 185, 590, 193)), cell(12, "Trung", (615, 185, 640, 193))],
            [cell(1, "Xương", (71, 199, 99, 207)), cell(11, "9", (564, 199, 569, 207)),
             cell(12, "bình", (615, 199, 633, 207))],
            [cell(0, "21", (40, 222, 48, 230)), cell(1, "Thanh tra tỉnh", (71, 222, 130, 230)),
             cell(11, "83", (550, 222, 560, 230)), cell(12, "Khá", (615, 222, 633, 230))],
            [cell(11, "5", (564, 236, 569, 243))]]  # a number under a whole number: a row of its own
    table = RawTable(index=0, rows=rows)
    _join_wrapped_rows(table, size=7.44)
    assert [[c.text for c in row] for row in table.rows] == [
        ["20", "UBND xã Thanh Xương", "78,73/119", "Trung bình"], ["21", "Thanh tra tỉnh", "83", "Khá"], ["5"]]


def test_syllables_run_together_inside_a_word_get_their_spaces():
    from parsers.vi_plausibility import spaced

    assert spaced("SởYtế(52)") == "Sở Y tế (52)"  # and the space before the bracket
    assert spaced("SởYtế-tỉnh Thừa Thiên Huế") == "Sở Y tế-tỉnh Thừa Thiên Huế"
    assert spaced("UBND-KSTT 3,5/10") == "UBND-KSTT 3,5/10"  # acronyms and numbers as written


def test_the_fraction_slash_tesseract_reads_is_the_slash():
    from parsers.ocr_cells import OCR_MARKS

    assert "82,45⁄11".translate(OCR_MARKS) == "82,45/11"


def test_specks_read_into_cells_are_taken_out():
    """Marks the corpus scans read beside figures ('6,3.', '.11,9',
    '4,28._', '19.', a cell's rule after '4-'), between words ('Trung . bình') and for the dash of
    an empty score in a column of figures ('ˆ', '¬')."""
    from parsers.ocr_numbers import tidy_marks

    figures = ["6,3.", ".11,9", "4,28._", "19.", "-.", "ˆ", "8", "-", "-0,5", "71,1/101", "12%", "4-"]
    words = ["Trung . bình", "Trung bình _", "Sở Lao động - Thương binh", "Tốt"]
    rows = [[RawCell(text=t, row=i, col=0, confidence=90.0)] for i, t in enumerate(figures)]
    rows += [[RawCell(text=t, row=len(rows) + i, col=1, confidence=90.0)] for i, t in enumerate(words)]
    table = RawTable(index=0, rows=rows)
    assert tidy_marks(table) == 9
    assert [(c.text, c.confidence) for row in table.rows for c in row] == [
        ("6,3", 90.0), ("11,9", 90.0), ("4,28", 90.0), ("19", 90.0), ("-", 90.0), ("-", 50.0), ("8", 90.0),
        ("-", 90.0), ("-0,5", 90.0), ("71,1/101", 90.0), ("12%", 90.0), ("4", 90.0),
        ("Trung bình", 90.0), ("Trung bình", 90.0), ("Sở Lao động - Thương binh", 90.0), ("Tốt", 90.0)]
    listed = RawTable(index=0, rows=[[RawCell(text=t, row=i, col=0, confidence=90.0)]
                                     for i, t in enumerate(["1.", "1.", "1.", "1"])])
    assert tidy_marks(listed) == 0  # seed 004's appendix II numbers its rows '1.': written so


def test_a_header_word_agreed_by_two_readings_is_not_made_a_digit(monkeypatch):
    """Corpus table 11's scan: its header cell 'TT' read again came out
    'TT' twice and '1' digits-only, and the '1' won: the header then passed
    for body row 1. In a number column's body the digits still win ('k)'
    for a 5)."""
    import parsers.ocr_votes as op

    readings = {False: {0: ("TT", 91.0), 1: ("k)", 80.0)}, True: {0: ("1", 90.0), 1: ("5", 93.0)}}
    monkeypatch.setattr(op, "stacked", lambda crops, digits=False: readings[digits])
    got = _reread({0: None, 1: None}, {0: ("TT", 70.0), 1: ("k)", 60.0)}, words_at={0})
    assert got[0] == ("TT", 91.0)
    assert got[1][0] == "5" and got[1][1] <= 50.0  # taken, and flagged


def test_only_a_page_with_an_image_is_parsed_up_front_for_the_ocr_prefetch(tmp_path):
    """The OCR prefetch parsed every page of a text PDF before reading it (a
    tenth of the reading time); a page's resources tell whether it holds an
    image at all."""
    import pdfplumber
    from PIL import Image
    from reportlab.pdfgen import canvas

    from parsers.pdf import _image_xobject

    text = tmp_path / "text.pdf"
    c = canvas.Canvas(str(text))
    c.drawString(72, 720, "Báo cáo kết quả")
    c.save()
    scan = tmp_path / "scan.pdf"
    Image.new("L", (200, 300), 255).save(scan, "PDF", resolution=72)
    with pdfplumber.open(text) as doc:
        assert [_image_xobject(p.page_obj.resources) for p in doc.pages] == [False]
    with pdfplumber.open(scan) as doc:
        assert [_image_xobject(p.page_obj.resources) for p in doc.pages] == [True]
