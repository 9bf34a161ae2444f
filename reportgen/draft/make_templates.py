"""Build the three Word templates (run ``python -m
reportgen.draft.make_templates``): the shipped copies in
``reportgen/draft/templates/`` (package data, found by any install) and, in a
source checkout, the same files in the top-level ``templates/``, where users
open them in Word, change wording and styles, and the engine renders their
edits. Both are committed.

Each template is the ND30 layout around docxtpl tags:

* a borderless two-column header (parent body and issuer | national motto),
  then a second row with "Số: …" and the place and date;
* the document type and subject (or "V/v …" for a Công văn), the basis
  paragraphs in italics, the body blocks produced by the engine, the closing;
* the Nơi nhận and signature block; a paragraph where appendices go.

Section headings use the paragraph styles "RG Muc 1" and "RG Muc 2"; the
engine numbers every paragraph of those styles, so a heading a user adds in
Word is numbered too. The numbering pattern is kept in the document's
keywords ("so-muc: 1. | 1.1.").
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from . import docxml as X, docxml_footnotes as footnotes, docxml_sections as sections, docxml_tables as wordtables
from .metadata import DocKind
from .render import CHECKOUT_DIR, PACKAGED_DIR

TEMPLATE_DIR = PACKAGED_DIR

TEXT_WIDTH_MM = 210 - 30 - 15  # A4 minus left 30 mm and right 15 mm
LEFT_MM, RIGHT_MM = 68, TEXT_WIDTH_MM - 68

DOCS = {
    "bao-cao-ket-qua": {"kind": DocKind.REPORT, "type": "BÁO CÁO", "numbering": "1. | 1.1."},
    "thong-bao-chi-so": {"kind": DocKind.NOTICE, "type": "THÔNG BÁO", "numbering": "I. | 1."},
    "cong-van-chi-dao": {"kind": DocKind.LETTER, "type": None, "numbering": "1. | 1.1."},
}


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = X.FONT
    normal.font.size = Pt(14)
    X.set_font_everywhere(normal.element)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    for name in ("Header", "Footer"):
        document.styles[name].font.name = X.FONT
    body = document.styles.add_style("RG Noi dung", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Mm(12.7)
    body.paragraph_format.space_before = Pt(6)
    body.paragraph_format.line_spacing = 1.1
    for level, name in ((1, "RG Muc 1"), (2, "RG Muc 2")):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = body
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(6)
        style.next_paragraph_style = body
    item = document.styles.add_style("RG Liet ke", WD_STYLE_TYPE.PARAGRAPH)
    item.base_style = body
    item.paragraph_format.keep_together = True  # a list of names never breaks across pages
    basis = document.styles.add_style("RG Can cu", WD_STYLE_TYPE.PARAGRAPH)
    basis.base_style = body
    basis.font.italic = True


def _slim(document) -> None:
    """Drop what python-docx's default package carries and a template does not
    need (a thumbnail, stylesWithEffects, customXml): smaller, faster copies."""
    for owner in (document.part, document.part.package):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "thumbnail", "customXml"):
                owner.rels.pop(rid)


def _page(document) -> None:
    section = document.sections[0]
    sections.set_page(section._sectPr, width_mm=210, height_mm=297, top=20, bottom=20, left=30, right=15,
                      header=10, footer=10)
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    X.append_page_field(header_p._p, size=13)
    section.first_page_header.paragraphs[0].text = ""


def _p(text="", **kw):
    return X.paragraph(text, **kw)


def _header_block(kind: DocKind) -> list:
    left = X.mm(LEFT_MM)
    right = X.mm(RIGHT_MM)
    top_left = [
        _p("{%p if parent_upper %}"),
        _p("{{ parent_upper }}", align="center", size=13),
        _p("{%p endif %}"),
        _p("{{ issuer_upper }}", align="center", size=13, bold=True),
        X.short_rule(X.mm(22), left),
    ]
    top_right = [
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="center", size=13, bold=True),
        _p("Độc lập - Tự do - Hạnh phúc", align="center", size=14, bold=True),
        X.short_rule(X.mm(66), right),
    ]
    number = [_p("Số: {{ number_line }}", align="center", size=13, before=6)]
    if kind == DocKind.LETTER:
        number.append(_p("V/v {{ subject }}", align="center", size=12, before=6))
    date = [_p("{{ date_line }}", align="center", size=14, italic=True, before=6)]
    return [wordtables.layout_table([[top_left, top_right], [number, date]], [left, right])]


def _title_block(kind: DocKind, doc_type: str | None) -> list:
    out = []
    if doc_type:
        out.append(_p(doc_type, align="center", size=14, bold=True, before=18))
        out.append(_p("{{ subject }}", align="center", size=14, bold=True))
        out.append(X.short_rule(X.mm(50), X.mm(TEXT_WIDTH_MM), after_pt=6))
    else:  # Công văn: Kính gửi
        out.append(_p("", before=6))
        out.append(_p("{%p if kinh_gui|length == 1 %}"))
        out.append(_p("Kính gửi: {{ kinh_gui[0] }}.", align="center", size=14, before=12, after=6))
        out.append(_p("{%p else %}"))
        out.append(_p("Kính gửi:", align="center", size=14, before=12))
        out.append(_p("{%p for k in kinh_gui %}"))
        out.append(_p("- {{ k }}{{ ';' if not loop.last else '.' }}", size=14, style="RGKinhgui"))
        out.append(_p("{%p endfor %}"))
        out.append(_p("{%p endif %}"))
    return out


def _body_block() -> list:
    return [
        _p("{%p for b in basis %}"),
        _p("{{ b }}", style="RGCancu"),
        _p("{%p endfor %}"),
        _p("{%p if intro %}"),
        _p("{{ intro }}", style="RGNoidung"),
        _p("{%p endif %}"),
        _p("{%p for b in body %}"),
        _p("{%p if b.kind == 'h1' %}"),
        _p("{{ b.text }}", style="RGMuc1"),
        _p("{%p elif b.kind == 'h2' %}"),
        _p("{{ b.text }}", style="RGMuc2"),
        _p("{%p elif b.kind == 'item' %}"),
        _p("{{ b.text }}", style="RGLietke"),
        _p("{%p elif b.kind == 'note' %}"),
        _p("{{ b.text }}", style="RGNoidung", italic=True),
        _p("{%p else %}"),
        _p("{{ b.text }}", style="RGNoidung"),
        _p("{%p endif %}"),
        _p("{%p endfor %}"),
        _p("{{ closing }}", style="RGNoidung", keep_next=True),
    ]


def _signature_block() -> list:
    left = [
        # level with the authority line (ND30: both open the signature block)
        _p("Nơi nhận:", size=12, bold=True, italic=True, keep_next=True),
        _p("{%p for r in recipients %}"),
        _p("- {{ r }};", size=11, keep_next=True),
        _p("{%p endfor %}"),
        _p("- Lưu: {{ archive }}.", size=11),
    ]
    right = [
        _p("{%p for a in authority_lines %}"),
        _p("{{ a }}", align="center", size=14, bold=True, keep_next=True),
        _p("{%p endfor %}"),
        _p("", keep_next=True), _p("", keep_next=True), _p("", keep_next=True), _p("", keep_next=True),
        _p("{{ signer }}", align="center", size=14, bold=True),
    ]
    table = wordtables.layout_table([[left, right]], [X.mm(85), X.mm(TEXT_WIDTH_MM - 85)])
    return [_p("", keep_next=True, before=6), table, _p("{{ appendix_anchor }}")]


def build(name: str, out_dir: Path = TEMPLATE_DIR) -> Path:
    spec = DOCS[name]
    document = docx.Document()
    _slim(document)
    _styles(document)
    _page(document)
    sectpr = X.clear_body(document)
    blocks = (_header_block(spec["kind"]) + _title_block(spec["kind"], spec["type"])
              + _body_block() + _signature_block())
    for el in blocks:
        sectpr.addprevious(el)
    if spec["kind"] == DocKind.LETTER:
        kg = document.styles.add_style("RG Kinh gui", WD_STYLE_TYPE.PARAGRAPH)
        kg.base_style = document.styles["Normal"]
        kg.paragraph_format.left_indent = Mm(45)
    footnotes.footnotes_part(document)
    props = document.core_properties
    props.title = spec["type"] or "CÔNG VĂN"
    props.keywords = f"so-muc: {spec['numbering']}"
    props.author = "reportgen"
    props.comments = ""
    props.subject = ""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.docx"
    document.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    """``make_templates [OUTDIR]``: into OUTDIR, or the shipped copies and
    the checkout's templates/."""
    out = Path(argv[0]) if argv else TEMPLATE_DIR
    for name in DOCS:
        path = build(name, out)
        print(path)
        if not argv and CHECKOUT_DIR.is_dir():
            shutil.copyfile(path, CHECKOUT_DIR / path.name)
            print(CHECKOUT_DIR / path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
