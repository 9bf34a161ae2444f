"""One slip, one error: the findings a wrong cell causes on innocent cells.

A wrong figure breaks every relation it is in: a unit's percent written
63,18 for 85,97 breaks its own ratio (points / maximum), and with it the
"Chỉ số trung bình" row, the ranks around it, the bands the grades are held
to — errors on cells that are right. The culprit is the cell whose
correction makes the others hold again, and it is sure when it is the only
such cell:

1. every error that names a cell and the value it should hold is a
   candidate (an ``x/y`` cell, a figure that is not a number, is not);
2. for each candidate the rules run again on a copy of the report with that
   one cell set to its expected value (in the table's rows and in the
   reader's grid the relations read);
3. the candidate explains the errors that are gone after its correction,
   when its own error is gone and no new error came;
4. it is sure when no other candidate's correction removes its error too
   (two cells of one sum either of which may be wrong: neither is sure).

The errors a sure culprit explains are no longer reported apart: the
culprit's finding names them ("kéo theo …"). Nothing changes where no
candidate is sure: every error stays, as the rules gave it.
"""
from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation

from ..model import Finding, Report, Severity
from ..numbers import format_vi, places_of

MAX_CANDIDATES = 6  # corrections tried per document (each runs the rules once)
_ROLES = ("total", "max", "percent", "rank")


def finding_key(f: Finding) -> tuple:
    return (f.code, f.rule, f.table, f.row, f.column, f.paragraph)


def _cell(f: Finding) -> tuple:
    return (f.table, f.row, f.column)


def _number(text: str | None) -> Decimal | None:
    try:
        value = Decimal(str(text))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return value if value.is_finite() else None


def _grid_text(old: str, value: Decimal | str) -> str | None:
    """``value`` written as the cell was (Vietnamese decimals, its ``%``);
    None for an ``x/y`` cell or a figure whose form is not a plain number."""
    if isinstance(value, str):
        return value
    if "/" in old:
        return None
    text = format_vi(value, places_of(value), fixed=True)
    return text + ("%" if "%" in old else "")


def _set_row(row, key: str, value) -> bool:
    if key in row.scores:
        row.scores[key] = value
    elif key in _ROLES and getattr(row, key, None) is not None:
        setattr(row, key, int(value) if key == "rank" and isinstance(value, Decimal) else value)
    elif key == "grade" and isinstance(value, str):
        row.grade = value
    elif key in row.extra:
        row.extra[key] = value
    else:
        return False
    return True


def corrected(report: Report, f: Finding) -> Report | None:
    """A copy of ``report`` with the cell ``f`` names set to ``f.expected``,
    or None when that cell cannot be set."""
    number = _number(f.expected)
    value: Decimal | str | None = number if number is not None else f.expected
    if value is None or (number is None and f.column != "grade"):
        return None
    out = copy.deepcopy(report)
    table = next((t for t in out.tables if t.index == f.table), None)
    if table is None or not 0 <= f.row < len(table.rows):
        return None
    row = table.rows[f.row]
    done = _set_row(row, f.column, value)
    grid = getattr(table, "grid", None)
    if grid is not None and grid.rows:
        spots = [(g, c) for (g, c), (r, k) in (table.cell_keys or {}).items() if (r, k) == (f.row, f.column)]
        if not spots and row.grid_row is not None and f.column in row.source_cols:
            spots = [(row.grid_row, row.source_cols[f.column])]
        for g, c in spots:
            cells = grid.rows[g].cells
            if not 0 <= c < len(cells):
                return None
            text = _grid_text(cells[c] or "", value)
            if text is None:
                return None
            cells[c] = text
            done = True
    return out if done else None


def without_consequences(report: Report, findings: list[Finding], errors_of) -> list[Finding]:
    """``findings`` with the errors a sure culprit explains folded into the
    culprit's finding. ``errors_of(report)`` runs the rules on a corrected
    copy and gives the keys of its errors."""
    errors = [f for f in findings if f.severity == Severity.ERROR]
    if len(errors) < 2:
        return findings
    before = {finding_key(f) for f in errors}
    candidates = list({_cell(f): f for f in errors if f.table is not None and f.row is not None
                       and f.column and f.expected is not None}.values())[:MAX_CANDIDATES]
    gone: dict[tuple, set] = {}
    for cand in candidates:
        fixed = corrected(report, cand)
        if fixed is None:
            continue
        after = errors_of(fixed)
        if finding_key(cand) in after or after - before:
            continue
        gone[_cell(cand)] = before - after
    culprits = {}
    for cand in candidates:
        cell = _cell(cand)
        explained = gone.get(cell, set()) - {finding_key(cand)}
        if not explained or any(finding_key(cand) in g for other, g in gone.items() if other != cell):
            continue
        culprits[cell] = (cand, explained)
    if not culprits:
        return findings
    dropped: dict[tuple, list[Finding]] = {}
    sure_cells = set(culprits)
    for cell, (cand, explained) in culprits.items():
        dropped[cell] = [f for f in errors if finding_key(f) in explained and _cell(f) not in sure_cells]
    gone_ids = {id(f) for fs in dropped.values() for f in fs}
    # a warning that guessed the same broken relation as a consequence goes with it
    echoes = {_echo(f) for fs in dropped.values() for f in fs}
    gone_ids |= {id(f) for f in findings if f.severity == Severity.WARNING and f.expected is not None
                 and f.row is not None and _echo(f) in echoes}
    out = []
    for f in findings:
        if id(f) in gone_ids:
            continue
        if f.severity == Severity.ERROR and _cell(f) in culprits and culprits[_cell(f)][0] is f and dropped[_cell(f)]:
            f.message = f"{f.message.rstrip('. ')}. Số ghi sai này kéo theo: {_consequences(dropped[_cell(f)])}"
        out.append(f)
    return out


def _echo(f: Finding) -> tuple:
    def same(text):
        number = _number(text)
        return str(number.normalize()) if number is not None else text

    return (f.table, f.row, same(f.reported), same(f.expected))


def _vi(text: str) -> str:
    number = _number(text)
    return format_vi(number, places_of(number), fixed=True) if number is not None else text


def _consequences(findings: list[Finding], limit: int = 4) -> str:
    parts = []
    for f in findings[:limit]:
        where = f"“{f.unit}”" if f.unit else (f"đoạn văn {f.paragraph + 1}" if f.paragraph is not None else "bảng")
        shown = f" (ghi {_vi(f.reported)}, tính ra {_vi(f.expected)})" if f.reported and f.expected else ""
        parts.append(f"{f.code} ở {where}{shown}")
    more = f" và {len(findings) - limit} lỗi khác" if len(findings) > limit else ""
    return "; ".join(parts) + more + " — các lỗi này hết khi sửa ô này, nên không báo riêng."
