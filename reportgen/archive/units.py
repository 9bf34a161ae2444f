"""Unit identity for the archive: a name key that survives spelling slips,
the administrative level a name belongs to, and the territory (province,
district) a document speaks for.

Keys come from :func:`reportgen.text.names.name_key` once it exists; until
then :func:`local_name_key` folds case, tone placement and the common
abbreviations of department names.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..text import collapse_spaces, nfc, repair

# Old and new tone placement ("hoá" / "hóa", "thuỷ" / "thủy"): fold to the new one.
_TONE_PLACEMENT = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(sorted(_TONE_PLACEMENT, key=len, reverse=True)))

# Abbreviations in unit names, matched as whole words after folding.
_ABBREVIATIONS = (
    (r"ubnd", "ủy ban nhân dân"),
    (r"ptnt", "phát triển nông thôn"),
    (r"tt\s*&\s*tt|tt\s*và\s*tt|tttt", "thông tin và truyền thông"),
    (r"kh\s*&\s*đt|kh\s*và\s*đt|khđt", "kế hoạch và đầu tư"),
    (r"kh\s*&\s*cn|kh\s*và\s*cn|khcn", "khoa học và công nghệ"),
    (r"gd\s*&\s*đt|gd\s*và\s*đt|gdđt", "giáo dục và đào tạo"),
    (r"tn\s*&\s*mt|tn\s*và\s*mt|tnmt", "tài nguyên và môi trường"),
    (r"lđ\s*-?\s*tb\s*&\s*xh|lđtbxh|lao động\s*-\s*tb\s*&\s*xh", "lao động thương binh và xã hội"),
    (r"gtvt", "giao thông vận tải"),
    (r"vh\s*,?\s*tt\s*&\s*dl|vhttdl", "văn hóa thể thao và du lịch"),
    (r"qlđđ", "quản lý đất đai"),
    (r"tp\.?", "thành phố"),
    (r"tx\.?", "thị xã"),
)
_ABBREV_RES = tuple((re.compile(rf"(?<!\w)(?:{pat})(?!\w)"), full) for pat, full in _ABBREVIATIONS)
_PUNCT = re.compile(r"[,;:.()\[\]\"'“”‘’_/–—-]+")
# "Sở Y tế - tỉnh Thừa Thiên Huế": the territory suffix portal exports add.
_TERRITORY_SUFFIX = re.compile(r"\s+[-–]\s+(tỉnh|thành phố)\s+[^-–]+$", re.IGNORECASE)


def fold_tone_placement(text: str) -> str:
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], text)


def local_name_key(name: str) -> str:
    """A key equal for spellings of the same unit name: NFC, repaired letters,
    case, tone placement, spaces, punctuation, common abbreviations."""
    text = collapse_spaces(repair(name).text)
    text = _TERRITORY_SUFFIX.sub("", text)
    text = fold_tone_placement(nfc(text).casefold())
    for pattern, full in _ABBREV_RES:
        text = pattern.sub(full, text)
    text = _PUNCT.sub(" ", text)
    text = text.replace("&", " và ")
    text = re.sub(r"^ủy ban nhân dân\s+", "", " ".join(text.split()))
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The archive's unit key (the shared normaliser when available)."""
    return local_name_key(name)


# Levels, from the first words of a (folded) name. Order matters: the first
# matching prefix wins.
LEVEL_TINH, LEVEL_SO, LEVEL_HUYEN, LEVEL_XA, LEVEL_PHONG, LEVEL_OTHER = (
    "tỉnh", "sở", "huyện", "xã", "phòng", "khác")
_LEVEL_PREFIXES = (
    (LEVEL_TINH, ("tỉnh ",)),
    (LEVEL_HUYEN, ("huyện ", "thị xã ", "quận ", "thành phố ")),
    (LEVEL_XA, ("xã ", "phường ", "thị trấn ", "đặc khu ")),
    (LEVEL_SO, ("sở ", "ban ", "thanh tra tỉnh", "văn phòng ủy ban nhân dân tỉnh", "văn phòng tỉnh",
                "công an tỉnh", "bộ chỉ huy", "ban quản lý")),
    (LEVEL_PHONG, ("phòng ", "trung tâm ", "văn phòng hđnd", "văn phòng ủy ban nhân dân huyện",
                   "thanh tra huyện")),
)


def level_of(name: str, province_key: str = "") -> str:
    """'tỉnh', 'sở', 'huyện', 'xã', 'phòng' (district offices) or 'khác'.

    'thành phố X' is a province when X is the province itself (Huế, Đà Nẵng …)."""
    key = name_key(name)
    if key.startswith("thành phố ") and province_key and key[len("thành phố "):] == province_key:
        return LEVEL_TINH
    for level, prefixes in _LEVEL_PREFIXES:
        if key.startswith(prefixes):
            return level
    return LEVEL_OTHER


@dataclass(frozen=True)
class Territory:
    """Whom a document's units belong to: a province and, for a district's
    own report, that district (keys are folded; names are for display)."""

    province: str = ""
    province_key: str = ""
    district: str = ""
    district_key: str = ""
    district_kind: str = ""  # 'huyện', 'thị xã', 'quận', 'thành phố'


_STOP = r"(?=\s+(?:văn phòng|sở|ban|phòng|thanh tra|trung tâm|ủy ban|ubnd|hội đồng)(?!\w)|\s*[-–,(]|\s*$)"
_NAME = r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_][^\W\d_ ]*)*?)"
_PROVINCE_RE = re.compile(rf"(?<!\w)(tỉnh|thành phố)\s+{_NAME}{_STOP}", re.IGNORECASE)
_DISTRICT_RE = re.compile(rf"(?:ủy ban nhân dân|ubnd)\s+(huyện|thị xã|quận|thành phố)\s+{_NAME}{_STOP}",
                          re.IGNORECASE)


def _display(name: str) -> str:
    name = collapse_spaces(name)[:100]
    return name if not name.isupper() else name.title()


def territory_key(name: str) -> str:
    return fold_tone_placement(collapse_spaces(nfc(name)).casefold())


def territory_of(issuer: str | None, parent: str | None, place: str | None) -> Territory:
    """The province (and district) a document's units belong to, from the
    issuing body and its parent ('UBND TỈNH ĐIỆN BIÊN' / 'VĂN PHÒNG'), else
    from the place of issue."""
    province = district = kind = ""
    for text in (parent, issuer):
        if not text:
            continue
        text = collapse_spaces(repair(text).text)
        d = _DISTRICT_RE.search(text)
        if d and not district and (d.group(1).casefold() != "thành phố" or parent):
            district, kind = _display(d.group(2)), d.group(1).lower()
            continue
        p = _PROVINCE_RE.search(text)
        if p and not province:
            province = _display(p.group(2))
    if not province and place:
        province = _display(repair(place).text)
    return Territory(province=province, province_key=territory_key(province) if province else "",
                     district=district, district_key=territory_key(district) if district else "",
                     district_kind=kind)
