"""Which ink of a scanned page is a ruling line (parsers/ocr.py grid_lines):
the lines are taken out before the words are read, so a glyph taken for a
line loses its strokes."""
from __future__ import annotations

import numpy as np

from fixtures.build_pdf import _font_file
from parsers.ocr import grid_lines

DPI = 300


def _landscape_table(words: list[str], pt: float, row_pad: int):
    """A4 landscape at 300 dpi: a one-column-per-word ruled table whose rows
    are as tight as ``row_pad`` pixels under the text (a descender meets the
    rule under it); (binary ink, the text's boxes, the column rules' x)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_file(), size=round(pt * DPI / 72))
    img = Image.new("L", (3509, 2482), 255)
    draw = ImageDraw.Draw(img)
    top, x, boxes, rules = 300, 300, [], [300]
    bottom = top
    for word in words:
        box = draw.textbbox((x + 20, top + 10), word, font=font)
        draw.text((x + 20, top + 10), word, font=font, fill=0)
        boxes.append(box)
        bottom = max(bottom, box[3] + row_pad)
        x = box[2] + 20
        rules.append(x)
    for y in (top, bottom, bottom + (bottom - top)):
        draw.line([(rules[0], y), (rules[-1], y)], fill=0, width=3)
    for rx in rules:
        draw.line([(rx, top), (rx, bottom + (bottom - top))], fill=0, width=3)
    binary = (np.asarray(img) < 128).astype(np.uint8) * 255
    return binary, boxes, rules, (top, bottom)


def test_a_stem_that_meets_the_rule_under_a_tight_row_is_not_a_rule():
    """At 11 pt on a landscape page the 'p' of 'pháp' is as tall as the
    shortest run taken for a line; with its foot on the row's rule it was
    erased as one and the scan read 'Sở Tư ›há›'. A column's rule runs from
    one row's rule to another's; the stem stops on one."""
    binary, boxes, rules, (top, bottom) = _landscape_table(["Sở", "Tư", "pháp", "(2)", "phường"], 11, 0)
    mask = grid_lines(binary)
    for x0, y0, x1, y1 in boxes:
        text = binary[y0:y1 - 4, x0 + 2:x1 - 2] > 0  # above the rule it stands on
        assert (mask[y0:y1 - 4, x0 + 2:x1 - 2][text] > 0).sum() == 0
    for rx in rules:  # every column rule, in both rows
        assert (mask[top + 5:2 * bottom - top - 5, rx] > 0).all()
