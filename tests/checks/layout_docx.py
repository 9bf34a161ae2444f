"""Good and bad DOCX inputs of the ND30 layout rules (layout-*), made at test
time with python-docx (a text fixture cannot carry fonts, sizes or margins).

The good input of every rule is a draft reportgen writes from the portal's
real export (a BÁO CÁO, or a THÔNG BÁO for the number rule); the bad input is
the same draft with one slip planted where a person would make it. The
folder tests/checks/<rule-name>/ keeps the expected findings (expected.json)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import docx
from docx.shared import Mm, Pt

from fixtures import REAL_DIR

PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"
META = {"parent": "UBND tỉnh Lạng Sơn", "issuer": "Văn phòng UBND tỉnh", "place": "Lạng Sơn", "signer": "Hoàng Văn B",
        "authority": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "date": "2025-11-04", "number": "12"}


@lru_cache(maxsize=4)
def _draft(kind: str) -> bytes:
    from reportgen.draft import build_draft, load_data
    from reportgen.draft.metadata import meta_from_dict

    return build_draft(load_data(PORTAL), meta_from_dict({**META, "doc_type": kind})).to_bytes()


def _paragraphs(d):
    yield from d.paragraphs
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _runs(d):
    for p in _paragraphs(d):
        yield from p.runs


def _replace(d, old: str, new: str) -> None:
    hits = 0
    for r in _runs(d):
        if old in r.text:
            r.text = r.text.replace(old, new)
            hits += 1
    assert hits, f"the draft has no run with {old!r}"


def _paragraph(d, start: str):
    return next(p for p in _paragraphs(d) if p.text.startswith(start))


# -- the slips ----------------------------------------------------------------------

def _letter(d):
    for s in d.sections:
        portrait = s.page_width < s.page_height
        s.page_width, s.page_height = (Mm(215.9), Mm(279.4)) if portrait else (Mm(279.4), Mm(215.9))


def _margins(d):
    for s in d.sections:
        s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Mm(10)


def _arial(d):
    for r in _runs(d):
        r.font.name = "Arial"


def _body_10(d):
    for r in _paragraph(d, "Trên cơ sở").runs:
        r.font.size = Pt(10)


def _upright_date(d):
    for r in _paragraph(d, "Lạng Sơn, ngày").runs:
        r.italic = False


def _en_dash_motto(d):
    _replace(d, "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")


def _bc_on_a_notice(d):
    _replace(d, "/TB-", "/BC-")


def _date_without_zero(d):
    _replace(d, "ngày 04 tháng", "ngày 4 tháng")


def _roman_heading(upper: bool):
    def mutate(d):
        p = _paragraph(d, "1. Kết quả chung")
        text = "I. KẾT QUẢ CHUNG CỦA TỈNH" if upper else "I. Kết quả chung của tỉnh"
        for r in p.runs[1:]:
            r.text = ""
        p.runs[0].text = text
        p.runs[0].bold = upper
    return mutate


def _no_recipients(d):
    for p in _paragraphs(d):
        if p.text.startswith(("Nơi nhận", "- ")) and p._parent is not d._body:
            for r in p.runs:
                r.text = ""


def _no_title_after_authority(d):
    _replace(d, "PHÓ CHÁNH VĂN PHÒNG", "")


def _no_page_numbers(d):
    for s in d.sections:
        for p in list(s.header.paragraphs):
            p._p.getparent().remove(p._p)
        for p in list(s.first_page_header.paragraphs) + list(s.footer.paragraphs):
            p._p.getparent().remove(p._p)


def _nothing(d):
    pass


# rule name → (document type, mutation of the good input, mutation of the bad input)
CASES = {
    "layout-paper": ("BC", _nothing, _letter),
    "layout-margin": ("BC", _nothing, _margins),
    "layout-font": ("BC", _nothing, _arial),
    "layout-size": ("BC", _nothing, _body_10),
    "layout-style": ("BC", _nothing, _upright_date),
    "layout-national-title": ("BC", _nothing, _en_dash_motto),
    "layout-number": ("TB", _nothing, _bc_on_a_notice),
    "layout-date-line": ("BC", _nothing, _date_without_zero),
    "layout-heading": ("BC", _roman_heading(True), _roman_heading(False)),
    "layout-recipients": ("BC", _nothing, _no_recipients),
    "layout-signature": ("BC", _nothing, _no_title_after_authority),
    "layout-page-number": ("BC", _nothing, _no_page_numbers),
}


def make(rule: str, which: str, folder: Path) -> Path:
    """Write the good or bad DOCX of ``rule`` into ``folder``; its path."""
    import io

    kind, good, bad = CASES[rule]
    d = docx.Document(io.BytesIO(_draft(kind)))
    (good if which == "good" else bad)(d)
    path = Path(folder) / f"{rule}-{which}.docx"
    d.save(path)
    return path
