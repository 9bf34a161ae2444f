"""A unit's list of indicators read against the scheme the document uses.

A table that lists one unit's QĐ 766 indicators row by row ("Tỷ lệ % | Điểm
đánh giá") writes no maximum: the points-from-rate rule holds it to some whole
maximum, and a row at full points (100 % → 4 điểm) fits any of them, so its
cells are only bounded. Where the document binds another of its tables to a
scheme that names the row's indicator (``[[criteria]]`` in the scheme's data:
its maximum and, where stated, its threshold), the row's points must follow
from its rate with that maximum: then a row at full points is checked too,
and a row whose points another maximum gives is a slip.

A row names an indicator when its label, folded (case, tone placement,
spaces and punctuation, "TTHC" for "thủ tục hành chính"), equals one of the
indicator's names; a name shared by indicators of different maxima names none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import Report
from ..numbers import format_vi
from ..schemes import Criterion, Scheme
from ..text.names import name_key
from .registry import CheckContext

THRESHOLDS = (Decimal(100), Decimal(80), Decimal(50), Decimal(90))

# Abbreviations the portal's indicator names use, spelled out for matching.
_SPELLED = ((re.compile(r"(?<!\w)tthc(?!\w)"), "thủ tục hành chính"),
            (re.compile(r"(?<!\w)dvcqg(?!\w)"), "dịch vụ công quốc gia"),
            (re.compile(r"(?<!\w)pakn(?!\w)"), "phản ánh kiến nghị"))


@lru_cache(maxsize=4096)
def criterion_key(label: str) -> str:
    """The matching key of an indicator's name (see the module's docstring)."""
    key = name_key(label)
    for pattern, full in _SPELLED:
        key = pattern.sub(name_key(full), key)
    return " ".join(key.split())


@dataclass(frozen=True)
class Named:
    """The indicator a row names, and the scheme that names it."""

    criterion: Criterion
    scheme: Scheme


def document_criteria(report: Report, ctx: CheckContext) -> dict[str, Named]:
    """The indicators the schemes of the document's own tables name, by
    folded name; a name two indicators of different rules share is left out."""
    out: dict[str, Named] = {}
    clash: set[str] = set()
    seen: set[str] = set()
    for table in report.tables:
        scheme = ctx.scheme_of(table)
        if scheme is None or scheme.name in seen:
            continue
        seen.add(scheme.name)
        for crit in scheme.criteria:
            for name in crit.names:
                key = criterion_key(name)
                known = out.get(key)
                if known is not None and (known.criterion.max, known.criterion.threshold) != (crit.max, crit.threshold):
                    clash.add(key)
                out.setdefault(key, Named(crit, scheme))
    return {k: v for k, v in out.items() if k not in clash}


def named_by(criteria: dict[str, Named], label: str) -> Named | None:
    return criteria.get(criterion_key(label)) if criteria and label else None


def expected_points(rate: Decimal, crit: Criterion) -> list[tuple[Decimal, Decimal]]:
    """(points, threshold) the indicator gives at ``rate``: one value with its
    stated threshold; with none stated, the value of each of 100, 80, 50 and
    90 % (one value when the rate is 0 or at least 100 %, where the threshold
    does not matter)."""
    thresholds = (crit.threshold,) if crit.threshold is not None else THRESHOLDS
    out: list[tuple[Decimal, Decimal]] = []
    for t in thresholds:
        want = crit.max if rate >= t else rate * crit.max / t
        if all(want != w for w, _ in out):
            out.append((want, t))
    return out


def rule_text(crit: Criterion) -> str:
    if crit.threshold is None:
        return f"tối đa {format_vi(crit.max)} điểm"
    return (f"tối đa {format_vi(crit.max)} điểm, đủ điểm từ {format_vi(crit.threshold)}%, dưới đó tỷ lệ × tối đa / "
            f"{format_vi(crit.threshold)}")
