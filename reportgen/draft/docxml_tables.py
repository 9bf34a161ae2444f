"""Word tables in WordprocessingML: grids of cells with merged spans.

A score table (:func:`table`) has its header rows repeated on every page and
rows that never split; a cell spanning columns gets ``gridSpan``, one spanning
rows a ``vMerge`` continued below. A layout table (:func:`layout_table`) has no
borders and holds paragraphs made elsewhere (the ND30 header, the Nơi nhận and
signature block). Lengths are in twips. Built on :mod:`docxml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from docx.oxml import parse_xml
from lxml import etree

from .docxml import NS, p_xml, paragraph, qn


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
    paras = "".join(p_xml(line, align=align, bold=cell.bold, italic=cell.italic, size=size, before=1, after=1)
                    for line in lines)
    return f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{paras}</w:tc>"


def _tbl_open(widths: Sequence[int], borders: bool, margin: int) -> str:
    """'<w:tbl>' with its properties and grid: fixed layout, centred."""
    line = "single" if borders else "nil"
    edge = "".join(f'<w:{n} w:val="{line}" w:sz="4" w:space="0" w:color="000000"/>'
                   for n in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
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
    for tr, row in zip(tbl.findall(qn("w:tr")), columns):
        for tc, paragraphs in zip(tr.findall(qn("w:tc")), row):
            for p in paragraphs or [paragraph("")]:
                tc.append(p)
    return tbl

