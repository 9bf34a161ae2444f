"""DOCX paragraphs → text lines, and the walk that turns lines into
RawParagraphs.

A paragraph's text is its runs, hyperlinks, fields' results and inserted
text (deleted text, hidden runs — ``w:vanish`` — and field codes left out), with its list label, tabs
kept and line breaks as ``"\n"``; ``bold``/``italic``/``size`` when the runs
say so directly, ``style`` = the paragraph style id, and the effective
format from the styles. Text boxes inside a paragraph are given back to be
read right after it. :class:`Walk` carries one reading of a document: the
blocks so far and where each came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.raw import RawParagraph

from .docx_numbering import Numbering
from .docx_styles import Styles, effective_format
from .docx_xml import BR, CONTAINERS, CR, NBH, SKIP, SOFTH, TAB, TBL, TXBX, VAL, P, T, cells_of, flag, q, rows_of
from .limits import check_count, limits_of
from .settings import ReaderSettings


@dataclass
class Line:
    """One paragraph's text and direct format, with its ``w:p``."""

    text: str
    element: object  # the w:p
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    style: str | None = None
    format: object | None = None  # reportgen.raw.TextFormat (docx_styles)


@dataclass
class Walk:
    """One reading of a document: the blocks so far, and the element behind
    each paragraph and table index."""

    settings: ReaderSettings
    blocks: list = field(default_factory=list)
    paragraphs: dict = field(default_factory=dict)  # index → w:p
    tables: dict = field(default_factory=dict)  # index → (w:tbl, {(row, col): w:tc})
    n_para: int = 0
    n_table: int = 0
    numbering: "Numbering | None" = None
    styles: "Styles | None" = None

    def add_line(self, line: Line, style: str | None = None) -> None:
        if not line.text.strip():
            return
        limits = limits_of(self.settings.as_dict())
        check_count("docx_paragraphs", self.n_para + 1, limits, "đoạn văn", "DOCX")
        self.blocks.append(RawParagraph(text=line.text, index=self.n_para, bold=line.bold, italic=line.italic,
                                        size=line.size, style=style or line.style, format=line.format))
        self.paragraphs[self.n_para] = line.element
        self.n_para += 1


def _collect(el, out: list[str], boxes: list, runs: list) -> None:
    for child in el:
        tag = child.tag
        if tag in SKIP:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append("\t")
        elif tag == BR:
            if child.get(q("type")) not in ("page", "column"):
                out.append("\n")
        elif tag == CR:
            out.append("\n")
        elif tag == NBH:
            out.append("-")
        elif tag == SOFTH:
            continue
        elif tag == TXBX:
            boxes.append(child)
        else:
            if tag == q("r"):
                if flag(child.find(q("rPr")), "vanish"):
                    continue  # hidden text: neither printed nor shown, so not what the document says
                runs.append(child)
            _collect(child, out, boxes, runs)


def paragraph_line(p, walk: "Walk | None" = None) -> tuple[Line, list]:
    out: list[str] = []
    boxes: list = []
    runs: list = []
    _collect(p, out, boxes, runs)
    label = walk.numbering.label(p) if walk is not None and walk.numbering is not None else ""
    text = (label + " " if label else "") + "".join(out).replace("\u00a0", " ")
    text = "\n".join(line.strip(" ") for line in text.split("\n")).strip()
    bold = italic = None
    size = None
    text_runs = [r for r in runs if any((t.text or "").strip() for t in r.iter(T))]
    if text_runs:
        b = [flag(r.find(q("rPr")), "b") for r in text_runs]
        i = [flag(r.find(q("rPr")), "i") for r in text_runs]
        bold = True if all(b) else (False if any(x is False for x in b) else None)
        italic = True if all(i) else (False if any(x is False for x in i) else None)
        rpr = text_runs[0].find(q("rPr"))
        sz = rpr.find(q("sz")) if rpr is not None else None
        if sz is not None and (sz.get(VAL) or "").isdecimal():
            size = int(sz.get(VAL)) / 2
    ppr = p.find(q("pPr"))
    style = None
    if ppr is not None:
        ps = ppr.find(q("pStyle"))
        style = ps.get(VAL) if ps is not None else None
        if bold is None:
            bold = flag(ppr.find(q("rPr")), "b")
    fmt = effective_format(p, text_runs, walk.styles if walk is not None else None)
    return Line(text=text, element=p, bold=bold, italic=italic, size=size, style=style, format=fmt), boxes


def lines_in(container, walk: Walk) -> list[Line]:
    """Every paragraph under a container (cell, text box, nested table),
    flattened in order, text boxes after their anchor."""
    lines: list[Line] = []
    for child in container:
        tag = child.tag
        if tag == P:
            line, boxes = paragraph_line(child, walk)
            lines.append(line)
            for box in boxes:
                lines.extend(lines_in(box, walk))
        elif tag == TBL:
            for tr in rows_of(child):
                for tc in cells_of(tr):
                    lines.extend(lines_in(tc, walk))
        elif tag in CONTAINERS:
            lines.extend(lines_in(child, walk))
    return lines
