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
  ``flatten_layout_tables``, default True).
- footnotes and endnotes as paragraphs at the end (style 'footnote' /
  'endnote').

DOCX has no pages: ``page`` is None everywhere; a location is the table
index and the cell's row/column, or the paragraph index. :func:`locate`
gives the XML element behind each index (used for annotations).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.raw import RawCell, RawDocument, RawParagraph, RawTable, UnreadableInput

from .docx_numbering import Numbering
from .docx_styles import Styles, effective_format, has_page_numbers, page_setups
from .limits import check_count, limits_of
from .ooxml import open_checked_zip
from .settings import ReaderSettings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P_TAG = _q("p")
_P, _TBL, _TR, _TC, _SDT, _SDTCONTENT = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("sdt"), _q("sdtContent")
_T, _TAB, _BR, _CR = _q("t"), _q("tab"), _q("br"), _q("cr")
_NBH, _SOFTH = _q("noBreakHyphen"), _q("softHyphen")
_TXBX = _q("txbxContent")
_SKIP = {_q("del"), _q("delText"), _q("instrText"), _q("delInstrText"), _q("rPr"), _q("pPr"),
         _q("sdtPr"), _q("sdtEndPr"),
         _q("moveFrom"), _q("footnoteReference"), _q("endnoteReference"), _q("commentReference"),
         f"{{{MC}}}Fallback"}
_CONTAINERS = {_q("customXml"), _SDT, _SDTCONTENT, _q("smartTag")}
_VAL = _q("val")
_NUMERIC = re.compile(r"^[\s\d.,/%+\-–—()]*\d[\s\d.,/%+\-–—()]*$|^[-–—]$")

DEFAULTS = {"flatten_layout_tables": True, "footnotes": True, "cell_line_separator": " ",
            # python-docx holds the whole XML in memory: refuse parts over this.
            "max_member_bytes": 64 * 1024 * 1024}


@dataclass
class _Line:
    text: str
    element: object  # the w:p
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    style: str | None = None
    format: object | None = None  # reportgen.raw.TextFormat (docx_styles)


@dataclass
class _Walk:
    settings: ReaderSettings
    blocks: list = field(default_factory=list)
    paragraphs: dict = field(default_factory=dict)  # index → w:p
    tables: dict = field(default_factory=dict)  # index → (w:tbl, {(row, col): w:tc})
    n_para: int = 0
    n_table: int = 0
    numbering: "Numbering | None" = None
    styles: "Styles | None" = None

    def add_line(self, line: _Line, style: str | None = None) -> None:
        if not line.text.strip():
            return
        limits = limits_of(self.settings.as_dict())
        check_count("docx_paragraphs", self.n_para + 1, limits, "đoạn văn", "DOCX")
        self.blocks.append(RawParagraph(text=line.text, index=self.n_para, bold=line.bold, italic=line.italic,
                                        size=line.size, style=style or line.style, format=line.format))
        self.paragraphs[self.n_para] = line.element
        self.n_para += 1


# --- paragraphs ---


def _flag(rpr, tag: str) -> bool | None:
    if rpr is None:
        return None
    el = rpr.find(_q(tag))
    if el is None:
        return None
    return el.get(_VAL, "true").lower() not in ("0", "false", "off")


def _collect(el, out: list[str], boxes: list, runs: list) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BR:
            if child.get(_q("type")) not in ("page", "column"):
                out.append("\n")
        elif tag == _CR:
            out.append("\n")
        elif tag == _NBH:
            out.append("-")
        elif tag == _SOFTH:
            continue
        elif tag == _TXBX:
            boxes.append(child)
        else:
            if tag == _q("r"):
                runs.append(child)
            _collect(child, out, boxes, runs)


def _paragraph(p, walk: "_Walk | None" = None) -> tuple[_Line, list]:
    out: list[str] = []
    boxes: list = []
    runs: list = []
    _collect(p, out, boxes, runs)
    label = walk.numbering.label(p) if walk is not None and walk.numbering is not None else ""
    text = (label + " " if label else "") + "".join(out).replace("\u00a0", " ")
    text = "\n".join(line.strip(" ") for line in text.split("\n")).strip()
    bold = italic = None
    size = None
    text_runs = [r for r in runs if any((t.text or "").strip() for t in r.iter(_T))]
    if text_runs:
        b = [_flag(r.find(_q("rPr")), "b") for r in text_runs]
        i = [_flag(r.find(_q("rPr")), "i") for r in text_runs]
        bold = True if all(b) else (False if any(x is False for x in b) else None)
        italic = True if all(i) else (False if any(x is False for x in i) else None)
        rpr = text_runs[0].find(_q("rPr"))
        sz = rpr.find(_q("sz")) if rpr is not None else None
        if sz is not None and (sz.get(_VAL) or "").isdecimal():
            size = int(sz.get(_VAL)) / 2
    ppr = p.find(_q("pPr"))
    style = None
    if ppr is not None:
        ps = ppr.find(_q("pStyle"))
        style = ps.get(_VAL) if ps is not None else None
        if bold is None:
            bold = _flag(ppr.find(_q("rPr")), "b")
    fmt = effective_format(p, text_runs, walk.styles if walk is not None else None)
    return _Line(text=text, element=p, bold=bold, italic=italic, size=size, style=style, format=fmt), boxes


