"""One figure stated as a share of a base and of a target raised from that
base, in one sentence: "Tổng thu ngân sách … đạt 26.353,6 tỷ đồng, bằng 98,44%
dự toán Trung ương, … và bằng 78,75% so với chỉ tiêu phấn đấu tăng thu 25% so
với dự toán Trung ương giao". The target is the base × (100 + 25) / 100, so
the second share is the first × 100 / 125: 98,44 × 100 / 125 = 78,75.

The percent of the target is marked ``of_raised`` (the first share's
value) and ``raised_by`` (the increase), and the increase itself is a
rule of the target, not a claim. Read only where the words name the same base
twice ("dự toán Trung ương" … "so với dự toán Trung ương giao").
"""
from __future__ import annotations

import re

from ..model import Statement, StatementKind
from ..text.names import fold_tones
from .statements_blocks import Block

_P = r"(\d+(?:,\d+)?)\s*%"
_SHARE_OF = re.compile(r"(?:bằng|đạt)\s+" + _P + r"\s+(?:so\s+với\s+)?(?P<base>[^\W\d][^,;()%]{2,60}?)\s*"
                       r"(?=,|;|\.|\(|và\b|$)", re.I)
_RAISED = re.compile(r"(?:bằng|đạt)\s+" + _P + r"\s+(?:so\s+với\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)[^%;()]{0,40}?"
                     r"(?<!\w)tăng(?:\s+thu)?\s+" + _P + r"\s+so\s+với\s+(?P<base>[^\W\d][^,;()%]{2,60}?)\s*"
                     r"(?=,|;|\.|\(|và\b|$)", re.I)


def _words(text: str) -> list[str]:
    return fold_tones(" ".join(text.casefold().split())).split()


def _same_base(first: str, second: str) -> bool:
    """"dự toán Trung ương" and "dự toán Trung ương giao": the first's words
    open the second (at least two words)."""
    a, b = _words(first), _words(second)
    return len(a) >= 2 and b[:len(a)] == a


def mark_raised_targets(block: Block, statements: list[Statement]) -> None:
    """Mark the block's percent statements (see the module)."""
    text = block.text
    percents = {st.at: st for st in statements if st.kind == StatementKind.PERCENT and st.paragraph == block.index
                and st.at is not None}
    for m in _RAISED.finditer(text):
        share, raise_by = percents.get(m.start(1)), percents.get(m.start(2))
        if share is None or raise_by is None:
            continue
        start = max(text.rfind(". ", 0, m.start()), 0)
        firsts = [f for f in _SHARE_OF.finditer(text, start, m.start())
                  if _same_base(f.group("base"), m.group("base")) and f.start(1) in percents]
        if len(firsts) != 1:
            continue
        first = percents[firsts[0].start(1)]
        share.of_raised, share.raised_by, share.raised_from = first.value, raise_by.value, first.at
        raise_by.claim = False  # the target's increase: a rule, not a measured value
