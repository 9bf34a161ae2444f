"""How many units reached one figure of one indicator, as the prose says it
("cả 17/17 cơ quan đều đạt 0 điểm", "DVCTT - Chỉ số 1: 03/21 đơn vị đạt 0
điểm"), held to the column the sentence names, counted over the units the
denominator counts (a table's units, or one group of them)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreRow, ScoreTable, Statement, StatementKind
from ..numbers import format_count, parse_vi_decimal
from ..text import fold
from ..text.names import fold_tones
from .prose_counts import finding_at
from .prose_rows import populations
from .registry import CheckContext, rule


def _named_in(label: str, clause: str) -> bool:
    """The header's words (without its bracket, "(tối đa 5 điểm)") stand in
    the clause as whole words: "Chỉ số 1" is not named by "Chỉ số 12"."""
    bare = fold_tones(fold(re.sub(r"\([^()]*\)", " ", label))).strip()
    return len(bare) >= 4 and re.search(r"(?<!\w)" + re.escape(bare) + r"(?!\w)", clause) is not None


def _column(report: Report, clause: str) -> list[tuple[ScoreTable, str, str]]:
    """(table, key, label) of the columns the clause names, the longest name
    only (a group's "Công khai" inside "Công khai - Chỉ số 1" is not named)."""
    named = [(t, c.key, c.label) for t in report.tables for c in t.columns if _named_in(c.label, clause)]
    longest = max((len(label) for *_, label in named), default=0)
    return [n for n in named if len(n[2]) == longest]


def _value(row: ScoreRow, key: str) -> Decimal | None:
    value = row.scores.get(key)
    return value if isinstance(value, Decimal) else None


@rule("LEVEL_COUNT_MISMATCH", "Số đơn vị đạt một mức điểm ở một chỉ số nêu trong lời văn khác bảng")
def level_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: câu "x/y đơn vị (đều) đạt V điểm" nói về một chỉ số mà câu nêu
    tên (tên cột của bảng): trong bảng có cột đó, nhóm đơn vị có đúng y đơn vị (cả
    bảng, hoặc một nhóm như "I. Cấp sở") phải có đúng x đơn vị ghi V ở cột đó.

    Vì sao: câu tổng hợp "03/21 đơn vị đạt 0 điểm" được viết khi bảng chưa chốt;
    sửa bảng mà không sửa câu là lệch.

    Ví dụ sai: "Chỉ số 14: 17/17 cơ quan đều đạt 0 điểm" trong khi một cơ quan có
    1,5 điểm ở cột Chỉ số 14.

    Ví dụ đúng: "Chỉ số 14: 16/17 cơ quan đạt 0 điểm" và bảng có 16 ô 0 ở cột đó.
    """
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.each is None or st.numerator is None or not st.denominator:
            continue
        found = _held(report, st)
        if found is None:
            continue
        table, key, label, count = found
        ctx.ledger.statement_checked(st, "level-count-table")
        if Decimal(count) == st.numerator:
            continue
        each = st.each
        yield finding_at("LEVEL_COUNT_MISMATCH", "error",
                         f"Văn bản nêu {format_count(st.numerator)}/{format_count(st.denominator)} đơn vị đạt "
                         f"{each} điểm ở “{label}” nhưng bảng {table.index + 1} có {format_count(count)} đơn vị "
                         f"ghi {each} ở cột này", st, table=table.index, column=key,
                         reported=str(st.numerator), expected=str(count))


def _held(report: Report, st: Statement) -> tuple[ScoreTable, str, str, int] | None:
    """The one (table, column, population) the claim is about and the count
    of its units at the figure; None when not exactly one."""
    each = parse_vi_decimal(st.each, "score")
    clause = fold_tones(fold(st.clause or ""))
    hits = []
    for table, key, label in _column(report, clause):
        for rows in populations(table):
            if len(rows) == st.denominator:
                hits.append((table, key, label, sum(1 for _, r in rows if _value(r, key) == each)))
    return hits[0] if len(hits) == 1 else None

