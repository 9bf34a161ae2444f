"""A rank and how far it moved since an earlier one the sentence gives: "xếp
thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với quý trước (xếp thứ 15/34)".
Moving up ("tăng", "vượt", "lên") makes the rank's number smaller: 15 − 3 =
12; moving down ("giảm", "tụt", "xuống") larger. The three figures hold each
other whatever the ranking is over (a national one no table lists): the
earlier rank must be written beside the change, in brackets or after "từ"
("tăng 3 bậc, từ thứ 15 lên thứ 12").

A move of a unit with no rank beside it ("Sở Tư pháp tăng 4 bậc so với kỳ
trước") is held to the unit's row in a table that ranks two periods: its
two rank columns ("Xếp hạng Quý trước | Quý này", the earlier first), else
its one change column of ranks ("Tăng (+)/giảm (-) bậc", up positive). A
move of no unit of the tables stays as it was (a national ranking no table
lists).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreTable, StatementKind
from ..text.counts import unit_named
from ..text.dates import period_bounds, period_of
from ..text.names import same_unit
from .registry import CheckContext, rule

_RANK = (r"(?:xếp\s+(?:thứ|hạng)|đứng\s+(?:thứ|hạng)|thứ\s+hạng|vị\s+trí)\s*(?:thứ\s*)?:?\s*"
         r"(?P<{n}>\d{{1,3}})(?:/(?P<{n}of>\d{{1,3}}))?")
_NOW = re.compile(_RANK.format(n="a"), re.I)
_MOVE = re.compile(r"(?<!\w)(?P<dir>tăng|vượt|lên|giảm|tụt|xuống)\s+(?P<k>\d{1,2})\s+(?:bậc|hạng|vị\s+trí)(?!\w)", re.I)
# the earlier rank: "(xếp thứ 15/34)", "(năm 2024 xếp thứ 15)", "(thứ 15)", "từ thứ 15"
_THEN = re.compile(r"\([^()]*?(?:thứ|hạng)\s*(?:thứ\s*)?(?P<b>\d{1,3})(?:/(?P<bof>\d{1,3}))?[^()\d]*\)"
                   r"|(?<!\w)từ\s+(?:vị\s+trí\s+)?(?:thứ|hạng)\s*(?P<b2>\d{1,3})(?!\d)", re.I)
# the move's two ranks after it: "tăng 3 bậc (từ thứ 10 lên thứ 8)", "giảm 2 bậc, từ hạng 8 xuống hạng 10"
_FROM_TO = re.compile(r"\s*[(,]?\s*từ\s+(?:vị\s+trí\s+)?(?:thứ|hạng)\s*(?P<b>\d{1,3})\s+(?:lên|xuống)\s+"
                      r"(?:vị\s+trí\s+)?(?:thứ|hạng)\s*(?P<a>\d{1,3})(?!\d)", re.I)
_UP = ("tăng", "vượt", "lên")
_RANK_HEAD = re.compile(r"hạng|bậc|thứ\s+bậc", re.I)
_RANK_CHANGE_HEAD = re.compile(r"tăng|giảm|thay\s+đổi|chênh|\+\s*/\s*-|±", re.I)
_SENTENCE = re.compile(r"[^.!?;]+")


@rule("CHANGE_MISMATCH", "Số bậc tăng, giảm của thứ hạng khác hiệu của thứ hạng nay và thứ hạng trước nêu kèm")
def rank_change(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: thứ hạng nay, số bậc tăng (giảm) và thứ hạng trước nêu trong cùng
    một câu: tăng k bậc thì thứ hạng nay = thứ hạng trước − k, giảm k bậc thì
    = thứ hạng trước + k.
    Vì sao: ba con số ấy được gõ tay từ hai kỳ khác nhau; sửa một mà quên hai số kia là
    sai sót hay gặp, và người đọc không có bảng xếp hạng toàn quốc để đối chiếu.
    Ví dụ sai: "xếp thứ 12/34 tỉnh, thành phố, tăng 2 bậc so với quý trước (xếp thứ
    15/34)" (15 − 12 = 3 bậc).
    Ví dụ đúng: "xếp thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với quý trước (xếp thứ
    15/34)"."""
    for p in report.paragraphs:
        for s in _SENTENCE.finditer(p.text):
            sentence = s.group(0)
            yield from _from_to(report, ctx, p, sentence)
            yield from _of_a_unit(report, ctx, p, sentence)
            for now in _NOW.finditer(sentence):
                move = _MOVE.search(sentence, now.end())
                if move is None or _NOW.search(sentence, now.end(), move.start()):
                    continue  # the change belongs to a nearer rank
                then = _THEN.search(sentence, move.end())
                if then is None or _MOVE.search(sentence, move.end(), then.start()):
                    continue
                a, k = int(now.group("a")), int(move.group("k"))
                b = int(then.group("b") or then.group("b2"))
                if now.group("aof") and then.group("bof") and now.group("aof") != then.group("bof"):
                    continue  # ranked among other numbers of units: not one ranking
                _held(report, ctx, p.index, {a, b})
                yield from _if_wrong(p, a, b, move, f"xếp thứ {a}, {move.group('dir')} {k} bậc so với thứ hạng trước "
                                                    f"(thứ {b});")


