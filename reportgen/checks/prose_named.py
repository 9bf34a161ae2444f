"""A figure of the prose held to the table cell whose header names it.

Two kinds of figure, one way of pairing: the words of the prose just before
the figure (from the last ";", ":", "," or the sentence's start) name a
column when every word of the column's header (case, tone placement,
punctuation and the usual abbreviations folded; bare words such as "số",
"tổng", "đạt" left out) is among them, and the header has at least two such
words.

- Points ``x/y`` ("Công khai minh bạch đạt 8,8/18 điểm", seed 004) are held
  to the column of that name whose maximum is ``y``, on the row the
  paragraph is about: the row that agrees with most of the paragraph's
  points (at least two, and no other row with as many). The paragraph's
  ``x/y`` whose ``y`` is that row's maximum and that names no column ("được
  công bố đạt: 54,1/100 điểm") is its total. A figure that disagrees with
  its cell on that row is an error; with no row pinned, nothing is said.
- A count ("tiếp nhận trực tiếp 275 hồ sơ") is held to the total row
  ("Tổng cộng", "Toàn tỉnh") of the one column its words name: equal, it is
  checked; different, it is an error when that column is the only one named
  and the words before the count say nothing more than its header, its
  group and what is counted (a header repeated under two groups is told
  apart by the group's words in the sentence); a warning when they say one
  word more ("tiếp nhận trực tiếp" for "Trực tiếp") or several columns fit;
  nothing when they say more ("trước hạn 3.487 hồ sơ" is not "Đã giải
  quyết"). A count in a sentence that names a unit of the table ("UBND xã
  Phúc Thọ tiếp nhận 120 hồ sơ, giải quyết đúng hạn 118 hồ sơ") is that
  unit's: held to its row, the unit's words naming no column. What is
  counted is said after the figure, up to the next punctuation: "8.283
  lượt rất hài lòng" is the "Số lượt" under "Rất hài lòng" (a header of one
  word is named with its group), never "Tổng số lượt đánh giá", since it
  says words of another header; "7.123 hồ sơ trực tuyến" is not "Tiếp nhận".
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.labels import stat_of
from ..text.names import fold_for_units, fold_tones, same_unit, unit_forms, whole_words
from .prose_counts import finding_at
from .prose_labels import _words
from .prose_units import agrees
from .registry import CheckContext, rule

# Words that say nothing of what is counted or scored.
_BARE = frozenset({"tổng", "cộng", "lượng", "đạt", "điểm", "kết", "quả", "trong", "đó", "gồm", "bao", "là",
                   "với", "tại", "từ", "đến", "toàn", "tỉnh", "chỉ", "tiêu", "chí", "nội", "dung", "stt",
                   "như", "một", "những", "thấp", "cao", "nhất", "trung", "bình",
                   # who reports is not what is counted: "các cơ quan, đơn vị (tại Phụ lục I) đã giải quyết …"
                   "cơ", "quan", "đơn", "vị", "phụ", "lục", "biểu", "riêng",
                   "nhiều", "ít"})  # "Đơn vị tiếp nhận nhiều hồ sơ nhất là X với …": a superlative, no column
_BOUNDARY = re.compile(r"[;:.!?()]|,(?!\d)|\d(?=\s)")  # a figure ends what is said before the next
_COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/%]|[.,]\d)\s+(?!%|điểm\b|năm\b|tháng\b|ngày\b)"
                    r"(?=[^\W\d])", re.I)


_BARE_FOLDED = frozenset(fold_tones(w) for w in _BARE)
_ANNEX = re.compile(r"(?<!\w)(?:phụ\s+lục|biểu)(?:\s+số)?\s+(?:\d{1,2}|[IVXLC]{1,6})(?!\w)", re.I)


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if w not in _BARE_FOLDED and not w.isdigit())


def _before(text: str, at: int) -> str:
    """The words just before offset ``at``: back to the last boundary; a
    label's colon right before the figure is no boundary ("Tổng số hồ sơ
    tiếp nhận trong kỳ: 13.597 hồ sơ")."""
    head = text[:at]
    if m := re.search(r":\s*$", head):
        head = head[:m.start()] + " " * (len(head) - m.start())
    cuts = [0] + [m.end() for m in _BOUNDARY.finditer(head)]
    said = head[cuts[-1]:]
    if len(cuts) > 1 and not _content(_ANNEX.sub(" ", said)) and head[cuts[-1] - 1] == "," \
            and not head[cuts[-2] - 1:cuts[-2]].isdigit():  # not the words after the figure before
        said = head[cuts[-2]:]  # "… quá hạn của các cơ quan, đơn vị là 363": a comma within who reports
    return _ANNEX.sub(" ", said)


