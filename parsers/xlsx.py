"""XLSX → RawDocument, streamed in one pass per sheet (:mod:`parsers.xlsx_package`:
the package's XML read with lxml, no DTD, no spreadsheet library in the way).

This module reads the workbook sheet by sheet; beside it, by idea: what a
cell shows (:mod:`xlsx_values`), one sheet's cells and the checks on them
(:mod:`xlsx_sheet`, formulas evaluated by :mod:`xlsx_formula`), a sheet as
paragraphs and tables (:mod:`xlsx_blocks`).

Each worksheet gives a paragraph with the sheet name (style ``'sheet'``),
then the paragraphs of its title rows, its table, and the paragraphs of its
trailing note rows; several tables on a sheet each with their own (apart
by two empty rows, or stacked closer and told apart by their title and
header rows: :mod:`xlsx_split`). Title rows are the leading rows holding
one text cell (a title merged across the sheet); note rows the trailing
ones. Empty rows and columns around and inside the table are dropped.

Cells:

- merged ranges become ``rowspan``/``colspan`` on the top-left cell;
- a number stored as a number keeps its exact value in ``RawCell.value``
  (``Decimal(str(v))``, never float arithmetic), the number format's decimals
  applied (``0.00`` shows 71,19 for 71.1882…; a percent format gives ×100
  and a '%'), and ``text`` is the same number in vi_VN (decimal comma, no
  grouping: ``58,94``, ``13597``);
- a number stored as text ("19.05", "4,81") stays text, as written: the
  reader parses it knowing the column;
- formulas: a formula cell holds both the formula and its cached value,
  read in the same pass. The cell shows the cached value. Simple formulas
  (SUM, + - * /, references, ranges, ROUND …; see
  :mod:`parsers.xlsx_formula`) are evaluated in Decimal over the cached
  values of the cells they refer to; where the result differs from the
  cached value the document gets a ``RawNote(kind='formula_mismatch')``
  with ``table``/``row``/``col`` of the cell in its RawTable and ``data`` =
  {sheet, cell, formula, cached, computed}. A formula without a cached value
  (a file written by a program that never calculated it) gets its computed
  value and a ``RawNote(kind='formula_uncached')``.

  Mapping for the reader/checks: ``formula_mismatch`` → finding
  ``FORMULA_MISMATCH`` (error; ``reported`` = data['cached'], ``expected`` =
  data['computed']); ``formula_uncached`` → none (info at most);
  ``sheet_truncated`` → none.

Huge sheets: rows are streamed and reading stops after ``max_empty_run``
consecutive empty rows (a sheet formatted down to row 1,048,576), with a
``RawNote(kind='sheet_truncated')``; at most ``max_cols`` columns are read.
A sheet with data beyond ``Limits.xlsx_rows`` rows, a workbook over
``Limits.xlsx_cells`` cells or a cell over ``Limits.cell_chars`` characters
is refused (:mod:`parsers.limits`). Work is linear in the cells.

A number the document cannot mean (NaN, infinity, ``1E+300``, more than
``Limits.number_digits`` digits) keeps its text as written, gets no value,
and a ``RawNote(kind='number_unreadable')`` on its cell (finding
``NUMBER_UNREADABLE``).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawDocument, RawNote, UnreadableInput

from .limits import limits_of
from .ooxml import open_checked_zip
from .settings import ReaderSettings
from .xlsx_blocks import build
from .xlsx_package import BROKEN, Package
from .xlsx_sheet import Sheet, cell_ref, check_formulas

DEFAULTS = {
    "max_empty_run": 1000,
    "max_cols": 256,
    "check_formulas": True,
    "split_titles": True,
    "table_gap": 2,
}


def read(path, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    path = Path(path)
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    limits = limits_of(settings.as_dict())
    zf = open_checked_zip(path, "xl/workbook.xml", "XLSX", settings.max_member_bytes)
    try:
        try:
            package = Package(zf)
            doc = RawDocument(source=str(path), format="xlsx", properties={"sheets": []})
            counted = 0
            counts: dict = {}
            for ref in package.sheets:
                if ref.kind != "worksheet" or ref.member not in package.names:
                    continue  # a chartsheet, or a sheet whose part is missing
                sheet = Sheet(package, ref, settings, limits, counted)
                counted = sheet.counted
                _add_sheet(doc, sheet, ref.name, settings, counts)
        except BROKEN as exc:  # a broken or hostile package: its XML, its parts, its numbers
            raise UnreadableInput(f"Không đọc được bảng tính XLSX {path.name}: {type(exc).__name__}.") from exc
    finally:
        zf.close()
    return doc


def _add_sheet(doc: RawDocument, sheet: Sheet, name: str, settings: ReaderSettings, counts: dict) -> None:
    checks = check_formulas(sheet, name) if settings.check_formulas else []
    checks += [{"kind": "number_unreadable", "r": r, "c": c, "cell": cell_ref(r, c), "text": text}
               for r, c, text in sheet.unusable]
    tables = build(sheet, sheet.merges, name, doc, settings, checks, counts)
    table = tables[0] if tables else None
    doc.properties["sheets"].append({"name": name, "table": table, "tables": tables})
    if sheet.truncated_at is not None:
        doc.notes.append(RawNote(
            kind="sheet_truncated",
            message=(f"Trang tính “{name}”: dừng đọc ở dòng {sheet.truncated_at} "
                     "sau một dải dài các dòng trống."),
            table=table, data={"sheet": name, "row": sheet.truncated_at}))
