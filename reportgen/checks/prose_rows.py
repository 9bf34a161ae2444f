"""Which rows of the tables a passage of prose talks about: the rows of
the units it names, else the one graded table (or group of its rows) with as
many units as its counts' common denominator, else the table or section its
heading names, else the document's only graded table; and the claims of one
population (a heading's counts, split when a grade is counted twice)."""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..model import Report, ScoreRow, ScoreTable, Statement, StatementKind, TableKind
from ..model.vocabulary import LETTER_GRADES, OFFICIAL_GRADES, PASS_FAIL_GRADES, TASK_GRADE
from ..numbers import places_of, quantize
from ..schemes import all_schemes
from ..text.labels import is_area_whole, is_subtotal, stat_of
from ..text.names import match_units, name_key
from .relations_frame import ColKind
from .relations_grade_words import grade_level
from .relations_support import MIN_ROWS, frames

RowRef = tuple[int, int, ScoreRow]  # (table index, row index, row)


@lru_cache(maxsize=1)
def band_names() -> frozenset[str]:
    """Every grade band of every scheme, and an official's grades of TT
    01/2018 ("Hoàn thành 100% nhiệm vụ"): the grades a score table carries."""
    return frozenset(band.name for scheme in all_schemes().values() for band in scheme.grades) | {
        *OFFICIAL_GRADES, TASK_GRADE, *PASS_FAIL_GRADES, *LETTER_GRADES}


def all_rows(report: Report) -> list[RowRef]:
    return [(t.index, i, r) for t in report.tables for i, r in enumerate(t.rows) if r.unit]


def group_by_units(report: Report, units: Sequence[str]) -> tuple[list[RowRef], dict[str, RowRef | None]]:
    """The rows of the table sections that hold the named units, and each
    name's row."""
    rows = [r for r in all_rows(report) if r[2].grade]
    names = [r[2].unit for r in rows]
    by_unit: dict[str, RowRef | None] = {}
    keys: set[tuple[int, str | None]] = set()
    for unit in dict.fromkeys(units):  # a name listed under two grades is looked up once
        m = match_units([unit], names)[0]
        ref = next((r for r in rows if r[2].unit == m.candidate), None) if m.candidate else None
        by_unit[unit] = ref
        if ref:
            keys.add((ref[0], ref[2].section))
    group = [r for r in rows if (r[0], r[2].section) in keys]
    return group, by_unit


def group_by_title(report: Report, scope: str | None) -> list[RowRef]:
    """Rows of the one table or section whose title contains the heading's words."""
    if not scope:
        return []
    title = re.sub(r"^\s*[\dIVXLC.]+\s*[.)]?\s*", "", scope.split(" › ")[-1]).rstrip(" :.")
    key = name_key(title)
    if len(key) < 8:
        return []
    hits: list[list[RowRef]] = []
    for t in report.tables:
        rows = [(t.index, i, r) for i, r in enumerate(t.rows) if r.grade]
        if not rows:
            continue
        sections: dict[str | None, list[RowRef]] = defaultdict(list)
        for ref in rows:
            sections[ref[2].section_title].append(ref)
        inner = [g for st, g in sections.items() if st and key in name_key(st)]
        if inner:
            hits.extend(inner)
        elif key in name_key(t.title or ""):
            hits.append(rows)
    return hits[0] if len(hits) == 1 else []


def scopes(report: Report) -> dict[object, list[Statement]]:
    """Count claims that describe one population: those under one heading,
    split by paragraph (and by denominator) when a grade is claimed twice
    there ("cấp sở … 07 Xuất sắc …; cấp xã … 123 Xuất sắc")."""
    by_scope: dict[str | None, list[Statement]] = defaultdict(list)
    for st in report.statements:
        if st.kind in (StatementKind.GRADE_COUNT, StatementKind.EVALUATED_COUNT):
            by_scope[st.scope].append(st)
    out: dict[object, list[Statement]] = {}
    for scope, sts in by_scope.items():
        grades = [st.grade for st in sts if st.kind == StatementKind.GRADE_COUNT]
        if len(grades) == len(set(grades)):
            out[scope] = sts
            continue
        split: dict[object, list[Statement]] = defaultdict(list)
        for st in sts:
            split[(scope, st.paragraph, st.denominator)].append(st)
        for key, group in split.items():
            if any(st.kind == StatementKind.GRADE_COUNT for st in group):
                out[key] = group
    return out


def scope_group(report: Report, statements: list[Statement]) -> tuple[list[RowRef], bool]:
    """The rows a scope's counts describe, and whether they are sure: the
    named units' rows (sure), else the one graded table (or group of its
    rows) with as many units as the counts' denominator (sure: "x/15 đơn vị"
    and 15 graded units), else the table the heading names, else the
    document's only table whose unit rows carry a grade."""
    units = [u for st in statements if st.kind == StatementKind.GRADE_COUNT for u in st.units]
    if units:
        group, _ = group_by_units(report, units)
        if group:
            return group, True
    group = graded_table_of(report, statements)  # "x/12 cơ quan" of the one table of 12 graded units: sure
    if group:
        return group, True
    scope = statements[0].scope if statements else None
    group = group_by_title(report, scope) or sole_graded_table(report, statements)
    return group, bool(group) and len(group) == stated_whole(statements)  # "01/12 đơn vị" of 12 rows: sure


