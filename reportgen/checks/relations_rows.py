"""Relations a table obeys at its summary rows: a "Tổng cộng" row equals the
sum of the units above it, statistics rows (cao nhất, thấp nhất, trung bình)
are those of the units. Inferred from the table itself; see
:mod:`.relations_support` for the adoption rule and :mod:`.relations_nesting`
for which rows are units of which.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..text.labels import is_area_whole, is_subtotal
from .registry import CheckContext, rule
from .relations_changes import CHANGE_HEAD, difference_pair
from .relations_frame import Col, ColKind, Frame, Row, RowKind
from .relations_means import overall_is_parent_mean
from .relations_mixed_rows import is_mean, mean_columns, nearer_mean
from .relations_nesting import leaf_units, top_units
from .relations_support import (
    address,
    col_name,
    doubt,
    finding,
    frames,
    places,
    record,
    short,
    sum_tolerance,
    vi,
    where,
)

STAT_NAMES = {"max": "giá trị cao nhất", "min": "giá trị thấp nhất", "mean": "trung bình", "sum": "tổng"}


def blocks_of(frame: Frame) -> list[tuple[list[Row], list[Row]]]:
    """(rows, statistics rows after them): each block of statistics rows
    summarises the rows (units and headings) since the previous block."""
    out, rows, stats = [], [], []
    for row in frame.rows:
        if row.kind == RowKind.STAT:
            stats.append(row)
        else:
            if stats:
                out.append((rows, stats))
                rows, stats = [], []
            rows.append(row)
    if stats:
        out.append((rows, stats))
    return out


def number_of(row: Row, frame: Frame) -> int | None:
    """The row's order number (STT or rank), when it has one."""
    text = (row.no or "").strip().rstrip(".")
    if text.isdecimal():
        return int(text)
    for col in frame.cols:
        cell = row.cells.get(col.index) if col.kind == ColKind.RANK else None
        if cell is not None and cell.denominator is None and cell.value == cell.value.to_integral_value():
            return int(cell.value)
    return None


def continues(before: Frame, after: Frame) -> bool:
    """``after`` goes on with the units of ``before`` (a table split over pages):
    the same number of numeric columns and the order numbers run on."""
    if len(before.nums()) != len(after.nums()) or not before.units or not after.units:
        return False
    last, first = number_of(before.units[-1], before), number_of(after.units[0], after)
    return last is not None and first == last + 1


# ------------------------------------------------------------------------------ total rows

