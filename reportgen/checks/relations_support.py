"""What the relation rules share: the frames of a report (built once), the
adoption rule, tolerances, findings located at a frame's row and column, and
the ledger record.

Adoption: a relation the table does not state in words (a column that is the
sum of others, a percent that is one column over another, a rank that
follows a column) is adopted when it holds on at least ``MIN_ROWS`` rows and
on at least ``SHARE`` of the rows where it can be computed; each row that
breaks an adopted relation is an error. A relation the document states (a
maximum in a header, an ``x/y`` cell, a percent, a "Tổng cộng" or "cao
nhất" row, numbered items under a heading, a grade legend) is checked on
every row without adoption. A short table with one slip (3 of 4 rows)
adopts too: equalities of written decimals do not hold by chance.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from typing import Iterable, Sequence

from ..model import Finding, Report, TableKind
from ..numbers import format_vi, quantize
from ..text import fold
from ..text.headers import header_words
from .registry import CheckContext
from .relations_frame import Col, ColKind, Frame, Row, RowKind, frame_of

MIN_ROWS = 3
SHARE = Decimal("0.8")
QUOTE = 60  # characters of a label a message quotes at most
_PERCENT_LABEL = re.compile(r"%|^(chỉ\s*số|tỷ\s*lệ|tỉ\s*lệ)\b")


def states_percent(label: str) -> bool:
    """A row label that states a percent: "%" in it, or it opens with an index
    or a rate ("Chỉ số (%)", "Tỷ lệ đạt")."""
    return bool(_PERCENT_LABEL.search(fold(label)))

_CACHE: dict[int, tuple[Report, list[Frame]]] = {}


def frames(report: Report) -> list[Frame]:
    """The frames of every table of the report (cached for the run)."""
    hit = _CACHE.get(id(report))
    if hit is not None and hit[0] is report:
        return hit[1]
    from .relations_transposed import turned

    aliases = report.grade_aliases
    out = [turned(f) or f for f in (frame_of(t, aliases) for t in report.tables) if f is not None]
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(report)] = (report, out)
    return out


def column_labels(report: Report, index: int) -> dict[str, str]:
    """Column key → the header's words for table ``index``, from the frame the
    relations read (its columns keep the header's words, result columns too:
    "Chỉ số (%)" for the percent), else the table's columns."""
    out: dict[str, str] = {}
    table = next((t for t in report.tables if t.index == index), None)
    if table is not None:
        out.update({c.key: c.label for c in table.columns if c.label})
    for frame in frames(report):
        if frame.table.index == index and not frame.transposed:
            out.update({c.key: c.label for c in frame.cols if c.label and c.label != c.key})
    # An export's code ("TONG_SCORE", "ROW_STT") is named by its column's role.
    return {key: header_words(label, key) or label for key, label in out.items()}


def adopted(holds: int, applicable: int) -> bool:
    """Holds on at least MIN_ROWS rows and SHARE of them — or on every row
    but one (a short table with its one slip: 3 of 4)."""
    return applicable >= MIN_ROWS and (holds >= SHARE * applicable or (holds >= MIN_ROWS and holds == applicable - 1))


