"""Legacy 8-bit Vietnamese encodings → Unicode (NFC).

Documents typeset before Unicode (and PDFs still made from them) use fonts
whose glyphs sit at Latin-1 code points: text extracted from them reads as
mojibake ("Céng hßa x· héi chñ nghÜa ViÖt Nam"). Python has no codec for
either encoding, so the tables are here, as data:

- **TCVN3 (ABC)**, fonts ``.VnTime`` and ``.VnTimeH``: one byte per letter,
  lower case letters with tones in 0xA1–0xFE. Capitals with tones have no codes
  of their own: ``.VnTimeH`` draws the same bytes as capitals, so text from it
  is decoded with ``capitals=True``.
- **VNI Windows**, fonts ``VNI-…``: a base letter followed by a mark character
  ("a" + "ù" = "á", "o" + "ä" = "ộ"); ơ, ư, đ, ỉ, ĩ, ị, ỵ and í, ì are single
  characters.

The TCVN3 table below was checked against three independent public tables
and the decree's own motto; the VNI table is built from the scheme of base
letters and mark characters and checked against published VNI text. The
tests encode known sentences with the inverse tables and decode them back.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# TCVN3 (ABC): byte (as a Latin-1 character) → Unicode letter.
TCVN3: dict[str, str] = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}

# VNI: marks after a base vowel, in tone order sắc, huyền, hỏi, ngã, nặng.
_VNI_TONES = ("ù", "ø", "û", "õ", "ï")
_VNI_TONES_CIRCUMFLEX = ("á", "à", "å", "ã", "ä")  # after "â"/"ê"/"ô" (the circumflex mark)
_VNI_TONES_BREVE = ("é", "è", "ú", "ü", "ë")  # after "ê" on a (the breve mark)
_TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _compose(base: str, tone: int | None) -> str:
    return unicodedata.normalize("NFC", base + (_TONE_MARKS[tone] if tone is not None else ""))


@lru_cache(maxsize=1)
def vni_table() -> dict[str, str]:
    """VNI sequence → Unicode letter, lower and upper case."""
    lower: dict[str, str] = {}
    for v in "aeouy":
        for t, mark in enumerate(_VNI_TONES):
            lower[v + mark] = _compose(v, t)
    for v, shaped in (("a", "â"), ("e", "ê"), ("o", "ô")):
        lower[v + "â"] = shaped
        for t, mark in enumerate(_VNI_TONES_CIRCUMFLEX):
            lower[v + mark] = _compose(shaped, t)
    lower["aê"] = "ă"
    for t, mark in enumerate(_VNI_TONES_BREVE):
        lower["a" + mark] = _compose("ă", t)
    for single, letter in (("ô", "ơ"), ("ö", "ư")):
        lower[single] = letter
        for t, mark in enumerate(_VNI_TONES):
            lower[single + mark] = _compose(letter, t)
    # i takes single characters; ỵ too (y + nặng has no room in the font).
    lower.update({"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"})
    del lower["yï"]
    table = dict(lower)
    for seq, letter in lower.items():
        table[seq.upper()] = letter.upper()
    return table


def _decode_tcvn3(text: str, capitals: bool) -> str:
    out = "".join(TCVN3.get(ch, ch) for ch in text)
    return out.upper() if capitals else out


@lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def _decode_vni(text: str) -> str:
    table = vni_table()
    return _vni_pattern().sub(lambda m: table[m.group(0)], text)


ENCODINGS = ("tcvn3", "vni")
_ALIASES = {"tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "vni": "vni", "vni-windows": "vni"}


def decode_legacy(text: str, encoding: str, capitals: bool = False) -> str:
    """Text extracted from a TCVN3 or VNI font, as Unicode NFC.

    ``capitals``: the text came from a TCVN3 capitals font (``.VnTimeH``)."""
    enc = _ALIASES.get(encoding.casefold().strip())
    if enc is None:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    out = _decode_tcvn3(text, capitals) if enc == "tcvn3" else _decode_vni(text)
    return unicodedata.normalize("NFC", out)


def encode_legacy(text: str, encoding: str) -> str:
    """The inverse, for tests and fixtures: Unicode → the legacy characters
    (TCVN3 capitals with tones become their lower-case codes, as typed for
    ``.VnTimeH``)."""
    enc = _ALIASES.get(encoding.casefold().strip())
    if enc is None:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    text = unicodedata.normalize("NFC", text)
    if enc == "tcvn3":
        inverse = {v: k for k, v in TCVN3.items()}
        return "".join(inverse.get(ch, inverse.get(ch.lower(), ch)) for ch in text)
    inverse = {}
    for seq, letter in vni_table().items():
        if letter not in inverse or len(seq) < len(inverse[letter]) or seq in ("í", "ì", "Í", "Ì"):
            inverse[letter] = seq
    return "".join(inverse.get(ch, ch) for ch in text)


# --- detection ---------------------------------------------------------------------------

# Characters of TCVN3 that neither Vietnamese Unicode text nor VNI text contains.
_TCVN3_ONLY = (set(TCVN3) - set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
               - {ch for seq in vni_table() for ch in seq})
# VNI: a vowel followed by a mark character no Vietnamese letter is.
_VNI_PAIR = re.compile(r"[aeiouyAEIOUYôöÔÖ][øûïåäëüÙØÛÕÏÅÄËÜ]|[aA][êÊ]|[oO][âÂ]")
# Letters only Unicode Vietnamese has (never legacy mojibake).
_UNICODE_VI = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


def _scores(text: str) -> tuple[int, int, int]:
    tcvn3 = sum(1 for ch in text if ch in _TCVN3_ONLY)
    vni = len(_VNI_PAIR.findall(text))
    unicode_vi = len(_UNICODE_VI.findall(text))
    return tcvn3, vni, unicode_vi


def looks_like_tcvn3(text: str) -> bool:
    """Whether the text reads as TCVN3 mojibake rather than Vietnamese."""
    tcvn3, vni, uni = _scores(text)
    return tcvn3 >= 2 and tcvn3 > uni and tcvn3 >= vni


def looks_like_vni(text: str) -> bool:
    tcvn3, vni, uni = _scores(text)
    return vni >= 2 and vni > uni and vni > tcvn3


def detect_legacy(text: str) -> str | None:
    """'tcvn3', 'vni' or None (Unicode, or too little text to tell)."""
    if looks_like_tcvn3(text):
        return "tcvn3"
    if looks_like_vni(text):
        return "vni"
    return None


def to_unicode(text: str, encoding: str | None = None) -> str:
    """Decode with the named encoding, or the detected one; Unicode text is
    returned unchanged (NFC)."""
    enc = encoding or detect_legacy(text)
    if enc is None:
        return unicodedata.normalize("NFC", text)
    return decode_legacy(text, enc)
