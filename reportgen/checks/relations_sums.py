"""A column that is the sum of a run of other columns on the same row
("Tổng điểm" over its indicators, "Số hồ sơ đã giải quyết" over "Đúng hạn |
Quá hạn"): stated by the header's words or maxima, or found from exact sums.
See docs/relations.md (SUM_COLUMNS_MISMATCH) for the adoption rule.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, TableKind
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_mixed_rows import averaged_total_row, exact_or_slipped
from .relations_nesting import items_by_parent
from .relations_support import (
    MIN_ROWS,
    address,
    adopted,
    col_name,
    finding,
    frames,
    places,
    record,
    short,
    sum_tolerance,
    vi,
    where,
)


@rule("SUM_COLUMNS_MISMATCH", "Cột tổng khác tổng các cột thành phần trên cùng dòng")
def sum_columns_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tìm một cột bằng tổng của một dãy cột liền nhau khác
    trên phần lớn các dòng (ít nhất 3 dòng và 80%), rồi báo dòng nào lệch.
    Cột mà tiêu đề ghi là tổng ("Tổng điểm", "Điểm đạt") trên các cột đều ghi
    điểm tối đa là quan hệ văn bản nêu: chỉ cần đúng ở hơn nửa số dòng. Ô "-"
    (không áp dụng) tính là 0; cột "Điểm trừ" bị trừ khỏi tổng, ô trống ở cột
    "Điểm thưởng" / "Điểm trừ" là không có; dòng có ô thành phần để trống được
    kiểm tra khi các ô đã ghi cộng lại bằng tổng, nếu không thì để ngỏ (ô trống có
    thể là số còn thiếu), không báo lỗi. Cột tổng bằng đúng tổng các cột
    như đã ghi ở mọi dòng khác (ít nhất 4 dòng) thì một dòng lệch từ hai đơn
    vị của chữ số cuối trở lên là lỗi, dù còn trong sai số làm tròn.

    Vì sao: cột "Tổng điểm" của bảng nào cũng phải bằng tổng các cột thành
    phần của nó, dù bảng không theo bộ chỉ số có sẵn.

    Ví dụ sai: 5,5 | 6 | 4 | Tổng 16,5 (5,5 + 6 + 4 = 15,5).

    Ví dụ đúng: 5,5 | 6 | 4 | Tổng 15,5.
    """
    for frame in frames(report):
        values = [c for c in frame.nums("value")]
        if len(values) < 3:
            continue
        entry = ctx.ledger.tables.get(frame.table.index)
        # TOTAL_MISMATCH checks a scheme's total where it could bind every indicator of the scheme
        # (it ran before); where it could not (5 of 6 groups recognised), the total is a sum like any other.
        scored = frame.table.kind == TableKind.SCORES and frame.table.scheme and entry is not None \
            and "total-sum" in entry.relations
        sums: list[tuple] = []
        for total in values:
            if scored and (total.key == "total" or total.key == "percent" and _twin(frame, total, values)):
                continue  # a percent of 100 points is the total again: the ratio holds it to the total
            sums += _sums_for(frame, values, total)
        broken: dict[tuple, list] = {}  # (row, total, expected) -> the sums that say so
        derived = _derived_rows(frame) if sums else {}
        for total, parts, checks in sums:
            checks = exact_or_slipped(checks)
            record(ctx, frame, "total-equals-sum-of-columns", [(r, c) for r, *_ in checks for c in parts + [total]])
            record(ctx, frame, "total-equals-sum-of-columns",
                   [(r, c) for r in _gapped_rows(frame, total, parts) for c in parts + [total]
                    if r.value(c.index) is not None])
            slipped = {row.i for row, *_, ok in checks if not ok}
            for row, written, got, ok in checks:
                if not ok and not _implied(row, slipped, derived):
                    broken.setdefault((row.i, total.index, got), []).append((row, written, parts))
        for (_, t_index, got), said in broken.items():
            total = frame.col(t_index)
            row, written, _ = said[0]
            sums_text = " và ".join(f"{_names(parts)} = {_terms(row, parts)} = {vi(got)}" for _, _, parts in said)
            found = finding("SUM_COLUMNS_MISMATCH", "error",
                            f"{where(row)}: cột {col_name(total)} ghi {vi(written)} nhưng {sums_text}",
                            frame, row, total, written, got)
            found.alternatives = _part_alternatives(frame, row, said[0][2], written - got)
            yield found


