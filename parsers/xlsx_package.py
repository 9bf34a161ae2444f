"""The parts of an XLSX package the reader needs, read from its XML with
lxml's iterparse (no DTD — a part with one is refused —, no entity
expanded, no network) and streamed row by row:
the workbook's sheets and date system, the shared strings, the number format
of each cell style, and each sheet's cells with their formulas, cached values
and merged ranges — in ONE pass over the sheet's XML.

Values are read here, not by a spreadsheet library: a number is the
``Decimal`` of the text in ``<v>`` exactly as stored ("NaN", "inf" and
"1E+300" included: the reader judges them; text that is no number at all
stays text), so no cell can abort the sheet. Dates go through openpyxl's
public date helpers (``openpyxl.styles.numbers.is_date_format``,
``openpyxl.utils.datetime.from_excel``); shared formulas through its public
``openpyxl.formula.translate.Translator``.

Tags are matched by their local name, so Transitional and Strict files read
alike.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterator

from lxml import etree

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_R_ID_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")

# What a broken or hostile package raises while it is read here.
class Broken(ValueError):
    """A package whose XML does not say what an XLSX must."""


class DTDForbidden(Broken):
    """A part with a document type declaration (entities: an XML bomb)."""


BROKEN = (etree.LxmlError, KeyError, zipfile.BadZipFile, EOFError, OSError, ValueError, IndexError)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _unescape(text: str) -> str:
    """``_x000D_`` → CR (how OOXML stores characters XML cannot hold)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _parse(zf: zipfile.ZipFile, member: str, events=("end",), tag=None):
    """Events of ``member``'s XML (only those of ``tag`` when given, the
    others never reach Python); a part with a DTD is refused at its root."""
    context = etree.iterparse(zf.open(member), events=("start", *events) if "start" not in events else events,
                              tag=tag, resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                              remove_comments=True, remove_pis=True)
    checked = False
    for event, el in context:
        if not checked:
            checked = True
            if el.getroottree().docinfo.doctype:
                raise DTDForbidden(f"{member} khai báo DTD")
        if event in events:
            yield event, el


@dataclass
class SheetRef:
    name: str
    member: str
    kind: str  # 'worksheet', 'chartsheet', …


@dataclass
class Cell:
    col: int
    value: object                 # stored value; a formula's cached value
    number_format: str | None
    formula: str | None = None    # "=SUM(B2:B9)" for a formula cell


