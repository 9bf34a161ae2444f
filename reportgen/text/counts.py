"""What a count of the prose counts and whose it is, for the reader and the
checks alike: "UBND xã Gio Linh nhận được 3.069 lượt đánh giá" counts
"lượt đánh giá" of the unit named before it; "Sở Nội vụ đã tổng hợp 15.212
lượt đánh giá" is the whole the department reports, not its own row; "so
với cùng kỳ … (632 hồ sơ)" is another period's; "có 3 xã" counts units.
"""
from __future__ import annotations

import re
from typing import Sequence

from .names import fold_for_units, unit_forms, whole_words

# A count's figure as the prose writes it: dot thousands ("12.345") or plain digits, never part of a
# decimal, a fraction or a longer number.
NUMBER = r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)"
COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/%]|[.,]\d)\s+(?!%|điểm\b|năm\b|tháng\b|ngày\b"
                   r"|quý\b|tuần\b|giờ\b|lần\b)(?=[^\W\d])", re.I)
# What a count of units counts: such a count is of the table's rows, not a cell.
UNITS_COUNTED = re.compile(r"(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|tỉnh|sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương"
                           r"|ubnd|ủy\s+ban|uỷ\s+ban)(?!\w)", re.I)
CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|chênh\s+lệch|nhiều\s+hơn|ít\s+hơn)(?:\s+thêm)?\s*$", re.I)
# A clause about another period: its figures are not this period's row.
OTHER_PERIOD = re.compile(r"(?<!\w)(?:cùng\s+kỳ|năm\s+trước|quý\s+trước|tháng\s+trước|so\s+với)(?!\w)",
                          re.I)
_CLAUSE = re.compile(r"[;:.!?()]")

# A unit that reports on all ("… đã tổng hợp", "… báo cáo", "… thống kê"): the figures after are not its own.
_REPORTING = tuple(fold_for_units(w) for w in ("tổng hợp", "báo cáo", "thống kê"))
_STAGE_WORDS = tuple(fold_for_units(w) for w in ("đã", "đang"))


def counted(text: str, at: int) -> str:
    """What a count ending at ``at`` counts: the words after it up to the
    next punctuation or "và" (ten at most): "18.837 lượt rất hài lòng
    (chiếm …)" counts "lượt rất hài lòng"."""
    return " ".join(re.split(r"[,;:.()]|\s(?:và|cùng|trong|trên)\s", text[at:])[0].split()[:10])


def reports(after: str) -> bool:
    """Whether the words right after a unit's name (folded as names are) say
    that it reports: "đã tổng hợp", "báo cáo"."""
    words = [w.strip(":,;.()") for w in after.split()]
    if words and words[0] in _STAGE_WORDS:
        words = words[1:]
    return " ".join(words[:2]) in _REPORTING


def unit_named(sentence: str, units: Sequence[str]) -> str | None:
    """The unit of ``units`` the sentence names last before a count (the
    longest of those ending last), or None: "UBND xã Phúc Thọ tiếp nhận 120
    hồ sơ" is that unit's count, not the total row's; "Sở Nội vụ đã tổng
    hợp 15.212 lượt đánh giá" is what the unit reports of all."""
    found = last_unit(sentence, units)
    return found[0] if found else None


def last_unit(sentence: str, units: Sequence[str]) -> tuple[str, str] | None:
    """(unit, the folded words after its name) of :func:`unit_named`."""
    folded = fold_for_units(sentence)
    best: tuple[int, int, str] | None = None
    for unit in dict.fromkeys(units):
        for form in unit_forms(unit):
            at = folded.rfind(form)
            while at >= 0 and not whole_words(folded, at, len(form)):
                at = folded.rfind(form, 0, at)
            if at >= 0 and reports(folded[at + len(form):]):
                continue
            if at >= 0 and (best is None or (at, len(form)) > best[:2]):
                best = (at, len(form), unit)
    return (best[2], folded[best[0] + best[1]:]) if best else None


def of_this_period(text: str, at: int) -> bool:
    """Whether the count at ``at`` is not in a clause about another period;
    a count in brackets belongs to the words the bracket explains as well:
    "So với cùng kỳ năm 2025 (tiếp nhận 632 hồ sơ), …" is last year's."""
    opened, closed = text.rfind("(", 0, at), text.rfind(")", 0, at)
    end = opened if opened > closed else at
    clause = text[max((c.end() for c in _CLAUSE.finditer(text, 0, end)), default=0):at]
    return not OTHER_PERIOD.search(clause)
