"""What a lone figure of the prose is about, so it can be held to the same
figure elsewhere: "Chỉ số trung bình của các sở, ban, ngành đạt 84,38%; chỉ
số cao nhất là 95,27% (Sở Tư pháp)", "xã Tân Minh đạt 91,5 điểm, xếp thứ 3",
"Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh đạt 97,4%".

Each percent (and each figure written with "điểm") of a block is marked
(``Statement`` fields):

- ``claim``: True when it states a measured value; a bound, a threshold or a
  target ("từ 80% trở lên", "tối thiểu 98%", "chỉ tiêu đề ra là 100%",
  "trường hợp dưới 70% thì …") is a rule, not a claim;
- ``stat``: ``Stat.AVG``, ``MAX`` or ``MIN`` when it is a statistic of a group
  ("trung bình", "bình quân", "cao nhất", "thấp nhất");
- ``subject``: the words of the quantity ("tỷ lệ hồ sơ giải quyết đúng hẹn toàn
  tỉnh"), to find it stated again;
- ``unit``: the unit it is about, given in brackets after it or named before
  it (one of the report's table units);
- ``measure``: ``Measure.PERCENT``, ``POINTS`` or ``RANK``; ``at``: its offset
  in the block; ``tier`` and ``time``: the administrative level and the date
  named before it; ``clause``, ``before`` and ``context``: its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..model import Measure, Stat, Statement, StatementKind
from ..text.dates import time_at
from ..text.levels import level_at
from ..text.names import find_unit, fold_for_units, unit_forms, whole_words
from .statements_blocks import Block
from .statements_counts import count_value, percent_value
from .statements_grades import grade_after

_PERCENT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")
_POINTS = re.compile(r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,3})?)(?:\s*/\s*\d+(?:,\d+)?)?\s*điểm"
                     r"(?!\s+(?:số|chuẩn|tối))", re.I)
# "xếp thứ 3", and "xếp thứ 3/11": the rank of the fraction reader's x/N (marked, not read twice)
_RANK = re.compile(r"(?:xếp\s+(?:thứ|hạng)(?:\s+thứ)?|đứng\s+thứ|thứ\s+hạng)\s*:?\s*(\d{1,3})(?:/\d{1,3})?"
                   r"(?![\d/]|[,.]\d)", re.I)
# "xếp loại Trung bình" names a grade, not an average.
_STATS = ((Stat.AVG, re.compile(r"(?<!loại\s)(?<!mức\s)trung\s+bình|bình\s+quân", re.I)),
          (Stat.MAX, re.compile(r"cao\s+nhất|lớn\s+nhất|dẫn\s+đầu|đứng\s+đầu", re.I)),
          (Stat.MIN, re.compile(r"thấp\s+nhất|nhỏ\s+nhất|cuối\s+bảng", re.I)))
# A bound, a threshold, a target or a condition: a rule, not a measured value.
_RULE_BEFORE = re.compile(r"(?:\btừ|trên|dưới|tối\s+thiểu|tối\s+đa|ít\s+nhất|không\s+(?:quá|thấp\s+hơn|dưới)|"
                          r"chỉ\s+tiêu(?:\s+đề\s+ra)?(?:\s+là)?|mục\s+tiêu|phấn\s+đấu|kế\s+hoạch\s+là|yêu\s+cầu|"
                          r"phải\s+đạt|cần\s+đạt|sẽ(?:\s+\w+){0,2}|≥|≤|>|<)\s*(?:đạt\s+|là\s+|mức\s+)?$", re.I)
# A sentence that sets targets: every figure after "phấn đấu" in it is one ("phấn đấu tỷ lệ hồ sơ trực
# tuyến đạt trên 80% và tỷ lệ số hóa hồ sơ đạt 100%").
_STRIVE = re.compile(r"(?<!\w)phấn\s+đấu(?!\w)", re.I)
_RULE_CLAUSE = re.compile(r"(?:trường\s+hợp|nếu|khi)\b(?![^,;()]*\b(?:hiện|đã)\b)|"
                          r"(?:chưa|không)\s+(?:đạt|hoàn\s+thành)(?:\s+\w+){0,2}\s*$", re.I)
# A scale or a maximum named before a figure makes it the scale's, unless a figure stands between them ("được
# 73,12 điểm trên 90 điểm tối đa áp dụng, đạt tỷ lệ 81,24%, xếp thứ 2/6": the percent and the rank are measured).
_SCALE = re.compile(r"thang\s+điểm|điểm\s+tối\s+đa|điểm\s+chuẩn", re.I)
_RULE_AFTER = re.compile(r"^\s*(?:trở\s+lên|trở\s+xuống|trở\s+đi|thì\b|(?:đến|tới)\s+(?:dưới\s+)?\d)", re.I)
# A percent inside a grade's name ("xếp loại Hoàn thành 100% nhiệm vụ", "Hoàn
# thành từ 70% đến dưới 100% nhiệm vụ") or an approximate figure ("gần 50%").
_NOT_A_FIGURE = re.compile(r"hoàn\s+thành\s+(?:từ\s+|dưới\s+)?$|(?:gần|khoảng|hơn|xấp\s+xỉ|ước)\s+$", re.I)
_SUBJECT = re.compile(r"(?:tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số|điểm\s+số|tiến\s+độ|mức\s+độ)\s+(?P<what>[^;()%]{3,140}?)\s+"
                      r"(?:(?:hiện|chỉ|mới|đã|cũng)\s+)*(?:đạt|là|bằng|chiếm)\b", re.I)
_FILLER = re.compile(r"\b(?:hiện|chỉ|mới|đã|cũng|đạt|chưa|được|của|các|năm\s+\d{4}|về)\b", re.I)


_FORMULA = re.compile(r"\([^()]*[=×][^()]*\)")
# A comparative right before a figure makes it a difference: "thấp hơn đơn vị dẫn đầu 4,18 điểm", "chênh lệch 3,5 điểm".
_DIFFERENCE = re.compile(r"(?<!\w)(?:(?:thấp|cao|nhiều|ít)\s+hơn|chênh\s+lệch|kém)(?:\s+[^\W\d][\w]*){0,6}\s*:?\s*$",
                         re.I)
# a bracket that gives the figure of what it follows opens on it or on a verb alone ("(đạt 93,77 điểm)")
_BRACKET_VERB = re.compile(r"\s*(?:(?:chỉ\s+|mới\s+)?đạt|được|với|là)?\s*", re.I)

def subject_key(words: str) -> str:
    """The words of a quantity as a comparable key (case, filler words and
    punctuation dropped)."""
    text = _FILLER.sub(" ", words.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _clause_start(text: str, pos: int) -> int:
    cut = max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos), text.rfind("(", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _stat(segment: str) -> Stat | None:
    best: tuple[int, Stat] | None = None
    for name, pattern in _STATS:
        for m in pattern.finditer(segment):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    return best[1] if best else None


def _unit_after(text: str, end: int, units: Sequence[str], named_only: bool = False) -> str | None:
    """The unit named in brackets right after a figure ("95,10% (Xã Ẳng
    Nưa)"): one of the tables' units, or (``named_only`` False) any name."""
    m = re.match(r"\s*(?:điểm\s*)?\(([^()]{3,80})\)", text[end:])
    if not m:
        return None
    name = m.group(1).strip()
    found = find_unit(name, units) if units else None
    if found or named_only:
        return found
    return name if name[:1].isupper() and not re.search(r"\d", name) else None


