"""Grades a table gives its units: a grade follows the bands the document
states, else the order of the table's own units — with the bands of the
scheme the table was recognised as for a unit that leaves them alone.
Inferred from the table itself; see :mod:`.relations_support` for the
adoption rule.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, TableKind
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row
from .relations_grade_counts import counts_grades
from .relations_grade_words import grade_between, grade_level, official_bands
from .relations_point_bands import point_bands
from .relations_ranks import SUMMING_HEAD, likely_basis, out_of_unequal_maxima
from .relations_support import MIN_ROWS, adopted, col_name, doubt, finding, frames, record, vi, where


def _bands_from_legend(report: Report, basis: Col) -> list | None:
    from .relations_legend import stated_bands

    legend = stated_bands(report)
    if not legend:
        return None
    from .relations_grade_words import grade_level

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


GRADE_BASIS_UNKNOWN = "Cột xếp loại: không xác định được cột điểm (tỷ lệ) mà xếp loại theo"


@rule("GRADE_BAND_MISMATCH", "Xếp loại không khớp khung điểm văn bản nêu hoặc thứ bậc của chính bảng")
def grade_band_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: xếp loại của mỗi đơn vị theo khung văn bản tự nêu ("TỐT
    ≥ 80", "Từ 65 đến dưới 80: Khá"); văn bản không nêu khung thì theo thứ
    bậc của chính bảng: đơn vị nhiều điểm (tỷ lệ) hơn không xếp loại thấp
    hơn, và ranh giới giữa hai loại là một số tròn (bội của 5) nằm giữa các
    đơn vị; bảng được nhận ra là của một bộ chỉ số (QĐ 766) mà chỉ một đơn
    vị lệch khung của bộ chỉ số đó (90/80/70/50) thì là cảnh báo. Không bao
    giờ dùng một loại văn bản không có (bảng không có "Xuất sắc" thì 93,01%
    "Tốt" là đúng). Bảng chấm theo điểm tuyệt đối của một bộ chỉ số (TT
    01/2018/TT-VPCP: Xuất sắc từ 15/18, Tốt từ 12, Khá từ 9, Trung bình từ
    6) mà mọi đơn vị theo khung đó thì xét theo khung đó; một đơn vị lệch
    khung, khi tiêu đề nêu điểm tối đa của bộ chỉ số hoặc văn bản viện dẫn
    thông tư, là lỗi. Xếp loại công chức theo Thông tư 01/2018/TT-VPCP (Điều
    15, tổng điểm các chỉ số 1, 2, 3, 4, 7 trên 10: từ 5 "Hoàn thành 100%
    nhiệm vụ", từ 3,5 đến dưới 5 "Hoàn thành từ 70% đến dưới 100% nhiệm
    vụ", dưới 3,5 "Hoàn thành dưới 70% nhiệm vụ") xét theo khung đó: một
    người lệch khung là lỗi, nhiều người lệch là khung riêng của cơ quan
    (không kết luận). Bảng đếm số đơn vị theo từng loại không xếp loại ai.

    Vì sao: xếp loại chép nhầm dòng, hoặc sửa điểm mà giữ loại cũ.

    Ví dụ sai: 73,01% "TỐT" trong khi 79,30% "KHÁ"; 78,80% "TỐT" trong bảng
    mà mọi đơn vị "TỐT" khác đều từ 80% trở lên.

    Ví dụ đúng: 93,01% "TỐT" khi văn bản chỉ có các loại Tốt, Khá, Trung bình.
    """
    for frame in frames(report):
        units = [r for r in frame.units if r.grade is not None]
        if len(units) < MIN_ROWS or counts_grades(frame):
            continue  # a row per grade counts units, it grades none
        bands = _bands_from_legend(report, None)
        # an official's grades (TT 01/2018): the circular's bands on the total of 10
        official = official_bands({r.grade for r in units}) if not bands else None
        bands = bands or official
        if not bands and not _scheme_grades(frame, ctx):
            points = point_bands(report, frame, units)
            if points is not None:
                yield from _on_point_bands(report, points, frame, units, ctx)
                continue
        basis = _band_basis(units, frame, bands) if bands else _grade_basis(frame, units)
        if basis is None:
            doubt(ctx, frame, GRADE_BASIS_UNKNOWN)
            continue
        grade_col = next(c for c in frame.cols if c.kind == ColKind.GRADE)
        rows = [r for r in units if r.value(basis.index) is not None]
        # a score in no stated band, graded one the document states no band for, is not checked
        told = [r for r in rows if not bands or any(_in_band(r.value(basis.index), b) or b[0] == r.grade
                                                    for b in bands)]
        record(ctx, frame, "grade-follows-bands", [(r, c) for r in told for c in (grade_col, basis)])
        if not bands and _scheme_grades(frame, ctx):
            continue  # GRADE_MISMATCH checks the scheme's bands
        if bands:
            yield from _outside_own_band(told, bands, basis, grade_col, frame)
            off = [r for r in rows if (fit := [b for b in bands if _in_band(r.value(basis.index), b)])
                   and r.grade not in [b[0] for b in fit]]
            if official and len(off) > 1:  # several off the circular's bands: the office's own scale, not slips
                doubt(ctx, frame, "Xếp loại công chức: nhiều đơn vị lệch khung của Thông tư 01/2018/TT-VPCP")
                continue
            for row in off:
                v = row.value(basis.index)
                fitting = [b for b in bands if _in_band(v, b)]
                if fitting:
                    # the one grade the stated bands give is what the cell should say (a correction to try)
                    right = _grade_written(report, rows, fitting[0][0]) if len({b[0] for b in fitting}) == 1 \
                        else None
                    said = "khung Thông tư 01/2018/TT-VPCP (Điều 15) đặt" if official else "khung văn bản nêu"
                    yield finding("GRADE_BAND_MISMATCH", "error",
                                  f"{where(row)}: xếp loại “{row.grade_text}” nhưng {col_name(basis)} {vi(v)} "
                                  f"thuộc {said} cho loại khác" + (f" ({right})" if right else ""),
                                  frame, row, grade_col, row.grade_text, right)
            continue
        order = list(_grade_order(frame, rows, basis, grade_col))
        yield from order or _off_the_scheme_bands(rows, basis, grade_col, frame, ctx)


