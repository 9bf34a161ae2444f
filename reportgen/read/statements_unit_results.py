"""A ranking given in sentences, one clause a unit: "Sở Công Thương đạt
87,84 điểm, xếp thứ 1, xếp loại Tốt; Sở Y tế đạt 77,21 điểm, xếp thứ 6
(đồng hạng), xếp loại Khá; …". Each clause is a 'rank' statement of its
unit: ``numerator`` the place, ``value`` the points, ``grade_written`` the
grade (when said), ``context`` "đồng hạng" when the clause says the place is
shared. Only a clause that names a unit (:func:`looks_like_unit`) and gives
its points and its place is one; a place out of a whole ("xếp thứ 43/63")
is a fraction's (:mod:`.statements_xy`). A unit of the document's tables is
left to the rules that hold its figures to its row: these clauses are the
ranking of a document that gives it in words only.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Statement, StatementKind
from ..text.names import looks_like_unit, same_unit
from .statements_blocks import Block
from .statements_grades import grade_after

_RESULT = re.compile(r"(?P<unit>[^\W\d][^;:.()\d]{1,100}?)\s+(?:đạt|được)\s+(?P<points>\d{1,3}(?:,\d{1,3})?)\s*điểm"
                     r"\s*[,;]?\s*(?:và\s+)?xếp\s+(?:thứ|hạng)(?:\s+thứ)?\s+(?P<rank>\d{1,3})(?![\d/]|,\d)"
                     r"(?P<tie>\s*\(\s*đồng\s+hạng\s*\))?", re.I)


def unit_result_statements(block: Block, scope: str | None, tabled: list[str]) -> list[Statement]:
    """The units' places, points and grades the clauses of ``block`` give,
    but those of the units of ``tabled`` (the tables' units)."""
    out = []
    text = block.text
    for m in _RESULT.finditer(text):
        unit = " ".join(m.group("unit").split()).strip(" ,-–")
        unit = re.sub(r"^(?:và|còn|trong\s+đó|tiếp\s+theo\s+là|tiếp\s+đến\s+là)\s+", "", unit, flags=re.I)
        if not looks_like_unit(unit) or any(same_unit(unit, t) for t in tabled):
            continue
        out.append(Statement(kind=StatementKind.RANK, text=m.group(0).strip(), paragraph=block.index, page=block.page,
                             unit=unit, numerator=Decimal(m.group("rank")), value=Decimal(m.group("points")
                                                                                          .replace(",", ".")),
                             grade_written=grade_after(text, m.end()) or None, scope=scope, at=m.start("points"),
                             claim=True, context="đồng hạng" if m.group("tie") else None))
    return out
