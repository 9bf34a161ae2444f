"""The header's two columns of a scan (parsers/ocr_columns.py): a full line
goes on with the next only in the same weight. Nghị định 30/2020 sets the
parent body upright and the issuer bold under it; an issuer that fills its
cell makes the parent's line look full, yet it is an element of its own."""
from __future__ import annotations

import numpy as np

from fixtures.build_pdf import _font_file
from parsers.ocr_columns import column_blocks

DPI = 300


def _header(left: list[tuple[str, str]], right: list[tuple[str, str]], cell: int = 1100):
    """A page with the header's two cells, each line (text, font style)
    centred in its cell, 13 pt; (the binary image, Tesseract-like words:
    each line of the left cell on one line with the right cell's line beside
    it, as psm 4 reads it)."""
    from PIL import Image, ImageDraw, ImageFont

    size = round(13 * DPI / 72)
    img = Image.new("L", (2 * cell + 300, 140 + 80 * max(len(left), len(right))), 255)
    draw = ImageDraw.Draw(img)
    words = []
    for side, lines in ((0, left), (1, right)):
        for k, (text, style) in enumerate(lines):
            font = ImageFont.truetype(_font_file(style), size=size)
            width = draw.textlength(text, font=font)
            x, y = 100 + side * (cell + 100) + (cell - width) / 2, 60 + 80 * k
            for word in text.split():
                x0, y0, x1, y1 = draw.textbbox((x, y), word, font=font)
                draw.text((x, y), word, font=font, fill=0)
                words.append({"text": word, "conf": 95.0, "x0": int(x0), "top": int(y0), "x1": int(x1),
                              "bottom": int(y1), "block": 1, "par": 1, "line": k + 1})
                x += draw.textlength(word + " ", font=font)
    return np.asarray(img), words


def _texts(blocks) -> list[str]:
    return [" ".join(w["text"] for w in ln) for block in blocks for ln in block]


LEFT = [("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", ""), ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bold"),
        ("Số: 125/BC-SVHTTDL", "")]
RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bold"), ("Độc lập - Tự do - Hạnh phúc", "Bold"),
         ("Điện Biên, ngày 05 tháng 01 năm 2025", "Italic")]


def test_the_bold_issuer_that_fills_its_cell_is_not_the_rest_of_the_parent_line():
    img, words = _header(LEFT, RIGHT)
    # by widths alone the parent's line was full: the issuer's first word would not have fitted on it
    blocks, rest = column_blocks([dict(w) for w in words])
    assert _texts(blocks)[0] == "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    blocks, rest = column_blocks(words, img)
    assert not rest
    assert _texts(blocks) == ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                              "Số: 125/BC-SVHTTDL", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Độc lập - Tự do - Hạnh phúc", "Điện Biên, ngày 05 tháng 01 năm 2025"]


def test_a_bold_issuer_wrapped_in_its_cell_is_still_one_line():
    left = [("ỦY BAN NHÂN DÂN", ""), ("THÀNH PHỐ HỒ CHÍ MINH SỞ KHOA HỌC", "Bold"),
            ("VÀ CÔNG NGHỆ", "Bold"), ("Số: 12/BC-SKHCN", "")]
    img, words = _header(left, RIGHT)
    blocks, _ = column_blocks(words, img)
    assert _texts(blocks)[:3] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                                  "Số: 12/BC-SKHCN"]