def _twin(frame: Frame, col: Col, values: list[Col]) -> bool:
    """Whether ``col`` writes on every unit what the scheme's total column writes."""
    total = next((c for c in values if c.key == "total"), None)
    pairs = [(r.value(col.index), r.value(total.index)) for r in frame.units] if total is not None else []
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    return len(pairs) >= 3 and all(a == b for a, b in pairs)


MAX_PARTS = 4  # a sum of more parts names no cell it may be: any of them may


def _part_alternatives(frame: Frame, row: Row, parts: list[Col], gap: Decimal) -> tuple:
    """The parts of a broken row sum that may be its slip, each moved by the
    gap the sum shows (a deduction the other way), within zero and the part's
    maximum (its header's, or its own x/y): "Tổng số 1.487 | Đúng hạn 1.085 |
    Quá hạn 382" may be the total written for 1.467 or a part off by 20. At
    most MAX_PARTS parts: beyond them the sum names no cell."""
    if len(parts) > MAX_PARTS:
        return ()
    out = []
    for col in parts:
        value, cell = row.value(col.index), row.cells.get(col.index)
        r, key = address(frame, row, col)
        if value is None or cell is None or r is None or not key:
            continue
        moved = value + gap * _sign(col)
        if moved == (short_form := moved.quantize(Decimal(1).scaleb(-places(value)))):
            moved = short_form  # 6 + 1,0 is written 7 as its column writes it
        bound = cell.denominator if cell.denominator is not None else col.max
        if moved >= 0 and (bound is None or moved <= bound):
            out.append((frame.table.index, r, key, moved))
    return tuple(out)


def _names(parts: list[Col]) -> str:
    return "".join((" − " if _sign(c) < 0 else " + ") * bool(k) + short(c.label, 25) for k, c in enumerate(parts))


def _terms(row: Row, parts: list[Col]) -> str:
    return "".join((" − " if _sign(c) < 0 else " + ") * bool(k) + vi(_part(row, c) or Decimal(0))
                   for k, c in enumerate(parts))


# A part the header names as a deduction ("Điểm trừ") subtracts from the total;
# an adjustment ("Điểm thưởng", "Điểm trừ") left empty on a row is none.
_DEDUCTION = re.compile(r"\btrừ\b")
_ADJUSTMENT = re.compile(r"\b(thưởng|trừ)\b")


def _sign(col: Col) -> int:
    return -1 if _DEDUCTION.search(col.head) else 1


def _part(row: Row, col: Col) -> Decimal | None:
    """A part's figure as the sum reads it: "-" (does not apply) adds nothing; so does an
    empty adjustment; an empty cell elsewhere stops the row's check (None)."""
    v = row.value(col.index)
    if v is None and (col.index in row.na or (_ADJUSTMENT.search(col.head) and col.index not in row.cells)):
        return Decimal(0)
    return v


def _sums_for(frame: Frame, values: list[Col], total: Col) -> list[tuple[Col, list[Col], list]]:
    """The sums ``total`` obeys: ``[(total, parts, checks)]``, parts disjoint.

    Parts sit next to their total: a run ending just before it or starting
    just after it, adopted by the header's word or maxima, else by exact
    sums. A total may also balance a second, disjoint run further away —
    "Tổng số hồ sơ = kỳ trước + mới tiếp nhận = đã giải quyết (trước hạn,
    đúng hạn, quá hạn) + đang giải quyết (trong hạn, quá hạn)" — found from
    exact sums only; a slip among those far parts is then named on its row
    even when the near run holds there."""
    at = values.index(total)
    near = [values[i:at] for i in range(0, at - 1)] + [values[at + 1:j] for j in range(at + 3, len(values) + 1)]
    found = []
    for parts in near:
        plausible = _plausible_total(total, parts)
        holds, checks = _sum_fit(frame, total, parts)
        short = plausible and _short_stated_sum(parts, holds, checks)
        if plausible:
            fits = adopted(holds, len(checks)) or _stated_sum(total, parts, holds, len(checks)) \
                or _adopted_on_items(frame, checks)
        else:
            fits = _discovered_sum(checks, parts) or _discovered_sum(_item_checks(frame, checks), parts)
        if short or fits and len({t for _, t, _, ok in checks if ok}) >= 2:
            found.append((holds, 1, parts, checks))
    for parts in _far_runs(frame, values, at):
        holds, checks = _sum_fit(frame, total, parts)
        if _discovered_sum(checks, parts):
            found.append((holds, 0, parts, checks))
    chosen: list[tuple[Col, list[Col], list]] = []
    # Equal fits: the longer run (a last part of 0 on every row is a part all the same).
    for _, _, parts, checks in sorted(found, key=lambda f: (-f[0], -f[1], -len(f[2]))):
        if all(not {c.index for c in parts} & {c.index for c in p} for _, p, _ in chosen):
            chosen.append((total, parts, checks))
    return chosen


