"""Relations a table obeys between its rows: a "Tổng cộng" row, statistics
rows (cao nhất, thấp nhất, trung bình), numbered items under their heading
(1 / 1.1 / 1.1.1, I / 1 / a), ranks and grades. Inferred from the table
itself; see :mod:`.relations_support` for the adoption rule.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from . import CheckContext, rule
from .relations_frame import Col, Frame, Row
from .relations_support import (
    MIN_ROWS,
    SHARE,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    last_unit,
    places,
    record,
    scheme_checks,
    short,
    sum_tolerance,
    vi,
    where,
)

_STAT_NAMES = {"max": "giá trị cao nhất", "min": "giá trị thấp nhất", "mean": "trung bình", "sum": "tổng"}


def _blocks(frame: Frame) -> list[tuple[list[Row], list[Row]]]:
    """(rows, statistics rows after them): each block of statistics rows
    summarises the rows (units and headings) since the previous block."""
    out, rows, stats = [], [], []
    for row in frame.rows:
        if row.kind == "stat":
            stats.append(row)
        else:
            if stats:
                out.append((rows, stats))
                rows, stats = [], []
            rows.append(row)
    if stats:
        out.append((rows, stats))
    return out


def _number_of(row: Row, frame: Frame) -> int | None:
    """The row's order number (STT or rank), when it has one."""
    text = (row.no or "").strip().rstrip(".")
    if text.isdigit():
        return int(text)
    for col in frame.cols:
        cell = row.cells.get(col.index) if col.kind == "rank" else None
        if cell is not None and cell.denominator is None and cell.value == cell.value.to_integral_value():
            return int(cell.value)
    return None


def _continues(before: Frame, after: Frame) -> bool:
    """``after`` goes on with the units of ``before`` (a table split over pages):
    the same number of numeric columns and the order numbers run on."""
    if len(before.nums()) != len(after.nums()) or not before.units or not after.units:
        return False
    last, first = _number_of(before.units[-1], before), _number_of(after.units[0], after)
    return last is not None and first == last + 1


def _roots(rows: list[Row]) -> list[Row]:
    """Units that are not items of another unit: the top level when
    numbered, or the items of a heading that has no figure itself."""
    levels = _levels(rows)
    out, stack = [], []  # stack of (level, row)
    for row in rows:
        level = levels[row.i]
        while stack and stack[-1][0] >= level:
            stack.pop()
        if row.kind == "unit" and not any(r.kind == "unit" for _, r in stack):
            out.append(row)
        stack.append((level, row))
    return out


def _levels(rows: list[Row]) -> dict[int, int]:
    """Nesting depth per row from its numbering: A → 0 (a part above the
    roman headings), I → 0 (1 under a part), III.1 → 1, arabic items one
    below the last roman heading (1 → 1, 1.1 → 2 under I; 1 → 2 under
    III.1), a) one below the last arabic item; an unnumbered row is an item
    of the numbered row above it — unless it heads a group: see
    :func:`_group_rows`."""
    out: dict[int, int] = {}
    groups = _group_rows(rows)
    upper = any(r.path is not None and r.path[0] == "U" for r in rows)
    roman_level = None  # level of the last roman (or group) heading
    last = None  # level of the last numbered (roman or arabic) row
    for r in rows:
        p = r.path
        if r.i in groups:
            level = 0
            roman_level = level
        elif p is None:
            level = (last + 1) if last is not None else 0
        elif p[0] == "U":
            level = 0
            roman_level = None
        elif p[0] == "R":
            level = len(p) - 2 + (1 if upper else 0)
            roman_level = level
        elif p[0] == "L":
            level = (last if last is not None else 0) + 1
        else:
            base = roman_level if roman_level is not None else (0 if upper and last is not None else None)
            level = (base + 1 if base is not None else 0) + len(p) - 1
        out[r.i] = level
        if r.i in groups or (p is not None and p[0] != "L"):
            last = level
    return out


