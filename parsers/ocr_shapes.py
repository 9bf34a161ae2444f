"""Glyphs OCR reads for others of the same shape around a bracketed number.

A unit's name often ends with a number in brackets ('Sở Nội vụ (30)', a
note's call '(12)'). On a scan the opening bracket runs into a '1' and
reads 'q' ('q1)' for '(11)'), or is lost ('30)'), or the closing one is
('(17'). Vietnamese writes 'q' only before 'u', so a 'q' before a digit
or a closing bracket is that bracket and '1' ('q)' for '(1)'); a number closed and never opened, or opened and
never closed, at the end of a text of words, gets its other bracket.
"""
from __future__ import annotations

import re

_Q_BRACKET = re.compile(r"(?<![^\s])q(?=\d*\)[,.;]?(?:\s|$))")
_UNOPENED = re.compile(r"([^\W\d_][,.;]? )(\d+\)[,.;]?)$")
_UNCLOSED = re.compile(r"([^\W\d_][,.;]? )(\(\d+)$")


def bracketed(text: str) -> str:
    """``text`` with the brackets of a number at its end as written:
    'công tỉnh q1)' → 'công tỉnh (11)', 'tỉnh q)' → 'tỉnh (1)', 'Sở Nội vụ 30)' → 'Sở Nội vụ
    (30)', 'Sở Công Thương (17' → 'Sở Công Thương (17)'."""
    text = _Q_BRACKET.sub("(1", text)
    if "(" not in text:
        text = _UNOPENED.sub(r"\1(\2", text)
    if ")" not in text.rpartition("(")[2]:
        text = _UNCLOSED.sub(r"\1\2)", text)
    return text