class Named(NamedTuple):
    table: ScoreTable
    key: str
    label: str
    words: frozenset[str]
    group: frozenset[str]
    max: Decimal | None
    group_label: str = ""


def _columns(report: Report) -> list[Named]:
    out = []
    for t in report.tables:
        for col in t.columns:
            words = _content(col.label or "")
            group = _content(col.group or "") - words
            if len(words) >= 2 or (words and group):  # "Rất hài lòng / Số lượt" names with its group
                out.append(Named(t, col.key, col.label, words, group, col.max, col.group or ""))
    return out


def _named(columns: list[Named], before: str, sentence: str, noun: str = "", slack: int = 0,
           head: str = "") -> list[Named]:
    """The columns ``before`` names: every word of the header and of its
    group is in the sentence, ``before`` says one of the header's words at
    least and nothing more than the header, its group and ``noun`` (what is
    counted, which names no other column in words the header has not), but
    ``slack`` words — "trước hạn 3.487 hồ sơ" is not "Đã giải quyết", "quá
    hạn 7 hồ sơ" after "Đã giải quyết đúng hạn …" is "Đã giải quyết / Quá
    hạn" (a header joined with its group, "Đã giải quyết Quá hạn", reads the
    same). The ``head`` of what is counted ("hồ sơ" after every count of the
    paragraph) names no column: "(2.415 hồ sơ, …)" after "tiếp nhận …" is not
    "Số hồ sơ tiếp nhận"."""
    words, around = _content(before), _content(sentence) | _content(before)
    # what is counted is no word more: its head ("hồ sơ"), or all of it when the paragraph has no head
    # ("hồ sơ phải giải quyết" is not "Đã giải quyết")
    extra = _content(head) if head else _content(noun)
    own = words - _content(head)
    pairs = _said_pairs(before, noun, head)
    hits = [c for c in columns if (c.words | c.group) <= around and c.words & words and _names(c, own, pairs)
            and len(words - c.words - c.group - extra - _parents(columns, c, words)) <= slack
            and not _counts_other(columns, c, noun, head) and _conjuncts_said(c.label, words)]
    if len({c.words for c in hits}) > 1:  # the header of most words is the one named ("trực tuyến toàn trình"),
        # what is counted left aside: "đang giải quyết 75 hồ sơ" is "Đang giải quyết", not "Số hồ sơ đã giải quyết"
        most = max(len(c.words & own) for c in hits)
        hits = [c for c in hits if len(c.words & own) == most]
    if len(hits) > 1:  # the qualifier stands next to the figure: "tiếp nhận trực tiếp 275" is "Trực tiếp"
        tail = [c for c in hits if _ends_with(before, noun, c.words)]
        hits = tail if len(tail) == 1 else hits
    return hits


_CONJUNCTION = re.compile(r"\s+(?:và|hoặc)\s+|\s*[,/+]\s*", re.I)


def _conjuncts_said(label: str, words: frozenset[str]) -> bool:
    """Whether ``words`` say each thing a header joins ("Trước hạn và đúng
    hạn"): "đúng hạn 5.608 hồ sơ" is not that column, "trước và đúng hạn" is."""
    parts = [_content(x) for x in _CONJUNCTION.split(label or "") if _content(x)]
    if len(parts) < 2:
        return True
    shared = frozenset.intersection(*parts)
    return all((p - shared) & words or not p - shared for p in parts)


def _parents(columns: list[Named], col: Named, words: frozenset[str]) -> frozenset[str]:
    """The words of the other headers of ``col``'s table said whole in
    ``words``: "tiếp nhận trực tiếp" is "Trực tiếp" of what "Tiếp nhận"
    counts, as a group over it would say."""
    out: set[str] = set()
    for c in columns:
        if c.table is col.table and c is not col and c.words <= words and not c.words <= col.words:
            out |= c.words
    return frozenset(out)