def _group_rows(rows: list[Row]) -> set[int]:
    """Unnumbered rows that head a group of numbered members (a cluster, a
    sector written as a row with its subtotal): each such row, followed by
    two or more rows numbered 1, 2 … (one level), equals their sum in some
    numeric column — on every such row of the table and at least two."""
    runs = []
    k = 0
    while k < len(rows):
        r = rows[k]
        if r.path is None and r.kind == "unit" and r.cells:
            j = k + 1
            while j < len(rows) and rows[j].path is not None and len(rows[j].path) == 1 \
                    and isinstance(rows[j].path[0], int):
                j += 1
            if j - k - 1 >= 2:
                runs.append((r, rows[k + 1:j]))
                k = j
                continue
        k += 1
    if len(runs) < 2:
        return set()
    for head, members in runs:
        if not any(_sums_to(head, members, c) for c in head.cells):
            return set()
    return {head.i for head, _ in runs}


def _sums_to(head: Row, members: list[Row], c: int) -> bool:
    vals = [m.value(c) for m in members]
    if any(v is None for v in vals) or head.cells[c].percent_sign:
        return False
    total = head.value(c)
    return total != 0 and abs(sum(vals, Decimal(0)) - total) <= sum_tolerance(vals, total)


def _has_unnumbered_items(rows: list[Row], r: Row) -> bool:
    return any(x.path is not None for x in rows)


# ------------------------------------------------------------------------------ total rows