def _outside_own_band(rows: list[Row], bands: list, basis: Col, grade_col: Col, frame: Frame) -> Iterator[Finding]:
    """A grade whose band the document states, given to a score in none of the
    bands it states (the legend of the score's own grade unread or left out):
    16,5 of 18 "Tốt" where "từ 12 đến dưới 15 điểm: Tốt" is wrong all the same."""
    for row in rows:
        v = row.value(basis.index)
        own = [b for b in bands if b[0] == row.grade]
        if own and not any(_in_band(v, b) for b in bands):
            yield finding("GRADE_BAND_MISMATCH", "error",
                          f"{where(row)}: xếp loại “{row.grade_text}” nhưng {col_name(basis)} {vi(v)} nằm ngoài "
                          f"khung văn bản nêu cho loại này ({'; '.join(_band_words(b) for b in own)})", frame, row,
                          grade_col, row.grade_text, None)


def _band_words(band) -> str:
    """ "từ 12 đến dưới 15", "từ 15 trở lên", "dưới 6": a band as a legend says it."""
    _, lower, lower_inc, upper, upper_inc = band
    low = f"{'từ' if lower_inc else 'trên'} {vi(lower)}" if lower is not None else ""
    high = f"{'đến' if upper_inc else 'dưới'} {vi(upper)}" if upper is not None else ""
    if low and high:
        return f"{low} {'đến' if upper_inc else 'đến dưới'} {vi(upper)}"
    return low + " trở lên" if low else high


