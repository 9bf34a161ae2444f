"""A figure of the prose held to the table cell whose header names it.

The pairing: the words of the prose just before
the figure (from the last ";", ":", "," or the sentence's start) name a
column when every word of the column's header (case, tone placement,
punctuation and the usual abbreviations folded; bare words such as "số",
"tổng", "đạt" left out) is among them, and the header has at least two such
words.

Points ``x/y`` ("Công khai minh bạch đạt 8,8/18 điểm", seed 004) are held
to the column of that name whose maximum is ``y``, on the row the
paragraph is about: the row that agrees with most of the paragraph's
points (at least two, and no other row with as many). The paragraph's
``x/y`` whose ``y`` is that row's maximum and that names no column ("được
công bố đạt: 54,1/100 điểm") is its total. A figure that disagrees with
its cell on that row is an error; with no row pinned, nothing is said.

A count held by the same naming to a table's total row is
:mod:`reportgen.checks.prose_totals`'s.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.names import fold_tones
from .prose_counts import finding_at
from .prose_labels import _words, ordered_words
from .prose_unit_rows import agrees
from .registry import CheckContext, rule

# Words that say nothing of what is counted or scored.
_BARE = frozenset({"tổng", "cộng", "lượng", "đạt", "điểm", "kết", "quả", "trong", "đó", "gồm", "bao", "là",
                   "với", "tại", "từ", "đến", "toàn", "tỉnh", "chỉ", "tiêu", "chí", "nội", "dung", "stt",
                   "như", "một", "những", "thấp", "cao", "nhất", "trung", "bình",
                   # who reports is not what is counted: "các cơ quan, đơn vị (tại Phụ lục I) đã giải quyết …"
                   "cơ", "quan", "đơn", "vị", "phụ", "lục", "biểu", "riêng",
                   # nor the kind of row a table by field has: "Lĩnh vực có số hồ sơ tiếp nhận nhiều nhất là …"
                   "lĩnh", "vực",
                   # a group of indicators is named with or without the word: "Nhóm Số hóa hồ sơ" is "Số hóa hồ sơ"
                   "nhóm",
                   "nhiều", "ít"})  # "Đơn vị tiếp nhận nhiều hồ sơ nhất là X với …": a superlative, no column
_BOUNDARY = re.compile(r"[;:.!?()]|,(?!\d)|\d(?=\s)")  # a figure ends what is said before the next
_BARE_FOLDED = frozenset(fold_tones(w) for w in _BARE)
_ANNEX = re.compile(r"(?<!\w)(?:phụ\s+lục|biểu)(?:\s+số)?\s+(?:\d{1,2}|[IVXLC]{1,6})(?!\w)", re.I)


# A sentence that opens on what it counts and then says how many: "Số hồ sơ thanh toán phí, lệ phí trực
# tuyến là 2.530 hồ sơ" — the commas in its subject list words of one label, no clause.
_LABEL_SUBJECT = re.compile(r"(?:^|[.;:!?]\s+|^[-–+•]\s*)(?:tổng\s+)?số\s+[^\d;:.!?()]*?\s(?:là|đạt)\s*$", re.I)


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
    label = _LABEL_SUBJECT.search(head)
    if label and label.start() < cuts[-1]:  # "Số hồ sơ thanh toán phí, lệ phí trực tuyến là 2.530": one label
        return _ANNEX.sub(" ", label.group(0))
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
    stage_label: str = ""  # the header that says the stage its figures are of, when not its own


def _columns(report: Report) -> list[Named]:
    """The columns prose may name. A header that says no stage of a dossier
    (đã / đang / chưa / phải / cần) under no group that does takes the stage of the last
    column before it that says one: in a flat header "Đã giải quyết | Trước
    hạn | Đúng hạn | Quá hạn" the parts follow their whole."""
    out = []
    for t in report.tables:
        stage = ""
        leaves = [_content(leaf_of(col.label, col.group)) for col in t.columns]
        for col, leaf in zip(t.columns, leaves):
            own = f"{col.group or ''} {col.label or ''}"
            if _STAGE.search(own):
                stage = own
            words = _content(col.label or "")
            group = _content(col.group or "") - words
            if col.group and len(leaf) >= 2 and leaves.count(leaf) == 1:
                # a leaf of its own words, under a group no other leaf repeats: named by itself ("230 phiếu
                # không hài lòng" is "Mức độ đánh giá / Không hài lòng")
                words, group = leaf, frozenset()
            if len(words) >= 2 or (words and group):  # "Rất hài lòng / Số lượt" names with its group
                out.append(Named(t, col.key, col.label, words, group, col.max, col.group or "",
                                 "" if _STAGE.search(own) else stage))
    return out


