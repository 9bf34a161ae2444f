"""Two shares of one whole that are each other's rest: "hồ sơ xử lý đúng hạn
đạt 96,9%; hồ sơ trễ hạn chiếm tỷ lệ 3,1%", "hài lòng 95,2%, không hài lòng
4,8%". Nothing else of the document may give the whole, yet the two percents
hold each other: they add up to 100 (each rounded to its places).

A pair is two lone percents of one sentence (none in brackets, no third
there) of one thing (what one clause names beyond its form words, the other
names too: not two units' rates) whose words say so: one on time ("đúng hạn", "trước hạn", "đúng
hẹn"), the other late ("trễ hạn", "quá hạn", "chậm"); or the second is the
first's words negated ("không hài lòng" after "hài lòng", "chưa đạt" after
"đạt"). Read on the statements the reader kept, their clause words.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..coverage import CLAIM_BOUND_RELATIONS
from ..model import Finding, Report, Statement, StatementKind
from ..numbers import places_of
from .prose_counts import finding_at, vi_number
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)
_ON_TIME = re.compile(r"(?<!\w)(?:đúng|trước)\s+(?:hạn|hẹn)(?!\w)", re.I)
_LATE = re.compile(r"(?<!\w)(?:(?:trễ|quá|chậm|trễ)\s+(?:hạn|hẹn)|chậm\s+trễ)(?!\w)", re.I)
_NEGATED = re.compile(r"(?<!\w)(?:không|chưa)\s+(?P<w>[^\W\d_]+(?:\s+[^\W\d_]+)?)", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")
_FIGURE = re.compile(r"\d[\d.,]*\s*%?")


def _subject(st: Statement) -> str:
    """The words of a percent's own clause: after the last figure before it,
    brackets left out."""
    clause = _BRACKETED.sub(" ", st.clause or "")
    cut = max((m.end() for m in _FIGURE.finditer(clause)), default=0)
    return " ".join(clause[cut:].split())


def _in_brackets(st: Statement) -> bool:
    clause = st.clause or ""
    return clause.rfind("(") > clause.rfind(")")


# Words that say how a rate is stated or which side it is, not what it is of.
_FORM = frozenset("đạt chiếm là bằng tỷ tỉ lệ có với được và của các số đúng trước trễ quá chậm hạn hẹn không "
                  "chưa".split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.casefold()))


def _same_subject(a: str, b: str) -> bool:
    """Whether the two clauses are of one thing: what one names beyond its
    form words the other names too ("hồ sơ trễ hạn" of "hồ sơ xử lý đúng
    hạn"; not "xã Tân Hà … quá hạn" of "UBND xã Phúc Thọ … đúng hạn")."""
    wa, wb = _words(a), _words(b)
    return wb - _FORM <= wa or wa - _FORM <= wb


def _complements(a: str, b: str) -> bool:
    """Whether clause words ``a`` and ``b`` name a part and its rest, of one thing."""
    return _same_subject(a, b) and _opposed(a, b)


def _opposed(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are on time and late, or a thing and its negation."""
    if _ON_TIME.search(a) and _LATE.search(b) and not _LATE.search(a) and not _ON_TIME.search(b):
        return True
    if _LATE.search(a) and _ON_TIME.search(b) and not _ON_TIME.search(a) and not _LATE.search(b):
        return True
    for first, second in ((a, b), (b, a)):
        m = _NEGATED.search(second)
        if m and not _NEGATED.search(first):
            word = m.group("w").split()[0].casefold()
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", first.casefold()):
                return True
    return False


def _pairs(report: Report) -> list[tuple[Statement, Statement]]:
    """The complementary pairs of lone percents, one sentence each."""
    by_sentence: dict[tuple, list[Statement]] = {}
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.percent is None or st.at is None:
            continue
        before = st.before or ""
        start = st.at - len(before) + max(before.rfind(". "), -1) + 1  # the sentence's start in the paragraph
        by_sentence.setdefault((st.paragraph, start), []).append(st)
    out = []
    for sts in by_sentence.values():
        loose = [st for st in sts if not _in_brackets(st)]
        if len(loose) != 2:
            continue
        a, b = loose
        if _complements(_subject(a), _subject(b)):
            out.append((a, b))
    return out


@rule("SUM_MISMATCH", "Hai tỷ lệ là phần và phần còn lại của cùng một tổng nhưng không cộng lại bằng 100%")
def complementary_shares(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: hai tỷ lệ trong cùng một câu, một là phần (đúng hạn, hài lòng, đạt), một là
    phần còn lại (trễ hạn, quá hạn, không hài lòng, chưa đạt) của cùng một tổng: cộng lại phải
    bằng 100% (sai lệch không quá mức làm tròn của mỗi số).
    Vì sao: hai tỷ lệ này thường chép từ hệ thống; sửa một số mà quên số kia là lỗi hay gặp.
    Ví dụ sai: "hồ sơ xử lý đúng hạn đạt 95,9%; hồ sơ trễ hạn chiếm tỷ lệ 3,1%" (95,9 + 3,1 = 99).
    Ví dụ đúng: "hồ sơ xử lý đúng hạn đạt 96,9%; hồ sơ trễ hạn chiếm tỷ lệ 3,1%"."""
    for a, b in _pairs(report):
        if all(ctx.ledger.statement_relations(st) - CLAIM_BOUND_RELATIONS for st in (a, b)):
            continue  # each is held to its own counts: a slip in either is found there, once
        for st in (a, b):
            ctx.ledger.statement_checked(st, "complement-sum")
        total = a.percent + b.percent
        slack = sum((Decimal(5).scaleb(-(places_of(st.percent) + 1)) for st in (a, b)), Decimal(0))
        if abs(total - _HUNDRED) <= slack:
            continue
        # close to 100 the two are surely meant as a part and its rest; far off, a third part may be left out
        severity = "error" if abs(total - _HUNDRED) <= 10 else "warning"
        shown = [a.written or a.text, b.written or b.text]
        yield finding_at("SUM_MISMATCH", severity,
                         f"Hai tỷ lệ {shown[0]} ({_subject(a)}) và {shown[1]} ({_subject(b)}) là phần và phần còn lại "
                         f"của cùng một tổng nhưng cộng lại được {vi_number(total)}%, không phải 100%", b,
                         reported=str(total), expected="100")
