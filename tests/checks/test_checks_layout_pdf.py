"""The ND30 layout check on PDFs (parsers/layout_pdf.py, read/layout_pdf.py,
checks/layout.py and layout_parts.py): what a PDF's geometry tells (paper, margins measured from
the text, font, size, bold and italic of each element, page numbers), from
real producers: LibreOffice converting reportgen's drafts, reportlab drawing
a page, Chromium printing HTML. A draft's PDF gives no layout warning; each
planted slip gives exactly its finding."""
from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from layout_docx import _arial, _margins, _runs  # the DOCX rules' own slips

from fixtures import REAL_DIR
from reportgen.draft import build_draft, load_data
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.pdf import convert
from reportgen.verify import verify_path

PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"
META = {"parent": "UBND tỉnh Lạng Sơn", "issuer": "Văn phòng UBND tỉnh", "place": "Lạng Sơn", "signer": "Hoàng Văn B",
        "authority": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "date": "2025-11-04", "number": "12"}
CLONE = "Liberation Serif"  # what LibreOffice and Chromium put for Times New Roman on a machine without it


def _layout(path: Path) -> list[tuple[str, str, str]]:
    return [(f.code, str(f.severity), f.message) for f in verify_path(path).findings if f.code.startswith("LAYOUT_")]


def _warnings(path: Path) -> Counter:
    return Counter(code for code, severity, _ in _layout(path) if severity != "info")


def _only_clone_notes(path: Path) -> bool:
    notes = [m for code, severity, m in _layout(path) if severity == "info"]
    return all(code == "LAYOUT_FONT" for code, s, _ in _layout(path) if s == "info") and \
        all("phông thay thế cùng kích thước chữ của Times New Roman" in m for m in notes)


def _no_motto(d):
    for r in _runs(d):
        if "Độc lập" in r.text or "Hạnh phúc" in r.text or "Tự do" in r.text:
            r.text = ""


def _date_form(d):
    for r in _runs(d):
        if "04" in r.text:
            r.text = r.text.replace("ngày 04", "ngày 4").replace("04", "4") if "ngày" in r.text or r.text == "04" \
                else r.text


def _body_10(d):
    for p in d.paragraphs:
        if p.text.startswith(("Căn cứ", "Trên cơ sở", "Thực hiện")):
            for r in p.runs:
                r.font.size = Pt(10)


# one margin finding per run of pages of one size (the portrait text, the landscape appendices)
MUTATIONS = {"margins": (_margins, {"LAYOUT_MARGIN": 2}),
             "arial": (_arial, {"LAYOUT_FONT": 1}),
             "no-motto": (_no_motto, {"LAYOUT_NATIONAL_TITLE": 1}),
             "date-form": (_date_form, {"LAYOUT_DATE_LINE": 1}),
             "body-10": (_body_10, {"LAYOUT_SIZE": 1})}