def _ends_with(before: str, noun: str, words: frozenset[str]) -> bool:
    """Whether the last words of ``before`` (what is counted left aside) are ``words``."""
    seq = [w for w in _words_in_order(before) if w not in _content(noun)]
    return len(seq) >= len(words) and frozenset(seq[-len(words):]) == words


def _words_in_order(text: str) -> list[str]:
    return [w for w in (next(iter(_content(t)), None) for t in text.split()) if w]


def _value(table: ScoreTable, row: int, key: str) -> Decimal | None:
    r = table.rows[row]
    v = r.total if key == "total" else r.scores.get(key, r.extra.get(key))
    return v if isinstance(v, Decimal) else None


def _vi(value: Decimal) -> str:
    return format_vi(value, places_of(value), fixed=True)


# --- points x/y ----------------------------------------------------------------------------

def _points(report: Report) -> dict[int, list[tuple[Statement, str, str]]]:
    """The paragraph's x/y points with the words before them and their sentence."""
    texts = {p.index: p.text for p in report.paragraphs}
    out: dict[int, list[tuple[Statement, str, str]]] = {}
    for st in report.statements:
        if st.kind != StatementKind.SCORE or st.numerator is None or st.denominator is None \
                or st.paragraph not in texts:
            continue
        text = texts[st.paragraph]
        at = text.find(st.text)
        if at < 0:
            continue
        start = max((m.end() for m in re.finditer(r"[.!?]\s", text[:at])), default=0)
        out.setdefault(st.paragraph, []).append((st, _before(text, at), text[start:at]))
    return out