def _unit_before(segment: str, units: Sequence[str]) -> str | None:
    """A unit of the tables named in ``segment`` (the last, the longest)."""
    best: tuple[int, int, str] | None = None
    folded = fold_for_units(segment)
    for u in units:
        for form in unit_forms(u):
            at = folded.rfind(form)
            while at >= 0 and not whole_words(folded, at, len(form)):
                at = folded.rfind(form, 0, at)
            if at >= 0 and (best is None or (at, len(form)) > (best[0], best[1])):
                best = (at, len(form), u)
    return best[2] if best else None


def _sole_unit(segment: str, units: Sequence[str]) -> str | None:
    """The one unit of the tables ``segment`` names (None for none or several):
    the subject of a sentence about one unit ("Sở Y tế xếp loại …, mất nhiều
    điểm nhất ở chỉ số …")."""
    folded = fold_for_units(segment)
    named = set()
    for u in units:
        for form in unit_forms(u):
            at = folded.find(form)
            while at >= 0 and not whole_words(folded, at, len(form)):
                at = folded.find(form, at + 1)
            if at >= 0:
                named.add(u)
                break
    return next(iter(named)) if len(named) == 1 else None


# A statistic of points written without "điểm" after it, in a sentence about
# points: "Điểm trung bình của 124 xã là 85,12; cao nhất 95,5, thấp nhất 60,25".
_STAT_BARE = re.compile(r"(?:trung\s+bình|bình\s+quân|cao\s+nhất|thấp\s+nhất|lớn\s+nhất|nhỏ\s+nhất)"
                        r"(?:[\s,]+(?:[^\W\d]+|\d+\s+[^\W\d]+)){0,8}?\s*:?\s*(?:là|đạt|bằng)?\s*:?\s*"
                        r"(?<![\d.,/])(\d{1,3}(?:,\d{1,3})?)(?=\s*(?:[,;.()]|$|và\b|\(|điểm\b))(?!\s*[.,]\d)"
                        r"(?!\s*\(\s*\d)", re.I)  # "thấp nhất là phường Móng Cái 1 (66,19 điểm)": a name's number
