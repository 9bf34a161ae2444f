"""One worksheet's cells, read in one streamed pass over its XML
(:class:`Sheet`), and the checks on them: simple formulas evaluated against
their cached values (:func:`check_formulas`), numbers no report can mean,
and the RawNote each check leaves (:func:`note`).

A sheet with data beyond ``Limits.xlsx_rows`` rows, a workbook over
``Limits.xlsx_cells`` cells or a cell over ``Limits.cell_chars`` characters
is refused (:mod:`parsers.limits`); a long run of empty rows ends the sheet.
"""
from __future__ import annotations

from decimal import Decimal

from reportgen.raw import RawNote

from .limits import LimitExceeded, Limits
from .settings import ReaderSettings
from .xlsx_formula import Unsupported, evaluate
from .xlsx_package import Package, SheetRef
from .xlsx_values import Unusable, display, usable, vi_text


def cell_ref(r: int, c: int) -> str:
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


class Sheet:
    """The cells of one sheet, read in one streamed pass over its XML."""

    def __init__(self, package: Package, ref: SheetRef, settings: ReaderSettings, limits: Limits, counted: int = 0):
        self.cells: dict[tuple[int, int], tuple[str, Decimal | None]] = {}
        self.unusable: list[tuple[int, int, str]] = []
        self.formulas: dict[tuple[int, int], str] = {}
        self.cached: dict[tuple[int, int], object] = {}
        self.stored: dict[tuple[int, int], object] = {}  # value as stored (formula: cached)
        self.formats: dict[tuple[int, int], str | None] = {}  # number format of a formula's or a number's cell
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
                    text, number = display(raw, cell.number_format, limits)
                except Unusable as exc:
                    text, number = exc.args[0], None
                    self.unusable.append((r, c, text))
                    raw = None
                self.stored[(r, c)] = raw
                if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool) and cell.number_format:
                    self.formats[(r, c)] = cell.number_format  # a percent input is stored / 100
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


def check_formulas(sheet: Sheet, sheet_name: str) -> list[dict]:
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


def note(chk: dict, sheet_name: str, table, row, col) -> RawNote:
    """The RawNote of a check on a cell, at ``table``/``row``/``col`` where its
    row is in a table (None where it is not)."""
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
