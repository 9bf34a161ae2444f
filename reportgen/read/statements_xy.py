"""Figures written x/y in the prose: "41.210/88.905 cán bộ", "06/17 cơ quan",
"16,97/20 điểm", "xếp thứ 43/63", each a statement of its own (a fraction, a
score or a rank, by the words around it), with the share said right after it
("06/17 cơ quan (chiếm 35,29%)", "8,09/12 điểm, 67,42%") as a share of the
denominator. A month ("tháng 5/2024") or a day and month ("ngày 1/7") is none.
Points written alone with their share ("điểm thẩm định đạt 42,25 điểm,
tương đương 83,66%") are a share of the one maximum the paragraph states.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Statement, StatementKind
from .statements_blocks import Block
from .statements_counts import count_value, percent_value
from .statements_grades import grade_after, grade_names_masked

# x/y with comma decimals ("16,97/20") or dot thousands ("41.210/88.905"); never a document's
# number whose symbol a scan read with digits ("Công văn số 1532/11PVHCC-NV" for TTPVHCC): a
# capital right after the denominator is a symbol's.
_FRACTION_NUM = r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
_FRACTION = re.compile(r"(?<![\d/.,])" + _FRACTION_NUM + r"\s*/\s*" + _FRACTION_NUM + r"(?![\d/A-ZĐ]|[.,]\d)")


def _fraction_values(x: str, y: str) -> tuple[Decimal, Decimal] | None:
    """The values of x/y; dot groups are thousands (41.210/88.905), but never
    in 13.951/15 (a decimal written with a dot: more than its whole)."""
    xv = count_value(x) if "," not in x else Decimal(x.replace(",", "."))
    yv = count_value(y) if "," not in y else Decimal(y.replace(",", "."))
    if xv is None or yv is None:
        return None
    if "." in x and "." not in y and xv > yv:
        return None  # "13.951/15": a decimal written with a dot, not thousands
    return xv, yv
# A formula's operand: x/y right after or before an operator ("điểm = Tỷ lệ × 6/90", "6/90 × Tỷ lệ").
_OPERATOR_BEFORE = re.compile(r"(?:[×*=÷+]|(?<!\w)x)\s*$")
_OPERATOR_AFTER = re.compile(r"\s*(?:[×*÷]|x(?!\w))")
_DAY_MONTH = re.compile(r"(?<!\w)ngày\s*$", re.I)
_RANK_BEFORE = re.compile(r"(?:xếp\s+hạng|thứ\s+hạng|vị\s+trí|hạng)\s*(?:thứ\s*)?:?\s*$", re.I)


def fraction_statements(block: Block, scope: str | None) -> list[Statement]:
    """The x/y figures of ``block`` and the shares said right after them."""
    out = []
    text = block.text
    for m in _FRACTION.finditer(text):
        x, y = m.group(1), m.group(2)
        values = _fraction_values(x, y)
        if values is None:
            continue
        xv, yv = values
        if re.fullmatch(r"(?:19|20)\d\d", y) and xv <= 12:
            continue  # a month: "tháng 5/2024"
        before = text[max(0, m.start() - 25):m.start()]
        if _DAY_MONTH.search(before) and 1 <= xv <= 31 and 1 <= yv <= 12 and "," not in x + y:
            continue  # a day and a month: "từ ngày 1/7 đến nay", "trước ngày 20/11"
        after = text[m.end():m.end() + 12]
        if _OPERATOR_BEFORE.search(before) or _OPERATOR_AFTER.match(after):
            continue  # an operand of a formula: "điểm = Tỷ lệ × 6/90"
        if _RANK_BEFORE.search(before):
            kind = StatementKind.RANK
        elif "," in x or "," in y or re.match(r"\s*điểm", after, re.I):
            kind = StatementKind.SCORE
        else:
            kind = StatementKind.FRACTION
        out.append(Statement(kind=kind, text=m.group(0), paragraph=block.index, page=block.page, numerator=xv,
                             denominator=yv, scope=scope, context=text[max(0, m.start() - 40):m.end() + 30],
                             at=m.start(),  # "đạt 78,19/100 điểm, xếp loại Khá": the grade said of the points
                             grade_written=grade_after(text, m.end()) if kind == StatementKind.SCORE else None))
        # "06/17 cơ quan (chiếm 35,29%)": a share of the denominator
        # (an official's grade named between them is a name: "4/9 công chức xếp loại Hoàn thành 100% nhiệm vụ, chiếm …")
        share = (_FRACTION_SHARE if kind == StatementKind.FRACTION else _SCORE_SHARE).match(grade_names_masked(text),
                                                                                             m.end())
        if share is None and kind == StatementKind.SCORE:
            share = _SCORE_SHARE_AFTER_CHANGE.match(text, m.end())
        if share and kind == StatementKind.FRACTION and _LEVEL_REACHED.match(text, share.end()) \
                and _REACH_VERB.search(text[m.end():share.start(1)]):
            share = None  # "02/03 xã đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn": the level each unit reached
        if kind in (StatementKind.FRACTION, StatementKind.SCORE) and share and yv:
            pct = percent_value(share.group(1))
            if pct is not None:
                out.append(Statement(kind="share", text=text[m.start():share.end()], paragraph=block.index,
                                     page=block.page, value=xv, whole=yv, percent=pct[0], scope=scope,
                                     wrong_separator=pct[1], percent_written=share.group(1) + "%"))
    return out


# The words between "x/y" and its share may hold a band ("có kết quả đạt từ
# 80% đến dưới 100%, chiếm tỷ lệ 73,33%"), never the end of a sentence; the share
# may be said the same figure ("đạt 22.795/23.335 phiếu, tương ứng 97,69%"), or named
# after a comma ("hoàn thành 40/45 nhiệm vụ, tỷ lệ 88,89%").
_FRACTION_SHARE = re.compile(r"\s+(?:(?:[^\W\d][\w&]*|(?:từ|dưới|trên|đến)\s+\d+(?:,\d+)?\s*%(?:\s+trở\s+lên)?),?\s+)"
                             r"{0,16}?(?:[(,]?\s*(?:chiếm|bằng|đạt|(?:tương\s+ứng|tương\s+đương)(?:\s+với)?)(?:\s+tỷ\s+lệ)?"
                             r"|(?:,\s*|(?<=,\s))(?:tỷ|tỉ)\s+lệ(?:\s+(?:đạt|là))?)\s*:?\s*(\d+(?:[.,]\d+)?)\s*%", re.I)


# A percent of dossiers, procedures, votes … reached by the units counted ("có 8/12 xã đạt tỷ lệ 100% hồ
# sơ giải quyết đúng hạn"): the level each reached, not their share of the whole ("35/45 nhiệm vụ (đạt
# 77,8% theo kế hoạch)" is a share).
_LEVEL_REACHED = re.compile(r"\s*(?:hồ\s+sơ|thủ\s+tục|TTHC|dịch\s+vụ|phiếu|lượt|kết\s+quả)(?!\w)", re.I)
_REACH_VERB = re.compile(r"(?<!\w)(?:đạt(?:\s+(?:tỷ|tỉ)\s+lệ)?|(?:tỷ|tỉ)\s+lệ(?:\s+(?:đạt|là))?)\s*:?\s*$", re.I)
# "8,09/12 điểm, 67,42%", "18/18 điểm (đạt 100%)": the percent right after a score is its share.
# "80,97/100 điểm, tương ứng Chỉ số CCHC đạt 81,0%": the same figure said as a percent, under its name.
_SCORE_SHARE = re.compile(r"\s*(?:điểm\s*)?[,;(]?\s*"
                          r"(?:(?:tương\s+ứng|tương\s+đương)(?:\s+(?:với\s+)?[^\W\d][\w]*){0,5}?\s+)?(?:(?:đạt|chiếm|bằng|là)\s*(?:tỷ\s+lệ\s*)?:?\s*)?"
                          r"(\d+(?:[.,]\d+)?)\s*%", re.I)
# "17,951/20 điểm, giảm 1,549 điểm so với điểm tự đánh giá; tương ứng Chỉ số CCHC đạt 89,76%": past a
# change of the points, only words that say the percent is the same figure ("tương ứng") join them.
_SCORE_SHARE_AFTER_CHANGE = re.compile(
    r"\s*(?:điểm\s*)?,\s*(?:tăng|giảm)\s+\d+(?:[.,]\d+)?\s*điểm(?:\s+so\s+với[^;,.%\d]{0,60})?\s*[,;]\s*"
    r"(?:tương\s+ứng|tương\s+đương)(?:\s+(?:với\s+)?[^\W\d][\w]*){0,5}?\s+(?:(?:đạt|chiếm|bằng|là)\s*(?:tỷ\s+lệ\s*)?:?\s*)?"
    r"(\d+(?:[.,]\d+)?)\s*%", re.I)


# Points said alone with the percent they make: "điểm thẩm định đạt 42,25 điểm, tương đương 83,66%".
# Its maximum may be said between them: "được 83,97 điểm trên 90 điểm tối đa áp dụng, đạt tỷ lệ 93,30%".
_POINTS_SHARE = re.compile(r"(?<![\d.,/])(\d+(?:,\d+)?)\s*điểm"
                           r"(?:\s+trên\s+(?P<of>\d+(?:,\d+)?)\s*điểm(?:\s+tối\s+đa)?(?:\s+[^\W\d,;.]+){0,3})?"
                           r"\s*[,;(]?\s*(?:tương\s+đương|tương\s+ứng|bằng|đạt)"
                           r"(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*:?\s*(\d+(?:[.,]\d+)?)\s*%", re.I)
# The maximum a paragraph states: "Tổng điểm tối đa … là 50,50 điểm", "điểm tối đa 50,5".
_MAXIMUM = re.compile(r"(?<!\w)tối\s+đa(?:[^\d;.]{0,80}?\s(?:là|:)|\s*:?)\s*(\d+(?:,\d+)?)\s*(?:điểm)?", re.I)


def points_shares(block: Block, scope: str | None, here: list[Statement]) -> list[Statement]:
    """Points written alone with their percent, as a share of the maximum:
    the one maximum the paragraph states, in words ("Tổng điểm tối đa … là
    50,50 điểm") or as the whole of its points x/y ("44,25/50,50 điểm"). A
    paragraph that states two maxima says not which: none."""
    text = block.text
    wholes = {st.denominator for st in here if st.kind == StatementKind.SCORE and st.denominator}
    wholes |= {Decimal(m.group(1).replace(",", ".")) for m in _MAXIMUM.finditer(text)}
    out = []
    for m in _POINTS_SHARE.finditer(text):
        points, pct = Decimal(m.group(1).replace(",", ".")), percent_value(m.group(3))
        if m.group("of"):  # its own maximum, said between them
            whole = Decimal(m.group("of").replace(",", "."))
        elif len(wholes) == 1:
            [whole] = wholes
        else:
            continue  # a paragraph that states two maxima says not which
        if pct is None or points > whole:
            continue
        out.append(Statement(kind="share", text=m.group(0), paragraph=block.index, page=block.page, value=points,
                             whole=whole, percent=pct[0], scope=scope, wrong_separator=pct[1],
                             percent_written=m.group(3) + "%"))
    return out

