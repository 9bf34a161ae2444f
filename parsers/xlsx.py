"""XLSX → RawDocument, streamed in one pass per sheet (:mod:`parsers.xlsx_package`:
the package's XML read with lxml, no DTD, no spreadsheet library in the way).

Each worksheet gives a paragraph with the sheet name (style ``'sheet'``),
then the paragraphs of its title rows, its table, and the paragraphs of its
trailing note rows. Title rows are the leading rows holding one text cell
(a title merged across the sheet); note rows the trailing ones. Empty rows
and columns around and inside the table are dropped.

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

import bisect
import datetime as _dt
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from reportgen.raw import RawCell, RawDocument, RawNote, RawParagraph, RawTable, UnreadableInput

from .limits import LimitExceeded, Limits, limits_of
from .ooxml import open_checked_zip
from .settings import ReaderSettings
from .xlsx_formula import Unsupported, evaluate
from .xlsx_package import BROKEN, Package, SheetRef

DEFAULTS = {
    "max_empty_run": 1000,
    "max_cols": 256,
    "check_formulas": True,
    "split_titles": True,
    "table_gap": 2,
}

_DECIMALS = re.compile(r"\.([0#?]+)")


def _decimals(number_format: str | None) -> int | None:
    if not number_format or number_format == "General":
        return None
    section = number_format.split(";")[0]
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", section)
    m = _DECIMALS.search(section)
    if m:
        return len(m.group(1))
    return 0 if re.search(r"[0#]", section) else None


def vi_text(value: Decimal) -> str:
    """A Decimal in vi_VN without grouping: 58,94 · 13597 · -0,5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") if "E" not in text else text
    return text.replace(".", ",")


class Unusable(Exception):
    """A stored number no report can mean; ``args[0]`` is its text."""


def usable(number: Decimal, limits: Limits) -> bool:
    """Finite, at most ``number_digits`` digits before and after the point."""
    if not number.is_finite():
        return False
    sign, digits, exponent = number.as_tuple()
    whole = len(digits) + exponent if exponent < 0 else len(digits) + exponent
    return whole <= limits.number_digits and -exponent <= limits.number_digits


def _display(value, number_format: str | None, limits: Limits | None = None) -> tuple[str, Decimal | None]:
    """The cell's text and, for a number, its displayed exact value. Raises
    :class:`Unusable` for a number beyond ``limits`` (NaN, inf, 1E+300)."""
    if value is None:
        return "", None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%d/%m/%Y"), None
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M"), None
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise Unusable(str(value)) from None
        if not usable(number, limits or Limits()):
            raise Unusable(str(value).upper() if not number.is_finite() else str(value))
        percent = bool(number_format) and "%" in number_format.split(";")[0]
        if percent:
            number = number * 100
        places = _decimals(number_format)
        if places is None:
            # General: at most 10 decimals, which hides binary noise
            # (58.940000000000005 shows 58.94).
            if -number.as_tuple().exponent > 10:
                number = number.quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP)
            number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
            text = vi_text(number)
        else:
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            text = format(number, "f").replace(".", ",")
        return (text + "%" if percent else text), number
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return text, None


def _ref(r: int, c: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(c)}{r}"


