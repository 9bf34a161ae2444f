"""Summary tables: a unit's group scores beside its total (one row per
unit, group scores in ``scores``), or one row per group line with the whole
on the row that says "tổng" (``x/y`` cells), or a partition of a whole into
numbered items. The parts must add up to the whole (TOTAL_MISMATCH). The
layouts the rules read are described in :mod:`.tables_generic`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreTable, TableKind
from ..numbers import format_vi, parse_cell
from ..schemes import Scheme
from .registry import CheckContext, rule
from .table_support import finding, places_of, rounding_tolerance
from .tables_generic import WHOLE_LABEL, series


def _tolerance(scheme: Scheme | None, parts: list[Decimal], whole: Decimal) -> Decimal:
    if scheme is None:
        return rounding_tolerance(parts, whole=whole)
    return rounding_tolerance(parts, scheme.tolerance, scheme.part_tolerance, whole)


# ---------------------------------------------------------------- summary sums

@dataclass
class _Sum:
    row: int  # where the whole is written
    whole: Decimal
    whole_max: Decimal | None
    parts: list[Decimal]
    maxima: list[Decimal | None]
    label: str
    column: str = "total"
    cells: list[tuple[int, str]] = field(default_factory=list)  # the parts' cells (ledger keys)


def _unit_row_sums(table: ScoreTable) -> Iterator[_Sum]:
    """Layout with one row per unit: group scores in ``scores``, and the
    ``x/y`` cells of groups the scheme does not name ("Điểm dịch vụ trực
    tuyến: 17 / 22" beside the named groups: a part all the same)."""
    col_max = {c.key: c.max for c in table.columns}
    for i, row in enumerate(table.rows):
        present = [k for k, v in row.scores.items() if v is not None]
        if row.total is None or len(present) < 2:
            continue
        values, maxima = [row.scores[k] for k in present], []
        for k in present:
            cell = parse_cell(row.raw[k], "score") if k in row.raw else None
            maxima.append(cell.denominator if cell is not None and cell.denominator is not None else col_max.get(k))
        for k, value in row.extra.items():
            cell = parse_cell(row.raw[k], "score") if k in row.raw and k not in row.scores and k != "total" else None
            if cell is not None and cell.denominator is not None and cell.value == value:
                present.append(k)
                values.append(value)
                maxima.append(cell.denominator)
        yield _Sum(i, row.total, row.max, values, maxima, row.unit, cells=[(i, k) for k in present])


def _item_row_sums(table: ScoreTable) -> Iterator[_Sum]:
    """Layout with one row per group line: the whole is the row saying 'tổng'."""
    for s in series(table):
        if s.rate or not s.is_fraction:
            continue
        wholes = [i for i in s.values if WHOLE_LABEL.search(table.rows[i].unit or "")]
        if len(wholes) != 1:
            continue
        w = wholes[0]
        items = [i for i in s.values if i != w and i in s.den]
        nos = {table.rows[i].no for i in items if table.rows[i].no}
        # A sub-item (5.1) counts only when its parent line (5) has no value.
        parts = [i for i in items if not _has_parent(table.rows[i].no, nos)]
        if len(parts) < 2:
            continue
        yield _Sum(w, s.values[w], s.den.get(w), [s.values[i] for i in parts],
                   [s.den[i] for i in parts], s.label, cells=[(i, s.key.removeprefix("extra:")) for i in [w, *parts]])


def _partition_sums(table: ScoreTable) -> Iterator[_Sum]:
    """In a data table, a fraction column where one row's ``y`` is the sum of
    the other rows' ``y`` (18 + 22 + 18 + 22 + 20 = 100): that row is their
    whole, so its ``x`` should be the sum of theirs too."""
    for s in series(table):
        rows = [i for i in s.values if i in s.den]
        if s.rate or len(rows) < 3:
            continue
        all_den = sum((s.den[i] for i in rows), Decimal(0))
        wholes = [w for w in rows if s.den[w] * 2 == all_den]
        if len(wholes) != 1:
            continue
        parts = [i for i in rows if i != wholes[0]]
        yield _Sum(wholes[0], s.values[wholes[0]], s.den[wholes[0]], [s.values[i] for i in parts],
                   [s.den[i] for i in parts], s.label, column=s.key,
                   cells=[(i, s.key.removeprefix("extra:")) for i in parts])


def _has_parent(no: str | None, nos: set[str]) -> bool:
    if not no or "." not in no.strip(". "):
        return False
    parent = no.strip(". ").rsplit(".", 1)[0]
    return parent in nos or _has_parent(parent, nos)


@rule("TOTAL_MISMATCH", "Tổng điểm các nhóm chỉ số (hoặc các dòng thành phần) khác điểm tổng hợp")
def summary_parts_sum(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng tổng hợp, điểm các nhóm chỉ số (hoặc các dòng thành phần)
    cộng lại bằng điểm tổng hợp, khi điểm tối đa của các phần cộng lại đúng bằng điểm
    tối đa của tổng (nên chắc các phần là đủ).
    Một nhóm có ô x/y mà bộ chỉ số không gọi tên ("Điểm dịch vụ trực tuyến: 17 / 22") vẫn
    là một phần của tổng khi điểm tối đa các phần cộng lại bằng điểm tối đa của tổng.
    Vì sao: điểm tổng hợp được chép tay từ các nhóm; lệch quá ngưỡng làm tròn là lỗi
    (bảng số liệu khác: cảnh báo, vì tổng được suy ra từ điểm tối đa).
    Ví dụ sai: "Tổng 80,5/100" với các nhóm 18/20, 30/40, 31/40 (cộng được 79).
    Ví dụ đúng: "Tổng 79/100" với các nhóm 18/20, 30/40, 31/40.

    A summary's whole is stated (the scheme's groups): beyond rounding, an error. A data
    table's whole is inferred from its maxima: a warning."""
    for table in report.tables:
        if table.kind == TableKind.SUMMARY:
            sums, beyond = (*_unit_row_sums(table), *_item_row_sums(table)), "error"
        elif table.kind == TableKind.DATA:
            sums, beyond = tuple(_partition_sums(table)), "warning"
        else:
            continue
        scheme = ctx.scheme_of(table)
        for s in sums:
            out_of_max = s.whole_max if s.whole_max is not None else (scheme.total_max if scheme else None)
            if out_of_max is None or any(m is None for m in s.maxima) \
                    or sum(s.maxima, Decimal(0)) != out_of_max:
                continue  # cannot tell that the lines shown are all of the whole's parts
            ctx.ledger.table_checked(table.index, "parts-sum",
                                     [(s.row, s.column.removeprefix("extra:")), *s.cells])
            computed = sum(s.parts, Decimal(0))
            diff = abs(computed - s.whole)
            if diff == 0:
                continue
            tol = _tolerance(scheme, s.parts, s.whole)
            row = table.rows[s.row]
            shown = max(places_of(p) for p in s.parts)
            written = format_vi(s.whole) + ("" if s.whole_max is None else "/" + format_vi(s.whole_max))
            what = f"{len(s.parts)} " + ("nhóm chỉ số" if table.kind == TableKind.SUMMARY else "dòng thành phần")
            summed = format_vi(computed, shown, fixed=True)
            if diff <= tol:
                message = (f"Điểm tổng hợp ghi {written}, cộng {what} được {summed}: "
                           f"chênh lệch {format_vi(diff)} do làm tròn từng phần (trong ngưỡng {format_vi(tol)})")
                severity = "info"
            else:
                message = (f"Điểm tổng hợp ghi {written} nhưng cộng {what} được {summed} "
                           f"(chênh lệch {format_vi(diff)}, vượt ngưỡng làm tròn {format_vi(tol)})")
                severity = beyond
            yield finding("TOTAL_MISMATCH", severity, message, table, s.row, row, s.column, s.whole, computed)
