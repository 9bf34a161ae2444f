"""Rules over tables that are not one unit per row of a scheme's indicators:
'summary' tables (a unit's group scores written ``x/y`` beside its total
``x/y``; their sums are in :mod:`.tables_summary`) and 'data' tables (counts,
rates, fractions per unit): ``x/y`` bounds, derived columns, total rows, order.

What the rules read, so any reader layout works:

- a *summary* table either has one row per unit whose ``scores`` are the
  group scores (maxima from the column, or from ``x/y`` in ``row.raw``) and
  whose ``total``/``max`` is the whole; or one row per group line (``no``,
  ``unit`` = the label, ``total``/``max`` = ``x/y``), the whole being the row
  whose label says "tổng"; further value columns may sit in ``row.extra``;
- a *data* table keeps its values in ``row.extra`` by column label (Decimal,
  text, or ``x/y`` text), and possibly ``total``/``max``/``percent``.

Tolerances come from the table's scheme; for a table without one, half a unit
of the last decimal the parts show, per part (the same rule the schemes
encode as ``part_tolerance``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import permutations
from typing import Iterator

from ..model import Finding, Report, ScoreRow, ScoreTable, TableKind
from ..numbers import CellValue, format_vi, parse_cell
from .registry import CheckContext, rule
from .relations_frame import ColKind, RowKind
from .table_support import finding, looks_ranked

WHOLE_LABEL = re.compile(r"\b(tổng|cộng|toàn tỉnh|chung)\b", re.IGNORECASE)
_RATE_LABEL = re.compile(r"tỷ lệ|tỉ lệ|%|bình quân|trung bình", re.IGNORECASE)


@dataclass
class Series:
    """One column of values, by row index. ``den`` holds the ``y`` of ``x/y``."""

    label: str
    key: str = ""
    values: dict[int, Decimal] = field(default_factory=dict)
    den: dict[int, Decimal] = field(default_factory=dict)
    rate: bool = False

    @property
    def is_fraction(self) -> bool:
        return bool(self.den) and len(self.den) >= len(self.values) / 2


def _cell(value) -> CellValue | None:
    if value is None:
        return None
    if isinstance(value, CellValue):
        return value
    if isinstance(value, Decimal):
        return CellValue(text=str(value), value=value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return CellValue(text=str(value), value=Decimal(str(value)))
    if isinstance(value, str):
        return parse_cell(value, "auto")
    return None


def _denominator(row: ScoreRow, key: str) -> Decimal | None:
    of = row.extra.get(f"{key}_of")
    if isinstance(of, Decimal):
        return of
    cell = parse_cell(row.raw[key], "score") if key in row.raw else None
    return cell.denominator if cell is not None else None


def series(table: ScoreTable) -> list[Series]:
    """The numeric columns of a non-score table, in column order: numbers in
    ``scores`` by column key (``x/y`` keeps ``y`` in ``extra[key + '_of']`` or
    in the text as written), the total of a row that has nothing else, and
    numbers left in ``extra`` by label."""
    out: dict[str, Series] = {}
    labels = {c.key: c.label for c in table.columns}

    def add(key: str, label: str, i: int, cell: CellValue | None) -> None:
        if cell is None or cell.value is None:
            return
        s = out.setdefault(key, Series(label=label, key=key))
        s.values[i] = cell.value
        if cell.denominator is not None:
            s.den[i] = cell.denominator
        if cell.percent_sign or _RATE_LABEL.search(label):
            s.rate = True

    for c in table.columns:
        out[c.key] = Series(label=c.label, key=c.key)
    for i, row in enumerate(table.rows):
        for key, value in row.scores.items():
            if value is not None:
                raw = row.raw.get(key, "")
                add(key, labels.get(key, key), i, CellValue(text=raw, value=value, denominator=_denominator(row, key),
                                                            percent_sign="%" in raw))
        if row.total is not None and (table.kind == TableKind.SUMMARY or not row.scores):
            add("total", "Điểm", i, CellValue(text="", value=row.total, denominator=row.max))
        for label, value in row.extra.items():
            label = str(label)
            if label in row.scores or label in labels or (label.endswith("_of") and label[:-3] in row.scores) \
                    or label == "rank_of":
                continue
            add(f"extra:{label}", label, i, _cell(value))
    return [s for s in out.values() if s.values]


# ---------------------------------------------------------------- fractions

def _fractions(report: Report, ctx: CheckContext, kind: TableKind):
    """(table, row index, row, series, x, y) of every ``x/y`` cell of the tables of ``kind``."""
    for table in report.tables:
        if table.kind != kind:
            continue
        for s in series(table):
            for i, den in s.den.items():
                ctx.ledger.table_checked(table.index, "fraction-bound", [(i, s.key.removeprefix("extra:"))])
                yield table, i, table.rows[i], s, s.values[i], den


@rule("SCORE_EXCEEDS_MAX", "Điểm đạt lớn hơn điểm tối đa trong ô dạng x/y của bảng tổng hợp")
def summary_score_over_max(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng tổng hợp, ô dạng x/y (điểm đạt/điểm tối đa) có x không
    lớn hơn y.
    Vì sao: điểm đạt không thể vượt điểm tối đa của nhóm.
    Ví dụ sai: "Công khai, minh bạch: 19/18".
    Ví dụ đúng: "Công khai, minh bạch: 17/18"."""
    for table, i, row, s, x, den in _fractions(report, ctx, TableKind.SUMMARY):
        if x > den:
            message = f"{s.label} ghi {format_vi(x)}/{format_vi(den)}: điểm đạt vượt điểm tối đa"
            yield finding("SCORE_EXCEEDS_MAX", "error", message, table, i, row, s.label, x, den)


