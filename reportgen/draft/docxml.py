"""The one place that speaks WordprocessingML: merged cells, repeated header
rows, rows that never split, section orientation, page-number fields,
paragraph rules, borders and real footnotes.

Everything above this module talks in documents, paragraphs and tables; this
module turns those wishes into ``w:`` elements with lxml. Lengths are in
twentieths of a point (twips) unless a name says otherwise.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from ..text.safe import strip_control

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# python-docx's own extension point (how it registers its header, footer and
# comments parts): footnotes.xml loads as an XML part, with its relationships.
PartFactory.part_type_for.setdefault(FOOTNOTES_CT, XmlPart)


def attr(value) -> str:
    """An attribute value for the XML strings below, escaped (quotes too)."""
    return escape(str(value), {'"': "&quot;"})


def mm(value: float) -> int:
    """Millimetres to twips."""
    return int(round(value * TWIPS_PER_MM))


@lru_cache(maxsize=None)
def _qn(tag: str) -> str:
    return qn(tag)


def _el(tag: str, **attrs) -> etree._Element:
    el = etree.Element(_qn(tag))
    for key, value in attrs.items():
        el.set(_qn("w:" + key), str(value))
    return el


def _sub(parent, tag: str, **attrs) -> etree._Element:
    el = _el(tag, **attrs)
    parent.append(el)
    return el


# --- runs and paragraphs ------------------------------------------------------

def _rpr_xml(bold=False, italic=False, size: float | None = None, caps=False, superscript=False,
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


def _run_xml(text: str, **fmt) -> str:
    return f'<w:r>{_rpr_xml(**fmt)}<w:t xml:space="preserve">{escape(strip_control(text))}</w:t></w:r>'


def _p_xml(text: str = "", *, align: str | None = None, bold=False, italic=False, size: float | None = None,
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
    body = _run_xml(text, bold=bold, italic=italic, size=size) if text else ""
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


_NS = nsdecls("w")
_FIRST_TAG = re.compile(r"^<(w:\w+)")


def _parse(xml: str) -> etree._Element:
    """One fragment of w: markup as an element (the namespace declared once)."""
    return parse_xml(_FIRST_TAG.sub(lambda m: f"<{m.group(1)} {_NS}", xml, count=1))


def run(text: str, **fmt) -> etree._Element:
    return _parse(_run_xml(text, **fmt))


def paragraph(text: str = "", **fmt) -> etree._Element:
    """A paragraph with one run; spacing in points (see :func:`_p_xml`)."""
    return _parse(_p_xml(text, **fmt))


def short_rule(width_twips: int, column_twips: int, thickness: int = 6, after_pt: int = 0) -> etree._Element:
    """An empty, tiny paragraph whose bottom border draws a centred rule of
    ``width_twips`` inside a column ``column_twips`` wide (the rules under the
    issuer, the motto and the subject)."""
    side = max(0, (column_twips - width_twips) // 2)
    return _parse(f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="{thickness}" w:space="1" '
                  f'w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="{after_pt * 20}" w:line="240" '
                  f'w:lineRule="auto"/><w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/>'
                  '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


def append_page_field(paragraph_el, size: float = 13) -> None:
    """A PAGE field (begin, instruction, separate, shown number, end)."""
    rpr = _rpr_xml(size=size)
    for xml in (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
                _run_xml("2", size=size),
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph_el.append(_parse(xml))


# --- tables -------------------------------------------------------------------

@dataclass
class Cell:
    """One cell at its origin: text, spans, and how it is written."""

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    italic: bool = False
    align: str = "center"  # left, center, right


def table(rows: Sequence[Sequence[Cell]], widths: Sequence[int], *, header_rows: int = 0,
          size: float = 11, borders: bool = True, cant_split: bool = True,
          row_min_height: int | None = None, header_size: float | None = None) -> etree._Element:
    """A ``w:tbl`` from rows of origin cells. A cell with ``colspan`` gets
    ``gridSpan``; one with ``rowspan`` starts a ``vMerge`` that this function
    continues in the rows below. The first ``header_rows`` rows repeat on every
    page (``tblHeader``); no row splits across pages (``cantSplit``)."""
    n_cols = len(widths)
    out = [_tbl_open(widths, borders, margin=40)]
    pending: dict[int, tuple[int, int]] = {}  # col -> (rows still to continue, colspan)
    for r_index, cells in enumerate(rows):
        trpr = ("<w:cantSplit/>" if cant_split else "") + (
            f'<w:trHeight w:val="{row_min_height}"/>' if row_min_height else "") + (
            "<w:tblHeader/>" if r_index < header_rows else "")
        out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
        cell_size = header_size if (header_size and r_index < header_rows) else size
        col = 0
        queue = list(cells)
        while col < n_cols:
            if col in pending:
                remaining, span = pending[col]
                out.append(_cell_xml(Cell(), widths[col:col + span], cell_size, "continue"))
                if remaining <= 1:
                    del pending[col]
                else:
                    pending[col] = (remaining - 1, span)
                col += span
                continue
            if not queue:
                out.append(_cell_xml(Cell(), widths[col:col + 1], cell_size))
                col += 1
                continue
            cell = queue.pop(0)
            span = max(1, min(cell.colspan, n_cols - col))
            vmerge = None
            if cell.rowspan > 1:
                vmerge = "restart"
                pending[col] = (cell.rowspan - 1, span)
            out.append(_cell_xml(cell, widths[col:col + span], cell_size, vmerge))
            col += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return parse_xml("".join(out))


def _cell_xml(cell: Cell, widths: Sequence[int], size: float, vmerge: str | None = None) -> str:
    tcpr = [f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>']
    if len(widths) > 1:
        tcpr.append(f'<w:gridSpan w:val="{len(widths)}"/>')
    if vmerge == "restart":
        tcpr.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        tcpr.append("<w:vMerge/>")
    tcpr.append('<w:vAlign w:val="center"/>')
    align = {"left": "left", "right": "right"}.get(cell.align, "center")
    lines = cell.text.split("\n") if cell.text else [""]
    paras = "".join(_p_xml(line, align=align, bold=cell.bold, italic=cell.italic, size=size, before=1, after=1)
                    for line in lines)
    return f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{paras}</w:tc>"


# --- sections -----------------------------------------------------------------

def body_sectpr(document) -> etree._Element:
    return document.element.body.find(qn("w:sectPr"))


def set_page(sectpr, *, width_mm: float, height_mm: float, top: float, bottom: float, left: float,
             right: float, header: float = 12, footer: float = 10, landscape: bool = False) -> None:
    """Paper size, orientation and margins (millimetres) of a section, through
    python-docx's section API (which keeps the schema's order of ``w:pgSz``
    and ``w:pgMar``); what the section said of them before is dropped."""
    from docx.enum.section import WD_ORIENT
    from docx.section import Section
    from docx.shared import Twips

    for tag in ("w:pgSz", "w:pgMar"):
        old = sectpr.find(qn(tag))
        if old is not None:
            sectpr.remove(old)

    def up(value: float) -> Twips:  # never a hair below the ND30 minimum
        return Twips(math.ceil(value * TWIPS_PER_MM))

    section = Section(sectpr, None)  # page geometry needs no document part
    section.page_width, section.page_height = Twips(mm(width_mm)), Twips(mm(height_mm))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.top_margin, section.right_margin = up(top), up(right)
    section.bottom_margin, section.left_margin = up(bottom), up(left)
    section.header_distance, section.footer_distance = Twips(mm(header)), Twips(mm(footer))
    section.gutter = Twips(0)


def restart_page_numbers(sectpr, start: int = 1) -> None:
    old = sectpr.find(qn("w:pgNumType"))
    if old is not None:
        sectpr.remove(old)
    el = _el("w:pgNumType", start=start)
    anchor = sectpr.find(qn("w:pgMar"))
    following = [qn("w:cols"), qn("w:titlePg"), qn("w:docGrid")]
    for tag in following:
        found = sectpr.find(tag)
        if found is not None:
            found.addprevious(el)
            return
    if anchor is not None:
        anchor.addnext(el)
    else:
        sectpr.append(el)


def set_title_page(sectpr, on: bool = True) -> None:
    """A different first page: its header stays empty (no page number on page 1)."""
    old = sectpr.find(qn("w:titlePg"))
    if old is not None:
        sectpr.remove(old)
    if on:
        el = _el("w:titlePg")
        grid = sectpr.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(el)
        else:
            sectpr.append(el)


def section_end_paragraph(sectpr) -> etree._Element:
    """An empty paragraph that closes a section with a copy of ``sectpr``."""
    p = _el("w:p")
    ppr = _sub(p, "w:pPr")
    _sub(ppr, "w:spacing", before=0, after=0)
    rpr = _sub(ppr, "w:rPr")
    _sub(rpr, "w:sz", val=2)
    ppr.append(copy.deepcopy(sectpr))
    return p


def copy_sectpr(sectpr) -> etree._Element:
    return copy.deepcopy(sectpr)


# --- footnotes ----------------------------------------------------------------

_FOOTNOTES_XML = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


def footnotes_part(document, create: bool = True):
    """The document's footnotes part (created with its separators if absent)."""
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            if not isinstance(part, XmlPart):
                part = _as_xml_part(main, rel, part)
            return part
    if not create:
        return None
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, parse_xml(_FOOTNOTES_XML), main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part


