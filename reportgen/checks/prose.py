"""Rules over the prose of a report: counts and unit lists against the score
tables, sums of parts, fractions, shares, dates, periods, section numbering
and the format rules of Nghị định 30/2020 (dates, Nơi nhận, vi_VN numbers).

Severity: an error only when the text contradicts itself or a table it is
sure to describe (a group found by the units it names); otherwise a warning.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Iterator, Sequence

from ..model import Finding, Report, ScoreRow, Statement
from ..numbers import format_count, format_vi, quantize
from ..read.meta import DATE_PHRASE, annex_references, noi_nhan_lines, period_bounds, period_of
from ..read.statements import section_numbers, to_roman
from ..schemes import all_schemes
from ..text.names import match_units, name_key
from . import CheckContext, rule

_HUNDRED = Decimal(100)


@lru_cache(maxsize=1)
def _band_names() -> frozenset[str]:
    """Every grade band of every scheme: the grades a score table carries."""
    return frozenset(band.name for scheme in all_schemes().values() for band in scheme.grades)


def _n(value: Decimal | int | None) -> str:
    return format_vi(Decimal(value)) if value is not None else "-"


def _pct(value: Decimal, places: int) -> str:
    return format_vi(value, places, fixed=True) + "%"


def _places(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _at(code: str, severity: str, message: str, st: Statement | None = None, **kw) -> Finding:
    return Finding(code=code, severity=severity, message=message,
                   paragraph=st.paragraph if st else None, page=st.page if st else None, **kw)


# --- which table rows a passage of prose talks about ---------------------------------------

RowRef = tuple[int, int, ScoreRow]  # (table index, row index, row)


def _all_rows(report: Report) -> list[RowRef]:
    return [(t.index, i, r) for t in report.tables for i, r in enumerate(t.rows) if r.unit]


def _group_by_units(report: Report, units: Sequence[str]) -> tuple[list[RowRef], dict[str, RowRef | None]]:
    """The rows of the table sections that hold the named units, and each
    name's row."""
    rows = [r for r in _all_rows(report) if r[2].grade]
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


def _group_by_title(report: Report, scope: str | None) -> list[RowRef]:
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


def _scopes(report: Report) -> dict[object, list[Statement]]:
    """Count claims that describe one population: those under one heading,
    split by paragraph (and by denominator) when a grade is claimed twice
    there ("cấp sở … 07 Xuất sắc …; cấp xã … 123 Xuất sắc")."""
    by_scope: dict[str | None, list[Statement]] = defaultdict(list)
    for st in report.statements:
        if st.kind in ("grade_count", "evaluated_count"):
            by_scope[st.scope].append(st)
    out: dict[object, list[Statement]] = {}
    for scope, sts in by_scope.items():
        grades = [st.grade for st in sts if st.kind == "grade_count"]
        if len(grades) == len(set(grades)):
            out[scope] = sts
            continue
        split: dict[object, list[Statement]] = defaultdict(list)
        for st in sts:
            split[(scope, st.paragraph, st.denominator)].append(st)
        for key, group in split.items():
            if any(st.kind == "grade_count" for st in group):
                out[key] = group
    return out


def _scope_group(report: Report, statements: list[Statement]) -> tuple[list[RowRef], bool]:
    """The rows a scope's counts describe, and whether named units found them."""
    units = [u for st in statements if st.kind == "grade_count" for u in st.units]
    if units:
        group, _ = _group_by_units(report, units)
        if group:
            return group, True
    scope = statements[0].scope if statements else None
    return _group_by_title(report, scope), False


def _unit_grades(statements: list[Statement]) -> list[Statement]:
    return [st for st in statements if st.kind == "grade_count" and st.grade in _band_names()]


# --- grade counts and lists ------------------------------------------------------------------

