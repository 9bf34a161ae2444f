"""Text that leaves the program safely: into a spreadsheet (never a formula),
into XML (no control characters), into a file name (unique after accent and
case folding).

A document is untrusted: a unit named ``=HYPERLINK("http://…")`` or
``=cmd|' /C calc'!A0`` must reach an exported sheet as the text it is, and a
name holding U+0001 must not make a DOCX that Word refuses to open.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# What a spreadsheet program takes as the start of a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 forbids (C0 controls but tab, newline, CR; lone
# surrogates; U+FFFE/U+FFFF), plus DEL and the C1 controls, which no report means.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control(text: str | None) -> bool:
    """Whether ``text`` holds a character :func:`strip_control` removes."""
    return bool(text) and _CONTROL.search(text) is not None


def strip_control(text: str) -> str:
    """``text`` without the characters XML cannot carry (an escape sequence
    ``ESC[31m`` loses its ESC)."""
    return _CONTROL.sub("", text) if text else text


def csv_text(value) -> object:
    """A CSV field: text that a spreadsheet would take as a formula gets a
    leading apostrophe (shown as text, the apostrophe hidden); numbers and
    None pass as they are."""
    if isinstance(value, str):
        value = strip_control(value.replace("\r\n", "\n")) if not value.startswith("\r") else value
        if value.startswith(FORMULA_START):
            return "'" + strip_control(value)
        return value
    return value


def xlsx_row(ws, values: list) -> None:
    """Append a row to an openpyxl worksheet: every str is a string cell
    (never a formula, whatever it starts with), control characters removed;
    Decimals and ints stay numbers."""
    ws.append([strip_control(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.data_type != "s":
            cell.data_type = "s"


def is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def fold(name: str) -> str:
    """A name without accents, đ as d, case-folded: 'Sở Tư Pháp' and
    'SO TU PHAP' fold alike (file systems and people confuse them)."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def unique_names(names: list[str]) -> list[str]:
    """File names made distinct after :func:`fold`: a later name that folds
    like an earlier one gets ``-2``, ``-3`` … before its extension."""
    seen: set[str] = set()
    out = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        candidate, n = name, 1
        while fold(candidate) in seen:
            n += 1
            candidate = f"{stem}-{n}" + (f".{ext}" if dot else "")
        seen.add(fold(candidate))
        out.append(candidate)
    return out
