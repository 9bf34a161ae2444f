"""Prose a browser sets in CSS columns (``column-count: 2``): the columns'
lines do not share baselines, and a line of one column can stand on the
baseline of a line of the other a little more than a column gap away. Each
column is read on its own, left first; a paragraph that runs on from the foot
of the left column to the top of the right one is one paragraph; a
footnote mark (a ``<sup>`` at five sixths of the size) is no part of the
word it follows; the line above a table in the prose's larger size is no
header of it."""
from __future__ import annotations

import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # chromium is installed by scripts/setup.sh: a missing browser fails, never skips

FIRST = ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh, Sở Nội vụ báo "
         "cáo kết quả xác định Chỉ số cải cách hành chính năm 2025 của các cơ quan, đơn vị như sau.")
SECOND = ("Tổng số 5 đơn vị được đánh giá, trong đó 2 đơn vị xếp loại Tốt, 3 đơn vị xếp loại Khá. "
          "Điểm trung bình đạt 79,30 điểm.")
ROWS = [["1", "Sở Tư pháp", "85,50", "100", "Tốt"], ["2", "Sở Tài chính", "81,25", "100", "Tốt"],
        ["3", "Sở Xây dựng", "78,00", "100", "Khá"], ["4", "Sở Y tế", "76,75", "100", "Khá"],
        ["5", "Sở Giáo dục và Đào tạo", "75,00", "100", "Khá"]]

HTML = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm 2cm 2cm 3cm; }}
body {{ font-family: "Times New Roman", serif; font-size: 13pt; }}
.cols {{ column-count: 2; column-gap: 1cm; text-align: justify; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ padding: 2pt 6pt; font-size: 11pt; }}
</style></head><body>
<p style="text-align:center"><b>BÁO CÁO<br>Kết quả xác định Chỉ số cải cách hành chính năm 2025</b></p>
<div class="cols"><p>{first}</p><p>{second}</p></div>
<table><tr><th>STT</th><th>Cơ quan, đơn vị</th><th>Điểm đạt</th><th>Tối đa</th><th>Xếp loại</th></tr>
{rows}</table></body></html>"""


@pytest.fixture(scope="module")
def columns_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("css_columns")
    first = FIRST.replace("tỉnh,", "tỉnh<sup>1</sup>,")
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    html = folder / "columns.html"
    html.write_text(HTML.format(first=first, second=SECOND, rows=rows), encoding="utf-8")
    out = folder / "columns.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={folder}/profile", f"--print-to-pdf={out}", html.as_uri()],
                   check=True, timeout=120, capture_output=True)
    return out


def test_prose_in_two_css_columns_is_read_column_by_column(columns_pdf):
    raw = read_raw(columns_pdf, {"ocr": "never"})
    assert [p.text for p in raw.paragraphs] == [
        "BÁO CÁO", "Kết quả xác định Chỉ số cải cách hành chính năm 2025", FIRST, SECOND]
    (table,) = list(raw.tables)
    assert table.grid() == [["STT", "Cơ quan, đơn vị", "Điểm đạt", "Tối đa", "Xếp loại"]] + ROWS