def _as_xml_part(main, rel, part):
    """A footnotes part loaded as a plain Part (a document opened before this
    module registered the part type): the same part as an XML tree, with its
    own relationships, put in its place through python-docx's public calls."""
    xml_part = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
    for own in part.rels.values():
        xml_part.rels.add_relationship(own.reltype, own.target_ref if own.is_external else own.target_part,
                                       own.rId, own.is_external)
    main.drop_rel(rel.rId)
    main.rels.add_relationship(RT.FOOTNOTES, xml_part, rel.rId)
    return xml_part


def add_footnote(document, after_run, text: str, size: float = 10) -> int:
    """A real Word footnote whose reference mark follows ``after_run`` (a
    ``w:r`` element); returns its id."""
    root = footnotes_part(document).element
    new_id = max([0, *(int(fn.get(_qn("w:id"))) for fn in root.findall(_qn("w:footnote")))]) + 1
    mark = _rpr_xml(size=size, superscript=True)
    root.append(_parse(f'<w:footnote w:id="{new_id}"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/>'
                       f'<w:jc w:val="both"/></w:pPr><w:r>{mark}<w:footnoteRef/></w:r>'
                       f'{_run_xml(" " + text, size=size)}</w:p></w:footnote>'))
    after_run.addnext(_parse(f'<w:r>{_rpr_xml(superscript=True)}<w:footnoteReference w:id="{new_id}"/></w:r>'))
    return new_id


