"""A count of the prose held to the total row of the column its words name
(the naming is :mod:`reportgen.checks.prose_named`'s).

A count ("tiếp nhận trực tiếp 275 hồ sơ") is held to the total row
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
from typing import Iterator

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi
from ..text.counts import (
    CHANGE_BEFORE,
    COUNT,
    UNITS_COUNTED,
    counted,
    of_this_period,
    unit_named,
)
from ..text.labels import stat_of
from ..text.levels import level_at
from ..text.names import same_unit
from .prose_joined_columns import _comma_joined, _early_counted_in, _joined_after, _said_together, _sum_checked
from .prose_labels import _words
from .prose_named import Named, _before, _columns, _content, _named, _value, leaf_of
from .registry import CheckContext, rule


def _no_total(noun: str, before: str) -> bool:
    """A count that is no column's total: of units ("của 07 xã, phường là …"),
    or a change ("tăng 120 hồ sơ")."""
    return bool(UNITS_COUNTED.match(noun) or CHANGE_BEFORE.search(before))


def _mismatch(ctx: CheckContext, columns: list[Named], cells: list, statements: list[Statement], said: tuple,
              unit: str | None, sure: bool, p) -> Finding | None:
    """The finding for a count that no cell of its column holds: the sum of
    the columns it names together, else its one column's (an error when
    ``sure``, a doubt otherwise). ``said``: (value, noun, before, sentence)."""
    value, noun, before, sentence = said
    col, row, v = cells[0]
    together = _said_together(columns, col, before, sentence, noun, row) \
        or _comma_joined(columns, col, before[:len(before) - len(noun)], sentence, row)
    if len(together) >= 2:  # "đúng hạn và trước hạn 3.155 hồ sơ": the sum of the columns it names
        _sum_checked(ctx, statements, together, value, row)
        return None
    if _early_counted_in(col, v, value, p.text):
        for st in statements:
            ctx.ledger.statement_checked(st, "count-vs-total-row")
        return None
    if sure:
        for st in statements:
            ctx.ledger.statement_checked(st, "count-vs-total-row")
    where = col.table.rows[row].unit
    return Finding(code="QUANTITY_CONFLICT", severity="error" if sure else "warning",
                   message=f"Văn bản nêu {format_vi(value, 0)} {noun} nhưng dòng "
                           f"“{where}” của cột “{col.label}” (bảng {col.table.index + 1}) ghi {format_vi(v, 0)}",
                   paragraph=p.index, page=p.page, table=col.table.index, column=col.key,
                   row=row if unit else None, unit=where if unit else None,
                   reported=str(value), expected=str(v))


def _as_the_unit_before(named: dict[str, Named], noun: str, hits: list[Named], exact: list[Named], before: str
                        ) -> tuple[list[Named], bool]:
    """A unit's count that names no column counts what the unit's count
    before it in the paragraph counted, of the same noun ("X nhận được nhiều
    lượt đánh giá nhất với 3.537 lượt; Y nhận được ít nhất, 733 lượt"): that
    column (and True: inherited). A count that names its column alone is
    remembered. A count whose own words say what it is, naming no column
    ("cấp xã: tổng số 8.127 hồ sơ" after "…, đang giải quyết 182 hồ sơ" of
    the level before; "trả lại, rút 13 hồ sơ"), is no sibling of the last
    count before it: nothing is inherited."""
    key = _noun_key(noun)
    if len(exact) == 1:
        named[key] = exact[0]
    if not hits and key in named and not _TOTAL_WORD.search(before) and not _content(before):
        return [named[key]], True
    return hits, False


_TOTAL_WORD = re.compile(r"(?<!\w)(?:tổng|cộng)(?!\w)", re.I)


def _noun_key(noun: str) -> str:
    return " ".join(noun.casefold().split())


def _level_or_total(table: ScoreTable, tier: str | None, words: str, totals: dict[int, int]) -> int | None:
    level = level_row(table, tier, words)
    return level if level is not None else totals.get(table.index)


def _total_rows(report: Report) -> dict[int, int]:
    """table index → its one total row ("Tổng cộng", "Toàn tỉnh")."""
    out = {}
    for t in report.tables:
        rows = [i for i, r in enumerate(t.rows) if stat_of(r.unit) == "sum" and not r.section]
        if len(rows) > 1:  # subtotals ("Cộng") of each part and the grand total ("Tổng cộng") after them
            rows = [i for i in rows if _GRAND.match(t.rows[i].unit or "")] or rows
        if not rows:  # the grand total read under the last part's heading
            rows = [i for i, r in enumerate(t.rows) if stat_of(r.unit) == "sum" and _GRAND.match(r.unit or "")]
        if len(rows) == 1:
            out[t.index] = rows[0]
    return out


_GRAND = re.compile(r"\s*(?:tổng\s+cộng|tổng\s+số|cộng\s+chung|toàn\s+(?:tỉnh|huyện|thành\s+phố|xã))\b", re.I)


def _unit_named(sentence: str, tables: list[ScoreTable]) -> str | None:
    """The unit of the tables the sentence names last before a count
    (:func:`reportgen.text.counts.unit_named`)."""
    return unit_named(sentence, [r.unit for t in tables for r in t.rows if r.unit and not stat_of(r.unit)])


_UBND = _words("UBND")


def _without(text: str, unit: str) -> str:
    """``text`` less the words of the unit's name (and "UBND" before it),
    and the verb of having that follows a unit's name ("UBND xã Gio Linh
    nhận được 3.069 lượt đánh giá" names what is counted by its last words
    only)."""
    words, raw = _words(unit) | _UBND, {t.casefold() for t in unit.split()}
    kept = " ".join(t for t in text.split() if not (_words(t) and _words(t) <= words) and t.casefold() not in raw)
    return _HAVING.sub(" ", kept)


def _unit_s_words(head: str, before: str, sentence: str, unit: str) -> tuple[str, str]:
    """The words before a unit's count and its sentence, less the unit's
    name; a count in brackets, or after "với", right after the name is named
    by the words before the unit: "Đơn vị tiếp nhận nhiều hồ sơ nhất là UBND
    phường Phú Xuân (3.558 hồ sơ)", "Lĩnh vực có số hồ sơ tiếp nhận nhiều
    nhất là Y tế với 251 hồ sơ" count what "tiếp nhận" says."""
    before, sentence = _without(before, unit), _without(sentence, unit)
    if not _content(before) and re.search(r"(?:\(|(?<!\w)với)\s*$", head):
        before = sentence
    return before, sentence


