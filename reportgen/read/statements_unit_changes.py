"""A change the prose states of one unit with no earlier figure beside it:
"Giảm nhiều nhất là Sở Xây dựng với 60,38 điểm, giảm 4,91 điểm so với kỳ
trước", "Sở Nội vụ tăng 4,52 điểm". The earlier figure is in the table (a
column "Tăng (+)/giảm (-)", or the two periods' columns), so the change is
a claim about the unit's row: a ``change`` statement with ``unit`` set,
``parts`` the signed change, no ``whole`` (which
:mod:`reportgen.checks.prose_unit_changes` checks). The figure written
after "tăng"/"giảm" is the change, never the unit's own points: it is no
claim of its own.

A change of a count ("giảm nhiều nhất là Sở Xây dựng, giảm 50 hồ sơ") is
read the same way, its measure a count.

Left out: changes whose earlier figure the sentence gives ("… so với quý II
(81,15 điểm)", read by :mod:`.statements_changes`), changes of ranks ("tăng
3 bậc"), and sentences that name no unit of the tables.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from ..model import Measure, Statement, StatementKind
from ..text.counts import unit_named
from .statements_blocks import Block

_CHANGE = re.compile(r"(?<!\w)(?P<dir>tăng|giảm)(?:\s+(?:thêm|được))?\s+(?P<d>\d{1,3}(?:,\d{1,3})?)(?![\d.,])\s*"
                     r"(?P<du>điểm\s+phần\s+trăm|điểm|%)(?!\w)(?!\s*\()"
                     # a count: "giảm nhiều nhất là Sở Xây dựng, giảm 50 hồ sơ"; thousands with dots ("tăng 1.250 lượt")
                     r"|(?<!\w)(?P<cdir>tăng|giảm)(?:\s+(?:thêm|được))?\s+(?P<c>\d{1,3}(?:\.\d{3})*)(?![\d.,])\s+"
                     r"(?P<noun>hồ\s+sơ|lượt(?:\s+\w+)?|thủ\s+tục|giao\s+dịch)(?!\w)(?!\s*\()", re.I)
# An earlier figure the sentence gives: that change is another reader's.
_EARLIER_GIVEN = re.compile(r"so\s+với[^.;]{0,80}?(?:\(\s*\d|\blà\s+\d)", re.I)
_SENTENCE_END = re.compile(r"[.!?;]\s")


def unit_change_statements(block: Block, scope: str | None, units: Sequence[str],
                           here: list[Statement]) -> list[Statement]:
    """The changes of ``block`` stated of one unit with no earlier figure
    (see the module); ``here``: the statements already read from the
    block (a figure among them that is such a change stops being a claim)."""
    text = block.text
    out: list[Statement] = []
    if not units:
        return out
    for m in _CHANGE.finditer(text):
        start = m.start()
        count = m.group("c") is not None
        figure = "c" if count else "d"
        if any(st.kind == StatementKind.CHANGE and st.at is not None
               and st.at <= m.start(figure) < st.at + len(st.text) for st in here):
            continue
        opens = max((s.end() for s in _SENTENCE_END.finditer(text, 0, start)), default=0)
        close = _SENTENCE_END.search(text, m.end())
        if _EARLIER_GIVEN.search(text, opens, close.start() if close else len(text)):
            continue
        unit = unit_named(text[opens:start], units)
        if unit is None:
            continue
        change = Decimal(m.group(figure).replace(".", "") if count else m.group("d").replace(",", "."))
        signed = change if m.group("cdir" if count else "dir").casefold() == "tăng" else -change
        du = " ".join(m.group("du").casefold().split()) if not count else ""
        measure = Measure.COUNT if count else Measure.PERCENT if du == "%" else Measure.POINTS
        for st in here:  # the change written after "giảm" is not the unit's points (nor its count)
            if st.at is not None and m.start(figure) <= st.at < m.end():
                st.claim, st.unit = False, None
        out.append(Statement(kind=StatementKind.CHANGE, text=text[start:m.end()], paragraph=block.index,
                             page=block.page, parts=[signed], unit=unit, claim=True, scope=scope, at=start,
                             clause=text[opens:start], measure=measure, context=text[opens:close.end() if close
                                                                                     else len(text)],
                             written=m.group(figure), noun=" ".join(m.group("noun").split()) if count else None))
    return out
