"""How many units a passage says were evaluated ("Thực hiện đánh giá đối với
10/10 UBND cấp huyện", "Có 3 đơn vị được đánh giá", "Khối sở, ban, ngành (9
đơn vị)", "… của 13 đơn vị"), against the table of results the passage
names and the counts by grade written right after it.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_count
from ..text.labels import stat_of
from .prose_counts import finding_at
from .prose_rows import only_units_table, scope_group, scopes, section_named, sole_unit_table, unit_grades
from .registry import CheckContext, rule


@rule("EVALUATED_COUNT_MISMATCH", "Số đơn vị được đánh giá nêu trong văn bản khác số dòng của bảng")
def evaluated_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị được đánh giá nêu trong lời văn so với số đơn vị trong bảng
    kết quả mà đoạn văn nói tới (hoặc bảng điểm duy nhất của văn bản).
    Vì sao: khi thêm hoặc bớt đơn vị trong bảng, câu "đánh giá N đơn vị" hay bị bỏ quên.
    Ví dụ sai: "Thực hiện đánh giá đối với 11/11 UBND cấp huyện" mà bảng có 10 huyện.
    Ví dụ đúng: "Thực hiện đánh giá đối với 10/10 UBND cấp huyện" và bảng có 10 huyện."""
    yield from _group_populations(report, ctx)
    for scope, statements in scopes(report).items():
        evaluated = [st for st in statements if st.kind == StatementKind.EVALUATED_COUNT and not st.title]
        if not evaluated:
            continue
        if unit_grades(statements):
            group, by_names = scope_group(report, statements)
        else:  # no counts by grade: the report's one table of units, if it has one
            group, by_names = sole_unit_table(report) or only_units_table(report), False
        if not group:
            continue
        st = evaluated[-1]
        ctx.ledger.statement_checked(st, "evaluated-rows")
        if st.count != len(group):
            yield finding_at("EVALUATED_COUNT_MISMATCH", "error" if by_names else "warning",
                      f"Văn bản nêu đánh giá {format_count(st.count)} đơn vị nhưng bảng kết quả có "
                      f"{format_count(len(group))} đơn vị", st, table=group[0][0],
                      reported=str(st.count), expected=str(len(group)))


def _group_populations(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """A group's number of units in brackets ("Khối sở, ban, ngành (9 đơn vị)")
    against the unit rows of the one section of a table its name names ("A.
    CÁC SỞ, BAN, NGÀNH"): sure, an error. A group no section names is left to
    the counts by grade after it (evaluated-vs-grade-denominators)."""
    for st in report.statements:
        if st.kind != StatementKind.EVALUATED_COUNT or not st.title or st.count is None:
            continue
        found = [(t, rows) for t in report.tables if (rows := section_named(t, f"{st.title}:")) is not None]
        if len(found) != 1:
            continue
        table, rows = found[0]
        units = [i for i in sorted(rows) if table.rows[i].unit and not stat_of(table.rows[i].unit)]
        ctx.ledger.statement_checked(st, "evaluated-rows")
        ctx.ledger.table_checked(table.index, "evaluated-rows", [])
        if st.count != len(units):
            yield finding_at("EVALUATED_COUNT_MISMATCH", "error",
                             f"Văn bản nêu {st.title} có {format_count(st.count)} đơn vị nhưng phần tương ứng của "
                             f"bảng {table.index + 1} có {format_count(len(units))} đơn vị", st, table=table.index,
                             reported=str(st.count), expected=str(len(units)))


_FOLLOWING = 3  # paragraphs after an evaluated count where its counts by grade are looked for


@rule("EVALUATED_COUNT_MISMATCH", "Số đơn vị được đánh giá khác mẫu số của các kết quả xếp loại ngay sau")
def evaluated_vs_grade_denominators(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị được đánh giá ("Số cơ quan được đánh giá: 20 cơ quan") so với
    mẫu số của các kết quả xếp loại viết ngay sau nó ("20/20 cơ quan xếp loại …").
    Vì sao: hai con số cùng nói về một tập đơn vị; khác nhau là một trong hai bị gõ nhầm
    hoặc chưa cập nhật. Chỉ là cảnh báo: kết quả ngay sau có thể nói về một nhóm con.
    Ví dụ sai: "Số cơ quan được đánh giá: 20 cơ quan." rồi "- 19/19 cơ quan xếp loại Tốt."
    Ví dụ đúng: "Số cơ quan được đánh giá: 20 cơ quan." rồi "- 20/20 cơ quan xếp loại Tốt"."""
    statements = report.statements
    for k, st in enumerate(statements):
        if st.kind != StatementKind.EVALUATED_COUNT or st.count is None or st.paragraph is None \
                or st.denominator is not None:
            continue
        near = []
        for other in statements[k + 1:]:
            if other.paragraph is None or other.paragraph > st.paragraph + _FOLLOWING \
                    or other.kind == StatementKind.SECTION and other.paragraph != st.paragraph:
                break
            if other.kind == StatementKind.GRADE_COUNT and other.denominator is not None:
                near.append(other)
        if not near:
            continue
        near = [o for o in near if o.paragraph == st.paragraph] or near  # its own paragraph's first: "Khối A (9
        # đơn vị): 4/9 …" then "Khối B (8 đơn vị): 2/8 …"
        dens = {int(o.denominator) for o in near}
        if st.count not in dens and len(dens) != 1:
            continue  # counts of several groups: nothing to compare with
        for o in (st, *near):
            ctx.ledger.statement_checked(o, "evaluated-denominator")
        if st.count in dens:
            continue
        (den,) = dens
        yield finding_at("EVALUATED_COUNT_MISMATCH", "warning",
                         f"Văn bản nêu {format_count(st.count)} đơn vị được đánh giá nhưng kết quả xếp loại ngay sau "
                         f"tính trên {format_count(den)} đơn vị", near[0],
                         reported=str(den), expected=str(st.count))
