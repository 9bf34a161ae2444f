"""Unit-name matching: the same office written in the ways documents write it.

"Sở Nông nghiệp và PTNT" is "Sở Nông nghiệp và Phát triển nông thôn";
"UBND xã Núa Ngam" is "Núa Ngam" in a list headed "UBND các xã:"; "Trung tâm
QLĐĐ" is "Trung tâm Quản lý Đất đai huyện"; "Văn hoá" is "Văn hóa" (old and new
tone placement); "UBND thành phố Huế - tỉnh Thừa Thiên Huế" is "UBND thành phố
Huế". Two keys do the work:

- :func:`name_key`: case, NFC, tone placement, punctuation and spacing folded,
  abbreviations expanded. Equal keys are the same name.
- :func:`core_key`: the name key without the words that only say what kind of
  unit it is (UBND, xã, huyện, phòng, sở …) at its start, and without a
  trailing level word ("… huyện", "… tỉnh"). Used when the full keys differ.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

# Abbreviations used in unit names, as data: written form → expansion. Keys are
# compared after case folding; longer keys are tried first.
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "PTNT": "Phát triển nông thôn",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐ,TB&XH": "Lao động - Thương binh và Xã hội",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "TT-TT": "Thông tin và Truyền thông",
    "QLĐĐ": "Quản lý đất đai",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "KH-ĐT": "Kế hoạch và Đầu tư",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH-TT-DL": "Văn hóa, Thể thao và Du lịch",
    "VHTT": "Văn hóa và Thông tin",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ",
    "GTVT": "Giao thông vận tải",
    "KT&HT": "Kinh tế và Hạ tầng",
    "KTHT": "Kinh tế và Hạ tầng",
    "TC-KH": "Tài chính - Kế hoạch",
    "TCKH": "Tài chính - Kế hoạch",
    "VPĐKĐĐ": "Văn phòng đăng ký đất đai",
    "VPUBND": "Văn phòng Ủy ban nhân dân",
    "VP UBND": "Văn phòng Ủy ban nhân dân",
    "BQL": "Ban quản lý",
    "KKT": "Khu kinh tế",
    "TP": "Thành phố",
    "TX": "Thị xã",
    "TTPVHCC": "Trung tâm Phục vụ hành chính công",
    "HCC": "Hành chính công",
    # departments merged in 2025
    "NN&MT": "Nông nghiệp và Môi trường",
    "NNMT": "Nông nghiệp và Môi trường",
    "DT&TG": "Dân tộc và Tôn giáo",
    "VH&TT": "Văn hóa và Thể thao",
    "ĐKĐĐ": "Đăng ký đất đai",
    "BHXH": "Bảo hiểm xã hội",
    "KBNN": "Kho bạc Nhà nước",
    "VP": "Văn phòng",
}

# Words that say what kind of unit a name is, dropped by core_key at the start
# of a name (longest first) and, for level words, at its end.
_KIND_WORDS = (
    "ủy ban nhân dân", "hội đồng nhân dân",
    "thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã", "tỉnh",
    "phòng", "sở", "ban", "đặc khu",
)
_TRAILING_LEVEL = ("huyện", "tỉnh", "thành phố", "thị xã", "quận", "cấp huyện", "cấp tỉnh", "cấp xã")

_SYLLABLE_SPLIT = re.compile(r"([^\w\u0300-\u036f]+)")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PROVINCE_SUFFIX = re.compile(r"\s+[-–—]\s+(?:tỉnh|thành phố|tp\.?)\s+[^-–—]+$", re.IGNORECASE)
_PUNCT = re.compile(r"[\s\-–—,;:.()\"'“”‘’_/\\]+")


def fold_tones(text: str) -> str:
    """Move every tone mark to the end of its syllable, so that the old and new
    placements ("hoá"/"hóa", "thuỷ"/"thủy", "uỷ"/"ủy") compare equal. The result
    is a matching key, not display text."""
    out: list[str] = []
    for syllable in _SYLLABLE_SPLIT.split(unicodedata.normalize("NFD", text)):
        tones = [c for c in syllable if c in _TONES]
        if tones:
            syllable = "".join(c for c in syllable if c not in _TONES) + "".join(tones)
        out.append(syllable)
    return "".join(out)


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> list[tuple[re.Pattern[str], str]]:
    pats = []
    for short in sorted(ABBREVIATIONS, key=len, reverse=True):
        key = fold_tones(short.casefold())
        pats.append((re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)"), fold_tones(ABBREVIATIONS[short].casefold())))
    return pats


def _expand(text: str) -> str:
    for pat, full in _abbreviation_patterns():
        text = pat.sub(" " + full + " ", text)
    return text


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A folded, abbreviation-expanded key: equal keys name the same unit."""
    text = unicodedata.normalize("NFC", name or "")
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = _PROVINCE_SUFFIX.sub("", text)
    text = fold_tones(text.casefold())
    text = _expand(text)
    text = text.replace("&", " và ")
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _kind_keys() -> tuple[list[str], list[str]]:
    lead = sorted({name_key(w) for w in _KIND_WORDS}, key=len, reverse=True)
    trail = sorted({name_key(w) for w in _TRAILING_LEVEL}, key=len, reverse=True)
    return lead, trail


