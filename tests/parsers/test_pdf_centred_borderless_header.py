"""A borderless table of two header levels as a browser prints it: no rule
at all, each header cell centred in its box both ways and the body's figures
set to the left of wide columns. A figure then covers only the left of its
column, and a header cell's text stands to the right of it, over the gap
before the next column's figures. The header is read from its own lowest
lines: a title with header text under it lies over the columns of that
text, so

- a cell set down both levels ("Kỳ trước / chuyển sang", its lines in the
  middle of the header band, lower than the group titles and higher than
  their leaves) is one cell of its own column, whatever number of lines it
  wraps onto;
- a group's title ("Đã giải quyết", centred, narrower than its columns)
  spans the columns whose leaves lie under it, and no column of the title
  beside it ("Đang giải quyết" wraps onto two lines: its "Quá hạn" is a
  leaf of the lower level, not a cell of the upper one)."""
from __future__ import annotations

import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # chromium is installed by scripts/setup.sh: a missing browser fails, never skips


def _pdf(tmp_path, head: list, widths: list[int], body: list[list[str]], font: int = 10, css: str = ""):
    """The table as chromium prints it. ``head``: per top cell, its title
    (set down both levels) or (title, [its leaves]); ``widths``: each
    column's width in points (the table laid out fixed); ``css``: more style."""
    top = "".join(f"<th rowspan='2'>{h}</th>" if isinstance(h, str) else f"<th colspan='{len(h[1])}'>{h[0]}</th>"
                  for h in head)
    low = "".join(f"<th>{leaf}</th>" for h in head if not isinstance(h, str) for leaf in h[1])
    cols = "".join(f"<col style='width:{w}pt'>" for w in widths)
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in body)
    html = tmp_path / "t.html"
    html.write_text(f"""<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><style>
body {{ font-family: 'Liberation Serif', serif; font-size: 12pt; }}
table {{ border-collapse: collapse; table-layout: fixed; font-size: {font}pt; }}
th {{ font-weight: normal; padding: 2pt 4pt; vertical-align: middle; text-align: center; }}
td {{ padding: 2pt 4pt; text-align: left; }}
{css}
</style></head><body><p>Bảng tổng hợp kết quả giải quyết hồ sơ</p>
<table><colgroup>{cols}</colgroup><tr>{top}</tr><tr>{low}</tr>{rows}</table>
<p>Các cơ quan tiếp tục thực hiện tốt việc giải quyết hồ sơ.</p></body></html>""", encoding="utf-8")
    pdf = tmp_path / "t.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", str(html)], check=True, capture_output=True, timeout=120)
    return pdf


def _grid(pdf) -> list[list[str]]:
    tables = list(read_raw(pdf).tables)
    assert len(tables) == 1
    return tables[0].grid(fill_spans=True)


FIELDS = [["1", "Lĩnh vực Chứng thực", "196", "14", "13", "169", "195", "82", "110", "3", "1", "0", "98,46"],
          ["2", "Lĩnh vực Đất đai", "97", "0", "48", "49", "94", "81", "11", "2", "3", "0", "97,87"],
          ["3", "Lĩnh vực Tư pháp", "159", "18", "73", "68", "143", "135", "5", "3", "12", "4", "97,90"],
          ["", "Tổng cộng", "452", "32", "134", "286", "432", "298", "126", "8", "16", "4", "98,15"]]


