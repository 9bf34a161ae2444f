"""The two-column header of an administrative document (issuer left, national
motto right) written as a borderless two-cell table in Word and printed to
PDF by LibreOffice. Where a cell is narrow, a line of one cell stands on the
baseline of a line of the other at a gap hardly wider than a word space:
each column is still read on its own, the issuer's lines, the number, the
date and the paragraphs after it as the document wrote them."""
from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from parsers import read_raw
from parsers.legacy_office import run_soffice
from reportgen.read import read_path

pytestmark = pytest.mark.slow  # LibreOffice is installed by scripts/setup.sh: a missing soffice fails, never skips

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE = "Điện Biên, ngày 15 tháng 01 năm 2026"
BODY = ("Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh về "
        "cải cách hành chính, Văn phòng báo cáo kết quả thực hiện như sau: các cơ quan, đơn vị đã "
        "triển khai đầy đủ các nhiệm vụ được giao, bảo đảm đúng tiến độ và chất lượng.")
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}

# name: issuer lines, alignment of the cells, column widths (cm), alignment of the date
VARIANTS = {
    # the motto wraps ("… VIỆT / NAM") beside the issuer's second line, 16 pt away
    "motto_wraps_left": (["UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG HĐND VÀ UBND"], "left", (8.5, 7.5), "right"),
    # the issuer wraps in a narrow cell, 17 pt from the motto
    "issuer_wraps_left": (["UBND HUYỆN MƯỜNG ẢNG", "PHÒNG NỘI VỤ"], "left", (5.5, 8.0), "right"),
    # centred cells, the issuer's second line wraps below the motto's last line
    "issuer_wraps_centred": (["UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG HĐND VÀ UBND"], "center", (6.5, 10.0), "right"),
    # three issuer lines, the third 30 pt from the motto's second line
    "three_issuer_lines": (["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "left",
                           (8.0, 8.5), "left"),
    # the date wraps in its cell: its year alone on the next line
    "date_wraps": (["UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG HĐND VÀ UBND"], "center", (8.5, 7.5), "center"),
}


def _para(container, text, align, *, bold=False, italic=False, first=False):
    p = container.paragraphs[0] if first else container.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size, run.font.name = Pt(13), "Times New Roman"
    p.alignment = ALIGN[align]
    p.paragraph_format.space_after = Pt(0)


def _document(path, issuer, align, widths, date_align, issuer_bold=None):
    d = Document()
    d.sections[0].left_margin, d.sections[0].right_margin = Cm(3), Cm(2)
    t = d.add_table(rows=2, cols=2)
    t.autofit = False
    for col, w in zip(t.columns, widths):
        col.width = Cm(w)
    for row in t.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Cm(w)
    left, right = t.rows[0].cells
    for k, line in enumerate(issuer):
        bold = k == len(issuer) - 1 if issuer_bold is None else issuer_bold
        _para(left, line, align, bold=bold, first=k == 0)
    _para(right, MOTTO[0], align, bold=True, first=True)
    _para(right, MOTTO[1], align, bold=True)
    _para(t.rows[1].cells[0], "Số: 123/BC-VP", align, first=True)
    _para(t.rows[1].cells[1], DATE, date_align, italic=True, first=True)
    _para(d, "", "left")
    _para(d, "BÁO CÁO", "center", bold=True)
    _para(d, "Kết quả đánh giá chỉ số cải cách hành chính năm 2025", "center", bold=True)
    _para(d, "", "left")
    _para(d, BODY, "justify")
    d.save(path)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("header_columns")
    docs = []
    for name, spec in VARIANTS.items():
        docs.append(folder / f"{name}.docx")
        _document(docs[-1], *spec)
    # the project's one LibreOffice launcher: its own profile, so a soffice running beside it does not fail it
    rc, output = run_soffice(docs, "pdf", folder, timeout=300)
    assert rc == 0, output
    return {name: folder / f"{name}.pdf" for name in VARIANTS}


def _texts(path):
    return [p.text for p in read_raw(path, {"ocr": "never"}).paragraphs]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_column_of_the_header_is_read_on_its_own(pdfs, name):
    issuer = VARIANTS[name][0]
    texts = _texts(pdfs[name])
    meta = read_path(pdfs[name]).meta
    assert meta.issuer == issuer[-1]
    assert meta.parent == " ".join(issuer[:-1])
    assert (meta.doc_type, meta.number, meta.place, meta.date.isoformat()) == ("BC", "123/BC-VP", "Điện Biên",
                                                                             "2026-01-15")
    assert meta.subject == "Kết quả đánh giá chỉ số cải cách hành chính năm 2025"
    assert "Số: 123/BC-VP" in texts and DATE in texts
    assert texts[-1] == BODY


def test_a_motto_wrapped_beside_the_issuer_stays_in_its_column(pdfs):
    assert _texts(pdfs["motto_wraps_left"])[:6] == [
        "UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG HĐND VÀ UBND", "Số: 123/BC-VP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", DATE]


def test_lines_of_one_cell_beside_an_empty_one_stay_in_their_column(pdfs):
    assert _texts(pdfs["three_issuer_lines"])[:7] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 123/BC-VP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", DATE]
    assert _texts(pdfs["issuer_wraps_centred"])[:3] == [
        "UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG HĐND VÀ UBND", "Số: 123/BC-VP"]


# the issuer's lines in one font, centred in a 7 cm cell (a wrapped issuer
# beside: 'ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG' over 'NHÂN DÂN TỈNH', one line)
ONE_FONT = {
    "regular": (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], False),
    "bold": (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], True),
    "wrapped": (["VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN TỈNH"], True),
}


