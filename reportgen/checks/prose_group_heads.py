"""Numbered headings that announce the table under them: "1. Nhóm 1: Nhóm các
cơ quan thực hiện đánh giá, xếp loại và xếp hạng chung (14/15 đơn vị)", "2.
Nhóm 2: … (01/15 đơn vị)", each followed by a table of its units. The
headings split one whole (the same y) into groups, one table each, in the
order they are written: the k-th heading's x is the number of units of the
k-th table, and the x add up to y.

Held only when the structure is plain: two headings or more, each with one
x/y of units and no other, one y for all, and exactly as many tables of units
as headings. A numbered sentence that counts units by what they did ("3. So
với quý IV năm 2024, có 05/11 sở, ngành tăng điểm, 06/11 sở, ngành giảm
điểm") or by a band ("đạt từ 80% trở lên") heads no group.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Statement, StatementKind
from ..numbers import format_count
from .prose_counts import finding_at
from .registry import CheckContext, rule
from .relations_support import frames

# The units the fraction counts, named right after it: "(14/15 đơn vị)", "12/15 sở, ngành".
_UNITS_AFTER = re.compile(r"\s*(?:đơn\s+vị|cơ\s+quan|sở|ban|ngành|địa\s+phương|xã|phường|UBND|huyện)(?!\w)",
                          re.I)


def _heading_counts(report: Report) -> list[Statement]:
    heads = {st.paragraph for st in report.statements if st.kind == StatementKind.SECTION}
    texts = {p.index: p.text for p in report.paragraphs}
    out = []
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.paragraph not in heads or st.numerator is None \
                or not st.denominator:
            continue
        text = texts.get(st.paragraph, "")
        at = text.find(st.text)
        if at >= 0 and _UNITS_AFTER.match(text, at + len(st.text)) and not _NOT_A_GROUP.search(text):
            out.append(st)
    # a heading names one group: a numbered sentence with two counts ("3. So với quý IV, có 05/11 sở tăng
    # điểm, 06/11 sở giảm điểm") splits its units by what they did, it heads no table
    per = {p: sum(1 for st in out if st.paragraph == p) for p in {st.paragraph for st in out}}
    return [st for st in out if per[st.paragraph] == 1]


# What a group's heading does not say: a change, a comparison, a band ("có 05/11 sở tăng điểm", "đạt từ 80%").
_NOT_A_GROUP = re.compile(r"(?<!\w)(?:tăng|giảm|so\s+với|cao\s+hơn|thấp\s+hơn|trở\s+lên|trở\s+xuống|dưới|từ\s+\d)"
                          r"(?!\w)", re.I)


@rule("EVALUATED_COUNT_MISMATCH", "Số đơn vị tiêu đề nhóm nêu khác số đơn vị của bảng dưới nó")
def group_heading_counts(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: các tiêu đề nhóm đánh số, mỗi tiêu đề nêu số đơn vị của nhóm trên tổng
    số ("1. Nhóm 1: … (14/15 đơn vị)", "2. Nhóm 2: … (01/15 đơn vị)") và mỗi nhóm một bảng
    ngay dưới: số đơn vị của tiêu đề thứ k bằng số đơn vị của bảng thứ k, và các số đó cộng
    lại bằng tổng số. Chỉ đối chiếu khi có từ hai tiêu đề như vậy, cùng một tổng số, và số
    bảng đơn vị đúng bằng số tiêu đề.
    Vì sao: chuyển một đơn vị từ nhóm này sang nhóm khác mà quên sửa tiêu đề.
    Ví dụ sai: "Nhóm 1 (14/15 đơn vị)" trên một bảng 13 đơn vị.
    Ví dụ đúng: "Nhóm 1 (14/15 đơn vị)" trên bảng 14 đơn vị, "Nhóm 2 (01/15 đơn vị)" trên
    bảng 1 đơn vị."""
    heads = _heading_counts(report)
    if len(heads) < 2 or len({st.denominator for st in heads}) != 1:
        return
    tables = [f for f in frames(report) if not f.transposed and f.units]
    if len(tables) != len(heads):
        return
    whole = heads[0].denominator
    wrong = []
    for st, frame in zip(heads, tables):
        ctx.ledger.statement_checked(st, "group-heading-rows")
        if st.numerator != len(frame.units):
            wrong.append((st, frame))
    for st, frame in wrong:
        yield finding_at("EVALUATED_COUNT_MISMATCH", "error",
                         f"Tiêu đề nhóm nêu {format_count(int(st.numerator))} đơn vị (“{st.text}”) nhưng bảng "
                         f"ngay dưới có {format_count(len(frame.units))} đơn vị", st, table=frame.table.index,
                         reported=str(st.numerator), expected=str(len(frame.units)))
    total = sum((st.numerator for st in heads), Decimal(0))
    if not wrong and total != whole:
        yield finding_at("EVALUATED_COUNT_MISMATCH", "error",
                         f"Các nhóm có {' + '.join(format_count(int(st.numerator)) for st in heads)} = "
                         f"{format_count(int(total))} đơn vị, khác tổng số {format_count(int(whole))} các tiêu đề nêu",
                         heads[0], reported=str(whole), expected=str(total))
