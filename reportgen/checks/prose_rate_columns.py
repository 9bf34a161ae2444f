"""A rate the prose names by its parts, computed from the table whose
columns those parts are: "tỷ lệ giải quyết đúng hạn và trước hạn đạt 98,7%"
over a table "Tổng số hồ sơ đã giải quyết | Trước hạn | Đúng hạn | Quá hạn"
is (Trước hạn + Đúng hạn) / Tổng số hồ sơ đã giải quyết × 100 on its total
row ("Tổng cộng", "Toàn tỉnh"), or on the row of the unit the sentence
names ("UBND xã Phúc Thọ có tỷ lệ …"); "tỷ lệ quá hạn 1,35%" is Quá hạn
over the same whole.

The words of the rate (after "tỷ lệ", up to the figure) are read as a
reader reads them:

- the parts are the columns of one table every word of whose header the
  rate says in order ("đúng và trước hạn" says "Trước hạn" and "Đúng
  hạn"), or the last words of a header joined with its group that no other
  header ends with ("quá hạn" of "Số hồ sơ đã giải quyết Quá hạn"); two
  parts or more only when the rate joins them ("và", "cùng", "+", a comma);
  a header repeated under two groups is told apart by its group's words;
- the whole is, first found: the column of that table the rate names that
  is a total ("Tổng số …" every word said); the total ("Tổng số", "Tổng")
  of the parts' group; a total some of whose words the rate says
  ("giải quyết" of "Tổng số hồ sơ đã giải quyết"); the other column the
  rate names, when it holds more than the parts together ("tỷ lệ tiếp nhận
  trực tuyến" over "Tiếp nhận | Trực tuyến | Trực tiếp"); the table's one
  total ("tỷ lệ quá hạn");
- every word of the rate is then the whole's, a part's, a group's or the
  table title's: a word more ("trực tuyến" of a table that does not split
  by channel) is a narrower rate, never computed.

The written rate agrees when the exact one, rounded or cut to the places
written, gives it; "tỷ lệ … đúng hạn" may also count "Trước hạn" (QĐ 766:
đúng hạn is on time or earlier). When it does not, :mod:`.prose_rates`
tells whether the pairing is sure.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ..model import Report, ScoreTable, Statement, StatementKind
from ..text.labels import stat_of
from ..text.names import fold_tones
from ..text.short_forms import SHORT_FORMS
from .prose_labels import _STOP, same_wording
from .prose_named import _BARE_FOLDED, _value

_HUNDRED = Decimal(100)
_RATE = re.compile(r"(?:tỷ|tỉ)\s+lệ\s+(?P<what>.*)$", re.I)
_RATE_WORD = re.compile(r"(?<!\w)(?:tỷ|tỉ)\s+lệ\s", re.I)
_VERB = re.compile(r"(?:\s+(?:hiện|chỉ|mới|đã|cũng|vẫn|chung))*\s+(?:đạt|là|chiếm|bằng|ở\s+mức)\s*$", re.I)
_TOTAL = re.compile(r"^\s*tổng\b|\btổng\s*(?:số|cộng)?\s*$", re.I)  # "Tổng số …", "Đã giải quyết Tổng số"
_AND = "&"  # a coordination in a phrase: "và", "hoặc", "cùng", ",", "+"
_CONJ = frozenset(fold_tones(w) for w in ("và", "hoặc", "cùng"))
_EARLIER = {fold_tones("đúng"): fold_tones("trước")}  # QĐ 766: "đúng hạn" counts "trước hạn"
# "chung": the overall rate ("tỷ lệ hài lòng chung") is the total row's, a word of no column
_SKIP = frozenset(fold_tones(w) for w in (*_STOP, "chung")) | _BARE_FOLDED


def _tokens(text: str) -> list[str]:
    """The words of ``text`` in order, folded as headers are (case, tone
    placement, abbreviations written out), words that name nothing left out
    and a coordination kept as ``_AND``."""
    folded = fold_tones(same_wording(re.sub(r"\([^()]*\)", " ", text or "")))
    out: list[str] = []
    for w in re.findall(r"[\w\u0300-\u036f]+|[,+]", folded):
        if w in (",", "+") or w in _CONJ:
            if out and out[-1] != _AND:
                out.append(_AND)
            continue
        expansion = SHORT_FORMS.get(w)
        out.extend(w2 for w2 in (fold_tones(expansion).split() if expansion else [w])
                   if w2 not in _SKIP and not w2.isdigit())
    return out


def says(said: list[str], phrase: list[str]) -> bool:
    """Whether ``said`` says ``phrase``: its words in order, a gap between
    two of them only where a coordination shares them ("đúng và trước hạn"
    says "đúng hạn"; "giải quyết trước hạn, đúng hạn" says "giải quyết đúng
    hạn"; "tiếp nhận trực tuyến" does not say "trực tiếp")."""
    if not phrase:
        return False

    def from_(i: int, k: int) -> bool:  # phrase[k:] said from position i on, phrase[k - 1] just before
        if k == len(phrase):
            return True
        for j in range(i, min(len(said), i + 6)):
            gap = said[i:j]
            if j > i and not (gap[0] == _AND or gap[-1] == _AND):
                continue
            if said[j] == phrase[k] and from_(j + 1, k + 1):
                return True
        return False

    return any(w == phrase[0] and from_(i + 1, 1) for i, w in enumerate(said))


class Col(NamedTuple):
    key: str
    label: str
    phrase: list[str]  # the header's own words in order, what every header of the table says left out
    group: frozenset[str]
    total: bool  # the header says it is a total ("Tổng số …")


class Rate(NamedTuple):
    table: ScoreTable
    row: int
    whole: Col
    parts: list[Col]
    value: Decimal  # the exact rate
    sure: bool  # the whole is the one total found
    also: list[tuple[Col, Decimal]]  # the rate read with a sibling of its part counted in (see _inclusive)


_PERCENT_COL = re.compile(r"%|t[ỷỉ]\s*lệ", re.I)


def _cols(table: ScoreTable) -> list[Col]:
    """The count columns of ``table`` with their header words; a column of
    rates ("Tỷ lệ đúng hạn (%)") is no part nor whole of a rate of counts."""
    heads = [(c, _tokens(c.label or "")) for c in table.columns if c.label and not _PERCENT_COL.search(c.label)]
    common = frozenset.intersection(*(frozenset(p) for _, p in heads)) if len(heads) > 1 else frozenset()
    out = []
    for c, phrase in heads:
        if c.group and (c.label or "").startswith(c.group + " "):  # "Số hồ sơ đã giải quyết | Quá hạn", joined
            phrase = _tokens(c.label[len(c.group):])
        group = frozenset(_tokens(c.group or "")) - set(phrase) - {_AND}
        out.append(Col(c.key, c.label or "", [w for w in phrase if w not in common and w != _AND],
                       group, bool(_TOTAL.search(c.label or ""))))
    return out


def _subject(st: Statement) -> str:
    """The words of the rate: after the last "tỷ lệ" of the clause, up to the figure."""
    starts = [m.start() for m in _RATE_WORD.finditer(st.clause or "")]
    m = _RATE.match(st.clause or "", starts[-1]) if starts else None
    return _VERB.sub("", m.group("what")) if m else ""


def _named(cols: list[Col], said: list[str]) -> list[Col]:
    """The columns whose header ``said`` says; of a header under several
    groups, those whose group's words it holds too."""
    named = [c for c in cols if says(said, c.phrase) or says(said, _own(cols, c))]
    groups = [c.group for c in named if c.group]
    common = frozenset.intersection(*groups) if groups else frozenset()
    # a column under a group the rate does not say ("Số hồ sơ đang giải quyết | Trong hạn") is not what
    # "tỷ lệ giải quyết trước và đúng hạn" names when others are under a group it says (the words
    # the groups of the columns named all have, "hồ sơ giải quyết", tell none apart)
    named = [c for c in named if c.group - common <= set(said)] or named
    # a header whose words another named header's include says nothing of its own: "Trong hạn" (its "trong"
    # a stop word) beside "Trước hạn" in a flat header is not named by "trước hạn, đúng hạn"
    named = [c for c in named if c.total or not any(
        not d.total and set(c.phrase) < set(d.phrase) and c.group == d.group for d in named)]
    out = []
    for c in named:
        twins = [d for d in named if d.phrase == c.phrase]
        if len(twins) == 1 or c.group and c.group <= set(said):
            out.append(c)
    return out


def _own(cols: list[Col], col: Col) -> list[str]:
    """The last words of a header joined with its group's ("Số hồ sơ đã
    giải quyết Quá hạn"), two at least, that no other header of the table
    ends with: what the column says apart from its group ("quá hạn"). Words
    another header's group says are no such tail: "Đang giải quyết" beside
    "Đã giải quyết / Trước hạn …" is not named by "giải quyết"."""
    grouped = {w for d in cols if d is not col for w in d.group}
    for k in range(2, len(col.phrase)):
        tail = col.phrase[-k:]
        if not any(d is not col and d.phrase[-k:] == tail for d in cols) and not set(tail) <= grouped:
            return tail
    return []


def _rate_in(table: ScoreTable, row: int, said: list[str]) -> Rate | None:
    """The rate ``said`` names computed on ``row`` of ``table``, or None."""
    cols = _cols(table)
    named = _named(cols, said)
    words = set(said) - {_AND}
    wholes = [c for c in named if c.total]
    sure = len(wholes) == 1
    if not wholes:  # the total of the parts' group: "Tổng số" under "Đã giải quyết"
        groups = {c.group for c in named if c.group}
        wholes = [c for c in cols if c.total and c.group in groups and set(c.phrase) <= words]
        # joined with it: "Số hồ sơ đã giải quyết Tổng số" of "Số hồ sơ đã giải quyết Quá hạn"
        wholes = wholes or [c for c in cols if c.total and c.phrase and not c.group and named
                            and all(d.phrase[:len(c.phrase)] == c.phrase for d in named)]
        sure = len(wholes) == 1
    if not wholes:  # a total the rate names in part: "Tổng số hồ sơ đã giải quyết" of "giải quyết"
        wholes = [c for c in cols if c.total and set(c.phrase) & words]
        sure = len(wholes) == 1
    if not wholes:  # the one other column the rate names, holding more than the parts together
        wholes = [c for c in named if any(not set(d.phrase) <= set(c.phrase) for d in named if d is not c)]
        wholes = [w for w in wholes if _holds_others(table, row, w, named)]
        sure = False
    if not wholes and named:  # the column the named parts' run adds up to: "Đã giải quyết | Trước hạn | Quá hạn"
        wholes = _sum_of_run(table, cols, named)
        sure = len(wholes) == 1
    if not wholes:  # the table's one total: "tỷ lệ quá hạn" of "Tổng số … | … | Quá hạn" — a guess: the rate
        wholes = [c for c in cols if c.total]  # names no whole, and the total received is not the total resolved
        sure = False
    if len(wholes) != 1:
        return None
    whole = wholes[0]
    parts = [c for c in named if c is not whole and not set(c.phrase) <= set(whole.phrase) | whole.group]
    if not parts or (len(parts) > 1 and _AND not in said):
        return None
    title = set(_tokens(table.title or ""))
    covered = set(whole.phrase) | whole.group | title | {w for c in cols for w in c.group} \
        | {w for p in parts for w in p.phrase} | (set(_tokens(" ".join(c.label for c in cols))) - {
            w for c in cols for w in c.phrase})
    if words - covered:
        return None  # a word more: a narrower rate than the table gives
    total = _value(table, row, whole.key)
    values = [_value(table, row, p.key) for p in parts]
    if total is None or total <= 0 or None in values or sum(values) > total:
        return None
    also = [(c, (sum(values) + v) / total * _HUNDRED) for c in _inclusive(cols, whole, parts)
            for v in [_value(table, row, c.key)] if v is not None and sum(values) + v <= total]
    return Rate(table, row, whole, parts, sum(values) / total * _HUNDRED, sure, also)


def _sum_of_run(table: ScoreTable, cols: list[Col], parts: list[Col]) -> list[Col]:
    """The columns that are, on every row with figures (two at least), the
    sum of a run of adjacent count columns holding ``parts``: in a flat header
    "Tổng số hồ sơ tiếp nhận | Đã giải quyết | Trước hạn và đúng hạn | Quá
    hạn" the whole of "Quá hạn" is "Đã giải quyết", the sum the table obeys,
    not the one column named a total."""
    out = []
    for whole in cols:
        for i in range(len(cols)):
            for j in range(i + 2, len(cols) + 1):
                run = cols[i:j]
                if whole in run or any(p not in run for p in parts) or any(c.group != parts[0].group for c in run):
                    continue  # (a run across groups, "Đã giải quyết" into "Đang giải quyết", is no rate's whole)
                sums = [(_value(table, r, whole.key), [_value(table, r, c.key) for c in run])
                        for r in range(len(table.rows))]
                sums = [(w, vals) for w, vals in sums if w is not None and None not in vals]
                if len(sums) >= 2 and all(w == sum(vals) for w, vals in sums) and whole not in out:
                    out.append(whole)
    return out


def _inclusive(cols: list[Col], whole: Col, parts: list[Col]) -> list[Col]:
    """The sibling the rate may count in with its one part: "Tỷ lệ đúng hạn"
    is often of what was done on time or earlier (QĐ 766: "đúng hạn" =
    "đúng hoặc trước hạn"), so a part "Đúng hạn" may count "Trước hạn" of
    its group, the header with "trước" for "đúng"; a rate that fits either
    reading is not a slip."""
    if len(parts) != 1:
        return []
    part = parts[0]
    earlier = [_EARLIER.get(w, w) for w in part.phrase]
    if earlier == part.phrase:
        return []
    return [c for c in cols if c is not whole and c is not part and c.group == part.group and c.phrase == earlier]


def _holds_others(table: ScoreTable, row: int, whole: Col, named: list[Col]) -> bool:
    total = _value(table, row, whole.key)
    others = [_value(table, row, c.key) for c in named if c is not whole]
    return total is not None and None not in others and sum(others) <= total


def _of_units(rate: Rate) -> Decimal:
    """The rate computed from the sums of the unit rows rather than the
    total row: when the prose agrees with it, a cell of the total row is
    the slip, which the table's own sums name."""
    table = rate.table
    units = [i for i, r in enumerate(table.rows) if i != rate.row and r.unit and not stat_of(r.unit)]

    def summed(col: Col) -> Decimal | None:
        values = [_value(table, i, col.key) for i in units]
        return sum(values, Decimal(0)) if units and None not in values else None

    whole, parts = summed(rate.whole), [summed(p) for p in rate.parts]
    if not whole or None in parts:
        return Decimal(-1)
    return sum(parts, Decimal(0)) / whole * _HUNDRED


def _shared(report: Report, st: Statement) -> bool:
    """Whether the figure is the share of a count the sentence states
    ("đúng hạn 3.155 hồ sơ, đạt tỷ lệ 97,7%"): share-percent's."""
    return any(s.kind == StatementKind.SHARE and s.paragraph == st.paragraph and s.percent == st.value
               for s in report.statements)


_STAGE_WORDS = frozenset(_tokens("giải quyết xử lý hồ sơ"))
_ON_TIME, _EARLY = frozenset(_tokens("đúng hạn")), frozenset(_tokens("trước")) - frozenset(_tokens("hạn"))