_FAR_PROBE = 3  # rows tried before a far run is fitted on the whole table


def _far_runs(frame: Frame, values: list[Col], at: int) -> Iterator[list[Col]]:
    """Runs of at least two columns that neither touch nor contain the
    total, kept only when their sum is exact on the first rows where total
    and parts are all written, give or take one slip (a cheap probe: most
    runs fail at once)."""
    rows = [r for r in frame.units if r.value(values[at].index) is not None][:_FAR_PROBE * 2]
    for i in range(len(values)):
        for j in range(i + 2, len(values) + 1):
            if i <= at + 1 and j >= at:  # touches or contains the total: a near run
                continue
            parts = values[i:j]
            exact = missed = 0
            for row in rows:
                vals = [row.value(c.index) for c in parts]
                if any(v is None for v in vals):
                    continue
                if sum(vals, Decimal(0)) == row.value(values[at].index):
                    exact += 1
                else:
                    missed += 1
                if exact == _FAR_PROBE or missed == 2:
                    break
            if exact == _FAR_PROBE:
                yield parts


_TOTAL_HEAD = re.compile(r"tổng|cộng|chung|tổng\s*hợp|điểm\s*đạt|tổng\s*điểm|toàn\s*bộ")


def _plausible_total(total: Col, parts: list[Col]) -> bool:
    """A total says so in its header, or its maximum is the sum of the parts' maxima."""
    if _TOTAL_HEAD.search(total.head) and not any(_TOTAL_HEAD.search(p.head) for p in parts):
        return True
    maxima = [p.max for p in parts]
    return total.max is not None and all(m is not None for m in maxima) and sum(maxima) == total.max


def _discovered_sum(checks: list, parts: list[Col]) -> bool:
    """A total no header names ("Số hồ sơ đã giải quyết | Đúng hạn | Quá hạn"),
    found from the numbers alone: the sum is exact (no rounding allowed) on at
    least MIN_ROWS rows with at least 3 different totals, one of them 10 or
    more, and on SHARE of the rows — equal sums of written figures row after
    row do not happen by chance. A row where a part is 0 only shows the total
    equal to the other parts, which a wrong sum shows as well ("Chưa đến hạn =
    Quá hạn + Tổng số" holds wherever nothing is overdue, and nowhere else):
    each part must be above 0 on some row where the sum is exact."""
    exact = [(row, t) for row, t, got, ok in checks if ok and got == t]
    totals = [t for _, t in exact]
    return (adopted(len(exact), len(checks)) and len(exact) >= MIN_ROWS and len(set(totals)) >= 3
            and max(totals) >= 10 and all(any(_part(row, c) for row, _ in exact) for c in parts))


def _derived_rows(frame: Frame) -> dict[int, set[int]]:
    """Rows whose figures are sums of other rows — a parent of its items, a
    "Tổng cộng" row of every unit — each with the rows below it."""
    out: dict[int, set[int]] = {}
    for parent, kids in items_by_parent(frame.rows):
        out[parent.i] = {k.i for k in kids}
    for parent in sorted(out, reverse=True):  # items of items are below the parent too
        for kid in list(out[parent]):
            out[parent] |= out.get(kid, set())
    every = {r.i for r in frame.rows}
    for row in frame.rows:
        if row.kind == RowKind.STAT and row.stat == "sum":
            out[row.i] = every - {row.i}
    return out


