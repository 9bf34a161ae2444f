"""A ranking given in sentences only (:mod:`reportgen.read.statements_unit_results`):
"Sở Công Thương đạt 87,84 điểm, xếp thứ 1, xếp loại Tốt; …; Cục Thuế tỉnh
đạt 67,21 điểm, xếp thứ 10, xếp loại Trung bình." The clauses are a table
written out: the same relations hold on them as on a table's rows.

- the list is whole when its places run from 1 to no more than its length
  (1, 2, …, 6, 6, 8, …, 10 for ten units);
- a place is held to the points: on a whole list it is one more than the
  number of units with more points (a tie said "đồng hạng" shares it; an
  unsaid tie may be placed either way); on a part of it, a unit placed
  before another with fewer points is a slip between the two;
- a grade is held to the points: in the band of the document's legend in
  points where it states one, else in order (more points, never a lower
  grade);
- the statistics the prose gives of the units ("Điểm trung bình của 10 sở,
  ban, ngành đạt 82,23/100 điểm", "Đứng đầu là … với 94,62 điểm; thấp nhất
  là … với 69,53 điểm") and its counts by grade ("06/10 đơn vị xếp loại
  Tốt") are those of a whole list of as many units.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Stat, Statement, StatementKind
from ..numbers import format_vi, places_of, quantize
from .prose_counts import finding_at
from .registry import CheckContext, rule
from .relations_grade_words import grade_level
from .sheet_legend_grades import holds, near_edge


def _results(report: Report) -> list[Statement]:
    """The units' results the prose lists, one a unit (the first said)."""
    out: dict[str, Statement] = {}
    for st in report.statements:
        if st.kind == StatementKind.RANK and st.unit and st.denominator is None and st.value is not None \
                and st.numerator is not None:
            out.setdefault(st.unit.casefold(), st)
    return list(out.values())


def _whole(results: list[Statement]) -> bool:
    """Whether the places run from 1 to no more than the list's length: every
    unit of the ranking is in the list (a slipped place may leave a gap)."""
    places = [int(st.numerator) for st in results]
    return len(results) >= 3 and min(places) == 1 and max(places) <= len(results)


def _near(st: Statement, results: list[Statement]) -> bool:
    """Whether ``st`` is said of the listed units: under the same heading, or
    within a few paragraphs of the list where no heading is read."""
    scopes = {r.scope for r in results}
    if st.scope is not None and scopes != {None}:
        return st.scope in scopes
    first, last = min(r.paragraph or 0 for r in results), max(r.paragraph or 0 for r in results)
    return st.paragraph is not None and first - 3 <= st.paragraph <= last + 3


def _vi(value: Decimal) -> str:
    return format_vi(value, places_of(value), fixed=True)


