"""Which scheme a table's header speaks, and which column is which indicator.

Only the scheme data files are consulted (indicator and group words, maxima,
header words, the number of indicators); nothing here knows a scheme by name.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..schemes import Indicator, Scheme, all_schemes, load_scheme
from ..text import fold
from ..text.headers import max_in
from .header import HeaderColumn


@lru_cache(maxsize=None)
def _word_pattern(word: str) -> re.Pattern:
    # "chỉ số 1" must not match "chỉ số 12": no letter or digit may follow.
    return re.compile(r"(?<![\w])" + re.escape(word).replace(r"\ ", r"\s*") + r"(?![\w])")


def has_word(text: str, words) -> bool:
    return any(_word_pattern(w).search(text) for w in words)


def group_of(column: HeaderColumn, scheme: Scheme) -> str | None:
    """The scheme group named by a column's upper labels (or its own label
    when the group has a single column merged down)."""
    for label in reversed(column.path[:-1] or column.path):
        text = fold(label)
        for group in scheme.groups:
            if group.words and has_word(text, group.words):
                return group.key
    return None


_RATE_ONLY = re.compile(r"^(t[ỷỉ]\s*lệ|tỷ lệ đạt)?\s*\(?%\)?$|^t[ỷỉ]\s*lệ$")


def is_rate_column(column: HeaderColumn) -> bool:
    """A rate written beside the points ("Tỷ lệ %"), never an indicator's points."""
    return bool(_RATE_ONLY.match(fold(column.leaf)))


def candidates(column: HeaderColumn, scheme: Scheme) -> list[Indicator]:
    text = column.text
    leaf = fold(column.leaf)
    cmax = column.max
    if _RATE_ONLY.match(leaf):
        return []  # a rate beside the points ("Tỷ lệ %" | "Điểm đạt")
    group = group_of(column, scheme)
    out = []
    for ind in scheme.indicators:
        named = ind.words and (has_word(leaf, ind.words) or has_word(text, ind.words))
        coded = ind.code and has_word(leaf, [ind.code.casefold()])
        if not (named or coded):
            continue
        if cmax is not None and cmax != ind.max:
            continue
        if group is not None and ind.group is not None and scheme.groups and ind.group != group:
            continue
        out.append(ind)
    # Prefer indicators named by the leaf itself.
    out.sort(key=lambda i: 0 if has_word(leaf, i.words) else 1)
    return out


def assign(columns: list[HeaderColumn], scheme: Scheme) -> dict[int, str]:
    """Column index → indicator key. Unique candidates first, then the
    scheme's order; when the count and the maxima agree, position decides
    for the columns still open."""
    options = {c.index: [i.key for i in candidates(c, scheme)] for c in columns}
    taken: dict[int, str] = {}
    changed = True
    while changed:
        changed = False
        for idx, keys in options.items():
            if idx in taken:
                continue
            free = [k for k in keys if k not in taken.values()]
            if len(free) == 1:
                taken[idx] = free[0]
                changed = True
    for idx, keys in options.items():
        free = [k for k in keys if k not in taken.values()]
        if idx not in taken and free:
            taken[idx] = free[0]
    inds = scheme.indicators
    # Position decides only where the header says something of the scheme: a
    # column it names, or maxima; six columns of unit names are no six indicators.
    said = bool(taken) or any(c.max is not None for c in columns)
    if len(columns) == len(inds) and said and _maxima_agree(columns, inds):
        for column, ind in zip(columns, inds):
            if column.index not in taken and ind.key not in taken.values():
                taken[column.index] = ind.key
    return taken


def _maxima_agree(columns: list[HeaderColumn], inds) -> bool:
    return all(c.max is None or c.max == i.max for c, i in zip(columns, inds))


@dataclass
class Detection:
    scheme: Scheme | None
    score: int
    mapping: dict[int, str]


def detect_grid(columns: list[HeaderColumn], override: str | None = None) -> Detection:
    """The scheme whose indicators the score columns name best."""
    schemes = [load_scheme(override)] if override else list(all_schemes().values())
    best = Detection(None, 0, {})
    tie = False
    for scheme in schemes:
        mapping = assign(columns, scheme)
        score = _score(columns, mapping, scheme)
        if score > best.score:
            best, tie = Detection(scheme, score, mapping), False
        elif score == best.score and score > 0:
            tie = True
    if override:
        return best if best.scheme else Detection(load_scheme(override), 0, {})
    if tie or best.score < 6 or len(best.mapping) < 3:
        return Detection(None, best.score, {})
    return best


