"""Claims whose whole lies outside the document: a reader can check their
figure against nothing the document holds, and neither can the checks.

A claim is marked ``Statement.external`` (what that whole is) only when the
sentence's structure names it, never from one document's words:

- a percent *of* a plan, an estimate, a target or a quota, named right after
  the figure ("hoàn thành 100% kế hoạch đề ra", "bằng 93,29% dự toán địa
  phương", "đạt 29,2% so với kế hoạch năm 2025", "đạt 95% chỉ tiêu"), when
  the document states no figure for that whole (its words followed by a
  number anywhere else, or a table header that names it, make it a whole the
  document may hold: not external);
- a rank "x/N" over a set the document does not list: no table has N units,
  and the words name a national set ("28/63 tỉnh, thành phố", "vị trí xếp
  hạng của tỉnh … 11/63", "cả nước");
- a rate of carrying out such a whole, named in the rate's words ("Tỷ lệ giải
  ngân kế hoạch đầu tư vốn … còn thấp (Sở Y tế: 9,3%; Sở Nội vụ: 26,9%)");
- a count "x/y" of an allotment ("không vượt quá số lượng biên chế (9.548/9.976
  biên chế) … được giao"): y is what was allotted, a figure of another body;
- "100%" meaning all: 100% right before what is counted ("100% cơ quan chuyên
  môn", "100% trường hợp bổ nhiệm …"), with no count of it in the sentence;
- a target or a threshold the reader already holds for a rule, not a claim:
  the target a figure is measured against ("(chỉ tiêu đề ra là tối thiểu
  70%)", "phấn đấu đạt 99%") and the threshold of a scoring rule ("trường hợp
  dưới 95% thì tiêu chí này đạt 0 điểm", "vượt chỉ tiêu … từ 4% trở lên thì
  …"). They are listed, so that a reader sees they were not compared; a band
  of the document's own counts ("3/15 đơn vị đạt từ 80% trở lên") is neither;
- a scale a rule sets, x of the index's y points, named by the words before
  it ("phê duyệt thang điểm của phần đánh giá … đối với UBND cấp xã là 74/100
  điểm", "Điểm tối đa là 75/100 điểm"): a figure of the rule, not a measure.

What is not marked stays a claim to check: a rate whose whole is a count of
records or units ("tỷ lệ hồ sơ trực tuyến đạt 78,6% (chỉ tiêu … 70%)": the
dossiers could be counted in the document), a percent of a figure the
document states. A claim that a rule checks anyway is checked, external or
not (``coverage``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import OutsideWhole, Statement, StatementKind
from ..text.lines import sentence_span
from ..text.names import fold_tones
from .statements_blocks import Block

PLAN, BUDGET, TARGET, QUOTA, RANKING, ALL = (OutsideWhole.PLAN, OutsideWhole.BUDGET, OutsideWhole.TARGET,
                                              OutsideWhole.ALLOTMENT, OutsideWhole.RANKING, OutsideWhole.ALL)
THRESHOLD, SCALE = OutsideWhole.THRESHOLD, OutsideWhole.SCALE
# The words before a scale a rule sets, x of the index's y points: "phê duyệt thang điểm của phần đánh
# giá … đối với UBND cấp xã là 74/100 điểm", "điểm tối đa là 75/100 điểm".
_SCALE_BEFORE = re.compile(r"(?:thang\s+điểm|điểm\s+(?:chuẩn\s+)?tối\s+đa|điểm\s+chuẩn)\b[^.;:%\d]{0,120}?"
                           r"\s(?:là|bằng)\s*:?\s*$", re.I)
# The words before a target: "chỉ tiêu đề ra là tối thiểu 70%", "chỉ tiêu tối thiểu 98%", "mục tiêu 100%",
# "phấn đấu đạt từ 99%".
_TARGET_BEFORE = re.compile(r"(?:(?:chỉ|mục)\s+tiêu(?:\s+(?:đề\s+ra|được\s+giao|giao|năm\s+\d{4}))?|phấn\s+đấu)"
                            r"\s*(?:là\s+|:\s*)?(?:đạt\s+)?(?:tối\s+thiểu\s+|tối\s+đa\s+|ít\s+nhất\s+|từ\s+|trên\s+)?$",
                            re.I)
# A scoring rule's condition: "trường hợp dưới 70% thì …", "nếu đạt từ 95% trở lên thì …".
_CONDITION = re.compile(r"(?:trường\s+hợp|nếu)\b[^;()%]{0,80}$", re.I)
_THEN = re.compile(r"^[^;()%]{0,60}?\bthì\b", re.I)

_HEADS = ((re.compile(r"kế\s+hoạch|KH\b", re.I), PLAN), (re.compile(r"dự\s+toán", re.I), BUDGET),
          (re.compile(r"chỉ\s+tiêu|mục\s+tiêu", re.I), TARGET), (re.compile(r"định\s+mức", re.I), QUOTA))
# The whole a percent is of, named right after it: "100% kế hoạch đề ra", "93,29% dự toán địa
# phương", "29,2% so với kế hoạch năm 2025", "95% tổng dự toán".
_OF_WHOLE = re.compile(r"\s*(?:(?:so\s+)?với\s+|của\s+)?(?:tổng\s+)?(?:(?:nguồn\s+)?vốn\s+)?"
                       r"(?P<whole>(?:kế\s+hoạch|KH\b|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|định\s+mức)(?:\s+[^\W\d_]+){0,3})",
                       re.I)
# The words a whole's phrase stops at ("dự toán địa phương và …", "kế hoạch năm 2025").
_PHRASE_END = re.compile(r"\s+(?:và|hoặc|của|so|với|năm|giao|được|đã|là|thì|theo|tại|trong)\b.*$", re.I)
# "100% <what is counted>": the first word after it is no function word.
_ALL_OF = re.compile(r"\s+(?:các\s+|tổng\s+)?(?:số\s+)?(?P<noun>[^\W\d_]+)(?:\s+(?P<noun2>[^\W\d_]+))?")
_NOT_A_NOUN = frozenset("so với trở thì và hoặc trên dưới đến tới là của khi nếu điểm trong theo tại cho nhưng "
                        "còn đã được vào ra lên xuống".split())
_GRADED = re.compile(r"xếp\s+loại|đạt\s+loại|trở\s+lên|trở\s+xuống|(?<!\w)điểm(?!\w)", re.I)
_RANK_SET = re.compile(r"^\s*(?:các\s+)?(?:tỉnh|thành\s+phố|bộ|ngành|địa\s+phương)\b", re.I)
# The ranked one is the province itself: "vị trí xếp hạng của tỉnh", "tỉnh Thừa Thiên Huế … xếp hạng".
_RANK_NATIONAL = re.compile(r"cả\s+nước|toàn\s+quốc|(?<!\w)của\s+tỉnh\b|(?<!\w)tỉnh\s+[A-ZĐ]")
_RANKED = re.compile(r"(?:xếp|đứng)\s+(?:thứ|vị\s+trí)\s*:?\s*$", re.I)  # "xếp thứ 12/63", read as a fraction
_ALLOTTED = re.compile(r"được\s+giao(?=\s*(?:[.;,)]|$|năm\b|cho\b|theo\b))", re.I)
# x/y, not a date ("30/4/2025") nor a reference ("31/2021/QĐ-TTg").
_FRACTION = re.compile(r"(?<![\w/.,])\d[\d.]*\s*/\s*\d[\d.]*(?![\w/])")
_NUMBER_AFTER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|\s*%|[.,]\d)")
# A number after these words is a date, a year or a reference, no figure of a whole (matched on
# the folded text, as the whole's words are).
_NOT_A_FIGURE_BEFORE = re.compile("(?:" + "|".join(fold_tones(w) for w in (
    "năm", "ngày", "tháng", "số", "điều", "khoản", "quý", "giai đoạn")) + r"|\d+/)\s*$")


@dataclass
class DocumentFacts:
    """What the whole document holds that decides whether a whole lies outside
    it: its text (folded), its tables' header words (folded), and the number
    of units each table lists."""

    text: str = ""
    headers: str = ""
    set_sizes: set[int] = field(default_factory=set)
    unit_kinds: set[str] = field(default_factory=set)  # what the tables' units are: "xa", "so", "ubnd" (folded)

    @classmethod
    def of(cls, blocks: list[Block], report) -> DocumentFacts:
        tables = list(getattr(report, "tables", None) or [])
        headers = " | ".join(str(c.label or "") + " " + str(c.group or "") for t in tables for c in t.columns)
        headers += " | " + " | ".join(str(h) for t in tables for h in (getattr(t, "headers", None) or []))
        sizes = {sum(1 for r in t.rows if r.unit) for t in tables}
        kinds = {k for t in tables for r in t.rows if r.unit for k in _kinds(str(r.unit))}
        return cls(text=_fold("\n".join(b.text for b in blocks)), headers=_fold(headers), set_sizes=sizes - {0},
                   unit_kinds=kinds)


def _kinds(unit: str) -> set[str]:
    """What a unit's name says it is: its first word, the first two, and the
    word after "UBND" ("UBND xã Tân Minh": ubnd, ubnd xa, xa; "Sở Y tế": so, so y)."""
    words = _fold(unit).split()
    out = {" ".join(words[:1]), " ".join(words[:2])}
    if words and words[0] in ("ubnd", _fold("ủy"), _fold("uỷ")) and len(words) > 1:
        after = words[1:] if words[0] == "ubnd" else words[4:]  # "Ủy ban nhân dân xã …"
        out.add(" ".join(after[:1]))
    return out - {""}


def _fold(text: str) -> str:
    return fold_tones(" ".join(text.casefold().split()))


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence or clause around ``pos``; a list in
    brackets ("(Sở Y tế: 9,3%; Sở Nội vụ: 26,9%)") is of the sentence it is in."""
    left = right = pos
    opened, closed = text.rfind("(", 0, pos), text.rfind(")", 0, pos)
    if opened > closed:
        shut = text.find(")", pos)
        left, right = opened, (shut + 1 if shut >= 0 else len(text))
    start = max(text.rfind(". ", 0, left), text.rfind(";", 0, left))
    ends = [i for i in (text.find(". ", right), text.find(";", right)) if i >= 0]
    return (start + 1 if start >= 0 else 0), (min(ends) if ends else len(text))


