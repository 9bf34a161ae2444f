"""Row numbers too wide for a narrow numbering column of a table without
rules (reportlab, 0,7 cm, 10 pt, 2 points of padding): "114" ends 4,4
points before the name, closer than the gap that cuts a line into chunks,
so on a page without a repeated header the numbering column and the names
were one column ("114 Trung tâm …"), the rows' figures ran together and
the part was not joined to the table. The producer drew the number and the
name as two texts (no space glyph between them)."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 10.0
NAMES = ["Thanh tra tỉnh", "Sở Nội vụ", "Trung tâm Phục vụ hành chính", "Sở Tư pháp", "Sở Y tế",
         "UBND xã Thanh Xương"]
FIGURES = [("5,49", "6", "23,84"), ("0,61", "1,05", "15,59"), ("1,6", "-", "22,07"), ("4,46", "2,7", "30,1"),
           ("5", "9,2", "18,05"), ("3,87", "9", "21,33")]


def _glyphs(text: str, x0: float, top: float) -> list[dict]:
    """One glyph a letter, 5 points a digit, 4,5 a letter, 2,5 a space."""
    out, x = [], x0
    for ch in text:
        w = 5.0 if ch.isdigit() or ch == "," else 2.5 if ch == " " else 4.5
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + SIZE, "size": SIZE,
                    "fontname": "LiberationSerif"})
        x += w
    return out


def _page(first: int) -> list[dict]:
    chars = []
    for r, (name, figs) in enumerate(zip(NAMES, FIGURES)):
        no, top = str(first + r), 52.0 + 14 * r
        chars += _glyphs(no, 74.1 - 5 * len(no), top)  # centred in a column too narrow for three digits
        chars += _glyphs(name, 78.5, top)
        for x, fig in zip((224.4, 282.5, 340.0), figs):
            chars += _glyphs(fig, x, top)
    return chars


def test_three_digit_row_numbers_touching_the_names_are_a_column_of_their_own():
    (t,), _ = aligned_tables(_page(110), 2)
    grid = t.grid()
    assert [row[:2] for row in grid] == [[str(110 + r), name] for r, name in enumerate(NAMES)]
    assert grid[2] == ["112", "Trung tâm Phục vụ hành chính", "1,6", "-", "22,07"]


def test_where_the_numbers_reach_three_digits_on_the_page():
    (t,), _ = aligned_tables(_page(97), 2)
    assert [row[0] for row in t.grid()] == ["97", "98", "99", "100", "101", "102"]
    assert t.grid()[4] == ["101", "Sở Y tế", "5", "9,2", "18,05"]
