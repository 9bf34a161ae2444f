"""A statistic of the prose held to the table it describes: "Chỉ số trung
bình của các sở, ban, ngành đạt 84,38%; chỉ số cao nhất là 95,27% và thấp
nhất là 56,49%" against the column of percents of the table of those units.

The column is one whose header states the measure (a percent: "%", "Tỷ lệ",
"Chỉ số"; points: "Điểm" but not the maximum), in a table of the same level
(cấp tỉnh / cấp xã, from its title or its units). The statistic is computed
over the unit rows (summary rows such as "Chỉ số cao nhất" left out) and
compared as written: rounded or truncated to the places the prose gives, and
an average within one unit of its last place (an average of rounded figures).
A figure that matches a column is checked. A figure that matches none is an
error only when the binding is plain: the first table after the claim, in
the same section, with exactly one column of that measure; else it stays
unchecked (the coverage says so).
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, ScoreTable, Stat, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.levels import level_at
from ..text.names import name_key, units_across
from .prose_counts import finding_at, sentence_of
from .prose_rows import section_named
from .prose_stat_columns import (
    _SUMMARY_ROW,
    _column_max,
    _named_columns,
    _of_stated_count,
    _sole_column,
    _units_unread,
    names_column,
)
from .registry import CheckContext, rule

_PERCENT_HEAD = re.compile(r"%|tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số", re.I)
_POINTS_HEAD = re.compile(r"điểm", re.I)
_NOT_VALUE_HEAD = re.compile(r"tối\s+đa|chuẩn|thứ\s+hạng|xếp\s+hạng|xếp\s+loại", re.I)
_UNIT_LEVEL = (("xã", re.compile(r"^(?:UBND\s+)?(?:xã|phường|đặc\s+khu|thị\s+trấn)\b", re.I)),
               ("huyện", re.compile(r"^(?:UBND\s+)?(?:huyện|quận|thị\s+xã)\b", re.I)),
               ("tỉnh", re.compile(r"^(?:Sở|Ban|Văn\s+phòng|Thanh\s+tra|Bộ\s+Chỉ\s+huy)\b", re.I)))
_STAT_WORDS = {Stat.AVG: "trung bình", Stat.MAX: "cao nhất", Stat.MIN: "thấp nhất"}


def _columns(table: ScoreTable, measure: Measure, rows: set[int] | None = None
             ) -> list[tuple[str, str, list[tuple[int, Decimal]]]]:
    """(key, header, [(row, value)]) of the columns of ``table`` holding ``measure``."""
    head = _PERCENT_HEAD if measure == Measure.PERCENT else _POINTS_HEAD
    out = []
    units = [(i, r) for i, r in enumerate(table.rows) if r.unit and not _SUMMARY_ROW.search(r.unit)
             and (rows is None or i in rows)]
    for col in table.columns:
        label = col.label or ""
        bare = re.sub(r"\([^()]*\)", " ", label)  # "Điểm đạt được (điểm chuẩn tối đa: 15đ)"
        if not head.search(label) or _NOT_VALUE_HEAD.search(bare):
            continue
        if measure == Measure.POINTS and _PERCENT_HEAD.search(label) and not re.search(r"điểm", label, re.I):
            continue
        values = [(i, r.scores.get(col.key)) for i, r in units]
        values = [(i, v) for i, v in values if isinstance(v, Decimal)]
        if len(values) >= 2:
            out.append((col.key, label, values))
    if measure == Measure.PERCENT and not out:
        values = [(i, r.percent) for i, r in units if r.percent is not None]
        if len(values) >= 2:
            out.append(("percent", "Tỷ lệ (%)", values))
    if measure == Measure.POINTS and not any(k == "total" for k, _, _ in out):
        values = [(i, r.total) for i, r in units if r.total is not None]
        if len(values) >= 2:
            out.append(("total", "Tổng điểm", values))
    return out


def _units_across(table: ScoreTable) -> bool:
    """Whether the units of ``table`` are its columns ("Nội dung | Sở Y tế |
    Sở Tư pháp | … | Trung bình")."""
    return units_across([c.label for c in table.columns], [r.unit for r in table.rows])


def _stat(stat: Stat, values: list[Decimal]) -> Decimal:
    if stat == Stat.MAX:
        return max(values)
    if stat == Stat.MIN:
        return min(values)
    return sum(values, Decimal(0)) / len(values)


def _agrees(stat: Stat, written: Decimal, exact: Decimal, column_places: int | None = None) -> bool:
    """Whether ``written`` is the statistic ``exact``, rounded or cut as
    written. A column written with fewer places than the prose ("72,0" in a
    column, "thấp nhất 72,01%" in the prose, quoting the figure before it was
    rounded) holds the prose's figure rounded to its places, and a mean of it
    is off the true mean by half a unit of its last place at most."""
    places = places_of(written)
    if exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) == written:
        return True
    if exact.quantize(Decimal(1).scaleb(-places), ROUND_DOWN) == written:
        return True
    if column_places is not None and column_places < places:
        if stat != Stat.AVG:
            return written.quantize(Decimal(1).scaleb(-column_places), ROUND_HALF_UP) == exact
        return abs(exact - written) <= Decimal(1).scaleb(-column_places) / 2 + Decimal(1).scaleb(-places)
    return stat == Stat.AVG and abs(exact - written) <= Decimal(1).scaleb(-places)


