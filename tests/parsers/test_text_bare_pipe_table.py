"""Rows whose cells "|" separates with no border ("TT | Cấp | Tổng số",
"1 | Cấp tỉnh | 5.225") are a table, as a Markdown table is; a line that
starts with "|" inside it has an empty first cell (" | Tổng cộng | 13.118")."""
from __future__ import annotations

from parsers.text_tables import detect

LINES = ["TT | Cấp/Đơn vị | Tổng số | Đã giải quyết", "1 | Cấp tỉnh | 5.225 | 5.090", "2 | Cấp xã | 7.893 | 7.621",
         " | Tổng cộng | 13.118 | 12.711", "", "Nơi nhận:"]


def test_bare_pipe_rows_are_a_table():
    table, end = detect(LINES, 0, len(LINES))
    assert end == 4 and table.header_rows == 1
    assert [[c.text for c in row] for row in table.rows] == [
        ["TT", "Cấp/Đơn vị", "Tổng số", "Đã giải quyết"], ["1", "Cấp tỉnh", "5.225", "5.090"],
        ["2", "Cấp xã", "7.893", "7.621"], ["", "Tổng cộng", "13.118", "12.711"]]


def test_a_sentence_with_one_bar_is_no_table():
    lines = ["Kết quả: đạt | chưa đạt theo từng tiêu chí.", "Tiếp theo là đoạn văn."]
    assert detect(lines, 0, len(lines)) is None
