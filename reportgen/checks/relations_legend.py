"""A minimal reading of grade bands the document states in its prose or in a
table's notes ("TỐT ≥ 80", "Từ 65 đến dưới 80 điểm: Khá", "Khá: từ 65% đến
dưới 80%"), used by GRADE_BAND_MISMATCH only while ``Report.grade_legend``
(filled by the reader of legends) is empty.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import GradeBand, Report
from .relations_grade_words import grade_level

_GRADE = r"(xuất\s*sắc|tốt|khá|trung\s*bình|yếu|kém)"
_N = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_UNIT = r"\s*(?:%|điểm|đ)?"
_UPTO = r"(?:đến\s*dưới|đến\s*<|<|-|–|đến)"
_PATTERNS = (
    # "Tốt: từ 80% trở lên", "TỐT ≥ 80", "Khá: từ 65% đến dưới 80%", "KHÁ 65 đến < 80"
    re.compile(_GRADE + r"\s*[:(]?\s*(?:(?:từ|≥|>=)\s*" + _N + _UNIT + r"(?:\s*trở\s*lên)?(?:\s*" + _UPTO + r"\s*"
               + _N + _UNIT + r")?|" + _N + _UNIT + r"\s*" + _UPTO + r"\s*" + _N + _UNIT + r")", re.I),
    # "Từ 65 đến dưới 80 điểm: Khá", "từ 80 điểm trở lên xếp loại Tốt"
    re.compile(r"từ\s*" + _N + _UNIT + r"\s*(?:" + _UPTO + r"\s*" + _N + _UNIT + r"|trở\s*lên)"
               r"\s*(?::|xếp\s*loại|được\s*xếp\s*loại|là)\s*" + _GRADE, re.I),
    # "dưới 50%: Yếu"
    re.compile(r"dưới\s*" + _N + _UNIT + r"\s*(?::|xếp\s*loại)\s*" + _GRADE, re.I),
)


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text.replace(",", ".")) if text else None


def stated_bands(report: Report) -> list[GradeBand]:
    if report.grade_legend:
        return list(report.grade_legend)
    out: list[GradeBand] = []
    seen = set()
    for p in report.paragraphs:
        text = p.text
        for k, pattern in enumerate(_PATTERNS):
            for m in pattern.finditer(text):
                if k == 0:
                    grade = m.group(1)
                    lower, upper = (_dec(m.group(2)), _dec(m.group(3))) if m.group(2) else \
                        (_dec(m.group(4)), _dec(m.group(5)))
                elif k == 1:
                    lower, upper, grade = _dec(m.group(1)), _dec(m.group(2)), m.group(3)
                else:
                    lower, upper, grade = None, _dec(m.group(1)), m.group(2)
                level = grade_level(grade)
                if level is None or level[0] in seen:
                    continue
                seen.add(level[0])
                out.append(GradeBand(grade=level[1], lower=lower, upper=upper, paragraph=p.index, text=m.group(0)))
    return out if len(out) >= 2 else []
