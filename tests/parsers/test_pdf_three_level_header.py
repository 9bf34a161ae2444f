"""A three-level header without rules, as reportlab sets it (9 pt, every
cell centred vertically): the titles of the two groups stand on lines of
their own, at different heights ("Chỉ số thành phần … (60 điểm)" on one
line between the two lines of "Chỉ số hài lòng … (40 / điểm)"), over the
sub-groups, over the indicators; "Tổng điểm đạt được của cơ quan, đơn vị"
is centred down all three levels; a row numbers the columns."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 9.0
HEADER = [
    ([("Chỉ số hài lòng của người dân, tổ chức (40", 555, 708)], 74.5),
    ([("Chỉ số thành phần về cải cách hành chính (60 điểm)", 287, 474)], 79.7),
    ([("điểm)", 621, 642)], 85.0),
    ([("Tổng điểm đạt được", 721, 794)], 97.0),
    ([("STT", 63, 79), ("Đơn vị được đánh giá", 110, 188), ("Cải cách thể chế và thủ tục hành chính", 227, 366),
      ("Chính quyền điện tử, chính quyền số", 398, 530), ("Tiếp cận dịch vụ công", 592, 672)], 102.2),
    ([("của cơ quan, đơn vị", 722, 793)], 107.5),
    ([("Nội dung số 1", 216, 293), ("Nội dung số 2", 300, 377), ("Nội dung số 3", 384, 461),
      ("Nội dung số 4", 467, 544), ("Nội dung số 5", 551, 628), ("Nội dung số 6", 635, 712)], 119.5),
]
NUMBERS = ([("(1)", 65, 77), ("(2)", 143, 155), ("(3)", 249, 261), ("(4)", 333, 345), ("(5)", 417, 429),
            ("(6)", 500, 512), ("(7)", 584, 596), ("(8)", 668, 680), ("(9)", 752, 764)], 134.0)
BODY = [
    ([("1", 69, 73), ("Trung tâm Phục vụ hành chính", 87, 198), ("5,6", 249, 260), ("5,89", 330, 346),
      ("2", 418, 423), ("1,8", 500, 512), ("4,76", 582, 598), ("7,3", 668, 679), ("27,35", 747, 768)], 151.7),
    ([("2", 69, 73), ("Ban Quản lý các khu công nghiệp", 87, 209), ("7,36", 249, 265), ("0,8", 332, 343),
      ("6,87", 414, 430), ("1,3", 500, 512), ("2,2", 584, 596), ("-", 672, 675), ("18,53", 747, 768)], 168.0),
    ([("3", 69, 73), ("Sở Y tế", 87, 115), ("1", 252, 256), ("3,64", 330, 346), ("-", 420, 423),
      ("6,05", 498, 514), ("8,3", 584, 596), ("6,81", 666, 682), ("24,8", 749, 766)], 184.3),
]


def _chars(lines) -> list[dict]:
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE, "size": SIZE,
             "fontname": "LiberationSerif"} for words, top in lines for t, x0, x1 in words]


def test_group_titles_on_lines_of_their_own_at_different_heights_span_their_sub_groups():
    """The titles' lines hold one chunk each, and the lowest ("điểm)") is
    no cell's top line: they were left out of the table (the header lost
    its top level, the titles came between the parts of the table over
    pages). Read as two cells side by side, each over two header cells,
    they are a row of group titles; each spans the whole sub-groups under
    it ("Chính quyền điện tử, chính quyền số" is not split between the two
    groups), and "Tổng điểm …", set lower, is no group's."""
    (t,), _ = aligned_tables(_chars(HEADER + BODY), 1)
    grid = t.grid()
    assert t.header_rows == 3
    assert grid[0][:6] == ["STT", "Đơn vị được đánh giá", "Chỉ số thành phần về cải cách hành chính (60 điểm)", "",
                           "", ""]
    assert grid[0][8] == "Tổng điểm đạt được của cơ quan, đơn vị"
    # a group over one sub-group: the two are read as one cell over the same columns
    assert grid[0][6:8] == ["Chỉ số hài lòng của người dân, tổ chức (40 điểm) Tiếp cận dịch vụ công", ""]
    assert grid[1][2:6] == ["Cải cách thể chế và thủ tục hành chính", "", "Chính quyền điện tử, chính quyền số", ""]
    assert grid[2][2:8] == [f"Nội dung số {k}" for k in range(1, 7)]
    assert grid[3] == ["1", "Trung tâm Phục vụ hành chính", "5,6", "5,89", "2", "1,8", "4,76", "7,3", "27,35"]