def _if_wrong(p, a: int, b: int, move: re.Match[str], said: str) -> Iterator[Finding]:
    """The error of a move of ``move``'s k places that does not take rank
    ``b`` to rank ``a`` (up makes the number smaller); ``said``: what the
    sentence states, as the message quotes it."""
    k, up = int(move.group("k")), move.group("dir").casefold() in _UP
    if (b - a if up else a - b) != k:
        yield Finding(code="CHANGE_MISMATCH", severity="error",
                      message=f"Văn bản nêu {said} từ thứ {b} đến thứ {a} là {_move_words(b - a)}",
                      paragraph=p.index, page=p.page, reported=str(k), expected=str(abs(b - a)))


def _from_to(report: Report, ctx: CheckContext, p, sentence: str) -> Iterator[Finding]:
    """A move whose two ranks follow it ("Phường Hòa Bình tăng 3 bậc (từ thứ 10 lên thứ 8)"): 10 − 8."""
    for move in _MOVE.finditer(sentence):
        ranks = _FROM_TO.match(sentence, move.end())
        if ranks is None:
            continue
        a, b, k = int(ranks.group("a")), int(ranks.group("b")), int(move.group("k"))
        _held(report, ctx, p.index, {a, b}, k)
        yield from _if_wrong(p, a, b, move, f"{move.group('dir')} {k} bậc (từ thứ {b} {'lên' if a < b else 'xuống'} "
                                            f"thứ {a}), nhưng")


def _of_a_unit(report: Report, ctx: CheckContext, p, sentence: str) -> Iterator[Finding]:
    """A unit's move with no rank in its sentence ("Sở Tư pháp tăng 4 bậc so
    với kỳ trước"), held to the unit's rows in the tables that rank two
    periods (see the module)."""
    if _NOW.search(sentence) or _THEN.search(sentence):
        return  # the sentence gives a rank: the moves above hold it
    units = [r.unit for t in report.tables for r in t.rows if r.unit]
    opens = 0
    for move in _MOVE.finditer(sentence):
        if _FROM_TO.match(sentence, move.end()):
            opens = move.end()
            continue
        unit = unit_named(sentence[opens:move.start()], units)
        opens = move.end()
        if unit is None:
            continue
        found = [m for t in report.tables for i, r in enumerate(t.rows)
                 if r.unit and same_unit(r.unit, unit) for m in [_table_move(t, i)] if m is not None]
        if not found:
            continue
        k = int(move.group("k"))
        said = k if move.group("dir").casefold() in _UP else -k
        for t, i, keys, moved, how in found:
            ctx.ledger.table_checked(t.index, "rank-change", [(i, key) for key in keys])
        wrong = [f for f in found if f[3] != said]
        if not wrong:
            continue
        t, i, keys, moved, how = wrong[0]
        sure = len(found) == 1
        yield Finding(code="CHANGE_MISMATCH", severity="error" if sure else "warning",
                      message=f"Văn bản nêu {unit} {move.group('dir')} {k} bậc, nhưng bảng {t.index + 1} ghi {how}"
                              + ("" if sure else " (văn bản có nhiều bảng thứ hạng, không rõ nói tới bảng nào)"),
                      paragraph=p.index, page=p.page, table=t.index, row=i, unit=t.rows[i].unit, column=keys[-1],
                      reported=str(said), expected=str(moved))