@rule("FRACTION_MISMATCH", "Tử số lớn hơn mẫu số trong ô dạng x/y")
def fraction_over_whole(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng số liệu, ô dạng x/y (số đạt/tổng số) có x không lớn
    hơn y.
    Vì sao: phần không thể lớn hơn toàn bộ; thường là gõ nhầm hoặc đảo hai số.
    Ví dụ sai: "Hồ sơ đúng hạn: 130/125".
    Ví dụ đúng: "Hồ sơ đúng hạn: 120/125"."""
    for table, i, row, s, x, den in _fractions(report, ctx, TableKind.DATA):
        if x > den:
            message = f"{s.label} ghi {format_vi(x)}/{format_vi(den)}: tử số lớn hơn mẫu số"
            yield finding("FRACTION_MISMATCH", "warning", message, table, i, row, s.label, x, den)


# ---------------------------------------------------------------- derived columns

def _countseries(table: ScoreTable) -> list[tuple[str, dict[int, Decimal]]]:
    """Columns of whole numbers (counts): a fraction gives its x, its y and y − x."""
    return [(label, vals) for label, vals, _ in _keyed_counts(table)]


def _keyed_counts(table: ScoreTable) -> list[tuple[str, dict[int, Decimal], str]]:
    """_count_series with the ledger's column key of each series (an x/y's
    numerator and denominator are the one cell)."""
    out = []
    for s in series(table):
        if s.rate:
            continue
        key = s.key.removeprefix("extra:")
        if s.is_fraction:
            out.append((f"{s.label} (tử số)", {i: v for i, v in s.values.items() if i in s.den}, key))
            out.append((f"{s.label} (mẫu số)", dict(s.den), key))
        else:
            out.append((s.label, dict(s.values), key))
    return [(label, vals, key) for label, vals, key in out
            if vals and all(v == v.to_integral_value() for v in vals.values())]


@rule("SUM_MISMATCH", "Cột bằng tổng (hoặc hiệu) của hai cột khác ở mọi dòng trừ một vài dòng")
def derived_column(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một cột bằng tổng (hoặc hiệu) của hai cột khác ở hầu hết các dòng
    (ít nhất 4 dòng, lệch không quá 2 dòng và không quá một phần tư); các dòng lệch
    được báo.
    Vì sao: quan hệ do chính bảng thể hiện ("tổng = trực tuyến + trực tiếp"); dòng
    phá quan hệ là dòng gõ nhầm. Chỉ là cảnh báo, vì quan hệ được suy ra chứ không ghi.
    Ví dụ sai: dòng "Xã A: 50 | 30 | 21" trong bảng mà mọi dòng khác cột 1 = cột 2 + cột 3.
    Ví dụ đúng: dòng "Xã A: 50 | 30 | 20". Khi cột tổng là mẫu số của một cột
    x/y và một cột thành phần là tử số của chính nó ("Đã triển khai 9/17 | Chưa
    triển khai 8"), bảng đã ghi tổng: dòng lệch là lỗi, báo ở cột phần còn lại.

    A column that is the sum of two others (or, the same thing, the difference: chưa
    triển khai = tổng − đã triển khai) in almost every row; the rows that break the
    pattern get a warning, since the pattern is inferred, not stated."""
    for table in report.tables:
        if table.kind != TableKind.DATA:
            continue
        seen: set[tuple[str, str, str]] = set()
        counts = _keyed_counts(table)
        found = _derived_sums(counts)
        for (wl, whole, wk), (al, a, ak), (bl, b, bk), rows, bad in found:
            if bad and (_rival_holds(found, (wk, ak, bk), rows, bad) or _third_part(counts, whole, a, b, rows, bad)):
                continue
            if (wl, *sorted((al, bl))) in seen:
                continue
            ctx.ledger.table_checked(table.index, "derived-sum", [(i, k) for i in rows for k in (wk, ak, bk)])
            if not bad:
                continue
            seen.add((wl, *sorted((al, bl))))
            remainder = _remainder(wk, wl, (al, a, ak), (bl, b, bk))
            for i in bad:
                if remainder is not None:
                    yield _remainder_finding(table, i, remainder, whole[i])
                    continue
                message = (f"Ở các dòng khác, {wl} = {al} + {bl}; ở dòng này {format_vi(a[i])} + {format_vi(b[i])} = "
                           f"{format_vi(a[i] + b[i])} nhưng {wl} ghi {format_vi(whole[i])}")
                yield finding("SUM_MISMATCH", "warning", message, table, i, table.rows[i], wl,
                              whole[i], a[i] + b[i])


