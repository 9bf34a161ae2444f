"""A ruled table whose header row is too short for its text (LibreOffice
Calc printing a workbook with the rows' heights it was saved with): a
header cell's text, centred in the row, is drawn over both its rules,
"Tổng số hồ sơ tiếp" above the table's top rule and "cáo" over the first
row. What is drawn over the top rule is that cell's top line, not a
paragraph above the table; a title above the table (wider than the cell,
set apart) stays outside it."""
from __future__ import annotations

from types import SimpleNamespace

from parsers.pdf_grid import grid_table

SIZE = 9.7
XS = [54.0, 89.0, 241.0, 315.0, 390.0]
YS = [101.0, 114.1, 128.7, 143.2]


def _run(text: str, x0: float, top: float) -> list[dict]:
    out, x = [], x0
    for ch in text:
        w = 2.4 if ch == " " else 3.8
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + SIZE, "size": SIZE})
        x += w
    return out


def _centred(text: str, a: float, b: float, top: float) -> list[dict]:
    width = sum(2.4 if ch == " " else 3.8 for ch in text)
    return _run(text, (a + b - width) / 2, top)


def _table():
    cells = [(XS[c], YS[r], XS[c + 1], YS[r + 1]) for r in range(3) for c in range(4)]
    return SimpleNamespace(cells=cells, bbox=(XS[0], YS[0], XS[-1], YS[-1]))


def test_a_header_line_drawn_over_the_top_rule_is_its_cells_first_line():
    chars = _run("Biểu 02. Tình hình giải quyết hồ sơ", 54.0, 71.4)  # the title, a paragraph
    chars += _centred("STT", XS[0], XS[1], 102.0) + _centred("Tên đơn vị", XS[1], XS[2], 102.0)
    chars += _centred("Số hồ sơ quá hạn", XS[3], XS[4], 102.0)
    chars += _centred("1", XS[0], XS[1], 115.0) + _run("Sở Tư pháp", 92.0, 115.0)
    chars += _centred("2,04", XS[2], XS[3], 115.0) + _centred("4,8", XS[3], XS[4], 115.0)
    chars += _centred("2", XS[0], XS[1], 129.5) + _run("Sở Nội vụ", 92.0, 129.5)
    chars += _centred("2,18", XS[2], XS[3], 129.5) + _centred("-", XS[3], XS[4], 129.5)
    # Calc draws the wrapped cell last: three lines centred on a row of one
    chars += _centred("Tổng số hồ sơ tiếp ", XS[2], XS[3], 90.4)
    chars += _centred("nhận trong kỳ báo ", XS[2], XS[3], 101.1) + _centred("cáo", XS[2], XS[3], 111.9)
    table, taken = grid_table(_table(), chars, 1)
    grid = table.grid()
    assert grid[0] == ["STT", "Tên đơn vị", "Tổng số hồ sơ tiếp nhận trong kỳ báo cáo", "Số hồ sơ quá hạn"]
    assert grid[1] == ["1", "Sở Tư pháp", "2,04", "4,8"]
    assert not any(id(c) in taken for c in chars[:10])  # the title stays a paragraph


def test_a_cell_centred_in_a_row_too_short_is_read_whole_in_that_row():
    """Indicators of three lines centred in a row of one run over its rules
    by a line each way: the top line lies in the group's row, and glyph by
    glyph the whole run went to the group's cell ("Nhóm A Nội dung đánh giá
    số 1 …"), the indicators' cells left empty. A run is its cell's when it
    runs over both of that cell's rules by as much."""
    xs = [54.0, 89.0, 160.0, 231.0, 302.0]
    ys = [101.0, 114.1, 128.7, 143.2]
    cells = [(xs[0], ys[0], xs[1], ys[2]), (xs[1], ys[0], xs[2], ys[2]), (xs[2], ys[0], xs[4], ys[1]),
             (xs[2], ys[1], xs[3], ys[2]), (xs[3], ys[1], xs[4], ys[2])]
    cells += [(xs[c], ys[2], xs[c + 1], ys[3]) for c in range(4)]
    table = SimpleNamespace(cells=cells, bbox=(xs[0], ys[0], xs[-1], ys[-1]))
    chars = _centred("STT", xs[0], xs[1], 109.0) + _centred("Đơn vị", xs[1], xs[2], 109.0)
    chars += _centred("Nhóm A", xs[2], xs[4], 102.7)
    for c, no in ((2, "1"), (3, "2")):
        for top, line in ((105.7, "Nội dung đánh "), (116.5, f"giá số {no} "), (127.3, "(5 điểm)")):
            chars += _centred(line, xs[c], xs[c + 1], top)
    chars += _centred("1", xs[0], xs[1], 131.0) + _run("Sở Y tế", 92.0, 131.0)
    chars += _centred("4,5", xs[2], xs[3], 131.0) + _centred("3", xs[3], xs[4], 131.0)
    grid = grid_table(table, chars, 1)[0].grid()
    assert grid[0] == ["STT", "Đơn vị", "Nhóm A", ""]
    assert grid[1] == ["", "", "Nội dung đánh giá số 1 (5 điểm)", "Nội dung đánh giá số 2 (5 điểm)"]
    assert grid[2] == ["1", "Sở Y tế", "4,5", "3"]
