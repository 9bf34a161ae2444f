"""The administrative level a passage is about: "cấp xã", "UBND các xã,
phường", "các sở, ban, ngành", "UBND các huyện, thị xã"."""
from __future__ import annotations

import re

# Administrative levels a passage names, most specific words first.
_LEVELS = (
    ("xã", re.compile(r"cấp\s+xã|(?:các\s+)?xã,\s*phường|UBND\s+(?:các\s+)?xã\b|phường,\s*xã|"
                      r"xã,\s*thị\s+trấn|đặc\s+khu", re.I)),
    ("huyện", re.compile(r"cấp\s+huyện|(?:các\s+)?huyện,\s*(?:thị\s+xã|thành\s+phố|quận)|UBND\s+(?:các\s+)?huyện\b",
                         re.I)),
    ("tỉnh", re.compile(r"cấp\s+(?:tỉnh|sở)|sở,\s*(?:ban,\s*)?ngành|cơ\s+quan\s+chuyên\s+môn|các\s+sở\b", re.I)),
)


def level_at(text: str, end: int, scope: str | None = None) -> str | None:
    """The administrative level ("xã", "huyện", "tỉnh") named last before
    ``end`` in ``text``, else in the heading path ``scope``. Words in
    parentheses name an example, not the units a figure is about: in
    "thấp nhất 62,26% (UBND xã Hàm Kiệm), trung bình 80,39%" the mean is of
    every unit, not of the communes."""
    for source, stop in ((text, end), (scope or "", len(scope or ""))):
        best: tuple[int, str] | None = None
        inside = _parenthesised(source, stop)
        for name, pattern in _LEVELS:
            for m in pattern.finditer(source, 0, stop):
                if inside(m.start()):
                    continue
                if best is None or m.start() > best[0]:
                    best = (m.start(), name)
        if best:
            return best[1]
    return None


def _parenthesised(text: str, stop: int):
    """A test of whether a position of ``text`` lies inside a pair of
    parentheses closed before ``stop`` (one still open at ``stop`` encloses
    the figure itself and is no aside)."""
    spans = []
    opened: list[int] = []
    for i, ch in enumerate(text[:stop]):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            spans.append((opened.pop(), i))
    return lambda pos: any(a < pos < b for a, b in spans)


_TIER = re.compile(r"(?<!\w)cấp\s+(tỉnh|huyện|xã|trung\s+ương)(?!\w)", re.I)
# A level named by who handles at it: the departments ("các sở, ngành", "sở, ban, ngành") are the
# province's; "UBND các huyện", "UBND các xã, phường" the district's and the commune's.
_TIER_BY_WHO = (("tỉnh", re.compile(r"(?<!\w)sở,?\s+(?:ban,?\s+)?ngành(?!\w)", re.I)),
                ("huyện", re.compile(r"(?<!\w)(?:UBND|ủy\s+ban\s+nhân\s+dân)\s+(?:các\s+)?huyện(?!\w)", re.I)),
                ("xã", re.compile(r"(?<!\w)(?:UBND\s+|ủy\s+ban\s+nhân\s+dân\s+)?(?:các\s+)?xã,?\s+phường(?!\w)", re.I)))


def tiers_of(item: str) -> list[str]:
    """The levels a list item names: "cấp huyện" said, or named by who handles at
    that level ("các sở, ngành" the province's, "UBND các huyện" the district's)."""
    found = [" ".join(t.casefold().split()) for t in _TIER.findall(item)]
    return found or [tier for tier, pattern in _TIER_BY_WHO if pattern.search(item)]
