"""Unit identity for the archive: a name key that survives spelling slips,
the administrative level a name belongs to, and the territory (province,
district) a document speaks for.

Keys are :func:`reportgen.text.names.name_key` (case, tone placement,
punctuation, abbreviations folded) of the repaired name, without a leading
"Ủy ban nhân dân": "UBND huyện Điện Biên" and "huyện Điện Biên" are one unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import collapse_spaces, names, nfc, repair

# Old and new tone placement ("hoá" / "hóa", "thuỷ" / "thủy"), for territory keys.
_TONE_PLACEMENT = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(sorted(_TONE_PLACEMENT, key=len, reverse=True)))


def fold_tone_placement(text: str) -> str:
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], text)


@lru_cache(maxsize=1)
def _council_prefix() -> str:
    return names.name_key("Ủy ban nhân dân") + " "


@lru_cache(maxsize=65536)
def unit_key(name: str) -> str:
    """The archive's unit key: equal for spellings of one unit name."""
    key = names.name_key(collapse_spaces(repair(name).text))
    prefix = _council_prefix()
    return key[len(prefix):] if key.startswith(prefix) else key


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


@lru_cache(maxsize=1)
def _folded_prefixes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((level, tuple(unit_key(p.strip()) + (" " if p.endswith(" ") else "") for p in prefixes))
                 for level, prefixes in _LEVEL_PREFIXES)


# The centrally-run cities: provinces, whatever document names them.
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")


@lru_cache(maxsize=1)
def _central_cities() -> frozenset[str]:
    return frozenset(unit_key(c) for c in CENTRAL_CITIES)


def level_of(name: str, province_key: str = "") -> str:
    """'tỉnh', 'sở', 'huyện', 'xã', 'phòng' (district offices) or 'khác'.

    'thành phố X' is a province when X is the province itself (Huế, Đà Nẵng …)."""
    key = unit_key(name)
    city = unit_key("thành phố") + " "
    if province_key and key.startswith(city) and key[len(city):] == unit_key(province_key):
        return LEVEL_TINH
    if key.startswith(city) and key[len(city):] in _central_cities():
        return LEVEL_TINH
    for level, prefixes in _folded_prefixes():
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