def test_a_row_numbering_the_columns_is_a_header_row_of_its_own():
    """'(1) (2) … (9)' under the header was read as the last line of the
    cells above it ("STT (1)", "Nội dung số 1 (3)")."""
    (t,), _ = aligned_tables(_chars(HEADER + [NUMBERS] + BODY), 1)
    grid = t.grid()
    assert t.header_rows == 4
    assert grid[0][:2] == ["STT", "Đơn vị được đánh giá"]
    assert grid[2][2:8] == [f"Nội dung số {k}" for k in range(1, 7)]
    assert grid[3] == [f"({k})" for k in range(1, 10)]
    assert grid[4][0] == "1"


BROWSER = [  # Chromium, 10 pt, no rules: each cell centred down its row
    ([("Chỉ số hài lòng của người dân, tổ", 552, 692)], 82.9),
    ([("Chỉ số thành phần về cải cách hành chính (60 điểm)", 260, 480)], 88.9),
    ([("chức (40 điểm)", 591, 654)], 94.9),
    ([("Cải cách thể chế và thủ tục hành", 216, 356), ("Tổng điểm đạt", 719, 781)], 109.9),
    ([("Chính quyền điện tử, chính quyền số", 376, 533), ("Tiếp cận dịch vụ công", 576, 669)], 115.9),
    ([("STT", 52, 71), ("Đơn vị được đánh giá", 92, 184), ("chính", 274, 298), ("được của cơ quan,", 711, 789)],
     121.9),
    ([("Nội dung đánh", 212, 276), ("Nội dung đánh", 296, 360), ("Nội dung đánh", 380, 444),
      ("Nội dung đánh", 464, 528), ("Nội dung đánh", 548, 612), ("Nội dung đánh", 633, 696), ("đơn vị", 737, 764)],
     136.9),
    ([("giá số 1", 225, 262), ("giá số 2", 309, 346), ("giá số 3", 393, 430), ("giá số 4", 477, 514),
      ("giá số 5", 561, 598), ("giá số 6", 645, 682)], 148.9),
    ([("1", 59, 64), ("Sở Y tế", 77, 110), ("5,6", 238, 250), ("5,89", 319, 337), ("2", 409, 414), ("1,8", 490, 502),
      ("4,76", 571, 589), ("7,3", 658, 670), ("27,35", 739, 761)], 172.9),
    ([("2", 59, 64), ("Sở Tư pháp", 77, 125), ("7,36", 235, 253), ("0,8", 322, 334), ("6,87", 403, 421),
      ("1,3", 490, 502), ("2,2", 574, 586), ("-", 663, 666), ("18,53", 739, 761)], 187.9),
    ([("3", 59, 64), ("Sở Nội vụ", 77, 118), ("1", 241, 246), ("3,64", 319, 337), ("-", 409, 412),
      ("6,05", 487, 505), ("8,3", 574, 586), ("6,81", 655, 673), ("24,8", 741, 759)], 202.9),
]


def test_a_browsers_group_titles_over_sub_groups_that_start_on_different_lines():
    """Chromium centres each header cell down its row: the sub-groups
    start on different lines ("Cải cách … hành / chính" beside "Chính
    quyền điện tử, chính quyền số"), so no one line holds two of them under
    "Chỉ số thành phần …"; and "Chỉ số hài lòng …" stands over one
    sub-group, the indicators under it four lines down. Two cells whose
    lines overlap in height are one row, and a title over one cell that is
    itself a group's title is a group's title."""
    (t,), _ = aligned_tables([{**c, "size": 10.0, "bottom": c["top"] + 10.0} for c in _chars(BROWSER)], 1)
    grid = t.grid()
    assert grid[0][2] == "Chỉ số thành phần về cải cách hành chính (60 điểm)"
    assert grid[0][3:6] == ["", "", ""]
    assert grid[0][6].startswith("Chỉ số hài lòng của người dân, tổ chức (40 điểm)")
    assert grid[0][8] == "Tổng điểm đạt được của cơ quan, đơn vị"
    assert grid[-3] == ["1", "Sở Y tế", "5,6", "5,89", "2", "1,8", "4,76", "7,3", "27,35"]


def _table_of(lines, size):
    chars = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "size": size,
              "fontname": "LiberationSerif"} for words, top in lines for t, x0, x1 in words]
    (t,), _ = aligned_tables(chars, 1)
    return t


LONE_BODY = [([("1", 65, 69), ("Sở Y tế", 79, 110), ("3,5", 250, 261), ("3,16", 302, 318), ("5,91", 356, 372),
               ("8,03", 410, 426), ("8,3", 466, 477), ("28,9", 518, 534)], 0.0),
             ([("2", 65, 69), ("Sở Nội vụ", 79, 118), ("4", 253, 258), ("2,5", 305, 316), ("-", 362, 365),
               ("6,1", 412, 423), ("7", 469, 474), ("19,6", 518, 534)], 16.0),
             ([("3", 65, 69), ("Thanh tra tỉnh", 79, 135), ("1,2", 250, 261), ("6", 307, 312), ("3,3", 358, 369),
               ("5", 415, 420), ("2,8", 466, 477), ("18,4", 518, 534)], 32.0)]


