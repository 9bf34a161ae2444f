"""What a spreadsheet would show after one cell is typed anew: the formula
cells of a table (:class:`reportgen.raw.SheetFormulas`) worked out again
with that cell's new value, in Decimal by :mod:`.xlsx_formula`, and shown in
their own number format (:func:`.xlsx_values.display`).

A workbook that computes its rates and its "Tổng cộng" row by formulas
carries a typed slip into them: the count of files on time typed 1.250 for
1.520 makes its rate 119,04% and the total row's sum follow it. Setting the
count right alone would leave those cells as the slip made them; a
spreadsheet would recompute them, and so does :func:`recomputed`.

Only the formula cells whose value depends on the changed cells are given
(each worked out with and without the change, so a formula this evaluator
cannot read, or one whose cached value already differed, stays as it is).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Callable

from reportgen.raw import SheetFormulas

from .xlsx_formula import Unsupported, evaluate
from .xlsx_values import Unusable, display

Position = tuple[int, int]  # (sheet row, sheet column), 1-based


def stored_value(sheet: SheetFormulas, at: Position, shown: Decimal) -> Decimal:
    """The value a cell stores for the figure it shows (a percent format stores it / 100)."""
    fmt = sheet.formats.get(at) or ""
    return shown / 100 if "%" in fmt.split(";")[0] else shown


def recomputed(sheet: SheetFormulas, changed: dict[Position, Decimal]) -> dict[Position, tuple[str, Decimal]]:
    """The formula cells of the table that ``changed`` (sheet position → the
    figure now shown there) changes: position → (text, figure shown)."""
    before = _lookup(sheet, {})
    after = _lookup(sheet, {at: stored_value(sheet, at, v) for at, v in changed.items()})
    rows = set(sheet.rows.values())
    out: dict[Position, tuple[str, Decimal]] = {}
    for at in sorted(sheet.formulas):
        if at[0] not in rows or at in changed:
            continue
        try:
            old, new = before(*at), after(*at)
            if old == new or not isinstance(new, Decimal):
                continue
            text, number = display(new, sheet.formats.get(at))
        except (Unsupported, Unusable, ArithmeticError, InvalidOperation, RecursionError):
            continue
        if number is not None:
            out[at] = (text, number)
    return out


def _lookup(sheet: SheetFormulas, override: dict[Position, Decimal]) -> Callable:
    memo: dict[Position, Decimal] = {}
    busy: set[Position] = set()

    def look(r: int, c: int):
        at = (r, c)
        if at in override:
            return override[at]
        if at in sheet.formulas:
            if at not in memo:
                if at in busy:
                    raise Unsupported("circular reference")
                busy.add(at)
                try:
                    memo[at] = evaluate(sheet.formulas[at], look)
                finally:
                    busy.discard(at)
            return memo[at]
        v = sheet.stored.get(at)
        if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
            return Decimal(str(v))
        return v if isinstance(v, str) and v.strip() else None

    return look
