"""WordprocessingML at its lowest: ``w:`` elements, runs and paragraphs.

The one place where the draft's ``w:`` markup starts: qualified names,
elements, a run's properties, paragraphs with their spacing, rules and page
fields, with attribute values escaped (:func:`attr`), and what the draft reads
back from a rendered document (paragraph text, styles, leading numbers).
Tables (:mod:`docxml_tables`), sections (:mod:`docxml_sections`) and
footnotes (:mod:`docxml_footnotes`) are written on top of this module;
everything above them talks in documents, paragraphs and tables. Lengths are
in twentieths of a point (twips) unless a name says otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn as docx_qn
from lxml import etree

from ..text.safe import strip_control

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4


def attr(value) -> str:
    """An attribute value for the XML strings below, escaped (quotes too)."""
    return escape(str(value), {'"': "&quot;"})


def mm(value: float) -> int:
    """Millimetres to twips."""
    return int(round(value * TWIPS_PER_MM))


@lru_cache(maxsize=None)
def qn(tag: str) -> str:
    """python-docx's qualified name of a prefixed tag (``w:p``), cached."""
    return docx_qn(tag)


def new_element(tag: str, **attrs) -> etree._Element:
    """An element ``tag`` with ``w:`` attributes."""
    element = etree.Element(qn(tag))
    for key, value in attrs.items():
        element.set(qn("w:" + key), str(value))
    return element


def append_element(parent, tag: str, **attrs) -> etree._Element:
    """An element ``tag`` appended to ``parent``."""
    element = new_element(tag, **attrs)
    parent.append(element)
    return element


# --- runs and paragraphs ------------------------------------------------------

def rpr_xml(bold=False, italic=False, size: float | None = None, caps=False, superscript=False,
            font: str | None = FONT) -> str:
    f = attr(font) if font else ""
    out = [f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/>' if font else ""]
    if bold:
        out.append("<w:b/><w:bCs/>")
    if italic:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if size:
        half = int(round(size * 2))
        out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if superscript:
        out.append('<w:vertAlign w:val="superscript"/>')
    return "<w:rPr>" + "".join(out) + "</w:rPr>"


def run_xml(text: str, **fmt) -> str:
    return f'<w:r>{rpr_xml(**fmt)}<w:t xml:space="preserve">{escape(strip_control(text))}</w:t></w:r>'


def p_xml(text: str = "", *, align: str | None = None, bold=False, italic=False, size: float | None = None,
          before: float | None = None, after: float | None = None, keep_next=False,
          indent_first_mm: float | None = None, style: str | None = None, page_break_before=False) -> str:
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{attr(style)}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if before is not None or after is not None:
        ppr.append(f'<w:spacing w:before="{int((before or 0) * 20)}" w:after="{int((after or 0) * 20)}"/>')
    if indent_first_mm:
        ppr.append(f'<w:ind w:firstLine="{mm(indent_first_mm)}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{attr(align)}"/>')
    body = run_xml(text, bold=bold, italic=italic, size=size) if text else ""
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


NS = nsdecls("w")
_FIRST_TAG = re.compile(r"^<(w:\w+)")


def parse(xml: str) -> etree._Element:
    """One fragment of w: markup as an element (the namespace declared once)."""
    return parse_xml(_FIRST_TAG.sub(lambda m: f"<{m.group(1)} {NS}", xml, count=1))


def run(text: str, **fmt) -> etree._Element:
    return parse(run_xml(text, **fmt))


def paragraph(text: str = "", **fmt) -> etree._Element:
    """A paragraph with one run; spacing in points (see :func:`p_xml`)."""
    return parse(p_xml(text, **fmt))


def short_rule(width_twips: int, column_twips: int, thickness: int = 6, after_pt: int = 0) -> etree._Element:
    """An empty, tiny paragraph whose bottom border draws a centred rule of
    ``width_twips`` inside a column ``column_twips`` wide (the rules under the
    issuer, the motto and the subject)."""
    side = max(0, (column_twips - width_twips) // 2)
    return parse(f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="{thickness}" w:space="1" '
                 f'w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="{after_pt * 20}" w:line="240" '
                 f'w:lineRule="auto"/><w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/>'
                 '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


def append_page_field(paragraph_el, size: float = 13) -> None:
    """A PAGE field (begin, instruction, separate, shown number, end)."""
    rpr = rpr_xml(size=size)
    for xml in (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
                run_xml("2", size=size),
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph_el.append(parse(xml))


def remove(element) -> None:
    """Take an element out of its parent (if it has one)."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def set_keep_lines(paragraph_el, on: bool) -> None:
    """Direct 'keep lines together' on a paragraph (over its style's):
    python-docx's ``keep_together``, on the element."""
    paragraph_el.get_or_add_pPr().keepLines_val = on


# --- reading what was rendered ------------------------------------------------

def body_paragraphs(document):
    """Every paragraph of the body, including those inside tables, in order."""
    return document.element.body.iter(qn("w:p"))


def paragraph_text(paragraph_el) -> str:
    return "".join(t.text or "" for t in paragraph_el.iter(qn("w:t")))


def style_of(paragraph_el) -> str | None:
    style = paragraph_el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def replace_leading_text(paragraph_el, pattern: "re.Pattern", prefix: str) -> None:
    """Drop what ``pattern`` matches at the start of the first text node and
    write ``prefix`` there (a heading's number)."""
    first = paragraph_el.find(f".//{qn('w:t')}")
    if first is not None:
        first.text = prefix + pattern.sub("", first.text or "", count=1)


def upper_text(paragraph_el) -> None:
    """Every text node of a paragraph in capitals."""
    for t in paragraph_el.iter(qn("w:t")):
        t.text = (t.text or "").upper()


def first_text_node_matching(document, pattern: "re.Pattern"):
    """The first ``w:t`` in the body whose text matches, with its run."""
    for t in document.element.body.iter(qn("w:t")):
        if t.text and pattern.search(t.text):
            return t.getparent(), pattern.search(t.text)
    return None, None


def set_font_everywhere(style_element, font: str = FONT) -> None:
    """A style's fonts for every script (ascii, hAnsi, cs, eastAsia)."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = append_element(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def clear_body(document) -> etree._Element:
    """Remove every block of the body; returns the body's sectPr (kept)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return body.find(qn("w:sectPr"))