@rule("SUM_ROW_MISMATCH", "Dòng tổng cộng khác tổng các dòng của cột")
def sum_row_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Tổng cộng", "Cộng", "Toàn tỉnh" bằng tổng các dòng
    đơn vị phía trên ở mỗi cột số (không tính cột tỷ lệ); dòng "Chỉ số
    chung" bằng tổng các dòng (bảng điểm theo nhóm) hoặc trung bình của
    chúng — không khớp cách nào thì cảnh báo.

    Vì sao: dòng tổng là số người đọc trích lại; cộng sai là sai cả báo cáo.

    Ví dụ sai: 12 | 15 | 9 | Tổng cộng 35.

    Ví dụ đúng: 12 | 15 | 9 | Tổng cộng 36.
    """
    for frame in frames(report):
        for rows, stats in _blocks(frame):
            roots = _roots(rows)
            for stat in stats:
                if stat.stat not in ("sum", "overall"):
                    continue
                for col in frame.nums():
                    if col.role == "percent" or col.index not in stat.cells:
                        continue
                    yield from _check_sum_row(ctx, frame, roots, stat, col)


def _check_sum_row(ctx, frame: Frame, roots: list[Row], stat: Row, col: Col) -> Iterator[Finding]:
    cell = stat.cells[col.index]
    vals = [r.value(col.index) for r in roots if r.value(col.index) is not None]
    if len(vals) < 2:
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
    if stat.stat == "overall" and not ok:
        mean = got / len(vals)
        if abs(mean - cell.value) <= last_unit(cell.value) + max(
                (Decimal(5).scaleb(-(places(v) + 1)) for v in vals), default=Decimal(0)):
            record(ctx, frame, "overall-row-equals-mean", cells)
            return
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
        yield finding("SUM_ROW_MISMATCH", "error",
                      f"{where(stat)}: cột {col_name(col)} ghi {vi(cell.value)} nhưng tổng {len(vals)} dòng "
                      f"{terms} = {vi(got)}", frame, stat, col, cell.value, got)


# ------------------------------------------------------------------------------ statistics rows

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
        if last_frame is None or not _continues(last_frame, frame):
            previous = []
        last_frame = frame
        blocks = _blocks(frame)
        if not blocks:
            previous = previous + [(frame, frame.units)]
            continue
        for b_index, (rows, stats) in enumerate(blocks):
            parts = (previous if b_index == 0 else []) + [(frame, [r for r in rows if r.kind == "unit"])]
            previous = []
            first = next((u for _, units in parts for u in units), None)
            partial = first is not None and _number_of(first, parts[0][0]) not in (None, 1)
            pieced = len(parts) > 1 or len(getattr(frame.table.grid, "raws", ()) or ()) > 1
            for stat in stats:
                if stat.stat in ("max", "min", "mean"):
                    yield from _check_stat(ctx, frame, parts, stat, partial, pieced)


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
            vals += [r.value(same.index) for r in units if r.value(same.index) is not None]
            if part_frame is frame:
                cells += [(r, col) for r in units]
        if len(vals) < 2:
            continue
        record(ctx, frame, f"summary-row-{stat.stat}", cells + [(stat, col)])
        if stat.stat == "max":
            got, ok = max(vals), max(vals) == cell.value
        elif stat.stat == "min":
            got, ok = min(vals), min(vals) == cell.value
        else:
            got = sum(vals, Decimal(0)) / len(vals)
            tol = last_unit(cell.value) + max(Decimal(5).scaleb(-(places(v) + 1)) for v in vals)
            ok = abs(got - cell.value) <= tol
        if ok:
            continue
        p = max(places(cell.value), 2 if stat.stat == "mean" else 0)
        note = ""
        if partial:
            note = f" (bảng bắt đầu từ đơn vị số {_number_of(parts[0][1][0], parts[0][0])}: có thể thiếu phần đầu)"
        elif pieced:
            note = " (bảng ghép từ nhiều trang, cột có thể lệch: cần đối chiếu)"
        yield finding("SUMMARY_ROW_MISMATCH", "warning" if note else "error",
                      f"Dòng “{short(stat.label)}”: cột {col_name(col)} ghi {cell.text.strip()} nhưng "
                      f"{_STAT_NAMES[stat.stat]} của {len(vals)} đơn vị là {vi(got, p)}{note}",
                      frame, stat, col, cell.value, got.quantize(Decimal(1).scaleb(-p)))


# ------------------------------------------------------------------------------ parents and children

def _children(rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    levels = _levels(rows)
    out = []
    for k, row in enumerate(rows):
        level = levels[row.i]
        kids = []
        for other in rows[k + 1:]:
            lv = levels[other.i]
            if lv <= level:
                break
            if lv == level + 1:
                kids.append(other)
        if kids:
            out.append((row, kids))
    return out


@rule("PARENT_SUM_MISMATCH", "Mục cha khác tổng các mục con đánh số bên dưới (1 / 1.1 / 1.1.1, I / 1 / a)")
def parent_sum_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng đánh số phân cấp, giá trị của mục cha bằng
    tổng các mục con ngay dưới nó, ở mỗi cột số — khi quan hệ này đúng trên
    phần lớn các mục cha của bảng (ít nhất 3 và 80%), hoặc mục cha ghi
    "Tổng số". Mục cha là tỷ lệ (%) không cộng.

    Vì sao: điểm nhóm bằng tổng điểm các tiêu chí của nhóm; tổng số bằng
    tổng các loại.

    Ví dụ sai: "1. Tổng số VBQPPL 249; 1.1. cấp tỉnh 174; 1.2. cấp xã 70".

    Ví dụ đúng: "1. Tổng số VBQPPL 249; 1.1. cấp tỉnh 174; 1.2. cấp xã 75".
    """
    for frame in frames(report):
        rows = [r for r in frame.rows if r.kind in ("unit", "heading")]
        if not any(r.path for r in rows):
            continue
        tests = []
        for parent, kids in _children(rows):
            if parent.kind != "unit" or "tỷ lệ" in parent.label.casefold():
                continue
            for col in frame.nums():
                if col.role == "percent" or col.index not in parent.cells:
                    continue
                vals = [k.value(col.index) for k in kids if k.value(col.index) is not None]
                if len(vals) < 2:
                    continue
                cell = parent.cells[col.index]
                got = sum(vals, Decimal(0))
                ok = abs(got - cell.value) <= sum_tolerance(vals, cell.value)
                tests.append((parent, kids, col, cell.value, got, ok, vals))
        if not tests:
            continue
        holds = sum(1 for t in tests if t[5])
        severity = "error"
        involved = len({r.i for t in tests for r in [t[0]] + t[1]})
        if involved >= 3 and (holds >= SHARE * len(tests) or (holds >= 2 and holds == len(tests) - 1)):
            # (a table that obeys it everywhere but at one parent: that parent is the slip)
            chosen = tests
        else:
            chosen = [t for t in tests if parent_says_total(t[0].label)]
            severity = "warning"  # stated by the words, not by the table's own arithmetic
            doubt(ctx, frame, f"Mục cha bằng tổng các mục con ở {holds}/{len(tests)} chỗ: không đủ để áp dụng"
                              + (", chỉ đối chiếu mục ghi “Tổng số”" if chosen else ""))
            if not chosen:
                continue
        record(ctx, frame, "parent-equals-sum-of-children",
               [(r, t[2]) for t in chosen for r in [t[0]] + t[1]])
        for parent, kids, col, written, got, ok, vals in chosen:
            if ok:
                continue
            terms = " + ".join(vi(v) for v in vals)
            doubt_text = "" if severity == "error" else " (có thể có mục con chỉ là “trong đó”: cần xem lại)"
            yield finding("PARENT_SUM_MISMATCH", severity,
                          f"{where(parent)}: cột {col_name(col)} ghi {vi(written)} nhưng tổng {len(vals)} mục con "
                          f"({', '.join(k.no or short(k.label, 20) for k in kids[:6])}) = {terms} = {vi(got)}"
                          + doubt_text, frame, parent, col, written, got)


