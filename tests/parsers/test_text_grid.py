"""Tables drawn with characters in a plain-text report: a Pandoc grid table
(rules between rows, a header cell wrapped over two lines, "=" under the
header), a console table (rules around the header and the body only) and a
box-drawing table with a total row ruled apart."""
from __future__ import annotations

from parsers.text_grid import grid_table

PANDOC = """\
+-----+-------------+-----------+
| STT | Đơn vị      | Điểm đạt  |
|     |             | được      |
+=====+=============+===========+
| 1   | Sở Tư pháp  | 91,50     |
+-----+-------------+-----------+
| 2   | Sở Văn hóa, | 85,20     |
|     | Thể thao    |           |
+-----+-------------+-----------+
| 3   | Sở Xây dựng | 81,75     |
+-----+-------------+-----------+
Nơi nhận:""".splitlines()

CONSOLE = """\
+-----+-----------+----------+
| STT | Lĩnh vực  | Số hồ sơ |
+-----+-----------+----------+
| 1   | Hộ tịch   | 310      |
| 2   | Đất đai   | 145      |
| 3   | Chứng thực| 220      |
+-----+-----------+----------+""".splitlines()

BOXED = """\
┌─────┬────────────┬──────────┐
│ STT │ Lĩnh vực   │ Số hồ sơ │
├─────┼────────────┼──────────┤
│ 1   │ Hộ tịch    │ 310      │
│ 2   │ Đất đai    │ 145      │
├─────┼────────────┼──────────┤
│     │ Tổng cộng  │ 455      │
└─────┴────────────┴──────────┘""".splitlines()


def _texts(table):
    return [[c.text for c in row] for row in table.rows]


def test_rules_between_rows_make_each_group_of_lines_one_row():
    table, after = grid_table(PANDOC, 0, len(PANDOC))
    assert after == 11 and table.header_rows == 1
    assert _texts(table) == [["STT", "Đơn vị", "Điểm đạt được"], ["1", "Sở Tư pháp", "91,50"],
                             ["2", "Sở Văn hóa, Thể thao", "85,20"], ["3", "Sở Xây dựng", "81,75"]]


def test_rules_around_header_and_body_only_make_each_line_a_row():
    table, after = grid_table(CONSOLE, 0, len(CONSOLE))
    assert after == 7 and table.header_rows == 1
    assert _texts(table)[1:] == [["1", "Hộ tịch", "310"], ["2", "Đất đai", "145"], ["3", "Chứng thực", "220"]]


def test_box_drawing_with_a_total_row_ruled_apart():
    table, _ = grid_table(BOXED, 0, len(BOXED))
    assert _texts(table) == [["STT", "Lĩnh vực", "Số hồ sơ"], ["1", "Hộ tịch", "310"], ["2", "Đất đai", "145"],
                             ["", "Tổng cộng", "455"]]


def test_a_rule_alone_or_a_line_of_dashes_in_prose_is_no_table():
    lines = ["-----------------", "Nội dung báo cáo"]
    assert grid_table(lines, 0, len(lines)) is None
    lines = ["+------+", "| Chỉ một ô |", "+------+"]
    assert grid_table(lines, 0, len(lines)) is None


def test_a_drawn_table_in_a_text_report_is_checked(tmp_path):
    from reportgen.checks import CheckContext, run_checks
    from reportgen.read import read_path

    path = tmp_path / "bc.txt"
    drawn = "\n".join(BOXED).replace("455", "465")
    path.write_text(f"BÁO CÁO\nKết quả giải quyết hồ sơ năm 2025\n\n1. Thống kê\n{drawn}\n", encoding="utf-8")
    [f] = [f for f in run_checks(read_path(path), CheckContext()) if f.code == "SUM_ROW_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("error", "465", "455")