@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory):
    """Drafts (BC, TB, CV) of the real export and the TB with each slip, as
    DOCX and converted by LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("lo")
    files = []
    for kind in ("BC", "TB", "CV"):
        path = folder / f"{kind}.docx"
        build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": kind})).save(path)
        files.append(path)
    for name, (mutate, _) in MUTATIONS.items():
        path = folder / f"tb-{name}.docx"
        build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": "TB"})).save(path)
        d = docx.Document(path)
        mutate(d)
        d.save(path)
        files.append(path)
    convert(files, folder)
    return folder


@pytest.mark.parametrize("kind", ["BC", "TB", "CV"])
def test_a_draft_converted_by_libreoffice_has_no_layout_warning(libreoffice_pdfs, kind):
    path = libreoffice_pdfs / f"{kind}.pdf"
    assert _warnings(path) == Counter()
    assert _only_clone_notes(path)
    result = verify_path(path)
    assert result.report.layout is not None and result.report.layout.source == "pdf"
    first = result.report.layout.pages[0]
    assert first["width_mm"] == 210.0 and first["height_mm"] == 297.0
    assert first["left_range"] == [30.1, 30.1] and first["right_range"][1] == pytest.approx(15.1, abs=0.3)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_slip_in_a_libreoffice_pdf_gives_exactly_its_finding(libreoffice_pdfs, name):
    assert dict(_warnings(libreoffice_pdfs / f"tb-{name}.pdf")) == MUTATIONS[name][1]


def test_the_margin_and_font_findings_say_what_the_pdf_shows(libreoffice_pdfs):
    margin = next(m for c, _, m in _layout(libreoffice_pdfs / "tb-margins.pdf") if c == "LAYOUT_MARGIN")
    assert margin.startswith("Trang 1")
    assert margin.startswith("Trang 1–3: lề trên không quá ")
    assert "lề dưới không quá 19,1 mm (quy định 20–25 mm); lề trái 10,1 mm (quy định 30–35 mm); lề phải 10,2 mm " \
           "(quy định 15–20 mm)." in margin
    assert "(Căn cứ: Phụ lục I, Mục I, khoản 3:" in margin
    font = next(m for c, s, m in _layout(libreoffice_pdfs / "tb-arial.pdf") if c == "LAYOUT_FONT" and s == "warning")
    assert "dùng phông Liberation Sans, không phải Times New Roman" in font


# -- reportlab: a page drawn by hand -------------------------------------------------

SERIF = {"": "LiberationSerif-Regular.ttf", "B": "LiberationSerif-Bold.ttf", "I": "LiberationSerif-Italic.ttf",
         "BI": "LiberationSerif-BoldItalic.ttf"}


def _reportlab(path: Path, left_mm: float = 30, body_size: float = 14, motto: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    base = Path("/usr/share/fonts/truetype/liberation2")
    if not base.exists():
        base = Path("/usr/share/fonts/truetype/liberation")
    for style, file in SERIF.items():
        pdfmetrics.registerFont(TTFont(f"LiberationSerif{'-' + style if style else ''}", str(base / file)))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left, right = left_mm * mm, width - 15 * mm
    y = height - 20 * mm - 11

    def text(x, font, size, s, centre=None):
        c.setFont(font, size)
        if centre is not None:
            c.drawCentredString(centre, y, s)
        else:
            c.drawString(x, y, s)

    text(0, "LiberationSerif-B", 13, "SỞ NỘI VỤ", centre=left + 40 * mm)
    text(0, "LiberationSerif-B", 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centre=right - 55 * mm)
    y -= 18
    if motto:
        text(0, "LiberationSerif-B", 14, "Độc lập - Tự do - Hạnh phúc", centre=right - 55 * mm)
    y -= 24
    text(0, "LiberationSerif", 13, "Số: 07/BC-SNV", centre=left + 40 * mm)
    text(0, "LiberationSerif-I", 14, "Cà Mau, ngày 05 tháng 11 năm 2025", centre=right - 55 * mm)
    y -= 36
    text(0, "LiberationSerif-B", 14, "BÁO CÁO", centre=(left + right) / 2)
    y -= 18
    text(0, "LiberationSerif-B", 14, "Kết quả chỉ số cải cách hành chính năm 2025", centre=(left + right) / 2)
    y -= 30
    body = ["Thực hiện kế hoạch của UBND tỉnh, Sở Nội vụ báo cáo kết quả như sau:",
            "I. KẾT QUẢ ĐẠT ĐƯỢC", "Các cơ quan đã hoàn thành các nhiệm vụ được giao trong năm.",
            "Kết quả chi tiết được tổng hợp tại các bảng của báo cáo này.",
            "II. NHIỆM VỤ THỜI GIAN TỚI", "Tiếp tục đẩy mạnh cải cách hành chính trong năm tới."]
    for line in body:
        text(left, "LiberationSerif-B" if line[:3] in ("I. ", "II.") else "LiberationSerif", body_size, line)
        y -= body_size * 1.5
    y -= 20
    text(left, "LiberationSerif-BI", 12, "Nơi nhận:")
    text(0, "LiberationSerif-B", 14, "GIÁM ĐỐC", centre=right - 40 * mm)
    for line in ("- UBND tỉnh (b/c);", "- Lưu: VT, CCHC."):
        y -= 14
        text(left, "LiberationSerif", 11, line)
    y -= 60
    text(0, "LiberationSerif-B", 14, "Nguyễn Văn A", centre=right - 40 * mm)
    c.save()
    return path


def test_a_reportlab_page_laid_out_by_the_decree_has_no_layout_warning(tmp_path):
    path = _reportlab(tmp_path / "ok.pdf")
    assert _warnings(path) == Counter() and _only_clone_notes(path)


def test_a_reportlab_page_with_slips_gives_exactly_their_findings(tmp_path):
    assert dict(_warnings(_reportlab(tmp_path / "left.pdf", left_mm=20))) == {"LAYOUT_MARGIN": 1}
    assert dict(_warnings(_reportlab(tmp_path / "small.pdf", body_size=11))) == {"LAYOUT_SIZE": 1}
    assert dict(_warnings(_reportlab(tmp_path / "motto.pdf", motto=False))) == {"LAYOUT_NATIONAL_TITLE": 1}


# -- Chromium: HTML printed to PDF ---------------------------------------------------

HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: {margin}; }}
body {{ font-family: '{font}'; font-size: {size}pt; margin: 0; line-height: 1.3; }}
p {{ margin: 0 0 6pt 0; text-align: justify; }}
table.head {{ width: 100%; border-collapse: collapse; }} table.head td {{ text-align: center; vertical-align: top;
padding: 0; }}
.b {{ font-weight: bold; }} .i {{ font-style: italic; }} .c {{ text-align: center; }}
</style></head><body>
<table class="head"><tr><td style="width:38%"><div style="font-size:13pt" class="b">SỞ NỘI VỤ</div>
<div style="font-size:13pt">Số: 15/BC-SNV</div></td>
<td><div style="font-size:13pt" class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
<div style="font-size:14pt" class="b">Độc lập - Tự do - Hạnh phúc</div>
<div style="font-size:14pt" class="i">Cà Mau, ngày 05 tháng 11 năm 2025</div></td></tr></table>
<p class="c b" style="font-size:14pt; margin-top:18pt">BÁO CÁO</p>
<p class="c b" style="font-size:14pt">Kết quả chỉ số cải cách hành chính năm 2025</p>
{body}
<table class="head" style="margin-top:12pt"><tr><td style="width:50%; text-align:left">
<div class="b i" style="font-size:12pt">Nơi nhận:</div><div style="font-size:11pt">- UBND tỉnh (b/c);</div>
<div style="font-size:11pt">- Lưu: VT, CCHC.</div></td>
<td><div class="b" style="font-size:14pt">GIÁM ĐỐC</div><br><br><div class="b">Nguyễn Văn A</div></td></tr></table>
</body></html>"""
SENTENCE = ("Thực hiện kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính, Sở Nội vụ tổng hợp kết quả của các "
            "cơ quan, đơn vị trên địa bàn tỉnh và báo cáo như sau. ")