def _stated(phrase: str, facts: DocumentFacts, own: str) -> bool:
    """Whether the document gives a figure for the whole ``phrase`` names: a
    table header that names it, or its words followed by a number (no
    percent, year, date or reference number) anywhere but in the claim's own
    sentence."""
    key = _fold(phrase)
    if not key or key in facts.headers:
        return True
    text = facts.text.replace(_fold(own), " ")
    at = text.find(key)
    while at >= 0:
        tail = text[at + len(key):at + len(key) + 60]
        tail = tail[:min((i for i in (tail.find(". "), tail.find(";")) if i >= 0), default=len(tail))]
        for m in _NUMBER_AFTER.finditer(tail):
            if not _NOT_A_FIGURE_BEFORE.search(tail[:m.start()]):
                return True
        at = text.find(key, at + 1)
    return False


def _percent_whole(text: str, st: Statement, facts: DocumentFacts) -> OutsideWhole | None:
    end = text.find("%", st.at)
    if end < 0:
        return None
    m = _OF_WHOLE.match(text, end + 1)
    if not m:
        return None
    phrase = _PHRASE_END.sub("", m.group("whole")).strip()
    start, stop = _sentence(text, st.at)
    if _stated(phrase, facts, text[start:stop]):
        return None
    return next(reason for pattern, reason in _HEADS if pattern.match(phrase))


