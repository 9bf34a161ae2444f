"""A table without rules goes on over a page break; the lines of a row set
right under the repeated header are read into the header cells of their
columns. A header's first part is whole, so what a repeat says beyond it is
no header: the rest of a row the break cut, joined to that row where it can
be. Where it cannot (here two figures stand over figures: it is a row of its
own), the words are not dropped without a word: the join notes them
(``words_unplaced``), and the reader turns the note into TEXT_UNPLACED, a
doubt that keeps the document from ĐẠT (parsers/pdf_merge.py)."""
from __future__ import annotations

from parsers.pdf_merge import merge_continued_tables
from reportgen.raw import RawCell, RawTable

HEADER = ["STT", "Đơn vị", "Điểm đạt", "Tỷ lệ (%)"]
EDGES = [50, 80, 300, 400, 500]


def _part(page: int, texts: list[list[str]]) -> RawTable:
    rows = [[RawCell(text=t, row=r, col=c, page=page, bbox=(EDGES[c], 60 + 15 * r, EDGES[c + 1], 75 + 15 * r))
             for c, t in enumerate(row)] for r, row in enumerate(texts)]
    return RawTable(index=-1, rows=rows, page=page)


def _first() -> RawTable:
    return _part(1, [HEADER, ["1", "Xã An Phú", "90,00", "90,00"], ["2", "Xã Bình Minh", "88,50", "88,50"]])


def test_words_a_repeated_header_holds_beyond_the_header_that_join_no_row_are_noted_with_their_page():
    second = _part(2, [["STT", "Đơn vị Xã Cát Tiên", "Điểm đạt 85,25", "Tỷ lệ (%) 85,25"],
                       ["4", "Xã Đạ Huoai", "80,00", "80,00"]])
    notes: list = []
    out = merge_continued_tables([_first(), second], notes)
    (table,) = out
    assert [row[1].text for row in table.rows] == ["Đơn vị", "Xã An Phú", "Xã Bình Minh", "Xã Đạ Huoai"]
    (note,) = notes
    assert (note.kind, note.page, note.table) == ("words_unplaced", 2, 0)
    assert note.data["text"] == "Xã Cát Tiên | 85,25 | 85,25"
    assert "không ghép được vào dòng nào" in note.message


def test_a_repeat_that_is_only_the_header_leaves_no_note():
    second = _part(2, [HEADER, ["3", "Xã Cát Tiên", "85,25", "85,25"]])
    notes: list = []
    (table,) = merge_continued_tables([_first(), second], notes)
    assert [row[0].text for row in table.rows] == ["STT", "1", "2", "3"]
    assert notes == []


def test_the_rest_of_a_cut_row_joins_that_row_and_leaves_no_note():
    first = _part(1, [HEADER, ["1", "Xã An Phú", "90,00", "90,00"], ["2", "Xã Bình", "", ""]])
    second = _part(2, [["STT", "Đơn vị Minh", "Điểm đạt 88,50", "Tỷ lệ (%) 88,50"],
                       ["3", "Xã Cát Tiên", "85,25", "85,25"]])
    notes: list = []
    (table,) = merge_continued_tables([first, second], notes)
    assert [[c.text for c in row] for row in table.rows[2:]] == [["2", "Xã Bình Minh", "88,50", "88,50"],
                                                                  ["3", "Xã Cát Tiên", "85,25", "85,25"]]
    assert notes == []


def test_the_reader_reports_the_noted_words_as_a_doubt_on_their_table():
    from reportgen.coverage import doubts_a_figure
    from reportgen.raw import RawDocument
    from reportgen.read import note_findings

    second = _part(2, [["STT", "Đơn vị Xã Cát Tiên", "Điểm đạt 85,25", "Tỷ lệ (%) 85,25"],
                       ["4", "Xã Đạ Huoai", "80,00", "80,00"]])
    raw = RawDocument(source="x.pdf", format="pdf")
    raw.blocks = merge_continued_tables([_first(), second], raw.notes)
    (finding,) = note_findings(raw)
    assert (finding.code, finding.severity, finding.page, finding.reported) == (
        "TEXT_UNPLACED", "warning", 2, "Xã Cát Tiên | 85,25 | 85,25")
    assert doubts_a_figure(finding.code, finding.severity)