@rule("RANK_MISMATCH", "Thứ hạng các đơn vị nêu trong lời văn khác thứ tự điểm lời văn nêu")
def prose_ranks_follow_points(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khi lời văn kể kết quả từng đơn vị ("Sở Y tế đạt 77,21 điểm, xếp
    thứ 6, xếp loại Khá; …"), thứ hạng của mỗi đơn vị bằng 1 cộng số đơn vị có điểm cao
    hơn (danh sách đủ từ hạng 1 đến hạng cuối; đơn vị bằng điểm ghi "đồng hạng" thì cùng
    hạng); danh sách không đủ thì đơn vị xếp trên không có điểm thấp hơn đơn vị xếp dưới.
    Vì sao: văn bản không có bảng thì câu văn là bảng; sửa điểm hay hạng một đơn vị mà
    quên sửa chỗ khác làm thứ hạng sai.
    Ví dụ sai: "Sở Y tế đạt 77,21 điểm, xếp thứ 8" khi chỉ 5 đơn vị có điểm cao hơn.
    Ví dụ đúng: "Sở Y tế đạt 77,21 điểm, xếp thứ 6"."""
    results = _results(report)
    if len(results) < 3:
        return
    whole = _whole(results)
    for st in results:
        points, place = st.value, int(st.numerator)
        above = sum(1 for o in results if o.value > points)
        level = sum(1 for o in results if o.value >= points)
        if whole:
            ctx.ledger.statement_checked(st, "prose-ranks-follow-points")
            tied = st.context == "đồng hạng"
            if (place == above + 1) if tied else (above + 1 <= place <= level):
                continue
            should = str(above + 1) if tied or level == above + 1 else f"từ {above + 1} đến {level}"
            yield finding_at("RANK_MISMATCH", "error",
                             f"{st.unit} đạt {_vi(points)} điểm, xếp thứ {place}, nhưng {above} đơn vị lời văn kể "
                             f"có điểm cao hơn: đơn vị đứng thứ {should}", st, unit=st.unit, column="rank",
                             reported=str(place), expected=str(above + 1))
            continue
        for o in results:  # a part of the ranking: a unit placed before one with more points
            if int(o.numerator) > place and o.value > points:
                yield finding_at("RANK_MISMATCH", "warning",
                                 f"{st.unit} đạt {_vi(points)} điểm, xếp thứ {place}, đứng trên {o.unit} "
                                 f"({_vi(o.value)} điểm, xếp thứ {int(o.numerator)})", st, unit=st.unit,
                                 column="rank", reported=str(place))
                break


@rule("GRADE_BAND_MISMATCH", "Xếp loại các đơn vị nêu trong lời văn khác điểm lời văn nêu")
def prose_grades_follow_points(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: xếp loại từng đơn vị lời văn kể ("… đạt 87,09 điểm, xếp thứ 2, xếp
    loại Tốt") nằm trong khung điểm văn bản nêu cho loại ấy; văn bản không nêu khung thì
    đơn vị điểm cao hơn không xếp loại thấp hơn đơn vị điểm thấp hơn.
    Vì sao: xếp loại hay được chép từ kỳ trước hoặc sửa riêng một chỗ.
    Ví dụ sai: "Sở A đạt 87,09 điểm, xếp loại Khá" trong khi "Sở B đạt 83,14 điểm, xếp
    loại Tốt".
    Ví dụ đúng: Sở A xếp loại Tốt."""
    results = [st for st in _results(report) if st.grade_written and grade_level(st.grade_written)]
    if len(results) < 2:
        return
    bands = [b for b in report.grade_legend if b.unit in (None, "points")]
    named = {b.grade for b in bands}
    if bands and all(st.grade_written in named for st in results):
        for st in results:
            ctx.ledger.statement_checked(st, "prose-grades-follow-points")
            own = [b for b in bands if b.grade == st.grade_written]
            if len(own) != 1 or holds(own[0], st.value):
                continue
            right = [b.grade for b in bands if holds(b, st.value)]
            yield finding_at("GRADE_BAND_MISMATCH", "warning" if near_edge(own[0], st.value) else "error",
                             f"{st.unit} đạt {_vi(st.value)} điểm, xếp loại {st.grade_written}, nhưng khung xếp "
                             f"loại văn bản nêu cho loại {st.grade_written} là “{own[0].text}”; {_vi(st.value)} điểm "
                             f"thuộc loại {', '.join(right) or 'không loại nào'}", st, unit=st.unit, column="grade",
                             reported=st.grade_written, expected=right[0] if len(right) == 1 else None)
        return
    for st in results:
        level = grade_level(st.grade_written)[0]
        below = [o for o in results if o.value < st.value and grade_level(o.grade_written)[0] > level]
        if not below:
            continue
        o = max(below, key=lambda x: x.value)
        yield finding_at("GRADE_BAND_MISMATCH", "error",
                         f"{st.unit} đạt {_vi(st.value)} điểm mà xếp loại {st.grade_written}, thấp hơn {o.unit} "
                         f"({_vi(o.value)} điểm, xếp loại {o.grade_written}): đơn vị điểm cao hơn không thể xếp "
                         "loại thấp hơn", st, unit=st.unit, column="grade", reported=st.grade_written)


@rule("STAT_MISMATCH", "Điểm trung bình, cao nhất, thấp nhất khác kết quả từng đơn vị lời văn kể")
def prose_stats_of_results(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khi lời văn kể đủ kết quả từng đơn vị (hạng 1 đến hạng cuối), điểm
    trung bình, cao nhất, thấp nhất lời văn nêu là của các điểm ấy (làm tròn như lời văn
    viết).
    Vì sao: phần tóm tắt và phần kể chi tiết của thông báo được viết riêng.
    Ví dụ sai: 10 đơn vị kể ra có trung bình 82,23 điểm mà văn bản viết 81,73.
    Ví dụ đúng: "Điểm trung bình của 10 sở, ban, ngành đạt 82,23/100 điểm"."""
    results = _results(report)
    if not _whole(results):
        return
    n = len(results)
    values = [st.value for st in results]
    expected = {Stat.AVG: sum(values) / n, Stat.MAX: max(values), Stat.MIN: min(values)}
    for st in report.statements:
        value = st.numerator if st.numerator is not None else st.value
        # a highest or lowest said out of its maximum ("95/100 điểm") is no unit's points as listed
        if st.kind != StatementKind.SCORE or st.stat not in expected or value is None or not _near(st, results) \
                or (st.denominator is not None and st.stat != Stat.AVG):
            continue
        ctx.ledger.statement_checked(st, "prose-stats-of-results")
        want = quantize(expected[st.stat], places_of(value))
        if want == value or (st.stat == Stat.AVG and abs(expected[st.stat] - value) <= Decimal("0.005")):
            continue
        what = {Stat.AVG: "trung bình", Stat.MAX: "cao nhất", Stat.MIN: "thấp nhất"}[st.stat]
        yield finding_at("STAT_MISMATCH", "error",
                         f"Văn bản nêu điểm {what} {_vi(value)} nhưng điểm {what} của {n} đơn vị lời văn kể "
                         f"là {_vi(want)}", st, reported=str(value), expected=str(want))


@rule("GRADE_COUNT_MISMATCH", "Số đơn vị theo xếp loại khác kết quả từng đơn vị lời văn kể")
def prose_grade_counts_of_results(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khi lời văn kể đủ kết quả từng đơn vị kèm xếp loại, số đơn vị theo
    từng xếp loại ("06/10 đơn vị xếp loại Tốt") bằng số đơn vị lời văn kể có xếp loại
    ấy, khi số đếm ghi trên tổng số bằng số đơn vị được kể, cùng mục với danh sách.
    Vì sao: dòng "Tổng hợp chung" được đếm riêng, sửa một xếp loại mà quên đếm lại.
    Ví dụ sai: 6 đơn vị kể ra xếp loại Tốt mà văn bản viết "05/10 đơn vị xếp loại Tốt".
    Ví dụ đúng: "06/10 đơn vị xếp loại Tốt"."""
    results = _results(report)
    if not _whole(results) or not all(r.grade_written for r in results):
        return
    n = len(results)
    for st in report.statements:
        if st.kind == StatementKind.GRADE_COUNT and st.count is not None and st.grade \
                and st.denominator == n and _near(st, results):
            have = sum(1 for r in results if r.grade_written == st.grade)
            ctx.ledger.statement_checked(st, "prose-grade-counts-of-results")
            if have != st.count:
                yield finding_at("GRADE_COUNT_MISMATCH", "error",
                                 f"Văn bản nêu {st.count:02d} đơn vị xếp loại {st.grade} nhưng trong {n} đơn vị "
                                 f"lời văn kể có {have:02d} đơn vị xếp loại {st.grade}", st,
                                 reported=str(st.count), expected=str(have))
