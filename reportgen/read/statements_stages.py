"""Whether a "trong đó" list of dossiers splits its whole by timeliness, all
of it: "Đã giải quyết 11.020 hồ sơ, trong đó: trước hạn 3.100, đúng hạn
7.800, quá hạn 120 hồ sơ"; "đang giải quyết 1.241 hồ sơ, trong đó chưa đến
hạn 1.195 hồ sơ, quá hạn 46 hồ sơ". A dossier is settled (or stands) late or
not late, so a list that names the late ones and the on-time ones ("đúng
hạn", "trong hạn", "chưa đến hạn"; the early ones beside them) leaves none
out: its parts make the whole, as a "gồm" list's do. A list that names only
some ("trước hạn …, quá hạn …": the on-time ones are missing) or says more
of an item than its stage ("đúng hạn 500 hồ sơ lĩnh vực đất đai") stays some
of the whole."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Longest first: "đúng và trước hạn" is one stage, not "trước hạn".
_STAGES = (
    ("ontime", r"(?:đúng|trước)\s+và\s+(?:trước|đúng)\s+(?:thời\s+)?hạn|(?:đúng|trong)\s+(?:thời\s+)?hạn"
               r"|chưa\s+(?:đến|tới|quá)\s+hạn"),
    ("early", r"trước\s+(?:thời\s+)?hạn|sớm\s+hạn"),
    ("late", r"(?:quá|trễ|chậm)\s+(?:thời\s+)?hạn"),
)
_STAGE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _STAGES), re.I)
_COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])|(?<![\d.,])\d+(?![\d.,])")
_SHARE = re.compile(r"(?:chiếm|đạt|bằng)?(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*:?\s*\d+(?:,\d+)?\s*%", re.I)
# Words an item may say beside its stage and its count: what is counted and that it was settled.
_PLAIN = frozenset(w for w in ("hồ", "sơ", "giải", "quyết", "được", "đã", "xử", "lý", "trả", "kết",
                                            "quả", "là", "có", "số", "và", "thủ", "tục", "trong", "đó", "gồm",
                                            "hành", "chính", "tthc"))


def stage_partition(items: list[str], parts: list[Decimal], whole: Decimal) -> list[Decimal] | None:
    """The parts of ``items`` that make ``whole`` when they are its dossiers
    by timeliness (:func:`stages_make_whole`), else None. "Đúng hạn" may
    count the early ones too (QĐ 766's reading): when the on-time and late
    parts alone make the whole and all of them do not, those are the
    partition."""
    stages = _stages(items)
    if stages is None or len(parts) != len(stages):
        return None
    if "early" in stages and sum(parts, Decimal(0)) != whole:
        inclusive = [p for p, s in zip(parts, stages) if s != "early"]
        if sum(inclusive, Decimal(0)) == whole:
            return inclusive
    return list(parts)


def stages_make_whole(items: list[str]) -> bool:
    """Whether ``items`` (a list's items, each one count) are the whole's
    dossiers by timeliness, late and on time both named, each item no more
    than its stage, its count, what is counted and its share."""
    return _stages(items) is not None


def _stages(items: list[str]) -> list[str] | None:
    seen: list[str] = []
    for item in items:
        text = _SHARE.sub(" ", re.sub(r"\([^()]*\)", " ", item))
        found = list(_STAGE.finditer(text))
        if len(found) != 1 or len(_COUNT.findall(text)) != 1:
            return None
        rest = _COUNT.sub(" ", text[:found[0].start()] + " " + text[found[0].end():])
        if any(w not in _PLAIN for w in re.findall(r"\w+", unicodedata.normalize("NFC", rest).casefold())):
            return None
        seen.append(found[0].lastgroup or "")
    return seen if len(seen) == len(set(seen)) and "late" in seen and "ontime" in seen else None