def _row_of(pairs: list[tuple[Statement, Named]]) -> int | None:
    """The row most of the paragraph's points agree with (two at least, alone)."""
    votes: dict[int, int] = {}
    for st, col in pairs:
        for i in range(len(col.table.rows)):
            v = _value(col.table, i, col.key)
            if v is not None and agrees(st.numerator, v):
                votes[i] = votes.get(i, 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    rows = [i for i, n in votes.items() if n == best]
    return rows[0] if best >= 2 and len(rows) == 1 else None


@rule("QUANTITY_CONFLICT", "Điểm x/y nêu trong lời văn khác ô cùng tên của bảng")
def points_vs_named_column(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: điểm x/y lời văn gọi bằng tên chỉ số ("Công khai minh bạch đạt 8,8/18
    điểm") so với ô của bảng ở cột mang tên ấy có điểm tối đa y, trên dòng mà các điểm
    khác của đoạn văn cùng khớp (ví dụ dòng "Điểm của tỉnh"); điểm x/y không gọi tên chỉ
    số nào mà y là điểm tối đa của dòng ấy là tổng điểm của dòng.
    Vì sao: điểm trong lời văn chép lại từ phụ lục; chép nhầm là lỗi hay gặp.
    Ví dụ sai: phụ lục ghi 8,8/18 mà lời văn viết "Công khai minh bạch đạt 8,3/18 điểm".
    Ví dụ đúng: lời văn viết 8,8/18."""
    columns = None
    for items in _points(report).values():
        if columns is None:
            columns = _columns(report)
        pairs: list[tuple[Statement, Named]] = []
        for st, before, sentence in items:
            hits = [c for c in _named(columns, before, sentence) if c.max == st.denominator]
            if len(hits) == 1:
                pairs.append((st, hits[0]))
        tables = {id(c.table) for _, c in pairs}
        if len(tables) != 1:
            continue
        table = pairs[0][1].table
        row = _row_of(pairs)
        if row is None:
            continue
        r = table.rows[row]
        paired = {id(st) for st, _ in pairs}
        if r.total is not None and r.max is not None:
            totals = [st for st, before, _ in items if id(st) not in paired and st.denominator == r.max
                      and not _named(columns, before, before)]
            if len(totals) == 1:
                pairs.append((totals[0], Named(table, "total", "Tổng điểm", frozenset(), frozenset(), r.max)))
        for st, col in pairs:
            value = _value(table, row, col.key)
            if value is None:
                continue
            ctx.ledger.statement_checked(st, "points-vs-named-cell")
            ctx.ledger.table_checked(table.index, "points-vs-named-cell", [(row, col.key)])
            if agrees(st.numerator, value):
                continue
            yield finding_at("QUANTITY_CONFLICT", "error",
                             f"Văn bản nêu {_vi(st.numerator)}/{_vi(st.denominator)} điểm cho “{col.label}” nhưng "
                             f"bảng {table.index + 1} ghi {_vi(value)} (dòng “{r.unit}”)", st,
                             table=table.index, row=row, column=col.key,
                             reported=str(st.numerator), expected=str(value))


# --- counts and the total row ----------------------------------------------------------------

_JOINED = re.compile(r"\s(?:và|cùng)\s|\+", re.I)  # two headers joined: "đúng hạn và trước hạn"


def _said_together(columns: list[Named], col: Named, before: str, sentence: str, noun: str,
                   total_row: int) -> list[tuple[Named, Decimal]]:
    """``col`` and the other columns of its table that the words before a
    count also name (each a header whose words the sentence says, holding
    the words ``col`` does not), with their total row's figures: "trong đó
    đúng hạn và trước hạn 3.155 hồ sơ" names "Trước hạn" and "Đúng hạn" of
    "Đã giải quyết", whose sum it states. Empty when no other column is named."""
    words, around = _content(before), _content(sentence) | _content(before)
    extra = words - col.words - col.group - _content(noun)
    if not extra or not _JOINED.search(before):  # "tiếp nhận trực tiếp": a qualifier, not a second column
        return []
    if len([x for x in _CONJUNCTION.split(col.label or "") if _content(x)]) > 1:
        return []  # "trước hạn và đúng hạn" names the one header that joins them
    partners = [c for c in columns if c.table is col.table and c is not col and extra <= c.words | c.group
                and (c.words | c.group) <= around]
    out = [(c, _value(c.table, total_row, c.key)) for c in (col, *partners)]
    return [(c, v) for c, v in out if v is not None] if partners else []


def _total_rows(report: Report) -> dict[int, int]:
    """table index → its one total row ("Tổng cộng", "Toàn tỉnh")."""
    out = {}
    for t in report.tables:
        rows = [i for i, r in enumerate(t.rows) if stat_of(r.unit) == "sum" and not r.section]
        if len(rows) == 1:
            out[t.index] = rows[0]
    return out


def _unit_named(sentence: str, tables: list[ScoreTable]) -> str | None:
    """The unit of the tables the sentence names last before a count (the
    longest of those ending last), or None: "UBND xã Phúc Thọ tiếp nhận 120
    hồ sơ" is that unit's count, not the total row's."""
    folded = fold_for_units(sentence)
    best: tuple[int, int, str] | None = None
    for t in tables:
        for r in t.rows:
            if not r.unit or stat_of(r.unit):
                continue
            for form in unit_forms(r.unit):
                at = folded.rfind(form)
                while at >= 0 and not whole_words(folded, at, len(form)):
                    at = folded.rfind(form, 0, at)
                if at >= 0 and (best is None or (at, len(form)) > best[:2]):
                    best = (at, len(form), r.unit)
    return best[2] if best else None


_UBND = _words("UBND")


def _without(text: str, unit: str) -> str:
    """``text`` less the words of the unit's name (and "UBND" before it)."""
    words = _words(unit) | _UBND
    return " ".join(t for t in text.split() if not (_words(t) and _words(t) <= words))


def _row_of_unit(table: ScoreTable, unit: str) -> int | None:
    return next((i for i, r in enumerate(table.rows) if r.unit and same_unit(r.unit, unit)), None)


def _count_statements(report: Report, paragraph: int, value: Decimal) -> list[Statement]:
    """The claims of ``paragraph`` that state ``value`` as a count."""
    out = []
    for st in report.statements:
        if st.paragraph != paragraph:
            continue
        # a share's count agreeing says nothing of its percent: only one paired with its whole is checked so
        if (st.kind == StatementKind.SHARE and st.value == value and st.whole is not None) \
                or (st.kind == StatementKind.SUM and (st.whole == value or value in st.parts)):
            out.append(st)
    return out


def _counted(text: str, at: int) -> str:
    """What a count at ``at`` counts: the words after it up to the next
    punctuation or "và" (six at most): "18.837 lượt rất hài lòng (chiếm …)"
    counts "lượt rất hài lòng"."""
    return " ".join(re.split(r"[,;:.()]|\s(?:và|cùng|trong)\s", text[at:])[0].split()[:6])


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of content words next to each other in ``text`` (a compound
    word: "tiếp nhận", "trực tiếp", "hài lòng")."""
    seq = _words_in_order(text)
    return frozenset(zip(seq, seq[1:]))


def _said_pairs(before: str, noun: str, head: str) -> frozenset[tuple[str, str]]:
    """The compound words said before a count and after its ``head``."""
    base = before[:len(before) - len(noun)] if noun and before.endswith(noun) else before
    tail = noun[len(head):] if head and noun.casefold().startswith(head.casefold()) else ("" if head else noun)
    return (_pairs(base) | _pairs(tail)) - _pairs(head)  # "hồ sơ" said again names nothing


def _names(col: Named, own: frozenset[str], pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether the words said (``own``, their compounds ``pairs``) name ``col``:
    one of its header's compound words, or its one word ("trực tiếp" says
    nothing of "Số hồ sơ tiếp nhận", whose "tiếp" it shares)."""
    said = _pairs(col.label or "") | _pairs(col.group_label)
    if said & pairs:
        return True
    return len(col.words | col.group) == 1 and bool((col.words | col.group) & own)


def _head(nouns: list[str]) -> str:
    """The words that say what the paragraph counts: the longest prefix of
    the words after its counts that half of them at least (two or more)
    begin with ("hồ sơ" of "13.597 hồ sơ; … 7.213 hồ sơ trực tuyến"); empty
    when no such prefix."""
    split = [n.casefold().split() for n in nouns]
    head: list[str] = []
    while True:
        k = len(head) + 1
        firsts = [tuple(w[:k]) for w in split if len(w) >= k and w[:k - 1] == head]
        best = max(set(firsts), key=firsts.count, default=None)
        if best is None or firsts.count(best) < max(2, (len(split) + 1) // 2):
            return " ".join(head)
        head = list(best)


def _said_before(noun: str, text: str) -> str:
    """The longest first words of ``noun`` that ``text`` says (what a lone
    count counts, said before it: "Số hồ sơ … là 12.474 hồ sơ")."""
    words = noun.split()
    for k in range(len(words), 0, -1):
        if re.search(r"(?<!\w)" + re.escape(" ".join(words[:k])) + r"(?!\w)", text, re.I):
            return " ".join(words[:k])
    return ""


# A clause about another period: its figures are not this period's table ("cùng kỳ năm 2023 tiếp nhận 27.522 hồ sơ").
_OTHER_PERIOD = re.compile(r"(?<!\w)(?:cùng\s+kỳ|năm\s+trước|quý\s+trước|tháng\s+trước|so\s+với)(?!\w)", re.I)
_CLAUSE = re.compile(r"[;:.!?()]")


def _this_period(text: str) -> Iterator[re.Match]:
    """The counts of ``text`` but those of a clause about another period."""
    for m in _COUNT.finditer(text):
        clause = text[max((c.end() for c in _CLAUSE.finditer(text, 0, m.start())), default=0):m.start()]
        if not _OTHER_PERIOD.search(clause):
            yield m


def _counts_other(columns: list[Named], col: Named, noun: str, head: str = "") -> bool:
    """Whether what is counted names another column of ``col``'s table in
    words ``col`` has not: "18.837 lượt rất hài lòng" is not "Tổng số lượt
    đánh giá" when "Rất hài lòng" heads a column beside it, "275 hồ sơ trực
    tuyến" is not "Tiếp nhận" beside "Trực tuyến". The ``head`` every count
    counts ("hồ sơ") names none: "Số hồ sơ tiếp nhận" is not named by it."""
    said = _content(noun) - _content(head) - col.words - col.group
    others = frozenset().union(*(c.words | c.group for c in columns if c.table is col.table and c is not col))
    return bool(said & others)


@rule("QUANTITY_CONFLICT",
      "Số lượng nêu trong lời văn khác dòng tổng (hay dòng của đơn vị được nêu) của cột cùng tên trong bảng")
def count_vs_total_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một số lượng trong lời văn ("tiếp nhận trực tiếp 275 hồ sơ") so với
    dòng tổng ("Tổng cộng", "Toàn tỉnh") của cột bảng mà tên cột được lời văn nêu đủ
    ("Trực tiếp"; cột cùng tên dưới hai nhóm thì phân biệt bằng tên nhóm trong câu);
    câu nêu tên một đơn vị của bảng ("UBND xã Phúc Thọ tiếp nhận 120 hồ sơ") thì so với
    dòng của đơn vị đó.
    Khác nhau là lỗi khi chỉ một cột mang tên ấy; nhiều cột thì là cảnh báo.
    Vì sao: số liệu lời văn và phụ lục được tổng hợp riêng; sửa một bên mà quên bên kia.
    Ví dụ sai: lời văn "trực tiếp 275 hồ sơ", dòng Tổng cộng của cột "Trực tiếp" ghi 257.
    Ví dụ đúng: hai nơi cùng ghi 257."""
    totals = _total_rows(report)
    columns = _columns(report)
    if not columns:
        return
    for p in report.paragraphs:
        text = p.text
        head = _head([_counted(text, m.end()) for m in _COUNT.finditer(text)])
        for m in _this_period(text):
            try:
                value = Decimal(m.group(1).replace(".", ""))
            except ArithmeticError:  # pragma: no cover - guarded by the pattern
                continue
            noun = _counted(text, m.end())  # "hồ sơ", "lượt rất hài lòng": what is counted
            before = _before(text, m.start())
            start = max((s.end() for s in re.finditer(r"[.!?;]\s", text[:m.start()])), default=0)
            sentence = text[start:m.start()]
            unit = _unit_named(sentence, [c.table for c in columns])
            if unit:  # the count of that unit: its words name no column
                before, sentence = _without(before, unit), _without(sentence, unit)
            before, sentence = f"{before} {noun}", f"{sentence} {noun}"
            counted = head or _said_before(noun, text[:m.start()])
            exact = _named(columns, before, sentence, noun, head=counted)
            hits = exact or _named(columns, before, sentence, noun, slack=1, head=counted)
            rows = {id(c): _row_of_unit(c.table, unit) if unit else totals.get(c.table.index) for c in hits}
            cells = [(c, rows[id(c)], _value(c.table, rows[id(c)], c.key)) for c in hits if rows[id(c)] is not None]
            cells = [(c, r, v) for c, r, v in cells if v is not None and v == v.to_integral() and v > 0]
            if not cells:
                continue
            statements = _count_statements(report, p.index, value)
            # a unit named earlier in the sentence and the total stated after it: the total row's
            agreeing = [(c, r, v) for c, r, v in cells if v == value] or [
                (c, totals[c.table.index], value) for c, _, _ in cells
                if unit and c.table.index in totals and _value(c.table, totals[c.table.index], c.key) == value]
            for c, r, _ in agreeing or cells:
                ctx.ledger.table_checked(c.table.index, "count-vs-total-row", [(r, c.key)])
            if agreeing:
                for st in statements:
                    ctx.ledger.statement_checked(st, "count-vs-total-row")
                continue
            col, row, v = cells[0]
            together = _said_together(columns, col, before, sentence, noun, row)
            if len(together) >= 2:  # "đúng hạn và trước hạn 3.155 hồ sơ": the sum of the columns it names
                if sum(x for _, x in together) == value:
                    ctx.ledger.table_checked(col.table.index, "count-vs-total-row", [(row, c.key) for c, _ in together])
                    for st in statements:
                        ctx.ledger.statement_checked(st, "count-vs-total-row")
                continue  # several columns and another figure: which of them is meant is not said
            sure = len(cells) == 1 and bool(exact)  # one column, named by the words before the count and no other
            if sure:
                for st in statements:
                    ctx.ledger.statement_checked(st, "count-vs-total-row")
            where = col.table.rows[row].unit
            yield Finding(code="QUANTITY_CONFLICT", severity="error" if sure else "warning",
                          message=f"Văn bản nêu {format_vi(value, 0)} {noun} nhưng dòng "
                                  f"“{where}” của cột “{col.label}” (bảng {col.table.index + 1}) ghi {format_vi(v, 0)}",
                          paragraph=p.index, page=p.page, table=col.table.index, column=col.key,
                          row=row if unit else None, unit=where if unit else None,
                          reported=str(value), expected=str(v))
