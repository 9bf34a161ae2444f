"""A borderless table a browser prints (chromium, 11 pt, rows 16 pt apart):
headers centred in wide cells, figures right-aligned, no numbering column.
The rate's header "Tỷ lệ trực tuyến (%)" reaches over the gap towards the
figures of "Trực tuyến"; the figures with dot thousands ("52.472") are no
numbering ("1.2"); and the rows, set closer than the cells' line spacing
would part them, are parted by their figures, which never wrap."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 11.0
LINES = [
    ([("Cấp", 112, 131.6), ("Tiếp nhận", 190.9, 238.7), ("Trực tuyến", 287.9, 339.8),
      ("Tỷ lệ trực tuyến (%)", 407.8, 504.1)], 427.1),
    ([("Cấp tỉnh", 79.5, 117.1), ("52.472", 170.2, 200.4), ("47.187", 332.0, 362.2), ("89,93", 519.0, 543.7)], 443.6),
    ([("Cấp xã", 79.5, 110.3), ("79.738", 170.2, 200.4), ("61.239", 332.0, 362.2), ("76,80", 519.0, 543.7)], 459.4),
    ([("Toàn tỉnh", 79.5, 124.6), ("132.210", 170.2, 205.9), ("108.426", 326.5, 362.2), ("82,01", 519.0, 543.7)],
     475.1),
]


def _chars():
    """One char per letter, laid across its word's box, as pdfplumber gives them."""
    out = []
    for words, top in LINES:
        for text, x0, x1 in words:
            step = (x1 - x0) / len(text)
            out += [{"text": ch, "x0": x0 + k * step, "x1": x0 + (k + 1) * step, "top": top, "bottom": top + SIZE,
                     "size": SIZE, "fontname": "DejaVuSerif"} for k, ch in enumerate(text)]
    return out


def test_each_header_over_its_column_and_each_line_a_row():
    (table,), _ = aligned_tables(_chars(), 1)
    assert table.grid() == [["Cấp", "Tiếp nhận", "Trực tuyến", "Tỷ lệ trực tuyến (%)"],
                            ["Cấp tỉnh", "52.472", "47.187", "89,93"],
                            ["Cấp xã", "79.738", "61.239", "76,80"],
                            ["Toàn tỉnh", "132.210", "108.426", "82,01"]]
