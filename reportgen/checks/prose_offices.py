"""Counts by level against the offices a document lists with their counts.

A reminder of late dossiers lists the offices and what each holds, "Có 06/20
cơ quan, đơn vị còn để xảy ra hồ sơ quá hạn, gồm: Sở Tài chính (56 hồ sơ), …,
Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ)", then sums them by
level: "Số hồ sơ quá hạn nêu trên gồm 354 hồ sơ, trong đó: các sở, ngành 166 hồ
sơ, UBND cấp huyện 188 hồ sơ". Where the listed counts make that whole and the
levels of the parts are the levels of the listed offices, each part is the sum
of the listed counts of its level (`reportgen.text.organisations` reads the
list and each office's level).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Statement, StatementKind
from ..numbers import parse_vi_number
from ..text.counts import NUMBER
from ..text.levels import tiers_of
from ..text.organisations import Office, listed_offices
from .prose_counts import finding_at, vi_number
from .registry import CheckContext, rule
from .relations_support import short

_BRACKET = re.compile(r"^" + NUMBER + r"\s+(?P<noun>[^\W\d][^\d]{0,30})$")
_LOOK_BACK = 2  # paragraphs between the list and the sum of it


def _counts(offices: list[Office]) -> list[tuple[Office, Decimal, str]] | None:
    """Each office with the count in its bracket and that count's noun; None
    when an office has no such bracket."""
    out = []
    for office in offices:
        m = _BRACKET.match(office.bracket or "")
        if not m:
            return None
        out.append((office, parse_vi_number(m.group(1), "count").value, " ".join(m.group("noun").split())))
    return out


def _lists_before(report: Report, st: Statement) -> Iterator[list[tuple[Office, Decimal, str]]]:
    """The lists of offices with their counts the prose gives before ``st``,
    nearest first, within a few paragraphs."""
    for other in sorted(report.statements, key=lambda o: (-(o.paragraph or 0), -(o.at or 0))):
        if not other.listed or other.paragraph is None or st.paragraph is None:
            continue
        if not (st.paragraph - _LOOK_BACK <= other.paragraph <= st.paragraph):
            continue
        if other.paragraph == st.paragraph and (other.at or 0) >= (st.at or 0):
            continue
        offices = listed_offices(other.listed)
        counted = _counts(offices) if offices else None
        if counted:
            yield counted


def _part_tiers(st: Statement) -> list[str] | None:
    """The one level each part of ``st`` names (the words between the figure
    before it and its own), or None."""
    figures = iter(re.finditer(NUMBER, st.text or ""))
    start = next((m.end() for m in figures if parse_vi_number(m.group(1), "count").value == st.whole), None)
    if start is None:
        return None
    tiers = []
    for part in st.parts:
        m = next((m for m in figures if parse_vi_number(m.group(1), "count").value == part), None)
        if m is None:
            return None
        found = tiers_of(st.text[start:m.start()])
        if len(found) != 1:
            return None
        tiers.append(found[0])
        start = m.end()
    return tiers if len(set(tiers)) == len(tiers) else None


@rule("SUM_MISMATCH", "Số theo cấp khác tổng các số của các cơ quan cấp đó đã liệt kê ở trên")
def level_parts_vs_listed_offices(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tổng chia theo cấp ("354 hồ sơ, trong đó: các sở, ngành 166 hồ sơ,
    UBND cấp huyện 188 hồ sơ") đặt sau danh sách các cơ quan kèm số của từng cơ quan ("Sở
    Tài chính (56 hồ sơ), …, Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ)"),
    khi các số trong danh sách cộng lại đúng bằng tổng và danh sách có đúng các cấp mà
    câu chia: số của mỗi cấp bằng tổng số của các cơ quan cấp đó trong danh sách.
    Vì sao: số theo cấp được cộng tay từ danh sách; sửa một chỗ mà quên chỗ kia làm văn
    bản tự mâu thuẫn.
    Ví dụ sai: "… Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ). Số hồ sơ quá
    hạn nêu trên gồm 354 hồ sơ, trong đó: các sở, ngành 166 hồ sơ, UBND cấp huyện 173 hồ sơ."
    Ví dụ đúng: "… trong đó: các sở, ngành 166 hồ sơ, UBND cấp huyện 188 hồ sơ"."""
    for st in report.statements:
        if st.kind != StatementKind.SUM or st.whole is None or len(st.parts) < 2:
            continue
        tiers = _part_tiers(st)
        if tiers is None:
            continue
        for counted in _lists_before(report, st):
            nouns = {noun for _, _, noun in counted}
            if len(nouns) != 1 or (st.noun and st.noun not in nouns):
                continue
            if sum(n for _, n, _ in counted) != st.whole or {o.tier for o, _, _ in counted} != set(tiers):
                continue
            ctx.ledger.statement_checked(st, "level-parts-vs-listed-offices")
            (noun,) = nouns
            for tier, part in zip(tiers, st.parts):
                listed = [(o, n) for o, n, _ in counted if o.tier == tier]
                expected = sum(n for _, n in listed)
                if part == expected:
                    continue
                terms = " + ".join(vi_number(n) for _, n in listed)
                listed_sum = f"{terms} = {vi_number(expected)}" if len(listed) > 1 else vi_number(expected)
                names = "; ".join(o.name for o, _ in listed)
                yield finding_at("SUM_MISMATCH", "error",
                                 f"Số của cấp {tier} ghi {vi_number(part)} {noun}, nhưng các cơ quan cấp {tier} liệt "
                                 f"kê ở trên ({short(names, 80)}) có {listed_sum} {noun} (danh sách cộng lại "
                                 "đúng bằng tổng của câu)", st, reported=str(part), expected=str(expected))
            break
