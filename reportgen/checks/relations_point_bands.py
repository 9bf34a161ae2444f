"""Grades on absolute point bands of a shipped scheme (TT 01/2018/TT-VPCP:
Xuất sắc from 15 of 18, Tốt from 12, Khá from 9, Trung bình from 6), for a
table the scheme does not bind (its columns named "CS1 … CS9") and a
document that states no legend.

The table's own order with round edges (multiples of 5) is the rule for
percents; on an 18-point total the edges 12, 9 and 6 are no multiples of 5,
so a clean table broke it. A scheme's point bands are taken as the table's
when its graded column lies on the scheme's scale and every unit fits them,
or every unit but one fits them and the document says it is graded that way
(the header states the scheme's maximum, "Tổng điểm (tối đa 18)", or the
text cites the scheme's act, "Thông tư số 01/2018/TT-VPCP").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import Report
from ..schemes import Scheme, shipped_schemes
from .relations_frame import Col, Frame, Row
from .relations_grade_words import grade_level

_ACT = re.compile(r"\d{1,4}/\d{4}/[A-ZĐ]+(?:-[A-ZĐ]+)+")


@dataclass
class PointBands:
    scheme: Scheme
    basis: Col
    bands: list  # (level, lower, lower_inclusive, upper, upper_inclusive), as relations_grades reads them
    off: list[Row]  # units whose grade is not their band's
    stated: bool  # the header or the text names the scheme


@lru_cache(maxsize=1)
def _point_schemes() -> tuple[tuple[Scheme, list], ...]:
    out = []
    for scheme in shipped_schemes().values():
        if scheme.grade_on != "points" or not scheme.grades or not scheme.total_max:
            continue
        bands, upper = [], None
        for band in sorted(scheme.grades, key=lambda g: g.min, reverse=True):
            level = grade_level(band.name)
            if level is None:
                break
            bands.append((level[0], Decimal(band.min), True, upper, False))
            upper = Decimal(band.min)
        else:
            out.append((scheme, bands))
    return tuple(out)


def _acts(scheme: Scheme) -> list[str]:
    """The act a scheme is known by: the numbers its title cites, else its basis's."""
    return _ACT.findall(scheme.title or "") or _ACT.findall(scheme.basis or "")


def _cites(report: Report, scheme: Scheme) -> bool:
    acts = _acts(scheme)
    if not acts:
        return False
    texts = [p.text for p in report.paragraphs] + [t.title or "" for t in report.tables]
    texts.append(report.meta.subject or "")
    return any(act in text for text in texts for act in acts)


def _band_of(value: Decimal, bands: list) -> int | None:
    for level, lower, _, upper, _ in bands:
        if value >= lower and (upper is None or value < upper):
            return level
    return None


def point_bands(report: Report, frame: Frame, units: list[Row]) -> PointBands | None:
    """The shipped scheme whose point bands grade ``units``, and the column they grade."""
    best: PointBands | None = None
    for scheme, bands in _point_schemes():
        top = Decimal(scheme.total_max)
        cited = None
        for col in frame.nums():
            if col.role in ("max", "percent"):
                continue
            values = [r.value(col.index) for r in units]
            if any(v is None or not 0 <= v <= top for v in values):
                continue
            off = [r for r in units if _band_of(r.value(col.index), bands) != r.grade]
            if len(off) > 1:
                continue
            if off:
                if cited is None:
                    cited = _cites(report, scheme)
                stated = col.max == top or cited
                if not stated:
                    continue
            else:
                stated = col.max == top
            # two grades at least (one grade fits any band that holds every value by chance)
            if len({r.grade for r in units}) < 2:
                continue
            if best is None or len(off) < len(best.off):
                best = PointBands(scheme, col, bands, off, stated)
    return best