def places(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


# The precision of a figure that is defined, never rounded: a maximum ("Điểm tối đa" 0,5 is 0,5 exactly).
DEFINED = -1


def half_unit(value: Decimal, precision: int = 0) -> Decimal:
    """Half a unit of the last decimal a figure was rounded to: its own, or
    the column's where it shows fewer (``17`` among ``17,7`` and ``8,8``);
    none for a figure of :data:`DEFINED` precision."""
    if precision == DEFINED:
        return Decimal(0)
    p = max(places(value), precision)
    return Decimal(5).scaleb(-(p + 1)) if p else Decimal(0)


def last_unit(value: Decimal) -> Decimal:
    """One unit of the last decimal written (a rounded or a truncated figure)."""
    p = places(value)
    return Decimal(1).scaleb(-p) if p else Decimal("0.5")


def as_written(got: Decimal, written: Decimal) -> bool:
    """Whether a figure computed exactly (a highest or lowest cell) is the
    one ``written`` at the places it writes: 95,202 is "95,20" rounded or
    cut (a row of two decimals over cells of three), never "95,21"."""
    p = places(written)
    if places(got) <= p:
        return got == written
    return written in (quantize(got, p), quantize(got, p, ROUND_DOWN))


def sum_tolerance(parts: Sequence[Decimal], whole: Decimal) -> Decimal:
    """Parts written rounded may each hide half a unit of their last decimal;
    the whole, rounded (or truncated) itself, one unit of its own."""
    return sum((half_unit(p) for p in parts), Decimal(0)) + (last_unit(whole) if places(whole) else Decimal(0))


def ratio_tolerance(written: Decimal, part: Decimal, whole: Decimal, part_precision: int = 0,
                    whole_precision: int = 0) -> Decimal:
    """A percent written to p decimals may be rounded or truncated (one unit
    of p); the part and the whole written rounded move it further."""
    if whole == 0:
        return Decimal(0)
    spread = (half_unit(part, part_precision) * 100 / abs(whole)
              + abs(part) * 100 * half_unit(whole, whole_precision) / (whole * whole))
    return last_unit(written) + spread


def ratio_holds(written: Decimal, part: Decimal, whole: Decimal, part_precision: int = 0,
                whole_precision: int = 0) -> bool:
    """Whether a percent written to p decimals is part / whole × 100. Of exact
    figures (counts, nothing rounded in them) it is the quotient rounded (half
    a unit either way) or truncated (less than a unit below), never a unit
    above: 92,23 for 581 / 630 = 92,222 is a slip. Of rounded figures, the
    tolerance of :func:`ratio_tolerance` either way."""
    if whole == 0:
        return False
    exact = part / whole * 100
    if half_unit(part, part_precision) or half_unit(whole, whole_precision) or not places(written):
        return abs(exact - written) <= ratio_tolerance(written, part, whole, part_precision, whole_precision)
    unit = last_unit(written)
    return -unit < written - exact <= unit / 2


def nil_shares(rows: Iterable[Row], pct: Col, part, whole) -> list[Row]:
    """The rows an adopted ratio holds trivially: a part of 0 over a whole that
    is not 0, written 0 %. They prove nothing when a ratio is sought (any two
    columns fit them), but once it is adopted their rate is checked: a 9,09 %
    beside a count of 0 would break it. ``part`` and ``whole`` give a row's
    figures."""
    out = []
    for row in rows:
        p, a, b = row.cells.get(pct.index), part(row), whole(row)
        if p is not None and p.value == 0 and a == 0 and b is not None and b != 0:
            out.append(row)
    return out


def vi(value: Decimal | None, p: int | None = None) -> str:
    if value is None:
        return "-"
    if p is None:
        p = min(places(value), 3)
    return format_vi(value, p, fixed=True)


def short(text: str | None, limit: int = QUOTE) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def where(row: Row) -> str:
    label = short(row.label) or (f"dòng {row.no}" if row.no else f"dòng {row.i + 1}")
    if row.no and row.label and row.no != row.label and not row.label.startswith(row.no):
        return f"{row.no.rstrip('.')}. {label}" if row.path else label
    return label


def address(frame: Frame, row: Row | None, col: Col | None) -> tuple[int | None, str | None]:
    """The table's own (row, column key) of a frame's cell, as a finding names it."""
    report_row, column = (row.report_row if row is not None else None), (col.key if col is not None else None)
    if frame.transposed:  # the table's own row and column of the cell
        report_row = col.source_row if col is not None else None
        column = row.source_key if row is not None else None
    elif row is not None and col is not None and report_row is None and frame.table.cell_keys:
        # a table turned round when read: the row and key its cell was read into
        report_row, column = frame.table.cell_keys.get((row.i, col.index), (None, column))
    return report_row, column


def finding(code: str, severity: str, message: str, frame: Frame, row: Row | None, col: Col | None,
            reported: Decimal | str | None = None, expected: Decimal | str | None = None) -> Finding:
    def text(v):
        if v is None:
            return None
        return format(v, "f") if isinstance(v, Decimal) else str(v)

    table = frame.table
    report_row, column = address(frame, row, col)
    unit = (short(row.label) or None) if row is not None else None
    if row is not None and row.report_row is None and not frame.transposed and table.cell_keys \
            and report_row is not None and 0 <= report_row < len(table.rows) and len(table.rows) > 1:
        # turned when read, its units as columns: the frame's row is a measure, the unit is the table's row
        # (a one-column summary of criteria has no units to name: its row stays the criterion)
        unit = short(table.rows[report_row].unit) or None
    return Finding(code=code, severity=severity, message=message, table=table.index, row=report_row,
                   unit=unit,
                   column=column, reported=text(reported),
                   expected=text(expected),
                   page=(row.page if row is not None and row.page is not None else table.page))


# Relations that check some of their cells and only bound the others: a rank
# or a grade is checked against the figure it follows, but that figure only
# has to keep its place in the order or its band; a "cao nhất" / "thấp nhất"
# row checks itself and the unit that holds the extreme, the other units only
# have to stay below (above) it.
_CHECKS_ONLY_KINDS = {"rank-follows-column": (ColKind.RANK,), "grade-follows-bands": (ColKind.GRADE,)}
_EXTREMES = ("summary-row-max", "summary-row-min")


def record(ctx: CheckContext, frame: Frame, relation: str, cells: Iterable[tuple[Row, Col]], *,
           bound: bool = False) -> None:
    """Record ``relation`` as verified over ``cells``; the cells it only
    bounds (``bound=True``, or see _CHECKS_ONLY_KINDS and _EXTREMES) are
    recorded as bounded, not checked (reportgen.coverage)."""
    cells = list(cells)
    extremes = {c.index: r.value(c.index) for r, c in cells if r.kind == RowKind.STAT} if relation in _EXTREMES else {}
    checked, bounded = [], []
    for r, c in cells:
        key = frame.cell_key(r, c)
        if key is None:
            continue
        kinds = _CHECKS_ONLY_KINDS.get(relation)
        only_bounded = (bound or (kinds is not None and c.kind not in kinds)
                        or (relation in _EXTREMES and r.kind != RowKind.STAT
                            and r.value(c.index) != extremes.get(c.index)))
        (bounded if only_bounded else checked).append(key)
    if checked or not bounded:
        ctx.ledger.table_checked(frame.table.index, relation, checked)
    if bounded:
        ctx.ledger.table_checked(frame.table.index, relation, bounded, bound=True)


def doubt(ctx: CheckContext, frame: Frame, reason: str) -> None:
    ctx.ledger.table_doubt(frame.table.index, reason)


def col_name(col: Col) -> str:
    return f"“{short(col.label, 50)}”"


_RESULT_KEYS = {"total", "max", "percent", "grade", "rank"}


def scheme_checks(frame: Frame, col: Col, relation: str) -> bool:
    """Whether the scheme rules (TOTAL_MISMATCH, SCORE_EXCEEDS_MAX,
    PERCENT_MISMATCH, GRADE_MISMATCH, RANK_ORDER) already report this
    relation on this column of a table bound to a scheme: then the relation
    is recorded as checked but not reported twice."""
    table = frame.table
    if table.kind != TableKind.SCORES or not table.scheme:
        return False
    if relation == "max":
        return col.key not in _RESULT_KEYS and not col.key.startswith("k")
    return col.key == relation


def register_rank_cells(report: Report, ledger) -> None:
    """Enter in the coverage ledger the figures of a rank column the reader
    did not keep with the rows ("Hạng | Tên đơn vị | …", the ranks read as
    the rows' numbering): they are figures a slip can hit, so they count in
    the table's cells, checked only when a rank relation checks them."""
    for frame in frames(report):
        if frame.transposed:
            continue
        cells = set()
        for col in frame.cols:
            if col.kind != ColKind.RANK:
                continue
            for row in frame.units:
                cell = row.cells.get(col.index)
                key = frame.cell_key(row, col)
                if cell is not None and key is not None and cell.denominator is None:
                    cells.add(key)
        entry = ledger.tables.get(frame.table.index)
        known = entry.numeric_cells if entry is not None else set()
        rows_keys = {(r, k) for r, k in known}
        new = {c for c in cells if c not in rows_keys}
        if new and (entry is None or not any(k == c[1] for c in new for k in entry.not_figures)):
            ledger.add_table(frame.table.index, frame.table.title, frame.table.page, new)


def value_rows(frame: Frame) -> list[Row]:
    """The rows a column relation reads: the units and the statistics rows."""
    return [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.STAT)]