@rule("GRADE_COUNT_MISMATCH", "Số đơn vị theo xếp loại trong văn bản khác bảng kết quả")
def grade_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for scope, statements in _scopes(report).items():
        grades = _unit_grades(statements)
        if not grades:
            continue
        group, by_names = _scope_group(report, statements)
        if not group:
            continue
        for st in grades:
            in_table = sum(1 for ref in group if ref[2].grade == st.grade)
            if st.count == in_table:
                continue
            yield _at("GRADE_COUNT_MISMATCH", "error" if by_names else "warning",
                      f"Văn bản nêu {format_count(st.count)} đơn vị xếp loại {st.grade} nhưng bảng kết quả "
                      f"có {format_count(in_table)} đơn vị xếp loại {st.grade}", st, table=group[0][0],
                      reported=str(st.count), expected=str(in_table), column="grade")


@rule("GRADE_COUNT_MISMATCH", "Số đơn vị nêu khác số tên đơn vị liệt kê")
def grade_count_vs_list(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for st in report.statements:
        if st.kind != "grade_count" or not st.units or st.count == len(st.units):
            continue
        _, by_unit = _group_by_units(report, st.units)
        sure = bool(by_unit) and all(by_unit.values())
        yield _at("GRADE_COUNT_MISMATCH", "error" if sure else "warning",
                  f"Văn bản nêu {format_count(st.count)} đơn vị xếp loại {st.grade or st.raw.get('grade')} "
                  f"nhưng liệt kê {len(st.units)} tên: {'; '.join(st.units)}", st,
                  reported=str(st.count), expected=str(len(st.units)))


@rule("GRADE_LIST_MISMATCH", "Danh sách đơn vị theo xếp loại trong văn bản khác bảng kết quả")
def grade_list_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for scope, statements in _scopes(report).items():
        grades = [st for st in _unit_grades(statements) if st.units]
        if not grades:
            continue
        all_units = [u for st in grades for u in st.units]
        group, by_unit = _group_by_units(report, all_units)
        if not group:
            continue
        listed_rows: dict[tuple[int, int], str] = {}
        for st in grades:
            for unit in st.units:
                ref = by_unit.get(unit)
                if ref is None:
                    yield _at("GRADE_LIST_MISMATCH", "warning",
                              f"Không tìm thấy “{unit}” (nêu xếp loại {st.grade}) trong bảng kết quả", st,
                              unit=unit, reported=st.grade)
                    continue
                listed_rows[(ref[0], ref[1])] = st.grade
                if ref[2].grade != st.grade:
                    yield _at("GRADE_LIST_MISMATCH", "error",
                              f"Văn bản nêu {ref[2].unit} xếp loại {st.grade} nhưng bảng kết quả ghi "
                              f"{ref[2].grade}", st, table=ref[0], row=ref[1], unit=ref[2].unit,
                              column="grade", reported=st.grade, expected=ref[2].grade)
        listed_grades = {st.grade for st in grades}
        for t, i, row in group:
            if row.grade in listed_grades and (t, i) not in listed_rows:
                yield _at("GRADE_LIST_MISMATCH", "error",
                          f"Bảng kết quả ghi {row.unit} xếp loại {row.grade} nhưng văn bản không nêu đơn vị này "
                          f"trong danh sách xếp loại {row.grade}", grades[0], table=t, row=i, unit=row.unit,
                          column="grade", expected=row.grade)


# --- sums, fractions, shares -----------------------------------------------------------------

def _sum_text(parts: Sequence[Decimal]) -> str:
    return " + ".join(_n(p) for p in parts)


@rule("SUM_MISMATCH", "Các thành phần không cộng lại bằng tổng nêu trong văn bản")
def prose_sums(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for st in report.statements:
        if st.kind != "sum" or st.whole is None or len(st.parts) < 2:
            continue
        total = sum(st.parts, Decimal(0))
        diff = total - st.whole
        mode = st.raw.get("mode")
        if diff == 0 or (mode == "subset" and diff < 0):
            continue
        if mode == "breakdown" and abs(diff) > st.whole * Decimal("0.05"):
            continue  # too far apart to be one whole split into categories
        # Categories listed after a total are its parts only by reading: close
        # to the total (within 0,5 %) they surely are, further off maybe not.
        near = abs(diff) <= st.whole * Decimal("0.005")
        severity = "warning" if mode == "subset" or (mode == "breakdown" and not near) else "error"
        yield _at("SUM_MISMATCH", severity,
                  f"Các thành phần {_sum_text(st.parts)} = {_n(total)}, không bằng tổng {_n(st.whole)} "
                  f"(lệch {_n(abs(diff))})", st, reported=str(st.whole), expected=str(total))


@rule("SUM_MISMATCH", "Tổng số đơn vị theo từng xếp loại khác số đơn vị được đánh giá")
def grade_counts_vs_whole(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for scope, statements in _scopes(report).items():
        grades = [st for st in statements if st.kind == "grade_count"]
        by_den: dict[Decimal, list[Statement]] = defaultdict(list)
        for st in grades:
            if st.denominator is not None:
                by_den[st.denominator].append(st)
        for den, sts in by_den.items():
            if len({s.grade for s in sts}) < 2:
                continue
            total = sum((Decimal(s.count) for s in sts), Decimal(0))
            if total > den:
                yield _at("SUM_MISMATCH", "error",
                          f"Số đơn vị theo từng xếp loại {_sum_text([Decimal(s.count) for s in sts])} = {_n(total)}, "
                          f"vượt tổng số {_n(den)} đơn vị được xếp loại", sts[0],
                          reported=str(total), expected=str(den))
        evaluated = [st for st in statements if st.kind == "evaluated_count"]
        plain = [st for st in _unit_grades(statements) if st.denominator is None]
        if not evaluated or not plain or len(plain) != len([g for g in grades if g.denominator is None]):
            continue
        whole = Decimal(evaluated[-1].count)
        total = sum((Decimal(s.count) for s in plain), Decimal(0))
        if total != whole:
            yield _at("SUM_MISMATCH", "error" if total > whole else "warning",
                      f"Số đơn vị theo từng xếp loại {_sum_text([Decimal(s.count) for s in plain])} = {_n(total)}, "
                      f"khác số đơn vị được đánh giá ({_n(whole)})", evaluated[-1],
                      reported=str(total), expected=str(whole))


@rule("FRACTION_MISMATCH", "Phân số x/y trong văn bản có tử số lớn hơn mẫu số")
def fraction_over_one(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[int | None, str]] = set()
    for st in report.statements:
        if st.kind not in ("fraction", "score", "rank") or st.numerator is None or not st.denominator:
            continue
        if st.numerator <= st.denominator or (st.paragraph, st.text) in seen:
            continue
        seen.add((st.paragraph, st.text))
        what = {"rank": "Thứ hạng", "score": "Điểm"}.get(st.kind, "Số")
        yield _at("FRACTION_MISMATCH", "error",
                  f"{what} “{st.text}”: {_n(st.numerator)} lớn hơn {_n(st.denominator)}", st,
                  reported=st.text, expected=f"≤ {_n(st.denominator)}")


@rule("FRACTION_MISMATCH", "Số đơn vị được đánh giá nêu trong văn bản khác số dòng của bảng")
def evaluated_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for scope, statements in _scopes(report).items():
        evaluated = [st for st in statements if st.kind == "evaluated_count"]
        if not evaluated or not _unit_grades(statements):
            continue
        group, by_names = _scope_group(report, statements)
        if not group:
            continue
        st = evaluated[-1]
        if st.count != len(group):
            yield _at("FRACTION_MISMATCH", "error" if by_names else "warning",
                      f"Văn bản nêu đánh giá {format_count(st.count)} đơn vị nhưng bảng kết quả có "
                      f"{format_count(len(group))} đơn vị", st, table=group[0][0],
                      reported=str(st.count), expected=str(len(group)))


def _share_ok(written: Decimal, exact: Decimal) -> bool:
    places = _places(written)
    return quantize(exact, places) == written


@rule("PERCENT_MISMATCH", "Tỷ lệ phần trăm trong văn bản khác tỷ lệ tính từ số liệu")
def share_percent(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    shares = [st for st in report.statements if st.kind == "share" and st.whole and st.value is not None]
    numbers_by_par: dict[int | None, set[Decimal]] = defaultdict(set)
    for st in report.statements:
        if st.kind == "sum":
            numbers_by_par[st.paragraph].update([st.whole, *st.parts])
    for st in shares:
        exact = st.value / st.whole * _HUNDRED
        if _share_ok(st.percent, exact):
            continue
        places = _places(st.percent)
        if quantize(exact, places, ROUND_DOWN) == st.percent:
            continue  # truncated rather than rounded: not worth a finding
        siblings = [s for s in shares if s is not st and s.whole == st.whole and s.paragraph == st.paragraph]
        base_confirmed = bool(siblings) and all(_share_ok(s.percent, s.value / s.whole * _HUNDRED) for s in siblings)
        other = next((b for b in sorted(numbers_by_par[st.paragraph]) if b and b != st.whole and b > st.value
                      and _share_ok(st.percent, st.value / b * _HUNDRED)), None)
        note = f" (con số {_pct(st.percent, places)} ứng với tỷ lệ trên {_n(other)})" if other else ""
        yield _at("PERCENT_MISMATCH", "error" if base_confirmed or not other else "warning",
                  f"{_n(st.value)} trên {_n(st.whole)} là {_pct(exact, max(places, 2))}, "
                  f"không phải {_pct(st.percent, places)}{note}", st,
                  reported=str(st.percent), expected=str(quantize(exact, max(places, 2))))


# --- dates and periods --------------------------------------------------------------------

def _latest_issue_date(report: Report) -> _dt.date | None:
    """The document's date, or the last day its partial date ("ngày … tháng 5
    năm 2024") allows."""
    meta = report.meta
    if meta.date:
        return meta.date
    m = re.search(r"tháng\s*(\d{1,2})\s*năm\s*(\d{4})", meta.date_text or "")
    if m and 1 <= int(m.group(1)) <= 12:
        bounds = period_bounds(f"{m.group(2)}-{int(m.group(1)):02d}")
        return bounds[1] if bounds else None
    m = re.search(r"năm\s*(\d{4})", meta.date_text or "")
    return _dt.date(int(m.group(1)), 12, 31) if m else None


_ROLE_WORDS = {"as_of": "tính đến", "cited": "ngày của văn bản được dẫn", "deadline": "thời hạn", "plain": "ngày"}


@rule("DATE_INCONSISTENT", "Ngày nêu trong văn bản không khớp với ngày ban hành")
def date_after_issue(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    latest = _latest_issue_date(report)
    from_period = False
    if latest is None and report.meta.period and period_bounds(report.meta.period):
        # no date line: a report comes out within a quarter of its period's end
        latest = period_bounds(report.meta.period)[1] + _dt.timedelta(days=92)
        from_period = True
    if latest is None:
        return
    issued = report.meta.date_text or f"kỳ báo cáo {_period_vi(report.meta.period)}"
    for st in report.statements:
        if st.kind != "date" or st.date is None or st.date <= latest:
            continue
        role = st.raw.get("role", "plain")
        days = (st.date - latest).days
        if role == "as_of":
            severity = "warning" if from_period else "error"
        elif role == "cited" or (role == "plain" and days > 31) or (role == "deadline" and days > 366):
            severity = "warning"
        else:
            continue
        yield _at("DATE_INCONSISTENT", severity,
                  f"Ngày {st.raw.get('text', st.text)} ({_ROLE_WORDS[role]}) muộn hơn ngày ban hành văn bản "
                  f"(văn bản ghi “{issued}”)", st, reported=st.date.isoformat(), expected=f"≤ {latest.isoformat()}")


_REPORT_TYPES = {"BC", "TB"}


def _appendix_titles(report: Report) -> list[tuple[int | None, str, Statement | None]]:
    out: list[tuple[int | None, str, Statement | None]] = []
    seen: set[str] = set()
    for idx, title in report.appendix_titles:
        if re.match(r"\s*Phụ\s+lục\b", title, re.I):
            out.append((idx, title, None))
            seen.add(name_key(title))
    for st in report.statements:
        if st.kind == "period" and st.label and name_key(f"{st.label} {st.text}") not in seen:
            out.append((None, f"{st.label} {st.text}", st))
    return out


@rule("PERIOD_MISMATCH", "Kỳ báo cáo của phụ lục khác kỳ báo cáo của văn bản")
def appendix_period(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    period = report.meta.period
    if report.meta.doc_type not in _REPORT_TYPES or not period or not period_bounds(period):
        return
    own = period_bounds(period)
    for table, title, st in _appendix_titles(report):
        found = period_of(title)
        if not found or found == period:
            continue
        other = period_bounds(found)
        inside = other[0] >= own[0] and other[1] <= own[1] or own[0] >= other[0] and own[1] <= other[1]
        name = re.match(r"\s*(Phụ\s+lục\s*[IVXLC\d]*)", title, re.I)
        yield _at("PERIOD_MISMATCH", "warning" if inside else "error",
                  f"{(name.group(1) if name else 'Phụ lục').strip()} ghi kỳ {_period_vi(found)} nhưng văn bản báo cáo "
                  f"kỳ {_period_vi(period)}", st, table=table, reported=found, expected=period)


def _period_vi(period: str) -> str:
    y, _, part = period.partition("-")
    if not part:
        return f"năm {y}"
    if part.startswith("Q"):
        return f"quý {part[1]} năm {y}"
    return f"tháng {int(part)} năm {y}"


def _date_parts(meta_text: str | None) -> tuple[str | None, str | None, str | None]:
    m = DATE_PHRASE.search(meta_text or "")
    if not m:
        return None, None, None
    d, mo = m.group("d").strip(), m.group("m").strip()
    return (str(int(d)) if d.isdigit() else None, str(int(mo)) if mo.isdigit() else None, m.group("y"))


def _same_number(a: str, b: str) -> bool:
    return name_key(a.replace(" ", "")) == name_key(b.replace(" ", ""))


@rule("APPENDIX_REFERENCE", "Dòng “Kèm theo …” của phụ lục không khớp số, loại hoặc ngày của văn bản")
def appendix_reference(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    meta = report.meta
    own_day, own_month, own_year = _date_parts(meta.date_text)
    for ref in annex_references(report.paragraphs):
        p = ref.paragraph
        where = dict(paragraph=p.index, page=p.page)
        if ref.doc_type and meta.doc_type and ref.doc_type != meta.doc_type:
            yield Finding(code="APPENDIX_REFERENCE", severity="warning", reported=ref.doc_type,
                          expected=meta.doc_type, message=f"Phụ lục ghi kèm theo văn bản loại {ref.doc_type} "
                          f"nhưng văn bản là {meta.doc_type}: “{ref.text}”", **where)
        if ref.number and meta.number and not _same_number(ref.number, meta.number):
            yield Finding(code="APPENDIX_REFERENCE", severity="warning", reported=ref.number, expected=meta.number,
                          message=f"Phụ lục ghi kèm theo văn bản số {ref.number} nhưng văn bản mang số "
                                  f"{meta.number}", **where)
        day = str(int(ref.day)) if ref.day and ref.day.isdigit() else None
        month = str(int(ref.month)) if ref.month and ref.month.isdigit() else None
        pairs = [(day, own_day), (month, own_month), (ref.year, own_year)]
        if any(a and b and a != b for a, b in pairs):
            written = DATE_PHRASE.search(ref.text).group(0)
            yield Finding(code="DATE_INCONSISTENT", severity="warning", reported=written, expected=meta.date_text,
                          message=f"Phụ lục ghi kèm theo văn bản “{written}” nhưng văn bản đề "
                                  f"“{meta.date_text}”", **where)


@rule("DATE_FORMAT", "Ngày tháng không theo Nghị định 30/2020 (số 0 trước ngày dưới 10, tháng 1, 2)")
def date_leading_zero(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    for p in report.paragraphs:
        for m in DATE_PHRASE.finditer(p.text):
            d, mo = m.group("d").strip(), m.group("m").strip()
            if not mo.isdigit():
                continue
            want_d = d if not d.isdigit() else (f"{int(d):02d}" if int(d) < 10 else str(int(d)))
            want_m = f"{int(mo):02d}" if int(mo) in (1, 2) else str(int(mo))
            if (d, mo) == (want_d, want_m):
                continue
            fixed = f"ngày {want_d} tháng {want_m} năm {m.group('y')}" if d else f"ngày tháng {want_m} năm {m.group('y')}"
            yield Finding(code="DATE_FORMAT", severity="warning", paragraph=p.index, page=p.page,
                          reported=m.group(0), expected=fixed,
                          message=f"Ngày tháng viết “{m.group(0)}”, theo Nghị định 30/2020 phải viết “{fixed}” "
                                  f"(chỉ thêm số 0 trước ngày dưới 10 và tháng 1, 2)")


# --- numbering and format ------------------------------------------------------------------

@rule("SECTION_NUMBERING", "Số thứ tự đề mục bị lặp hoặc nhảy cóc")
def section_sequence(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    heads = section_numbers(report.statements)
    last: dict[int, int] = {}
    for k, (st, nums) in enumerate(heads):
        level = st.level or 1
        for lv in [lv for lv in last if lv > level]:
            del last[lv]
        n = nums[-1]
        prev = last.get(level)
        if prev is None or n == prev + 1:
            last[level] = n
            continue
        expected = prev + 1
        shown = _label(st.label, level, expected)
        yield _at("SECTION_NUMBERING", "warning",
                  f"Đề mục “{st.label}” sau đề mục số {_label(st.label, level, prev)} cùng cấp: "
                  f"{'bị lặp số' if n == prev else 'nhảy số'}, đúng ra là “{shown}”", st,
                  reported=st.label, expected=shown)
        nxt = next(((s2, nn) for s2, nn in heads[k + 1:] if (s2.level or 1) <= level), None)
        typo = nxt is not None and (nxt[0].level or 1) == level and nxt[1][-1] == expected + 1
        last[level] = expected if typo else n


def _label(label: str, level: int, n: int) -> str:
    if level <= 1:
        head, _, last = label.rpartition(" ")
        number = str(n) if last.isdigit() else to_roman(n)
        return f"{head} {number}" if head else number
    parts = label.split(".")
    return ".".join(parts[:-1] + [str(n)])


@rule("NUMBER_FORMAT", "Số trong văn bản không viết theo định dạng Việt Nam (dấu phẩy thập phân)")
def prose_number_format(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    by_par: dict[int | None, list[Statement]] = defaultdict(list)
    for st in report.statements:
        if st.kind in ("percent", "score") and st.raw.get("wrong_separator"):
            by_par[st.paragraph].append(st)
    for par, sts in by_par.items():
        written = [s.raw.get("text", s.text) for s in sts]
        fixed = [w.replace(".", ",") for w in written]
        examples = "; ".join(f"{w} → {f}" for w, f in list(zip(written, fixed))[:4])
        more = f" và {len(written) - 4} số khác" if len(written) > 4 else ""
        yield _at("NUMBER_FORMAT", "warning",
                  f"Số thập phân viết bằng dấu chấm (định dạng Việt Nam dùng dấu phẩy): {examples}{more}", sts[0],
                  reported=written[0], expected=fixed[0])


@rule("NOI_NHAN_FORMAT", "Dòng cuối của Nơi nhận phải là “- Lưu: VT, …” (Nghị định 30/2020)")
def noi_nhan_last_line(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    lines = noi_nhan_lines(report.paragraphs)
    if not lines:
        return
    luu = [(t, p) for t, p in lines if re.match(r"^[-–+•]?\s*Lưu\b", t, re.I)]
    text, p = luu[-1] if luu else lines[-1]
    if not luu:
        yield Finding(code="NOI_NHAN_FORMAT", severity="info", paragraph=p.index, page=p.page,
                      reported=text, expected="- Lưu: VT, …",
                      message="Không thấy dòng “- Lưu: VT, …” ở cuối Nơi nhận (Nghị định 30/2020)")
        return
    body = re.sub(r"^[-–+•]\s*", "", text)
    if re.match(r"^Lưu\s*:?\s*VT\b", body, re.I):
        return
    yield Finding(code="NOI_NHAN_FORMAT", severity="warning", paragraph=p.index, page=p.page,
                  reported=text, expected="- Lưu: VT, …",
                  message=f"Dòng cuối của Nơi nhận là “{text}”, theo Nghị định 30/2020 phải là “- Lưu: VT, "
                          f"<đơn vị soạn thảo>.”")
