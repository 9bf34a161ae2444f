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
from ..text.counts import CHANGE_BEFORE, COUNT, UNITS_COUNTED, counted, last_unit, of_this_period
from ..text.names import looks_like_unit
from .statements_blocks import Block

# A number that is part of a name or a reference, not a count: "Phường 1", "Điều 5", "Phụ lục 2".
_NAME_BEFORE = re.compile(r"(?<!\w)(?:phường|xã|quận|huyện|khu|tổ|ấp|thôn|bản|số|điều|khoản|mục|điểm|phụ\s+lục|biểu|"
                          r"bảng|quý|tháng|năm|ngày|tuần|thứ|hạng|loại|nhóm|chỉ\s+số|tiêu\s+chí|cấp|lần|khóa|"
                          r"khoá|giai\s+đoạn)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?;]\s")


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
        found = last_unit(text[opens:start], units)
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