def test_a_centred_header_of_four_groups_over_left_set_figures(tmp_path):
    """The district's table of dossiers by field: thirteen columns, groups
    of two, four and two, "Kỳ trước chuyển sang" on two lines down both
    levels between "Tổng số hồ sơ" and "Mới tiếp nhận"."""
    head = ["STT", "Lĩnh vực", "Tổng số hồ sơ", "Kỳ trước<br>chuyển sang",
            ("Mới tiếp nhận", ["Trực tuyến", "Trực tiếp/BCCI"]),
            ("Đã giải quyết", ["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]),
            ("Đang giải quyết", ["Trong hạn", "Quá hạn"]), "Tỷ lệ đúng hạn (%)"]
    pdf = _pdf(tmp_path, head, [24, 80, 40, 76, 40, 48, 32, 32, 32, 32, 32, 32, 44], FIELDS)
    grid = _grid(pdf)
    assert grid[0] == ["STT", "Lĩnh vực", "Tổng số hồ sơ", "Kỳ trước chuyển sang", "Mới tiếp nhận", "Mới tiếp nhận",
                       *["Đã giải quyết"] * 4, "Đang giải quyết", "Đang giải quyết", "Tỷ lệ đúng hạn (%)"]
    assert grid[1] == ["STT", "Lĩnh vực", "Tổng số hồ sơ", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp/BCCI",
                       "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn", "Tỷ lệ đúng hạn (%)"]
    assert grid[2:] == FIELDS


UNITS = [["1", "Xã Hòa Bình", "12", "40", "25", "3", "70", "8", "98,6"],
         ["2", "Xã Tân Lập", "5", "31", "17", "0", "50", "3", "94,3"],
         ["3", "Thị trấn Ngan Dừa", "9", "66", "21", "6", "96", "6", "94,1"],
         ["", "Cộng", "26", "137", "63", "9", "216", "17", "95,6"]]


def test_a_group_of_three_and_a_rowspan_title_on_three_lines(tmp_path):
    """Nine columns: a narrow column's title down both levels wraps onto
    three lines, a group of three leaves and a group of two."""
    head = ["STT", "Đơn vị", "Số hồ sơ kỳ trước chuyển sang",
            ("Tiếp nhận trong kỳ", ["Trực tuyến", "Trực tiếp", "Bưu chính"]),
            ("Kết quả giải quyết", ["Đúng hạn", "Quá hạn"]), "Tỷ lệ (%)"]
    pdf = _pdf(tmp_path, head, [26, 102, 64, 58, 58, 58, 62, 62, 54], UNITS)
    grid = _grid(pdf)
    assert grid[0] == ["STT", "Đơn vị", "Số hồ sơ kỳ trước chuyển sang", *["Tiếp nhận trong kỳ"] * 3,
                       "Kết quả giải quyết", "Kết quả giải quyết", "Tỷ lệ (%)"]
    assert grid[1] == ["STT", "Đơn vị", "Số hồ sơ kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp", "Bưu chính",
                       "Đúng hạn", "Quá hạn", "Tỷ lệ (%)"]
    assert grid[2:] == UNITS


SHORT = [["1", "Phường 1", "20", "11", "1", "6", "1", "1", "12", "91,7"],
         ["2", "Phường 2", "34", "19", "3", "9", "2", "1", "22", "86,4"],
         ["3", "Xã Vĩnh Lộc", "16", "9", "2", "4", "0", "1", "11", "81,8"],
         ["", "Tổng cộng", "70", "39", "6", "19", "3", "3", "45", "86,7"]]


def test_a_wrapped_group_of_two_before_a_group_of_three_and_a_title_on_two_lines(tmp_path):
    """Ten columns the other way round: a group of two narrow columns whose
    title wraps onto two lines (its second line beside the top lines of
    the cells set down both levels), then a group of three, then a title
    down both levels on two lines."""
    head = ["TT", "Đơn vị", "Tổng số hồ sơ", ("Đang giải quyết", ["Trong hạn", "Quá hạn"]),
            ("Đã giải quyết", ["Trước hạn", "Đúng hạn", "Quá hạn"]), "Đã trả kết quả", "Tỷ lệ (%)"]
    pdf = _pdf(tmp_path, head, [24, 100, 64, 34, 34, 50, 50, 50, 56, 50], SHORT)
    grid = _grid(pdf)
    assert grid[0] == ["TT", "Đơn vị", "Tổng số hồ sơ", "Đang giải quyết", "Đang giải quyết",
                       *["Đã giải quyết"] * 3, "Đã trả kết quả", "Tỷ lệ (%)"]
    assert grid[1] == ["TT", "Đơn vị", "Tổng số hồ sơ", "Trong hạn", "Quá hạn", "Trước hạn", "Đúng hạn", "Quá hạn",
                       "Đã trả kết quả", "Tỷ lệ (%)"]
    assert grid[2:] == SHORT


def test_the_last_rows_without_a_number_broken_onto_the_next_page_join_the_table(tmp_path):
    """The table's last rows ("Cộng", "Tổng cộng", no number in "STT") fall
    on the next page, with no header repeated there: that part has one
    column fewer (its "STT" column is empty) and is read in the columns of
    the first part its text stands in, the rest of the same table."""
    head = ["STT", "Lĩnh vực", "Tổng số hồ sơ", "Kỳ trước<br>chuyển sang",
            ("Mới tiếp nhận", ["Trực tuyến", "Trực tiếp/BCCI"]),
            ("Đã giải quyết", ["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]),
            ("Đang giải quyết", ["Trong hạn", "Quá hạn"]), "Tỷ lệ đúng hạn (%)"]
    rows = FIELDS[:3] + [["", "Cộng", "452", "32", "134", "286", "432", "298", "126", "8", "16", "4", "98,15"],
                         ["", "Tổng cộng", "452", "32", "134", "286", "432", "298", "126", "8", "16", "4", "98,15"]]
    pdf = _pdf(tmp_path, head, [24, 80, 40, 76, 40, 48, 32, 32, 32, 32, 32, 32, 44], rows,
               css="tr:nth-last-child(2) { break-before: page; }")
    tables = list(read_raw(pdf).tables)
    assert len(tables) == 1
    assert {c.page for row in tables[0].rows for c in row} == {1, 2}
    grid = tables[0].grid(fill_spans=True)
    assert grid[2:] == rows
    assert grid[1] == ["STT", "Lĩnh vực", "Tổng số hồ sơ", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp/BCCI",
                       "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn", "Tỷ lệ đúng hạn (%)"]