def _same(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("1e-9") * max(Decimal(1), abs(a), abs(b))


def _over_rows(name: str, limits: Limits) -> LimitExceeded:
    return LimitExceeded("xlsx_rows", f"Trang tính “{name}” có dữ liệu quá {_n(limits.xlsx_rows)} dòng, vượt giới "
                         "hạn; từ chối đọc.")


def _n(number: int) -> str:
    """12.345 (vi_VN thousands)."""
    return f"{number:,}".replace(",", ".")


class _Sheet:
    """The cells of one sheet, read in one streamed pass over its XML."""

    def __init__(self, package: Package, ref: SheetRef, settings: ReaderSettings, limits: Limits, counted: int = 0):
        self.cells: dict[tuple[int, int], tuple[str, Decimal | None]] = {}
        self.unusable: list[tuple[int, int, str]] = []
        self.formulas: dict[tuple[int, int], str] = {}
        self.cached: dict[tuple[int, int], object] = {}
        self.stored: dict[tuple[int, int], object] = {}  # value as stored (formula: cached)
        self.formats: dict[tuple[int, int], str | None] = {}  # number format of a formula's cell
        self._memo: dict[tuple[int, int], Decimal] = {}  # uncached formulas worked out
        self._busy: set[tuple[int, int]] = set()  # … and those being worked out (a cycle)
        self.truncated_at: int | None = None
        name = ref.name
        if package.more_rows_than(ref, limits.xlsx_rows):
            raise _over_rows(name, limits)
        sheet = package.rows(ref, settings.max_cols)
        last_data = 0  # the last row holding data (or a formula)
        for r, row in sheet.rows:
            # Rows not stored and rows without data are empty: a long run of
            # them ends the sheet (one formatted down to row 1.048.576).
            cut = last_data + settings.max_empty_run
            if min(r, cut) > limits.xlsx_rows:
                raise _over_rows(name, limits)
            if r >= cut:
                self.truncated_at = cut
                break
            empty = True
            for cell in row:
                c, raw = cell.col, cell.value
                if cell.formula is not None:
                    self.formulas[(r, c)] = cell.formula
                    self.cached[(r, c)] = raw
                    self.formats[(r, c)] = cell.number_format
                    empty = False
                try:
                    text, number = _display(raw, cell.number_format, limits)
                except Unusable as exc:
                    text, number = exc.args[0], None
                    self.unusable.append((r, c, text))
                    raw = None
                self.stored[(r, c)] = raw
                if text:
                    empty = False
                    counted += 1
                    if len(text) > limits.cell_chars:
                        raise LimitExceeded("cell_chars", (
                            f"Ô ở dòng {r}, cột {c} của trang tính “{name}” dài {_n(len(text))} ký tự, vượt giới hạn "
                            f"{_n(limits.cell_chars)} ký tự; từ chối đọc."))
                    if counted > limits.xlsx_cells:
                        raise LimitExceeded("xlsx_cells", (
                            f"Bảng tính có quá {_n(limits.xlsx_cells)} ô có dữ liệu, vượt giới hạn; từ chối đọc."))
                self.cells[(r, c)] = (text, number)
            if not empty:
                last_data = r
        self.merges = sorted(set(sheet.merges))
        self.counted = counted

    def lookup_value(self, r: int, c: int):
        """The stored value at a cell (a formula's cached value), as the
        formula checker sees it: Decimal for numbers, str for text, None.
        A formula saved without its value (a sheet written by a script, not
        by a spreadsheet program) is worked out from its own formula; one
        that cannot be raises Unsupported — never an empty cell's 0."""
        if (r, c) in self.formulas and self.cached.get((r, c)) is None:
            return self._computed(r, c)
        v = self.stored.get((r, c))
        if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
            return Decimal(str(v))
        if isinstance(v, str):
            return v if v.strip() else None
        return None


    def _computed(self, r: int, c: int) -> Decimal:
        memo, busy = self._memo, self._busy
        if (r, c) in memo:
            return memo[(r, c)]
        if (r, c) in busy:
            raise Unsupported("circular reference")
        busy.add((r, c))
        try:
            memo[(r, c)] = evaluate(self.formulas[(r, c)], self.lookup_value)
        finally:
            busy.discard((r, c))
        return memo[(r, c)]


def _check_formulas(sheet: _Sheet, sheet_name: str) -> list[dict]:
    """Evaluate simple formulas; return mismatches and uncached results."""
    from openpyxl.utils.cell import get_column_letter

    out = []
    for (r, c), formula in sheet.formulas.items():
        try:
            computed = evaluate(formula, sheet.lookup_value)
        except (Unsupported, RecursionError, ArithmeticError):
            continue
        if not usable(computed, Limits()):
            continue
        cached = sheet.cached.get((r, c))
        ref = f"{get_column_letter(c)}{r}"
        if cached is None:
            out.append({"kind": "formula_uncached", "r": r, "c": c, "sheet": sheet_name, "cell": ref,
                        "formula": formula, "computed": computed})
            continue
        if not isinstance(cached, (int, float, Decimal)) or isinstance(cached, bool):
            continue
        cached_d = Decimal(str(cached))
        if not _same(cached_d, computed):
            out.append({"kind": "formula_mismatch", "r": r, "c": c, "sheet": sheet_name, "cell": ref,
                        "formula": formula, "cached": cached_d, "computed": computed})
    return out


def _build(sheet: _Sheet, merges, sheet_name: str, doc: RawDocument, settings: ReaderSettings, checks: list[dict],
           counts: dict) -> list[int]:
    """Append the sheet's paragraphs and tables to ``doc``; return the
    indices of its tables. Blocks of rows separated by two or more empty rows
    are separate tables (two appendices on one sheet)."""
    cells = {k: v for k, v in sheet.cells.items() if v[0]}
    for chk in checks:  # an uncached formula shows its computed value, in its cell's number format (0,00%)
        if chk["kind"] == "formula_uncached":
            at = (chk["r"], chk["c"])
            cells[at] = _display(chk["computed"], sheet.formats.get(at))
    covered, spans = _spans(merges, max((r for r, _ in cells), default=0), max((c for _, c in cells), default=0))
    origins = {k: v for k, v in cells.items() if k not in covered}
    doc.blocks.append(RawParagraph(text=sheet_name, index=_next(counts, 'p'), style="sheet"))
    by_row: dict[int, list[int]] = {}
    for r, c in origins:
        by_row.setdefault(r, []).append(c)
    rows = sorted(by_row)
    segments: list[list[int]] = []
    for r in rows:
        if segments and r - segments[-1][-1] <= settings.table_gap:
            segments[-1].append(r)
        else:
            segments.append([r])
    notes_by_row: dict[int, list[dict]] = {}
    for chk in checks:
        if chk["kind"] != "formula_uncached":
            notes_by_row.setdefault(chk["r"], []).append(chk)
    tables: list[int] = []
    for segment in segments:
        t, row_index, first_col = _segment(segment, by_row, origins, spans, doc, settings, counts)
        if t is None:
            continue
        tables.append(t)
        for r in row_index:
            for chk in notes_by_row.pop(r, ()):
                doc.notes.append(_note(chk, sheet_name, t, row_index[r], chk["c"] - first_col))
    for chks in notes_by_row.values():
        doc.notes.extend(_note(chk, sheet_name, None, None, None) for chk in chks)
    return tables


def _spans(merges, last_row: int, last_col: int
           ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """(cells covered by a merge but its origin, origin → (last row, last col)).
    Only cells up to the last row and column holding data are listed: a merge
    over A1:XFD1048576 costs what the data costs."""
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in merges:
        spans[(r1, c1)] = (r2, c2)
        for r in range(r1, min(r2, last_row) + 1):
            for c in range(c1, min(c2, last_col) + 1):
                if (r, c) != (r1, c1):
                    covered.add((r, c))
    return covered, spans


def _next(counts: dict, kind: str) -> int:
    """The next paragraph ('p') or table ('t') index of the document (kept
    as counts: recounting the blocks each time would be quadratic)."""
    n = counts.get(kind, 0)
    counts[kind] = n + 1
    return n


def _note(chk: dict, sheet_name: str, table, row, col) -> RawNote:
    if chk["kind"] == "number_unreadable":
        return RawNote(
            kind="number_unreadable",
            message=(f"Ô {chk['cell']} (trang tính “{sheet_name}”) ghi số “{chk['text']}”: không dùng được "
                     "(không hữu hạn hoặc quá nhiều chữ số), không tính với ô này."),
            table=table, row=row, col=col, data={"sheet": sheet_name, "cell": chk["cell"], "text": chk["text"]})
    return RawNote(
        kind=chk["kind"],
        message=(f"Ô {chk['cell']} (trang tính “{sheet_name}”) có công thức {chk['formula']} "
                 f"cho {vi_text(chk['computed'])} nhưng giá trị lưu sẵn là {vi_text(chk['cached'])}."),
        table=table, row=row, col=col,
        data={"sheet": sheet_name, "cell": chk["cell"], "formula": chk["formula"],
              "cached": chk["cached"], "computed": chk["computed"]})


def _segment(rows: list[int], by_row: dict[int, list[int]], origins: dict, spans: dict, doc: RawDocument,
             settings: ReaderSettings, counts: dict):
    """One block of rows: title rows (one text cell) as paragraphs, the
    table, trailing note rows as paragraphs. Returns (table index or None,
    sheet row → table row, first sheet column)."""
    rows = list(rows)

    def single(r: int) -> bool:
        cs = by_row[r]
        return len(cs) == 1 and origins[(r, cs[0])][1] is None

    lead: list[int] = []
    trail: list[int] = []
    if settings.split_titles:
        start = 0
        while len(rows) - start > 1 and single(rows[start]):
            lead.append(rows[start])
            start += 1
        rows = rows[start:]
        while len(rows) > 1 and single(rows[-1]):
            trail.append(rows.pop())
        trail.reverse()
        if len(rows) == 1 and single(rows[0]):
            lead.append(rows.pop())
    for r in lead:
        doc.blocks.append(RawParagraph(text=origins[(r, by_row[r][0])][0], index=_next(counts, 'p'),
                                       style="sheet-title"))
    table_idx = None
    row_index: dict[int, int] = {}
    first_col = 1
    if rows:
        first_col = min(c for r in rows for c in by_row[r])
        last_col = max(c for r in rows for c in by_row[r])
        row_index = {r: i for i, r in enumerate(rows)}
        table_idx = _next(counts, 't')
        table = RawTable(index=table_idx)
        for r in rows:
            out_row = []
            for c in sorted(by_row[r]):
                text, number = origins[(r, c)]
                rowspan = colspan = 1
                if (r, c) in spans:
                    r2, c2 = spans[(r, c)]
                    # rows inside the merge that were dropped as empty shrink it
                    rowspan = max(1, bisect.bisect_right(rows, r2) - bisect.bisect_left(rows, r))
                    colspan = max(1, min(c2, last_col) - c + 1)
                out_row.append(RawCell(text=text, row=row_index[r], col=c - first_col,
                                       rowspan=rowspan, colspan=colspan, value=number))
            table.rows.append(out_row)
        doc.blocks.append(table)
    for r in trail:
        doc.blocks.append(RawParagraph(text=origins[(r, by_row[r][0])][0], index=_next(counts, 'p'),
                                       style="sheet-note"))
    return table_idx, row_index, first_col


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
                sheet = _Sheet(package, ref, settings, limits, counted)
                counted = sheet.counted
                _add_sheet(doc, sheet, ref.name, settings, counts)
        except BROKEN as exc:  # a broken or hostile package: its XML, its parts, its numbers
            raise UnreadableInput(f"Không đọc được bảng tính XLSX {path.name}: {type(exc).__name__}.") from exc
    finally:
        zf.close()
    return doc


def _add_sheet(doc: RawDocument, sheet: _Sheet, name: str, settings: ReaderSettings, counts: dict) -> None:
    checks = _check_formulas(sheet, name) if settings.check_formulas else []
    checks += [{"kind": "number_unreadable", "r": r, "c": c, "cell": _ref(r, c), "text": text}
               for r, c, text in sheet.unusable]
    tables = _build(sheet, sheet.merges, name, doc, settings, checks, counts)
    table = tables[0] if tables else None
    doc.properties["sheets"].append({"name": name, "table": table, "tables": tables})
    if sheet.truncated_at is not None:
        doc.notes.append(RawNote(
            kind="sheet_truncated",
            message=(f"Trang tính “{name}”: dừng đọc ở dòng {sheet.truncated_at} "
                     "sau một dải dài các dòng trống."),
            table=table, data={"sheet": name, "row": sheet.truncated_at}))
