"""The drafted DOCX follows Nghị định 30/2020 Phụ lục I: A4, margins, Times New
Roman, the national motto exactly, the date line, page numbers from page 2,
the Nơi nhận block, and appendices in landscape sections whose header rows
repeat and whose rows never split."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from reportgen.draft import build_draft
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import load_scheme

META = {"parent": "UBND tỉnh Điện Biên", "issuer": "Văn phòng UBND tỉnh", "issuer_header": "Văn phòng",
        "symbol": "BC-VPUB", "place": "Điện Biên", "date": "2025-01-05", "signer": "Lê Thanh Bình",
        "authority": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG",
        "recipients": ["Văn phòng Chính phủ (Cục KSTTHC)", "Chủ tịch UBND tỉnh (b/c)"], "archive": "VT, KSTT"}


def _draft(kind="BC", **extra):
    data = prepared(synthetic_data(load_scheme("dienbien-2024"), sizes=(17, 40)))
    result = build_draft(data, meta_from_dict({**META, "doc_type": kind, **extra}))
    buf = io.BytesIO()
    result.save(buf)
    buf.seek(0)
    return docx.Document(buf)


@pytest.fixture(scope="module")
def report():
    return _draft()


def _all_paragraphs(document):
    out = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(cell.paragraphs)
    return out


def _mm(length) -> int:
    return round(length.mm)


def _text(document) -> list[str]:
    return [p.text for p in _all_paragraphs(document)]


def test_portrait_pages_are_a4_with_nd30_margins(report):
    first = report.sections[0]
    assert _mm(first.page_width) == 210 and _mm(first.page_height) == 297
    assert Mm(20) <= first.top_margin <= Mm(25) and Mm(20) <= first.bottom_margin <= Mm(25)
    assert Mm(30) <= first.left_margin <= Mm(35) and Mm(15) <= first.right_margin <= Mm(20)


def test_every_run_is_times_new_roman(report):
    normal = report.styles["Normal"].font
    assert normal.name == "Times New Roman"
    fonts = {r.font.name for p in _all_paragraphs(report) for r in p.runs if r.font.name}
    assert fonts == {"Times New Roman"}


def test_the_national_motto_is_written_exactly_in_bold(report):
    paragraphs = {p.text: p for p in _all_paragraphs(report)}
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in paragraphs
    assert "Độc lập - Tự do - Hạnh phúc" in paragraphs
    motto = paragraphs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].runs[0].font
    slogan = paragraphs["Độc lập - Tự do - Hạnh phúc"].runs[0].font
    assert motto.bold and 12 <= motto.size.pt <= 13
    assert slogan.bold and 13 <= slogan.size.pt <= 14


def test_header_names_parent_upright_and_issuer_bold_in_capitals(report):
    paragraphs = {p.text: p for p in _all_paragraphs(report)}
    assert not paragraphs["UBND TỈNH ĐIỆN BIÊN"].runs[0].font.bold
    assert paragraphs["VĂN PHÒNG"].runs[0].font.bold


def test_date_line_is_italic_with_leading_zeros_for_day_and_january(report):
    line = next(p for p in _all_paragraphs(report) if p.text.startswith("Điện Biên, ngày"))
    assert line.text == "Điện Biên, ngày 05 tháng 01 năm 2025"
    assert line.runs[0].font.italic


def test_month_three_and_later_take_no_leading_zero():
    document = _draft(date="2025-03-17")
    assert "Điện Biên, ngày 17 tháng 3 năm 2025" in _text(document)


def test_unknown_day_and_number_stay_visible_blanks():
    document = _draft(date="2025-01", number=None)
    texts = _text(document)
    number = next(t for t in texts if t.startswith("Số:"))
    assert number.replace("\u00a0", " ").split() == ["Số:", "/BC-VPUB"]
    date = next(t for t in texts if t.startswith("Điện Biên, ngày"))
    assert date.replace("\u00a0", " ").split() == ["Điện", "Biên,", "ngày", "tháng", "01", "năm", "2025"]


def test_document_type_is_bold_capitals(report):
    title = next(p for p in report.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].font.bold


def test_noi_nhan_is_bold_italic_12_and_recipients_11_ending_with_luu(report):
    paragraphs = _all_paragraphs(report)
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Nơi nhận:")
    head = paragraphs[index].runs[0].font
    assert head.bold and head.italic and head.size.pt == 12
    lines = []
    for p in paragraphs[index + 1:]:
        if not p.text.startswith("- "):
            break
        lines.append(p)
    assert [p.text for p in lines] == ["- Văn phòng Chính phủ (Cục KSTTHC);", "- Chủ tịch UBND tỉnh (b/c);",
                                       "- Lưu: VT, KSTT."]
    assert {p.runs[0].font.size.pt for p in lines} == {11}


def test_signature_block_gives_authority_title_and_name_in_bold(report):
    texts = [p for p in _all_paragraphs(report) if p.text in ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                                                              "Lê Thanh Bình")]
    assert [p.text for p in texts] == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Thanh Bình"]
    assert all(p.runs[0].font.bold for p in texts)


def test_page_numbers_start_on_page_two_at_top_centre(report):
    first = report.sections[0]
    assert first.different_first_page_header_footer
    header = first.header.paragraphs[0]
    assert header.alignment == 1  # centre
    assert "PAGE" in "".join(t.text or "" for t in header._p.iter(qn("w:instrText")))
    assert first.first_page_header.paragraphs[0].text == ""


def test_each_appendix_is_a_landscape_section_with_its_own_page_numbers(report):
    sections = report.sections
    assert len(sections) == 3  # the report, Phụ lục I, Phụ lục II
    for section in sections[1:]:
        assert section.orientation == 1  # landscape
        assert _mm(section.page_width) == 297
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    headings = [p.text for p in report.paragraphs if p.text.startswith("Phụ lục")]
    assert headings == ["Phụ lục I", "Phụ lục II"]


def test_appendix_header_rows_repeat_and_no_row_splits(report):
    table = report.tables[-1]
    rows = table._tbl.findall(qn("w:tr"))
    repeated = [tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in rows]
    assert repeated[:2] == [True, True] and not any(repeated[2:])
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in rows)


def test_appendix_header_merges_groups_over_their_indicators(report):
    table = report.tables[-1]
    top = [c.text for c in table.rows[0].cells]
    below = [c.text for c in table.rows[1].cells]
    # 'Nhóm công khai, minh bạch' spans its four indicators; 'Chỉ số 5' is alone and merged down.
    assert top[2:6] == ["Nhóm công khai, minh bạch"] * 4
    assert below[2:6] == ["Chỉ số 1 (6đ)", "Chỉ số 2 (4đ)", "Chỉ số 3 (2đ)", "Chỉ số 4 (6đ)"]
    assert top[6] == below[6] == "Tiến độ, kết quả giải quyết\nChỉ số 5 (24đ)"
    assert top[-4:] == ["KẾT QUẢ"] * 3 + ["Xếp hạng"]
    assert below[-4:] == ["Tổng điểm đạt được/ tối đa", "Tỷ lệ điểm đạt được (%)", "Xếp loại", "Xếp hạng"]


def test_headings_are_numbered_without_gaps(report):
    numbers = [p.text.split(" ", 1)[0] for p in report.paragraphs if p.style.name in ("RG Muc 1", "RG Muc 2")]
    assert numbers == ["1.", "1.1.", "1.2.", "2.", "2.1.", "2.2.", "2.3.", "3."]  # 2.3. Nguyên nhân


def test_thong_bao_numbers_parts_in_roman():
    document = _draft("TB")
    numbers = [p.text.split(" ", 1)[0] for p in document.paragraphs if p.style.name == "RG Muc 1"]
    assert numbers == ["I.", "II.", "III."]


def test_cong_van_has_vv_subject_and_kinh_gui_and_starts_noi_nhan_with_nhu_tren():
    document = _draft("CV", symbol="UBND-KSTT", subject="nâng cao Bộ chỉ số phục vụ người dân, doanh nghiệp")
    texts = _text(document)
    assert "V/v nâng cao Bộ chỉ số phục vụ người dân, doanh nghiệp" in texts
    assert "Kính gửi:" in texts
    index = texts.index("Nơi nhận:")
    assert texts[index + 1] == "- Như trên;"


def test_templates_are_committed_and_reproducible(tmp_path):
    from reportgen.draft.make_templates import DOCS, TEMPLATE_DIR, build

    for name in DOCS:
        fresh = docx.Document(str(build(name, tmp_path)))
        committed = docx.Document(str(TEMPLATE_DIR / f"{name}.docx"))
        assert [p.text for p in fresh.paragraphs] == [p.text for p in committed.paragraphs]
        assert Path(TEMPLATE_DIR / f"{name}.docx").is_file()


@pytest.mark.slow
def test_pdf_uses_times_or_its_metric_twin_numbers_pages_from_two_and_turns_appendices(tmp_path):
    import pdfplumber
    from pypdf import PdfReader

    from reportgen.draft.pdf import convert

    data = prepared(synthetic_data(load_scheme("dienbien-2024"), sizes=(17, 40)))
    path = tmp_path / "bc.docx"
    build_draft(data, meta_from_dict({**META, "doc_type": "BC"})).save(path)
    (pdf,) = convert([path], tmp_path)
    fonts = set()
    for page in PdfReader(str(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1].split("-")[0].split(",")[0])
    assert fonts and fonts <= {"TimesNewRoman", "TimesNewRomanPSMT", "LiberationSerif"}
    with pdfplumber.open(str(pdf)) as doc:
        pages = doc.pages
        top = [" ".join(w["text"] for w in p.extract_words() if w["top"] < 45) for p in pages]
        assert top[0] == "" and top[1] == "2"  # no number on page 1, "2" at the top of page 2
        portrait = [p.width < p.height for p in pages]
        first_appendix = next(i for i, p in enumerate(pages)
                              if "Phụ lục I" in (p.extract_text() or "").splitlines())
        assert all(portrait[:first_appendix]) and not any(portrait[first_appendix:])
