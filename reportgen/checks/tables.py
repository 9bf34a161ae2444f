"""Rules over score tables bound to a scheme: every row's total, maximum,
percent and grade recomputed from its scores, scores against their maxima,
and the order of ranked tables.

Severity policy (never an error for rounding within the figures' tolerance):

- A figure that disagrees with what the row's own scores give is an error.
- A difference within the rounding the figures carry is a rounding slip: a
  warning when the written figure is the truncated value (``93,06`` for
  93,0667), otherwise information. That rounding follows the places written
  and what the scheme states, never a fixed allowance
  (:mod:`reportgen.checks.tables_rounding`).
- No cascade: when the total or the maximum is wrong, that is the error. A
  percent that follows from the written (wrong) total and maximum is only a
  warning, a percent that follows from the recomputed figures is no finding
  at all; a grade is an error only when it fits neither the percent as written
  nor the recomputed one.

Rules over 'summary' and 'data' tables (parts adding up to a whole, derived
columns, fractions) live in :mod:`reportgen.checks.tables_generic`.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreRow, ScoreTable, TableKind
from ..numbers import format_vi, quantize
from ..schemes import Scheme
from ..scoring import HUNDRED, applicable_max, grade_for, total_of
from .dash_max import table_scheme
from .registry import CheckContext, rule
from .relations_ranks import stated_rank_basis
from .relations_support import adopted
from .table_support import finding, looks_ranked, places_of, rank_value, sections, states_bands
from .tables_rounding import exact_sums, percent_places, rounded_like, total_tolerance, total_within


def _scored_tables(report: Report, ctx: CheckContext) -> Iterator[tuple[ScoreTable, Scheme]]:
    for table in report.tables:
        if table.kind != TableKind.SCORES:
            continue
        scheme = ctx.scheme_of(table)
        if scheme is not None:
            yield table, table_scheme(table, scheme)


def _rows(report: Report, ctx: CheckContext, complete: bool = True
          ) -> Iterator[tuple[ScoreTable, Scheme, int, ScoreRow]]:
    """Rows to check. Recomputing a total or a maximum needs every scored
    indicator's cell (a value or '-'): a row whose table lacks some column
    is left alone rather than blamed for what the reader could not bind."""
    for table, scheme in _scored_tables(report, ctx):
        keys = [ind.key for ind in scheme.scored_indicators]
        for i, row in enumerate(table.rows):
            if all(k in row.scores for k in keys) if complete else any(k in row.scores for k in keys):
                yield table, scheme, i, row


def _score_cells(i: int, row: ScoreRow, scheme: Scheme) -> list[tuple[int, str]]:
    return [(i, ind.key) for ind in scheme.scored_indicators if row.scores.get(ind.key) is not None]


def _written_max(row: ScoreRow, scheme: Scheme) -> Decimal:
    return row.max if row.max is not None else applicable_max(row.scores, scheme)


def _round_like(value: Decimal, written: Decimal, scheme: Scheme, rounding=None) -> Decimal:
    """``value`` rounded to the places ``written`` shows (a document may drop
    trailing zeros: '93,4' for 93,40), at least 0 and at most what it shows."""
    return quantize(value, places_of(written), rounding or scheme.rounding)


@rule("TOTAL_MISMATCH", "Tổng điểm ghi khác tổng các chỉ số thành phần")
def total_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tổng điểm của từng đơn vị trong bảng điểm so với tổng các chỉ số
    thành phần theo bộ chỉ số (chỉ số "-" không tính).
    Vì sao: tổng điểm quyết định tỷ lệ, xếp loại và thứ hạng; cộng nhầm kéo theo tất cả.
    Ngưỡng làm tròn theo số chữ số thập phân thực ghi: bộ chỉ số cộng các chỉ số đã làm
    tròn (TT 01/2018, Điều 15) thì tổng chỉ được lệch nửa đơn vị của chữ số cuối của tổng
    (16,3 khi các chỉ số cộng được 16,0 là sai); cộng dồn nửa đơn vị của từng chỉ số chỉ
    khi bộ chỉ số cho phép (tổng tính từ điểm chưa làm tròn) hoặc chính các dòng khác của
    bảng cho thấy tổng được tính từ điểm chưa làm tròn. Chênh lệch trong ngưỡng làm tròn
    chỉ là thông tin.
    Ví dụ sai: các chỉ số cộng được 58,94 nhưng cột tổng ghi 58,69.
    Ví dụ đúng: cột tổng ghi 58,94."""
    for table, scheme, i, row in _rows(report, ctx):
        if row.total is None:
            continue
        ctx.ledger.table_checked(table.index, "total-sum", [(i, "total"), *_score_cells(i, row, scheme)])
        computed = total_of(row.scores, scheme)
        diff = abs(row.total - computed)
        if diff == 0:
            continue
        places = max(places_of(row.total), places_of(computed))
        within = total_within(table, i, scheme, diff)
        message = (f"Tổng điểm ghi {format_vi(row.total)} nhưng cộng các chỉ số được {format_vi(computed, places)}"
                   + (" (chênh lệch trong ngưỡng làm tròn)" if within else ""))
        yield finding("TOTAL_MISMATCH", "info" if within else "error", message, table, i, row,
                      "total", row.total, computed)