def _score(columns: list[HeaderColumn], mapping: dict[int, str], scheme: Scheme) -> int:
    """How well a scheme explains the numeric columns: mapped columns, the
    maxima the header shows, the indicator count, the scheme's header words;
    a column that shows a maximum but names no indicator counts against it."""
    n = len(scheme.indicators)
    score = 2 * len(mapping)
    found = [c.max for c in columns if c.max is not None]
    if found and Counter(found) == Counter(i.max for i in scheme.indicators):
        score += 10
    if len(mapping) == n:
        score += 5
    score -= 2 * sum(1 for c in columns if c.max is not None and c.index not in mapping)
    text = " ".join(c.text for c in columns)
    score += sum(1 for w in scheme.header_words if has_word(text, [w]))
    return score


def detect_text(header_text: str, n_values: int, override: str | None = None) -> Scheme | None:
    """For a header known only as words (text from a PDF): the scheme whose
    maxima, indicator count and words the text shows best."""
    if override:
        return load_scheme(override)
    text = fold(header_text)
    maxima = [m for m in (max_in(part) for part in re.findall(r"\([^)]*\)", header_text)) if m is not None]
    best, best_score, tie = None, 0, False
    for scheme in all_schemes().values():
        n = len(scheme.indicators)
        score = 0
        own = Counter(i.max for i in scheme.indicators)
        if maxima and Counter(maxima) == own:
            score += 10
        elif len(maxima) >= 3 and Counter(maxima) - own:
            score -= 10  # the header shows maxima the scheme does not have
        if 0 < n_values - n <= 3:
            score += 4
        score += sum(1 for w in scheme.header_words if has_word(text, [w]))
        score += sum(1 for g in scheme.groups if has_word(text, g.words))
        if score > best_score:
            best, best_score, tie = scheme, score, False
        elif score == best_score:
            tie = True
    if tie or best_score < 8:
        return None
    return best


def header_maxima(header_text: str) -> list[tuple[str, Decimal]]:
    """(label, maximum) of each column a free-text header names with its
    maximum, in order: the words between one "(Nđ)" and the next; for the
    first, the lines just before it, back to where two lines in capitals
    meet (the header's upper labels: "XẾP" / "LOẠI")."""
    out: list[tuple[str, Decimal]] = []
    pieces: list[str] = []
    for line in header_text.split("\n"):
        for part in re.split(r"(\([^)]*\))", line.strip()):
            value = max_in(part) if part.startswith("(") else None
            if value is not None:
                out.append((" ".join(_own_lines(pieces) if not out else pieces), value))
                pieces = []
            elif part.strip():
                pieces.append(part.strip())
    return out


def _own_lines(lines: list[str]) -> list[str]:
    def lower(text: str) -> bool:
        return any(ch.islower() for ch in text)

    k = len(lines)
    while k > 0 and (lower(lines[k - 1]) or (k > 1 and lower(lines[k - 2]))):
        k -= 1
    return lines[k:]


def group_for_label(label: str, scheme: Scheme, value_max: Decimal | None) -> str | None:
    """The group a summary row's label names, when its maximum agrees."""
    text = fold(label)
    for group in scheme.groups:
        if group.words and has_word(text, group.words) and (value_max is None or group.max == value_max):
            return group.key
    return None


def export_codes(scheme: Scheme) -> dict[str, str]:
    """Export code → indicator key, from the scheme's codes: an indicator's
    own code, or its group's code when the group has that one indicator
    (the portal export's CKMB, TDGQ …)."""
    out = {}
    for ind in scheme.scored_indicators:
        group = scheme.group(ind.group)
        code = ind.code or (group.code if group and sum(
            1 for i in scheme.scored_indicators if i.group == ind.group) == 1 else None)
        if code:
            out[code.upper()] = ind.key
    return out


def named_by_code(name: str, scheme: Scheme) -> str | None:
    """The indicator a column names by an identifier rather than by words:
    its key ("c1"), its code, or its export code (:func:`export_codes`)."""
    folded = fold(name)
    for ind in scheme.scored_indicators:
        if folded == ind.key.casefold() or (ind.code and folded == ind.code.casefold()):
            return ind.key
    return export_codes(scheme).get(folded.upper())