def stated_whole(statements: list[Statement]) -> int | None:
    """The one denominator the counts state ("01/12 đơn vị …; 10 đơn vị …"
    count units of the same 12), else the one count of units evaluated they
    are of ("trong 7 xã, phường được đánh giá có 03 đơn vị xếp loại Xuất
    sắc; …"), or None when they state none or several."""
    dens = {st.denominator for st in unit_grades(statements)} - {None}
    if not dens:
        dens = {Decimal(st.count) for st in statements if st.kind == StatementKind.EVALUATED_COUNT
                and st.count is not None and st.denominator is None}
    return next(iter(dens)) if len(dens) == 1 else None


def sole_graded_table(report: Report, statements: list[Statement]) -> list[RowRef]:
    """The unit rows of the report's only table that grades its units (every
    unit row has a grade), when the counts are of that table's units: they
    add up to its number of rows, give or take the one count that may be
    wrong (a table of some units only — the best five, an excerpt — is not
    the population the prose counts); a lone count is held to it when it is
    no more than the table's units, a doubt where it disagrees; else none."""
    # the statistics under the units ("Chỉ số cao nhất", "Chỉ số trung bình") grade nobody: no units
    graded = [t for t in report.tables
              if (rows := populations(t)[0]) and len(rows) >= 2 and all(r.grade for _, r in rows)]
    if len(graded) != 1:
        return []
    refs = [(graded[0].index, i, r) for i, r in populations(graded[0])[0]]
    counts = [st.count for st in unit_grades(statements) if st.count is not None and not st.also_grades]
    if len(counts) == 1 and counts[0] <= len(refs):
        return refs  # "Có 5 đơn vị xếp loại Khá" of the one graded table: checked if it agrees, a doubt if not
    if len(counts) < 2 or abs(sum(counts) - len(refs)) > 1:  # one count may be the slip
        return []
    return refs


def graded_table_of(report: Report, statements: list[Statement]) -> list[RowRef]:
    """The unit rows of the one table, or group of a table's rows, that grades
    exactly as many units as the counts' common denominator ("3/12 cơ quan …"
    and a table of 12 graded units), else none."""
    den = stated_whole(statements)
    if den is None:
        return []
    found = [[(t.index, i, r) for i, r in rows] for t in report.tables for rows in populations(t)
             if len(rows) == den and all(r.grade for _, r in rows) and _same_scale(rows, statements)]
    return found[0] if len(found) == 1 else []


def _same_scale(rows: list[tuple[int, ScoreRow]], statements: list[Statement]) -> bool:
    """Whether the counts' grades and the rows' grades are of one scale: an
    official's ("Hoàn thành 100% nhiệm vụ", TT 01/2018 Điều 15) or a unit's
    ("Xuất sắc" … "Yếu"). "07/09 công chức hoàn thành 100% nhiệm vụ" counts
    the table of 9 officials, not the table of 9 agencies beside it."""
    official = {g.casefold() for g in OFFICIAL_GRADES}
    claimed = {g.casefold() for st in unit_grades(statements) for g in graded(st) if g}
    held = {" ".join(r.grade.split()).casefold() for _, r in rows if r.grade}
    return (claimed <= official) == (held <= official)


# Rows that grade nobody: the units' statistics, and the maximum a turned table states ("Max", "Điểm tối đa").
_STATISTIC = re.compile(r"cao\s+nhất|thấp\s+nhất|trung\s+bình|bình\s+quân|tổng\s+cộng|toàn\s+tỉnh"
                        r"|^\s*(?:cộng|tổng(?:\s+số)?)\s*:?\s*$|^\s*(?:max|(?:điểm\s+|số\s+điểm\s+)?tối\s+đa"
                        r"|điểm\s+chuẩn|thang\s+điểm)\s*$", re.I)


def populations(table: ScoreTable) -> list[list[tuple[int, ScoreRow]]]:
    """(row index, row) of the table's units, and of each group of them
    ("I. Cấp sở", "II. Cấp xã"): the populations a count x/y may be of. The
    statistics rows under the units ("Chỉ số cao nhất", "Chỉ số trung bình"),
    which grade nobody, are no units."""
    units = [(i, r) for i, r in enumerate(table.rows)
             if r.unit and not (r.grade is None and _STATISTIC.search(r.unit))]
    groups: dict[str, list[tuple[int, ScoreRow]]] = {}
    for i, r in units:
        if r.section:
            groups.setdefault(r.section, []).append((i, r))
    return [units, *groups.values()]


def graded(st: Statement) -> tuple[str, ...]:
    """The grades a count claim counts: one, or several taken together."""
    return (st.grade, *st.also_grades)


