"""Share claims of the prose paired with the whole they are a share of:
"12.370 hồ sơ trước hạn, chiếm 99,04%" after "giải quyết 12.490 hồ sơ" (the
same or the previous sentence), "1.107 hồ sơ …, đạt tỷ lệ 8,1%".

The whole is a count of the same thing (the same noun, or the generic noun of
its kind: "người" of "cán bộ", "đơn vị" of "sở, ngành" when no count of the
part's own noun is there) written before the part, or named right after the
percent ("chiếm 27,4% tổng số 11.730 hồ sơ"), larger than it: the one the percent fits when there is one, else the
nearest, marked as inferred (a slip against an inferred whole is a doubt) —
unless it is the only count of that noun in the two sentences and its words
make it a total ("tổng", "tiếp nhận" …): then it is the whole, stated.
The count may follow its percent in brackets ("đạt 96,5% (1.930 hồ sơ)").
A share whose whole cannot be found is kept with no whole: a claim the
checks could not pair, which the coverage reports.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_DOWN, Decimal

from ..model import Statement, StatementKind
from ..numbers import places_of
from ..text.lines import split_sentences
from .statements_blocks import Block
from .statements_closed import MEMBER_COUNT_SHARE, member_after
from .statements_counts import COUNT, GENERIC, HUNDRED, NUMBER, count_value, fits, percent_value, same_noun
from .statements_grades import grade_names_masked
from .statements_wholes import named_whole, names_a_count, names_a_total, whole_by_words

_SHARE = re.compile(NUMBER + r"\s+(?P<noun>[^\W\d][\w]*)(?P<gap>(?:[\s,]+[^\W\d][\w]*){0,14}?)\s*[,(]?\s*"
                    r"(?P<verb>chiếm|đạt|bằng|tương\s+đương|tương\s+ứng|(?<=\()\s*(?:tỷ|tỉ)\s+lệ(?:\s+[^\W\d]\w*){0,5}?|(?<=\()(?=\d))(?P<rate>\s+(?:với\s+)?(?:tỷ|tỉ)\s+lệ)?\s*:?\s*"
                    r"(?P<p>\d+(?:[.,]\d+)?)\s*%", re.I)
# The percent first, what it counts, then the count in brackets: "trong đó 31,9% hồ sơ được nộp trực tuyến
# (10.462 hồ sơ), 62,3% nộp trực tiếp (20.458 hồ sơ)". Group 1 is the count (read ahead), as in _SHARE; the
# verb is empty (a share of a whole the sentence states: "trong đó", "trên tổng số").
_SHARE_LEADS = re.compile(r"(?<![\w.,])(?=\d+(?:[.,]\d+)?\s*%(?:\s+[^\W\d]\w*){1,10}\s*\(\s*" + NUMBER
                          + r")(?P<p>\d+(?:[.,]\d+)?)\s*%(?P<words>(?:\s+[^\W\d]\w*){1,10})\s*\(\s*\d[\d.]*\s+"
                          r"(?P<noun>[^\W\d]\w*)(?:\s+[^\W\d]\w*){0,4}\s*\)(?P<verb>)(?P<rate>)", re.I)
# The percent and, in brackets, its part over its whole: "đạt 79,31% (15.985 trên tổng số 20.154 hồ sơ)".
_SHARE_OVER = re.compile(r"(?P<p>\d+(?:[.,]\d+)?)\s*%\s*\(\s*(?P<part>\d{1,3}(?:\.\d{3})+|\d+)(?:\s+[^\W\d]\w*){0,3}"
                         r"\s+trên\s+(?:tổng\s+(?:số\s+)?)?(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<noun>[^\W\d]\w*)"
                         r"[^()]*\)", re.I)
# The count in brackets after its percent: "Số hồ sơ đúng hạn đạt 96,5% (1.930 hồ sơ)". Group 1 is the
# count (read ahead), as in _SHARE; the whole is found as for a share written count first.
_SHARE_AFTER = re.compile(r"(?<!\w)(?=(?:chiếm|đạt)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*:?\s*\d+(?:[.,]\d+)?\s*%\s*\(\s*"
                          + NUMBER + r")(?P<verb>chiếm|đạt)(?P<rate>\s+(?:tỷ|tỉ)\s+lệ)?\s*:?\s*"
                          r"(?P<p>\d+(?:[.,]\d+)?)\s*%\s*\(\s*\d[\d.]*\s+(?P<noun>[^\W\d]\w*)(?:\s+[^\W\d]\w*){0,4}\s*\)",
                          re.I)
_OVER_COUNT = re.compile(r"(?<=\d/)(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)\s+(?P<noun>[^\W\d][\w]*)", re.I)
_LISTED = re.compile(r"(?<!\w)(?:trong\s+đó|gồm|bao\s+gồm)(?!\w)", re.I)
_WHOLE_WORD = re.compile(r"tổng|tiếp\s+nhận|toàn\s+(?:tỉnh|huyện|xã)|được\s+giao|trên\s+tổng", re.I)
# The whole named right after the percent: "chiếm 27,4% tổng số 11.730 hồ sơ", "đạt tỷ lệ 99,1% trên
# tổng số 2.126 hồ sơ", "đạt 96% trên 250 hồ sơ".
_WHOLE_AFTER = re.compile(r"\s*(?:(?:trên|của|so\s+với)\s+(?:tổng\s+(?:số\s+)?)?|tổng\s+(?:số\s+)?)"
                          + NUMBER + r"\s+(?P<noun>[^\W\d][\w]*)", re.I)


def _candidates(text: str, end: int, noun: str, value: Decimal, same_sentence: bool = True, kinds: bool = False
                ) -> list[tuple[Decimal, bool]]:
    """(count, marked as a whole) of the same noun before ``end``, nearest last."""
    return [(w, marked) for w, marked, _ in _candidates_split(text, end, noun, value, same_sentence, kinds)]


_OF_WHICH = re.compile(r"(?<!\w)trong\s+đó(?!\w)", re.I)


def _candidates_split(text: str, end: int, noun: str, value: Decimal, same_sentence: bool = True,
                      kinds: bool = False) -> list[tuple[Decimal, bool, bool]]:
    """(count, marked as a whole, split by "trong đó" before the part) of the
    same noun before ``end``, nearest last: "ban hành 137 quyết định …, trong
    đó có 78 quyết định …" states 137 as the whole of 78. In the part's own
    sentence a count with its own "chiếm p%" is a sibling part, not a whole
    (a count so written in the previous sentence may be: "Đã giải quyết
    12.490 hồ sơ, chiếm 91,86%. … trước hạn 12.370 hồ sơ, chiếm 99,04%")."""
    out = []
    counts = [m for m in COUNT.finditer(text, 0, end) if same_noun(m.group("noun"), noun, kinds)]
    # the whole of a fraction ("7.949/29.883 hồ sơ …; … 20.119 hồ sơ, tương đương 67,33%"): a whole, stated
    overs = [m for m in _OVER_COUNT.finditer(text, 0, end) if same_noun(m.group("noun"), noun, kinds)]
    for m in overs:
        whole = count_value(m.group(1))
        if whole is not None and whole > value:
            out.append((whole, True, False))
    for k, m in enumerate(counts):
        whole = count_value(m.group(1))
        # "trong đó" between this count and the next one (or the part): this count is split
        upto = counts[k + 1].start() if k + 1 < len(counts) else end
        of_which = bool(_OF_WHICH.search(text, m.end(), upto))
        own = _SHARE.match(text, m.start())
        if same_sentence and own is not None and _sibling_verb(own.group("verb")) and own.end() <= end \
                and not of_which:
            continue  # "04 đơn vị … (chiếm 40%); 02 đơn vị …": a sibling part, no whole of the next
        if whole is not None and whole > value:
            out.append((whole, bool(_WHOLE_WORD.search(text[max(0, m.start() - 60):m.start()])), of_which))
    return out


def _a_share(sentence: str, m: re.Match[str]) -> bool:
    """Whether the count and percent ``m`` found may be a share: no x/y's
    denominator, and a bare "(p%)" only in a list of parts ("…, trong đó
    trực tuyến 8.765 hồ sơ (71,0%)") or after a grade ("04 xã đạt loại Tốt
    (30,77%)")."""
    if sentence[max(0, m.start(1) - 1):m.start(1)] == "/" or _rate_of_another(sentence, m):
        return False
    return bool(m.group("verb")) or _LISTED.search(sentence, 0, m.start()) is not None or _graded_bracket(sentence, m)


_RATE_NAMED = re.compile(r"(?<!\w)(?:tỷ|tỉ)\s+lệ\s+(?P<what>.+)$", re.I)
_NAMES_NOTHING = frozenset(("hồ", "sơ", "giải", "quyết", "xử", "lý", "chung", "của", "các", "số", "đã", "được"))


def _rate_of_another(sentence: str, m: re.Match[str]) -> bool:
    """Whether a rate named between the count and its verb is of something
    the count's own words do not say: "…, quá hạn 11 hồ sơ, tỷ lệ đúng hạn
    đạt 98,52%" is the on-time rate, no share of the 11 overdue; "trước hạn
    và đúng hạn 732 hồ sơ, tỷ lệ đúng hạn đạt 98,52%" is the 732's."""
    rate = _RATE_NAMED.search(m.groupdict().get("gap") or "")
    if rate is None:
        return False
    head = sentence[:m.start(1)]
    clause = head[max(head.rfind(","), head.rfind(";"), head.rfind(":")) + 1:].casefold().split()
    said = {w for w in rate.group("what").casefold().replace(",", " ").split() if w not in _NAMES_NOTHING}
    return bool(said - set(clause) - set(m.group("noun").casefold().split()))


_GRADED = re.compile(r"(?<!\w)(?:xếp\s+)?loại\s+[^\W\d]\w*(?:\s+[^\W\d]\w*){0,2}\s*\(\s*$", re.I)


def _graded_bracket(sentence: str, m: re.Match[str]) -> bool:
    """Whether the share is a bare "(p%)" right after a grade its count
    reached ("04 xã, phường đạt loại Tốt (30,77%)"): the units' share of
    those graded, whose whole the checks find in the graded table, never a
    figure each unit reached."""
    return not m.group("verb").strip() and _GRADED.search(sentence, 0, m.start("p")) is not None


def _sibling_verb(verb: str) -> bool:
    """A share's verb that makes its count a part, never a whole of the next:
    "chiếm", "(tỷ lệ …)", a bare "(p%)"."""
    verb = " ".join(verb.casefold().split())
    return verb in ("chiếm", "") or verb.startswith(("tỷ lệ", "tỉ lệ"))


def _names_its_count(sentence: str, m: re.Match[str]) -> bool:
    """Whether the words before a percent (back to a comma or a semicolon)
    name what its bracketed count counts: "Số hồ sơ đúng hạn đạt 96,5% (1.930
    hồ sơ)", not "Tỷ lệ hồ sơ đúng hạn đạt 100% (26 xã)"."""
    head = sentence[:m.start()]
    clause = head[max(head.rfind(","), head.rfind(";")) + 1:]
    return re.search(r"(?<!\w)" + re.escape(m.group("noun")) + r"(?!\w)", clause, re.I) is not None


def share_statements(block: Block, scope: str | None, known: list[Statement], prior: str = "") -> list[Statement]:
    """Shares of ``block`` not already read (``known``: the block's statements).
    ``prior``: the paragraph before, read as the previous sentence of the
    block's first one ("Tổng số hồ sơ cần giải quyết trong kỳ: 100.795 hồ sơ.
    Trong đó: …" / "Đã giải quyết 94.353 hồ sơ, đạt 93,61%."): a whole taken
    from it only where the percent fits it — a paragraph break is no "trong đó"."""
    # each share another reader took is skipped once: siblings may repeat a pair ("02 … (chiếm 20%)")
    taken = Counter((st.value, st.percent) for st in known if st.kind == StatementKind.SHARE)
    out: list[Statement] = []
    sentences = split_sentences(block.text)
    # a sentence with "p% (a trên tổng số b)" states its shares whole: no other reading of its counts
    for k, sentence in [(k, x) for k, x in enumerate(sentences) if not _over_in_brackets(out, block, x, scope, taken)]:
        previous = _previous(sentences, k, prior)
        after = [m for m in _SHARE_AFTER.finditer(sentence) if _names_its_count(sentence, m)]
        after += _leading_shares(sentence, {m.start("p") for m in after})
        # a percent with its count in brackets is that count's: no count written before it is
        bracketed = {m.start("p") for m in after}
        for m in [*(m for m in _SHARE.finditer(grade_names_masked(sentence)) if m.start("p") not in bracketed),
                  *after]:
            value, pct = count_value(m.group(1)), percent_value(m.group("p"))
            if value is None or pct is None or _taken_before(taken, (value, pct[0])):
                continue
            if not _a_share(sentence, m):
                continue
            noun = m.group("noun")
            if _stated_share(out, block, sentence, m, value, pct, scope, noun, taken):
                continue
            # a whole is larger than its part, or as large when the share is all of it ("trong đó 1.569 hồ sơ
            # đúng hạn (đạt 100,00%)" of "đã giải quyết 1.569 hồ sơ")
            least = value - 1 if pct[0] == HUNDRED else value
            here, before, kinds = _pool(sentence, previous, m.start(), noun, least)
            listed = _listed_with(known, value, here + before) or _whole_of_bare_part(sentence, m, value)
            if listed is not None:  # a part of a stated whole: its siblings are no whole of it
                here, before = [(listed, True)], []
            pool = here + before
            pool, fitting = _fitting(pool, value, pct[0], across=previous is prior and not here and listed is None)
            if not pool and m.group("verb").casefold() != "chiếm" and not m.group("rate") \
                    and not names_a_count(sentence[m.end():]) and not _graded_bracket(sentence, m):
                continue  # "26 xã đạt 100%": each reached 100 %, not a share of a whole ("… trên tổng số …" is)
            whole, inferred = _whole_for(sentence, m, previous, (noun, value, least, kinds), (here, before), pool,
                                         fitting, listed)
            out.append(_share(block, sentence[m.start():m.end()], value, whole, pct, m, scope, noun, inferred))
        _whole_of_siblings([st for st in out if st.text in sentence])
        out.extend(_member_first_shares(block, sentence, scope, out))
    return out


def _whole_for(sentence: str, m: re.Match[str], previous: str, part: tuple, around: tuple[list, list], pool: list,
               fitting: list, listed: Decimal | None) -> tuple[Decimal | None, bool]:
    """(the whole of the share ``m``, paired in doubt): a whole its list
    states, the one its words name ("chiếm 23,9% tổng số hồ sơ tiếp nhận"),
    the largest count it fits, the one a "trong đó" splits, else the nearest
    (in doubt) or the one a total's words make. ``part``: (noun, value, the
    least a whole may be, whether counted by kind); ``around``: the counts
    of its sentence and of the one before."""
    noun, value, least, kinds = part
    here, before = around
    if listed is not None:
        return listed, False
    named = named_whole(sentence[m.end():], (previous, sentence[:m.start()]), noun, value)
    if named is not None:  # the whole its words name, before any other count the percent happens to fit
        return named, False
    if fitting:
        return max(fitting), False  # the claim holds against each; the largest is the total
    if not pool:
        return None, False
    split = [w for w, _, of_which in _candidates_split(sentence, m.start(), noun, least, kinds=kinds) if of_which]
    if split and (len(here) == 1 or len(split) == 1):
        return split[-1], False  # "137 quyết định …, trong đó có 78 …": the whole the sentence states
    marked = [w for w, is_whole in reversed(pool) if is_whole]
    # "Đã xử lý 19.157 …. Số … xử lý đúng hạn là 18.404 …": the whole the words name
    by_words = whole_by_words(sentence, m.start(1), previous, noun, value)
    if by_words is not None:
        return by_words, False
    if len(pool) == 1 and pool[0][1]:
        # "Tổng số hồ sơ tiếp nhận … là 25.465 hồ sơ. Trong đó, … 10.388 hồ sơ, chiếm 48%": the one count of the
        # part's noun around it, and words that make it a total: no other whole is there
        return pool[0][0], False
    if names_a_total(sentence[m.end():]):
        # "chiếm 46,44% tổng số hồ sơ mới tiếp nhận" with that total written nowhere near: the words name the
        # whole (a table's total row, checks.prose_share_totals), never the nearest count the percent misses
        return None, False
    return (marked[0] if marked else (here or before)[-1][0]), True


def _member_first_shares(block: Block, sentence: str, scope: str | None, read: list[Statement]) -> list[Statement]:
    """The shares of parts named by their channel, period or level before a
    count that says no noun ("Tổng số hồ sơ tiếp nhận: 1.112 hồ sơ, trong đó
    …, qua dịch vụ công trực tuyến 823, chiếm 74,01%; … qua bưu chính công
    ích 4 (0,36%)"): of the count before the sentence's "trong đó"."""
    out = []
    for m in MEMBER_COUNT_SHARE.finditer(sentence):
        value, pct = count_value(m.group(1)), percent_value(m.group("p"))
        if value is None or pct is None or any(st.value == value and st.percent == pct[0] for st in read):
            continue
        of_which = list(_OF_WHICH.finditer(sentence, 0, m.start()))
        counts = list(COUNT.finditer(sentence, 0, of_which[-1].start())) if of_which else []
        whole = count_value(counts[-1].group(1)) if counts else None
        if whole is not None and whole > value:
            out.append(Statement(kind="share", text=m.group(0), paragraph=block.index, page=block.page, value=value,
                                 whole=whole, percent=pct[0], scope=scope, wrong_separator=pct[1],
                                 percent_written=m.group("p") + "%", noun=counts[-1].group("noun")))
    return out


def _previous(sentences: list[str], k: int, prior: str) -> str:
    """The sentence before sentence ``k``: for the first, the paragraph before
    (``prior``) — unless the sentence holds sibling shares ("04 đơn vị …
    (chiếm 40%); 02 đơn vị … (chiếm 20%)"), which split a whole of their own."""
    if k:
        return sentences[k - 1]
    return prior if len(_SHARE.findall(sentences[0])) == 1 else ""


def _fitting(pool: list[tuple[Decimal, bool]], value: Decimal, percent: Decimal, across: bool = False
             ) -> tuple[list[tuple[Decimal, bool]], list[Decimal]]:
    """(the pool, the counts of it the percent fits as ``value``'s whole,
    rounded, else truncated). ``across``: the pool is the paragraph before's
    alone, kept only where the percent fits one of its counts — none is
    paired across a paragraph break by nearness."""
    fitting = [w for w, _ in pool if fits(value, w, percent)] \
        or [w for w, _ in pool if fits(value, w, percent, ROUND_DOWN)]
    return ([] if across and not fitting else pool), fitting


def _whole_of_bare_part(sentence: str, m: re.Match[str], value: Decimal) -> Decimal | None:
    """The whole of a part that names only its channel, period or level, not
    what it counts ("Tiếp nhận 139.775 hồ sơ, trong đó 87.405 trực tuyến,
    chiếm 62,53%"): the count right before the sentence's "trong đó", when
    larger than the part; None for any other share."""
    if not member_after(sentence[m.end(1):]):
        return None
    of_which = list(_OF_WHICH.finditer(sentence, 0, m.start()))
    counts = list(COUNT.finditer(sentence, 0, of_which[-1].start())) if of_which else []
    whole = count_value(counts[-1].group(1)) if counts else None
    return whole if whole is not None and whole > value else None


def _leading_shares(sentence: str, seen: set[int]) -> list[re.Match[str]]:
    """The shares of ``sentence`` written percent first, their count in
    brackets after what they count ("31,9% hồ sơ được nộp trực tuyến (10.462
    hồ sơ)"): the words between name the count's noun, or follow a share so
    written of that noun ("…, 62,3% nộp trực tiếp (20.458 hồ sơ)")."""
    out: list[re.Match[str]] = []
    for m in _SHARE_LEADS.finditer(sentence):
        if m.start("p") in seen:
            continue
        said = re.search(r"(?<!\w)" + re.escape(m.group("noun")) + r"(?!\w)", m.group("words"), re.I)
        if said or any(o.group("noun").casefold() == m.group("noun").casefold() for o in out):
            out.append(m)
    return out


def _over_in_brackets(out: list[Statement], block: Block, sentence: str, scope: str | None,
                      taken: Counter) -> bool:
    """Shares of ``sentence`` whose part and whole follow the percent in
    brackets ("đạt 79,31% (15.985 trên tổng số 20.154 hồ sơ)"), appended to
    ``out``: whether the sentence had one (its counts are then no other share's)."""
    found = False
    for m in _SHARE_OVER.finditer(sentence):
        part, whole, pct = count_value(m.group("part")), count_value(m.group("whole")), percent_value(m.group("p"))
        if part is None or whole is None or pct is None or _taken_before(taken, (part, pct[0])):
            continue
        out.append(Statement(kind="share", text=m.group(0), paragraph=block.index, page=block.page, value=part,
                             whole=whole, percent=pct[0], scope=scope, wrong_separator=pct[1],
                             percent_written=m.group("p") + "%", noun=m.group("noun"), bracketed=True))
        found = True
    return found


def _stated_share(out: list[Statement], block: Block, sentence: str, m: re.Match[str], value: Decimal, pct,
                  scope: str | None, noun: str, taken: Counter) -> bool:
    """A share whose whole the sentence states around the percent, appended to
    ``out``: "1.230 hồ sơ … trên tổng số 12.345 hồ sơ, chiếm 9,96%" (the whole
    before it, after "trên"), "… chiếm 27,4% tổng số 11.730 hồ sơ" (right after
    it). Whether the percent was so read (a "trên" whose part is not found is
    read so too: no other whole is its)."""
    over = _OVER.search(sentence[:m.start(1)])
    if over is not None:  # "1.230 hồ sơ … trên tổng số 12.345 hồ sơ, chiếm 9,96%": the whole, stated
        part = _part_before(sentence, over.start(), noun)
        # a part above the whole "trên tổng số" states is a slip in one of them ("trên 100 hồ sơ" may be "over 100")
        if part is not None and (part < value or (part > value and "tổng" in over.group(0).casefold())):
            out.append(_share(block, sentence[part_at(sentence, over.start(), noun):m.end()], part, value,
                              pct, m, scope, noun, False))
            taken[(part, pct[0])] += 1
        return True
    stated = _whole_after(sentence, m.end(), noun, value)
    if stated is not None:  # "chiếm 27,4% tổng số 11.730 hồ sơ": the whole, stated
        out.append(_share(block, sentence[m.start():stated[1]], value, stated[0], pct, m, scope, noun, False))
        return True
    return False


def _whole_after(sentence: str, at: int, noun: str, value: Decimal) -> tuple[Decimal, int] | None:
    """(the whole, where its words end) when the percent ending at ``at`` names
    it right after: "… tổng số 11.730 hồ sơ", "… trên 250 hồ sơ"."""
    m = _WHOLE_AFTER.match(sentence, at)
    if m is None or not same_noun(m.group("noun"), noun, True):
        return None
    whole = count_value(m.group(1))
    return (whole, m.end()) if whole is not None and whole > value else None


def _pool(sentence: str, previous: str, end: int, noun: str, value: Decimal
          ) -> tuple[list[tuple[Decimal, bool]], list[tuple[Decimal, bool]], bool]:
    """(candidates in the sentence, in the previous one, whether they count
    the part's kind rather than its noun): the part's own noun first, the
    nouns a generic one stands for when none ("trong đó nữ 712 người" of
    "1.245 cán bộ, công chức")."""
    here = _candidates(sentence, end, noun, value)
    before = _candidates(previous, len(previous), noun, value, same_sentence=False)
    if here or before or noun.casefold() not in GENERIC:
        return here, before, False
    return (_candidates(sentence, end, noun, value, kinds=True),
            _candidates(previous, len(previous), noun, value, same_sentence=False, kinds=True), True)


def _taken_before(taken: Counter, key: tuple) -> bool:
    """Whether another reader took this (count, percent) pair; each take
    skips one match only."""
    if taken[key] > 0:
        taken[key] -= 1
        return True
    return False


def _whole_of_siblings(shares: list[Statement]) -> None:
    """Shares of one sentence that split one whole and state no whole ("04
    đơn vị Xuất sắc (chiếm 40%); 02 đơn vị Tốt (chiếm 20%); …"): when their
    percents add up to 100 (within the rounding of each), the whole is the
    sum of their counts, provided each share is its count over that sum.
    Anything else leaves them unpaired (a slip among them has no sure place)."""
    loose = [st for st in shares if st.whole is None or st.whole_inferred]
    nouns = {st.noun.casefold() for st in loose}
    if len(loose) < 2 or len(loose) != len(shares) or len(nouns) != 1:
        return
    total = sum(st.percent for st in loose)
    slack = sum(Decimal(5).scaleb(-(places_of(st.percent) + 1)) for st in loose)
    if abs(total - HUNDRED) > slack:
        return
    whole = sum(st.value for st in loose)
    if not all(fits(st.value, whole, st.percent) for st in loose):
        return  # a count or a percent is off: which one the sentence alone cannot tell
    for st in loose:
        st.whole, st.whole_inferred = whole, False


def _share(block: Block, text: str, value, whole, pct, m, scope, noun, inferred) -> Statement:
    return Statement(kind="share", text=text, paragraph=block.index, page=block.page,
                     value=value, whole=whole, percent=pct[0], scope=scope, wrong_separator=pct[1],
                     percent_written=m.group("p") + "%", noun=noun, whole_inferred=inferred)


# "trên tổng số 12.345 hồ sơ", "trên 12.345 hồ sơ": the count that follows is the whole
_OVER = re.compile(r"(?<!\w)trên\s+(?:tổng\s+(?:số\s+)?)?$", re.I)


# A bare number right before "trên (tổng số)": "Đã số hóa 41.210 trên tổng số 88.905 hồ sơ" counts what the whole counts
_BARE_PART = re.compile(NUMBER + r"\s*$")


def part_at(sentence: str, end: int, noun: str) -> int:
    counts = [c for c in COUNT.finditer(sentence, 0, end) if c.group("noun").casefold() == noun.casefold()]
    bare = _BARE_PART.search(sentence, 0, end)
    return bare.start() if bare else counts[-1].start() if counts else end


def _part_before(sentence: str, end: int, noun: str) -> Decimal | None:
    """The last count of ``noun`` before ``end`` (the part a stated whole
    follows), or the bare number right before it (the noun said once, after
    the whole)."""
    bare = _BARE_PART.search(sentence, 0, end)
    if bare:
        return count_value(bare.group(1))
    counts = [c for c in COUNT.finditer(sentence, 0, end) if c.group("noun").casefold() == noun.casefold()]
    return count_value(counts[-1].group(1)) if counts else None


def _listed_with(known: list[Statement], value: Decimal, pool: list[tuple[Decimal, bool]]) -> Decimal | None:
    """The whole of a sum the block states ("12.345 hồ sơ (trực tuyến 8.000 …;
    trực tiếp 4.345 …)") of which ``value`` is a part, when that whole is a
    candidate: the share is of it, not of a sibling part."""
    wholes = {w for w, _ in pool}
    for st in known:
        if st.kind == StatementKind.SUM and st.whole in wholes and value in st.parts:
            return st.whole
    return None
