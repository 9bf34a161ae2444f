"""Numbers as a column writes them: one separator convention per column.

A cell such as ``13,951`` is thirteen thousand in an English sheet and
thirteen point nine five one in a Vietnamese one; the cell alone cannot say.
Its column can: a column of points that also holds ``9,5`` and ``12,75``
writes the decimal comma, so ``13,951`` there is a decimal too. The rule:

- a column whose cells show the comma with other than three digits after it
  (``9,5``, ``0,125``, ``12,75``) and never the dot so, writes the decimal
  comma (vi_VN): a comma is always decimal there, a dot groups thousands;
- a column that shows the dot so (``8.32``) and never the comma writes the
  decimal point (an English sheet): a dot is decimal, a comma groups;
- a column that shows neither (only whole numbers or three-digit tails)
  takes the convention of the document (most decimal columns), else the
  column's meaning: a column with a maximum in its header, or of percents,
  is decimal (``13,951`` of 15 points), else vi_VN (a comma is decimal);
- a column that shows both stays cell by cell (each cell read on its own);
- a column of whole numbers grouped both ways (``1.520`` and ``4,870``, a
  scan's dot read as a comma, a cell typed the English way) and no decimal
  is a column of counts: both separators group thousands there (WHOLE).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

COMMA, DOT, WHOLE = "comma", "dot", "whole"

_COMMA_DEC = re.compile(r"^[+\-−]?(\d+,(\d{1,2}|\d{4,})|0,\d+|\d{4,},\d+)%?$")
_DOT_DEC = re.compile(r"^[+\-−]?(\d+\.(\d{1,2}|\d{4,})|0\.\d+|\d{4,}\.\d+)%?$")
_NUMBERS = re.compile(r"[+\-−]?\d[\d.,]*")


def _numbers(text: str) -> list[str]:
    text = (text or "").replace("\u00a0", " ").strip()
    return [m.group(0).rstrip(".,") for m in _NUMBERS.finditer(text)]


def evidence(texts: Iterable[str]) -> Counter:
    """How the cells of one column write decimals: counts of 'comma' and 'dot'."""
    seen: Counter = Counter()
    for text in texts:
        for number in _numbers(text):
            if "," in number and "." in number:
                seen[COMMA if number.rfind(",") > number.rfind(".") else DOT] += 1
            elif _COMMA_DEC.match(number):
                seen[COMMA] += 1
            elif _DOT_DEC.match(number):
                seen[DOT] += 1
    return seen


def decide(seen: Counter) -> str | None:
    """The column's convention from its own cells, or None when they do not say."""
    if seen[COMMA] and not seen[DOT]:
        return COMMA
    if seen[DOT] and not seen[COMMA]:
        return DOT
    if seen[COMMA] and seen[DOT]:
        # A slip or two in a column that otherwise says clearly.
        if seen[COMMA] >= 4 * seen[DOT]:
            return COMMA
        if seen[DOT] >= 4 * seen[COMMA]:
            return DOT
    return None


def conventions(columns: dict[int, list[str]], decimal_meaning: set[int] | None = None) -> dict[int, str]:
    """Convention per column (by index) for every column that has numbers:
    its own evidence, else the document's (most decided columns), else
    vi_VN. ``decimal_meaning`` lists columns whose meaning is decimal
    (a maximum in the header, a percent): vi_VN unless the document writes
    the decimal point."""
    own = {c: decide(evidence(texts)) for c, texts in columns.items() if not _numbering(texts)}
    votes = Counter(v for v in own.values() if v)
    document = votes.most_common(1)[0][0] if votes and (len(votes) == 1 or
                                                        votes.most_common(2)[1][1] * 4 <= votes.most_common(1)[0][1]) \
        else None
    out: dict[int, str] = {}
    for c, convention in own.items():
        counts = c not in (decimal_meaning or set()) and _grouped_both_ways(columns[c])  # no maximum, no percent
        out[c] = convention or (WHOLE if counts else None) or document or COMMA
    return out


_GROUPED = re.compile(r"^[+\-−]?\d{1,3}(?:([.,])\d{3})+$")


def _grouped_both_ways(texts: list[str]) -> bool:
    """Whole numbers only, some grouped with the dot and some with the comma."""
    numbers = [n for t in texts for n in _numbers(t)]
    seps = {m.group(1) for n in numbers if (m := _GROUPED.match(n))}
    return seps == {",", "."} and all(_GROUPED.match(n) or n.lstrip("+-−").isdigit() for n in numbers)


_NUMBERING = re.compile(r"^\(?\d{1,3}(\.\d{1,3})*\.?\)?$")


def _numbering(texts: list[str]) -> bool:
    """A column of item numbers (1. / 1.1 / 2.3.1.), whose dots are no decimals."""
    texts = [t.strip() for t in texts if t and t.strip()]
    if not texts or not all(_NUMBERING.match(t) for t in texts):
        return False
    return any(t.endswith(".") or t.count(".") >= 2 for t in texts) or _nested(texts)


def _nested(texts: list[str]) -> bool:
    """Items numbered under their parents, in order: "1, 1.1, 1.2, 2, 2.1"
    (each "a.b" after its "a", b counting 1, 2, 3 …); decimals ("1, 1.5, 2")
    are not."""
    seen: set[str] = set()
    last: dict[str, int] = {}
    dotted = 0
    for t in (t.strip("().") for t in texts):
        parent, _, own = t.rpartition(".")
        if parent:
            if parent not in seen or int(own) != last.get(parent, 0) + 1:
                return False
            last[parent] = int(own)
            dotted += 1
        seen.add(t)
    return dotted > 0


def role_for(text: str, convention: str | None, default: str) -> str:
    """The parsing role (see :mod:`reportgen.numbers`) that reads ``text``
    with the column's convention: a lone separator that is the column's
    decimal one is read as a decimal whatever digits follow it (``13,951``
    of a comma column is 13,951), the other one groups thousands."""
    if convention is None:
        return default
    if "%" in (text or ""):
        convention = COMMA if "," in text else DOT  # a percent has no thousands: its one separator is decimal
    elif convention == WHOLE:
        return "count"
    decimal_sep = "," if convention == COMMA else "."
    kinds = set()
    for number in _numbers(text):
        seps = [ch for ch in number if ch in ",."]
        if not seps:
            continue
        if len(seps) > 1:
            return default  # several separators say for themselves
        kinds.add("score" if seps[0] == decimal_sep else "count")
    return kinds.pop() if len(kinds) == 1 else default
