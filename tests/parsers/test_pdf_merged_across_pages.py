"""A ruled table whose first column names a district merged down its
communes (``rowspan``), printed by a browser so that the last district's rows
go on to the next page: its merged cell has side rules running to the foot of
the page and no rule under it, and on the next page side rules from the head
of the page with no rule above. The cut cell is closed where the page cuts
it, so the district's name stays in the table; the row on the next page is
the table's next row (it has its own order number), not the rest of the row
above it."""
from __future__ import annotations

import subprocess

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # chromium is installed by scripts/setup.sh: a missing browser fails, never skips

DISTRICTS = [("Huyện Lạc Dương", [("1", "Xã Đạ Sar", "91,25"), ("2", "Xã Đưng K'Nớ", "72,40"),
                                  ("3", "Thị trấn Lạc Dương", "84,60")]),
             ("Huyện Đam Rông", [("1", "Xã Rô Men", "66,75"), ("2", "Xã Liêng Srônh", "58,90"),
                                 ("3", "Xã Đạ Long", "47,35"), ("4", "Xã Phi Liêng", "80,00")]),
             ("Huyện Di Linh", [("1", "Thị trấn Di Linh", "93,50"), ("2", "Xã Gia Hiệp", "77,15")])]

HTML = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm 2cm 2cm 3cm; }}
body {{ font-family: "Times New Roman", serif; font-size: 13pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #000; padding: {pad}pt 6pt; font-size: 12pt; }}
</style></head><body>
<p>KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA CÁC XÃ</p>
<table><tr><th>Huyện</th><th>STT</th><th>Đơn vị</th><th>Chỉ số</th></tr>{rows}</table>
<p>Nơi nhận: UBND tỉnh.</p></body></html>"""


def rows_html() -> str:
    out = []
    for district, communes in DISTRICTS:
        for k, (no, name, score) in enumerate(communes):
            lead = f'<td rowspan="{len(communes)}">{district}</td>' if k == 0 else ""
            out.append(f"<tr>{lead}<td>{no}</td><td>{name}</td><td>{score}</td></tr>")
    return "".join(out)


@pytest.fixture(scope="module")
def cut_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("merged_cut")
    html = folder / "cut.html"
    # rows tall enough that the last district begins on page 1 and ends on page 2
    html.write_text(HTML.format(pad=29, rows=rows_html()), encoding="utf-8")
    out = folder / "cut.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={folder}/profile", f"--print-to-pdf={out}", html.as_uri()],
                   check=True, timeout=120, capture_output=True)
    return out


def test_the_district_cut_by_the_page_break_keeps_its_name_and_its_rows(cut_pdf):
    raw = read_raw(cut_pdf, {"ocr": "never"})
    assert raw.page_count == 2
    (table,) = list(raw.tables)
    body = [row for row in table.grid()[1:] if any(row)]
    assert [(row[1], row[2], row[3]) for row in body] == [c for _, cs in DISTRICTS for c in cs]
    assert [row[0] for row in body] == ["Huyện Lạc Dương", "", "", "Huyện Đam Rông", "", "", "",
                                         "Huyện Di Linh", ""]
    assert not any("Di Linh" == p.text or "Huyện" == p.text for p in raw.paragraphs)
