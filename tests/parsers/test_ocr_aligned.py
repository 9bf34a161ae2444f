"""Scanned tables without ruling lines (parsers/ocr_aligned.py) and the
decimal separators OCR drops (parsers/ocr_numbers.py)."""
from __future__ import annotations

import re

import pytest

from fixtures.build_corpus import make_spec, spec_docx
from fixtures.build_pdf import _font_file, libreoffice_pdfs, scanned_pdf
from parsers import read_raw
from parsers.ocr import MIN_CONFIDENCE
from reportgen.raw import RawCell, RawTable

DPI = 300


@pytest.fixture(scope="module")
def ruleless_scan(tmp_path_factory):
    """A score table set without any ruling line (names wrapped over two and
    three lines, combined x/y cells), printed by LibreOffice and scanned."""
    out = tmp_path_factory.mktemp("ruleless")
    spec = make_spec(6)
    assert not spec.rules
    (pdf,) = libreoffice_pdfs([spec_docx(spec, out)], out)
    return spec, scanned_pdf(pdf, out / "scan.pdf")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.mark.slow
def test_a_scanned_table_without_rules_is_read_into_its_cells(ruleless_scan):
    spec, path = ruleless_scan
    doc = read_raw(path, {"ocr": "auto"})
    rows = {}
    for t in doc.tables:
        for row in t.grid()[t.header_rows or 0:]:
            if row and _norm(row[0]).isdigit():
                rows.setdefault(_norm(row[0]), [_norm(c) for c in row])
    assert sorted(rows, key=int) == [str(i) for i in range(1, 13)]  # every numbered row found
    right = total = 0
    for want in spec.rows:
        got = rows[want[0]]
        total += len(want)
        right += sum(1 for j, w in enumerate(want) if j < len(got) and got[j] == w)
    assert right / total >= 0.9
    # a row read whole: its wrapped-free name, its scores with their commas and its x/y cell
    assert rows["1"] == ["1", "Sở Y tế (1)", "8,85", "11,2", "13,65", "4,47", "17,8", "7,61", "4,3", "2,7",
                         "70,58/99", "Khá"]
    # a name wrapped over three lines is joined into its row, not made rows of its own
    assert rows["8"][1].startswith("Chi nhánh Văn phòng đăng ký đất đai huyện")
    # the cells carry their OCR confidence, so a doubtful one is reported
    cells = [c for t in doc.tables for row in t.rows for c in row]
    assert all(c.confidence is not None for c in cells)


def _number_image(texts: list[str]):
    """White page with each text drawn at 12 pt, 300 dpi, one under the other;
    their boxes (pixels)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_file(), size=round(12 * DPI / 72))
    img = Image.new("L", (600, 110 * len(texts) + 40), 255)
    draw = ImageDraw.Draw(img)
    boxes = []
    for k, text in enumerate(texts):
        x, y = 60, 30 + 110 * k
        draw.text((x, y), text, font=font, fill=0)
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        boxes.append((x0 - 12, y0 - 12, x1 + 12, y1 + 12))
    return np.asarray(img), boxes


def test_a_comma_seen_in_the_ink_is_put_back_where_ocr_lost_it():
    from parsers.ocr_numbers import _rebuilt, separator_marks

    img, boxes = _number_image(["79,05", "72,66/93", "7905"])
    crops = [img[y0:y1, x0:x1] for x0, y0, x1, y1 in boxes]
    assert separator_marks(crops[0]) == (4, [2])
    assert _rebuilt("7905", separator_marks(crops[0]), ",") == "79,05"
    assert _rebuilt("79.05", separator_marks(crops[0]), ",") == "79,05"
    assert separator_marks(crops[1]) == (7, [2])  # the slash is a tall glyph
    assert _rebuilt("7266/93", separator_marks(crops[1]), ",") == "72,66/93"
    assert _rebuilt("726693", separator_marks(crops[1]), ",") is None  # the slash lost too: not placed
    assert separator_marks(crops[2]) == (4, [])  # nothing written between the digits


def test_a_lost_separator_the_ink_cannot_place_is_flagged_never_guessed():
    """Column of scores with commas; one cell drawn '9,7' read '97' (put
    back from the ink), one drawn without a comma but far above the column
    ('905' among values below 10: flagged uncertain, text kept), one read
    '4.75' where the ink has no mark (flagged, never made sure)."""
    from parsers.ocr_numbers import restore_separators

    drawn = ["7,61", "9,7", "905", "4.75", "8,85"]
    read = ["7,61", "97", "905", "4.75", "8,85"]
    img, boxes = _number_image(drawn[:3] + ["475"] + drawn[4:])
    scale = 72 / DPI
    rows = [[RawCell(text=t, row=r, col=0, bbox=tuple(v * scale for v in b), confidence=95.0)]
            for r, (t, b) in enumerate(zip(read, boxes))]
    table = RawTable(index=0, rows=rows)
    restore_separators(table, img, scale, ruled=False)
    got = [(row[0].text, row[0].confidence) for row in table.rows]
    assert got[0] == ("7,61", 95.0)
    assert got[1] == ("9,7", 95.0)
    assert got[2][0] == "905" and got[2][1] < MIN_CONFIDENCE
    assert got[3][0] == "4.75" and got[3][1] < MIN_CONFIDENCE
    assert got[4] == ("8,85", 95.0)


def test_a_misread_row_number_between_its_neighbours_is_inferred_and_flagged():
    """Corpus table 2's scan read the '3' of its numbering column as 'K)'."""
    from parsers.ocr_numbers import restore_ordinals

    read = ["1", "2", "K)", "4", "5"]
    rows = [[RawCell(text=t, row=r, col=0, confidence=97.0 if t.isdigit() else 75.0)]
            for r, t in enumerate(read)]
    table = RawTable(index=0, rows=rows)
    assert restore_ordinals(table) == 1
    assert [row[0].text for row in table.rows] == ["1", "2", "3", "4", "5"]
    assert table.rows[2][0].confidence < MIN_CONFIDENCE  # inferred, not read
    assert table.rows[1][0].confidence == 97.0


