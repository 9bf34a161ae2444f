"""A PDF table whose rows the page break cut (LibreOffice lets a row run on to
the next page): the pieces of the cut cells at the top of the new page are no
table row, so the parser gives them as short paragraphs between the two parts
— "p" (the last letter of the name the page before ended with) and "Xã" (the
top line of the next row's name). Read as prose they kept the parts apart and
the second part lost its header. They are pieces of rows: the parts are one
table, "p" goes back to the row before ("… khu công nghiệ" + "p" = "nghiệp"),
"Xã" to the row under it. A title or a note between two tables stays prose."""
from __future__ import annotations

from reportgen.raw import RawCell, RawParagraph, RawTable
from reportgen.read.grouping import group_tables

X = [(57, 69), (88, 160), (170, 200), (210, 240)]  # STT, name, rate, points


def row(r: int, texts: list[str], page: int, top: float) -> list[RawCell]:
    return [RawCell(text=t, row=r, col=k, page=page, bbox=(X[k][0], top, X[k][1], top + 12))
            for k, t in enumerate(texts)]


FIRST = RawTable(index=0, rows=[row(0, ["STT", "Tên cơ quan, đơn vị", "Tỷ lệ (%)", "Điểm"], 2, 600),
                                row(1, ["11", "Sở Y tế", "51,41", "9,25"], 2, 616),
                                row(2, ["12", "Ban Quản lý các khu công nghiệ", "100", "18"], 2, 632)])
SECOND = RawTable(index=1, rows=[row(0, ["13", "Phú Hòa", "94", "16,92"], 3, 113),
                                 row(1, ["14", "Công an tỉnh", "42,41", "7,63"], 3, 129)])


def para(text: str, top: float, x0: float = 88, x1: float = 104, page: int = 3) -> RawParagraph:
    return RawParagraph(text=text, index=0, page=page, bbox=(x0, top, x1, top + 12))


def test_pieces_of_cut_rows_go_back_into_their_rows_and_the_parts_are_one_table():
    [(title, parts)] = group_tables([FIRST, para("p", 71), para("Xã", 97), SECOND])
    assert len(parts) == 2
    assert parts[0].rows[-1][1].text == "Ban Quản lý các khu công nghiệp"
    assert [c.text for c in parts[1].rows[0]] == ["13", "Xã Phú Hòa", "94", "16,92"]
    assert FIRST.rows[-1][1].text == "Ban Quản lý các khu công nghiệ"  # the parser's table is left as read


def test_a_title_between_two_tables_keeps_them_apart():
    groups = group_tables([FIRST, para("Bảng 2. Kết quả cấp xã", 97, 88, 150), SECOND])
    assert [len(parts) for _, parts in groups] == [1, 1]
    assert groups[1][0] == "Bảng 2. Kết quả cấp xã"


def test_a_piece_over_a_figure_or_on_the_same_page_is_no_cut_row():
    over_figure = group_tables([FIRST, para("Xã", 97, 172, 190), SECOND])
    same_page = group_tables([FIRST, para("Xã", 97, page=2), SECOND])
    assert [len(parts) for _, parts in over_figure] == [1, 1]
    assert [len(parts) for _, parts in same_page] == [1, 1]