def _table_move(table: ScoreTable, i: int) -> tuple[ScoreTable, int, list[str], int, str] | None:
    """(table, row, keys, move up, how the table gives it) of the row's
    change of rank: its two rank columns of two periods (the earlier first)
    less each other, else its change column of ranks; None when the table
    ranks one period."""
    row = table.rows[i]
    ranks = [c for c in table.columns if _RANK_HEAD.search(c.label or "")]
    changes = [c for c in ranks if _RANK_CHANGE_HEAD.search(c.label or "")]
    periods = [c for c in ranks if c not in changes]
    earlier = _earlier_first(*(c.label or "" for c in periods)) if len(periods) == 2 else None
    if earlier is False:
        periods.reverse()
    values = [row.scores.get(c.key) for c in periods]
    if earlier is not None and all(isinstance(v, Decimal) and v == int(v) and v > 0 for v in values):
        b, a = (int(v) for v in values)
        moved = b - a
        how = (f"từ thứ {b} {'lên' if moved > 0 else 'xuống'} thứ {a} ({_move_words(moved)})" if moved
               else f"giữ nguyên thứ {a}")
        return table, i, [c.key for c in periods], moved, how
    if len(changes) == 1 and re.search(r"tăng", changes[0].label or "", re.I):
        v = row.scores.get(changes[0].key)
        if isinstance(v, Decimal) and v == int(v):
            return table, i, [changes[0].key], int(v), f"“{changes[0].label}”: {_move_words(int(v))}"
    return None


_EARLIER_WORDS = re.compile(r"trước|cùng\s+kỳ|năm\s+ngoái", re.I)
_LATER_WORDS = re.compile(r"(?<!\w)(?:này|nay|hiện\s+tại)(?!\w)", re.I)


def _earlier_first(first: str, second: str) -> bool | None:
    """Whether the first of two rank headers is of the earlier period: by
    the periods they name ("Quý I/2026 | Quý II/2026"), else by their words
    ("Quý trước | Quý này"); None when they say neither."""
    a, b = (period_bounds(period_of(x) or "") for x in (first, second))
    if a is not None and b is not None and a != b:
        return a[1] < b[1]
    years = [re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", x) for x in (first, second)]
    if all(len(y) == 1 for y in years) and years[0] != years[1]:
        return years[0][0] < years[1][0]  # "Hạng 2025 | Hạng 2026"
    for earlier, later in ((first, second), (second, first)):
        if _EARLIER_WORDS.search(earlier) and not _EARLIER_WORDS.search(later) \
                or _LATER_WORDS.search(later) and not _LATER_WORDS.search(earlier):
            return earlier is first
    return None


def _move_words(moved: int) -> str:
    return f"{'tăng' if moved > 0 else 'giảm'} {abs(moved)} bậc" if moved else "giữ nguyên thứ hạng"


def _held(report: Report, ctx: CheckContext, paragraph: int, ranks: set[int], moved: int | None = None) -> None:
    """The paragraph's rank claims of those numbers ("16/34", "xếp thứ 21") are
    checked: one written otherwise breaks the move."""
    for st in report.statements:
        if st.paragraph == paragraph and st.kind in (StatementKind.FRACTION, StatementKind.RANK) \
                and st.numerator is not None and st.numerator in ranks:
            ctx.ledger.statement_checked(st, "rank-change")
        elif moved is not None and st.paragraph == paragraph and st.kind == StatementKind.RANK \
                and st.value is not None and st.value in {*ranks, moved}:
            ctx.ledger.statement_checked(st, "rank-change")
