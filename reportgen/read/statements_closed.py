"""Whether a "trong đó" list splits its whole by a closed vocabulary, all of
it: "Tiếp nhận 12.450 hồ sơ, trong đó: trực tuyến 8.120 hồ sơ, trực tiếp 3.980
hồ sơ, qua dịch vụ bưu chính công ích 350 hồ sơ" (a dossier comes in by one
channel: online, in person or by post), "Tổng số hồ sơ phải giải quyết là
39.351 hồ sơ, trong đó: kỳ trước chuyển sang 1.465 hồ sơ; mới tiếp nhận 37.886
hồ sơ" (carried over or new), "trong đó cấp tỉnh 5.000 hồ sơ, cấp xã 15.000 hồ
sơ" (the levels of local government). A list that names every member of such
a vocabulary, each item no more than its member, its count, what is counted
and its share, leaves nothing out: its parts make the whole, as a "gồm"
list's do. A list naming some members only ("trong đó trực tuyến 8.120 hồ
sơ"), an item narrowed ("trực tuyến toàn trình 5.000 hồ sơ") or a word this
module does not know keeps the list some of the whole.

Two cautions. The channels split the dossiers that came in; a whole that
counts the carried-over ones too ("phải giải quyết", "kỳ trước chuyển sang"
in its words) is all of a channel list only when the list names the carried
ones as well. The levels are province and commune since 1 July 2025 (the
district level abolished); a list of those two is all of its whole only in a
document that says nothing of districts ("huyện"), else the district count
may be left out."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..text.levels import tiers_of
from .statements_counts import count_value

# member -> pattern; longest phrases first within each alternative
_MEMBERS = (
    # the national or provincial public service portal is the online channel: "qua Cổng Dịch vụ công"
    ("online", r"(?:dịch\s+vụ\s+công\s+)?trực\s+tuyến|môi\s+trường\s+(?:điện\s+tử|mạng)"
               r"|cổng\s+(?:dịch\s+vụ\s+công|dvc)(?:\s+quốc\s+gia|\s+(?:của\s+)?tỉnh)?"),
    ("direct", r"trực\s+tiếp"),
    ("postal", r"(?:dịch\s+vụ\s+)?bưu\s+chính(?:\s+công\s+ích)?|bưu\s+điện|bcci"),
    ("carried", r"(?:từ\s+)?(?:kỳ|kì)\s+trước(?:\s+chuyển\s+(?:sang|qua))?"
                r"|tồn(?:\s+đọng)?(?:\s+(?:từ\s+)?(?:kỳ|kì)\s+trước)?|chuyển\s+(?:sang|qua|tiếp)"),
    ("new", r"(?:mới\s+)?tiếp\s+nhận\s+(?:mới|trong\s+(?:kỳ|kì))|mới\s+tiếp\s+nhận|trong\s+(?:kỳ|kì)"),
    ("province", r"cấp\s+tỉnh"),
    ("district", r"cấp\s+huyện"),
    # the commune level named by its kinds of units: "các xã, phường, đặc khu"
    ("commune", r"cấp\s+xã|(?:các\s+)?xã,\s*phường(?:,?\s*(?:và\s+)?(?:đặc\s+khu|thị\s+trấn))?"),
)
_MEMBER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _MEMBERS), re.I)
# A member, then its count with no noun, then its share: "qua dịch vụ công trực tuyến 823, chiếm 74,01%",
# "qua bưu chính công ích 536 (0,5%)". Group 1 is the count.
# Stages of the dossiers settled name their part the same way ("trong đó trước hạn 6.566 (chiếm 47,8%)"); they
# make no partition here (statements_stages reads those lists), only noun-less shares.
_STAGES = r"trước\s+hạn|đúng\s+hạn|quá\s+hạn|trễ\s+hạn|trong\s+hạn"
MEMBER_COUNT_SHARE = re.compile(r"(?:" + "|".join([p for _, p in _MEMBERS] + [_STAGES])
                                # where, between the member and its count: "trực tiếp tại Trung tâm Phục vụ
                                # hành chính công 350, chiếm 20,35%"
                                + r")(?:\s+tại\s+[^\W\d][^\d,;:()]{0,60}?)?\s+(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)"
                                r"(?![\d.,]\d)\s*(?:,\s*(?P<verb>chiếm|đạt|bằng|tương\s+đương|tương\s+ứng)(?:\s+(?:tỷ|tỉ)\s+lệ)?"
                                r"|\(\s*(?:chiếm(?:\s+(?:tỷ|tỉ)\s+lệ)?)?)\s*:?\s*(?P<p>\d+(?:,\d+)?)\s*%", re.I)
_CHANNELS = frozenset({"online", "direct", "postal"})
_PERIODS = frozenset({"carried", "new"})
_LEVELS = frozenset({"province", "district", "commune"})
_COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])|(?<![\d.,])\d+(?![\d.,])")
_SHARE = re.compile(r"(?:chiếm|đạt|bằng|tương\s+(?:đương|ứng))?(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*:?\s*\d+(?:,\d+)?\s*%", re.I)
# Words an item may say beside its member and its count: what is counted, how it came in, where.
_PLAIN = frozenset("hồ sơ thủ tục hành chính tthc nộp qua tại được đã là có số và trong đó gồm các "
                   "bộ phận một cửa tiếp nhận trung tâm phục vụ công".split())
# A whole that counts the carried-over dossiers besides the new ones.
_WITH_CARRIED = re.compile(r"phải\s+giải\s+quyết|cần\s+giải\s+quyết|(?:kỳ|kì)\s+trước|tồn|chuyển\s+(?:sang|qua)",
                           re.I)


def closed_partition(items: list[str], head: str = "", two_levels: bool = False) -> bool:
    """Whether ``items`` (a list's items, each one count) name every member
    of one closed vocabulary, each member once, each item no more than its
    member, its count, what is counted and its share; ``head`` is the words
    of the whole ("Tổng số hồ sơ phải giải quyết là"), ``two_levels`` that
    the document knows no district level."""
    named = _distinct_members(items)
    if named is None:
        return False
    if named <= _CHANNELS | {"carried"} and _CHANNELS <= named:
        return "carried" in named or not _WITH_CARRIED.search(head)
    if named == _PERIODS:
        return True
    if named <= _LEVELS and {"province", "commune"} <= named:
        return "district" in named or two_levels
    return False


def closed_parts(items: list[str], head: str = "", two_levels: bool = False) -> list[Decimal] | None:
    """The one count of each item when ``items`` split their whole by a closed
    vocabulary (:func:`closed_partition`), the noun said or not ("qua dịch vụ
    công trực tuyến 27.407; trực tiếp 6.931; qua bưu chính công ích 274 hồ
    sơ"); None otherwise."""
    return _counts(items) if closed_partition(items, head, two_levels) else None


def member_counts(items: list[str]) -> list[Decimal] | None:
    """The counts of a list whose items each name members of the closed
    vocabularies, no member twice, and one count, the noun left out
    ("trực tuyến 13.788; trực tiếp 6.033"), all of them or not (some of the
    whole); None for any other list."""
    return _counts(items) if _distinct_members(items) is not None else None


def _distinct_members(items: list[str]) -> set[str] | None:
    """The members two items or more name, each once, each item no more than
    its members, its count, what is counted and its share; else None."""
    seen: list[str] = []
    for item in _unions_rejoined(items):
        members = _members(item)
        if members is None:
            return None
        seen.extend(members)
    return set(seen) if len(items) >= 2 and len(seen) == len(set(seen)) else None


def _counts(items: list[str]) -> list[Decimal] | None:
    """The one count of each item (its share and brackets left aside)."""
    values = [count_value(_COUNT.search(_SHARE.sub(" ", re.sub(r"\([^()]*\)", " ", i))).group(0))
              for i in _unions_rejoined(items)]
    return None if None in values else values  # type: ignore[return-value]


_TAIL = re.compile(r",\s*(?P<tail>[^,\d()]+)$")


def _unions_rejoined(items: list[str]) -> list[str]:
    """The items with a member cut from the next one by its "và" given back:
    "trực tuyến 8.000 hồ sơ; trực tiếp và qua bưu chính công ích 4.000 hồ sơ"
    is read as "trực tuyến 8.000 hồ sơ, trực tiếp" and "qua bưu chính công
    ích 4.000 hồ sơ"; the channel left with no count is the next item's."""
    out = list(items)
    for k in range(len(out) - 1):
        m = _TAIL.search(out[k])
        if m and _MEMBER.search(m.group("tail")) and not _COUNT.search(m.group("tail")):
            out[k], out[k + 1] = out[k][:m.start()], f"{m.group('tail').strip()} và {out[k + 1]}"
    return out


def _members(item: str) -> list[str] | None:
    """The members one item names ("trực tiếp và qua bưu chính công ích" names
    two), None when it says anything else or holds other than one count."""
    text = _SHARE.sub(" ", re.sub(r"\([^()]*\)", " ", item))
    if len(_COUNT.findall(text)) != 1:
        return None
    found = list(_MEMBER.finditer(text))
    if not found:
        return None
    rest = _COUNT.sub(" ", _MEMBER.sub(" ", text))
    if any(w not in _PLAIN for w in re.findall(r"\w+", unicodedata.normalize("NFC", rest).casefold())):
        return None
    names = [m.lastgroup or "" for m in found]
    if len(names) > 1 and set(names) != {"direct", "postal"}:
        return None  # "trực tiếp và qua bưu chính": one item of two channels; any other pair is not plain
    return names


# Before the member, words of how the part came in: "(được) nộp (qua)", "qua", "tại".
_LEAD = re.compile(r"\s*(?:(?:được|đã)\s+)?(?:nộp\s+|tiếp\s+nhận\s+)?(?:(?:qua|tại)\s+)?", re.I)


def member_after(text: str) -> bool:
    """Whether ``text`` (the words after a part's count) opens with a member
    of a closed vocabulary, no noun before it: "trực tuyến, chiếm 62,53%",
    "nộp trực tuyến (55,9%)" — the part leaves out the noun of its whole."""
    return _MEMBER.match(text, _LEAD.match(text).end()) is not None


# The levels of a satisfaction survey: a vote is at one level only. Longest phrases first.
_SATISFACTION = re.compile(r"(?P<very_unsatisfied>rất\s+không\s+hài\s+lòng)|(?P<very_satisfied>rất\s+hài\s+lòng)"
                           r"|(?P<unsatisfied>(?:không|chưa)\s+hài\s+lòng)|(?P<neutral>bình\s+thường)"
                           r"|(?P<satisfied>hài\s+lòng)", re.I)
# An item over a range of levels: "hài lòng trở lên", "từ mức hài lòng".
_LEVEL_RANGE = re.compile(r"trở\s+lên|trở\s+xuống|từ\s+mức|\btrên\b|\bdưới\b", re.I)


def distinct_levels(items: list[str]) -> bool:
    """Whether each of ``items`` (two or more) counts the votes of one level
    of satisfaction, no level twice: "2.100 phiếu rất hài lòng, 670 phiếu hài
    lòng và 230 phiếu không hài lòng". A vote has one level, so the parts
    together are never more than their whole; a survey may have levels the
    list does not name ("bình thường"), so they may be less."""
    levels: list[str] = []
    for item in items:
        found = [m.lastgroup for m in _SATISFACTION.finditer(re.sub(r"\([^()]*\)", " ", item))]
        if len(found) != 1 or _LEVEL_RANGE.search(item):
            return False
        levels.extend(found)
    return len(items) >= 2 and len(levels) == len(set(levels))


def distinct_tiers(items: list[str]) -> bool:
    """Whether each of ``items`` (two or more) counts what one administrative
    level handled, no level twice: "trong đó cấp huyện 2.043 hồ sơ, cấp xã
    2.933 hồ sơ", "các sở, ngành 127 hồ sơ, UBND cấp huyện 309 hồ sơ". A
    dossier is handled at one level, so the parts are never more than their
    whole."""
    tiers = []
    for item in items:
        found = tiers_of(item)
        if len(found) != 1:
            return False
        tiers.append(found[0])
    return len(items) >= 2 and len(tiers) == len(set(tiers))
