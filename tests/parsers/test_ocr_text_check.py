"""The words of a scanned table's text cells read again and voted
(parsers/ocr_text_check.py): the readings the layout-variety corpus' scans
gave for its unit names."""
from __future__ import annotations

import numpy as np

from fixtures.build_pdf import _font_file
from parsers.ocr_text_check import check_texts, vote_words
from parsers.vi_plausibility import tone_fits
from reportgen.raw import RawCell, RawTable

DPI = 300


def test_a_mark_the_page_misread_is_outvoted_by_the_crops():
    """Corpus table 1: the page read 'Thế thao' at 95 %; the crop, the crop
    at twice the scale and the grey crop all read 'Thể thao'."""
    right = "Sở Văn hóa, Thể thao và Du lịch (2)"
    assert vote_words("Sở Văn hóa, Thế thao và Du lịch (2)", [right, right, right]) == (right, True)


def test_each_word_is_voted_on_its_own():
    """Corpus table 4: the page lost the comma after 'hóa' and read 'Thể'
    right; the crops read the comma, two of them 'Thế'. The comma has three
    readings; 'Thể' and 'Thế' two each, so the page's word stays."""
    readings = ["Sở Văn hóa, Thế thao và Du lịch (30)", "Sở Văn hóa, Thế thao và Du lịch (30)",
                "Sở Văn hóa, Thể thao và Du lịch (30)"]
    assert vote_words("Sở Văn hóa Thể thao và Du lịch (30)", readings) == (
        "Sở Văn hóa, Thể thao và Du lịch (30)", True)


def test_a_tone_that_cannot_go_with_its_final_is_set_aside():
    """Corpus table 0: 'Lộc' read 'Lôc' by the page and the grey crop,
    'Lãc' by the crop, 'Lộc' by the crop at twice the scale. A syllable
    ending in c carries the sắc or nặng tone: the one form that can is
    taken, and the cell stays reported (one reading only)."""
    assert [tone_fits(w) for w in ("Lôc", "Lãc", "Lồc", "Lộc", "Lốc", "các", "Lac")] == [
        False, False, False, True, True, True, True]
    assert vote_words("UBND phường 1 Bảo Lôc (20)", ["UBND phường 1 Bảo Lãc (20)", "UBND phường 1 Bảo Lộc (20)",
                                                     "UBND phường 1 Bảo Lôc (20)"]) == (
        "UBND phường 1 Bảo Lộc (20)", False)


def test_a_mark_more_or_fewer_read_by_the_crops_does_not_replace_the_page_s():
    """Corpus table 7: the crops read 'Lac' (the dot below lost) and
    '(15)' where the page read '(185)'; a speck read as '-' or ':' is no
    word and does not keep a reading from voting."""
    readings = ["UBND xã Hòa Lạc (15) -", "UBND xã Hòa Lac (18) -", "UBND xã Hòa Lac (15) :"]
    assert vote_words("UBND xã Hòa Lạc (185)", readings) == ("UBND xã Hòa Lạc (15)", False)
    assert vote_words("UBND xã Hòa Lạc", ["UBND xã Hòa Lac"] * 3) == ("UBND xã Hòa Lạc", True)
    # a dot below or a case the crops alone read does not replace the page's word (corpus table 8, seed 4)
    assert vote_words("UBND đặc khu Phú Quý", ["UBND đặc khụ Phú Quý"] * 3) == ("UBND đặc khu Phú Quý", True)
    assert vote_words("Chỉ số số hóa hồ sơ", ["Chỉ số số hóa hồ Sơ"] * 2 + ["Chỉ số số hóa hồ sơ"]) == (
        "Chỉ số số hóa hồ sơ", True)
    # a reading with another number of words does not vote
    assert vote_words("Sở Nội vụ", ["Sở Nội vụ tỉnh", "Sở Nội", "Sở"]) == ("Sở Nội vụ", True)


def test_a_cell_drawn_is_read_again_and_its_word_put_right():
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_file(), size=round(12 * DPI / 72))
    img = Image.new("L", (1400, 140), 255)
    ImageDraw.Draw(img).text((40, 40), "Sở Văn hóa, Thể thao và Du lịch", font=font, fill=0)
    page = np.asarray(img).copy()
    scale = 72 / DPI
    cell = RawCell(text="Sở Văn hóa, Thế thao và Du lịch", row=0, col=0, bbox=(
        20 * scale, 20 * scale, 1380 * scale, 120 * scale), confidence=95.0)
    table = RawTable(index=0, rows=[[cell]])
    assert check_texts(table, page, page, scale, ruled=True) == 1
    assert (cell.text, cell.confidence) == ("Sở Văn hóa, Thể thao và Du lịch", 95.0)


def test_a_stacked_mark_read_alone_on_grey_stands_unless_every_crop_reads_it_otherwise():
    # the page's 'Thể' has its hook from the word read alone on the grey page (ocr_marks.remark_alone);
    # the binarised crops fill the hook in and read 'Thế'
    assert vote_words("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thế thao và Du lịch"] * 2
                      + ["Sở Văn hóa, Thể thao và Du lịch"]) == ("Sở Văn hóa, Thể thao và Du lịch", True)
    assert vote_words("UBND phường Mường Thanh", ["UBND phương Mương Thanh", "UBND phương Mương Thanh",
                                                  "UBND phường Mương Thanh"])[0] == "UBND phường Mường Thanh"
    # every crop giving the other mark outvotes it
    assert vote_words("Sở Văn hóa, Thể thao", ["Sở Văn hóa, Thế thao"] * 3) == ("Sở Văn hóa, Thế thao", True)