def _fits_column(stat: Stat, written: Decimal, values: list[tuple[int, Decimal]]) -> bool:
    """Whether ``written`` is the statistic of a column's ``values``."""
    figures = [v for _, v in values]
    return _agrees(stat, written, _stat(stat, figures), max(places_of(v) for v in figures))


def _table_level(table: ScoreTable) -> str | None:
    return level_at(table.title or "", len(table.title or "")) or _rows_level(table.rows)


def _groups(table: ScoreTable) -> list[tuple[set[int] | None, str | None]]:
    """The row groups a passage may describe: the whole table, and each of its
    sections when it has several ("I. Các cơ quan", "II. Các xã"), with their level."""
    out: list[tuple[set[int] | None, str | None]] = [(None, _table_level(table))]
    sections: dict[str | None, set[int]] = {}
    for i, r in enumerate(table.rows):
        sections.setdefault(r.section_title or r.section, set()).add(i)
    if len(sections) >= 2:
        for title, rows in sections.items():
            level = level_at(title or "", len(title or "")) or _rows_level([table.rows[i] for i in rows])
            out.append((rows, level))
    return out


def _rows_level(rows) -> str | None:
    votes: dict[str, int] = {}
    for r in rows:
        for name, pattern in _UNIT_LEVEL:
            if r.unit and pattern.search(r.unit):
                votes[name] = votes.get(name, 0) + 1
    if not votes:
        return None
    best = max(votes, key=votes.get)
    return best if votes[best] * 2 > len(rows) else None


def _table_paragraph(report: Report, table: ScoreTable) -> int | None:
    """The paragraph that opens the table (its title), to place it in the prose."""
    title = " ".join((table.title or "").split())
    if len(title) < 10:
        return None
    for p in report.paragraphs:
        text = " ".join(p.text.split())
        if text and (text == title or title.startswith(text[:80]) or text.startswith(title[:80])):
            return p.index
    return None


def _next_table_in_section(report: Report, st: Statement, placed: list[tuple[int, ScoreTable]]) -> ScoreTable | None:
    after = [(p, t) for p, t in placed if st.paragraph is not None and p >= st.paragraph]
    if not after:
        return None
    p, table = min(after, key=lambda x: x[0])
    heads = [s for s in report.statements if s.kind == StatementKind.SECTION and s.paragraph is not None
             and st.paragraph < s.paragraph <= p]
    return None if heads else table


def _named_figure(st: Statement, table: ScoreTable, col, values, rows: set[int] | None = None) -> Decimal | None:
    """The figure a percent of the prose gives for a named column: its
    statistic as a share of the column's maximum ("bình quân đạt 63,83% số điểm
    tối đa"), or its share of the points lost in the table ("chiếm 35,52% tổng
    số điểm bị trừ")."""
    stated = re.search(r"tối\s+đa\s*:?\s*(\d+(?:,\d+)?)\s*(?:điểm|đ)\b", st.clause or "", re.I)
    top = Decimal(stated.group(1).replace(",", ".")) if stated else col.max
    if st.of_max and top and st.stat in _STAT_WORDS:
        return _stat(st.stat, [v for _, v in values]) / top * 100
    if st.lost:
        group = [r for i, r in enumerate(table.rows) if r.unit and (rows is None or i in rows)]
        lost = {c.key: sum((c.max - r.scores[c.key] for r in group if c.max is not None
                            and isinstance(r.scores.get(c.key), Decimal)), Decimal(0)) for c in table.columns}
        total = sum(lost.values(), Decimal(0))
        return lost[col.key] / total * 100 if total else None
    return None


