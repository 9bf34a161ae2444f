"""Header cells written up their cell (Word's "btLr" text direction, a
browser's rotated or vertical writing) read as a reader reads them with the
page turned, not as their letters stacked in page order ("h c ạ b h n i m")."""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from fixtures.build_pdf import chromium_binary, libreoffice_pdfs
from parsers import read_raw
from reportgen.raw import RawTable
from reportgen.verify import verify_path

HEADS = ["Công khai, minh bạch (20đ)", "Tiến độ giải quyết (25đ)", "Dịch vụ trực tuyến (30đ)",
         "Mức độ hài lòng (25đ)", "Tổng điểm", "Xếp hạng"]
UNITS = [("Sở Tư pháp", "18,50 24,00 27,30 19,21"), ("Sở Y tế", "17,00 22,50 26,00 18,90"),
         ("Sở Xây dựng", "16,20 21,00 25,10 17,05"), ("Sở Tài chính", "15,00 20,40 24,00 16,30")]


def _rows(total_slip: str | None = None) -> list[list[str]]:
    out = []
    for i, (unit, points) in enumerate(UNITS, 1):
        values = points.split()
        total = f"{sum(Decimal(v.replace(',', '.')) for v in values):.2f}".replace(".", ",")
        out.append([str(i), unit, *values, total_slip if total_slip and i == 3 else total, str(i)])
    return out


def _header(path) -> list[str]:
    [table] = [b for b in read_raw(path).blocks if isinstance(b, RawTable)]
    return table.grid()[0]


def _docx_pdf(tmp_path, name: str, total_slip: str | None = None):
    doc = Document()
    doc.add_paragraph("BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP QUÝ III NĂM 2025")
    rows = _rows(total_slip)
    table = doc.add_table(rows=1 + len(rows), cols=2 + len(HEADS))
    table.style = "Table Grid"
    for j, text in enumerate(["STT", "Cơ quan, đơn vị", *HEADS]):
        cell = table.cell(0, j)
        cell.text = text
        if j >= 2:
            direction = OxmlElement("w:textDirection")
            direction.set(qn("w:val"), "btLr")
            cell._tc.get_or_add_tcPr().append(direction)
    table.rows[0].height = Cm(4.2)
    for i, row in enumerate(rows, 1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / f"{name}.docx"
    doc.save(path)
    [pdf] = libreoffice_pdfs([path], tmp_path)
    return pdf


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed")
def test_headers_written_up_their_cells_in_word_read_whole(tmp_path):
    assert _header(_docx_pdf(tmp_path, "chiso")) == ["STT", "Cơ quan, đơn vị", *HEADS]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed")
def test_a_slipped_total_under_turned_headers_is_found(tmp_path):
    result = verify_path(_docx_pdf(tmp_path, "chiso-sai", total_slip="79,53"))  # the sum is 79,35
    assert [(f.code, f.unit, f.reported, f.expected) for f in result.findings if f.severity == "error"] == [
        ("TOTAL_MISMATCH", "Sở Xây dựng", "79.53", "79.35")]


@pytest.mark.parametrize("writing", ["writing-mode: vertical-rl; transform: rotate(180deg)",
                                     "writing-mode: vertical-rl"], ids=["upwards", "downwards"])
def test_headers_a_browser_writes_up_or_down_read_whole(tmp_path, writing):
    try:
        browser = chromium_binary()
    except RuntimeError:
        pytest.skip("chromium is needed")
    cells = "".join(f'<th class="v"><div>{h}</div></th>' for h in HEADS)
    body = "".join("<tr>" + "".join(f"<td>{x}</td>" for x in row) + "</tr>" for row in _rows())
    html = tmp_path / "bang.html"
    html.write_text(
        '<html><head><meta charset="utf-8"><style>body{font-family:"Times New Roman",serif;font-size:13pt}'
        "table{border-collapse:collapse} td,th{border:1px solid #000;padding:3px} th.v{height:160px}"
        f"th.v div{{{writing}; max-height:150px}}</style></head><body>"
        f"<table><tr><th>STT</th><th>Cơ quan, đơn vị</th>{cells}</tr>{body}</table></body></html>",
        encoding="utf-8")
    pdf = tmp_path / "bang.pdf"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path}/profile", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _header(pdf) == ["STT", "Cơ quan, đơn vị", *HEADS]