def _lines(container, walk: _Walk) -> list[_Line]:
    """Every paragraph under a container (cell, text box, nested table),
    flattened in order, text boxes after their anchor."""
    lines: list[_Line] = []
    for child in container:
        tag = child.tag
        if tag == _P:
            line, boxes = _paragraph(child, walk)
            lines.append(line)
            for box in boxes:
                lines.extend(_lines(box, walk))
        elif tag == _TBL:
            for tr in _rows(child):
                for tc in _cells(tr):
                    lines.extend(_lines(tc, walk))
        elif tag in _CONTAINERS:
            lines.extend(_lines(child, walk))
    return lines


# --- tables ---


def _rows(tbl):
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _rows(child)


def _cells(tr):
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cells(child)


def _int_attr(parent, tag: str, default: int) -> int:
    if parent is None:
        return default
    el = parent.find(_q(tag))
    if el is None:
        return default
    try:
        return max(int(el.get(_VAL, default)), 0)
    except ValueError:
        return default


def _table(tbl, walk: _Walk) -> tuple[RawTable, dict, list[list[list[_Line]]]]:
    table = RawTable(index=-1)
    where: dict = {}
    cell_lines: list[list[list[_Line]]] = []
    active: dict[int, RawCell] = {}  # column → cell whose vertical merge is open
    header_rows = 0
    counting_header = True
    for r, tr in enumerate(_rows(tbl)):
        trpr = tr.find(_q("trPr"))
        is_header = trpr is not None and _flag(trpr, "tblHeader") is True
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        col = _int_attr(trpr, "gridBefore", 0)
        row_cells: list[RawCell] = []
        row_lines: list[list[_Line]] = []
        touched: set[int] = set()
        last: RawCell | None = None
        for tc in _cells(tr):
            tcpr = tc.find(_q("tcPr"))
            span = max(_int_attr(tcpr, "gridSpan", 1), 1)
            vmerge = hmerge = None
            if tcpr is not None:
                vm = tcpr.find(_q("vMerge"))
                if vm is not None:
                    vmerge = "restart" if vm.get(_VAL) == "restart" else "continue"
                hm = tcpr.find(_q("hMerge"))
                if hm is not None:
                    hmerge = "restart" if hm.get(_VAL) == "restart" else "continue"
            lines = [ln for ln in _lines(tc, walk) if ln.text]
            text = walk.settings.cell_line_separator.join(ln.text for ln in lines)
            if hmerge == "continue" and last is not None:
                last.colspan += span
                col += span
                continue
            origin = active.get(col)
            if vmerge == "continue" and origin is not None:
                origin.rowspan = r - origin.row + 1
                if text:
                    origin.text = f"{origin.text}\n{text}" if origin.text else text
                touched.update(range(col, col + span))
                for c in range(col, col + span):
                    where[(r, c)] = tc
                col += span
                continue
            cell = RawCell(text=text, row=r, col=col, colspan=span)
            row_cells.append(cell)
            row_lines.append(lines)
            for c in range(col, col + span):
                where[(r, c)] = tc
                active.pop(c, None)
                touched.add(c)
            if vmerge == "restart":
                active[col] = cell
            last = cell
            col += span
        for c in list(active):
            if c not in touched:
                del active[c]
        table.rows.append(row_cells)
        cell_lines.append(row_lines)
    table.header_rows = header_rows or None
    return table, where, cell_lines


def _is_layout(table: RawTable) -> bool:
    cells = [c for row in table.rows for c in row]
    used_cols = {col for c in cells if c.text.strip() for col in range(c.col, c.col + c.colspan)}
    spans = {(c.col, c.colspan) for c in cells if c.text.strip()}
    if not cells or len(spans) > 2 or len(table.rows) > 8 or not used_cols:
        return False
    return not any(c.text.strip() and _NUMERIC.match(c.text.strip()) for c in cells)


def _walk_body(container, walk: _Walk) -> None:
    for child in container:
        tag = child.tag
        if tag == _P:
            line, boxes = _paragraph(child, walk)
            walk.add_line(line)
            for box in boxes:
                _walk_body(box, walk)
        elif tag == _TBL:
            table, where, cell_lines = _table(child, walk)
            if walk.settings.flatten_layout_tables and _is_layout(table):
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
        elif tag in _CONTAINERS:
            _walk_body(child, walk)


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
            for note in root.iter(_q(tag)):
                if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                yield note


def walk_document(document, settings: ReaderSettings | Mapping | None = None) -> _Walk:
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    walk = _Walk(settings=settings)
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
                for line in _lines(note, walk):
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


def locate(document, settings: ReaderSettings | Mapping | None = None) -> _Walk:
    """The same walk as :func:`read` over an open python-docx Document:
    ``.paragraphs[index]`` is the ``w:p`` of RawParagraph ``index`` and
    ``.tables[index] = (w:tbl, {(row, col): w:tc})`` for RawTable ``index``."""
    return walk_document(document, settings)
