"""Headers written up their narrow cells in a table without rules (a
browser's ``writing-mode: vertical-rl`` turned half round, 10 pt): each
letter of "Chỉ số 1" is a glyph of its own, one above the other from the
bottom up. Read as upright lines they came out backwards ("1 ố s ỉ h C");
a run of turned glyphs is read with the page turned and stands in the table
as one box."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 10.0
UP = (0.0, 0.75, -0.75, 0.0)  # the text matrix of a glyph turned to read upwards


def _upright(text: str, x0: float, top: float) -> list[dict]:
    out, x = [], x0
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + 5.0, "top": top, "bottom": top + SIZE, "size": SIZE,
                    "upright": True, "matrix": (1, 0, 0, 1, 0, 0), "fontname": "LiberationSerif"})
        x += 5.0
    return out


def _turned(text: str, x0: float, bottom: float) -> list[dict]:
    """Letters from the bottom up, 5 points each (a space 2,5), in a column 10 points wide."""
    out, y = [], bottom
    for ch in text:
        h = 2.5 if ch == " " else 5.0
        out.append({"text": ch, "x0": x0, "x1": x0 + SIZE, "top": y - h, "bottom": y, "size": 7.5,
                    "upright": False, "matrix": (*UP, x0 + 8, 700.0), "fontname": "LiberationSerif"})
        y -= h
    return out


def test_a_header_written_up_its_cell_is_read_upright():
    chars = _upright("TT", 40, 100) + _upright("Địa phương", 70, 100)
    for k, x in enumerate((180.0, 210.0, 240.0), start=1):
        chars += _turned(f"Chỉ số {k}", x, 131.0)
    chars += _upright("Tổng", 270, 100)
    for r, row in enumerate((["1", "Sở Y tế", "7", "9,5", "3,1", "19,6"], ["2", "Sở Nội vụ", "2", "4", "1", "7"],
                             ["3", "Thanh tra tỉnh", "6,5", "-", "2", "8,5"])):
        top = 140.0 + 15 * r
        for text, x in zip(row, (40, 70, 180, 210, 240, 270)):
            chars += _upright(text, x, top)
    (t,), taken = aligned_tables(chars, 1)
    grid = t.grid()
    assert grid[0] == ["TT", "Địa phương", "Chỉ số 1", "Chỉ số 2", "Chỉ số 3", "Tổng"]
    assert grid[t.header_rows] == ["1", "Sở Y tế", "7", "9,5", "3,1", "19,6"]
    assert all(id(c) in taken for c in chars if not c["upright"])  # no paragraph of its letters
