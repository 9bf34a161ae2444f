"""The grades a table's cells write, whatever their wording: a grade's name
("Xuất sắc", "TỐT", "Trun gbình" with a PDF's gap moved) or a wording a
shipped scheme gives it ("Hoàn thành tốt nhiệm vụ" is Tốt in TT 01/2018),
each with its level (5 Xuất sắc … 1 Yếu) so that grades can be ordered."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..model.vocabulary import LETTER_GRADES, OFFICIAL_GRADES, PASS_GRADE, TASK_GRADE
from ..schemes import shipped_schemes

GRADE_LEVELS: tuple[tuple[re.Pattern, float, str], ...] = (
    (re.compile(r"^xuất\s*sắc$", re.I), 5, "Xuất sắc"),
    (re.compile(r"^tốt$", re.I), 4, "Tốt"),
    (re.compile(r"^khá$", re.I), 3, "Khá"),
    (re.compile(r"^trung\s*bình$", re.I), 2, "Trung bình"),
    (re.compile(r"^(yếu|kém|yếu\s*,?\s*kém|(chưa|không)\s*đạt(\s*yêu\s*cầu)?)$", re.I), 1, "Yếu"),
    # the pass grade of a pass/fail scale, and the grade under Khá where a province sets it there
    (re.compile(r"^đạt(\s*yêu\s*cầu)?$", re.I), 1.5, PASS_GRADE),
    # the task scale's middle grade, below "Hoàn thành tốt nhiệm vụ" (Tốt), above "Không hoàn thành" (Yếu):
    # a level of its own (never Khá's or Trung bình's, which a document does not set beside it)
    (re.compile(r"^hoàn\s*thành(\s*nhiệm\s*vụ)?$", re.I), 2.5, TASK_GRADE),
    # its fail grade: "Chưa hoàn thành", "Không hoàn thành (nhiệm vụ)"
    (re.compile(r"^(chưa|không)\s*hoàn\s*thành(\s*nhiệm\s*vụ)?$", re.I), 1, "Yếu"),
    # an official's grades (TT 01/2018/TT-VPCP, Điều 15), a scale of their own: levels above the units'
    # five, never one of them, so that an official's grade is ordered among its kind only
    (re.compile(r"^hoàn\s*thành\s*100\s*%(\s*nhiệm\s*vụ)?$", re.I), 13, OFFICIAL_GRADES[0]),
    (re.compile(r"^hoàn\s*thành\s*(từ\s*)?70\s*%\s*(đến\s*(dưới\s*)?|-\s*<?\s*|–\s*<?\s*)100\s*%(\s*nhiệm\s*vụ)?$",
                re.I), 12, OFFICIAL_GRADES[1]),
    (re.compile(r"^hoàn\s*thành\s*dưới\s*70\s*%(\s*nhiệm\s*vụ)?$", re.I), 11, OFFICIAL_GRADES[2]),
)


_PASS_OR_FAIL = re.compile(r"^(?:(?:chưa|không)\s*)?đạt(?:\s*yêu\s*cầu)?$", re.I)


def needs_grade_header(values: list[str]) -> bool:
    """Whether the grades of ``values`` are grades only under a "Xếp loại" header: "Đạt" or its negation
    (a pass/fail scale, or each row's own test met or not, "Kết quả: Đạt"), or letters (a group "A", "B")."""
    return all(_PASS_OR_FAIL.match(t) or _LETTER.match(t)
               for v in values if grade_level(v) for t in [" ".join(v.split()).strip(" .")])


# A letter grade, "A" best: "B", "Loại B" (never a lower-case letter, which is no grade's name).
_LETTER = re.compile(r"^(?:[Ll]oại\s*)?(?P<l>[A-E])$")


def grade_level(text: str | None) -> tuple[int, str] | None:
    """The level and name of a grade written ``text``: its name, or a wording a shipped scheme gives
    it ("Hoàn thành tốt nhiệm vụ" is Tốt in TT 01/2018), wherever the table is."""
    t = " ".join((text or "").split()).strip(" .")
    if letter := _LETTER.match(t):
        k = "ABCDE".index(letter.group("l"))
        return 5 - k, LETTER_GRADES[k]
    for pattern, level, name in GRADE_LEVELS:
        if pattern.match(t) or pattern.match(t.replace(" ", "")):  # a PDF's gap moved: "Trun gbình"
            return level, name
    named = _grade_wordings().get(t.casefold())
    return grade_level(named) if named is not None and named.casefold() != t.casefold() else None


@lru_cache(maxsize=1)
def _grade_wordings() -> dict[str, str]:
    """Every wording the shipped schemes give a grade (never an abbreviation: "TB" is a grade only
    where the document says so), casefolded → the grade's name."""
    out: dict[str, str] = {}
    for scheme in shipped_schemes().values():
        for band in scheme.grades:
            for words in band.aliases:
                out.setdefault(" ".join(words.split()).casefold(), band.name)
    return out


_OFFICIAL_LEVELS = (13, 12, 11)


def official_bands(levels: set[int]) -> list[tuple] | None:
    """The bands TT 01/2018/TT-VPCP (Điều 15) sets an official's grades on the
    total of the indicators 1, 2, 3, 4 and 7 (of 10): 5 and more, 3,5 to
    under 5, under 3,5 — as (level, lower, lower inclusive, upper, upper
    inclusive) — when every grade of ``levels`` is an official's; else None."""
    if not levels or not levels <= set(_OFFICIAL_LEVELS):
        return None
    five, three_half = Decimal(5), Decimal("3.5")
    return [(13, five, True, Decimal(10), True), (12, three_half, True, five, False), (11, Decimal(0), True, three_half,
                                                                                      False)]


def grade_between(rows: list, col, skip) -> str | None:
    """The grade the other units give the values around ``skip``'s: the one
    grade whose units' range holds its value (as that grade is written),
    else None."""
    value = skip.value(col.index)
    rest = [r for r in rows if r is not skip]
    holding = {r.grade for r in rest
               if min(x.value(col.index) for x in rest if x.grade == r.grade) <= value
               <= max(x.value(col.index) for x in rest if x.grade == r.grade)}
    if len(holding) != 1:
        return None
    level = holding.pop()
    return next((r.grade_text for r in rest if r.grade == level and r.grade_text), None)
