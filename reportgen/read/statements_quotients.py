"""A rate named as a quotient of two quantities the prose states before it:
"Tỷ lệ hồ sơ trực tuyến/tổng hồ sơ tiếp nhận đạt 52,39%" after "Tổng số hồ sơ
tiếp nhận và giải quyết …: 13.597 hồ sơ" and "Tổng số hồ sơ tiếp nhận trực
tuyến … là: 7.123 hồ sơ". The rate is a share of the one, over the other.

Each side is found by its own words: a count of the same noun whose clause
(the words before it, back to a comma, a semicolon or a bracket; brackets
before it left out) holds every word that side has and the other has not
("trực tuyến" for the part; "tổng", "tiếp nhận" for the whole), and the
whole's clause none of the part's own words. Only one count may answer each side, in the rate's
block and the blocks before it up to the previous heading; else nothing is
paired (the rate stays a claim the coverage reports). The counts are found
by words in other sentences, not stated with the rate: a rate that does not
fit them is a doubt (the slip may be a count the rate divides), never sure.
"""
from __future__ import annotations

import re

from ..model import Statement
from .statements_blocks import Block, heading_of
from .statements_counts import NUMBER, count_value, percent_value

_QUOTIENT = re.compile(r"(?<!\w)t[ỷỉ]\s+lệ\s+(?P<a>[^/%\d;:()]{3,80}?)\s*/\s*(?P<b>[^/%\d;:()]{3,80}?)\s+"
                       r"(?:đạt|là|chiếm|bằng)(?:\s+t[ỷỉ]\s+lệ)?\s*:?\s*(?P<p>\d+(?:[.,]\d+)?)\s*%", re.I)
_COUNT = re.compile(NUMBER + r"\s+(?P<noun>[^\W\d]\w*)", re.I)
_STOP = frozenset("số là đã được các của và trong đó có với này tại trên thì cho".split())
_BRACKETED = re.compile(r"\([^()]*\)")
_LOOK_BACK = 8  # blocks


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in _STOP}


def _clause(text: str, at: int) -> str:
    """The words before the count at ``at``: within its bracket when it is in
    one, else the text before it with brackets left out; back to a comma,
    a semicolon or a full stop."""
    head = text[:at]
    opened, closed = head.rfind("("), head.rfind(")")
    head = head[opened + 1:] if opened > closed else _BRACKETED.sub(" ", head)
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(". "), head.rfind("("))
    return head[cut + 1:]


def _counts(texts: list[str], noun: str) -> list[tuple[str, object]]:
    """(clause, value) of every count of ``noun`` in ``texts``."""
    out = []
    for text in texts:
        for m in _COUNT.finditer(text):
            if m.group("noun").casefold() == noun:
                out.append((_clause(text, m.start()), count_value(m.group(1))))
    return out


def _side(counts, own: set[str], other: set[str]) -> object | None:
    """The one value whose clause holds every word of ``own`` and none of ``other``."""
    found = {v for clause, v in counts if v is not None and own <= _words(clause) and not other & _words(clause)}
    return found.pop() if len(found) == 1 else None


def quotient_shares(blocks: list[Block], i: int, scope: str | None) -> list[Statement]:
    """The quotient rates of ``blocks[i]`` paired with the counts they divide (see the module)."""
    block = blocks[i]
    out: list[Statement] = []
    for m in _QUOTIENT.finditer(block.text):
        a, b = _words(m.group("a")), _words(m.group("b"))
        first = [w for w in re.findall(r"[^\W\d_]+", m.group("a").casefold()) if w not in _STOP]
        pct = percent_value(m.group("p"))
        if not first or pct is None or not a - b or not b - a:
            continue
        texts = [block.text[:m.start()]]
        for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
            if heading_of(blocks[j].text):
                break
            texts.append(blocks[j].text)
        counts = _counts(texts, first[0])
        part, whole = _side(counts, a - b, set()), _side(counts, b - a, a - b)
        if part is None or whole is None or part >= whole:
            continue
        out.append(Statement(kind="share", text=m.group(0), paragraph=block.index, page=block.page, value=part,
                             whole=whole, percent=pct[0], scope=scope, wrong_separator=pct[1],
                             percent_written=m.group("p") + "%", noun=first[0], whole_inferred=True))
    return out
