"""Counts of units by a band of scores ("Có 11/15 đơn vị có kết quả đạt từ
80% trở lên", "15 xã đạt từ 80 điểm trở lên"; read by read.statements_bands)
held to the table they describe, and the statistics of a passage (mean,
highest, lowest) held to the bands it then counts.

A band count is compared with the rows of each column of that measure (a
percent band with the percent columns, a points band with the points
columns) in the tables of the passage's level: it holds when one column has
that many units in the band (and, given x/y, y units in all). It is an error
only when the binding is plain — the first table after the passage, in its
section, with one column of that measure and y units; otherwise a count that
no column gives stays unchecked.

Statistics and bands: "Chỉ số trung bình … đạt 61,69%; chỉ số cao nhất là
93,10% và thấp nhất là 16,00%. Trong đó:" followed by the counts of each band
of the same units (their x/y adding up to y/y) must agree with them: the
highest figure lies in the highest band that has units, the lowest in the
lowest, and the mean between the least and the most the bands allow (each
unit at the bottom, or at the top, of its band; the highest and the lowest
units at their own figures). This holds whether or not the document has the
table, so the claims are checked even when the table is elsewhere.
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, Stat, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.dates import before_the_period, names_another_period
from ..text.levels import level_at
from .prose_counts import finding_at, sentence_of
from .prose_stat_columns import is_annex, names_column
from .prose_tables import _columns, _groups, _next_table_in_section, _table_paragraph
from .registry import CheckContext, rule


def _bands(report: Report) -> list[Statement]:
    return [st for st in report.statements if st.band is not None and _n(st) is not None]


def _n(st: Statement) -> int | None:
    """How many units a band statement counts (a fraction's numerator)."""
    if st.count is not None:
        return st.count
    return int(st.numerator) if st.numerator is not None else None


def _measure(st: Statement) -> list[Measure]:
    unit = st.band.unit if st.band else None
    return [unit] if unit else [Measure.PERCENT, Measure.POINTS]


def _count_words(st: Statement) -> str | int | None:
    """The count as written ("03"), else as read."""
    return st.count_written if st.count_written is not None else _n(st)


def _band_words(st: Statement) -> str:
    return (st.band.text if st.band else "") or st.text


def _shares_of(report: Report, st: Statement) -> list[Statement]:
    """The share (or fraction) statements that state the same x/y as ``st``."""
    return [o for o in report.statements if o is not st and o.paragraph == st.paragraph
            and ((o.kind == StatementKind.SHARE and o.value == st.numerator and o.whole == st.denominator)
                 or (o.kind == StatementKind.FRACTION and o.numerator == st.numerator
                     and o.denominator == st.denominator))]


@rule("BAND_COUNT_MISMATCH", "Số đơn vị theo khoảng điểm hay tỷ lệ trong văn bản khác số đếm được từ bảng")
def band_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị có kết quả trong một khoảng nêu trong lời văn ("Có 11/15
    đơn vị có kết quả đạt từ 80% trở lên", "15 xã đạt từ 80 điểm trở lên", "5/15 đơn vị
    dưới 50%") so với số dòng của bảng các đơn vị đó có giá trị trong khoảng ấy (cột %
    cho khoảng %, cột điểm cho khoảng điểm). Chỉ báo lỗi khi bảng là bảng ngay sau đoạn
    văn, có một cột loại đó và đúng số đơn vị nêu trong x/y.
    Vì sao: các con số này được đếm tay từ bảng; bảng sửa sau thì số đếm lệch.
    Ví dụ sai: bảng có 4 đơn vị từ 80% trở lên mà văn bản viết "Có 3/5 đơn vị có kết
    quả đạt từ 80% trở lên".
    Ví dụ đúng: "Có 4/5 đơn vị có kết quả đạt từ 80% trở lên"."""
    placed = [(p, t) for t in report.tables for p in [_table_paragraph(report, t)] if p is not None]
    found = {id(st): _candidates(report, st) for st in _bands(report)}
    held = {}  # (paragraph, bound) → the columns a band count of it agrees with
    for st in _bands(report):
        hits = [(id(c[0]), c[1]) for c in found[id(st)][1] if c[4] == _n(st)]
        if hits and _bound(st) is not None:
            held[(st.paragraph, _bound(st))] = hits
    for st in _bands(report):
        whole, candidates = found[id(st)]
        sentence = sentence_of(report, st)
        named = [c for c in candidates if _names_column(st, c, sentence)]
        hits = [c for c in candidates if c[4] == _n(st) and (len(named) != 1 or c is named[0])]
        if hits:
            t, key, _, values, _ = hits[0]
            for s in (st, *_shares_of(report, st)):
                ctx.ledger.statement_checked(s, "band-count-column")
            ctx.ledger.table_checked(t.index, "band-count-column", [(i, key) for i, _ in values])
            continue
        table = _next_table_in_section(report, st, placed) if st.paragraph is not None else None
        own = [c for c in candidates if c[0] is table]
        if len(named) == 1:  # the one column whose own words the count's words name ("tỷ lệ số hóa hồ sơ")
            own = named
        sibling = [c for c in candidates if (id(c[0]), c[1]) in held.get((st.paragraph, _bound(st)), [])]
        by_sibling = len(own) != 1 and bool(sibling) and len({c[4] for c in sibling}) == 1
        if by_sibling:
            own = sibling[:1]  # "06/07 … từ 50% trở lên; 02/07 … dưới 50%": the columns 02/07 agrees with say 5
        annexed = _sole_table_total(report, st, candidates) if len(own) != 1 and table is None else None
        own = [annexed] if annexed else own
        if len(own) != 1 or whole is None \
                or (table is None and not annexed and not by_sibling and not _names_column(st, own[0], sentence)):
            continue  # a count of a quantity no table may hold (a component's index): unchecked
        t, key, label, values, n = own[0]
        for s in (st, *_shares_of(report, st)):
            ctx.ledger.statement_checked(s, "band-count-column")
        ctx.ledger.table_checked(t.index, "band-count-column", [(i, key) for i, _ in values])
        yield finding_at("BAND_COUNT_MISMATCH", "error",
                         f"Văn bản nêu {_count_words(st)} {st.noun if st.noun is not None else 'đơn vị'} "
                         f"{_band_words(st)} nhưng cột “{label}” của bảng {t.index + 1} có {n} đơn vị trong khoảng này",
                         st, table=t.index, column=key, reported=str(_n(st)), expected=str(n))


def _candidates(report: Report, st: Statement) -> tuple[Decimal | None, list[tuple]]:
    """(the whole, the columns a band count may be of: (table, key, header,
    [(row, value)], how many units are in the band)); none of a period
    before the report's unless the count's words name it."""
    whole = st.denominator if st.denominator is not None else _evaluated(report, st)
    context = st.context if st.context is not None else st.text
    level = level_at(context, len(context), st.scope)
    candidates = []
    for t in report.tables:
        for rows, t_level in _groups(t):
            if level and t_level and level != t_level:
                continue
            for measure in _measure(st):
                for key, label, values in _columns(t, measure, rows):
                    if whole is not None and len(values) != whole:
                        continue
                    n = sum(1 for _, v in values if st.band.holds(v))
                    candidates.append((t, key, label, values, n))
    if not names_another_period(st.clause or st.before or "", report.meta.period):
        candidates = [c for c in candidates
                      if not before_the_period(c[2], report.meta.period, [x.label for x in c[0].columns])]
    return whole, candidates


def _bound(st: Statement) -> tuple | None:
    """The bound a band splits its units at, the same for "từ 50% trở lên"
    and "dưới 50%" (two bands of one measure that complete each other)."""
    b = st.band
    if b is None or (b.low is None) == (b.high is None):
        return None
    return (b.unit, b.low if b.low is not None else b.high)


def _sole_table_total(report: Report, st: Statement, candidates: list) -> tuple | None:
    """With no table after the count in its section, the units' own figure
    (their total, or their percent) in the one table that has that many
    units, when the count states its whole ("Có 03/14 cơ quan, đơn vị đạt
    từ 80 điểm trở lên" and the one table of 14 units) or that table is the
    report's annex after its text: the "Tổng điểm", not a component's
    points."""
    if len({id(c[0]) for c in candidates}) != 1 \
            or not (st.denominator is not None or is_annex(report, candidates[0][0])):
        return None
    own = candidates if len(candidates) == 1 else \
        [c for c in candidates if c[1] in ("total", "percent") or _OWN_FIGURE.match(c[2])]
    return own[0] if len(own) == 1 else None


_OWN_FIGURE = re.compile(r"\s*(?:tổng\s+(?:số\s+)?điểm|chỉ\s+số\s+(?:chung|cchc|tổng\s+hợp))(?!\w)", re.I)


def _names_column(st: Statement, candidate: tuple, sentence: str = "") -> bool:
    """Whether the count's words ("xã có tỷ lệ số hóa hồ sơ đạt từ 80%"), in
    its ``sentence``, name a candidate column (:func:`.prose_stat_columns.names_column`)."""
    t, key, label = candidate[:3]
    return names_column(t, key, label, f"{sentence or st.context or ''} {_band_words(st)}")


def _evaluated(report: Report, st: Statement) -> Decimal | None:
    """The number of units the section of ``st`` says were evaluated ("Tổng số
    15 đơn vị được đánh giá"), when it says one: the population a count
    written without its whole ("hai đơn vị đạt từ 90 điểm trở lên") is of."""
    counts = {o.count for o in report.statements if o.kind == StatementKind.EVALUATED_COUNT
              and o.scope == st.scope and o.count is not None and o.paragraph is not None
              and st.paragraph is not None and o.paragraph <= st.paragraph}
    return Decimal(counts.pop()) if len(counts) == 1 else None


# --- statistics against the bands that follow them ------------------------------------------

def _passages(report: Report) -> list[tuple[list[Statement], list[Statement]]]:
    """(statistics, bands) of each passage: the avg/max/min figures of a
    paragraph and the band counts of that paragraph and the few after it
    (until a heading or another statistic), of one whole that they fill."""
    stats_by_par: dict[int, list[Statement]] = defaultdict(list)
    for st in report.statements:
        if st.kind in (StatementKind.PERCENT, StatementKind.SCORE) and st.claim and st.stat \
                and not st.unit and st.paragraph is not None and st.value is not None:
            stats_by_par[st.paragraph].append(st)
    bands = [b for b in _bands(report) if b.paragraph is not None and b.denominator is not None]
    heads = sorted(st.paragraph for st in report.statements
                   if st.kind == StatementKind.SECTION and st.paragraph is not None)
    out = []
    starts = sorted(stats_by_par)
    for k, p in enumerate(starts):
        stop = min([q for q in heads if q > p] + [starts[k + 1] if k + 1 < len(starts) else p + 8] + [p + 8])
        own = [b for b in bands if p <= b.paragraph < stop]
        if not own:
            continue
        whole = own[0].denominator
        own = [b for b in own if b.denominator == whole]
        if sum(_n(b) for b in own) != whole:
            continue  # not the whole split into bands: nothing sure to hold the statistics to
        out.append((stats_by_par[p], own))
    return out


def _range(stats: dict[Stat, Decimal], bands: list[Statement]) -> tuple[Decimal, Decimal] | None:
    """The least and the most total the bands allow with the stated highest and lowest."""
    hi, lo = stats.get(Stat.MAX), stats.get(Stat.MIN)
    low_sum = high_sum = Decimal(0)
    n = 0
    for b in bands:
        low, high = b.band.low, b.band.high
        for _ in range(_n(b)):
            n += 1
            a = low if low is not None else lo
            z = high if high is not None else hi
            if a is None or z is None:
                return None
            low_sum += a
            high_sum += z
    if n == 0:
        return None
    # the highest and the lowest units sit at their own figures, not at an end of their band
    for value, which in ((hi, Stat.MAX), (lo, Stat.MIN)):
        if value is None:
            continue
        band = next((b for b in bands if _n(b) and b.band.holds(value)), None)
        if band is None:
            return None
        low, high = band.band.low, band.band.high
        low_sum += value - (low if low is not None else value)
        high_sum += value - (high if high is not None else value)
    return low_sum / n, high_sum / n


def _top_and_bottom(bands: list[Statement]) -> tuple[Statement, Statement]:
    filled = [b for b in bands if _n(b)]
    order = sorted(filled, key=lambda b: (b.band.low is not None, b.band.low or Decimal(0)))
    return order[-1], order[0]


@rule("STAT_MISMATCH", "Số cao nhất, thấp nhất hay trung bình không khớp số đơn vị theo từng khoảng nêu ngay sau")
def stat_within_bands(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số cao nhất, thấp nhất và trung bình của một đoạn ("chỉ số trung bình
    đạt 61,69%; cao nhất là 93,10% và thấp nhất là 16,00%. Trong đó:") với số đơn vị
    theo từng khoảng nêu ngay sau, khi các khoảng chia đủ tổng số đơn vị (3/15 + 4/15 +
    3/15 + 5/15): số cao nhất phải nằm trong khoảng cao nhất có đơn vị, số thấp nhất
    trong khoảng thấp nhất có đơn vị, số trung bình nằm giữa mức thấp nhất và cao nhất
    mà các khoảng cho phép.
    Vì sao: ba con số và các số đếm được chép từ cùng một bảng; một con số gõ nhầm làm
    chúng mâu thuẫn nhau, dù bảng không kèm theo văn bản.
    Ví dụ sai: "cao nhất là 73,10%" trong khi "Có 3/15 đơn vị có chỉ số đạt từ 80% trở
    lên".
    Ví dụ đúng: "cao nhất là 93,10%" và 3/15 đơn vị từ 80% trở lên."""
    for stats, bands in _passages(report):
        figures: dict[Stat, Decimal] = {}
        units = {b.band.unit for b in bands} - {None}
        stats = [st for st in stats if not units or st.measure in units]
        for st in stats:
            figures.setdefault(st.stat, st.value)
        if len(bands) < 2 and len(figures) < 2:
            continue
        for st in (*stats, *bands):
            ctx.ledger.statement_checked(st, "stat-within-bands")
        top, bottom = _top_and_bottom(bands)
        for st in stats:
            which = st.stat
            problem = None
            if which == Stat.MAX and not _fits_band(st.value, top):
                problem = f"khoảng cao nhất có đơn vị là “{_band_words(top)}”"
            elif which == Stat.MIN and not _fits_band(st.value, bottom):
                problem = f"khoảng thấp nhất có đơn vị là “{_band_words(bottom)}”"
            elif which == Stat.AVG:
                span = _range(figures, bands)
                slack = Decimal(1).scaleb(-places_of(st.value))
                if span and not span[0] - slack <= st.value <= span[1] + slack:
                    problem = (f"các khoảng nêu sau đó chỉ cho phép trung bình từ {format_vi(span[0], 2, fixed=True)} "
                               f"đến {format_vi(span[1], 2, fixed=True)}")
            if problem:
                sign = "%" if st.measure == Measure.PERCENT else ""
                yield finding_at("STAT_MISMATCH", "error",
                                 f"Văn bản nêu số {_WORDS[which]} "
                                 f"{format_vi(st.value, places_of(st.value), fixed=True)}{sign} nhưng {problem}",
                                 st, reported=str(st.value))


_WORDS = {Stat.AVG: "trung bình", Stat.MAX: "cao nhất", Stat.MIN: "thấp nhất"}


def _fits_band(value: Decimal, band: Statement) -> bool:
    low, high = band.band.low, band.band.high
    return (low is None or value >= low) and (high is None or value <= high)  # the top of a band is written rounded
