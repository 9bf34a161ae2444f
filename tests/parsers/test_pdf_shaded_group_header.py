"""A borderless table a browser prints with a shaded header of two levels
(parsers/pdf_fill_header.py): chromium paints each header cell as a box of
the header's colour, a group title over its sub-columns and "STT" down both
levels, so the boxes' sides make a grid of the header alone. The body,
rules only above and under it and every other row tinted or not, is the
same table: the sub-columns' sides run down through its rows, and every row
is read in its columns under the header's two levels."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="chromium (scripts/setup.sh installs it)")

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