@lru_cache(maxsize=1)
def _department_heads() -> tuple[str, ...]:
    return tuple(name_key(w) for w in ("Sở", "Ban", "Thanh tra", "Văn phòng", "Trung tâm", "Công an",
                                       "Bộ Chỉ huy", "Kho bạc", "Bảo hiểm xã hội", "Cục", "Chi cục"))


_LEVEL_KEY = fold_tones("cấp")


@lru_cache(maxsize=4096)
def core_key(name: str) -> str:
    """The name key without leading kind words (UBND, xã, phòng …) and a
    trailing level word ("… huyện"): "UBND xã Núa Ngam" → "nua ngam"."""
    key = name_key(name)
    lead, trail = _kind_keys()
    changed = True
    while changed and key:
        changed = False
        for w in lead:
            if key == w:
                break
            if key.startswith(w + " "):
                key = key[len(w) + 1:]
                changed = True
                break
        # "các" before a plural kind ("UBND các xã") is not part of the name.
        if key.startswith("các "):
            key = key[4:]
            changed = True
    for w in trail:
        # "Cấp huyện" keeps its level word: "Cấp" alone would be every level's name
        if key.endswith(" " + w) and len(key) > len(w) + 1 and key[: -len(w) - 1] != _LEVEL_KEY:
            key = key[: -len(w) - 1]
            break
    # "Sở Tư pháp tỉnh Lâm Đồng": a department named with its province
    full = name_key(name)
    if any(full.startswith(h + " ") for h in _department_heads()):
        key = re.sub(r" " + re.escape(name_key("tỉnh")) + r"( \S+){1,4}$", "", key)
    if not key or key in lead or key in trail:
        return name_key(name)
    return key


def same_unit(a: str, b: str) -> bool:
    """Whether two written names denote the same unit."""
    if not a or not b:
        return False
    if name_key(a) == name_key(b):
        return True
    ca, cb = core_key(a), core_key(b)
    return bool(ca) and ca == cb


@dataclass(frozen=True)
class UnitMatch:
    name: str
    candidate: str | None
    exact: bool  # full keys equal (not only the core)


def match_units(names: Iterable[str], candidates: Sequence[str]) -> list[UnitMatch]:
    """Pair each name with the candidate it denotes (each candidate used once).

    Full-key matches are taken first, then core-key matches; a name left
    without a candidate gets ``candidate=None``."""
    names = list(names)
    used: set[int] = set()
    result: list[UnitMatch | None] = [None] * len(names)
    full = [name_key(c) for c in candidates]
    core = [core_key(c) for c in candidates]
    for i, n in enumerate(names):
        k = name_key(n)
        for j, ck in enumerate(full):
            if j not in used and ck == k:
                used.add(j)
                result[i] = UnitMatch(n, candidates[j], True)
                break
    for i, n in enumerate(names):
        if result[i] is not None:
            continue
        k = core_key(n)
        for j, ck in enumerate(core):
            if j not in used and k and ck == k:
                used.add(j)
                result[i] = UnitMatch(n, candidates[j], False)
                break
    # a tone mark slipped in typing or read wrong by OCR ("Xã hôi" for "Xã hội"): the one
    # candidate whose letters are the same once tone marks are put aside
    toneless = [_toneless(k) for k in full]
    for i, n in enumerate(names):
        if result[i] is not None:
            continue
        k = _toneless(name_key(n))
        hits = [j for j, ck in enumerate(toneless) if k and ck == k]
        if len(hits) == 1 and hits[0] not in used:
            used.add(hits[0])
            result[i] = UnitMatch(n, candidates[hits[0]], False)
    return [r if r is not None else UnitMatch(names[i], None, False) for i, r in enumerate(result)]