def split_run_at(run_el, marker: str) -> etree._Element | None:
    """Split a run at the first ``marker`` in its text, dropping the marker;
    returns the run that now ends where the marker was."""
    t = run_el.find(qn("w:t"))
    if t is None or t.text is None or marker not in t.text:
        return None
    before, after = t.text.split(marker, 1)
    t.text = before
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if after:
        tail = copy.deepcopy(run_el)
        tail.find(qn("w:t")).text = after
        run_el.addnext(tail)
    return run_el


def remove(element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _tbl_open(widths: Sequence[int], borders: bool, margin: int) -> str:
    """'<w:tbl>' with its properties and grid: fixed layout, centred."""
    line = "single" if borders else "nil"
    edge = "".join(f'<w:{n} w:val="{line}" w:sz="4" w:space="0" w:color="000000"/>'
                   for n in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl {_NS}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{edge}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
            f'<w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
            '</w:tblPr><w:tblGrid>' + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")


def layout_table(columns: Sequence[Sequence[Sequence[etree._Element]]], widths: Sequence[int]) -> etree._Element:
    """A borderless table used for layout (the ND30 header, the Nơi nhận and
    signature block): ``columns[row][col]`` is the list of paragraphs of a cell."""
    cells = "".join("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr></w:tc>' for w in widths[:len(row)])
        + "</w:tr>" for row in columns)
    tbl = parse_xml(_tbl_open(widths, borders=False, margin=0) + cells + "</w:tbl>")
    for tr, row in zip(tbl.findall(_qn("w:tr")), columns):
        for tc, paragraphs in zip(tr.findall(_qn("w:tc")), row):
            for p in paragraphs or [paragraph("")]:
                tc.append(p)
    return tbl


def set_keep_lines(paragraph_el, on: bool) -> None:
    """Direct 'keep lines together' on a paragraph (over its style's):
    python-docx's ``keep_together``, on the element."""
    paragraph_el.get_or_add_pPr().keepLines_val = on


# --- reading what was rendered ------------------------------------------------

def body_paragraphs(document):
    """Every paragraph of the body, including those inside tables, in order."""
    return document.element.body.iter(_qn("w:p"))


def paragraph_text(paragraph_el) -> str:
    return "".join(t.text or "" for t in paragraph_el.iter(_qn("w:t")))


def style_of(paragraph_el) -> str | None:
    style = paragraph_el.find(f"{_qn('w:pPr')}/{_qn('w:pStyle')}")
    return style.get(_qn("w:val")) if style is not None else None


def replace_leading_text(paragraph_el, pattern: "re.Pattern", prefix: str) -> None:
    """Drop what ``pattern`` matches at the start of the first text node and
    write ``prefix`` there (a heading's number)."""
    first = paragraph_el.find(f".//{_qn('w:t')}")
    if first is not None:
        first.text = prefix + pattern.sub("", first.text or "", count=1)


def upper_text(paragraph_el) -> None:
    """Every text node of a paragraph in capitals."""
    for t in paragraph_el.iter(_qn("w:t")):
        t.text = (t.text or "").upper()


def first_text_node_matching(document, pattern: "re.Pattern"):
    """The first ``w:t`` in the body whose text matches, with its run."""
    for t in document.element.body.iter(_qn("w:t")):
        if t.text and pattern.search(t.text):
            return t.getparent(), pattern.search(t.text)
    return None, None


def set_font_everywhere(style_element, font: str = FONT) -> None:
    """A style's fonts for every script (ascii, hAnsi, cs, eastAsia)."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _sub(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attr), font)


def clear_body(document) -> etree._Element:
    """Remove every block of the body; returns the body's sectPr (kept)."""
    body = document.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    return body.find(_qn("w:sectPr"))