def parent_says_total(label: str) -> bool:
    return label.casefold().lstrip().startswith(("tổng số", "tổng"))


# ------------------------------------------------------------------------------ ranks

def _rank_fit(units: list[Row], rank: Col, basis: Col, offset: int = 0) -> tuple[int, list]:
    pairs = [(r, r.value(rank.index), r.value(basis.index)) for r in units
             if r.value(rank.index) is not None and r.value(basis.index) is not None]
    values = [v for _, _, v in pairs]
    checks, holds = [], 0
    for row, rk, v in pairs:
        lo = offset + 1 + sum(1 for x in values if x > v)
        hi = offset + sum(1 for x in values if x >= v)
        ok = lo <= rk <= hi
        holds += ok
        checks.append((row, rk, v, lo, hi, ok))
    return holds, checks


@rule("RANK_MISMATCH", "Thứ hạng khác thứ tự của cột mà bảng xếp hạng theo")
def rank_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột "Thứ hạng" / "Xếp hạng" khớp thứ tự giảm dần của
    cột mà bảng xếp theo — chọn cột khớp nhất (điểm hoặc tỷ lệ), đồng hạng
    được phép — khi khớp ít nhất 3 dòng và 80%; báo từng dòng lệch.
    Thứ hạng dạng "12/63" (hạng trong cả nước) không so với các dòng.

    Vì sao: bảng xếp theo tỷ lệ (điểm tối đa mỗi đơn vị khác nhau) không
    xếp theo điểm; đổi điểm hoặc hạng một đơn vị là sai thứ hạng.

    Ví dụ sai: hạng 3 với 90,60% nhưng hạng 2 chỉ có 85,97%.

    Ví dụ đúng: 93,01% hạng 1, 90,75% hạng 2, hai đơn vị cùng 73,53% cùng
    hạng hoặc liền hạng.
    """
    for frame in frames(report):
        for rank in (c for c in frame.cols if c.kind == "rank"):
            units = [r for r in frame.units if (c := r.cells.get(rank.index)) is not None and c.denominator is None
                     and c.value == c.value.to_integral_value()]
            if len(units) < MIN_ROWS:
                continue
            best = None
            # A table continued from a page before ranks from where that part stopped.
            offsets = {0, min(int(r.value(rank.index)) for r in units) - 1}
            for basis in frame.nums():
                if basis.role == "max" or len({r.value(basis.index) for r in units} - {None}) < 3:
                    continue
                for offset in sorted(offsets):
                    holds, checks = _rank_fit(units, rank, basis, offset)
                    if adopted(holds, len(checks)) and (best is None or holds > best[0]):
                        best = (holds, checks, basis)
            if best is None:
                doubt(ctx, frame, f"Cột {col_name(rank)}: không tìm được cột số mà thứ hạng theo")
                continue
            _, checks, basis = best
            record(ctx, frame, "rank-follows-column", [(r, c) for r, *_ in checks for c in (rank, basis)])
            for row, rk, v, lo, hi, ok in checks:
                if ok or scheme_checks(frame, rank, "rank"):
                    continue
                should = f"{lo}" if lo == hi else f"từ {lo} đến {hi}"
                yield finding("RANK_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(rank)} ghi {rk} nhưng theo cột {col_name(basis)} "
                              f"({vi(v)}) đơn vị đứng thứ {should}", frame, row, rank, rk, Decimal(lo))


# ------------------------------------------------------------------------------ grades

def _bands_from_legend(report: Report, basis: Col) -> list | None:
    from .relations_legend import stated_bands

    legend = stated_bands(report)
    if not legend:
        return None
    from .relations_frame import grade_level

    out = []
    for band in legend:
        level = grade_level(band.grade)
        if level is None:
            continue
        out.append((level[0], band.lower, band.lower_inclusive, band.upper, band.upper_inclusive))
    return out or None


def _in_band(value: Decimal, band) -> bool:
    _, lower, lower_inc, upper, upper_inc = band
    if lower is not None and (value < lower or (value == lower and not lower_inc)):
        return False
    if upper is not None and (value > upper or (value == upper and not upper_inc)):
        return False
    return True


@rule("GRADE_BAND_MISMATCH", "Xếp loại không khớp khung điểm văn bản nêu hoặc thứ bậc của chính bảng")
def grade_band_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: xếp loại của mỗi đơn vị theo khung văn bản tự nêu ("TỐT
    ≥ 80", "Từ 65 đến dưới 80: Khá"); văn bản không nêu khung thì theo thứ
    bậc của chính bảng: đơn vị nhiều điểm (tỷ lệ) hơn không xếp loại thấp
    hơn, và ranh giới giữa hai loại là một số tròn (bội của 5) nằm giữa các
    đơn vị. Không bao giờ dùng một loại văn bản không có (bảng không có
    "Xuất sắc" thì 93,01% "Tốt" là đúng).

    Vì sao: xếp loại chép nhầm dòng, hoặc sửa điểm mà giữ loại cũ.

    Ví dụ sai: 73,01% "TỐT" trong khi 79,30% "KHÁ"; 78,80% "TỐT" trong bảng
    mà mọi đơn vị "TỐT" khác đều từ 80% trở lên.

    Ví dụ đúng: 93,01% "TỐT" khi văn bản chỉ có các loại Tốt, Khá, Trung bình.
    """
    for frame in frames(report):
        units = [r for r in frame.units if r.grade is not None]
        if len(units) < MIN_ROWS:
            continue
        basis = _grade_basis(frame, units)
        if basis is None:
            doubt(ctx, frame, "Cột xếp loại: không xác định được cột điểm (tỷ lệ) mà xếp loại theo")
            continue
        grade_col = next(c for c in frame.cols if c.kind == "grade")
        rows = [r for r in units if r.value(basis.index) is not None]
        record(ctx, frame, "grade-follows-bands", [(r, c) for r in rows for c in (grade_col, basis)])
        if frame.table.kind == "scores" and frame.table.scheme and not _bands_from_legend(report, basis):
            continue  # GRADE_MISMATCH checks the scheme's bands
        bands = _bands_from_legend(report, basis)
        if bands:
            for row in rows:
                v = row.value(basis.index)
                fitting = [b for b in bands if _in_band(v, b)]
                if fitting and row.grade not in [b[0] for b in fitting]:
                    yield finding("GRADE_BAND_MISMATCH", "error",
                                  f"{where(row)}: xếp loại “{row.grade_text}” nhưng {col_name(basis)} {vi(v)} "
                                  f"thuộc khung văn bản nêu cho loại khác", frame, row, grade_col, row.grade_text,
                                  None)
            continue
        yield from _grade_order(frame, rows, basis, grade_col)