def _derived_sums(cols: list) -> list[tuple]:
    """Every (whole, part, part, rows, rows that break it) where the whole is the
    parts' sum on almost every row (at least 4 rows, at most 2 and a quarter off)."""
    out = []
    for (wl, whole, wk), (al, a, ak), (bl, b, bk) in permutations(cols, 3):
        rows = [i for i in whole if i in a and i in b]
        if len(rows) < 4 or not any(b[i] for i in rows) or not any(a[i] for i in rows):
            continue
        if any(all(x[i] == y[i] for i in rows) for x, y in ((whole, a), (whole, b), (a, b))):
            continue
        bad = [i for i in rows if whole[i] != a[i] + b[i]]
        if len(bad) * 4 > len(rows) or len(bad) > 2:
            continue
        out.append(((wl, whole, wk), (al, a, ak), (bl, b, bk), rows, bad))
    return out


def _rival_holds(found: list[tuple], keys: tuple[str, str, str], rows: list[int], bad: list[int]) -> bool:
    """Whether another sum over two of the same columns holds on every row this
    one is computed on: a column of mostly zeros makes a wrong sum hold wherever
    it is zero ("Chưa đến hạn = Tổng số + Quá hạn" where nothing is overdue;
    "Tiếp nhận = Chưa đến hạn + Đã giải quyết" beside "Tiếp nhận = Đang giải
    quyết + Đã giải quyết"), and the rows it breaks are no slips when the right
    sum holds on them."""
    for (_, _, wk), (_, _, ak), (_, _, bk), rows2, bad2 in found:
        if bad2 or (wk, ak, bk) == keys or len({wk, ak, bk} & set(keys)) < 2:
            continue
        if set(rows) <= set(rows2):
            return True
    return False


def _third_part(counts: list, whole: dict, a: dict, b: dict, rows: list[int], bad: list[int]) -> bool:
    """Whether a third column of counts completes the sum on every row, the
    rows this one breaks included: "Tổng số = Trước hạn + Đúng hạn + Quá hạn"
    holds where the two-part sum breaks only because something was overdue
    there. The three-part sum is the relation (SUM_COLUMNS_MISMATCH checks it),
    and the rows the two-part one breaks are no slips."""
    for _, c, _ in counts:
        if c is whole or c is a or c is b or any(i not in c for i in rows) or not all(c[i] for i in bad):
            continue
        if all(whole[i] == a[i] + b[i] + c[i] for i in rows):
            return True
    return False


def _remainder(wk: str, wl: str, one: tuple, other: tuple) -> tuple | None:
    """Where the whole is the ``y`` of an ``x/y`` column and one part its own
    ``x``, the other part is what the fraction leaves (``Đã triển khai 36/37 |
    Chưa triển khai 1``): the table states that whole, so a row that breaks it
    is an error. (fraction's label, its x by row, the rest's label, its values, its key)."""
    if not wl.endswith(" (mẫu số)"):
        return None
    for (xl, x, xk), (rl, r, rk) in ((one, other), (other, one)):
        if xk == wk and xl.endswith(" (tử số)"):
            return wl.removesuffix(" (mẫu số)"), x, rl, r, rk
    return None


def _remainder_finding(table: ScoreTable, i: int, remainder: tuple, den: Decimal) -> Finding:
    label, x, rest_label, rest, rest_key = remainder
    left = den - x[i]
    message = (f"Cột “{rest_label}” ghi {format_vi(rest[i])} nhưng cột “{label}” ghi {format_vi(x[i])}/"
               f"{format_vi(den)}: {format_vi(den)} − {format_vi(x[i])} = {format_vi(left)} (ở các dòng khác, "
               f"“{rest_label}” là phần còn lại của mẫu số)")
    return finding("SUM_MISMATCH", "error", message, table, i, table.rows[i], rest_key, rest[i], left)