def leaf_of(label: str | None, group: str | None) -> str:
    """The lowest level of a column's header: its label without the group
    over it (a reader may give the label with its group, "Mức độ đánh giá
    Không hài lòng", or without)."""
    label, group = label or "", group or ""
    return label[len(group):] if group and label.startswith(group) else label


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
            and not _counts_other(columns, c, noun, head) and _conjuncts_said(c.label, words)
            and not _other_stage(c, before if _STAGE.search(before) else sentence)]
    if len({c.words for c in hits}) > 1:  # the header of most words is the one named ("trực tuyến toàn trình"),
        # what is counted left aside: "đang giải quyết 75 hồ sơ" is "Đang giải quyết", not "Số hồ sơ đã giải quyết"
        most = max(len(c.words & own) for c in hits)
        hits = [c for c in hits if len(c.words & own) == most]
    if len(hits) > 1:  # the qualifier stands next to the figure: "tiếp nhận trực tiếp 275" is "Trực tiếp"
        tail = [c for c in hits if _ends_with(before, noun, c.words)]
        hits = tail if len(tail) == 1 else hits
    return hits


# A dossier's stage: to resolve (phải, cần), resolved (đã), in progress (đang), not yet (chưa).
_STAGE = re.compile(r"(?<!\w)(đã|đang|chưa|phải|cần)(?=\s+(?:được\s+)?(?:giải\s+quyết|GQ(?!\w))|\s+xử\s+lý)", re.I)


def _other_stage(col: Named, before: str) -> bool:
    """Whether the words before a figure say a dossier's stage ("đang giải
    quyết", "chưa giải quyết") other than the one its header says ("Số hồ sơ
    đã giải quyết"): "Số hồ sơ đang giải quyết là 1.241 hồ sơ" is not the "Đã
    giải quyết" column, whatever else the two share ("đã" is a word a header
    need not say, so the pairing alone would take it). The caller passes the
    words before the figure, or its sentence when those say no stage ("…
    đang giải quyết 1.241 hồ sơ, trong đó: …; quá hạn 73 hồ sơ")."""
    said = {m.group(1).casefold() for m in _STAGE.finditer(before)}
    header = {m.group(1).casefold() for m in _STAGE.finditer(f"{col.group_label} {col.label} {col.stage_label}")}
    return bool(said and header and not said & header)


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
    """The content words of ``text`` in order, each token's in its own order
    ("Rất HL" says "rất", "hài", "lòng": never in an order a hash decides)."""
    return [w for t in text.split() for w in ordered_words(t) if w not in _BARE_FOLDED and not w.isdigit()]


def _value(table: ScoreTable, row: int, key: str) -> Decimal | None:
    r = table.rows[row]
    v = r.total if key == "total" else r.scores.get(key, r.extra.get(key))
    return v if isinstance(v, Decimal) else None


def _vi(value: Decimal) -> str:
    return format_vi(value, places_of(value), fixed=True)


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


def _counts_other(columns: list[Named], col: Named, noun: str, head: str = "") -> bool:
    """Whether what is counted names another column of ``col``'s table in
    words ``col`` has not: "18.837 lượt rất hài lòng" is not "Tổng số lượt
    đánh giá" when "Rất hài lòng" heads a column beside it, "275 hồ sơ trực
    tuyến" is not "Tiếp nhận" beside "Trực tuyến". The ``head`` every count
    counts ("hồ sơ") names none: "Số hồ sơ tiếp nhận" is not named by it."""
    said = _content(noun) - _content(head) - col.words - col.group
    others = frozenset().union(*(c.words | c.group for c in columns if c.table is col.table and c is not col))
    return bool(said & others)


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
    """The row most of the paragraph's points agree with (two at least, alone);
    the table's one row of figures (a unit's own sheet) whatever they say."""
    table = pairs[0][1].table
    filled = [i for i in range(len(table.rows)) if any(_value(table, i, col.key) is not None for _, col in pairs)]
    if len(filled) == 1:
        return filled[0]
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
            if not hits and before.strip() != sentence.strip():
                # a name with a comma in it ("Nhóm Công khai, minh bạch đạt 9,6/18 điểm"): the clause is the name's
                hits = [c for c in _named(columns, sentence, sentence) if c.max == st.denominator and "," in c.label]
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
