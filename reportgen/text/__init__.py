"""Vietnamese text: NFC normalisation, repair of PDF extraction damage,
legacy 8-bit encodings (``legacy``) and unit-name matching (``names``)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters some PDF producers map wrongly in their ToUnicode tables. OI (U+01A2,
# U+01A3) is not a Vietnamese letter, so the replacement is always safe.
_DAMAGE = {
    "\u01a3": "\u01b0",  # ƣ → ư
    "\u01a2": "\u01af",  # Ƣ → Ư
    "\u00d0": "\u0110",  # Ð (eth) → Đ
}
_DAMAGE_RE = re.compile("[" + "".join(_DAMAGE) + "]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_FOOTNOTE_MARKS = re.compile(r"(?<=\w)[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Repaired:
    text: str
    repairs: int  # how many characters were replaced


def repair(text: str) -> Repaired:
    """NFC, and the letters PDF producers damage (ƣ → ư, Ð → Đ)."""
    text = nfc(text)
    count = len(_DAMAGE_RE.findall(text))
    if count:
        text = _DAMAGE_RE.sub(lambda m: _DAMAGE[m.group(0)], text)
    return Repaired(text, count)


def collapse_spaces(text: str) -> str:
    """One ordinary space for any run of spaces, tabs or no-break spaces."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower case with one space, for matching header words."""
    return collapse_spaces(text).casefold()


def strip_footnote_marks(text: str) -> str:
    """'cơ quan¹' → 'cơ quan' (superscript footnote numbers glued to words)."""
    return _FOOTNOTE_MARKS.sub("", text)


def clean_line(text: str) -> str:
    return collapse_spaces(repair(text).text)