@rule("SUM_ROW_MISMATCH", "Dòng tổng cộng khác tổng các dòng của cột")
def sum_row_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Tổng cộng", "Cộng", "Toàn tỉnh" bằng tổng các dòng
    đơn vị phía trên ở mỗi cột số (không tính cột tỷ lệ); dòng "Chỉ số
    chung" bằng tổng các dòng (bảng điểm theo nhóm) hoặc trung bình của
    chúng — không khớp cách nào thì cảnh báo; dòng ấy là tổng ở ít nhất hai
    cột thì ở cột còn lại, số ghi gần tổng hơn gần trung bình, là tổng sai
    (lỗi). Dòng cộng của một nhóm ("Cộng
    I", "Cộng khối sở") là tổng các đơn vị của nhóm ấy; dòng "Tổng cộng" sau
    các nhóm, hoặc ghi ngay dưới tiêu đề bảng, là tổng mọi đơn vị. Dòng
    "Tổng cộng" cộng số hồ sơ mà ghi trung bình các đơn vị ở các cột điểm
    (từ hai cột trở lên) thì ở các cột ấy là trung bình.

    Vì sao: dòng tổng là số người đọc trích lại; cộng sai là sai cả báo cáo.

    Ví dụ sai: 12 | 15 | 9 | Tổng cộng 35.

    Ví dụ đúng: 12 | 15 | 9 | Tổng cộng 36.
    """
    for frame in frames(report):
        before: list[Row] = []  # the rows of the blocks before this one
        for rows, stats in blocks_of(frame):
            sums = [r for r in stats if r.stat == "sum"]
            for stat in stats:
                if stat.stat not in ("sum", "overall") or stat.part is not None:
                    continue  # the rows of a total block sum the rows of the same sub-label (relations_blocks)
                cols = [c for c in frame.nums() if c.role != "percent" and c.index in stat.cells
                        and not _change_of_rates(frame, c)]
                # a total written above the units (first row under the header) sums all of them
                pool = rows or [r for r in frame.rows if r.kind != RowKind.STAT]
                roots = top_units(pool)
                if before:
                    # After groups that had their subtotals ("Cộng I", "Cộng khối …"), the last sum
                    # row not named for a group is the grand total of every unit of the table; the
                    # figures decide when the words do not.
                    every = top_units(before + rows)
                    whole = stat is (sums[-1] if sums else None) and not is_subtotal(stat.label)
                    first, other = (every, roots) if whole else (roots, every)
                    roots = other if not _adds_up(first, stat, cols) and _adds_up(other, stat, cols) else first
                    pool = before + rows if roots is every else pool
                members = _mean_members(stat, roots, leaf_units(pool), cols)
                # An overall row that is the sum of its rows in two or more columns is a total row: a
                # column where it is nearer the sum than the mean is a broken sum, not an unknown rule.
                summed = sum(1 for c in cols if _adds_up(roots, stat, [c])) if stat.stat == "overall" else 0
                if members is None and stat.stat == "sum" and _rows_missing(roots, stat, cols):
                    yield _missing_rows(ctx, frame, roots, stat, cols)
                    continue
                # a "Tổng cộng" that adds the dossiers and averages the points (relations_mixed_rows)
                means = mean_columns(frame, stat, roots, cols) if members is None else set()
                for col in cols:
                    if members is not None and nearer_mean(members, stat, col):
                        yield from _check_mean_row(ctx, frame, members, stat, col)
                    elif members is not None:  # "Toàn tỉnh" of the mean points adds the dossiers
                        yield from _check_sum_row(ctx, frame, roots, stat, col)
                    elif col.index in means or (len(means) >= 2 and nearer_mean(roots, stat, col)):
                        yield from _check_mean_row(ctx, frame, roots, stat, col)
                    else:
                        yield from _check_sum_row(ctx, frame, roots, stat, col, summed >= 2)
            before += rows


def _change_of_rates(frame: Frame, col: Col) -> bool:
    """A change column that is the difference of two rates ("Tăng (+), giảm
    (-) (điểm %)" = Tỷ lệ kỳ này − Tỷ lệ kỳ trước): its total row is the
    change of the total's rates, never the sum of the units' changes
    (:mod:`.relations_changes` checks it there as a difference)."""
    if not CHANGE_HEAD.search(col.head):
        return False
    pair = difference_pair(frame, col)
    return pair is not None and pair[0].role == pair[1].role == "percent"


def _rows_missing(roots: list[Row], stat: Row, cols: list[Col]) -> bool:
    """The total is above the sum of the rows in every column, three or more:
    not one slip (which breaks the columns it is in) but rows the table does
    not hold — the part of a table a page break cut off that the reader could
    not join (its first page's rows, "Tổng cộng 67,39" under four rows of
    1,37 … 1,44)."""
    over = 0
    for col in cols:
        vals = [r.value(col.index) for r in roots if r.value(col.index) is not None]
        if len(vals) < _least_rows(stat):
            continue
        if stat.value(col.index) - sum(vals, Decimal(0)) <= sum_tolerance(vals, stat.value(col.index)):
            return False
        over += 1
    return over >= 3


def _missing_rows(ctx, frame: Frame, roots: list[Row], stat: Row, cols: list[Col]) -> Finding:
    """One warning for the total row of a table missing rows, never an error per column."""
    col = cols[0]
    vals = [r.value(col.index) for r in roots if r.value(col.index) is not None]
    doubt(ctx, frame, f"Dòng “{short(stat.label)}” lớn hơn tổng các dòng ở mọi cột: bảng thiếu dòng")
    # A table read from pages may have lost a part at a page break; one read from a DOCX, a sheet or text
    # holds every row it has: a row removed with its total left, or a table of some units under a whole's total.
    why = ("bảng có thể là phần tiếp của một bảng ở trang trước mà không ghép được" if frame.table.page is not None
           else "có thể một dòng đã bị xóa mà dòng tổng chưa sửa, hoặc bảng chỉ là một phần của tổng (phần "
                "tiếp của một bảng khác, hay một số đơn vị của tổng)")
    return finding("SUM_ROW_MISMATCH", "warning",
                   f"{where(stat)}: ở mọi cột số ghi lớn hơn tổng {len(roots)} dòng của bảng (cột {col_name(col)} "
                   f"ghi {vi(stat.value(col.index))}, tổng {vi(sum(vals, Decimal(0)))}): {why}, cần đối chiếu "
                   "thủ công", frame, stat, col, stat.value(col.index), sum(vals, Decimal(0)))


def _mean_members(stat: Row, roots: list[Row], leaves: list[Row], cols: list[Col]) -> list[Row] | None:
    """The rows whose mean a row named for the whole area ("Toàn tỉnh") is,
    when its figures are means rather than sums: on more of its columns
    than the sum. The label does not say which; the figures do."""
    if stat.stat != "sum" or not is_area_whole(stat.label):
        return None
    best, best_fits = None, _fits(roots, stat, cols, mean=False)
    for rows in (leaves, roots):
        fits = _fits(rows, stat, cols, mean=True)
        if fits > best_fits:
            best, best_fits = rows, fits
    return best


def _fits(rows: list[Row], stat: Row, cols: list[Col], *, mean: bool) -> int:
    """On how many columns ``stat`` is the sum (or the mean) of ``rows``."""
    out = 0
    for col in cols:
        vals = [r.value(col.index) for r in rows if r.value(col.index) is not None]
        if len(vals) >= 2:
            out += is_mean(vals, stat.value(col.index)) if mean else (
                abs(sum(vals, Decimal(0)) - stat.value(col.index)) <= sum_tolerance(vals, stat.value(col.index)))
    return out


def _check_mean_row(ctx, frame: Frame, members: list[Row], stat: Row, col: Col) -> Iterator[Finding]:
    """A row named for the whole area whose figures are the units' means."""
    cell = stat.cells[col.index]
    vals = [r.value(col.index) for r in members if r.value(col.index) is not None]
    if len(vals) < 2:
        return
    record(ctx, frame, "overall-row-equals-mean", [(r, col) for r in members] + [(stat, col)])
    if not is_mean(vals, cell.value):
        mean = sum(vals, Decimal(0)) / len(vals)
        yield finding("SUM_ROW_MISMATCH", "error",
                      f"{where(stat)}: cột {col_name(col)} ghi {vi(cell.value)} nhưng trung bình cộng {len(vals)} "
                      f"đơn vị là {vi(mean, max(2, places(cell.value)))} (các cột khác của dòng là trung bình)",
                      frame, stat, col, cell.value, mean.quantize(Decimal(1).scaleb(-places(cell.value))))


def _adds_up(roots: list[Row], stat: Row, cols: list[Col]) -> bool:
    """The row is the sum of ``roots`` in every column where both are written."""
    tested = 0
    for col in cols:
        vals = [r.value(col.index) for r in roots if r.value(col.index) is not None]
        if len(vals) < 2:
            continue
        tested += 1
        if abs(sum(vals, Decimal(0)) - stat.value(col.index)) > sum_tolerance(vals, stat.value(col.index)):
            return False
    return tested > 0


def _least_rows(stat: Row) -> int:
    """How many rows a summary row must stand under to be checked: a row the
    label names a total ("Tổng cộng", "Cộng") over a single row is that row
    again (a table by level that has one level: "Cấp xã | 11 | 2 | …" then
    "Tổng cộng | 11 | 2 | …"); an overall row ("Chỉ số chung") needs two, its
    rule (sum or mean) being told by the figures."""
    return 1 if stat.stat == "sum" else 2


def _check_sum_row(ctx, frame: Frame, roots: list[Row], stat: Row, col: Col,
                   summed: bool = False) -> Iterator[Finding]:
    cell = stat.cells[col.index]
    # in a table of counts a row written "-" has none: 0 of the total ("Tổng cộng 1" over "I. -", "II. 1")
    counts = not frame.nums("max") and col.role not in ("percent", "max")
    vals = [Decimal(0) if v is None else v for r in roots for v in [r.value(col.index)]
            if v is not None or (counts and col.index in r.na)]
    if len(vals) < _least_rows(stat):
        return
    got = sum(vals, Decimal(0))
    cells = [(r, col) for r in roots] + [(stat, col)]
    ok = abs(got - cell.value) <= sum_tolerance(vals, cell.value)
    dens = [r.cells[col.index].denominator for r in roots if col.index in r.cells]
    if ok and cell.denominator is not None and all(d is not None for d in dens):
        den_sum = sum(dens, Decimal(0))
        if abs(den_sum - cell.denominator) > sum_tolerance(dens, cell.denominator):
            record(ctx, frame, "total-row-equals-sum", cells)
            yield finding("SUM_ROW_MISMATCH", "error",
                          f"{where(stat)}: cột {col_name(col)} ghi tối đa {vi(cell.denominator)} nhưng tổng "
                          f"điểm tối đa của {len(dens)} dòng là {vi(den_sum)}", frame, stat, col,
                          cell.denominator, den_sum)
            return
    if stat.stat == "overall" and not ok and not (summed and abs(got - cell.value) < abs(got / len(vals) - cell.value)):
        mean = got / len(vals)
        if is_mean(vals, cell.value):
            record(ctx, frame, "overall-row-equals-mean", cells)
            return
        if overall_is_parent_mean(frame):
            return  # an index of means whose overall row is reported as one (PARENT_MEAN_MISMATCH)
        doubt(ctx, frame, f"Dòng “{short(stat.label)}” cột {col_name(col)}: không phải tổng, không phải "
                          f"trung bình các dòng")
        yield finding("SUM_ROW_MISMATCH", "warning",
                      f"{where(stat)}: cột {col_name(col)} ghi {vi(cell.value)}, khác tổng ({vi(got)}) và trung "
                      f"bình ({vi(mean, 2)}) của {len(vals)} dòng: chưa xác định được cách tính", frame, stat, col,
                      cell.value, None)
        return
    record(ctx, frame, "total-row-equals-sum", cells)
    if not ok:
        terms = " + ".join(vi(v) for v in vals[:8]) + (" + …" if len(vals) > 8 else "")
        said = (f"tổng {len(vals)} dòng {terms} = {vi(got)}" if len(vals) > 1 else
                f"dòng duy nhất nó cộng (“{short(_only_row(roots, col).label)}”) ghi {vi(got)}")
        found = finding("SUM_ROW_MISMATCH", "error", f"{where(stat)}: cột {col_name(col)} ghi {vi(cell.value)} nhưng "
                        f"{said}", frame, stat, col, cell.value, got)
        found.alternatives = part_alternatives(frame, roots, col, cell.value - got)
        yield found


def _only_row(roots: list[Row], col: Col) -> Row:
    """The one root row the sum adds (a figure, or a "-" counting none)."""
    return next((r for r in roots if r.value(col.index) is not None), None) \
        or next(r for r in roots if col.index in r.na)


def part_alternatives(frame: Frame, parts: list[Row], col: Col, gap: Decimal) -> tuple:
    """The parts of a broken sum that may be its slip: moved by the gap, the
    few that stay within their maximum (the row's "Điểm tối đa", the cell's
    own ``x/y``, the column's header) and above zero. A written total that
    the grade and the rank agree with points at a part; the maxima say which
    (6,5 of a criterion of 18 points may be 17,1; 20,5 of 22 may not be
    31,1). None when the maxima single out no part (every part fits)."""
    maxima = [c for c in frame.nums("max") if c.index != col.index]
    fits, tried = [], 0
    for row in parts:
        value = row.value(col.index)
        if value is None:
            continue
        tried += 1
        cell = row.cells[col.index]
        bound = cell.denominator if cell.denominator is not None else next(
            (m for c in maxima if (m := row.value(c.index)) is not None), col.max)
        moved = value + gap
        if moved == (short_form := moved.quantize(Decimal(1).scaleb(-places(value)))):
            moved = short_form  # 6,5 + 10,60 is written 17,1 as its column writes it
        if moved >= 0 and (bound is None and gap < 0 or bound is not None and moved <= bound):
            r, key = address(frame, row, col)
            if r is not None and key:
                fits.append((frame.table.index, r, key, moved))
    return tuple(fits) if 0 < len(fits) <= 2 and len(fits) < tried else ()



# ------------------------------------------------------------------------------ statistics rows