def _on_point_bands(report: Report, points, frame: Frame, units: list[Row], ctx: CheckContext) -> Iterator[Finding]:
    """Each unit graded on the point bands of the scheme (TT 01/2018) its table follows."""
    grade_col = next(c for c in frame.cols if c.kind == ColKind.GRADE)
    record(ctx, frame, "grade-follows-bands", [(r, c) for r in units for c in (grade_col, points.basis)])
    for row in points.off:
        v = row.value(points.basis.index)
        level = next((b[0] for b in points.bands if _in_band(v, b)), None)
        right = None
        if level is not None:
            right = _grade_written(report, units, level) or next(
                g.name for g in points.scheme.grades if (gl := grade_level(g.name)) and gl[0] == level)
        yield finding("GRADE_BAND_MISMATCH", "error",
                      f"{where(row)}: xếp loại “{row.grade_text}” nhưng {col_name(points.basis)} {vi(v)} thuộc "
                      f"khung xếp loại của {points.scheme.title} ({_bands_text(points.bands)}) mà mọi đơn vị khác "
                      f"trong bảng đều theo", frame, row, grade_col, row.grade_text, right)


def _off_the_scheme_bands(rows: list[Row], basis: Col, grade_col: Col, frame: Frame,
                     ctx: CheckContext) -> Iterator[Finding]:
    """A grade in the table's own order but outside the bands of the scheme
    the table was recognised as (90/80/70/50 of 100 for QĐ 766), when every
    other unit fits them: a doubt, never an error — the document states no
    bands and its office may use others; two units or more off the bands are
    taken as the office's own bands, not as slips. Only the grades the table
    uses count: without "Xuất sắc" in the table, 93% "Tốt" fits."""
    bands = _scheme_bands(basis, rows, frame, ctx)
    if not bands or len(rows) < 2 * MIN_ROWS:
        return
    own = _restricted(bands, {r.grade for r in rows})
    breaking = [r for r in rows if not any(_in_band(r.value(basis.index), b) and b[0] == r.grade for b in own)]
    if len(breaking) != 1:
        return
    row = breaking[0]
    level = next((b[0] for b in own if _in_band(row.value(basis.index), b)), None)
    right = next((r.grade_text for r in rows if r.grade == level), None)
    yield finding("GRADE_BAND_MISMATCH", "warning",
                  f"{where(row)}: xếp loại “{row.grade_text}” với {col_name(basis)} {vi(row.value(basis.index))}"
                  f" không theo khung xếp loại của bộ chỉ số ({_bands_text(own)}) mà mọi "
                  f"đơn vị khác trong bảng đều theo; văn bản không nêu khung xếp loại nên cần kiểm tra lại",
                  frame, row, grade_col, row.grade_text, right)


def _scheme_bands(basis: Col, rows: list[Row], frame: Frame, ctx: CheckContext) -> list | None:
    """The grade bands of the scheme the table was recognised as, when the
    basis is on their scale: a percent column or one out of 100 for percent
    bands, a total out of the scheme's maximum for point bands."""
    from .relations_grade_words import grade_level

    table = frame.table
    scheme = ctx.scheme_of(table) if table.scheme else None
    if scheme is None or not scheme.graded or not scheme.grades:
        return None
    scale = Decimal(100) if scheme.grade_on == "percent" else scheme.total_max
    on_scale = (basis.role == "percent" or basis.max == scale) if scheme.grade_on == "percent" \
        else basis.max == scale and bool(SUMMING_HEAD.search(basis.head))
    if not on_scale or any(not 0 <= r.value(basis.index) <= scale for r in rows):
        return None
    bands, upper = [], None
    for band in sorted(scheme.grades, key=lambda g: g.min, reverse=True):
        level = grade_level(band.name)
        if level is None:
            return None
        bands.append((level[0], band.min, True, upper, False))
        upper = band.min
    return bands


def _restricted(bands: list, levels: set[int]) -> list:
    """The bands with each grade the table never uses merged into the next
    one down it does use (no Xuất sắc: Tốt from 80 up)."""
    kept = [b for b in bands if b[0] in levels]
    out = []
    for k, band in enumerate(kept):
        level, lower, lower_inc, _, _ = band
        upper = out[-1][1] if out else None
        out.append((level, lower if k < len(kept) - 1 else None, lower_inc, upper, False))
    return out