@dataclass
class SheetRows:
    """The rows of one sheet as they are read; ``merges`` (1-based
    (min_row, min_col, max_row, max_col)) is complete once the rows are."""

    rows: Iterator[tuple[int, list[Cell]]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


class Package:
    """An open XLSX: sheets, shared strings, styles."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.names = set(zf.namelist())
        self.date1904 = False
        self.sheets = self._sheets()
        self.shared = self._shared_strings()
        self.formats = self._formats()
        self._date_styles: dict[int, bool] = {}

    # -- workbook -----------------------------------------------------------------------

    def _rels(self, member: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last word, package path) of ``member``."""
        folder, name = posixpath.split(member)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        out: dict[str, tuple[str, str]] = {}
        if rels not in self.names:
            return out
        for _, el in _parse(self.zf, rels):
            if _local(el.tag) == "Relationship" and el.get("TargetMode") != "External":
                target = el.get("Target") or ""
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                out[el.get("Id") or ""] = ((el.get("Type") or "").rpartition("/")[2], path)
        return out

    def _sheets(self) -> list[SheetRef]:
        rels = self._rels("xl/workbook.xml")
        sheets = []
        for _, el in _parse(self.zf, "xl/workbook.xml"):
            tag = _local(el.tag)
            if tag == "workbookPr":
                self.date1904 = (el.get("date1904") or "").lower() in ("1", "true")
            elif tag == "sheet":
                kind, member = rels.get(el.get(_R_ID) or el.get(_R_ID_STRICT) or "", ("", ""))
                sheets.append(SheetRef(el.get("name") or "", member, kind))
        return sheets

    def _shared_strings(self) -> list[str]:
        member = next((m for m in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if m in self.names), None)
        if member is None:
            return []
        out = []
        for _, el in _parse(self.zf, member, tag="{*}si"):
            out.append(_text_of(el))
            _drop(el)
        return out

    def _formats(self) -> list[str | None]:
        """Number format code of each cell style (``<cellXfs>`` order)."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        if "xl/styles.xml" not in self.names:
            return []
        custom: dict[int, str] = {}
        xfs: list[str | None] = []
        in_cell_xfs = False
        for event, el in _parse(self.zf, "xl/styles.xml", events=("start", "end")):
            tag = _local(el.tag)
            if tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif event == "end" and tag == "numFmt":
                custom[int(el.get("numFmtId") or 0)] = el.get("formatCode") or ""
            elif event == "end" and tag == "xf" and in_cell_xfs:
                xfs.append(el.get("numFmtId"))
        return [custom.get(int(i), BUILTIN_FORMATS.get(int(i))) if i is not None else None for i in xfs]

    # -- cells --------------------------------------------------------------------------

    def _is_date(self, style: int, fmt: str | None) -> bool:
        known = self._date_styles.get(style)
        if known is None:
            from openpyxl.styles.numbers import is_date_format

            known = self._date_styles[style] = bool(fmt) and is_date_format(fmt)
        return known

    def _date(self, number: Decimal, timedelta: bool = False):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        try:
            return from_excel(float(number), CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900,
                              timedelta=timedelta)
        except (OverflowError, ValueError):
            return "#VALUE!"

    def _value(self, c, fmt: str | None, style: int):
        kind = c.get("t") or "n"
        text = None
        for child in c:
            name = _local(child.tag)
            if name == "v":
                text = child.text
            elif name == "is":
                return _text_of(child)
        if text is None:
            return None
        if kind == "n":
            try:
                number = Decimal(text.strip())
            except InvalidOperation:
                return text  # not a number at all ("1,5"): text, as written
            if number.is_finite() and self._is_date(style, fmt):
                from openpyxl.styles.numbers import is_timedelta_format

                return self._date(number, timedelta=is_timedelta_format(fmt))
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                return from_ISO8601(text)
            except ValueError:
                return text
        return _unescape(text)  # 'str' (a formula's text), 'e' (#DIV/0!), 'inlineStr' without <is>

    def more_rows_than(self, sheet: SheetRef, limit: int) -> bool:
        """Whether ``sheet`` holds data on more than ``limit`` rows, found by a
        quick pass (one C-level search per row, no cell read): a million-row
        sheet is refused in seconds, not after reading ``limit`` rows of
        cells. Only sheets whose XML is large enough to hold that many rows
        are counted (about 20 bytes a row at the least)."""
        if self.zf.getinfo(sheet.member).file_size <= limit * 20:
            return False
        count = 0
        for _, el in _parse(self.zf, sheet.member, tag="{*}row"):
            if el.find(".//{*}v") is not None or el.find(".//{*}t") is not None:
                count += 1
                if count > limit:
                    return True
            _drop(el)
        return False

    def rows(self, sheet: SheetRef, max_cols: int) -> SheetRows:
        """Stream the rows of ``sheet``: (row number, cells with a value or a
        formula), in order; columns beyond ``max_cols`` are not read."""
        out = SheetRows(iter(()))
        out.rows = self._rows(sheet.member, max_cols, out.merges)
        return out

    def _rows(self, member: str, max_cols: int, merges: list) -> Iterator[tuple[int, list[Cell]]]:
        from openpyxl.formula.translate import Translator
        from openpyxl.utils.cell import range_boundaries

        shared_formulas: dict[str, Translator] = {}
        formats = self.formats
        r = 0
        for _, el in _parse(self.zf, member, tag=("{*}row", "{*}mergeCell")):
            if _local(el.tag) == "row":
                r = int(el.get("r") or r + 1)
                cells: list[Cell] = []
                c = 0
                for cell in el:
                    if _local(cell.tag) != "c":
                        continue
                    ref = cell.get("r")
                    c = _column(ref) if ref else c + 1
                    if c > max_cols:
                        continue
                    style = int(cell.get("s") or 0)
                    fmt = formats[style] if style < len(formats) else None
                    formula = _formula(cell, ref, shared_formulas, Translator)
                    value = self._value(cell, fmt, style)
                    if value is not None or formula is not None:
                        cells.append(Cell(c, value, fmt, formula))
                _drop(el)  # rows already read take no memory
                yield r, cells
            elif el.get("ref"):
                ref = el.get("ref")
                c1, r1, c2, r2 = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
                merges.append((r1, c1, r2, c2))
                _drop(el)


def _drop(el) -> None:
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


_COLUMNS: dict[str, int] = {}


def _column(ref: str) -> int:
    m = _REF.match(ref)
    if m is None:
        raise Broken(f"địa chỉ ô không hợp lệ “{ref[:20]}”")
    letters = m.group(1).upper()
    col = _COLUMNS.get(letters)
    if col is None:
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        _COLUMNS[letters] = col
    return col


def _formula(cell, ref: str | None, shared: dict, translator) -> str | None:
    f = next((child for child in cell if _local(child.tag) == "f"), None)
    if f is None:
        return None
    kind = f.get("t")
    text = f.text.strip() if f.text else ""
    if kind == "shared":
        index = f.get("si") or ""
        if text:
            shared[index] = translator("=" + text, ref or "A1")
            return "=" + text
        origin = shared.get(index)
        return origin.translate_formula(ref) if origin is not None and ref else None
    if kind == "dataTable" or not text:
        return None
    return "=" + text


def _text_of(el) -> str:
    """The text of a string item (``<si>`` or ``<is>``): its ``<t>`` and the
    ``<t>`` of its rich-text runs, not its phonetic guide."""
    parts = []
    for child in el:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return _unescape("".join(parts))
