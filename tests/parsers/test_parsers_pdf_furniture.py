"""Page furniture made by real producers never joins the text it frames.

A list of unit names long enough to cross page breaks, in a DOCX whose
header holds a PAGE field (the page number at the top centre, as NĐ 30 asks)
and whose footer repeats a title, converted by LibreOffice; the same list
printed by Chromium with its default header and footer (date, title, file
address and "1/2"), two pages; and a table of names crossing pages under a
page-number header. Every name comes back as written, no page number or
running line inside a list or a row.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fixtures.build_pdf import Column, appendix_docx, chromium_binary, libreoffice_pdfs
from parsers import read_raw

BASE = ["Hòa Lạc", "An Cư", "Thanh Xương", "Mường Phăng", "Nà Tấu", "Pá Khoang", "Thanh Nưa",
        "Thanh Luông", "Noong Hẹt", "Sam Mứn", "Núa Ngam", "Mường Nhà", "Na Ư", "Pom Lót",
        "Hẹ Muông"]
NAMES = [f"UBND xã {p}{n}" for p in ("", "Tân ", "Bắc ", "Nam ", "Đông ", "Tây ", "Thượng ", "Hạ ")
         for n in BASE]
PROSE = ("Trong năm, các cơ quan, đơn vị đã triển khai thực hiện nhiều giải pháp cải cách hành "
         "chính, công khai, minh bạch thủ tục hành chính, nâng cao chất lượng phục vụ người dân "
         "và doanh nghiệp trên địa bàn tỉnh.")
FOOTER = "Báo cáo kết quả chỉ số cải cách hành chính năm 2025"


def _lists(path: Path) -> list[list[str]]:
    raw = read_raw(path, {"ocr": "never"})
    out = []
    for p in raw.paragraphs:
        assert FOOTER not in p.text
        if "gồm:" in p.text:
            out.append(p.text.split("gồm: ", 1)[1].rstrip(".").split(", "))
    return out


def _page_field_docx(path: Path) -> Path:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    sec = doc.sections[0]
    head = sec.header.paragraphs[0]
    head.alignment = 1
    head._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE ">'
                             '<w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    sec.footer.paragraphs[0].text = FOOTER
    doc.add_paragraph("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ")
    doc.add_paragraph(PROSE)
    doc.add_paragraph(PROSE)
    doc.add_paragraph("Các đơn vị xếp loại Tốt gồm: " + ", ".join(NAMES) + ".")
    doc.add_paragraph("Các đơn vị xếp loại Khá gồm: " + ", ".join(NAMES[:60]) + ".")
    doc.save(path)
    return path


def test_libreoffice_page_numbers_and_footer_stay_out_of_a_list_of_names(tmp_path):
    (pdf,) = libreoffice_pdfs([_page_field_docx(tmp_path / "ds.docx")], tmp_path)
    raw = read_raw(pdf, {"ocr": "never"})
    assert raw.page_count == 3
    assert [n.data["text"] for n in raw.notes if n.message.startswith("Số trang")] == ["1", "2", "3"]
    assert _lists(pdf) == [NAMES, NAMES[:60]]


def test_chromium_default_header_and_footer_on_two_pages_stay_out_of_the_list(tmp_path):
    html = tmp_path / "ds.html"
    html.write_text(
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Báo cáo CCHC 2025</title>"
        "<style>body{font-family:'Liberation Serif';font-size:14pt;text-align:justify}</style></head>"
        f"<body><p><b>BÁO CÁO KẾT QUẢ ĐÁNH GIÁ</b></p><p>{PROSE}</p><p>{PROSE}</p>"
        f"<p>Các đơn vị xếp loại Tốt gồm: {', '.join(NAMES)}.</p>"
        f"<p>Các đơn vị xếp loại Khá gồm: {', '.join(NAMES[:60])}.</p></body></html>",
        encoding="utf-8")
    pdf = tmp_path / "ds.pdf"
    subprocess.run([chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={tmp_path}/profile", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    raw = read_raw(pdf, {"ocr": "never"})
    assert raw.page_count == 2
    texts = " ".join(p.text for p in raw.paragraphs)
    assert "Báo cáo CCHC 2025" not in texts and "file://" not in texts and "1/2" not in texts
    assert _lists(pdf) == [NAMES, NAMES[:60]]


@pytest.mark.parametrize("rules", [True, False])
def test_table_of_names_under_a_page_number_header_reads_every_row(tmp_path, rules):
    rows = [[str(i), name, f"{80 + i % 17},{i % 10}", "Tốt" if i % 3 else "Khá"]
            for i, name in enumerate(NAMES, start=1)]
    cols = [Column("STT", None, 1.2), Column("Tên đơn vị", None, 7.0),
            Column("Tổng điểm", None, 2.5), Column("Xếp loại", None, 2.5)]
    docx = appendix_docx(tmp_path / "bang.docx", "DANH SÁCH XẾP LOẠI", cols, rows,
                         landscape=False, rules=rules, page_numbers=True)
    (pdf,) = libreoffice_pdfs([docx], tmp_path)
    raw = read_raw(pdf, {"ocr": "never"})
    assert raw.page_count >= 3
    (table,) = raw.tables
    body = [[" ".join(c.split()) for c in r] for r in table.grid()[table.header_rows:]]
    assert body == rows