@pytest.fixture(scope="module")
def one_font(tmp_path_factory):
    from fixtures.build_pdf import browser_pdf, reportlab_pdf

    folder = tmp_path_factory.mktemp("one_font")
    docs = {}
    for name, (issuer, bold) in ONE_FONT.items():
        docs[name] = folder / f"{name}.docx"
        _document(docs[name], issuer, "center", (7.0, 9.5), "center", issuer_bold=bold)
    rc, output = run_soffice(list(docs.values()), "pdf", folder, timeout=300)
    assert rc == 0, output
    return {(name, producer): path for name, docx in docs.items() for producer, path in (
        ("libreoffice", folder / f"{name}.pdf"),
        ("reportlab", reportlab_pdf(docx, folder / f"{name}.rl.pdf")),
        ("browser", browser_pdf(docx, folder / f"{name}.web.pdf", rules=False)))}


@pytest.mark.parametrize("name,producer", [
    (name, producer) for name in ONE_FONT for producer in ("libreoffice", "reportlab", "browser")])
def test_centred_issuer_lines_in_one_font_stay_lines(one_font, name, producer):
    """Two lines centred on one axis are two paragraphs when the first was
    not full (the second's first word would have fitted beside it in the
    cell, centred from the page's left text edge); a line that was full
    goes on. The browser's page is wide: the long issuer stays on one line,
    centred in its cell between the motto's two lines, and is read before
    the motto all the same."""
    texts = _texts(one_font[(name, producer)])
    if name == "wrapped":
        assert texts[:2] == ["VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN TỈNH", "Số: 123/BC-VP"]
    else:
        assert texts[:3] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 123/BC-VP"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts


def test_header_cells_whose_lines_interleave_are_read_column_by_column(tmp_path):
    """A browser centres each header cell's lines in the row's height: the
    issuer's three lines fall between the motto's two, no line of one cell
    on a baseline of the other (Chromium's print of the three-line issuer).
    The lines of the two cells stand side by side, apart by the gutter
    between the cells: each cell is read on its own, left first."""
    from fixtures.build_pdf import browser_pdf

    docx = tmp_path / "three.docx"
    _document(docx, *VARIANTS["three_issuer_lines"])
    assert _texts(browser_pdf(docx, tmp_path / "three.web.pdf", rules=False))[:7] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 123/BC-VP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", DATE]



def _cell_para(container, text, *, bold=False, italic=False, first=False):
    """A paragraph in the template's Normal style (its space after kept)."""
    p = container.paragraphs[0] if first else container.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(13)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def test_header_cells_of_several_paragraphs_each_are_read_cell_by_cell(tmp_path):
    """One row: the issuer's three lines and the number in a 6,5 cm left
    cell, the motto and the date line in the right one; LibreOffice wraps
    the issuer ('THÀNH PHỐ HỒ CHÍ' / 'MINH') and the date, and the space
    after each paragraph breaks the run of lines at ordinary leading. The
    run below in the same two columns, and the number that lines up with
    the issuer under it, are still the same two cells: the issuer's lines
    and the number first, then the motto and the date (as the DOCX reads)."""
    from fixtures.build_pdf import browser_pdf, reportlab_pdf

    d = Document()
    t = d.add_table(rows=1, cols=2)
    for col, cell, width in zip(t.columns, t.rows[0].cells, (6.5, 9.5)):
        col.width = cell.width = Cm(width)
    left, right = t.rows[0].cells
    issuer = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    for k, line in enumerate(issuer):
        _cell_para(left, line, bold=k == 2, first=k == 0)
    _cell_para(left, "Số: 27/TB-SKHCN")
    _cell_para(right, MOTTO[0], bold=True, first=True)
    _cell_para(right, MOTTO[1], bold=True)
    _cell_para(right, "Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2026", italic=True)
    _cell_para(d, "THÔNG BÁO", bold=True)
    _cell_para(d, "Kết quả đánh giá chỉ số cải cách hành chính năm 2025", bold=True)
    d.save(tmp_path / "cells.docx")
    rc, output = run_soffice([tmp_path / "cells.docx"], "pdf", tmp_path, timeout=300)
    assert rc == 0, output
    for pdf in (tmp_path / "cells.pdf", reportlab_pdf(tmp_path / "cells.docx", tmp_path / "cells.rl.pdf"),
                browser_pdf(tmp_path / "cells.docx", tmp_path / "cells.web.pdf", rules=False)):
        assert _texts(pdf)[:8] == [*issuer, "Số: 27/TB-SKHCN", *MOTTO,
                                   "Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2026", "THÔNG BÁO"], pdf.name
        meta = read_path(pdf, {"ocr": "never"}).meta
        assert (meta.parent, meta.issuer, meta.date.isoformat(), meta.number) == (
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "2026-02-28", "27/TB-SKHCN")
