"""The ND30 layout check (checks/layout.py and layout_parts.py, rules LAYOUT_*): every draft this
project writes passes it and `verify` with no error; a draft reset to Arial
10 pt with 10 mm margins, or a THÔNG BÁO numbered /BC-, is flagged with the
decree's line; the reference documents' own deviations are listed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt

from fixtures import REAL_DIR, REFERENCE_DIR, SEEDS_DIR
from reportgen.draft import build_draft, load_data
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import all_schemes
from reportgen.verify import verify_path

PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"
META = {"parent": "UBND tỉnh Lạng Sơn", "issuer": "Văn phòng UBND tỉnh", "place": "Lạng Sơn", "signer": "Hoàng Văn B",
        "authority": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "date": "2025-11-04"}


def _layout_and_errors(path: Path):
    result = verify_path(path)
    layout = [(f.code, f.message) for f in result.findings if f.code.startswith("LAYOUT_")]
    errors = [(f.code, f.message) for f in result.findings if str(f.severity) == "error"]
    return layout, errors


def _save(result, folder: Path, name: str) -> Path:
    path = folder / name
    result.save(path)
    return path


@pytest.mark.parametrize("kind", ["BC", "TB", "CV"])
def test_drafts_from_the_real_export_pass_the_layout_check(tmp_path, kind):
    path = _save(build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": kind})), tmp_path, "d.docx")
    assert _layout_and_errors(path) == ([], [])


@pytest.mark.parametrize("scheme", sorted(all_schemes()))
def test_drafts_of_other_provinces_and_unit_lists_pass(tmp_path, scheme):
    data = prepared(synthetic_data(all_schemes()[scheme], sizes=(7, 23), seed=len(scheme) + 3))
    for kind in ("BC", "TB", "CV"):
        meta = {**META, "parent": "UBND tỉnh Cà Mau", "place": "Cà Mau", "doc_type": kind, "number": "3"}
        path = _save(build_draft(data, meta_from_dict(meta)), tmp_path, f"{scheme}-{kind}.docx")
        assert _layout_and_errors(path) == ([], []), (scheme, kind)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS_DIR.glob("0*.txt")))
def test_drafts_from_the_seeds_pass(tmp_path, seed):
    from reportgen.raw import UnreadableInput

    try:
        data = load_data(SEEDS_DIR / seed)
    except UnreadableInput as exc:  # a seed without a score table drafts nothing
        assert "Không tìm thấy bảng điểm" in str(exc)
        pytest.skip("seed without a score table")
    path = _save(build_draft(data, meta_from_dict({"doc_type": "BC"})), tmp_path, "s.docx")
    layout, errors = _layout_and_errors(path)
    assert layout == [] and errors == []


def test_per_unit_notices_pass(tmp_path):
    from reportgen.draft.perunit import write_per_unit

    data = load_data(PORTAL)
    data.tables = data.tables[:1]
    paths = write_per_unit(data, meta_from_dict(dict(META)), tmp_path, number_start=4)
    for path in paths[:3]:
        assert _layout_and_errors(path) == ([], [])


def test_a_draft_reset_to_arial_10_with_10_mm_margins_is_flagged(tmp_path):
    path = _save(build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": "TB"})), tmp_path, "tb.docx")
    d = docx.Document(path)
    for s in d.sections:
        s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Mm(10)
    for p in d.paragraphs:
        for r in p.runs:
            r.font.name, r.font.size = "Arial", Pt(10)
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                for p in c.paragraphs:
                    for r in p.runs:
                        r.font.name, r.font.size = "Arial", Pt(10)
    d.save(path)
    layout, errors = _layout_and_errors(path)
    codes = Counter(code for code, _ in layout)
    assert {"LAYOUT_MARGIN", "LAYOUT_FONT", "LAYOUT_SIZE"} <= set(codes)
    margin = next(m for c, m in layout if c == "LAYOUT_MARGIN")
    assert margin.startswith("Phần 1 của văn bản: lề trên 10 mm (quy định 20–25 mm)")
    assert "(Căn cứ: Phụ lục I, Mục I, khoản 3:" in margin
    font = next(m for c, m in layout if c == "LAYOUT_FONT")
    assert "dùng phông Arial, không phải Times New Roman" in font and "Phụ lục I, Mục I, khoản 4" in font
    assert any("cỡ chữ 10, quy định 13–14" in m for c, m in layout if c == "LAYOUT_SIZE")
    assert errors == []


def test_a_notice_numbered_bc_is_flagged(tmp_path):
    meta = meta_from_dict({**META, "doc_type": "TB", "number": "12"})
    result = build_draft(load_data(PORTAL), meta)
    for p in result.document.tables[0].rows[1].cells[0].paragraphs:
        for r in p.runs:
            r.text = r.text.replace("/TB-", "/BC-")
    path = _save(result, tmp_path, "tb.docx")
    layout, _ = _layout_and_errors(path)
    assert [m for c, m in layout if c == "LAYOUT_NUMBER"] == [
        "Văn bản là THÔNG BÁO nhưng ký hiệu “BC-VPUBND” mang mã BC; mã của THÔNG BÁO là TB (…/TB-…). "
        "(Căn cứ: Phụ lục III, Mục I: Bảng chữ viết tắt tên loại văn bản hành chính.)"]


def test_layout_findings_become_word_comments_with_annotate(tmp_path):
    from reportgen.annotate import annotate

    path = _save(build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": "BC"})), tmp_path, "bc.docx")
    d = docx.Document(path)
    for p in d.paragraphs:
        if p.text.startswith("Trên cơ sở"):
            for r in p.runs:
                r.font.size = Pt(10)
    d.save(path)
    result = verify_path(path)
    out = tmp_path / "bc-kiemtra.docx"
    annotate(path, result.findings, out)
    comments = [c.text for c in docx.Document(out).comments]
    assert any("LAYOUT_SIZE" in c or "cỡ chữ 10" in c for c in comments)


REFERENCE_DEVIATIONS = {
    "nd30-2020-main.docx": {"LAYOUT_SIZE": 1},
    "nd30-phuluc1.docx": {"LAYOUT_MARGIN": 1, "LAYOUT_SIZE": 1},
    "nd30-phuluc3.docx": {"LAYOUT_FONT": 1, "LAYOUT_SIZE": 1, "LAYOUT_STYLE": 1},
    "real/ld-chiso-bc184-snv.docx": {"LAYOUT_MARGIN": 1, "LAYOUT_PAGE_NUMBER": 1},
    "real/ld-766-sotaichinh.docx": {"LAYOUT_MARGIN": 1, "LAYOUT_PAPER": 1},
    "real/ld-cchc2025-bc329-phuluc.docx": {"LAYOUT_MARGIN": 1, "LAYOUT_PAPER": 1},
}


@pytest.mark.parametrize("name", sorted(REFERENCE_DEVIATIONS))
def test_the_reference_documents_own_deviations(name):
    layout, _ = _layout_and_errors(REFERENCE_DIR / name)
    assert dict(Counter(code for code, _ in layout)) == REFERENCE_DEVIATIONS[name]


def test_a_signature_block_written_as_one_paragraph_with_line_breaks_passes(tmp_path):
    """Word's Shift+Enter: "KT. CHÁNH VĂN PHÒNG↵PHÓ CHÁNH VĂN PHÒNG↵↵↵Hoàng Văn B" in one paragraph is the
    authority, the position and the name, as three paragraphs are (h-new24: before, the position was "missing"
    and the authority "not in capitals", the name read as part of it)."""
    path = _save(build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": "TB"})), tmp_path, "tb.docx")
    d = docx.Document(path)
    paragraphs = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs] + d.paragraphs
    authority = next(p for p in paragraphs if p.text.strip() == "KT. CHÁNH VĂN PHÒNG")
    block = [p for p in paragraphs if p._element.getparent() is authority._element.getparent()]
    after = block[block.index(authority) + 1:]
    assert [p.text.strip() for p in after if p.text.strip()][:2] == ["PHÓ CHÁNH VĂN PHÒNG", "Hoàng Văn B"]
    first = run = authority.runs[-1]
    for text, breaks in (("PHÓ CHÁNH VĂN PHÒNG", 1), ("Hoàng Văn B", 3)):
        for _ in range(breaks):
            run.add_break()
        run = authority.add_run(text)
        run.bold, run.font.size, run.font.name = first.bold, first.font.size, first.font.name
    for p in after[:after.index(next(p for p in after if p.text.strip() == "Hoàng Văn B")) + 1]:
        p._element.getparent().remove(p._element)
    d.save(path)
    layout, errors = _layout_and_errors(path)
    assert [m for c, m in layout if c == "LAYOUT_SIGNATURE" or "người ký" in m] == []
    assert errors == []