# The verbs of having or receiving, and the words that open on the unit ("Đối với", "Tại"), that say nothing
# of what a unit's count counts.
_HAVING = re.compile(r"^\s*(?:(?:đối\s+với|tại|riêng)\s*:?\s*)?(?:(?:đã|cũng)\s+)?"
                     r"(?:nhận\s+được|ghi\s+nhận|có\s+tổng\s+số|có\s+tổng|có|được)?(?!\w)", re.I)


def _row_of_unit(table: ScoreTable, unit: str) -> int | None:
    return next((i for i, r in enumerate(table.rows) if r.unit and same_unit(r.unit, unit)), None)


LEVEL_LABEL = re.compile(r"^\s*(?:ubnd\s+)?(?:cấp|khối)\s+\w", re.I)  # "Cấp tỉnh", "UBND cấp xã", "Khối sở"
WHOLE_AREA = re.compile(r"(?<!\w)(?:toàn|cả)\s+(?:tỉnh|huyện|thành\s+phố)(?!\w)", re.I)


def is_level(label: str | None, tier: str) -> bool:
    """Whether a row's or a column's label is the level ``tier`` ("Cấp tỉnh", "UBND cấp xã")."""
    return bool(label) and bool(LEVEL_LABEL.match(label)) and level_at(label, len(label)) == tier


def level_row(table: ScoreTable, tier: str | None, words: str = "") -> int | None:
    """The one row of ``table`` that is a level of ``tier`` ("Cấp tỉnh",
    "UBND cấp xã" in a summary of levels above "Toàn tỉnh"): a figure the
    prose gives of that level is its row's, never the total row's. None with
    no tier, no such row, or ``words`` about the whole area ("Toàn tỉnh
    đã giải quyết …")."""
    if not tier or WHOLE_AREA.search(words):
        return None
    rows = [i for i, r in enumerate(table.rows) if r.unit and not stat_of(r.unit) and is_level(r.unit, tier)]
    return rows[0] if len(rows) == 1 else None


