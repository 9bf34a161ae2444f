"""A count the prose states of one unit of the tables: "UBND xã Gio Linh
nhận được 3.069 lượt đánh giá, trong đó không hài lòng 44 lượt", "Sở Y tế
tiếp nhận 1.245 hồ sơ". Each is a claim about that unit's row (a
``count`` statement with ``unit``, ``noun`` and ``claim`` set), so that a
count no check could pair with a cell is said to be unchecked, never passed
in silence. Which cell it is of is the checks' business
(:mod:`reportgen.checks.prose_totals`).

A count is a unit's when the sentence before it names a unit of the tables
(the last named, the longest of those) whose name is an office's or a
place's ("UBND xã …", "Sở …", "Văn phòng …": a row "Cải cách thể chế" is
a field, not a unit) and that is not the one reporting on all
("Sở Nội vụ đã tổng hợp 15.212 lượt đánh giá" is the whole, not the
department's own row). Left out: counts of units ("có 3 xã"), of time
("12 tháng"), a change ("tăng 120 hồ sơ"), a figure of another period
("so với cùng kỳ … 632 hồ sơ"), a number that is part of a name or a
reference ("Phường 1", "Điều 5"), and figures another statement already
holds (a share, a sum, a fraction).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from ..model import Statement
from ..text.names import fold_for_units, looks_like_unit, unit_forms, whole_words
from .statements_blocks import Block

COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/%]|[.,]\d)\s+(?!%|điểm\b|năm\b|tháng\b|ngày\b"
                   r"|quý\b|tuần\b|giờ\b|lần\b)(?=[^\W\d])", re.I)
# What a count of units counts: such a count is of the table's rows, not a cell.
UNITS_COUNTED = re.compile(r"(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|tỉnh|sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương"
                           r"|ubnd|ủy\s+ban|uỷ\s+ban)(?!\w)", re.I)
CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|chênh\s+lệch|nhiều\s+hơn|ít\s+hơn)(?:\s+thêm)?\s*$", re.I)
# A number that is part of a name or a reference, not a count: "Phường 1", "Điều 5", "Phụ lục 2".
_NAME_BEFORE = re.compile(r"(?<!\w)(?:phường|xã|quận|huyện|khu|tổ|ấp|thôn|bản|số|điều|khoản|mục|điểm|phụ\s+lục|biểu|"
                          r"bảng|quý|tháng|năm|ngày|tuần|thứ|hạng|loại|nhóm|chỉ\s+số|tiêu\s+chí|cấp|lần|khóa|"
                          r"khoá|giai\s+đoạn)\s*$", re.I)
# A clause about another period: its figures are not this period's row.
OTHER_PERIOD = re.compile(r"(?<!\w)(?:cùng\s+kỳ|năm\s+trước|quý\s+trước|tháng\s+trước|so\s+với)(?!\w)",
                          re.I)
_CLAUSE = re.compile(r"[;:.!?()]")
_SENTENCE_END = re.compile(r"[.!?;]\s")

# A unit that reports on all ("… đã tổng hợp", "… báo cáo", "… thống kê"): the figures after are not its own.
_REPORTING = tuple(fold_for_units(w) for w in ("tổng hợp", "báo cáo", "thống kê"))
_STAGE_WORDS = tuple(fold_for_units(w) for w in ("đã", "đang"))


def counted(text: str, at: int) -> str:
    """What a count ending at ``at`` counts: the words after it up to the
    next punctuation or "và" (six at most): "18.837 lượt rất hài lòng
    (chiếm …)" counts "lượt rất hài lòng"."""
    return " ".join(re.split(r"[,;:.()]|\s(?:và|cùng|trong|trên)\s", text[at:])[0].split()[:6])


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
    found = _last_unit(sentence, units)
    return found[0] if found else None


def _last_unit(sentence: str, units: Sequence[str]) -> tuple[str, str] | None:
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


def _held(statements: list[Statement], text: str, start: int, end: int) -> bool:
    """Whether another statement of the paragraph already holds the figure
    at ``start:end`` (a share "10.614 lượt, chiếm 83,52%", a sum, a fraction)."""
    for st in statements:
        if st.at is not None and st.at <= start < st.at + len(st.text or ""):
            return True
        words = st.text or ""
        if len(words) < 2:
            continue
        at = text.find(words)
        while at >= 0:
            if at <= start and end <= at + len(words):
                return True
            at = text.find(words, at + 1)
    return False


def unit_count_statements(block: Block, scope: str | None, units: Sequence[str],
                          here: list[Statement]) -> list[Statement]:
    """The counts of ``block`` that a sentence states of one unit of the
    tables (see the module); ``here`` are the statements already read
    from the block."""
    text = block.text
    out: list[Statement] = []
    if not units:
        return out
    for m in COUNT.finditer(text):
        start, end = m.start(1), m.end(1)
        noun = counted(text, m.end())
        if UNITS_COUNTED.match(noun) or CHANGE_BEFORE.search(text[:start]) or _NAME_BEFORE.search(text[:start]) \
                or not of_this_period(text, start) or _held(here, text, start, end):
            continue
        opens = max((s.end() for s in _SENTENCE_END.finditer(text, 0, start)), default=0)
        found = _last_unit(text[opens:start], units)
        if found is None or not looks_like_unit(found[0]) or not found[1].strip():
            continue  # no office named, or the number ends its name ("UBND xã Đạ Huoai 2")
        unit = found[0]
        written = m.group(1)
        value = Decimal(written.replace(".", ""))
        out.append(Statement(kind="count", text=f"{written} {noun}".strip(), paragraph=block.index,
                             page=block.page, value=value, unit=unit, noun=noun, claim=True, scope=scope,
                             at=start, clause=text[opens:start], before=text[max(0, start - 200):start],
                             written=written, count_written=written))
    return out