_POINTS_WORD = re.compile(r"(?<!\w)điểm(?!\w)", re.I)


def _bare_points(text: str) -> list[tuple[int, int, str, Measure]]:
    """Statistics of points written bare (see _STAT_BARE): the sentence
    names points, and the figure is no percent, fraction or count."""
    out = []
    for m in _STAT_BARE.finditer(text):
        start = m.start(1)
        sentence = text[max(text.rfind(". ", 0, start), 0):start]
        if not _POINTS_WORD.search(sentence) or "%" in text[m.end(1):m.end(1) + 2]:
            continue
        out.append((start, m.end(1), m.group(1), Measure.POINTS))
    return out


def _figures(text: str) -> list[tuple[int, int, str, Measure]]:
    """(start, end, written, measure) of the percents, points and ranks of ``text``, in order."""
    out = [(m.start(), m.end(), m.group(1), Measure.PERCENT) for m in _PERCENT.finditer(text)]
    out += [(m.start(), m.end(), m.group(1), Measure.POINTS) for m in _POINTS.finditer(text)]
    taken = {start for start, *_ in out}
    out += [f for f in _bare_points(text) if f[0] not in taken]
    out += [(m.start(1), m.end(), m.group(1), Measure.RANK) for m in _RANK.finditer(text)]
    return sorted(out)


@dataclass
class _Marks:
    """What the words around one figure say of it (see the module)."""

    claim: bool
    stat: Stat | None
    of_max: bool
    lost: bool
    clause: str
    before: str
    unit: str | None
    subject: str
    measure: Measure
    at: int
    tier: str | None
    time: str | None
    context: str
    grade_written: str | None

    def put(self, st: Statement) -> None:
        """Mark ``st`` with these (over what it had)."""
        st.claim, st.stat, st.of_max, st.lost = self.claim, self.stat, self.of_max, self.lost
        st.clause, st.before, st.unit, st.subject = self.clause, self.before, self.unit, self.subject
        st.measure, st.at, st.tier, st.time = self.measure, self.at, self.tier, self.time
        st.context, st.grade_written = self.context, self.grade_written


def _mark_fraction(statements: list[Statement], block: Block, value: Decimal | None, marks: _Marks,
                   written: str, unit: str | None = None) -> None:
    """Points written x/y, of a unit ("Sở Y tế … chỉ số Cung cấp dịch vụ công
    trực tuyến (0,3/2 điểm)") or a statistic of a group ("Điểm số trung bình
    của cấp xã đạt 10,564/15 điểm"): the fraction reader's statement of it,
    not yet marked, learns what it is, so that it is held to the unit's row or
    to the column of points."""
    if value is None:
        return
    for st in statements:
        if (st.paragraph == block.index and st.kind == StatementKind.SCORE and st.numerator == value
                and not st.unit and st.stat is None):
            st.value = value
            marks.put(st)
            st.written = written
            if unit:
                st.unit = unit
            return