def _chromium(path: Path, margin: str = "20mm 15mm 20mm 30mm", font: str = "Times New Roman", size: float = 14):
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.fail("chromium is not installed (scripts/setup.sh installs it)")
    body = "<p class='b'>I. KẾT QUẢ ĐẠT ĐƯỢC</p>" + "".join(f"<p>{SENTENCE * 4}</p>" for _ in range(3))
    html = path.with_suffix(".html")
    html.write_text(HTML.format(margin=margin, font=font, size=size, body=body), encoding="utf-8")
    subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={path.parent / 'profile'}", f"--print-to-pdf={path}", html.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def test_a_chromium_pdf_laid_out_by_the_decree_has_no_layout_warning(tmp_path):
    path = _chromium(tmp_path / "ok.pdf")
    assert _warnings(path) == Counter() and _only_clone_notes(path)


def test_a_chromium_pdf_with_small_margins_and_a_sans_font_is_flagged(tmp_path):
    path = _chromium(tmp_path / "bad.pdf", margin="10mm", font="Liberation Sans")
    assert dict(_warnings(path)) == {"LAYOUT_MARGIN": 1, "LAYOUT_FONT": 1}


# -- real PDFs of another office -----------------------------------------------------

REFERENCE_PDF_DEVIATIONS = {
    # the issued PDF of the report whose Word file has the same margins (bottom 10, left 25 mm) and no page number;
    # three lines of a footnote continued on page 10 (no separator rule there) are read as 10 pt body text
    "ld-chiso-bc184-snv.pdf": {"LAYOUT_MARGIN": 1, "LAYOUT_PAGE_NUMBER": 1, "LAYOUT_SIZE": 1},
    # an appendix made by Aspose: one long table, nothing outside it to fault
    "ld-cchc2025-pl1-chidao.pdf": {},
    # the header of page 1 starts 16,9 mm from the top edge
    "ld-cchc2025-bc36-thamdinh.pdf": {"LAYOUT_MARGIN": 1},
}


@pytest.mark.parametrize("name", sorted(REFERENCE_PDF_DEVIATIONS))
def test_the_real_pdfs_own_deviations(name):
    assert dict(_warnings(REAL_DIR / name)) == REFERENCE_PDF_DEVIATIONS[name]


def test_the_margins_measured_on_a_pdf_are_those_its_word_file_sets():
    pdf = next(m for c, _, m in _layout(REAL_DIR / "ld-chiso-bc184-snv.pdf") if c == "LAYOUT_MARGIN")
    word = next(m for c, _, m in _layout(REAL_DIR / "ld-chiso-bc184-snv.docx") if c == "LAYOUT_MARGIN")
    assert "lề dưới 10 mm" in word and "lề trái 25 mm" in word
    assert pdf.startswith("Trang 1–16: lề dưới không quá 10,5 mm (quy định 20–25 mm); "
                          "lề trái 25 mm (quy định 30–35 mm).")
