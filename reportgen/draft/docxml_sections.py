"""Sections of a Word document: page size, orientation, margins, page
numbering and the first page's header.

Geometry goes through python-docx's section API (which keeps the schema's
order of ``w:pgSz`` and ``w:pgMar``); what it has no API for (restarting the
page numbers, a section closed by a paragraph) is written here on top of
:mod:`docxml`. Margins in millimetres, lengths otherwise in twips.
"""
from __future__ import annotations

import copy
import math

from lxml import etree

from .docxml import TWIPS_PER_MM, append_element, mm, new_element, qn


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
    el = new_element("w:pgNumType", start=start)
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
        el = new_element("w:titlePg")
        grid = sectpr.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(el)
        else:
            sectpr.append(el)


def section_end_paragraph(sectpr) -> etree._Element:
    """An empty paragraph that closes a section with a copy of ``sectpr``."""
    p = new_element("w:p")
    ppr = append_element(p, "w:pPr")
    append_element(ppr, "w:spacing", before=0, after=0)
    rpr = append_element(ppr, "w:rPr")
    append_element(rpr, "w:sz", val=2)
    ppr.append(copy.deepcopy(sectpr))
    return p


def copy_sectpr(sectpr) -> etree._Element:
    return copy.deepcopy(sectpr)

