"""WordprocessingML as the DOCX reader walks it: qualified tag names, the
elements it skips or looks inside, on/off and number attributes, and a
table's rows and a row's cells through the containers that may wrap them
(content controls, custom XML, smart tags).

The lowest layer of the DOCX reader (:mod:`parsers.docx`): lxml elements in,
plain values out; nothing here knows paragraphs or tables as RawDocument
blocks.
"""
from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def q(tag: str) -> str:
    """The qualified name of a ``w:`` tag."""
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDTCONTENT = q("p"), q("tbl"), q("tr"), q("tc"), q("sdt"), q("sdtContent")
T, TAB, BR, CR = q("t"), q("tab"), q("br"), q("cr")
NBH, SOFTH = q("noBreakHyphen"), q("softHyphen")
TXBX = q("txbxContent")
# Deleted text, field codes, properties, moved-away text, note and comment
# marks, and the VML fallback of a drawing: never read as text.
SKIP = {q("del"), q("delText"), q("instrText"), q("delInstrText"), q("rPr"), q("pPr"),
        q("sdtPr"), q("sdtEndPr"),
        q("moveFrom"), q("footnoteReference"), q("endnoteReference"), q("commentReference"),
        f"{{{MC}}}Fallback"}
# Wrappers whose children stand where the wrapper stands.
CONTAINERS = {q("customXml"), SDT, SDTCONTENT, q("smartTag")}
VAL = q("val")


def flag(rpr, tag: str) -> bool | None:
    """An on/off property (``w:b``, ``w:tblHeader`` …): None when absent."""
    if rpr is None:
        return None
    el = rpr.find(q(tag))
    if el is None:
        return None
    return el.get(VAL, "true").lower() not in ("0", "false", "off")


def int_attr(parent, tag: str, default: int) -> int:
    """A whole-number property (``w:gridSpan`` …), never below 0."""
    if parent is None:
        return default
    el = parent.find(q(tag))
    if el is None:
        return default
    try:
        return max(int(el.get(VAL, default)), 0)
    except ValueError:
        return default


def rows_of(tbl):
    """A table's ``w:tr``, through containers."""
    for child in tbl:
        if child.tag == TR:
            yield child
        elif child.tag in CONTAINERS:
            yield from rows_of(child)


def cells_of(tr):
    """A row's ``w:tc``, through containers."""
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in CONTAINERS:
            yield from cells_of(child)