def _item_checks(frame: Frame, checks: list) -> list:
    """The checks on rows that are no sum of other rows, when there are
    such sum rows among them (else none: the whole table was tried)."""
    derived = _derived_rows(frame)
    items = [c for c in checks if c[0].i not in derived]
    return items if len(items) < len(checks) else []


def _adopted_on_items(frame: Frame, checks: list) -> bool:
    """A sum that holds on a clear majority of the rows that are no sum of
    other rows: one slip in an item breaks its parent's and the total row's
    sums as well, so those rows are no evidence against the relation (a
    short table of two groups: 6 of 9 rows hold, 5 of the 6 items)."""
    derived = _derived_rows(frame)
    items = [c for c in checks if c[0].i not in derived]
    return 0 < len(items) < len(checks) and adopted(sum(1 for *_, ok in items if ok), len(items))


def _implied(row: Row, broken: set[int], derived: dict[int, set[int]]) -> bool:
    """A sum row (a parent, the total row) that breaks where a row below it
    breaks too: its break follows from that row's slip."""
    return bool(derived.get(row.i, set()) & broken)


def _short_stated_sum(parts: list[Col], holds: int, checks: list) -> bool:
    """A table too short for the adoption rule (one or two rows: a table by
    level with one level and its "Tổng cộng") whose total column the header
    names ("Tổng số đơn vị | Xuất sắc | Tốt | Khá | Trung bình | Yếu"): the
    header states the sum, and a run of two or more columns next to it that
    gives it exactly on every row is its parts. Where no run does, nothing is
    adopted and the column stays unchecked (COLUMN_UNCHECKED)."""
    return (0 < len(checks) < MIN_ROWS and holds == len(checks) and len(parts) >= 2
            and all(got == t for _, t, got, _ in checks))


def _stated_sum(total: Col, parts: list[Col], holds: int, applicable: int) -> bool:
    """A total the header names ("Tổng điểm", "Điểm đạt") over a run of columns that
    each state their maximum ("(6 điểm)", "(15đ)") is a stated relation: it is
    checked when it holds on most rows (more than half, at least MIN_ROWS), so that
    two slips in seven rows are reported rather than the sum dropped."""
    return (bool(_TOTAL_HEAD.search(total.head)) and len(parts) >= 2 and all(p.max is not None for p in parts)
            and holds >= MIN_ROWS and holds * 2 > applicable)


def _gapped_rows(frame: Frame, total: Col, parts: list[Col]) -> list[Row]:
    """Rows of an adopted sum where a part is left empty and the written parts
    make the total (within rounding): the empty cell adds nothing, so the row obeys the sum
    and its cells are checked. Where they do not make it, the empty cell may be
    the missing figure: the row stays unchecked, never an error. Such rows never
    count towards adopting the sum (``_sum_fit`` skips them)."""
    out = []
    for row in frame.units:
        t, vals = row.value(total.index), [_part(row, c) for c in parts]
        written = [(c, v) for c, v in zip(parts, vals) if v is not None]
        if t is None or len(written) == len(vals) or not any(v for _, v in written):
            continue
        got = sum((v * _sign(c) for c, v in written), Decimal(0))
        if abs(got - t) <= sum_tolerance([v for _, v in written], t):
            out.append(row)
    return out


def _sum_fit(frame: Frame, total: Col, parts: list[Col]) -> tuple[int, list]:
    checks = []
    holds = 0
    # A "Tổng cộng" row obeys a sum across columns as the units do.
    # One that averages the units' points instead adds nothing across (relations_mixed_rows).
    for row in frame.units + [r for r in frame.rows if r.kind == RowKind.STAT and r.stat == "sum"
                              and not averaged_total_row(frame, r)]:
        if row.rate and not frame.transposed:
            continue  # "Tỷ lệ hồ sơ trực tuyến (%)" of each month: the months' rates add up to no "Lũy kế"
        t = row.value(total.index)
        vals = [_part(row, c) for c in parts]
        if t is None or any(v is None for v in vals) or not any(vals):
            continue
        got = sum((v * _sign(c) for c, v in zip(parts, vals)), Decimal(0))
        ok = abs(got - t) <= sum_tolerance(vals, t)
        holds += ok
        checks.append((row, t, got, ok))
    return holds, checks

