"""A table split in two by its author, "(Tiếp theo)" over the second part,
printed by a browser: each part is laid out by its own content, so the
second part's columns stand a few points off the first's. Announced and
repeating the header, it is the same table (parsers/pdf_merge.py)."""
from __future__ import annotations

from parsers.pdf_merge import merge_continued_tables
from reportgen.raw import RawCell, RawParagraph, RawTable

HEADER = ["STT", "Tên cơ quan, đơn vị", "Thành phần 1", "Thành phần 2", "Tổng điểm"]


def _part(page: int, edges: list[float], first: int, n: int) -> RawTable:
    texts = [HEADER] + [[str(k), f"Đơn vị {k}", "4,5", "3", "7,5"] for k in range(first, first + n)]
    rows = [[RawCell(text=t, row=r, col=c, page=page, bbox=(edges[c], 60 + 15 * r, edges[c + 1], 75 + 15 * r))
             for c, t in enumerate(row)] for r, row in enumerate(texts)]
    return RawTable(index=-1, rows=rows, page=page)


def _blocks(edges_second: list[float], mark: str) -> list:
    first = _part(1, [49, 75, 289, 366, 444, 522], 1, 3)
    second = _part(2, edges_second, 4, 3)
    return [first, RawParagraph(text=mark, index=0, page=2), second]


def test_a_part_after_tiep_theo_repeating_the_header_is_the_same_table_though_its_widths_differ():
    out = merge_continued_tables(_blocks([49, 75, 280, 359, 438, 522], "(Tiếp theo)"))
    tables = [b for b in out if isinstance(b, RawTable)]
    assert len(tables) == 1
    assert [row[0].text for row in tables[0].rows] == ["STT", "1", "2", "3", "4", "5", "6"]


def test_without_the_mark_columns_of_other_widths_are_another_table():
    out = merge_continued_tables(_blocks([49, 75, 280, 359, 438, 522], "4"))
    assert len([b for b in out if isinstance(b, RawTable)]) == 2