def _toneless(key: str) -> str:
    """A folded key without its tone marks (the letters' own marks stay: ô, ơ, ư, ă, â, ê, đ)."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", key) if c not in _TONES))


def find_unit(name: str, candidates: Sequence[str]) -> str | None:
    """The candidate that denotes ``name``, or None."""
    return match_units([name], candidates)[0].candidate


# -- a table's unit named in prose -------------------------------------------------

_UBND_FOLDED = re.compile(re.escape(fold_tones("ủy ban nhân dân")) + "|" + re.escape(fold_tones("uỷ ban nhân dân")))
# Rows of statistics, whose labels are no unit's name.
_NOT_A_UNIT = re.compile(r"cao\s+nhất|thấp\s+nhất|trung\s+bình|bình\s+quân|tổng|cộng|chỉ\s+số\s+chung", re.I)


def fold_for_units(text: str) -> str:
    """Text folded for finding a unit's name in it: case, tone placement
    ("Thuỷ"/"Thủy"), spacing, and "Ủy ban nhân dân" written as UBND."""
    text = fold_tones(" ".join(text.replace("\u00a0", " ").split()).casefold())
    return _UBND_FOLDED.sub("ubnd", text)


@lru_cache(maxsize=8192)
def unit_forms(unit: str) -> tuple[str, ...]:
    """The folded ways (:func:`fold_for_units`) prose writes a table's unit:
    whole ("UBND xã Lạc Dương"), without "UBND" ("xã Lạc Dương"); none for a
    statistics row. A name shorter than five letters is a unit's only when it
    has two words ("Y tế"): a lone short word may be any word of a sentence."""
    if _short(unit) or _NOT_A_UNIT.search(unit):
        return ()
    whole = fold_for_units(unit)
    bare = re.sub(r"^ubnd\s+", "", whole)
    return tuple(dict.fromkeys(f for f in (whole, bare) if not _short(f)))


def _short(name: str) -> bool:
    return len(name) < 5 and len(name.split()) < 2


# The words an office's or a place's name begins with ("UBND xã …", "Sở Y tế", "Văn phòng …", "BHXH tỉnh").
_UNIT_HEAD = re.compile(
    r"^(?:ubnd|ủy\s+ban|uỷ\s+ban|hội\s+đồng|sở|ban|bql|văn\s+phòng|vp|thanh\s+tra|xã|phường|thị\s+trấn|thị\s+xã|"
    r"huyện|quận|thành\s+phố|tp|tx|đặc\s+khu|công\s+an|cục|chi\s+cục|trung\s+tâm|kho\s+bạc|kbnn|bảo\s+hiểm|bhxh|"
    r"đài|báo|trường|bệnh\s+viện|tòa\s+án|toà\s+án|viện|phòng|hội|liên\s+đoàn|quỹ|tổng\s+công\s+ty|công\s+ty|"
    r"cảng\s+vụ|bộ\s+chỉ\s+huy|tỉnh\s+đoàn|đảng\s+ủy|đảng\s+uỷ|ủy\s+ban\s+mặt\s+trận)(?!\w)", re.I)


def looks_like_unit(name: str) -> bool:
    """Whether a row's label is an office's or a place's name (it begins with
    what kind of unit it is: "UBND xã Gio Linh", "Sở Tư pháp", "Phường 1"),
    not a field or a measure ("Cải cách thể chế", "Tư pháp - Hộ tịch")."""
    return bool(_UNIT_HEAD.match(" ".join((name or "").split())))


_MEASURE_HEAD = re.compile(r"^\s*(?:số|tổng|tỷ\s+lệ|tỉ\s+lệ|giải\s+quyết|tiếp\s+nhận|đã|đang|chưa|trả|kết\s+quả|"
                           r"điểm|chỉ\s+tiêu|hồ\s+sơ)(?!\w)", re.I)


def reads_as_measure(label: str) -> bool:
    """Whether a row's label names a measure ("Số hồ sơ đã giải quyết",
    "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)"), never a unit the prose may
    name: a table of levels as columns ("Chỉ tiêu | Cấp tỉnh | Cấp xã")
    has its measures as rows."""
    return bool(_MEASURE_HEAD.match(label or ""))


def units_across(headers: list[str], row_labels: list[str]) -> bool:
    """Whether a table's units are its columns ("Nội dung | Sở Y tế | Sở Tư
    pháp | … | Trung bình", rows "Điểm quý II", "Chênh lệch"): two headers or
    more name offices or places and no row does."""
    across = sum(1 for h in headers if looks_like_unit(h or ""))
    return across >= 2 and not any(looks_like_unit(r or "") for r in row_labels)


def whole_words(text: str, at: int, size: int) -> bool:
    """Whether ``text[at:at + size]`` is not part of a longer word on either side."""
    return (at == 0 or not _word_char(text[at - 1])) and (at + size >= len(text) or not _word_char(text[at + size]))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) == "Mn"  # a combining mark belongs to its letter