@rule("MAX_MISMATCH", "Điểm tối đa ghi khác tổng điểm tối đa của các chỉ số áp dụng")
def max_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: điểm tối đa ghi của từng đơn vị so với tổng điểm tối đa của các chỉ
    số áp dụng cho đơn vị đó (chỉ số "-" không áp dụng thì không tính).
    Vì sao: điểm tối đa sai làm sai tỷ lệ và xếp loại.
    Ví dụ sai: đơn vị có hai chỉ số "-" (tối đa 5 và 10) mà ghi "58,69/100".
    Ví dụ đúng: ghi "58,69/85"."""
    for table, scheme, i, row in _rows(report, ctx):
        if row.max is None:
            continue
        ctx.ledger.table_checked(table.index, "max-sum", [(i, "max")])
        computed = applicable_max(row.scores, scheme)
        if row.max == computed:
            continue
        written = "max" in row.raw or "total" in row.raw and "/" in row.raw["total"]
        how = "ghi" if written else "suy ra"
        message = (f"Điểm tối đa {how} {format_vi(row.max)} nhưng các chỉ số áp dụng cộng được {format_vi(computed)}"
                   " (chỉ số đánh dấu '-' không tính vào điểm tối đa)" if scheme.dash_removes_max else
                   f"Điểm tối đa {how} {format_vi(row.max)} nhưng bộ chỉ số có tổng điểm tối đa {format_vi(computed)}")
        yield finding("MAX_MISMATCH", "error" if written else "warning", message, table, i, row,
                      "max", row.max, computed)


@rule("PERCENT_MISMATCH", "Tỷ lệ điểm ghi khác tổng điểm / điểm tối đa × 100")
def percent_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tỷ lệ điểm của từng đơn vị so với tổng điểm / điểm tối đa × 100,
    làm tròn theo bộ chỉ số.
    Vì sao: xếp loại dựa vào tỷ lệ. Tỷ lệ tính từ một tổng đã sai chỉ là cảnh báo (lỗi
    nằm ở tổng), làm tròn lệch trong ngưỡng chỉ là thông tin hoặc cảnh báo. Khi tổng
    đúng bằng các chỉ số đã ghi cộng lại (TT 01/2018), tỷ lệ tính từ số chính xác: chỉ
    được là thương làm tròn (hoặc cắt bớt, cảnh báo) đến số chữ số thập phân tỷ lệ ghi;
    13/18 ghi 69,72% thay vì 72,22% là sai.
    Ví dụ sai: 58,94/85 ghi 70,34%.
    Ví dụ đúng: 58,94/85 ghi 69,34%."""
    for table, scheme, i, row in _rows(report, ctx):
        if row.percent is None:
            continue
        c_total, c_max = total_of(row.scores, scheme), applicable_max(row.scores, scheme)
        w_total = row.total if row.total is not None else c_total
        w_max = _written_max(row, scheme)
        if not c_max or not w_max:
            continue
        ctx.ledger.table_checked(table.index, "percent-ratio", [(i, "percent")])
        exact_c = c_total * HUNDRED / c_max
        exact_w = w_total * HUNDRED / w_max
        places = percent_places(table, i, scheme, row.percent)
        expected = quantize(exact_c, places, scheme.rounding)
        p = row.percent
        if p == _round_like(exact_c, p, scheme):
            continue  # right, whatever the written total says
        if p == _round_like(exact_w, p, scheme):
            # Follows from a written total or maximum that is itself wrong:
            # that one is the error, this is its consequence.
            # A written total within rounding of its scores (summed unrounded)
            # is right, and so is the percent taken from it.
            rounded = w_max == c_max and total_within(table, i, scheme, abs(w_total - c_total))
            message = (f"Tỷ lệ ghi {format_vi(p)}% tính theo tổng {format_vi(w_total)}/{format_vi(w_max)} như đã ghi; "
                       f"theo điểm tính lại ({format_vi(c_total)}/{format_vi(c_max)}) "
                       f"phải là {format_vi(expected, places)}%"
                       + (" (tổng ghi lệch trong ngưỡng làm tròn)" if rounded else ""))
            yield finding("PERCENT_MISMATCH", "info" if rounded else "warning", message, table, i, row,
                          "percent", p, expected)
            continue
        near = _near_percents(table, i, scheme, p, (exact_c, exact_w))
        if near:
            truncated = any(p == _round_like(e, p, scheme, ROUND_DOWN) for e in near)
            slip = "cắt bớt chữ số thay vì làm tròn" if truncated else "làm tròn lệch"
            message = (f"Tỷ lệ ghi {format_vi(p)}% nhưng {format_vi(c_total)}/{format_vi(c_max)} × 100 = "
                       f"{format_vi(exact_c, places + 2)}, làm tròn là {format_vi(expected, places)}% "
                       f"({slip}; chênh lệch trong ngưỡng sai số)")
            yield finding("PERCENT_MISMATCH", "warning" if truncated else "info", message, table, i, row,
                          "percent", p, expected)
            continue
        message = (f"Tỷ lệ ghi {format_vi(p)}% nhưng {format_vi(c_total)}/{format_vi(c_max)} × 100 = "
                   f"{format_vi(expected, places)}%")
        yield finding("PERCENT_MISMATCH", "error", message, table, i, row, "percent", p, expected)


