"""The top of a page of a table without rules and without a repeated
header, printed by a browser (10 pt, rows centred): the page break cut row
16, and the last lines of its name ("công tỉnh Lâm / Đồng") stand above
row 17. They were read as paragraphs, which stood between the table's
parts, so the parts were not joined and row 16 lost half its name."""
from __future__ import annotations

from parsers.pdf_words import aligned_tables

SIZE = 10.0
PAGE = [
    ([("công tỉnh Lâm", 77, 135)], 43.9),
    ([("Đồng", 77, 99)], 55.9),
    ([("Chi nhánh Văn", 77, 137)], 70.9),
    ([("phòng đăng ký đất", 77, 151)], 82.9),
    ([("17", 56, 66), ("6,9", 176, 188), ("3,8", 232, 244), ("7,01", 285, 303), ("17,71", 507, 530)], 88.9),
    ([("đai huyện Điện", 77, 138)], 94.9),
    ([("Biên Đông", 77, 120)], 106.9),
    ([("Sở Nông nghiệp", 77, 142)], 121.9),
    ([("18", 56, 66), ("và Môi trường", 77, 135), ("8,4", 176, 188), ("5,3", 232, 244), ("7,6", 288, 300),
      ("21,3", 507, 530)], 133.9),
    ([("19", 56, 66), ("Sở Y tế", 77, 110), ("1", 179, 184), ("2,5", 232, 244), ("-", 292, 296), ("3,5", 510, 525)],
     155.9),
]


def _chars(lines) -> list[dict]:
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 9.99, "size": SIZE,
             "fontname": "LiberationSerif"} for words, top in lines for t, x0, x1 in words]


def test_the_rest_of_a_cut_row_at_the_top_of_a_page_without_header_is_the_tables():
    (t,), taken = aligned_tables(_chars(PAGE), 2)
    grid = t.grid()
    assert grid[0][:2] == ["", "công tỉnh Lâm Đồng"]  # joined to the cut row by the merge over pages
    assert [r[0] for r in grid[1:]] == ["17", "18", "19"]
    assert grid[1][:3] == ["17", "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông", "6,9"]


def test_a_line_above_that_does_not_start_at_a_column_is_not_taken():
    page = [([("Biểu 03", 300, 340)], 43.9)] + PAGE[2:]
    (t,), _ = aligned_tables(_chars(page), 2)
    assert t.grid()[0][0] == "17"
