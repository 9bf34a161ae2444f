"""A rank and how far it moved since an earlier one the sentence gives: "xếp
thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với quý trước (xếp thứ 15/34)".
Moving up ("tăng", "vượt", "lên") makes the rank's number smaller: 15 − 3 =
12; moving down ("giảm", "tụt", "xuống") larger. The three figures hold each
other whatever the ranking is over (a national one no table lists): the
earlier rank must be written beside the change, in brackets or after "từ"
("tăng 3 bậc, từ thứ 15 lên thứ 12"); a change with no earlier rank stays
as it was (outside the document).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report, StatementKind
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
                said = _wrong_move(a, b, move)
                if said is not None:
                    yield Finding(code="CHANGE_MISMATCH", severity="error",
                                  message=f"Văn bản nêu xếp thứ {a}, {move.group('dir')} {k} bậc so với thứ hạng trước "
                                          f"(thứ {b}); từ thứ {b} đến thứ {a} là {said}",
                                  paragraph=p.index, page=p.page, reported=str(k), expected=str(abs(b - a)))


def _wrong_move(a: int, b: int, move: re.Match[str]) -> str | None:
    """None when moving ``move``'s k places from rank ``b`` gives rank ``a`` (up makes the number smaller), else
    the move those ranks make ("tăng 2 bậc", "giữ nguyên thứ hạng")."""
    k, up = int(move.group("k")), move.group("dir").casefold() in _UP
    if (b - a if up else a - b) == k:
        return None
    moved = b - a
    return f"{'tăng' if moved > 0 else 'giảm'} {abs(moved)} bậc" if moved else "giữ nguyên thứ hạng"


def _from_to(report: Report, ctx: CheckContext, p, sentence: str) -> Iterator[Finding]:
    """A move whose two ranks follow it ("Phường Hòa Bình tăng 3 bậc (từ thứ 10 lên thứ 8)"): 10 − 8."""
    for move in _MOVE.finditer(sentence):
        ranks = _FROM_TO.match(sentence, move.end())
        if ranks is None:
            continue
        a, b, k = int(ranks.group("a")), int(ranks.group("b")), int(move.group("k"))
        _held(report, ctx, p.index, {a, b}, k)
        said = _wrong_move(a, b, move)
        if said is not None:
            yield Finding(code="CHANGE_MISMATCH", severity="error",
                          message=f"Văn bản nêu {move.group('dir')} {k} bậc (từ thứ {b} {'lên' if a < b else 'xuống'} "
                                  f"thứ {a}), nhưng từ thứ {b} đến thứ {a} là {said}",
                          paragraph=p.index, page=p.page, reported=str(k), expected=str(abs(b - a)))


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
