"""A table continued on the next page with its header repeated and only its
total row there: the total is a row of its own, never joined into the last
unit's row (a figure is one line; a page break does not cut "912" from
"17.435"). Figures: a reportlab survey of ten communes, its "Cộng" on page 2."""
from __future__ import annotations

from parsers.pdf_join import append_continuation
from reportgen.raw import RawCell, RawTable

HEAD = ["TT", "Xã", "Tổng số lượt đánh giá", "Rất hài lòng", "Hài lòng", "Không hài lòng", "Tỷ lệ hài lòng (%)"]


def _row(r, texts, page):
    return [RawCell(text=t, row=r, col=c, page=page, bbox=(60.0 * c, 10.0 * r, 60.0 * c + 58, 10.0 * r + 9))
            for c, t in enumerate(texts)]


def test_a_total_row_alone_on_the_next_page_is_a_row_of_its_own():
    first = RawTable(index=0, rows=[_row(0, HEAD, 1),
                                    _row(1, ["9", "UBND xã Đức Trọng", "2.185", "1.348", "796", "41", "98,12"], 1),
                                    _row(2, ["10", "UBND xã Đông Hưng", "912", "577", "290", "45", "95,07"], 1)])
    total = ["", "Cộng", "17.435", "13.045", "4.064", "326", "98,13"]
    cont = RawTable(index=1, rows=[_row(0, HEAD, 2), _row(1, total, 2)])
    append_continuation(first, cont)
    assert [[c.text for c in row] for row in first.rows[1:]] == [
        ["9", "UBND xã Đức Trọng", "2.185", "1.348", "796", "41", "98,12"],
        ["10", "UBND xã Đông Hưng", "912", "577", "290", "45", "95,07"],
        ["", "Cộng", "17.435", "13.045", "4.064", "326", "98,13"]]


def test_a_row_the_break_cut_in_its_words_is_still_joined():
    first = RawTable(index=0, rows=[_row(0, HEAD, 1),
                                    _row(1, ["10", "UBND xã Đông", "912", "577", "290", "45", "95,07"], 1)])
    cont = RawTable(index=1, rows=[_row(0, HEAD, 2), _row(1, ["", "Hưng", "", "", "", "", ""], 2)])
    append_continuation(first, cont)
    assert [c.text for c in first.rows[-1]] == ["10", "UBND xã Đông Hưng", "912", "577", "290", "45", "95,07"]


def test_a_statistic_row_with_one_figure_alone_on_the_next_page_is_a_row_of_its_own():
    # hold-out h-new22 (reportlab): "Chỉ số cao nhất" and its one figure were joined into the last commune's row
    head = ["Thứ hạng", "Đơn vị", "Tổng điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"]
    first = RawTable(index=0, rows=[_row(0, head, 1),
                                    _row(1, ["7", "UBND phường Kim Sơn", "68,97", "100,00", "68,97", "ĐẠT"], 1),
                                    _row(2, ["8", "UBND xã Vĩnh Phúc", "64,36", "100,00", "64,36", "ĐẠT"], 1)])
    cont = RawTable(index=1, rows=[_row(0, head, 2), _row(1, ["", "Chỉ số cao nhất", "", "", "88,86", ""], 2),
                                   _row(2, ["", "Chỉ số thấp nhất", "", "", "64,36", ""], 2)])
    append_continuation(first, cont)
    assert [[c.text for c in row] for row in first.rows[2:]] == [
        ["8", "UBND xã Vĩnh Phúc", "64,36", "100,00", "64,36", "ĐẠT"],
        ["", "Chỉ số cao nhất", "", "", "88,86", ""],
        ["", "Chỉ số thấp nhất", "", "", "64,36", ""]]


def test_a_figure_a_narrow_column_wrapped_is_joined():
    first = RawTable(index=0, rows=[_row(0, HEAD, 1),
                                    _row(1, ["10", "UBND xã Đông", "912", "577", "290", "45", "95,0"], 1)])
    cont = RawTable(index=1, rows=[_row(0, HEAD, 2), _row(1, ["", "Hưng", "", "", "", "", "7"], 2)])
    append_continuation(first, cont)
    assert [c.text for c in first.rows[-1]] == ["10", "UBND xã Đông Hưng", "912", "577", "290", "45", "95,07"]