def _grade_basis(frame: Frame, units: list[Row]) -> Col | None:
    """The column the grades follow: the one that needs the fewest rows set
    aside for the grades to be in its order (percent first on a tie)."""
    best = None
    for col in sorted(frame.nums(), key=lambda c: c.role != "percent"):
        if col.role == "max":
            continue
        rows = [r for r in units if r.value(col.index) is not None]
        if len(rows) < MIN_ROWS:
            continue
        cost = _set_aside(rows, col) + (len(units) - len(rows))
        if best is None or cost < best[0]:
            best = (cost, col)
    return best[1] if best else None


def _set_aside(rows: list[Row], col: Col) -> int:
    """Rows removed, most inversions first, until the grades follow ``col``."""
    rows = list(rows)
    removed = 0
    while True:
        pairs = _inversions(rows, col)
        if not pairs:
            return removed
        counts: dict[int, int] = {}
        for a, b in pairs:
            counts[a.i] = counts.get(a.i, 0) + 1
            counts[b.i] = counts.get(b.i, 0) + 1
        worst = max(counts, key=counts.get)
        rows = [r for r in rows if r.i != worst]
        removed += 1


def _inversions(rows: list[Row], col: Col) -> list[tuple[Row, Row]]:
    return [(a, b) for a in rows for b in rows
            if a.value(col.index) > b.value(col.index) and a.grade < b.grade]