@rule("SUM_MISMATCH", "Dòng tổng cộng khác tổng các dòng trong bảng")
def total_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Tổng cộng" của bảng số liệu bằng tổng các dòng ở từng cột số
    nguyên.
    Vì sao: dòng tổng hay không được cộng lại khi một dòng được sửa.
    Ví dụ sai: ba dòng 10, 20, 30 và dòng "Tổng cộng" ghi 61.
    Ví dụ đúng: dòng "Tổng cộng" ghi 60."""
    for table in report.tables:
        if table.kind != TableKind.DATA or getattr(table, "grid", None) is not None:
            continue  # a table read from a grid: SUM_ROW_MISMATCH (relations_rows) checks its total row
        totals = [i for i, r in enumerate(table.rows) if _is_total_row(r)]
        if len(totals) != 1:
            continue
        t = totals[0]
        for label, vals, key in _keyed_counts(table):
            if t not in vals:
                continue
            parts = [v for i, v in vals.items() if i != t and not _is_total_row(table.rows[i])]
            if len(parts) < 2:
                continue
            computed = sum(parts, Decimal(0))
            ctx.ledger.table_checked(table.index, "total-row", [(i, key) for i in vals
                                                                 if i == t or not _is_total_row(table.rows[i])])
            if computed != vals[t]:
                message = (f"Dòng tổng cộng ghi {label} {format_vi(vals[t])} nhưng cộng {len(parts)} dòng được "
                           f"{format_vi(computed)}")
                yield finding("SUM_MISMATCH", "error", message, table, t, table.rows[t], label, vals[t], computed)


def _is_total_row(row: ScoreRow) -> bool:
    label = " ".join((row.unit or "").split()).casefold()
    return label in ("tổng", "tổng cộng", "cộng", "tổng số", "toàn tỉnh", "tổng cộng toàn tỉnh")


# ---------------------------------------------------------------- ranked data tables

@rule("RANK_ORDER", "Bảng số liệu sắp xếp giảm dần bị lệch thứ tự ở một vài dòng")
def data_rank_order(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng số liệu sắp xếp giảm dần theo một cột, trừ một vài dòng lệch
    thứ tự; các dòng lệch được báo (cảnh báo).
    Vì sao: bảng xếp hạng mà lệch thứ tự thường là một số bị sửa sau khi đã sắp xếp.
    Bảng đúng thứ tự giảm dần theo một cột nào đó thì không báo gì.
    Ví dụ sai: cột tỷ lệ 98, 97, 95, 96, 90, 88, 85, 80 (95 đứng trước 96).
    Ví dụ đúng: 98, 97, 96, 95, 90, 88, 85, 80.

    A data table sorted by none of its columns but almost sorted, descending, by one:
    the rows out of order get a warning. A table in exact descending order of any column
    gives nothing (other columns may follow it loosely, as parts follow a total); that
    column's order is recorded as a bound, what a slip out of it would break."""
    from .relations_support import frames

    by_table = {f.table.index: f for f in frames(report)}
    for table in report.tables:
        if table.kind != TableKind.DATA:
            continue
        frame = by_table.get(table.index)
        if frame is not None and any(c.kind == ColKind.RANK for c in frame.cols):
            continue  # RANK_MISMATCH checks the ranks against the column they follow
        not_units = {r.report_row for r in frame.rows if r.kind != RowKind.UNIT} if frame is not None else set()
        orders = []
        looked = 0  # the columns looked at for an order: one of many comes near by chance more often
        for s in series(table):
            rows = sorted(i for i in s.values if not _is_total_row(table.rows[i]) and i not in not_units)
            values = [s.values[i] for i in rows]
            looked += len(values) >= 2
            if len(values) < 2 or values[0] <= values[-1]:
                continue
            rises = [(i, j) for i, j in zip(rows, rows[1:]) if s.values[j] > s.values[i]]
            orders.append((s, values, rises))
        exact = [(s, values) for s, values, rises in orders if not rises]
        for s, values in exact:
            if looks_ranked(values):  # sorted by this column: a slip that breaks the order is warned
                ctx.ledger.table_checked(table.index, "rank-order",
                                         [(i, s.key.removeprefix("extra:")) for i in s.values], bound=True)
        if exact:
            continue
        for s, values, rises in orders:
            if not looks_ranked(values, looked):
                continue
            # An order bounds each value between its neighbours: a bound, no cell checked.
            ctx.ledger.table_checked(table.index, "rank-order", [(i, s.key.removeprefix("extra:")) for i in s.values],
                                     bound=True)
            for i, j in rises:
                prev, row = table.rows[i], table.rows[j]
                message = (f"Bảng xếp theo {s.label} giảm dần nhưng {row.unit} ({format_vi(s.values[j])}) "
                           f"đứng sau {prev.unit} ({format_vi(s.values[i])})")
                yield finding("RANK_ORDER", "warning", message, table, j, row, s.label, s.values[j], None)
            break
