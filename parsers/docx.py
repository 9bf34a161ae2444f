"""DOCX → RawDocument (python-docx to open the package, lxml to walk it).

What comes out, in body order (``RawDocument.blocks``):

- a :class:`RawParagraph` per non-empty ``w:p`` (runs, hyperlinks, fields'
  results, inserted text; deleted text and field codes left out), with
  ``bold``/``italic``/``size`` when the runs say so directly and ``style`` =
  the paragraph style id. Text boxes (``w:txbxContent``; the DrawingML
  choice of an ``mc:AlternateContent``, never its VML fallback too) and
  content controls (``w:sdt``) give their paragraphs right after the
  paragraph that anchors them.
- a :class:`RawTable` per ``w:tbl``: cells at their true grid position with
  ``colspan`` (``w:gridSpan``, legacy ``w:hMerge``) and ``rowspan``
  (``w:vMerge`` restart/continue), rows shifted by ``w:gridBefore``;
  ``header_rows`` = the leading rows marked ``w:tblHeader``. A cell's text is
  its lines (paragraphs, and ``w:br`` breaks inside them) each stripped and
  joined with one space (setting ``cell_line_separator``), so "TỔNG / ĐIỂM /
  ĐẠT / ĐƯỢC" on four lines arrives as "TỔNG ĐIỂM ĐẠT ĐƯỢC", as the PDF
  reader joins wrapped cell text; a table nested in a cell is flattened into
  the cell's lines, row by row. Tab characters stay ``"\\t"``.
- layout tables (the two-column header "issuer | national motto", the
  signature block beside "Nơi nhận"): a table of at most two columns, few
  rows, and no cell that is a number is not data; its cells' paragraphs are
  given as paragraphs, row by row, left to right (setting
  ``flatten_layout_tables``, default True). A layout table around tables
  (an annex set in a one-cell frame) gives its cells' paragraphs and its
  nested tables as blocks of their own.
- footnotes and endnotes as paragraphs at the end (style 'footnote' /
  'endnote').

DOCX has no pages: ``page`` is None everywhere; a location is the table
index and the cell's row/column, or the paragraph index. :func:`locate`
gives the XML element behind each index (used for annotations).

This module opens the package and walks the body; the paragraphs
(:mod:`docx_paragraphs`, with the :class:`Walk` that collects the blocks),
the tables (:mod:`docx_tables`) and the tags below both (:mod:`docx_xml`)
live beside it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawDocument, UnreadableInput

from .docx_numbering import Numbering
from .docx_paragraphs import Walk, lines_in, paragraph_line
from .docx_styles import Styles, has_page_numbers, page_setups
from .docx_tables import read_table
from .docx_xml import CONTAINERS, TBL, P, cells_of, q, rows_of
from .layout_tables import NUMERIC, is_layout
from .limits import check_count, limits_of
from .ooxml import open_checked_zip
from .settings import ReaderSettings

DEFAULTS = {"flatten_layout_tables": True, "footnotes": True, "cell_line_separator": " ",
            # python-docx holds the whole XML in memory: refuse parts over this.
            "max_member_bytes": 64 * 1024 * 1024}


def _walk_body(container, walk: Walk) -> None:
    """The body's paragraphs and tables, in order, into ``walk``."""
    for child in container:
        tag = child.tag
        if tag == P:
            line, boxes = paragraph_line(child, walk)
            walk.add_line(line)
            for box in boxes:
                _walk_body(box, walk)
        elif tag == TBL:
            if walk.settings.flatten_layout_tables and _is_frame(child):
                for tr in rows_of(child):  # a frame around tables: its cells are bodies
                    for tc in cells_of(tr):
                        _walk_body(tc, walk)
                continue
            table, where, cell_lines = read_table(child, walk)
            if walk.settings.flatten_layout_tables and is_layout(table):
                for row in cell_lines:
                    for lines in row:
                        for line in lines:
                            walk.add_line(line)
                continue
            check_count("docx_tables", walk.n_table + 1, limits_of(walk.settings.as_dict()), "bảng", "DOCX")
            table.index = walk.n_table
            walk.tables[walk.n_table] = (child, where)
            walk.n_table += 1
            walk.blocks.append(table)
        elif tag in CONTAINERS:
            _walk_body(child, walk)