def _count_statements(report: Report, paragraph: int, value: Decimal, at: int) -> list[Statement]:
    """The claims of ``paragraph`` that state ``value`` as a count (a unit's
    count, :mod:`reportgen.read.statements_unit_counts`, at ``at``)."""
    out = []
    for st in report.statements:
        if st.paragraph != paragraph:
            continue
        if st.kind == StatementKind.COUNT and st.unit and st.at == at:
            out.append(st)
        # a share's count agreeing says nothing of its percent: only one paired with its whole is checked so
        if (st.kind == StatementKind.SHARE and st.value == value and st.whole is not None) \
                or (st.kind == StatementKind.SUM and (st.whole == value or value in st.parts)):
            out.append(st)
    return out


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


# The words a count is counted in ("hồ sơ", "lượt", "phiếu"): what is counted, never a column's own words.
_CLASSIFIER = re.compile(r"^(?:hồ\s+sơ|lượt|phiếu|thủ\s+tục|tthc|người|văn\s+bản)(?!\w)", re.I)


def _classifier(noun: str) -> str:
    """The words ``noun`` is counted in, when the paragraph gives no head:
    "51 hồ sơ quá hạn" counts dossiers, and "hồ sơ" names no column of its
    own ("Số hồ sơ đang giải quyết" is not named by it)."""
    m = _CLASSIFIER.match(noun)
    return m.group(0) if m else ""


def _said_before(noun: str, text: str) -> str:
    """The longest first words of ``noun`` that ``text`` says (what a lone
    count counts, said before it: "Số hồ sơ … là 12.474 hồ sơ")."""
    words = noun.split()
    for k in range(len(words), 0, -1):
        if re.search(r"(?<!\w)" + re.escape(" ".join(words[:k])) + r"(?!\w)", text, re.I):
            return " ".join(words[:k])
    return ""


def _this_period(text: str) -> Iterator[re.Match]:
    """The counts of ``text`` but those of a clause about another period,
    and those that are no column's total (:func:`_no_total`)."""
    for m in COUNT.finditer(text):
        if of_this_period(text, m.start()) and not _no_total(counted(text, m.end()), _before(text, m.start())):
            yield m


_OF_WHICH = re.compile(r"(?<!\w)(?:trong\s+đó|bao\s+gồm|gồm)(?!\w)", re.I)


def _list_head(text: str, start: int, at: int) -> str:
    """The words of the whole a list item belongs to, when the clause of the
    count at ``at`` (from ``start``, after a semicolon) is an item of a "trong
    đó" / "gồm" list: "Tổng số hồ sơ tiếp nhận: 17.656 hồ sơ, trong đó: …;
    kỳ trước chuyển sang 679 hồ sơ" says "tiếp nhận" of the item, as a
    group over its column would. Empty otherwise."""
    opens = max((s.end() for s in re.finditer(r"[.!?]\s", text[:at])), default=0)
    lead = _OF_WHICH.search(text, opens, at)
    if lead is None or start <= lead.start():
        return ""
    return text[opens:lead.start()] + " "


_TOTAL_LABEL = re.compile(r"^\s*tổng\s+số\b|^\s*tổng\s+cộng\b", re.I)


def _narrower_than_total(col: Named, before: str) -> bool:
    """A column headed as a total ("Tổng số hồ sơ tiếp nhận", or "Tổng số" under
    "Hồ sơ tiếp nhận") that the words
    name with one word more and without "tổng": "tiếp nhận mới 4.827 hồ sơ" is
    the new dossiers, a part of that total (with those carried over), never it."""
    # "Hồ sơ tiếp nhận / Tổng số" too
    total = _TOTAL_LABEL.search(col.label or "") or _TOTAL_LABEL.search(leaf_of(col.label, col.group_label))
    if total and _NEW.search(before) and not _NEW.search(f"{col.group_label} {col.label}"):
        return True  # "Tổng số hồ sơ tiếp nhận mới là 36.362": without those carried over, never the "Tổng số"
    return bool(total) and not re.search(r"(?<!\w)tổng(?!\w)", before, re.I)