# "Tỷ lệ giải ngân kế hoạch đầu tư vốn … còn thấp (Sở Y tế: 9,3%; …)": a rate of carrying out a plan,
# an estimate or a target, named in the rate's own words.
_RATE = re.compile(r"(?<!\w)t[ỷỉ]\s+lệ\s+(?P<words>[^;:()%\d]{3,120}?)"
                   r"(?=\s+(?:đạt|là|bằng|chiếm|còn|của|chỉ)\b|\s*[:;(]|$)", re.I)
_OF_PLAN = re.compile(r"^(?:giải\s+ngân|thực\s+hiện|hoàn\s+thành)\s+(?:vốn\s+)?"
                      r"(?P<whole>(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)(?:\s+[^\W\d_]+){0,3})", re.I)


def _rate_of_plan(text: str, st: Statement, facts: DocumentFacts) -> OutsideWhole | None:
    start, stop = _sentence(text, st.at)
    rates = list(_RATE.finditer(text, start, st.at))
    m = _OF_PLAN.match(rates[-1].group("words")) if rates else None
    if not m:
        return None
    phrase = _PHRASE_END.sub("", m.group("whole")).strip()
    if _stated(phrase, facts, text[start:stop]):
        return None
    return next(reason for pattern, reason in _HEADS if pattern.match(phrase))


