"""A borderless table a browser prints with a shaded header of two levels
(parsers/pdf_fill_header.py): chromium paints each header cell as a box of
the header's colour, a group title over its sub-columns and "STT" down both
levels, so the boxes' sides make a grid of the header alone. The body,
rules only above and under it and every other row tinted or not, is the
same table: the sub-columns' sides run down through its rows, and every row
is read in its columns under the header's two levels."""
from __future__ import annotations

import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # chromium is installed by scripts/setup.sh: a missing browser fails, never skips

UNITS = [("1", "Phường Tuy Phước", "1.740", "75", "802", "863", "1.737", "1.043", "681", "13", "3", "99,25"),
         ("2", "Xã Hoài Nhơn", "369", "60", "166", "143", "357", "263", "91", "3", "12", "99,16"),
         ("3", "Xã Hải Sơn", "740", "7", "282", "451", "735", "351", "379", "5", "5", "99,32"),
         ("4", "Xã An Nhơn", "579", "64", "295", "220", "568", "266", "298", "4", "11", "99,30"),
         ("5", "Xã Đầm Hà", "948", "10", "814", "124", "928", "344", "582", "2", "20", "99,78"),
         ("6", "Phường Quang Hanh", "563", "46", "181", "336", "559", "271", "283", "5", "4", "99,11")]
TOTAL = ("Tổng cộng", "", "4.939", "262", "2.540", "2.137", "4.884", "2.538", "2.314", "32", "55", "99,34")
SUBS = ["Tổng số", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]


def _html(zebra: bool) -> str:
    th = "".join(f"<th>{s}</th>" for s in SUBS)
    body = "".join("<tr>" + "".join(f"<td{' class=n' if k == 1 else ''}>{v}</td>" for k, v in enumerate(u))
                   + "</tr>" for u in UNITS)
    total = "<tr><td colspan='2'><b>Tổng cộng</b></td>" + "".join(f"<td>{v}</td>" for v in TOTAL[2:]) + "</tr>"
    tint = "table.d tbody tr:nth-child(even) td { background: #f0f0f0; }" if zebra else ""
    return f"""<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><style>
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: 'Liberation Serif', serif; font-size: 13pt; }}
table.d {{ border-collapse: collapse; width: 100%; font-size: 10pt; }}
table.d td, table.d th {{ padding: 2pt 3pt; text-align: center; }}
table.d td.n {{ text-align: left; }}
table.d thead th {{ border-bottom: 1.5px solid #000; border-top: 1.5px solid #000; background: #dfe6ee; }}
{tint}
table.d tbody tr:last-child td {{ border-bottom: 1.5px solid #000; }}
</style></head><body><p><b>KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH</b></p>
<table class='d'><thead>
<tr><th rowspan='2'>STT</th><th rowspan='2'>Đơn vị</th><th colspan='4'>Hồ sơ tiếp nhận</th>
<th colspan='4'>Hồ sơ đã giải quyết</th><th rowspan='2'>Đang giải quyết</th>
<th rowspan='2'>Tỷ lệ trước hạn và đúng hạn (%)</th></tr>
<tr>{th}</tr></thead><tbody>{body}{total}</tbody></table>
<p>Các đơn vị tiếp tục thực hiện tốt việc giải quyết hồ sơ.</p></body></html>"""


@pytest.mark.parametrize("zebra", [True, False])
def test_a_shaded_two_level_header_heads_the_rows_under_it(tmp_path, zebra):
    html = tmp_path / "t.html"
    html.write_text(_html(zebra), encoding="utf-8")
    pdf = tmp_path / "t.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", str(html)], check=True, capture_output=True, timeout=120)
    tables = list(read_raw(pdf).tables)
    assert len(tables) == 1
    grid = tables[0].grid(fill_spans=True)
    assert grid[0] == ["STT", "Đơn vị", *["Hồ sơ tiếp nhận"] * 4, *["Hồ sơ đã giải quyết"] * 4,
                       "Đang giải quyết", "Tỷ lệ trước hạn và đúng hạn (%)"]
    assert grid[1][2:10] == SUBS
    # the total's label merged over "STT" and "Đơn vị" and centred there, no rule between: the names' column
    assert grid[2:] == [list(u) for u in UNITS] + [["", "Tổng cộng", *TOTAL[2:]]]
    # the paragraph after the table stays a paragraph
    assert any("tiếp tục thực hiện" in p.text for p in read_raw(pdf).paragraphs)


def test_reportlab_header_cells_shaded_one_by_one_head_the_rows_under_them(tmp_path):
    """The same with reportlab: each header cell (a group title over two
    sub-columns, "STT" spanning both levels) given its own background, rules
    over and under the header and under the last row, every other row
    tinted as one box."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    rows = [["STT", "Đơn vị", "Hồ sơ tiếp nhận", "", "Hồ sơ đã giải quyết", "", "Ghi chú"],
            ["", "", "Tổng số", "Trực tuyến", "Tổng số", "Quá hạn", ""]]
    rows += [[str(k), f"Xã số {k}", str(100 + 7 * k), str(50 + k), str(90 + 7 * k), str(k % 3), ""]
             for k in range(1, 9)]
    black, tint = Color(0, 0, 0), Color(0.87, 0.9, 0.93)
    style = [("FONT", (0, 0), (-1, -1), FONT_NAME, 10), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
             ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (5, 0)), ("SPAN", (6, 0), (6, 1)),
             ("LINEABOVE", (0, 0), (-1, 0), 1, black), ("LINEBELOW", (0, 1), (-1, 1), 1, black),
             ("LINEBELOW", (0, -1), (-1, -1), 1, black)]
    style += [("BACKGROUND", cell, cell, tint)
              for cell in [(0, 0), (1, 0), (2, 0), (4, 0), (6, 0), (2, 1), (3, 1), (4, 1), (5, 1)]]
    style += [("BACKGROUND", (0, r), (-1, r), Color(0.94, 0.94, 0.94)) for r in range(3, len(rows), 2)]
    table = Table(rows, colWidths=[35, 120, 80, 80, 80, 80, 80])
    table.setStyle(TableStyle(style))
    path = tmp_path / "t.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    tables = list(read_raw(path).tables)
    assert len(tables) == 1
    grid = tables[0].grid(fill_spans=True)
    assert grid[0] == ["STT", "Đơn vị", "Hồ sơ tiếp nhận", "Hồ sơ tiếp nhận", "Hồ sơ đã giải quyết",
                       "Hồ sơ đã giải quyết", "Ghi chú"]
    assert grid[1] == ["STT", "Đơn vị", "Tổng số", "Trực tuyến", "Tổng số", "Quá hạn", "Ghi chú"]
    assert grid[2:] == rows[2:]
