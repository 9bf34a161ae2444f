"""Prose rules about counts: grade counts and unit lists against the score
tables they describe, parts against their whole, x/y claims. The rows a
passage talks about are found by :mod:`.prose_rows` (by the units it names
or, failing that, by its heading's words in a table or section title)."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterator, Sequence

from ..model import Finding, Report, Statement, StatementKind
from ..model.vocabulary import TASK_SCALE_SHORT
from ..numbers import format_count, format_vi, places_of, quantize
from ..text.lines import sentence_span
from .prose_crossing import crossings
from .prose_parts import SlippedPart, SlippedWhole, sum_slip
from .prose_rows import (
    band_names,
    graded,
    group_by_units,
    has_grade,
    row_grade,
    scope_group,
    scopes,
    share_fits,
    share_of_count,
    unit_grades,
)
from .registry import CheckContext, rule


def vi_number(value: Decimal | int | None) -> str:
    return format_vi(Decimal(value)) if value is not None else "-"


def vi_percent(value: Decimal, places: int) -> str:
    return format_vi(value, places, fixed=True) + "%"


def paragraph_of(report: Report, st: Statement) -> str:
    """The text of the paragraph a claim was read from, spaces made single:
    the one at its index when it holds the words kept around the claim, else
    the first that does (a PDF's paragraphs and a table's title may number
    apart from the claims'), else the one at its index."""
    kept = " ".join((st.context or st.text or "").split())
    texts = [(p.index, " ".join(p.text.split())) for p in report.paragraphs]
    own = next((t for i, t in texts if i == st.paragraph), "")
    if not kept or kept in own:
        return own
    return next((t for _, t in texts if kept in t), own)


def sentence_of(report: Report, st: Statement) -> str:
    """The whole sentence a claim stands in (the words the reader kept around
    it may stop short of what the sentence says after the figure: "Có 09/15
    xã đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn"), else those words."""
    kept = " ".join((st.context or st.text or "").split())
    text = paragraph_of(report, st)
    figure = " ".join((st.text or "").split())
    at = text.find(kept) if kept else -1
    at = at + kept.find(figure) if at >= 0 and figure in kept else text.find(figure) if figure else -1
    if at < 0:
        return kept
    start, end = sentence_span(text, at, at + len(figure))
    return text[start:end + 1].strip()


def finding_at(code: str, severity: str, message: str, st: Statement | None = None, **kw) -> Finding:
    return Finding(code=code, severity=severity, message=message,
                   paragraph=st.paragraph if st else None, page=st.page if st else None, **kw)


# --- grade counts and lists ------------------------------------------------------------------

@rule("GRADE_COUNT_MISMATCH", "Số đơn vị theo xếp loại trong văn bản khác bảng kết quả")
def grade_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị theo từng xếp loại nêu trong lời văn ("06 cơ quan xếp
    loại Xuất sắc") so với số dòng có xếp loại đó trong bảng kết quả mà đoạn văn nói tới
    (tìm theo tên đơn vị được liệt kê, hoặc theo tiêu đề mục).
    Là lỗi khi bảng được xác định chắc chắn, khi tỷ lệ ghi kèm số đếm ("03 đơn vị
    … (chiếm 20,00%)") cũng là số của bảng trên số đơn vị của bảng, hoặc khi mọi số đếm
    khác của đoạn khớp bảng: ít nhất hai, hoặc một khi đoạn kể đúng các loại bảng có, không
    thiếu, không thừa; còn lại là cảnh báo.
    Vì sao: lời văn thường được viết trước hoặc sửa sau bảng; số đếm lệch bảng là lỗi
    hay gặp nhất của báo cáo tổng hợp.
    Ví dụ sai: "Có 07 cơ quan xếp loại Xuất sắc" trong khi bảng có 6 dòng Xuất sắc.
    Ví dụ đúng: "Có 06 cơ quan xếp loại Xuất sắc" và bảng có đúng 6 dòng Xuất sắc."""
    for scope, statements in scopes(report).items():
        grades = unit_grades(statements)
        if not grades:
            continue
        group, by_names = scope_group(report, statements)
        if not group:
            continue
        shares = [s for s in report.statements if s.kind == StatementKind.SHARE and s.percent is not None]
        agree = [st for st in grades if st.count == sum(1 for ref in group if has_grade(ref[2], graded(st)))]
        for st in grades:
            in_table = sum(1 for ref in group if has_grade(ref[2], graded(st)))
            ctx.ledger.statement_checked(st, "grade-count-table")
            if st.count == in_table:
                continue
            # the task scale's short grades in the document's words ("Chưa hoàn thành", not the level Yếu)
            short = (st.grade_written or "").strip() if not st.also_grades else ""
            named = short if short.casefold() in {w.casefold() for w in TASK_SCALE_SHORT} else " hoặc ".join(graded(st))
            # the share written with the count is the table's count of the table's units: the count is the slip
            share = share_of_count(st, shares)
            confirmed = share is not None and share_fits(Decimal(in_table), len(group), share.percent) \
                and not share_fits(Decimal(st.count), len(group), share.percent)
            also = (f"; tỷ lệ ghi kèm ({share.percent_written or share.percent}) cũng là "
                    f"{format_count(in_table)} trên {len(group)} đơn vị của bảng") if confirmed else ""
            # every other count of the passage is the table's, and (one other only) the passage
            # names each grade the table gives and no other: it counts that table's units grade by grade
            others = len(agree) == len(grades) - 1 and (len(agree) >= 2 or (agree and _grade_by_grade(grades, group)))
            sure = (by_names or confirmed or others) and not _unread(group)
            yield finding_at("GRADE_COUNT_MISMATCH", "error" if sure else "warning",
                      f"Văn bản nêu {format_count(st.count)} đơn vị xếp loại {named} nhưng bảng kết quả "
                      f"có {format_count(in_table)} đơn vị xếp loại {named}{also}", st, table=group[0][0],
                      reported=str(st.count), expected=str(in_table), column="grade")


def _unread(group: list) -> bool:
    """Whether some rows of ``group`` write a grade no scheme names ("TB" with
    no note saying what it stands for): their grade is not known, so a count
    that differs may be of them."""
    known = {g.casefold() for g in band_names()}
    return any(ref[2].grade and row_grade(ref[2]).casefold() not in known for ref in group)


def _grade_by_grade(grades: list[Statement], group: list) -> bool:
    """Whether the counts ``grades`` name every grade the ``group``'s rows
    give, and none it does not give: a breakdown of those rows ("có 04 đơn
    vị xếp loại Tốt, 02 đơn vị xếp loại Trung bình" of a table of Tốt and
    Trung bình rows)."""
    given = {row_grade(ref[2]).casefold() for ref in group if ref[2].grade}
    named = [{g.casefold() for g in graded(st) if g} for st in grades]
    return bool(given) and all(names & given for names in named) \
        and all(any(g in names for names in named) for g in given)


@rule("GRADE_COUNT_MISMATCH", "Số đơn vị nêu khác số tên đơn vị liệt kê")
def grade_count_vs_list(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị nêu trước một danh sách tên so với số tên được liệt kê.
    Vì sao: khi thêm hoặc bớt một đơn vị khỏi danh sách, người viết hay quên sửa con số.
    Ví dụ sai: "03 cơ quan xếp loại Tốt: Sở Tài chính, Sở Y tế."
    Ví dụ đúng: "02 cơ quan xếp loại Tốt: Sở Tài chính, Sở Y tế" (hai tên)."""
    for st in report.statements:
        if st.kind != StatementKind.GRADE_COUNT or not st.units:
            continue
        ctx.ledger.statement_checked(st, "grade-count-list")
        if st.count == len(st.units):
            continue
        _, by_unit = group_by_units(report, st.units)
        sure = bool(by_unit) and all(by_unit.values())
        yield finding_at("GRADE_COUNT_MISMATCH", "error" if sure else "warning",
                  f"Văn bản nêu {format_count(st.count)} đơn vị xếp loại {st.grade or st.grade_written} "
                  f"nhưng liệt kê {len(st.units)} tên: {'; '.join(st.units)}", st,
                  reported=str(st.count), expected=str(len(st.units)))


# --- sums, fractions, shares -----------------------------------------------------------------

def _sum_text(parts: Sequence[Decimal]) -> str:
    return " + ".join(vi_number(p) for p in parts)


@rule("SUM_MISMATCH", "Các thành phần không cộng lại bằng tổng nêu trong văn bản")
def prose_sums(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tổng nêu trong lời văn và các thành phần liệt kê ngay sau nó
    (trong ngoặc, hoặc ở các câu tiếp theo) có cộng lại bằng tổng không.
    Vì sao: số liệu hồ sơ được cập nhật từng phần; tổng không được sửa theo.
    Ví dụ sai: "tiếp nhận 120 hồ sơ (80 hồ sơ trực tuyến, 41 hồ sơ trực tiếp)".
    Ví dụ đúng: "tiếp nhận 120 hồ sơ (80 hồ sơ trực tuyến, 40 hồ sơ trực tiếp)"."""
    crossed = {id(st): c for c in crossings(report.statements) for st in c.sums}
    for st in report.statements:
        if st.kind != StatementKind.SUM or st.whole is None or len(st.parts) < 2 or st.fraction_parts:
            continue  # the parts of a fraction are prose_fractions'
        if (cross := crossed.get(id(st))) is not None:  # a figure two broken sums share: one error, at it
            ctx.ledger.statement_checked(st, "parts-sum")
            if st is cross.sums[1]:
                outer, inner = cross.sums
                yield finding_at("SUM_MISMATCH", "error",
                                 f"Số {vi_number(cross.value)} ghi sai: là tổng của {_sum_text(inner.parts)} = "
                                 f"{vi_number(cross.expected)}, và là thành phần của tổng {vi_number(outer.whole)} "
                                 f"({vi_number(outer.whole)} − {_sum_text([p for p in outer.parts if p != cross.value])}"
                                 f" = {vi_number(cross.expected)}); nếu là {vi_number(cross.expected)} thì cả hai tổng "
                                 "đều khớp", st, reported=str(cross.value), expected=str(cross.expected))
            continue
        total = sum(st.parts, Decimal(0))
        diff = total - st.whole
        mode = st.mode
        some = mode in ("subset", "disjoint")  # parts that are some of the whole ("trong đó …")
        ctx.ledger.statement_checked(st, "parts-sum")
        slip = sum_slip(st, report.statements)
        if isinstance(slip, SlippedPart):  # the share stated with one part fits what the sum makes it: that part is the slip
            part = st.parts[slip.index]
            others = " − ".join(vi_number(p) for j, p in enumerate(st.parts) if j != slip.index)
            yield finding_at("SUM_MISMATCH", "error",
                             f"Các thành phần {_sum_text(st.parts)} = {vi_number(total)}, không bằng tổng "
                             f"{vi_number(st.whole)}: số {vi_number(part)} ghi sai — {vi_number(st.whole)} − {others} "
                             f"= {vi_number(slip.value)}, đúng với tỷ lệ {slip.share.percent_written or slip.share.percent} "
                             f"nêu kèm", st, reported=str(part), expected=str(slip.value))
            continue
        if isinstance(slip, SlippedWhole):  # every share stated is of what the parts make: the whole is the slip
            rates = ", ".join(s.percent_written or vi_percent(s.percent, places_of(s.percent)) for s in slip.shares)
            said = f"các tỷ lệ nêu kèm ({rates}) đều" if len(slip.shares) > 1 else f"tỷ lệ nêu kèm ({rates})"
            yield finding_at("SUM_MISMATCH", "error",
                             f"Tổng ghi {vi_number(st.whole)}, nhưng các thành phần {_sum_text(st.parts)} = "
                             f"{vi_number(total)} và {said} tính trên {vi_number(total)}: số tổng ghi sai", st,
                             reported=str(st.whole), expected=str(total))
            continue
        if diff == 0 or (some and diff < 0):
            continue
        if mode == "breakdown" and abs(diff) > st.whole * Decimal("0.05"):
            continue  # too far apart to be one whole split into categories
        # Categories listed after a total are its parts only by reading: close
        # to the total (within 0,5 %) they surely are, further off maybe not.
        near = abs(diff) <= st.whole * Decimal("0.005")
        severity = "warning" if mode == "subset" or (mode == "breakdown" and not near) else "error"
        if mode == "disjoint":  # parts of distinct kinds, some of the whole: more than it is surely a slip
            yield finding_at("SUM_MISMATCH", "error",
                             f"Các thành phần {_sum_text(st.parts)} = {vi_number(total)}, vượt tổng "
                             f"{vi_number(st.whole)} (lệch {vi_number(diff)}): các loại khác nhau của cùng một tổng "
                             "cộng lại không thể lớn hơn tổng", st, reported=str(st.whole), expected=str(total))
            continue
        yield finding_at("SUM_MISMATCH", severity,
                  f"Các thành phần {_sum_text(st.parts)} = {vi_number(total)}, không bằng tổng {vi_number(st.whole)} "
                  f"(lệch {vi_number(abs(diff))})", st, reported=str(st.whole), expected=str(total))


@rule("SUM_MISMATCH", "Tổng số đơn vị theo từng xếp loại khác số đơn vị được đánh giá")
def grade_counts_vs_whole(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: các số đơn vị theo từng xếp loại trong một mục cộng lại không vượt
    (và, khi mục nêu số đơn vị được đánh giá, bằng) số đơn vị được đánh giá.
    Vì sao: tổng các mức xếp loại phải bằng số đơn vị được xếp loại.
    Tổng nhỏ hơn số được đánh giá là cảnh báo (có thể có đơn vị chưa xếp loại), trừ khi
    mỗi số có kèm tỷ lệ và mọi tỷ lệ đều tính trên tổng các số ấy: khi đó số đơn vị được
    đánh giá ghi sai (lỗi).
    Ví dụ sai: "đánh giá 20 cơ quan: 12 Xuất sắc, 7 Tốt, 2 Khá" (12 + 7 + 2 = 21);
    "đánh giá của 16 cơ quan: 07 đơn vị Xuất sắc, chiếm 50,00%; 05 …, chiếm 35,71%; 02 …,
    chiếm 14,29%" (các tỷ lệ tính trên 14).
    Ví dụ đúng: "đánh giá 20 cơ quan: 12 Xuất sắc, 6 Tốt, 2 Khá"."""
    for scope, statements in scopes(report).items():
        grades = [st for st in statements if st.kind == StatementKind.GRADE_COUNT]
        by_den: dict[Decimal, list[Statement]] = defaultdict(list)
        for st in grades:
            if st.denominator is not None and not st.also_grades:  # a union ("Xuất sắc hoặc Tốt") is no part
                by_den[st.denominator].append(st)
        for den, sts in by_den.items():
            if len({s.grade for s in sts}) < 2:
                continue
            total = sum((Decimal(s.count) for s in sts), Decimal(0))
            for s in sts:
                ctx.ledger.statement_checked(s, "grade-counts-within-whole")
            if total > den:  # the bound broken: the counts were held to their whole and do not fit it
                for s in sts:
                    ctx.ledger.statement_checked(s, "grade-counts-exceed-whole")
                yield finding_at("SUM_MISMATCH", "error",
                          f"Số đơn vị theo từng xếp loại {_sum_text([Decimal(s.count) for s in sts])} = {vi_number(total)}, "
                          f"vượt tổng số {vi_number(den)} đơn vị được xếp loại", sts[0],
                          reported=str(total), expected=str(den))
        evaluated = [st for st in statements if st.kind == StatementKind.EVALUATED_COUNT]
        plain = [st for st in unit_grades(statements) if st.denominator is None]
        if not evaluated or not plain or len(plain) != len([g for g in grades if g.denominator is None]):
            continue
        whole = Decimal(evaluated[-1].count)
        # the counts written x/y of that whole beside them ("02 đơn vị xếp loại Tốt; có 08/11 đơn vị đạt loại Khá")
        named = {s.grade for s in plain}
        plain = plain + [s for s in grades if s.denominator == whole and not s.also_grades and s.grade not in named]
        total = sum((Decimal(s.count) for s in plain), Decimal(0))
        for s in (evaluated[-1], *plain):
            ctx.ledger.statement_checked(s, "grade-counts-sum")
        if total != whole:
            # the shares the counts are given with are of their sum, not of the stated whole: the whole is the slip
            of_sum = total < whole and _shares_of_sum(report.statements, plain, total, whole)
            yield finding_at("SUM_MISMATCH", "error" if total > whole or of_sum else "warning",
                      f"Số đơn vị theo từng xếp loại {_sum_text([Decimal(s.count) for s in plain])} = {vi_number(total)}, "
                      f"khác số đơn vị được đánh giá ({vi_number(whole)})"
                      + (f"; các tỷ lệ nêu kèm đều tính trên {vi_number(total)}" if of_sum else ""), evaluated[-1],
                      reported=str(whole) if of_sum else str(total), expected=str(total) if of_sum else str(whole))


def _shares_of_sum(statements: list[Statement], plain: list[Statement], total: Decimal, whole: Decimal) -> bool:
    """Whether each count by grade of ``plain`` is given with a share ("08 đơn vị xếp loại
    Xuất sắc, chiếm 47,06%") that is its count over ``total``, and none over ``whole``."""
    shares = [st for st in statements if st.kind == StatementKind.SHARE and st.percent is not None]
    paired = []
    for g in plain:
        mine = [st for st in shares if st.paragraph == g.paragraph and st.value == Decimal(g.count)]
        if not mine:
            return False
        paired.append(mine[0])

    def fits(st: Statement, base: Decimal) -> bool:
        return quantize(st.value / base * 100, places_of(st.percent)) == st.percent

    return len(paired) >= 2 and all(fits(st, total) for st in paired) and not any(fits(st, whole) for st in paired)


@rule("FRACTION_MISMATCH", "Phân số x/y trong văn bản có tử số lớn hơn mẫu số")
def fraction_over_one(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một phân số x/y trong lời văn (số đơn vị, điểm, thứ hạng) có tử số
    không lớn hơn mẫu số.
    Vì sao: 21/20 đơn vị hay hạng 64/63 là điều không thể có, thường do gõ nhầm.
    Ví dụ sai: "đã chấm điểm 21/20 UBND xã".
    Ví dụ đúng: "đã chấm điểm 20/20 UBND xã"."""
    seen: set[tuple[int | None, str]] = set()
    for st in report.statements:
        if st.kind not in (StatementKind.FRACTION, StatementKind.SCORE, StatementKind.RANK) \
                or st.numerator is None or not st.denominator:
            continue
        ctx.ledger.statement_checked(st, "fraction-bound")
        if st.numerator <= st.denominator or (st.paragraph, st.text) in seen:
            continue
        seen.add((st.paragraph, st.text))
        what = {"rank": "Thứ hạng", "score": "Điểm"}.get(st.kind, "Số")
        yield finding_at("FRACTION_MISMATCH", "error",
                  f"{what} “{st.text}”: {vi_number(st.numerator)} lớn hơn {vi_number(st.denominator)}", st,
                  reported=st.text, expected=f"≤ {vi_number(st.denominator)}")