def _mark_rank_fraction(statements: list[Statement], block: Block, at: int, marks: _Marks, written: str,
                        unit: str) -> None:
    """A unit's rank written x/N ("Công an tỉnh … xếp thứ 3/11"): the fraction
    reader's statement at ``at`` becomes the unit's rank, held to its row."""
    for st in statements:
        if st.paragraph == block.index and st.at == at and st.kind in (StatementKind.FRACTION, StatementKind.RANK) \
                and not st.unit:
            st.kind = StatementKind.RANK
            st.value = count_value(written)
            marks.put(st)
            st.written = written
            st.unit = unit
            return


def mark_quantities(block: Block, statements: list[Statement], units: Sequence[str],
                    scope: str | None) -> list[Statement]:
    """Mark the block's percent statements (in ``statements``) with what they
    are about, and return new statements for figures in points and ranks that
    name a statistic or a unit."""
    text = block.text
    percents = [st for st in statements if st.kind == StatementKind.PERCENT and st.paragraph == block.index]
    out: list[Statement] = []
    prev_end, prev_stat, prev_clause = 0, None, -1
    prev_unit: str | None = None
    k = 0
    # A block of figures alone ("100,000%", a chart's axis read as a line)
    # says nothing about what they measure: no claim.
    wordy = bool(re.search(r"[^\W\d_]{2,}", _PERCENT.sub(" ", text)))
    # a formula in brackets is an aside that defines the figure, no rule it states ("Chỉ số cải cách hành
    # chính (Chỉ số = điểm đạt/điểm tối đa × 100) của Sở Tư pháp đạt 78,57%")
    plain = _FORMULA.sub(lambda m: " " * len(m.group(0)), text)
    for start, end, written, measure in _figures(text):
        clause = _clause_start(text, start)
        segment = text[max(prev_end, clause):start]
        bracketed = clause > 0 and text[clause - 1] == "(" and bool(_BRACKET_VERB.fullmatch(segment))
        if bracketed:  # "cao nhất là Sở Y tế (93,99%)", "(đạt 93,77 điểm)": what the bracket follows
            outer = _clause_start(text, clause - 1)
            segment = text[max(prev_end, outer):clause - 1]
        if _DIFFERENCE.search(text, max(prev_end, clause), start):
            # "thấp hơn đơn vị dẫn đầu 4,18 điểm": a difference of two figures, neither of them
            k += measure == Measure.PERCENT  # its percent statement stays unmarked: no claim of a figure
            prev_end = end
            continue
        stat = _stat(segment) or (prev_stat if clause == prev_clause else None)
        unit_zone = _after_bracket(text[max(prev_end, _clause_start(text, clause - 1) if bracketed else clause):start])
        # "tối thiểu (10%)"; never across a full stop ("(thang điểm 100). Sở Nội vụ dẫn đầu với 94,2 điểm")
        window = re.sub(r"[()]", " ", plain[max(0, start - 40, _sentence_start(text, start)):start])
        grade_name = bool(re.match(r"\s*(?:đến\s+dưới\s+\d+\s*%\s*)?nhiệm\s+vụ", text[end:], re.I))
        rule_like = bool(_RULE_BEFORE.search(window) or _RULE_AFTER.match(text[end:])
                         or _STRIVE.search(text[_sentence_start(text, start):start])
                         or (_NOT_A_FIGURE.search(window) and (grade_name or "hoàn" not in window[-15:]))
                         or _RULE_CLAUSE.search(plain[clause:start]) or _RULE_CLAUSE.search(window)
                         or _SCALE.search(plain[max(prev_end, clause):start]))
        unit = None
        if stat != Stat.AVG:  # an average is of a group, never of one unit
            unit = _unit_after(text, end, units, named_only=stat not in (Stat.MAX, Stat.MIN))
            unit = unit or _unit_before(unit_zone, units)
            if unit is None and clause == prev_clause and prev_unit and not bracketed \
                    and not re.search(r"[()]", unit_zone):
                unit = prev_unit  # "xã A đạt 91,5 điểm, xếp thứ 3": the same unit's next figure
            if unit is None and prev_unit and clause > 0 and text[clause - 1] == "(" \
                    and not text[prev_end:clause - 1].strip():
                unit = prev_unit  # "xã A được 89,00 điểm (xếp thứ 4)": the bracket goes on the figure before it
            unit = unit or _scoped_unit(text, start, units)
        subj = list(_SUBJECT.finditer(text, _sentence_start(text, start), start))
        marks = _Marks(
            claim=not rule_like and wordy, stat=stat,
            of_max=bool(re.match(r"\s*(?:số\s+)?điểm\s+tối\s+đa", text[end:], re.I)),
            lost=bool(re.match(r"\s*(?:tổng\s+)?(?:số\s+)?điểm\s+bị\s+trừ", text[end:], re.I)),
            clause=text[_sentence_start(text, start):start], before=text[max(0, start - 200):start], unit=unit,
            subject=subject_key(subj[-1].group("what")) if subj else "", measure=measure, at=start,
            tier=level_at(text, start, scope), time=time_at(text, start), context=_context(text, start, end),
            # a grade after a unit's figure, or after a percent ("Chỉ số CCHC đạt 89,76%, xếp loại Khá")
            grade_written=grade_after(text, end) if unit or measure == Measure.PERCENT else None)
        if measure == Measure.PERCENT:
            if k < len(percents):
                st = percents[k]
                k += 1
                marks.put(st)
        elif not rule_like and stat != Stat.AVG and measure == Measure.POINTS and "/" in text[start:end]:
            whose = unit or _sole_unit(text[_sentence_start(text, start):start], units)
            if whose:
                _mark_fraction(statements, block, _decimal(written), marks, written, whose)
        elif not rule_like and stat is not None and measure == Measure.POINTS and "/" in text[start:end]:
            _mark_fraction(statements, block, _decimal(written), marks, written)
        elif not rule_like and unit and measure == Measure.RANK and "/" in text[start:end]:
            _mark_rank_fraction(statements, block, start, marks, written, unit)
        elif not rule_like and (stat or unit) and "/" not in text[start:end]:  # x/y is the fraction reader's
            value = count_value(written) if measure == Measure.RANK else _decimal(written)
            if value is not None:
                st = Statement(kind="score" if measure == Measure.POINTS else "rank", text=text[start:end],
                               paragraph=block.index, page=block.page, value=value, scope=scope, written=written)
                marks.put(st)
                out.append(st)
        prev_end, prev_stat, prev_clause, prev_unit = end, stat, clause, unit
    return out