def test_a_lone_group_title_in_the_headers_band_spans_the_columns_it_is_centred_on():
    """reportlab (9 pt): "Nhóm tiêu chí" alone on its line, over the five
    indicators; "TT", "Tên cơ quan, đơn vị", "Tổng điểm", centred down both
    rows, reach up beside it. It was left out of the header; a caption
    above a table stands clear of the header's cells."""
    head = [([("Nhóm tiêu chí", 338, 390)], 75.2),
            ([("TT", 61, 72), ("Tên cơ quan, đơn vị", 117, 189), ("Tổng điểm", 506, 545)], 83.5),
            ([("Tiêu chí 1", 238, 274), ("Tiêu chí 2", 292, 328), ("Tiêu chí 3", 346, 382), ("Tiêu chí 4", 400, 436),
              ("Tiêu chí 5", 454, 490)], 92.5)]
    t = _table_of(head + [(w, 114.2 + top) for w, top in LONE_BODY], 9.0)
    grid = t.grid()
    assert grid[0] == ["TT", "Tên cơ quan, đơn vị", "Nhóm tiêu chí", "", "", "", "", "Tổng điểm"]
    assert grid[1][2:7] == [f"Tiêu chí {k}" for k in range(1, 6)]
    assert grid[2][:3] == ["1", "Sở Y tế", "3,5"]


def test_a_row_of_indicators_under_a_lone_title_is_not_its_second_line():
    """A browser (10 pt): the indicators' line is 5 points under the title,
    "Tiêu chí 3" centred on the title's axis: it was the title's second
    line. A line with cells on both sides of it, under a title with none
    beside it, is the level below."""
    head = [([("Nhóm tiêu chí", 329, 389)], 82.9),
            ([("TT", 55, 68), ("Tên cơ quan, đơn vị", 107, 192), ("Tổng điểm", 498, 544)], 90.4),
            ([("Tiêu chí 1", 231, 273), ("Tiêu chí 2", 284, 327), ("Tiêu chí 3", 338, 380), ("Tiêu chí 4", 392, 434),
              ("Tiêu chí 5", 446, 488)], 97.9)]
    body = [([(t, x0 - 6, x1 - 6) for t, x0, x1 in w], 118.9 + top) for w, top in LONE_BODY]
    grid = _table_of(head + body, 10.0).grid()
    assert grid[0][2:7] == ["Nhóm tiêu chí", "", "", "", ""]
    assert grid[1][2:7] == [f"Tiêu chí {k}" for k in range(1, 6)]


def test_a_lone_title_whose_neighbours_wrap_onto_its_lines():
    """A browser (10 pt): "Điểm thành phần" shares its band with the top
    lines of "Tổng điểm (tối / đa 50)" and "Ghi / chú", both above the first
    line of columns; the title lies over one indicator only. The band was
    refused whole (the title over no two cells) and the header lost its
    group and the top lines of its neighbours."""
    head = [([("Điểm thành phần", 446, 521)], 82.9),
            ([("Tổng điểm (tối", 686, 749), ("Ghi", 768, 784)], 90.4),
            ([("STT", 52, 71), ("Tên cơ quan, đơn vị", 139, 224)], 96.4),
            ([("Thành phần 1", 299, 359), ("Thành phần 2", 376, 436), ("Thành phần 3", 453, 513),
              ("Thành phần 4", 531, 591), ("Thành phần 5", 608, 668)], 97.9),  # 5 points under the title
            ([("đa 50)", 704, 731), ("chú", 768, 784)], 102.4)]
    xs = [59, 90, 320, 397, 474, 552, 629, 705, 770]
    body = [([(t, x, x + 5 * len(t)) for t, x in zip(row, xs)], top) for row, top in (
        (["1", "Sở Y tế", "6,4", "8,8", "1", "0,6", "5,9", "22,7", "x"], 124.9),
        (["2", "Sở Nội vụ", "1,2", "0,5", "6,3", "6,9", "4,8", "19,7", "x"], 139.9),
        (["3", "Thanh tra tỉnh", "2", "3,1", "4", "1,5", "2,2", "12,8", "x"], 154.9))]
    grid = _table_of(head + body, 9.9975).grid()  # Chromium's 10 px font
    assert grid[0][2:] == ["Điểm thành phần", "", "", "", "", "Tổng điểm (tối đa 50)", "Ghi chú"]
    assert grid[1][2:7] == [f"Thành phần {k}" for k in range(1, 6)]