def _is_frame(tbl) -> bool:
    """A layout table around tables: a cell holds a table of its own, and
    the frame itself, its nested tables left aside, is layout (at most two
    cells a row, eight rows, no cell that is a number) — an annex set in a
    one-cell box, a table beside its note. Its nested tables are the data."""
    rows = list(rows_of(tbl))
    if not rows or len(rows) > 8:
        return False
    nested = False
    for tr in rows:
        cells = list(cells_of(tr))
        if len(cells) > 2:
            return False
        for tc in cells:
            nested = nested or any(child.tag == TBL for child in tc)
            own = " ".join("".join(t.text or "" for t in p.iter(q("t"))) for p in tc if p.tag == P).strip()
            if own and NUMERIC.match(own):
                return False
    return nested


# --- the package ---


_MAIN_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Macro-enabled documents and templates hold the same WordprocessingML.
_OTHER_MAIN_CT = re.compile(rb"application/vnd\.(?:ms-word\.(?:document|template)\.macroEnabled\.main|"
                            rb"openxmlformats-officedocument\.wordprocessingml\.template\.main)\+xml")
_STRICT = b"purl.oclc.org/ooxml/wordprocessingml"


def open_document(path, settings: ReaderSettings | Mapping | None = None):
    """The python-docx Document of a DOCX (also .docm, .dotx, .dotm), after
    the package checks; raises UnreadableInput (Vietnamese) for anything that
    is not a readable DOCX."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    zf = open_checked_zip(path, "word/document.xml", "DOCX", settings.max_member_bytes)
    try:
        with zf.open("word/document.xml") as fh:
            head = fh.read(4096)
        if _STRICT in head:
            raise UnreadableInput(f"Tệp {path.name} lưu ở dạng “Strict Open XML”, chưa đọc được; "
                                  "hãy mở bằng Word và lưu lại dạng “Word Document (.docx)”.")
        types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in zf.namelist() else b""
        source: object = str(path)
        if _OTHER_MAIN_CT.search(types):
            source = _with_content_types(zf, _OTHER_MAIN_CT.sub(_MAIN_CT, types))
    finally:
        zf.close()
    try:
        return docx.Document(source)
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableInput(f"Tệp {path.name} không phải DOCX hợp lệ ({exc}).") from exc
    except Exception as exc:  # lxml syntax errors, broken relationships
        raise UnreadableInput(f"Không đọc được nội dung DOCX của tệp {path.name}: {type(exc).__name__}.") from exc


def _with_content_types(zf, types: bytes):
    """An in-memory copy of the package with another [Content_Types].xml."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            dst.writestr(info.filename, types if info.filename == "[Content_Types].xml" else zf.read(info.filename))
    out.seek(0)
    return out


def _notes(document, reltype_suffix: str, tag: str):
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/" + reltype_suffix) and not rel.is_external:
            from lxml import etree

            try:
                root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, huge_tree=False))
            except etree.XMLSyntaxError:
                return
            for note in root.iter(q(tag)):
                if note.get(q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                yield note


def walk_document(document, settings: ReaderSettings | Mapping | None = None) -> Walk:
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    walk = Walk(settings=settings)
    try:
        numbering_part = document.part.numbering_part
    # python-docx raises NotImplementedError for a document without a
    # numbering part (it cannot create one); such a file simply has no lists.
    except (KeyError, NotImplementedError):
        numbering_part = None
    if numbering_part is not None:
        walk.numbering = Numbering(numbering_part.element)
    try:
        walk.styles = Styles(document.styles.element)
    except Exception:  # no styles part, or one python-docx cannot load: formats come from the runs alone
        walk.styles = None
    body = document.element.body
    _walk_body(body, walk)
    if settings.footnotes:
        for suffix, tag, style in (("footnotes", "footnote", "footnote"), ("endnotes", "endnote", "endnote")):
            for note in _notes(document, suffix, tag):
                for line in lines_in(note, walk):
                    walk.add_line(line, style=style)
    return walk


def read(path, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    path = Path(path)
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    document = open_document(path, settings)
    walk = walk_document(document, settings)
    props = {}
    core = document.core_properties
    for name in ("title", "author", "last_modified_by"):
        value = getattr(core, name, None)
        if value:
            props[name] = value
    props["sections"] = [
        {"orientation": "landscape" if s.orientation == 1 else "portrait", **geometry}
        for s, geometry in zip(document.sections, page_setups(document))
    ]
    props["page_numbers"] = has_page_numbers(document)
    return RawDocument(source=str(path), format="docx", blocks=walk.blocks, properties=props)


def locate(document, settings: ReaderSettings | Mapping | None = None) -> Walk:
    """The same walk as :func:`read` over an open python-docx Document:
    ``.paragraphs[index]`` is the ``w:p`` of RawParagraph ``index`` and
    ``.tables[index] = (w:tbl, {(row, col): w:tc})`` for RawTable ``index``."""
    return walk_document(document, settings)