def test_a_point_and_a_slash_read_for_the_comma_are_made_commas_from_the_ink():
    from parsers.ocr_numbers import _rebuilt, separator_marks

    img, boxes = _number_image(["11,75", "2,1"])
    crops = [img[y0:y1, x0:x1] for x0, y0, x1, y1 in boxes]
    assert _rebuilt("11.75", separator_marks(crops[0]), ",") == "11,75"
    assert _rebuilt("2/1", separator_marks(crops[1]), ",", slashes=False) == "2,1"
    assert _rebuilt("2/1", separator_marks(crops[1]), ",", slashes=True) is None  # an x/y column: not placed
    assert _rebuilt("1.175", separator_marks(crops[0]), ",") is None  # a thousands point is left alone


def test_the_wrapped_maximum_of_an_x_y_cell_read_without_its_slash_joins_its_row():
    """Corpus table 4's scan read '73,95/11' (its '9' wrapped onto the next
    line) as '73.9511': with no slash left, the lone '9' under it was taken
    for a row of its own, and the cell, read again on its first line only,
    lost the digit. In a column of x/y cells a lone number under a cell at
    line spacing is the cell's end, as under a cell still read with its slash."""
    from parsers.ocr_aligned import _join_wrapped_rows

    def cell(text, row, col, top):
        return RawCell(text=text, row=row, col=col, bbox=(40.0 + 100 * col, top, 80.0 + 100 * col, top + 7.4))

    rows = [[cell("1", 0, 0, 100), cell("Sở Y tế", 0, 1, 100), cell("70,5/99", 0, 2, 100)],
            [cell("2", 1, 0, 137), cell("Sở Nội vụ", 1, 1, 137), cell("73.9511", 1, 2, 137)],
            [cell("9", 2, 2, 150.7)],
            [cell("3", 3, 0, 174), cell("Sở Tư pháp", 3, 1, 174), cell("80/99", 3, 2, 174)],
            [cell("12", 4, 1, 188)]]  # a number under a column of names is no cell's end
    table = RawTable(index=0, rows=rows)
    _join_wrapped_rows(table, size=7.44)
    assert [[c.text for c in row] for row in table.rows] == [
        ["1", "Sở Y tế", "70,5/99"], ["2", "Sở Nội vụ", "73.95119"], ["3", "Sở Tư pháp", "80/99"], ["12"]]
    assert table.rows[1][2].bbox == (240.0, 137, 280.0, 158.1)


def test_the_rest_of_a_cut_row_read_into_an_ocr_repeated_header_goes_back_to_its_row():
    """Corpus table 4's scan: row 38 was cut by the page break and its rest
    ('Phú Quý (38)', '9', 'bình') stands right under the header the next
    page repeats, so it was read into those header cells, which OCR reads a
    little unlike the first page's ('Tống điểm', 'Cơquan')."""
    from parsers.pdf_join import _beyond_read, append_continuation

    assert _beyond_read("Cơquan, đơn vị được đánh giá", "Cơ quan, đơn vị được đánh giá Phú Quý (38)") \
        == "Phú Quý (38)"
    assert _beyond_read("Xếp loại", "Xếp loai") == ""  # the same words, read otherwise
    assert _beyond_read("Xếp loại", "Xếp loại -") == ""  # a speck is no rest of a row

    def row(r, texts, conf=90.0):
        return [RawCell(text=t, row=r, col=c, confidence=conf) for c, t in enumerate(texts)]

    first = RawTable(index=0, rows=[row(0, ["STT", "Cơquan, đơn vị được đánh giá", "Tống điểm / Tối đa", "Xếp loại"]),
                                    row(1, ["38", "UBND đặc khu", "72,17/11", "Trung"])], header_rows=1)
    cont = RawTable(index=1, rows=[row(0, ["STT", "Cơ quan, đơn vị được đánh giá Phú Quý (38)",
                                           "Tổng điểm / Tối đa 9", "Xếp loại bình"]),
                                   row(1, ["39", "Sở Nội vụ (39)", "77,49/91", "Tốt"])])
    append_continuation(first, cont)
    assert [[c.text for c in r] for r in first.rows[1:]] == [
        ["38", "UBND đặc khu Phú Quý (38)", "72,17/119", "Trung bình"], ["39", "Sở Nội vụ (39)", "77,49/91", "Tốt"]]
