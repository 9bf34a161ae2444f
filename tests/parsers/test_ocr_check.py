"""Every figure of a scanned table's number columns read again on its own
(parsers/ocr_check.py): the sure-looking misreadings of the layout-variety
corpus' scans, each read right from the cell's own crop."""
from __future__ import annotations

import numpy as np

from fixtures.build_pdf import _font_file
from parsers.ocr_cells import DISAGREEMENT
from parsers.ocr_check import _vote, cell_boxes, check_numbers
from parsers.ocr_numbers import restore_separators
from reportgen.raw import RawCell, RawTable

DPI = 300


def _drawn(text: str):
    """``text`` drawn at 12 pt, 300 dpi; its ink with a margin."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_file(), size=round(12 * DPI / 72))
    img = Image.new("L", (700, 200), 255)
    draw = ImageDraw.Draw(img)
    draw.text((40, 40), text, font=font, fill=0)
    x0, y0, x1, y1 = draw.textbbox((40, 40), text, font=font)
    return np.asarray(img)[y0 - 12:y1 + 12, x0 - 12:x1 + 12]


def _table(texts: list[str], images: list) -> tuple[RawTable, np.ndarray]:
    """One column of cells read as ``texts`` over their drawn ``images``
    stacked on one page, each cell's box its ink's."""
    height = sum(im.shape[0] + 20 for im in images)
    page = np.full((height, max(im.shape[1] for im in images) + 20), 255, dtype=np.uint8)
    rows, y = [], 0
    scale = 72 / DPI
    for r, (text, im) in enumerate(zip(texts, images)):
        page[y + 10:y + 10 + im.shape[0], 10:10 + im.shape[1]] = im
        box = (22 * scale, (y + 22) * scale, (im.shape[1] - 2) * scale, (y + im.shape[0] - 2) * scale)
        rows.append([RawCell(text=text, row=r, col=0, bbox=box, confidence=93.0)])
        y += im.shape[0] + 20
    return RawTable(index=0, rows=rows), page


def test_a_figure_the_page_call_misread_is_read_right_on_its_own():
    """Corpus table 10's scan: the page call read '10,4' as '19,4' (96,5 %)
    and '6,64' as '664' (92,9 %), both written as figures are; the crops
    read on their own give the figures drawn."""
    drawn = ["10,4", "6,64", "15,8", "7,79", "12,94", "6,5"]
    read = ["19,4", "664", "15,8", "7,79", "12,94", "6,5"]
    table, page = _table(read, [_drawn(t) for t in drawn])
    check_numbers(table, page, page, 72 / DPI, ruled=False)
    assert [row[0].text for row in table.rows] == drawn


def test_the_figure_most_readings_give_wins():
    """The four readings (page, crop at twice the scale, crop, grey crop)
    of cells of corpus table 4's scan: three that agree are sure, two keep
    a confidence below the reporting threshold."""
    assert _vote([("7,82", 50.0), ("7,62", 96.93), ("7,62", 96.54), ("7,62", 78.25)], (2, 2)) == ("7,62", 96.93)
    assert _vote([("5,06", 89.74), ("5,56", 96.69), ("5,26", 73.75), ("5,56", 93.79)], (2, 2)) == (
        "5,56", DISAGREEMENT)
    # a reading Tesseract itself gives almost no confidence is no vote
    assert _vote([("5,51", 96.2), ("5,51", 96.2), ("3,01", 11.1), ("5,5", 0.0)], (2, 2)) == ("5,51", DISAGREEMENT)
    # two figures given as often: none is taken
    assert _vote([("2,5", 90.0), ("2,6", 91.0), ("", 0.0), ("", 0.0)], (2, 2)) == (None, 0.0)


def test_a_reading_not_written_as_the_column_writes_is_set_aside():
    """Corpus table 11: '3,68' read '3,608' by the page call and by the crop
    at twice the scale, '3,68' by the crop, nothing on the grey page. No
    other cell of the column has three decimals: the one reading written as
    the column writes is taken, and reported. Without a column to compare,
    the two readings that agree win, still reported."""
    votes = [("3,608", 50.0), ("3,608", 77.3), ("3,68", 91.57), ("", 0.0)]
    assert _vote(votes, (2, 2)) == ("3,68", DISAGREEMENT)
    assert _vote(votes, None) == ("3,608", DISAGREEMENT)


def test_a_comma_one_reading_keeps_is_taken_over_two_that_lost_it():
    """Corpus table 4: '17,1' read '17,1', '17/1', '171', '171'. Where the
    column says no figure has three digits before its comma, '171' is set
    aside and '17,1' and '17/1' are given once each: no figure is taken
    (the page's reading stays, reported)."""
    votes = [("17,1", 94.07), ("17/1", 82.73), ("171", 85.81), ("171", 72.8)]
    assert _vote(votes, None) == ("17,1", DISAGREEMENT)
    assert _vote(votes, (2, 2)) == (None, 0.0)


def _cell(text, row, col, bbox):
    return RawCell(text=text, row=row, col=col, bbox=bbox, confidence=95.0)


def test_a_cell_of_a_table_without_rules_is_cut_from_its_column_and_row_band():
    """The words' boxes of a table without rules sit on their baselines;
    the crop is the column's extent, widened by a quarter of the gap to the
    next column, by the row's band reaching half way to the rows around it."""
    rows = [[_cell("1", 0, 0, (10, 100, 15, 108)), _cell("Sở Văn hóa, Thể thao", 0, 1, (30, 100, 90, 124)),
             _cell("10,4", 0, 2, (110, 100, 126, 108))],
            [_cell("2", 1, 0, (10, 140, 15, 148)), _cell("Sở Y tế", 1, 1, (30, 140, 60, 148)),
             _cell("6,64", 1, 2, (108, 140, 126, 148))]]
    table = RawTable(index=0, rows=rows)
    scale = 0.5  # two pixels a point
    boxes = cell_boxes(table, scale, (1000, 1000), ruled=False)
    # column 2 spans 108..126 pt; the gap to column 1 (ends at 90) is 18 pt, a quarter 4,5;
    # after the last column 6 pt, a quarter 1,5. Row 0 spans 100..124, row 1 140..148:
    # the bands meet at 132; above the first row and below the last, half the row's height
    assert boxes[id(rows[0][2])] == (207, 176, 255, 264)
    assert boxes[id(rows[1][2])] == (207, 264, 255, 304)
    assert cell_boxes(table, scale, (1000, 1000), ruled=True)[id(rows[0][2])] == (220, 200, 252, 216)


def test_a_page_s_part_of_a_column_of_decimals_with_two_figures_gets_its_comma_back():
    """Corpus table 10's second page holds two figures of its column
    ('15,7' and '6,64' read '664') and a dash: the ink places the comma."""
    drawn = ["15,7", "6,64"]
    table, page = _table(["15,7", "664"], [_drawn(t) for t in drawn])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 1
    assert [row[0].text for row in table.rows] == drawn
    whole = ["42", "18"]  # no decimal: the ink is not searched
    table, page = _table(whole, [_drawn(t) for t in whole])
    assert restore_separators(table, page, 72 / DPI, ruled=False) == 0


def test_a_cells_ink_is_cut_tight_inside_its_rules_and_its_page_box_given():
    from parsers.ocr_cells import ink_bounds, ink_crop
    from parsers.ocr_check import _crops

    page = np.full((60, 100), 255, dtype=np.uint8)
    page[0, :] = page[-1, :] = page[:, 0] = page[:, -1] = 0  # the cell's rules
    page[20:31, 40:52] = 0  # a figure's ink, 12 × 11 px
    page[25, 45] = 200  # a grey pixel inside is not ink but stays in the cut
    assert ink_bounds(page, (0, 0, 100, 60)) == (40, 20, 52, 31)
    assert ink_crop(page, (0, 0, 100, 60)).shape == (11, 12)
    grey = page.copy()
    grey[5, 5] = 90  # noise away from the ink: outside the cut
    binary, g = _crops(page, grey, (0, 0, 100, 60), 5)
    assert binary.shape == g.shape == (11, 12) and g[5, 5] == 200
    # five dark pixels are a speck, not a cell's ink; inside the rules nothing
    speck = np.full((60, 100), 255, dtype=np.uint8)
    speck[30, 40:45] = 0
    assert ink_bounds(speck, (0, 0, 100, 60)) is None and ink_crop(page, (0, 0, 100, 60), inset=32) is None
