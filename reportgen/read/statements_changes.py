"""Changes the prose states against an earlier figure it also gives:
"đạt 83,27 điểm, tăng 2,12 điểm so với quý II năm 2026 (81,15 điểm)",
"tiếp nhận 2.145 hồ sơ, tăng 12,54% so với cùng kỳ (1.906 hồ sơ)". The
figure is the last one of the clause before "tăng"/"giảm", the earlier one
the figure in brackets after "so với …"; the change is a difference in the
figures' own unit, or a percent of the earlier figure (a relative change).
A change in times ("tăng 1,5 lần so với năm 2023 (30.000 lượt)") is the
figure over the earlier one, or the growth over it (offices write both); a
percent "of" the earlier figure ("bằng 105,2% so với cùng kỳ (2.229,7 tỷ
đồng)") is the figure over it × 100, for counts and amounts.
Three figures of one sentence: the arithmetic they obey is the check.
"""
from __future__ import annotations

import re

from ..model import Measure, Statement, StatementKind
from ..numbers import NotANumber, parse_vi_number
from .statements_blocks import Block, split_sentences


def _num(name: str) -> str:
    """A vi_VN figure (dot thousands, comma decimals) as the named group."""
    return rf"(?<![\d.,/])(?P<{name}>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d)"


def _unit(name: str, words: int = 2) -> str:
    """What a figure counts, as the named group: %, điểm (phần trăm), a noun
    of up to ``words`` words."""
    return rf"(?P<{name}>%|điểm\s+phần\s+trăm|điểm|[^\W\d]\w*(?:\s+[^\W\d]\w*){{0,{words - 1}}})?"


_CHANGE = re.compile(r"(?<!\w)(?P<dir>tăng|giảm)(?:\s+(?:thêm|được))?\s+" + _num("d") + r"\s*" + _unit("du")
                     + r"[^.;()]{0,40}?(?<!\w)so\s+với(?!\w)[^.;()\d]{0,60}?(?:\d{4}[^.;()\d]{0,20}?)?"
                     r"\(\s*(?:là\s+|đạt\s+)?" + _num("b") + r"\s*" + _unit("bu", 6) + r"\s*\)", re.I)
# "bằng 105,2% so với cùng kỳ năm 2023 (2.229,7 tỷ đồng)": the figure as a percent of the earlier one.
_RATIO = re.compile(r"(?<!\w)(?:bằng|đạt)\s+" + _num("d") + r"\s*(?P<du>%)\s*(?:so\s+với|của)(?!\w)[^.;()\d]{0,60}?"
                    r"(?:\d{4}[^.;()\d]{0,20}?)?\(\s*(?:là\s+|đạt\s+)?" + _num("b") + r"\s*" + _unit("bu", 6)
                    + r"\s*\)", re.I)
_FIGURE = re.compile(_num("x") + r"\s*(?P<xu>%|điểm|[^\W\d]\w*)?", re.I)


def _value(text: str):
    try:
        return parse_vi_number(text, "auto").value
    except NotANumber:
        return None


def _unit_kind(unit: str | None) -> str:
    u = " ".join((unit or "").casefold().split())
    if u == "%":
        return "percent"
    if u == "lần":
        return "times"
    if u == "điểm phần trăm":
        return "points-of-percent"
    if u.startswith("điểm"):
        return "points"
    return "count" if u else ""


def change_statements(block: Block, scope: str | None, known: list[Statement]) -> list[Statement]:
    """The change claims of ``block``, each with its figure (``value``), the
    earlier figure (``whole``), the signed change (``parts[0]``) and whether
    the change may be a percent of the earlier figure (``percent`` set to
    it; ``measure`` PERCENT when it can be nothing else: a count that grew
    by a percent).
    The change and the earlier figure, read before as lone figures
    (``known``), are figures of the change: no statistic, no claim of their own."""
    out: list[Statement] = []
    offset = 0
    for sentence in split_sentences(block.text):
        at = block.text.find(sentence, offset)
        offset = max(offset, at)
        for m in [*_CHANGE.finditer(sentence), *_RATIO.finditer(sentence)]:
            clause = sentence[:m.start()]
            clause = clause[max(clause.rfind(";"), 0):]
            figures = [f for f in _FIGURE.finditer(clause) if not re.fullmatch(r"(?:19|20)\d\d", f.group("x"))]
            if not figures:
                continue
            x = figures[-1]
            value, base, change = _value(x.group("x")), _value(m.group("b")), _value(m.group("d"))
            if value is None or base is None or change is None:
                continue
            x_kind, d_kind, b_kind = _unit_kind(x.group("xu")), _unit_kind(m.group("du")), _unit_kind(m.group("bu"))
            if b_kind and x_kind and b_kind != x_kind and not (b_kind == "count" and x_kind == "count"):
                continue  # the bracket gives another quantity
            ratio = m.re is _RATIO
            if ratio and (x_kind != b_kind or x_kind not in ("count", "points")):
                continue  # "bằng 93% so với …" of a rate: a ratio of rates or a rate of something else
            signed = change if ratio or m.group("dir").casefold() == "tăng" else -change
            relative = d_kind == "percent" and x_kind != "percent"
            either = d_kind == "percent" and x_kind == "percent"  # "tăng 2,1%" of a rate: points or relative
            compare = "ratio" if ratio else "times" if d_kind == "times" else None
            out.append(Statement(kind=StatementKind.CHANGE, text=sentence[m.start():m.end()], paragraph=block.index,
                                 page=block.page, value=value, whole=base, parts=[signed], scope=scope,
                                 percent=signed if relative or either else None, written=x.group("x"),
                                 measure=Measure.PERCENT if relative else None, compare=compare,
                                 at=(at if at >= 0 else 0) + m.start(), context=sentence, claim=True,
                                 clause=sentence[:m.start()]))
            start = out[-1].at
            for st in known:
                if st.paragraph == block.index and st.at is not None and start <= st.at < start + len(m.group(0)):
                    st.stat, st.claim = None, False
    return out
