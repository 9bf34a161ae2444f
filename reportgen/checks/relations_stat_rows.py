"""The statistics rows under a table's units: "Chỉ số cao nhất", "thấp
nhất", "trung bình" (bình quân) are the maximum, minimum and mean of the
units of their column — never units themselves. A table split over pages is
one table: its parts before a block's statistics are counted with it."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_changes import CHANGE_HEAD
from .relations_frame import Col, Frame, Row, RowKind
from .relations_rows import STAT_NAMES, blocks_of, continues, number_of
from .relations_support import as_written, col_name, finding, frames, last_unit, places, record, short, vi


@rule("SUMMARY_ROW_MISMATCH", "Dòng cao nhất / thấp nhất / trung bình khác giá trị tính từ các dòng đơn vị")
def summary_row_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Chỉ số cao nhất", "thấp nhất", "trung bình" (bình
    quân) dưới các đơn vị là thống kê của cột: cao nhất = giá trị lớn nhất,
    thấp nhất = nhỏ nhất, trung bình = trung bình cộng các dòng đơn vị (sai
    số một đơn vị chữ số cuối). Những dòng này không phải đơn vị.

    Vì sao: sửa điểm một đơn vị mà quên dòng thống kê, hoặc chép nhầm dòng.

    Ví dụ sai: các đơn vị 93,01%, 90,75% … 60,43%; "Chỉ số cao nhất 95,27%".

    Ví dụ đúng: "Chỉ số cao nhất 93,01%", "Chỉ số thấp nhất 60,43%".
    """
    previous: list[tuple[Frame, list[Row]]] = []  # the parts this table continues (split over pages)
    last_frame = None
    for frame in frames(report):
        if last_frame is None or not continues(last_frame, frame):
            previous = []
        last_frame = frame
        blocks = blocks_of(frame)
        if not blocks:
            previous = previous + [(frame, frame.units)]
            continue
        for b_index, (rows, stats) in enumerate(blocks):
            parts = (previous if b_index == 0 else []) + [(frame, [r for r in rows if r.kind == RowKind.UNIT])]
            previous = []
            first = next((u for _, units in parts for u in units), None)
            partial = first is not None and number_of(first, parts[0][0]) not in (None, 1)
            pieced = len(parts) > 1 or len(getattr(frame.table.grid, "raws", ()) or ()) > 1
            for stat in stats:
                if stat.stat in ("max", "min", "mean"):
                    yield from _check_stat(ctx, frame, parts, stat, partial, pieced)


def _extreme_unit_s(frame: Frame, parts, stat: Row, col: Col) -> bool:
    """Whether the "cao nhất" / "thấp nhất" row writes, in ``col``, the figure of the unit that holds the
    extreme of another column of the row: "Chỉ số cao nhất | 68,83 điểm | 96,32%" gives the points of the
    unit of the highest Chỉ số, which need not be the most points where units have maxima of their own."""
    units = [u for part_frame, rows in parts if part_frame is frame for u in rows]
    written = stat.cells[col.index].value
    for other in frame.nums():
        cell = stat.cells.get(other.index)
        vals = [u.value(other.index) for u in units if u.value(other.index) is not None]
        if other is col or cell is None or len(vals) < 2:
            continue
        extreme = max(vals) if stat.stat == "max" else min(vals)
        holders = [u for u in units if u.value(other.index) == extreme]
        if as_written(extreme, cell.value) and holders and all(
                u.value(col.index) is not None and as_written(u.value(col.index), written) for u in holders):
            return True
    return False


def _unread(frame: Frame, row: Row, col: Col) -> bool:
    """Whether the unit ``row`` writes something in ``col`` that was not read
    as a figure (nor as "-": does not apply): a cell the reader could not
    read ("1.611600,00", two cells' text glued), so a statistic of the
    column over the units read is over fewer units than the document's."""
    if row.value(col.index) is not None or col.index in row.na or frame.transposed or row.report_row is None:
        return False
    rows = frame.table.rows
    if not 0 <= row.report_row < len(rows):
        return False
    text = (rows[row.report_row].raw.get(col.key) or "").strip()
    return bool(text) and any(ch.isdigit() for ch in text)


def _same_column(col: Col, frame: Frame, other: Frame) -> Col | None:
    """The column of ``other`` (a part of the same table on another page)
    that is ``col``: the same role at the same place among those of its role."""
    mine = [c for c in frame.nums() if c.role == col.role]
    theirs = [c for c in other.nums() if c.role == col.role]
    k = mine.index(col)
    return theirs[k] if len(theirs) == len(mine) else None


def _check_stat(ctx, frame: Frame, parts, stat: Row, partial: bool, pieced: bool) -> Iterator[Finding]:
    for col in frame.nums():
        cell = stat.cells.get(col.index)
        if cell is None or (cell.percent_sign and col.role != "percent"):
            continue  # a percent spread over merged cells of other columns
        vals, cells = [], []
        for part_frame, units in parts:
            same = col if part_frame is frame else _same_column(col, frame, part_frame)
            if same is None:
                continue
            # a change column's "-" is no change, 0 ("74,66 | 74,66 | -" under "Tăng (+)/Giảm (-)")
            change = CHANGE_HEAD.search(same.head or "")
            vals += [Decimal(0) if r.value(same.index) is None else r.value(same.index) for r in units
                     if r.value(same.index) is not None or (change and same.index in r.na)]
            if part_frame is frame:
                cells += [(r, col) for r in units]
        if len(vals) < 2:
            continue
        record(ctx, frame, f"summary-row-{stat.stat}", cells + [(stat, col)])
        if stat.stat in ("max", "min"):
            got = max(vals) if stat.stat == "max" else min(vals)
            ok = as_written(got, cell.value) or _extreme_unit_s(frame, parts, stat, col)
        else:
            got = sum(vals, Decimal(0)) / len(vals)
            tol = last_unit(cell.value) + max(Decimal(5).scaleb(-(places(v) + 1)) for v in vals)
            ok = abs(got - cell.value) <= tol
        if ok:
            continue
        p = max(places(cell.value), 2 if stat.stat == "mean" else 0)
        if got.quantize(Decimal(1).scaleb(-p)) == cell.value:
            continue  # what it writes is what is computed, at the places it writes
        note = ""
        unread = [u for part_frame, units in parts if part_frame is frame for u in units
                  if _unread(frame, u, col)]
        if unread:
            names = ", ".join(short(u.label) for u in unread[:3]) + (f" và {len(unread) - 3} đơn vị khác"
                                                                   if len(unread) > 3 else "")
            note = f" ({len(unread)} đơn vị không đọc được số ở cột này: {names}; cần đối chiếu)"
        elif partial:
            note = f" (bảng bắt đầu từ đơn vị số {number_of(parts[0][1][0], parts[0][0])}: có thể thiếu phần đầu)"
        elif pieced:
            note = " (bảng ghép từ nhiều trang, cột có thể lệch: cần đối chiếu)"
        yield finding("SUMMARY_ROW_MISMATCH", "warning" if note else "error",
                      f"Dòng “{short(stat.label)}”: cột {col_name(col)} ghi {cell.text.strip()} nhưng "
                      f"{STAT_NAMES[stat.stat]} của {len(vals)} đơn vị là {vi(got, p)}{note}",
                      frame, stat, col, cell.value, got.quantize(Decimal(1).scaleb(-p)))
