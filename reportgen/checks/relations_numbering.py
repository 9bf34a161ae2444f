"""The numbering of a table's rows as a path: 'I' → ('R', 1), '2.1' → (2, 1),
'III.2' → ('R', 3, 2), 'a)' → ('L', 'a'), 'A.' → ('U', 'A'), from which the
rows' nesting (1 / 1.1 / 1.1.1, I / 1 / a) is read."""
from __future__ import annotations

import re

NUMBERING = re.compile(r"^\(?([IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[A-HJ-UWYZĐ])[.)]?(?:\.\d{1,3})*\.?\)?$")
_ARABIC_PATH = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_ROMAN = re.compile(r"^([IVXLC]{1,6})(?:\.(\d{1,3}))?\.?$")
_LETTER = re.compile(r"^\(?([a-zđ])[.)]$|^([a-zđ])$")
_UPPER = re.compile(r"^([A-HJ-UWYZĐ])[.)]?$")  # one capital letter that is no roman numeral (C, D, L are letters)


def numbering_path(no: str | None) -> tuple | None:
    """'I' → ('R', 1); '2.1' → (2, 1); 'III.2' → ('R', 3, 2); 'a)' → ('a',)."""
    t = (no or "").strip()
    if not t:
        return None
    m = _ROMAN.match(t)
    if m and re.fullmatch(r"[IVXLC]+", m.group(1)) and t not in ("C", "L", "D"):
        value = _roman(m.group(1))
        if value:
            return ("R", value) + ((int(m.group(2)),) if m.group(2) else ())
    m = _ARABIC_PATH.match(t)
    if m:
        return tuple(int(x) for x in m.group(1).split("."))
    m = _LETTER.match(t)
    if m:
        return ("L", m.group(1) or m.group(2))
    m = _UPPER.match(t)
    if m:
        return ("U", m.group(1))  # A. / B. : a part above the roman headings
    return None


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(text):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