def _bands_text(bands: list) -> str:
    from .relations_grade_words import GRADE_LEVELS

    names = {level: name for _, level, name in GRADE_LEVELS}
    return ", ".join(f"{names[b[0]]} từ {vi(b[1])}" if b[1] is not None else f"{names[b[0]]} dưới {vi(b[3])}"
                     for b in bands)


def _scheme_grades(frame: Frame, ctx: CheckContext) -> bool:
    """Whether GRADE_MISMATCH grades this table's units by its scheme's bands:
    a scheme table whose every unit has a cell for each scored indicator (a
    table the scheme binds only in part is graded here)."""
    table = frame.table
    scheme = ctx.scheme_of(table) if table.kind == TableKind.SCORES and table.scheme else None
    if scheme is None or not scheme.graded or not scheme.grades:
        return False
    keys = [ind.key for ind in scheme.scored_indicators]
    return all(all(k in table.rows[r.report_row].scores for k in keys)
               for r in frame.units if r.grade is not None and r.report_row is not None)


def _grade_written(report: Report, rows: list[Row], level: int) -> str | None:
    """How the table writes the grade of ``level`` (another row's cell), else
    how the document's legend names it, else None."""
    from .relations_grade_words import grade_level
    from .relations_legend import stated_bands

    written = next((r.grade_text for r in rows if r.grade == level and r.grade_text), None)
    return written or next((b.written or b.grade for b in stated_bands(report) or ()
                            if (g := grade_level(b.grade)) is not None and g[0] == level), None)


def _band_fit(rows: list[Row], col: Col, bands: list) -> tuple[int, int]:
    """(rows whose grade is that of the stated band their value falls in,
    rows whose value falls in some band)."""
    holds = applicable = 0
    for row in rows:
        fitting = [b[0] for b in bands if _in_band(row.value(col.index), b)]
        if fitting:
            applicable += 1
            holds += row.grade in fitting
    return holds, applicable


def _band_basis(units: list[Row], frame: Frame, bands: list) -> Col | None:
    """The column the document's stated bands grade: the one whose values put
    the most units in the band of their grade (percent first on a tie),
    adopted by the usual rule — a score column that happens to follow the
    same order is not graded by bands written for the percent."""
    best = None
    for col in sorted(frame.nums(), key=lambda c: c.role != "percent"):
        if col.role == "max":
            continue
        rows = [r for r in units if r.value(col.index) is not None]
        holds, applicable = _band_fit(rows, col, bands)
        if adopted(holds, applicable) and (best is None or holds > best[0]):
            best = (holds, col)
    return best[1] if best else None


def _grade_basis(frame: Frame, units: list[Row]) -> Col | None:
    """The column the grades follow: the one that needs the fewest rows set
    aside for the grades to be in its order with a round edge (a multiple
    of 5) between each two grades — an edge that falls inside a grade costs
    a row as an inversion does (on a tie a percent, then a column headed as
    the result: Tổng điểm, Chỉ số, Kết quả). Where the units have maxima
    of their own (a column of maxima that differ) and a percent column,
    points out of those maxima are no basis: units are graded on what they
    can be compared by, the percent."""
    best = None
    unequal = out_of_unequal_maxima(frame, units)
    for col in sorted(frame.nums(), key=likely_basis):
        if col.role == "max" or col.index in unequal:
            continue
        rows = [r for r in units if r.value(col.index) is not None]
        if len(rows) < MIN_ROWS:
            continue
        cost = _set_aside(rows, col) + (len(units) - len(rows))
        if best is None or cost < best[0]:
            best = (cost, col)
    return best[1] if best else None


def _set_aside(rows: list[Row], col: Col) -> int:
    """Rows removed, most inversions first, until the grades follow ``col``;
    one more when the rows left put no round edge between two grades."""
    rows = list(rows)
    removed = 0
    while True:
        pairs = _inversions(rows, col)
        if not pairs:
            return removed + (not _round_edges_ok(rows, col))
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
                      frame, row, grade_col, row.grade_text, grade_between(rows, basis, row))
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
