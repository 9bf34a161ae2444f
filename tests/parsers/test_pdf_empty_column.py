"""A column none of the rows wrote ("Ghi chú") in a table without rules
(reportlab, 9 pt): the body's text gives eight columns, the header nine.
The header cell of the empty column went to the nearest column ("Tổng
điểm (tối đa 50)" lost to "Ghi chú"), and the next page's part, without
a repeated header, has only the eight columns the rows show."""
from __future__ import annotations

from parsers.pdf_merge import merge_continued_tables
from parsers.pdf_words import aligned_tables
from reportgen.raw import RawCell, RawTable

SIZE = 9.0
LINES = [
    ([("Điểm thành phần", 391, 453)], 75.2),
    ([("STT", 63, 79), ("Tên cơ quan, đơn vị", 113, 185), ("Tổng điểm (tối đa 50)", 634, 713), ("Ghi chú", 743, 772)],
     83.5),
    ([("Thành phần 1 (10đ)", 219, 290), ("Thành phần 2 (10đ)", 303, 374), ("Thành phần 3 (10đ)", 387, 458),
      ("Thành phần 4 (10đ)", 470, 542), ("Thành phần 5 (10đ)", 554, 625)], 92.5),
    ([("1", 69, 73), ("UBND phường 1 Bảo Lộc", 87, 182), ("6,4", 249, 260), ("8,8", 333, 344), ("-", 421, 424),
      ("0,6", 500, 512), ("5,9", 584, 595), ("21,7", 666, 682)], 125.5),
    ([("2", 69, 73), ("Thanh tra tỉnh", 87, 138), ("1,21", 247, 262), ("0,52", 330, 346), ("6,3", 417, 428),
      ("6,88", 498, 514), ("4,8", 584, 595), ("19,71", 664, 684)], 142.0),
    ([("3", 69, 73), ("Sở Y tế", 87, 115), ("2", 252, 257), ("3,1", 333, 344), ("4", 420, 425),
      ("1,5", 500, 512), ("2,2", 584, 595), ("12,8", 666, 682)], 158.5),
]


def test_a_header_cell_over_no_column_of_the_body_is_an_empty_column():
    chars = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE, "size": SIZE,
              "fontname": "LiberationSerif"} for words, top in LINES for t, x0, x1 in words]
    (t,), _ = aligned_tables(chars, 1)
    grid = t.grid()
    assert t.n_cols == 9
    assert grid[0][7:] == ["Tổng điểm (tối đa 50)", "Ghi chú"]
    assert grid[t.header_rows] == ["1", "UBND phường 1 Bảo Lộc", "6,4", "8,8", "-", "0,6", "5,9", "21,7", ""]


X = [63, 87, 247, 330, 417, 498, 584, 664, 743, 772]  # the columns' text: x0 of each, and the last's x1


def _row(r: int, texts: list[str], page: int, cols: list[int]) -> list[RawCell]:
    return [RawCell(text=t, row=r, col=k, page=page, bbox=(X[j], 100 + 15 * r, X[j] + 18, 112 + 15 * r))
            for k, (t, j) in enumerate(zip(texts, cols))]


def test_the_next_pages_part_without_the_empty_column_joins_the_table():
    head = [RawCell(text=t, row=0, col=k, page=1) for k, t in enumerate(
        ["STT", "Tên", "TP1", "TP2", "TP3", "TP4", "TP5", "Tổng điểm", "Ghi chú"])]
    first = RawTable(index=-1, page=1, header_rows=1, rows=[head] + [
        _row(r, [str(r), f"Đơn vị {r}", "1", "2", "3", "4", "5", "15"], 1, list(range(8))) for r in (1, 2, 3)])
    cont = RawTable(index=-1, page=2, rows=[
        _row(r - 4, [str(r), f"Đơn vị {r}", "1", "2", "3", "4", "5", "15"], 2, list(range(8))) for r in (4, 5)])
    (table,) = merge_continued_tables([first, cont])
    grid = table.grid()
    assert table.n_cols == 9
    assert grid[-1] == ["5", "Đơn vị 5", "1", "2", "3", "4", "5", "15", ""]
