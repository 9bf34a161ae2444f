"""A written list of offices, counted: "Sở Tài chính (56 hồ sơ), Sở Dân tộc và
Tôn giáo (49 hồ sơ), Cục Thuế tỉnh (33 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ)"
names 3 + 2 = 5 offices, whether or not any table lists them.

An office's name opens with the word for its kind, capitalised ("Sở", "Ban",
"Thanh tra", "Văn phòng", "Cục", "UBND", "Xã" …) and followed by a name word
(capitalised), a level word ("tỉnh", "huyện", "cấp huyện") or a kind word
("UBND xã …"). The list is cut at commas, semicolons and "và" outside brackets;
a piece that does not open an office but is a capitalised name continues the
one before it ("Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và
Xã hội": "Xã hội" is no commune). A piece that is neither ("một số đơn vị khác",
"các UBND cấp xã" with no count, a count outside brackets, "…") leaves the list uncounted: the count is
then not decided, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds of office, longest first where one opens another ("Chi cục" / "Cục").
_KINDS = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Bảo hiểm xã hội", "Bộ Chỉ huy", "Chi cục", "Cục",
          "Sở", "Ban", "Thanh tra", "Văn phòng", "Trung tâm", "Công an", "Kho bạc", "Phòng", "Đài",
          "Bệnh viện", "Trường", "Tòa án", "Viện kiểm sát", "Ngân hàng", "Đặc khu", "Thành phố", "Thị xã",
          "Thị trấn", "Huyện", "Quận", "Xã", "Phường")
_OFFICE = re.compile(r"^(?:(?P<count>\d{1,3})\s+)?(?:" + "|".join(re.escape(k) for k in _KINDS) + r")\s+(?P<next>\S+)")
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "thành", "thị", "quận", "cấp", "xã", "phường", "nhân"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdecimal()


@dataclass(frozen=True)
class Office:
    """One item of a written list of offices: how many offices it names
    ("02 UBND cấp huyện": 2), the administrative level they are of, and the
    bracketed words after it ("56 hồ sơ"), if any."""

    name: str
    count: int
    tier: str  # "tỉnh", "huyện" or "xã"
    bracket: str | None = None


_DISTRICT = re.compile(r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)?\s*(?:các\s+)?(?:cấp\s+huyện|huyện|"
                       r"quận|thị\s+xã|thành\s+phố)(?!\w)", re.I)
_COMMUNE = re.compile(r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)?\s*(?:các\s+)?(?:cấp\s+xã|xã|phường|"
                      r"thị\s+trấn|đặc\s+khu)(?!\w)", re.I)


def _tier(name: str) -> str:
    """The level of the office ``name`` opens: a commune's or a district's
    people's committee by its words, any other office (a department, a
    branch of a central agency, the province's inspectorate) the province's."""
    bare = re.sub(r"^\d{1,3}\s+", "", name)
    if _COMMUNE.match(bare):
        return "xã"
    if _DISTRICT.match(bare):
        return "huyện"
    return "tỉnh"


def _pieces(text: str) -> list[tuple[str, str | None, str]]:
    """``text`` cut at commas, semicolons and "và" outside brackets: each
    piece with the words of the last bracket it holds (or None) and the
    separator that ends it."""
    out: list[tuple[str, str | None, str]] = []
    piece, bracket, inner, depth = [], None, [], 0
    for ch in text + ",":
        if ch in "([":
            depth += 1
            if depth == 1:
                inner = []
                continue
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                bracket = "".join(inner).strip()
                continue
        if depth:
            inner.append(ch)
            continue
        piece.append(ch)
        if ch in ",;" or "".join(piece).endswith(" và "):
            words = "".join(piece)
            sep = " và " if words.endswith(" và ") else ch + " "
            words = words[:-4] if words.endswith(" và ") else words[:-1]
            out.append((words.strip(" .:"), bracket, sep))
            piece, bracket = [], None
    return out


def listed_offices(text: str) -> list[Office] | None:
    """The offices the written list ``text`` names, in order, or None when a
    piece of it is no office's name (see the module)."""
    out: list[Office] = []
    sep = ""
    for piece, bracket, after in _pieces(text):
        if not piece:
            return None
        m = _OFFICE.match(piece)
        if re.search(r"\d[.,]\d|\d\s+[^\W\d]", piece[m.end("count") if m and m.group("count") else 0:]):
            return None  # a count beside the name ("… Ba Tơ 17.228 hồ sơ"): a list of counts ("Phường 1" is a name)
        if m and (_capitalised(m.group("next")) or m.group("next") in _LEVEL_WORDS):
            count = int(m.group("count") or 1)
            if count == 0:
                return None
            out.append(Office(name=piece, count=count, tier=_tier(piece), bracket=bracket))
        elif out and _capitalised(piece):
            last = out[-1]  # a name with a comma or "và" in it goes on
            out[-1] = Office(name=f"{last.name}{sep}{piece}", count=last.count, tier=last.tier,
                             bracket=bracket or last.bracket)
        else:
            return None
        sep = after
    return out or None


def counted_offices(text: str) -> int | None:
    """How many offices the written list ``text`` names (an item "02 UBND cấp
    huyện" is two), or None when a piece of it is no office's name."""
    offices = listed_offices(text)
    return sum(o.count for o in offices) if offices else None