@rule("STAT_MISMATCH", "Tỷ lệ trên điểm tối đa hay trên số điểm bị trừ của một chỉ số khác số tính từ bảng")
def named_column_figure(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ trong lời văn về một chỉ số mà tiêu đề cột của bảng điểm
    nêu tên ("DVC trực tuyến … bình quân đạt 63,83% số điểm tối đa", "… chiếm 35,52%
    tổng số điểm bị trừ") so với số tính từ cột đó (trung bình trên điểm tối đa của cột;
    điểm bị trừ của cột trên tổng điểm bị trừ của bảng).
    Vì sao: phần tồn tại, hạn chế thường trích các tỷ lệ này; bảng sửa sau thì lời văn
    sai theo.
    Ví dụ sai: cột "Thanh toán trực tuyến" (tối đa 10) có trung bình 5,638 mà văn bản
    ghi "bình quân đạt 65,38% số điểm tối đa".
    Ví dụ đúng: "bình quân đạt 56,38% số điểm tối đa"."""
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or not (st.of_max or st.lost):
            continue
        found = []
        for t, rows in _groups_of_level(report, st):
            for col, values in _named_columns(t, st.clause or "", rows):
                exact = _named_figure(st, t, col, values, rows)
                if exact is not None:
                    found.append((t, col, values, exact))
        if len({id(x[0]) for x in found}) == 1 and len(found) > 1:
            # one table: the group the passage names is the one whose figure fits, else the sections
            fitting = [x for x in found if _agrees(Stat.AVG, st.value, x[3])]
            found = fitting or [x for x in found if len(x[2]) < max(len(y[2]) for y in found)] or found
        if not found:
            continue
        for t, col, values, _ in found:
            ctx.ledger.table_checked(t.index, "named-column-figure", [(i, col.key) for i, _ in values])
        ctx.ledger.statement_checked(st, "named-column-figure")
        if any(_agrees(Stat.AVG, st.value, exact) for *_, exact in found):
            continue
        t, col, values, exact = found[0]
        places = max(places_of(st.value), 2)
        sure = len(found) == 1
        yield finding_at("STAT_MISMATCH", "error" if sure else "warning",
                         f"Văn bản nêu {_as_written(st.value)}% cho “{col.label}” nhưng bảng {t.index + 1} cho "
                         f"{format_vi(exact, places, fixed=True)}%", st, table=t.index, column=col.key,
                         reported=str(st.value),
                         expected=str(exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)))


def _stat_candidates(report: Report, st: Statement) -> tuple[list, list]:
    """The columns a statistic of the prose may be of (of its measure, in
    the tables of its level; of points, those the words name), and of them
    the named ones whose maximum is the one the prose writes ("Nhóm Số hóa hồ
    sơ có điểm trung bình 18,38/22 điểm")."""
    candidates, named_max = [], []
    for t, rows in _groups_of_level(report, st):
        for key, label, values in _columns(t, st.measure, rows):
            candidates.append((t, key, label, values))
        if st.measure == Measure.POINTS:  # "DVCTT - Chỉ số 2 …: thấp nhất 0 điểm": the column it names
            named = _named_columns(t, st.clause or "", rows) or _named_columns(t, st.before or "", rows)
            for col, values in named:
                candidates.append((t, col.key, col.label, values))
                if st.denominator and _column_max(t, col.key) == st.denominator:
                    named_max.append(candidates[-1])
    return candidates, named_max


def _groups_of_level(report: Report, st: Statement) -> Iterator[tuple[ScoreTable, set[int] | None]]:
    """(table, rows) of each group of units of the statement's level ("cấp
    xã") a statistic may be of; never a table whose units are its columns
    (its rows are periods or measures, "Điểm quý II", "Chênh lệch")."""
    level = st.tier or None
    for t in report.tables:
        if _units_across(t):
            continue
        named = section_named(t, st.clause or "")
        if named is not None:  # "2. Khối Xã: điểm trung bình đạt 74,9 điểm" of the table's "B. KHỐI XÃ"
            yield t, named
            continue
        groups = _groups(t)
        # a table of several levels' sections ("A. CÁC SỞ …", "B. UBND CẤP XÃ"): a level's statistic is its
        # section's, never the whole table's
        own = [(rows, t_level) for rows, t_level in groups if rows is not None and level and t_level == level]
        for rows, t_level in own or groups:
            if not (level and t_level and level != t_level):
                yield t, rows


# A percent's column says so outside its brackets ("Tỷ lệ trực tuyến (%)"); "DVC trực tuyến (Chỉ số 6-11)" holds
# points of the indicators its bracket numbers.
_RATE_OUTSIDE = re.compile(r"%|(?<!\w)(?:tỷ|tỉ)\s+lệ(?!\w)", re.I)
@rule("STAT_MISMATCH", "Số trung bình, cao nhất hay thấp nhất nêu trong văn bản khác số tính từ bảng")
def stat_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một số trung bình, cao nhất hay thấp nhất nêu trong lời văn ("chỉ số
    trung bình đạt 84,38%", "điểm cao nhất 91,5 điểm") so với số tính từ cột của bảng
    các đơn vị mà đoạn văn nói tới (cột có tiêu đề nêu đại lượng đó: %, tỷ lệ, chỉ số,
    điểm), làm tròn như văn bản viết.
    Vì sao: khi bảng được sửa sau, con số tóm tắt trong lời văn hay bị bỏ quên.
    Ví dụ sai: bảng có các chỉ số 95,27%; 84,00%; 56,49% mà văn bản ghi "chỉ số trung
    bình đạt 80,25%".
    Ví dụ đúng: "chỉ số trung bình đạt 78,59%" (trung bình của cột)."""
    placed = [(p, t) for t in report.tables for p in [_table_paragraph(report, t)] if p is not None]
    for st in report.statements:
        stat, measure = st.stat, st.measure
        if not st.claim or stat not in _STAT_WORDS or measure not in (Measure.PERCENT, Measure.POINTS) \
                or st.value is None:
            continue
        candidates, named_max = _stat_candidates(report, st)
        if (number := _INDICATOR_NUMBER.search(st.clause or "")) is not None:
            # "Tỷ lệ trung bình của chỉ số 4.7 …": a column of that indicator only, never the table's overall rate
            said = number.group(1)
            candidates = [c for c in candidates if re.search(rf"(?<![\d.,]){re.escape(said)}(?![\d.,]\d)", c[2])]
            named_max = [c for c in named_max if c in candidates]
        if not candidates:
            continue
        hits = [c for c in candidates if _fits_column(stat, st.value, c[3])] or _units_own(report, st, candidates)
        if hits:
            ctx.ledger.statement_checked(st, "stat-of-column")
            t, key, _, values = hits[0]
            ctx.ledger.table_checked(t.index, "stat-of-column", [(i, key) for i, _ in values])
            continue
        table = _next_table_in_section(report, st, placed)
        own = [c for c in candidates if c[0] is table] if table is not None else _of_stated_count(st, candidates)
        if len(own) > 1 and st.denominator:  # "75,59/100 điểm": the column out of 100
            own = [c for c in own if _column_max(c[0], c[1]) == st.denominator]
        if len(own) != 1 and len({(id(c[0]), c[1]) for c in named_max}) == 1:
            own = named_max[:1]  # the one column the words name, out of the maximum the prose writes
        if len(own) != 1:  # "Đơn vị có tỷ lệ hồ sơ trực tuyến cao nhất là …": the one column its words name
            named = [c for c in candidates if names_column(c[0], c[1], c[2], sentence_of(report, st))
                     and (measure != Measure.PERCENT or _RATE_OUTSIDE.search(re.sub(r"\([^()]*\)", " ", c[2])))]
            own = named if len(named) == 1 else own
        if len(own) != 1:
            own = _sole_column(report, st, candidates, placed)
        sure = True
        if len(own) != 1:  # "Điểm trung bình đạt 75,95 điểm; cao nhất … (83,88 điểm), thấp nhất … (66,19 điểm)"
            own, agreeing = _column_of_siblings(report, st, candidates)
            sure = agreeing >= 2
        if len(own) != 1:
            continue
        t, key, label, values = own[0]
        unread = _units_unread(t, key, values)  # a unit whose figure was not read: the statistic in doubt
        sure = sure and not unread
        exact = _stat(stat, [v for _, v in values])
        places = max(places_of(st.value), 2)
        ctx.ledger.statement_checked(st, "stat-of-column")
        ctx.ledger.table_checked(t.index, "stat-of-column", [(i, key) for i, _ in values])
        sign = "%" if measure == Measure.PERCENT else ""
        yield finding_at("STAT_MISMATCH", "error" if sure else "warning",
                         f"Văn bản nêu số {_STAT_WORDS[stat]} {_as_written(st.value)}{sign} nhưng cột “{label}” của "
                         f"bảng {t.index + 1} ({len(values)} đơn vị) cho "
                         f"{format_vi(exact, places, fixed=True)}{sign}"
                         + (f" ({len(unread)} đơn vị không đọc được số ở cột này: {'; '.join(unread[:3])}; cần đối "
                            "chiếu)" if unread else ""), st,
                         table=t.index, column=key, reported=str(st.value),
                         expected=str(exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)))


def _units_own(report: Report, st: Statement, candidates: list) -> list:
    """The column in which the unit the claim names holds the figure ("Sở
    Công Thương dẫn đầu với 69,82 điểm": first by the ranked percent, with
    69,82 points of its own, not the column's highest): the claim is that
    unit's figure, and it agrees — when the unit is first (last) by one of
    the columns: a unit named the highest with its own figure while another
    stands above it in every column is a slip of the name. A unit said to
    have the highest (lowest) figure — "cao nhất", "thấp nhất" — must stand
    out in a column of the figure's own measure: 96,15% that is first only
    by the points is not the highest percent."""
    if not st.unit:
        return []
    key = name_key(st.unit)
    # "có chỉ số cao nhất là X (96,15%)" says the highest figure of its own measure; "dẫn đầu với 69,82 điểm"
    # the first place, which the ranked column (a percent) may give
    measures = (st.measure,) if _EXTREME.search(st.clause or "") and st.measure else (Measure.PERCENT, Measure.POINTS)
    out = []
    for t, col, label, values in candidates:
        own = [(i, v) for i, v in values if v == st.value and name_key(t.rows[i].unit or "") == key]
        columns = [[(i, v) for i, v in vals if not _MAXIMUM_ROW.match(t.rows[i].unit or "")]
                   for vals in [vals for m in measures for *_, vals in _columns(t, m)] + [values]]
        if own and any(_stands_out(st.stat, vals, own[0][0]) for vals in columns):
            out.append((t, col, label, own))  # the unit's cell alone is what the claim checks
    return out


_INDICATOR_NUMBER = re.compile(r"(?<!\w)(?:chỉ\s+số|chỉ\s+tiêu|tiêu\s+chí)\s+(\d{1,2}(?:\.\d{1,2})+)(?![\d.,]\d)", re.I)
_EXTREME = re.compile(r"(?<!\w)(?:cao|thấp|lớn|nhỏ)\s+nhất(?!\w)", re.I)
# A row of maxima among the units of a sheet turned on its side ("Max", "Điểm tối đa"): no unit to stand above.
_MAXIMUM_ROW = re.compile(r"^\s*(?:max|tối\s*đa|điểm\s*tối\s*đa|điểm\s*chuẩn)", re.I)


def _stands_out(stat: Stat, values: list[tuple[int, Decimal]], row: int) -> bool:
    """Whether the unit of ``row`` holds the column's extreme the statistic names (its mean: any)."""
    mine = next((v for i, v in values if i == row), None)
    if mine is None or stat == Stat.AVG or not values:
        return mine is not None
    return mine == (max(v for _, v in values) if stat == Stat.MAX else min(v for _, v in values))


def _column_of_siblings(report: Report, st: Statement, candidates: list) -> tuple[list, int]:
    """The one column the other statistics of the claim's paragraph are of
    (its mean, maximum, minimum: a sentence's statistics are of one column),
    with how many of them agree with it; a statistic that fits no column (a
    figure misread) says nothing. ([], 0) when they point to no single column."""
    common: set | None = None
    agreeing = 0
    for s in report.statements:
        if s is st or s.paragraph != st.paragraph or not s.claim or s.stat not in _STAT_WORDS \
                or s.measure != st.measure or s.value is None:
            continue
        keys = {(id(c[0]), c[1]) for c in candidates if _fits_column(s.stat, s.value, c[3])}
        if keys:
            common = keys if common is None else common & keys
            agreeing += 1
    if not common or len(common) != 1:
        return [], 0
    return [c for c in candidates if (id(c[0]), c[1]) in common][:1], agreeing


def _as_written(value: Decimal) -> str:
    """A figure of the prose with the places it was written with ("65,00")."""
    return format_vi(value, places_of(value), fixed=True)