def has_grade(row: ScoreRow, grades: tuple[str, ...]) -> bool:
    """Whether a row's grade is one of ``grades``, however the table cases it ("TỐT" is "Tốt") or words
    it ("Hoàn thành tốt nhiệm vụ" is Tốt)."""
    return row.grade is not None and row_grade(row).casefold() in {g.casefold() for g in grades if g}


def row_grade(row: ScoreRow) -> str:
    """A row's grade by its name ("Hoàn thành tốt nhiệm vụ" → "Tốt"), else as the row writes it."""
    written = " ".join((row.grade or "").split())
    if written.casefold() in {g.casefold() for g in band_names()}:
        return written
    found = grade_level(written)
    return found[1] if found else written


def unit_grades(statements: list[Statement]) -> list[Statement]:
    return [st for st in statements if st.kind == StatementKind.GRADE_COUNT and st.grade in band_names()]


def sole_unit_table(report: Report) -> list[RowRef]:
    """The unit rows of the report's table of evaluation results: its only
    score table (one row per unit); with no score table, its only table of
    units that are graded, ranked or given points (a province's PAR index or a
    one-stop evaluation laid out its own way), without its statistics or total
    rows. Else none."""
    tables = [t for t in report.tables if t.kind == TableKind.SCORES]
    if len(tables) == 1:
        return [(tables[0].index, i, r) for i, r in enumerate(tables[0].rows) if r.unit]
    if tables:
        return []
    results = [f for f in frames(report) if not f.transposed and len(f.units) >= MIN_ROWS
               and any(_result_col(c) for c in f.cols)]
    if len(results) != 1:
        return []
    table = results[0].table
    return [(table.index, r.report_row, table.rows[r.report_row]) for r in results[0].units
            if r.report_row is not None]


def only_units_table(report: Report) -> list[RowRef]:
    """The unit rows of the report's one table of units of any kind (a
    survey's "Tên đơn vị | Tổng số phiếu …" with no grade, rank or points),
    its statistics and total rows left out; none when it has several."""
    found = [t for t in report.tables if sum(1 for r in t.rows if _a_unit(r)) >= MIN_ROWS]
    if len(found) != 1:
        return []
    return [(found[0].index, i, r) for i, r in enumerate(found[0].rows) if _a_unit(r)]


def _a_unit(row: ScoreRow) -> bool:
    return bool(row.unit) and not stat_of(row.unit) and not is_area_whole(row.unit) and not is_subtotal(row.unit)


_SECTION_LABEL = re.compile(r"^\s*(?:[IVXLC]{1,5}|[A-ZĐ]|\d{1,2})[.)]\s*")


def section_named(table: ScoreTable, clause: str) -> set[int] | None:
    """The rows of the one section of ``table`` whose title ("B. KHỐI XÃ",
    "A. CÁC SỞ, BAN, NGÀNH": its label and the words that open a group left
    out) the label of the statement's clause says ("Khối Xã: điểm trung bình
    …", "Khối sở, ban, ngành (9 đơn vị):"); None when the clause has no label
    or names none."""
    label = clause.split(":")[0] if ":" in clause else ""
    said = name_key(label)
    if not said:
        return None
    sections: dict[str, set[int]] = {}
    for i, r in enumerate(table.rows):
        title = r.section_title or r.section
        if title:
            sections.setdefault(title, set()).add(i)
    named = [rows for title, rows in sections.items()
             if (words := _GROUP_WORD.sub("", name_key(_SECTION_LABEL.sub("", title))).strip())
             and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", said)]
    return named[0] if len(sections) >= 2 and len(named) == 1 else None


# The words that open a group's title and name none of it: "CÁC SỞ, BAN, NGÀNH" is "Khối sở, ban, ngành".
_GROUP_WORD = re.compile(r"^(?:(?:" + "|".join(re.escape(name_key(w)) for w in ("khối", "nhóm", "các")) + r")\s+)+")


_POINTS = re.compile(r"\bđiểm\b", re.I)


def _result_col(col) -> bool:
    """Whether ``col`` states a result of an evaluation: a grade, a rank, or
    points that are not a maximum ("Tổng điểm", "Điểm thẩm định")."""
    return col.kind in (ColKind.GRADE, ColKind.RANK) \
        or (col.kind == ColKind.NUM and col.role == "value" and bool(_POINTS.search(col.label)))


# --- the share written with a count by grade ------------------------------------------------

_HUNDRED = Decimal(100)


def share_of_count(count: Statement, shares: list[Statement]) -> Statement | None:
    """The share written with a grade count: same paragraph and count, its
    words naming the grade, and no whole of its own."""
    names = [g.casefold() for g in graded(count) if g] + [(count.grade_written or "").casefold()]
    found = [s for s in shares if s.paragraph == count.paragraph and s.value == count.count
             and (s.whole is None or s.whole_inferred) and any(n and n in s.text.casefold() for n in names)]
    return found[0] if len(found) == 1 else None


def share_fits(value: Decimal, whole: int, percent: Decimal) -> bool:
    """``value`` of ``whole`` is ``percent``, rounded as written."""
    return bool(whole) and quantize(value / whole * _HUNDRED, places_of(percent)) == percent