def _near_percents(table: ScoreTable, i: int, scheme: Scheme, p: Decimal,
                   exact: tuple[Decimal, Decimal]) -> list[Decimal]:
    """The exact percents (of the scores, of the written total) ``p`` may be
    the rounding of. Over exact figures (a total that is its written scores'
    sum, a defined maximum) only their rounding either way or their cut;
    where the total may be taken before its scores were rounded, a percent of
    that unrounded total may differ from one of the scores as written by
    their rounding, scaled."""
    if exact_sums(table, i, scheme):
        return [e for e in exact if rounded_like(e, p, (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN))]
    slack = scheme.tolerance + total_tolerance(table, i, scheme) * HUNDRED \
        / applicable_max(table.rows[i].scores, scheme)
    return [e for e in exact if abs(p - e) <= slack or abs(p - _round_like(e, p, scheme)) <= scheme.tolerance]


def _grades_near(value: Decimal | None, scheme: Scheme) -> set[str]:
    """Grades a value could get if it moved by no more than the tolerance."""
    if value is None:
        return set()
    return {g for g in (grade_for(value - scheme.tolerance, scheme), grade_for(value, scheme),
                        grade_for(value + scheme.tolerance, scheme)) if g}


@rule("GRADE_MISMATCH", "Xếp loại không khớp với khung điểm của bộ chỉ số")
def grade_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: xếp loại của từng đơn vị so với khung xếp loại của bộ chỉ số (theo
    tỷ lệ hoặc theo tổng điểm, tùy bộ chỉ số), có tính ngưỡng làm tròn.
    Vì sao: xếp loại là kết luận người đọc nhớ; xếp nhầm một bậc là sai về đơn vị.
    Khung giả định (bảng không ghi khung) chỉ cho cảnh báo. Văn bản tự nêu khung xếp
    loại ("Tốt: từ 85 điểm trở lên") thì khung đó được áp dụng (GRADE_BAND_MISMATCH),
    không dùng khung của bộ chỉ số.
    Ví dụ sai: 79,77% xếp loại Tốt khi Tốt là từ 80% trở lên.
    Ví dụ đúng: 79,77% xếp loại Khá."""
    if report.grade_legend:
        return  # the document's own bands decide, never the scheme's (grade_band_mismatch)
    own_bands = states_bands(report)  # … and bands it states that were not read leave a doubt
    for table, scheme, i, row in _rows(report, ctx):
        if not row.grade or not scheme.graded or not scheme.grades:
            continue
        written = scheme.canonical_grade(row.grade)
        if written is None:
            message = (f"Xếp loại ghi “{row.grade}” không có trong khung xếp loại của bộ chỉ số "
                       f"({', '.join(scheme.grade_names())})")
            yield finding("GRADE_MISMATCH", "warning", message, table, i, row, "grade", row.grade, None)
            continue
        c_total, c_max = total_of(row.scores, scheme), applicable_max(row.scores, scheme)
        if scheme.grade_on == "points":
            w_basis, c_basis = (row.total if row.total is not None else c_total), c_total
        else:
            c_basis = quantize(c_total * HUNDRED / c_max, scheme.places, scheme.rounding) if c_max else None
            w_basis = row.percent
            if w_basis is None and row.total is not None and _written_max(row, scheme):
                w_basis = quantize(row.total * HUNDRED / _written_max(row, scheme), scheme.places, scheme.rounding)
        if c_basis is None:
            continue  # nothing applies to the unit: no grade to check against
        ctx.ledger.table_checked(table.index, "grade-band", [(i, "grade")])
        fits_w, fits_c = written in _grades_near(w_basis, scheme), written in _grades_near(c_basis, scheme)
        if fits_c and (fits_w or w_basis is None):
            continue  # right (no percent or total written to follow instead)
        expected = grade_for(c_basis, scheme)
        # Point schemes grade the total ("9 điểm"), others the percent ("83,4%").
        unit, basis = (" điểm", "tổng điểm") if scheme.grade_on == "points" else ("%", "tỷ lệ")
        if fits_w:  # follows a written figure that is itself wrong (reported there)
            message = (f"Xếp loại {written} khớp với {basis} ghi ({format_vi(w_basis)}{unit}) "
                       f"nhưng theo điểm tính lại ({format_vi(c_basis)}{unit}) là {expected}")
        if fits_c:  # right; the written figure is the slip
            message = (f"Xếp loại {written} đúng theo điểm tính lại ({format_vi(c_basis)}{unit}), "
                       f"khác với {basis} ghi {format_vi(w_basis)}{unit}")
        if fits_w or fits_c:
            yield finding("GRADE_MISMATCH", "warning" if fits_w else "info", message, table, i, row,
                          "grade", written, expected)
            continue
        message = f"Xếp loại ghi {written} nhưng {format_vi(c_basis)}{unit} thuộc loại {expected}"
        if scheme.grades_assumed:
            message += " (theo khung xếp loại 90/80/70/50 giả định, bảng không ghi khung xếp loại)"
        elif own_bands:
            message += (" theo khung của bộ chỉ số; văn bản có nêu khung xếp loại riêng nhưng chưa đọc được, "
                        "cần đối chiếu thủ công")
        yield finding("GRADE_MISMATCH", "warning" if scheme.grades_assumed or own_bands else "error", message,
                      table, i, row, "grade", written, expected)


@rule("SCORE_EXCEEDS_MAX", "Điểm một chỉ số vượt điểm tối đa hoặc âm")
def score_exceeds_max(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: điểm từng chỉ số của bảng điểm không vượt điểm tối đa của chỉ số
    đó và không âm.
    Vì sao: điểm vượt tối đa là gõ nhầm (thường lệch dấu phẩy) và làm sai tổng.
    Ví dụ sai: chỉ số tối đa 10 điểm ghi 11,5.
    Ví dụ đúng: ghi 9,5."""
    for table, scheme, i, row in _rows(report, ctx, complete=False):
        ctx.ledger.table_checked(table.index, "score-max", _score_cells(i, row, scheme))
        for ind in scheme.scored_indicators:
            value = row.scores.get(ind.key)
            if value is None:
                continue
            if value > ind.max:
                message = f"Điểm {ind.label} ghi {format_vi(value)} vượt điểm tối đa {format_vi(ind.max)}"
            elif value < 0:
                message = f"Điểm {ind.label} ghi {format_vi(value)} là số âm"
            else:
                continue
            yield finding("SCORE_EXCEEDS_MAX", "error", message, table, i, row, ind.key, value, ind.max)


