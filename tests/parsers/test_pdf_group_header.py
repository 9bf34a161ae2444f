"""A browser's two-level header without rules (parsers/pdf_words.py): the
group's title sits in its own row, the one-line headers beside it ("STT")
are centred down both rows, the long ones wrap above and below them. The
figures are those of a Chromium print of such a table (A4 landscape,
12 pt header, zebra rows)."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 12.0


def _words(line: list[tuple[str, float, float]], top: float) -> list[dict]:
    """One visual line: each (text, x0, x1) a glyph-like box."""
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE, "size": SIZE,
             "fontname": "LiberationSans"} for t, x0, x1 in line]


HEADER = [
    ([("Điểm thành phần", 434, 532), ("Tổng", 700, 729)], 100.0),
    ([("điểm", 700, 728)], 113.5),
    ([("STT", 44, 67), ("Khối", 95, 122), ("Cơ quan, đơn vị", 168, 260), ("Chỉ đạo, điều", 296, 372),
      ("Thủ tục hành", 402, 478), ("Chính quyền", 505, 578), ("Mức độ hài", 605, 669), ("Xếp loại", 750, 796)], 124.8),
    ([("(tối đa", 696, 732)], 127.0),
    ([("hành (20)", 307, 361), ("chính (30)", 412, 468), ("số (25)", 522, 561), ("lòng (25)", 612, 662),
      ("100)", 702, 726)], 140.5),
]
BODY = [["1", "Khối A", "Sở Tư pháp", "16,60", "27,00", "21,00", "20,75", "85,35", "Tốt"],
        ["2", "Khối A", "Sở Nội vụ", "17,40", "27,60", "16,75", "16,50", "78,25", "Khá"],
        ["3", "Khối B", "Sở Tài chính", "17,40", "25,50", "23,75", "23,50", "90,15", "Xuất sắc"]]
X = [(44, 51), (76, 150), (150, 260), (352, 382), (459, 489), (555, 585), (650, 680), (710, 740), (749, 796)]


def test_a_group_title_centred_over_its_columns_spans_those_columns_only():
    """The title was left out of the header (its row is two lines above the
    headers of its columns), so 'Tổng' lost its top line and the table was
    not joined to its part on the next page; made header, it must span the
    four columns it is centred over, not 'STT', 'Khối' and 'Cơ quan, đơn
    vị', which also lie lower than it."""
    chars = [c for line, top in HEADER for c in _words(line, top)]
    for r, row in enumerate(BODY):
        top = 160.0 + 18 * r
        chars += _words([(t, X[j][0], X[j][0] + 6 * len(t)) if j < 3 else (t, X[j][1] - 6 * len(t), X[j][1])
                         for j, t in enumerate(row) if t], top)
    tables, _ = aligned_tables(chars, 1)
    (t,) = tables
    assert t.header_rows == 2
    grid = t.grid()
    assert grid[0] == ["STT", "Khối", "Cơ quan, đơn vị", "Điểm thành phần", "", "", "", "Tổng điểm (tối đa 100)",
                       "Xếp loại"]
    assert grid[1][3:7] == ["Chỉ đạo, điều hành (20)", "Thủ tục hành chính (30)", "Chính quyền số (25)",
                            "Mức độ hài lòng (25)"]
    assert grid[2:] == BODY


def _line(words: list[tuple[str, float, float]], top: float, size: float = 10.0) -> list[dict]:
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "size": size,
             "fontname": "LiberationSerif"} for t, x0, x1 in words]


# A Chromium print of a TT 01/2018 table without rules (10 pt cells, 2 px
# padding): each group's title wraps over two lines, and its indicators
# "Tiêu chí n", two lines each, are centred in the row below, their first
# line 5 points under the title's last (the title's own lines are 2 apart).
TT01_HEADER = [
    ([("Công khai, minh bạch", 214, 309), ("Tiến độ, kết quả giải", 326, 413), ("Mức độ hài lòng", 430, 500)], 82.9),
    ([("(18 điểm)", 241, 282), ("quyết (20 điểm)", 336, 403), ("(18 điểm)", 445, 485)], 94.9),
    ([("Tổng", 516, 538)], 96.4),
    ([("STT", 52, 71), ("Tên cơ quan, đơn vị", 97, 183)], 102.4),
    ([("điểm", 517, 538)], 108.4),
    ([("Tiêu", 215, 234), ("Tiêu", 252, 271), ("Tiêu", 288, 308), ("Tiêu chí", 427, 461), ("Tiêu chí", 469, 503)],
     109.9),
    ([("Tiêu chí 4", 322, 364), ("Tiêu chí 5", 375, 417)], 115.9),
    ([("chí 1", 215, 235), ("chí 2", 251, 272), ("chí 3", 288, 308), ("6", 441, 446), ("7", 484, 489)], 121.9),
]
TT01_BODY = [
    ([("1", 59, 64), ("Thanh tra tỉnh", 77, 133), ("4", 222, 227), ("6,86", 253, 270), ("8,9", 292, 304),
      ("9,3", 337, 349), ("2,09", 387, 405), ("4,5", 438, 450), ("1,5", 480, 492), ("37,15", 516, 539)], 136.9),
    ([("2", 59, 64), ("Sở Y tế", 77, 106), ("1,46", 216, 234), ("2,61", 253, 270), ("7,8", 292, 304),
      ("3,7", 337, 349), ("8,83", 387, 405), ("-", 442, 446), ("5,1", 480, 492), ("29,5", 519, 536)], 151.9),
    ([("3", 59, 64), ("Sở Tư pháp (3)", 77, 137), ("1,6", 219, 231), ("5,9", 255, 268), ("8,9", 292, 304),
      ("0,7", 337, 349), ("5,6", 390, 402), ("4,2", 438, 450), ("1,9", 480, 492), ("28,8", 519, 536)], 166.9),
]


def test_indicators_centred_under_a_group_title_are_cells_of_their_own_not_the_titles_last_line():
    """The first line of the indicators ("Tiêu", "Tiêu", "Tiêu") stands
    5 points under the title's last line, less than 0,6 of the font size,
    and was read as the title's third line: the group lost all its columns
    but the first ("Công khai, minh bạch (18 điểm) Tiêu" over "chí 1"). A
    line cut into several chunks under a cell holds the cells below it."""
    chars = [c for words, top in TT01_HEADER + TT01_BODY for c in _line(words, top)]
    tables, _ = aligned_tables(chars, 1)
    (t,) = tables
    assert t.header_rows == 2
    grid = t.grid()
    assert grid[0] == ["STT", "Tên cơ quan, đơn vị", "Công khai, minh bạch (18 điểm)", "", "",
                       "Tiến độ, kết quả giải quyết (20 điểm)", "", "Mức độ hài lòng (18 điểm)", "", "Tổng điểm"]
    assert grid[1][2:9] == ["Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Tiêu chí 4", "Tiêu chí 5",
                            "Tiêu chí 6", "Tiêu chí 7"]
    assert grid[2] == ["1", "Thanh tra tỉnh", "4", "6,86", "8,9", "9,3", "2,09", "4,5", "1,5", "37,15"]