def _all_of(text: str, st: Statement, facts: DocumentFacts) -> OutsideWhole | None:
    """"100% cơ quan chuyên môn": all of what follows, no count of it given —
    not of units the tables list ("100% xã" beside a table of UBND xã …), nor
    holding a grade or a band the tables could count ("100% đơn vị xếp loại
    Tốt", "… đạt từ 80 điểm trở lên")."""
    if st.percent != 100:
        return None
    end = text.find("%", st.at)
    m = _ALL_OF.match(text, end + 1) if end >= 0 else None
    if not m or not m.group("noun")[:1].islower() or m.group("noun").casefold() in _NOT_A_NOUN:
        return None
    noun = m.group("noun") + (" " + m.group("noun2") if m.group("noun2") else "")
    start, stop = _sentence(text, st.at)
    sentence = text[start:stop]
    counted = _FRACTION.search(sentence) or re.search(
        r"(?<![\d,.])\d+\s+(?:các\s+)?" + re.escape(m.group("noun")) + r"\b", sentence, re.I)
    if counted or re.search(r"\d+\s+" + re.escape(noun), sentence, re.I):
        return None
    if {_fold(m.group("noun")), _fold(noun)} & facts.unit_kinds or _GRADED.search(text, m.end(), stop):
        return None
    return ALL


def _rank_over_outside(text: str, st: Statement, facts: DocumentFacts) -> OutsideWhole | None:
    n = st.denominator
    if n is None or n != int(n) or int(n) in facts.set_sizes or st.numerator is None or st.numerator > n:
        return None
    start, stop = _sentence(text, st.at)
    after = text[st.at + len(st.text):stop]
    before = text[start:st.at]
    if _RANK_SET.match(after) or _RANK_NATIONAL.search(before):
        return RANKING
    return None


def _allotted(text: str, st: Statement, facts: DocumentFacts) -> OutsideWhole | None:
    if st.denominator is None or st.denominator == int(st.denominator) and int(st.denominator) in facts.set_sizes:
        return None
    _start, stop = _sentence(text, st.at)
    return QUOTA if _ALLOTTED.search(text, st.at + len(st.text), stop) else None


def _rule_outside(text: str, st: Statement) -> OutsideWhole | None:
    """A target or a threshold (see the module): a percent the reader holds
    for a rule, named by the words before it or a "trường hợp … thì" around it."""
    end = text.find("%", st.at)
    if end < 0:
        return None
    start, _ = _sentence(text, st.at)
    before = text[max(start, st.at - 80):st.at]
    if _TARGET_BEFORE.search(before):
        return TARGET
    if _CONDITION.search(text[start:st.at]) and _THEN.match(text[end + 1:]):
        return THRESHOLD
    return None


def _scale(text: str, st: Statement) -> OutsideWhole | None:
    """x/y points named a scale or a maximum by the words before it: the
    points a rule sets for a part of the index, a figure of the rule, not
    one the document measured."""
    if st.denominator is None or st.at is None:
        return None
    start, _ = _sentence(text, st.at)
    return SCALE if _SCALE_BEFORE.search(text, start, st.at) else None


def mark_external(block: Block, statements: list[Statement], facts: DocumentFacts) -> None:
    """Mark the block's claims whose whole lies outside the document (see the module)."""
    text = block.text
    for st in statements:
        if st.paragraph != block.index or st.at is None or st.external:
            continue
        if st.kind == StatementKind.PERCENT and st.claim:
            st.external = (_percent_whole(text, st, facts) or _rate_of_plan(text, st, facts)
                           or _all_of(text, st, facts))
        elif st.kind == StatementKind.PERCENT and st.of_raised is None:
            st.external = _rule_outside(text, st)
        elif st.kind == StatementKind.RANK or (st.kind == StatementKind.FRACTION and _RANKED.search(text, 0, st.at)):
            st.external = _rank_over_outside(text, st, facts)
        if st.kind == StatementKind.FRACTION and not st.external:
            st.external = _allotted(text, st, facts)
        if st.kind in (StatementKind.SCORE, StatementKind.FRACTION) and not st.external:
            st.external = _scale(text, st)
    _scores_of_the_ranked(text, [st for st in statements if st.paragraph == block.index and st.at is not None])


def _scores_of_the_ranked(text: str, statements: list[Statement]) -> None:
    """The points x/y of the one a national ranking places, said before its
    rank in the same sentence ("Chỉ số … của tỉnh … đạt 80,11/100 điểm, …;
    xếp thứ 7/34 tỉnh"): the ranking's figure, from outside as its rank is
    (a table that holds it still checks it: ``coverage``)."""
    ranks = [st for st in statements if st.external == RANKING]
    for st in statements:
        if st.kind != StatementKind.SCORE or st.external:
            continue
        start, stop = sentence_span(text, st.at)
        if any(start <= r.at < stop and r.at > st.at for r in ranks):
            st.external = RANKING


