"""Counts of units in bands of one figure held to their whole: "Có 05/6 xã,
phường đạt từ 80 điểm trở lên; 02/6 xã, phường đạt dưới 80 điểm" counts
seven of six units.

Bands that do not overlap count different units, so their counts add up to
at most the whole they are of; bands that together cover every figure (one
from a point up, the other below it) add up to the whole exactly. This holds
whether or not the table is in the document, so it needs none.

Only counts of one measure in one paragraph, of the same whole, and with the
same words for what is measured ("xã có tỷ lệ đúng hạn" is not "xã có tỷ lệ
hài lòng") are taken together; a later count may leave those words out
("…; 02/6 dưới 80 điểm").
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Statement
from ..text.names import name_key
from .prose_bands import _band_words, _bands, _count_words, _n
from .prose_counts import finding_at, vi_number
from .registry import CheckContext, rule

# Words that say nothing of what is measured ("có", "đạt", "kết quả").
_FILLER = re.compile(r"(?<!\w)(?:có|co|đạt|dat|được|duoc|kết quả|ket qua|là|la|với|voi|mức|muc)(?!\w)")


def _measured(report: Report, st: Statement) -> str | None:
    """The words between a count and its band, less what is counted: what
    the band is a band of ("có tỷ lệ đúng hạn"); None when not found."""
    para = next((p for p in report.paragraphs if p.index == st.paragraph), None)
    if para is None or st.at is None or not st.band or not st.band.text:
        return None
    start = st.at + len(st.text or "")
    end = para.text.find(st.band.text, start)
    if end < 0 or end - start > 120:
        return None
    # and the band's own words before its range ("có tỷ lệ hồ sơ đúng hạn" of "… từ 95% trở lên")
    words = para.text[start:end] + " " + re.split(r"(?<!\w)(?:từ|dưới|trên)\s+\d|\d", st.band.text)[0]
    if st.noun:
        words = words.replace(st.noun, " ")
    words = _FILLER.sub(" ", words.casefold())
    return name_key(re.sub(r"[^\w%]+", " ", words)).strip()


def _disjoint(a: Statement, b: Statement) -> bool:
    """Whether two bands share no figure (each is low ≤ x < high)."""
    (la, ha), (lb, hb) = (a.band.low, a.band.high), (b.band.low, b.band.high)
    return (ha is not None and lb is not None and ha <= lb) or (hb is not None and la is not None and hb <= la)


def _covering(bands: list[Statement]) -> bool:
    """Whether the bands, laid end to end, cover every figure."""
    order = sorted(bands, key=lambda b: (b.band.low is not None, b.band.low or Decimal(0)))
    if order[0].band.low is not None or order[-1].band.high is not None:
        return False
    return all(x.band.high is not None and x.band.high == y.band.low for x, y in zip(order, order[1:]))


def _groups(report: Report) -> list[list[Statement]]:
    """Band counts of one paragraph, one whole, one measure and one measured
    quantity, in the order they are written."""
    by_key: dict[tuple, list[Statement]] = defaultdict(list)
    for st in _bands(report):
        if st.paragraph is None or st.denominator is None:
            continue
        by_key[(st.paragraph, st.denominator, st.band.unit)].append(st)
    out = []
    for sts in by_key.values():
        sts.sort(key=lambda s: s.at if s.at is not None else 0)
        group: list[Statement] = []
        words = None
        for st in sts:
            mine = _measured(report, st)
            if mine is None:
                continue
            if not group:
                group, words = [st], mine
            elif mine in ("", words):
                group.append(st)
        if len(group) >= 2 and all(_disjoint(a, b) for i, a in enumerate(group) for b in group[i + 1:]):
            out.append(group)
    return out


@rule("SUM_MISMATCH", "Số đơn vị theo các khoảng không giao nhau cộng lại khác tổng số đơn vị")
def band_counts_within_whole(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: các số đơn vị theo từng khoảng điểm hay tỷ lệ của cùng một đại lượng,
    cùng một tổng, nêu trong một đoạn ("Có 05/6 xã đạt từ 80 điểm trở lên; 02/6 xã đạt
    dưới 80 điểm"): các khoảng không giao nhau thì tổng các số không vượt tổng số; các
    khoảng phủ mọi giá trị (từ X trở lên và dưới X) thì tổng các số bằng tổng số.
    Vì sao: mỗi đơn vị chỉ có một kết quả, nằm trong đúng một khoảng; số đếm tay lệch thì
    các phần không còn cộng lại bằng tổng, dù văn bản không kèm bảng.
    Ví dụ sai: "Có 05/6 xã đạt từ 80 điểm trở lên; 02/6 xã đạt dưới 80 điểm" (5 + 2 = 7).
    Ví dụ đúng: "Có 04/6 xã đạt từ 80 điểm trở lên; 02/6 xã đạt dưới 80 điểm"."""
    for group in _groups(report):
        whole = group[0].denominator
        total = sum((Decimal(_n(st)) for st in group), Decimal(0))
        covering = _covering(group)
        for st in group:
            ctx.ledger.statement_checked(st, "band-counts-within-whole")
        parts = " + ".join(f"{_count_words(st)} ({_band_words(st)})" for st in group)
        if total > whole:
            yield finding_at("SUM_MISMATCH", "error",
                             f"Số đơn vị theo các khoảng {parts} = {vi_number(total)}, vượt tổng số "
                             f"{vi_number(whole)} đơn vị: các khoảng không giao nhau nên mỗi đơn vị chỉ được đếm "
                             "một lần", group[0], reported=str(total), expected=str(whole))
        elif covering and total < whole:
            yield finding_at("SUM_MISMATCH", "warning",
                             f"Số đơn vị theo các khoảng {parts} = {vi_number(total)}, ít hơn tổng số "
                             f"{vi_number(whole)} đơn vị, dù các khoảng phủ mọi mức (có đơn vị chưa có kết quả?)",
                             group[0], reported=str(total), expected=str(whole))