_NEW = re.compile(r"(?<!\w)mới(?!\w)|trong\s+(?:kỳ|kì)(?!\w)", re.I)
_PERCENT_HEAD = re.compile(r"%|(?<!\w)(?:tỷ|tỉ)\s+lệ(?!\w)", re.I)


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
    # a count is never a column of percents ("Thanh toán trực tuyến / Tỷ lệ (%)" beside its "Số hồ sơ")
    columns = [c for c in _columns(report) if not _PERCENT_HEAD.search(leaf_of(c.label, c.group_label))]
    if not columns:
        return
    scope = {s.paragraph: s.scope for s in report.statements if s.scope and s.paragraph is not None}
    for p in report.paragraphs:
        text = p.text
        head = _head([counted(text, m.end()) for m in COUNT.finditer(text)])
        units_named: dict[str, Named] = {}  # what a unit's count counts → the one column named for it
        confirmed: set[str] = set()  # the nouns whose named column held the unit's count
        for m in _this_period(text):
            try:
                value = Decimal(m.group(1).replace(".", ""))
            except ArithmeticError:  # pragma: no cover - guarded by the pattern
                continue
            noun = counted(text, m.end())  # "hồ sơ", "lượt rất hài lòng": what is counted
            before = _before(text, m.start())
            start = max((s.end() for s in re.finditer(r"[.!?;]\s", text[:m.start()])), default=0)
            sentence = text[start:m.start()]
            unit = _unit_named(sentence, [c.table for c in columns])
            if unit:  # the count of that unit: its words name no column
                before, sentence = _unit_s_words(text[:m.start()], before, sentence, unit)
            said_before = before  # the count's own words, what it counts aside
            before, sentence = f"{before} {noun}", f"{sentence} {noun}"
            said_head = head or _classifier(noun) or _said_before(noun, text[:m.start()])
            said = _list_head(text, start, m.start()) + sentence
            exact = _named(columns, before, said, noun, head=said_head)
            hits = exact or [c for c in _named(columns, before, said, noun, slack=1, head=said_head)
                             if not _narrower_than_total(c, before)]
            inherited = False
            if unit:
                hits, inherited = _as_the_unit_before(units_named, noun, hits, exact, said_before)
            tier = None if unit else level_at(text, m.start(), scope.get(p.index))
            rows = {id(c): _row_of_unit(c.table, unit) if unit else _level_or_total(c.table, tier, sentence, totals)
                    for c in hits}
            cells = [(c, rows[id(c)], _value(c.table, rows[id(c)], c.key)) for c in hits if rows[id(c)] is not None]
            cells = [(c, r, v) for c, r, v in cells if v is not None and v == v.to_integral() and (v > 0 or unit)]
            if not cells:
                continue
            statements = _count_statements(report, p.index, value, m.start())
            joined = _joined_after(columns, cells[0], text[m.end():], noun, said_head)
            if joined:  # "1.002 lượt hài lòng và rất hài lòng": the sum of the columns it joins
                _sum_checked(ctx, statements, joined, value, cells[0][1])
                continue
            # a unit named earlier in the sentence and the total stated after it: the total row's
            agreeing = [(c, r, v) for c, r, v in cells if v == value] or [
                (c, totals[c.table.index], value) for c, _, _ in cells
                if unit and c.table.index in totals and _value(c.table, totals[c.table.index], c.key) == value]
            for c, r, _ in agreeing or cells:
                ctx.ledger.table_checked(c.table.index, "count-vs-total-row", [(r, c.key)])
            if agreeing:
                for st in statements:
                    ctx.ledger.statement_checked(st, "count-vs-total-row")
                if unit and len(exact) == 1:
                    confirmed.add(_noun_key(noun))
                continue
            # one column, named by the words before the count and no other, or by a sibling clause whose
            # unit's count that column held ("X … nhiều lượt đánh giá nhất với 3.537 lượt; Y … ít nhất, 733 lượt")
            sure = len(cells) == 1 and (bool(exact) or (inherited and _noun_key(noun) in confirmed))
            finding = _mismatch(ctx, columns, cells, statements, (value, noun, before, sentence), unit, sure, p)
            if finding is not None:
                yield finding
