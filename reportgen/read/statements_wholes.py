"""The whole of a share its own sentences do not pair it with, found by what
the words say: the one earlier count of its noun whose own words the part's
sentence repeats ("Số phản ánh … xử lý đúng hạn là 18.404 phản ánh" is of
"Đã xử lý 19.157 phản ánh"), the count a percent's "… tổng số <what>" names,
and, for a share left with none, a count of its noun written earlier in the
body (the one the percent fits, else the one total by its words).
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal

from ..model import Statement, StatementKind
from ..text.short_forms import written_out
from .statements_blocks import Block
from .statements_counts import COUNT, count_value, fits, same_noun

_STOP = frozenset({"số", "là", "đã", "được", "các", "của", "và", "trong", "đó", "kỳ", "có", "với", "tổng", "này",
                   "thì", "cho", "tại", "trên"})
_SEGMENT = re.compile(r"[,;:()]")


def _word_set(text: str, noun: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return frozenset(w for w in words if w not in _STOP and w != noun.casefold())


def whole_by_words(sentence: str, at: int, previous: str, noun: str, value: Decimal) -> Decimal | None:
    """The one earlier count of the same noun whose own words (back to the
    comma before it) are all words of the part's sentence: "Số phản ánh …
    xử lý đúng hạn là 18.404 phản ánh" is a share of "Đã xử lý 19.157 phản
    ánh", not of "tiếp nhận 21.825 phản ánh" — the part says what its whole
    is, and a qualifier ("đúng hạn")."""
    part = _word_set(sentence[:at], noun)
    found = set()
    for text, end in ((previous, len(previous)), (sentence, at)):
        for c in COUNT.finditer(text, 0, end):
            w = count_value(c.group(1))
            if c.group("noun").casefold() != noun.casefold() or w is None or w <= value:
                continue
            head = text[:c.start()]
            cut = max((x.end() for x in _SEGMENT.finditer(head)), default=0)
            own = _word_set(head[cut:], noun)
            if own and own <= part and own != part:
                found.add(w)
    return found.pop() if len(found) == 1 else None


_OF_TOTAL = re.compile(r"^\s*(?:của\s+|trên\s+)?tổng\s+số\s+(?P<of>[^\W\d][^.,;:()\d]{2,60})", re.I)
# "chiếm 70,43% số HS mới tiếp nhận": a count named without "tổng", found only where those words say it
_OF_COUNT = re.compile(r"^\s*(?:của\s+|trên\s+)?số\s+(?P<of>[^\W\d][^.,;:()\d]{2,60})", re.I)


# The part of a fraction counts what the words before it say: "Tổng số hồ sơ tiếp nhận trực tuyến là
# 11.751/17.244 hồ sơ" states 11.751 "hồ sơ tiếp nhận trực tuyến" (its whole, 17.244, is COUNT's).
_NUMERATOR = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*\d{1,3}(?:\.\d{3})*(?![\d,])\s+"
                        r"(?P<noun>[^\W\d][\w]*)", re.I)


def names_a_total(after: str) -> bool:
    """Whether the words right after a percent name the whole it is of
    ("đạt 82,7% trên tổng số hồ sơ đã giải quyết")."""
    return _OF_TOTAL.match(after) is not None


def names_a_count(after: str) -> bool:
    """Whether the words right after a percent name a count it is of, with
    or without "tổng" ("đạt 75,36% số hồ sơ tiếp nhận trực tuyến")."""
    return _OF_TOTAL.match(after) is not None or _OF_COUNT.match(after) is not None


def _own_clause(head: str) -> str:
    """The words of a count's own clause: back to a semicolon, a full stop or
    the figure before it ("…: 14.750 hồ sơ; đã giải quyết 14.292" says
    "đã giải quyết" of 14.292, not what 14.750 counts)."""
    head = re.sub(r":\s*$", " ", head)  # a label's colon right before its figure: "Tổng số HS phải giải quyết: 1.156"
    cut = max((m.end() for m in re.finditer(r"[;.:!?]\s|\d\s", head)), default=0)
    return head[cut:]


def named_whole(after: str, texts: tuple[str, ...], noun: str, value: Decimal) -> Decimal | None:
    """The count a percent's "… tổng số <what>" names: the one count of the
    same noun, larger than the part, written right after those words."""
    m = _OF_TOTAL.match(after) or _OF_COUNT.match(after)
    if m is None:
        return None
    words = " ".join(written_out(m.group("of")).split()).casefold()
    noun = written_out(noun).split()[0]
    found, after = set(), set()
    for text in map(written_out, texts):  # "tiếp nhận TT 13.710 HS" is "tiếp nhận trực tuyến 13.710 hồ sơ"
        for c in [*COUNT.finditer(text), *_NUMERATOR.finditer(text)]:
            w = count_value(c.group(1))
            if c.group("noun").casefold() != noun.casefold() or w is None or w <= value:
                continue
            clause = " ".join(_own_clause(text[max(0, c.start() - 80):c.start()]).split()).casefold()
            # what is counted stands after the count ("Đã giải quyết 8.457 hồ sơ" is "hồ sơ đã giải quyết")
            counted = " ".join(text[c.start("noun"):].split()[:2]).casefold().split(")")[0].strip(" ,;.:(")
            rest = words[len(counted):].strip() if counted and words.startswith(counted) else ""
            if words in clause:
                found.add(w)
            elif len(rest.split()) >= 2 and clause.endswith(rest):
                after.add(w)
    found = found or after  # the words said before the count first, then with what it counts after it
    return found.pop() if len(found) == 1 else None



# A count the words before it make the document's total: "Tổng số hồ sơ phải giải quyết là 29.055 hồ sơ".
_TOTAL_WORDS = re.compile(r"(?<!\w)tổng\s+(?:số|cộng)(?!\w)", re.I)


def wholes_from_earlier(blocks: list[Block], statements: list[Statement]) -> None:
    """Shares left with no whole in their own and the previous sentence
    ("Đã giải quyết 26.024 hồ sơ, chiếm 89,6%." in a section after the
    totals) paired with a count of their noun written earlier in the body:
    the one the percent fits (the largest when several), else the one count
    the words make a total ("Tổng số hồ sơ …"), held as a doubt when it is
    in another section (a passage may speak of a subset), as sure in the
    share's own. A share whose words name its whole ("chiếm 1,55% tổng số
    hồ sơ đã giải quyết") takes the one earlier count those words say, and
    surely, or one it fits, never another total. Nothing found: the share
    stays unpaired."""
    for st in statements:
        if st.kind != StatementKind.SHARE or st.whole is not None or not st.noun or st.paragraph is None \
                or st.value is None or st.percent is None:
            continue
        own = next((b.text for b in blocks if b.index == st.paragraph), "")
        at = own.find(st.text)
        named = named_whole(own[at + len(st.text):], tuple(b.text for b in blocks if b.index < st.paragraph)
                            + (own[:max(at, 0)],), st.noun, st.value) if at >= 0 else None
        if named is not None:  # "chiếm 1,55% tổng số hồ sơ đã giải quyết": the count those words say, surely
            st.whole, st.whole_inferred = named, False
            continue
        found: list[tuple[Decimal, bool, str | None]] = []  # (count, a total by its words, its block's scope)
        for b in blocks:
            if b.index > st.paragraph:
                break
            end = b.text.find(st.text) if b.index == st.paragraph else len(b.text)
            for m in COUNT.finditer(b.text, 0, max(end, 0)):
                w = count_value(m.group(1))
                if w is not None and w > st.value and same_noun(m.group("noun"), st.noun, False):
                    found.append((w, bool(_TOTAL_WORDS.search(b.text[max(0, m.start() - 60):m.start()])),
                                  _scope_of(statements, b.index)))
        fitting = [w for w, _, _ in found if fits(st.value, w, st.percent)] \
            or [w for w, _, _ in found if fits(st.value, w, st.percent, ROUND_DOWN)]
        totals = {(w, scope) for w, total, scope in found if total}
        if fitting:
            st.whole, st.whole_inferred = max(fitting), False
        elif len({w for w, _ in totals}) == 1 and not (at >= 0 and names_a_total(own[at + len(st.text):])):
            # (a share naming its whole, "chiếm 56,43% tổng số hồ sơ mới tiếp nhận", is of that one: no other total)
            (w, scope), *_ = totals
            st.whole, st.whole_inferred = w, scope != st.scope


def _scope_of(statements: list[Statement], paragraph: int) -> str | None:
    """The scope (open headings) the statements of ``paragraph`` were read under."""
    return next((st.scope for st in statements if st.paragraph == paragraph), None)