def _explicitly_ranked(table: ScoreTable) -> bool:
    title = (table.title or "").casefold()
    return any(r.rank is not None for r in table.rows) or "xếp hạng" in title or "thứ hạng" in title


@rule("RANK_ORDER", "Thứ tự hoặc thứ hạng trong bảng xếp hạng không theo điểm giảm dần")
def rank_order(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng xếp hạng, thứ hạng (hoặc thứ tự dòng) theo đúng điểm hay
    tỷ lệ giảm dần — theo cơ sở mà các hạng khớp hơn; đồng điểm được cùng hạng. So
    theo số ghi trong bảng, không có dung sai: làm tròn giữ nguyên thứ tự (92,35 ghi
    trong bảng luôn lớn hơn 92,34).
    Vì sao: hạng sai là kết luận sai về đơn vị, dù điểm đúng.
    Ví dụ sai: đơn vị hạng 2 có 85,1% mà đơn vị hạng 3 có 86,4%.
    Ví dụ đúng: đơn vị 86,4% hạng 2, đơn vị 85,1% hạng 3."""
    for table, scheme in _scored_tables(report, ctx):
        explicit = _explicitly_ranked(table)
        for indices in sections(table.rows):
            rows = [(i, table.rows[i]) for i in indices if rank_value(table.rows[i]) is not None]
            values = [rank_value(r) for _, r in rows]
            if not (explicit or looks_ranked(values)):
                continue
            ranked = [(i, r) for i, r in rows if r.rank is not None]
            # Ranks that are the units' places (1, 2, 2, 4 …) are checked by the order; ranks that are
            # places among units the table does not hold (1, 2, 3, 37, 78 …) are only bounded by it.
            ctx.ledger.table_checked(table.index, "rank-order", [(i, "rank") for i, _ in ranked],
                                     bound=not _ranks_are_places(ranked))
            # Ranks against figures as written: rounding keeps their order (a written 92,35 is more than a
            # written 92,34, whatever the decimals behind them), so no tolerance hides a swap.
            yield from _rank_findings(table, rows, Decimal(0), stated_rank_basis(report))


def _ranks_are_places(rows: list[tuple[int, ScoreRow]]) -> bool:
    """Whether the ranks are the units' own places by the percent or by the
    total (ties share a place), on a clear majority of the rows."""
    for value in (_by_percent, _by_total):
        pairs = [(r.rank, v) for _, r in rows if (v := value(r)) is not None]
        values = [v for _, v in pairs]
        spans = [(rk, _places(v, values)) for rk, v in pairs]
        holds = sum(1 for rk, (first, last) in spans if first <= rk <= last)
        if pairs and adopted(holds, len(pairs)):
            return True
    return False


def _rank_findings(table: ScoreTable, rows: list[tuple[int, ScoreRow]],
                   tolerance: Decimal, stated: str | None = None) -> Iterator[Finding]:
    with_rank = [(i, r) for i, r in rows if r.rank is not None]
    if with_rank:
        # Ranked by the basis the document states ("xếp hạng theo tỷ lệ"), else by the percent or by the total,
        # whichever the ranks follow better.
        value = {"percent": _by_percent, "points": _by_total}.get(stated or "") or \
            min((_by_percent, _by_total), key=lambda v: len(list(_rank_slips(with_rank, v, tolerance))))
        for i, row, other in _rank_slips(with_rank, value, tolerance):
            message = (f"Xếp hạng {row.rank} với {format_vi(value(row))}{_unit(value, row)} nhưng {other.unit} "
                       f"xếp hạng {other.rank} chỉ có {format_vi(value(other))}{_unit(value, other)}")
            yield finding("RANK_ORDER", "error", message, table, i, row, "rank", Decimal(row.rank), None)
        if _ranks_are_places(with_rank):
            yield from _tied_ranks(table, with_rank, value, {i for i, _, _ in _rank_slips(with_rank, value, tolerance)})
        return
    for (_, prev), (i, row) in zip(rows, rows[1:]):
        if rank_value(row) > rank_value(prev) + tolerance:
            message = (f"Bảng xếp theo thứ tự điểm giảm dần nhưng {row.unit} ({format_vi(rank_value(row))}) "
                       f"đứng sau {prev.unit} ({format_vi(rank_value(prev))})")
            yield finding("RANK_ORDER", "warning", message, table, i, row,
                          "percent" if row.percent is not None else "total", rank_value(row), None)


def _places(v: Decimal, values: list[Decimal]) -> tuple[int, int]:
    """The places a figure may hold among ``values``: after every larger one,
    and through those it ties with."""
    return 1 + sum(1 for x in values if x > v), sum(1 for x in values if x >= v)


def _tied_ranks(table: ScoreTable, rows: list[tuple[int, ScoreRow]], value, reported: set[int]
                ) -> Iterator[Finding]:
    """A rank shared by units of different figures: ties share a place only when
    their figures are equal ("1, 1" for 93,00 and 90,50). Of the two, the unit
    whose rank is not its place among the figures is the slip."""
    values = [v for _, r in rows if (v := value(r)) is not None]
    for i, row in rows:
        v = value(row)
        if i in reported or v is None:
            continue
        first, last = _places(v, values)
        if first <= row.rank <= last:
            continue
        twin = next((r for _, r in rows if r is not row and r.rank == row.rank and value(r) is not None
                     and value(r) != v), None)
        if twin is None:
            continue
        unit = _unit(value, row)
        place = str(first) if first == last else f"{first}–{last}"
        message = (f"{row.unit} xếp hạng {row.rank}, cùng hạng với {twin.unit} ({format_vi(value(twin))}{unit}), "
                   f"nhưng có {format_vi(v)}{unit}: chỉ đồng điểm mới đồng hạng; "
                   f"theo điểm, đơn vị này đứng thứ {place}")
        yield finding("RANK_ORDER", "error", message, table, i, row, "rank", Decimal(row.rank), Decimal(first))


def _by_percent(row: ScoreRow) -> Decimal | None:
    return rank_value(row)


def _unit(value, row: ScoreRow) -> str:
    """What the figure a rank is held to counts: a percent where the row
    writes one and the ranks follow it, else points (a table of totals
    without a percent column is ranked by its points)."""
    return "%" if value is _by_percent and row.percent is not None else " điểm"


def _by_total(row: ScoreRow) -> Decimal | None:
    return row.total if row.total is not None else rank_value(row)


def _rank_slips(rows: list[tuple[int, ScoreRow]], value, tolerance: Decimal):
    """(index, row, a row ranked above it with less) for each row out of order."""
    for i, row in rows:
        if value(row) is None:
            continue
        better = [r for _, r in rows if r.rank < row.rank and value(r) is not None
                  and value(r) < value(row) - tolerance]
        if better:
            yield i, row, max(better, key=lambda r: r.rank)
