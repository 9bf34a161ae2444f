"""The grades a table's cells write, whatever their wording: a grade's name
("Xuất sắc", "TỐT", "Trun gbình" with a PDF's gap moved) or a wording a
shipped scheme gives it ("Hoàn thành tốt nhiệm vụ" is Tốt in TT 01/2018),
each with its level (5 Xuất sắc … 1 Yếu) so that grades can be ordered."""
from __future__ import annotations

import re
from functools import lru_cache

from ..schemes import shipped_schemes

GRADE_LEVELS: tuple[tuple[re.Pattern, int, str], ...] = (
    (re.compile(r"^xuất\s*sắc$", re.I), 5, "Xuất sắc"),
    (re.compile(r"^tốt$", re.I), 4, "Tốt"),
    (re.compile(r"^khá$", re.I), 3, "Khá"),
    (re.compile(r"^trung\s*bình$", re.I), 2, "Trung bình"),
    (re.compile(r"^(yếu|kém|yếu\s*,?\s*kém|chưa\s*đạt|không\s*đạt)$", re.I), 1, "Yếu"),
)


def grade_level(text: str | None) -> tuple[int, str] | None:
    """The level and name of a grade written ``text``: its name, or a wording a shipped scheme gives
    it ("Hoàn thành tốt nhiệm vụ" is Tốt in TT 01/2018), wherever the table is."""
    t = " ".join((text or "").split()).strip(" .")
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
