"""Counts of units that reached one figure of one indicator: "Chỉ số 14
(tối đa 2 điểm) còn thấp …; cả 17/17 cơ quan đều đạt 0 điểm", "DVCTT - Chỉ số
1: 03/21 đơn vị đạt 0 điểm: UBND các xã: …". The fraction reader's x/y
statement learns the figure each of the x units reached (``each``) and
the words before it (``clause``), where the indicator is named; the
check holds it to the column of that name (checks/prose_levels.py).
"""
from __future__ import annotations

import re

from ..model import Statement, StatementKind
from .statements_blocks import Block

_EACH = re.compile(r"\s*(?:[^\W\d][\w&]*,?\s+){0,5}?(?:đều\s+|cùng\s+)?(?:chỉ\s+)?đạt\s+"
                   r"(?P<each>\d{1,3}(?:,\d{1,3})?)\s*điểm(?!\s*(?:tối|chuẩn|trở|trên|dưới|/))", re.I)


def mark_levels(block: Block, statements: list[Statement]) -> None:
    """Mark the block's x/y counts followed by "… đạt V điểm"."""
    text = block.text
    for st in statements:
        if st.paragraph != block.index or st.kind != StatementKind.FRACTION or not st.denominator \
                or st.each is not None:
            continue
        at = st.at if st.at is not None else -1
        if at < 0 or not text.startswith(st.text, at):
            continue
        m = _EACH.match(text, at + len(st.text))
        if m is None:
            continue
        st.each = m.group("each")
        if st.clause is None:
            st.clause = text[:at]