# A sentence that opens on the unit it is about: "Tại Ban Quản lý …, số hồ sơ …; tỷ lệ … đạt 100,00%".
_SCOPE = re.compile(r"\s*(?:(?:\d{1,2}\.|[a-zđ]\)|[-–+•])\s*)?(?:tại|đối\s+với|riêng|ở)\s+([^,:;()]{3,80}?)\s*[,:]",
                    re.I)


def _scoped_unit(text: str, start: int, units: Sequence[str]) -> str | None:
    """The unit of the tables a figure's sentence opens on ("Tại X, …",
    "Đối với X: …", "Riêng X, …"): every figure of the sentence is of it,
    across its semicolons."""
    cut = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start))
    m = _SCOPE.match(text, cut + 2 if cut >= 0 else 0)
    if m is None or m.end() > start or not units:
        return None
    return find_unit(m.group(1).strip(), units)


def _after_bracket(segment: str) -> str:
    """The words after the last closing bracket: "(Sở Tài chính), bình quân"
    names no unit for what follows the bracket."""
    cut = segment.rfind(")")
    return segment[cut + 1:] if cut >= 0 else segment


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind(";", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _decimal(written: str) -> Decimal | None:
    pct = percent_value(written)
    return pct[0] if pct else None


def _context(text: str, start: int, end: int) -> str:
    """The sentence of a figure, cut to about 160 characters around it."""
    a = _sentence_start(text, start)
    b = min((i for i in (text.find(". ", end), text.find(";", end)) if i >= 0), default=len(text))
    a = max(a, start - 120)
    return text[a:b + 1].strip(" ;")