def _round_edges_ok(rows: list[Row], col: Col) -> bool:
    """Between each two grades there is a multiple of 5 above every unit of
    the lower grade and at or below every unit of the higher one."""
    levels = sorted({r.grade for r in rows})
    for lower, upper in zip(levels, levels[1:]):
        top = max(r.value(col.index) for r in rows if r.grade == lower)
        bottom = min(r.value(col.index) for r in rows if r.grade == upper)
        edge = (top // 5 + 1) * 5
        if edge > bottom:
            return False
    return True


def _grade_order(frame: Frame, rows: list[Row], basis: Col, grade_col: Col) -> Iterator[Finding]:
    inversions = _inversions(rows, basis)
    involved = {r.i for pair in inversions for r in pair}
    if not inversions and _round_edges_ok(rows, basis):
        return
    candidates = [r for r in rows if r.i in involved] or rows
    culprits = []
    levels = {r.grade for r in rows}
    for row in candidates:
        rest = [r for r in rows if r is not row]
        if not _inversions(rest, basis) and _round_edges_ok(rest, basis):
            culprits.append(row)
    if len(culprits) > 1:
        # A slip changes one grade; the grades the table uses stay (set aside a
        # row that is the only one of its grade only if nothing else works).
        keep = [r for r in culprits if {x.grade for x in rows if x is not r} | {r.grade} == levels
                and any(x.grade == r.grade for x in rows if x is not r)]
        culprits = keep or culprits
    # Without an inversion the one sign is an edge off the multiples of 5: sure only
    # when the table has another boundary that sits on one.
    sure = bool(inversions) or len({r.grade for r in rows}) >= 3
    if len(culprits) == 1:
        row = culprits[0]
        yield finding("GRADE_BAND_MISMATCH", "error" if sure else "warning",
                      f"{where(row)}: xếp loại “{row.grade_text}” với {col_name(basis)} {vi(row.value(basis.index))}"
                      f" trái với khung các đơn vị khác trong bảng ({_edges_text(rows, basis, row)})",
                      frame, row, grade_col, row.grade_text, None)
        return
    for row in (culprits or [r for r in rows if r.i in involved])[:3]:
        yield finding("GRADE_BAND_MISMATCH", "warning",
                      f"{where(row)}: xếp loại “{row.grade_text}” với {col_name(basis)} {vi(row.value(basis.index))}"
                      f" không theo thứ bậc của các đơn vị khác; chưa xác định được dòng nào sai",
                      frame, row, grade_col, row.grade_text, None)


def _edges_text(rows: list[Row], col: Col, skip: Row) -> str:
    rest = [r for r in rows if r is not skip]
    names = {}
    for r in rest:
        names.setdefault(r.grade, r.grade_text)
    parts = []
    for level in sorted(names, reverse=True):
        vals = [r.value(col.index) for r in rest if r.grade == level]
        parts.append(f"{names[level]}: {vi(min(vals))}–{vi(max(vals))}")
    return "; ".join(parts)


# ------------------------------------------------------------------------------ a rate over its two items

def _rate_parents(frame: Frame) -> list[tuple[Row, Col, Decimal, Decimal, Decimal]]:
    """(parent, column, written rate, part, whole) for each numbered "Tỷ lệ …"
    row whose two items give the part and the whole (the larger)."""
    rows = [r for r in frame.rows if r.kind in ("unit", "heading")]
    out = []
    for parent, kids in _children(rows):
        if not parent.label.casefold().lstrip().startswith(("tỷ lệ", "tỉ lệ")) or len(kids) != 2:
            continue
        for col in frame.nums():
            cell = parent.cells.get(col.index)
            values = [k.value(col.index) for k in kids]
            if cell is None or any(v is None for v in values) or max(values) == 0:
                continue
            out.append((parent, col, cell.value, min(values), max(values)))
    return out


@rule("PARENT_RATIO_MISMATCH", "Mục “Tỷ lệ …” khác tỷ lệ tính từ hai mục con của nó (phần / tổng × 100)")
def parent_ratio_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng thống kê đánh số phân cấp, một mục "Tỷ lệ …"
    có đúng hai mục con (tổng số và số đạt) bằng mục nhỏ / mục lớn × 100 —
    khi quan hệ này đúng ở ít nhất 3 mục như vậy trong văn bản và 80% (hoặc
    mọi mục trừ một); báo mục lệch quá sai số làm tròn hoặc cắt bớt.

    Vì sao: tỷ lệ được chép từ số liệu của hai mục con; sửa một con số mà
    quên tỷ lệ là lỗi hay gặp của phụ lục thống kê.

    Ví dụ sai: "3.1. Tỷ lệ hồ sơ đúng hạn 98,10 | 3.1.1. Tổng số hồ sơ
    195.197 | 3.1.2. Số hồ sơ đúng hạn 193.457" (193.457 / 195.197 × 100 = 99,11).

    Ví dụ đúng: ghi 99,11 (hoặc 99,10 nếu bảng cắt bớt chữ số).
    """
    from .relations_support import ratio_tolerance

    tests = [(frame, t) for frame in frames(report) for t in _rate_parents(frame)]
    checks = []
    for frame, (parent, col, written, part, whole) in tests:
        computed = part / whole * 100
        checks.append((frame, parent, col, written, part, whole, computed,
                       abs(computed - written) <= ratio_tolerance(written, part, whole)))
    holds = sum(1 for c in checks if c[-1])
    if not adopted(holds, len(checks)):
        for frame, *_ in checks:
            doubt(ctx, frame, f"Mục “Tỷ lệ” bằng mục con nhỏ / mục con lớn ở {holds}/{len(checks)} chỗ: không áp dụng")
        return
    for frame, parent, col, written, part, whole, computed, ok in checks:
        record(ctx, frame, "rate-equals-part-over-whole-of-items", [(parent, col)])
        if not ok:
            yield finding("PARENT_RATIO_MISMATCH", "error",
                          f"{where(parent)}: cột {col_name(col)} ghi {vi(written)} nhưng hai mục con cho "
                          f"{vi(part)} / {vi(whole)} × 100 = {vi(computed, 2)}",
                          frame, parent, col, written, computed.quantize(Decimal("0.01")))
