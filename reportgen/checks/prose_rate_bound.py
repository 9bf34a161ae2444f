"""A rate of the prose that is a share of a whole ("tỷ lệ hài lòng", "tỷ lệ
hồ sơ giải quyết đúng hạn", "tỷ lệ số hóa hồ sơ") is at most 100%: no more
voters are satisfied than voted, no more dossiers are on time than were
settled. A percent compared with something else ("bằng 105% so với cùng
kỳ", "đạt 104% kế hoạch", "tăng 12%") is no such share.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_vi, places_of
from .prose_counts import finding_at
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)
# "Tỷ lệ <share words> (đạt|là|…)" right before the figure: what the share is of.
_SHARE_RATE = re.compile(r"(?:tỷ|tỉ)\s+lệ\s+(?P<what>[^\d;:()]{3,90}?)\s*(?:chung\s+)?"
                         r"(?:đạt|là|chiếm|ở\s+mức)?\s*:?\s*$", re.I)
_SHARE_WORDS = re.compile(r"hài\s+lòng|đúng\s+hạn|trước\s+hạn|quá\s+hạn|trực\s+tuyến|số\s+hóa|toàn\s+trình"
                          r"|thanh\s+toán|công\s+khai|cập\s+nhật|đồng\s+bộ|được\s+giải\s+quyết|phiếu|hồ\s+sơ", re.I)
# Words of a comparison or a plan: the percent may pass 100.
_COMPARED = re.compile(r"so\s+với|kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|cùng\s+kỳ|tăng|giảm|bằng|vượt|gấp", re.I)


@rule("PERCENT_OVER_100", "Tỷ lệ một phần của tổng thể nêu trong lời văn lớn hơn 100%")
def share_rate_over_hundred(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ trong lời văn là phần của một tổng thể ("Tỷ lệ hài lòng
    đạt …", "Tỷ lệ hồ sơ giải quyết đúng hạn đạt …", "tỷ lệ số hóa hồ sơ …") không lớn
    hơn 100%. Tỷ lệ so sánh ("bằng 105% so với cùng kỳ", "đạt 104% kế hoạch", "tăng
    12%") không xét.
    Vì sao: số người hài lòng không thể nhiều hơn số người đánh giá, số hồ sơ đúng hạn
    không thể nhiều hơn số hồ sơ đã giải quyết; tỷ lệ trên 100% là gõ nhầm hoặc chia
    nhầm tổng.
    Ví dụ sai: "Tỷ lệ hài lòng chung đạt 100,17%".
    Ví dụ đúng: "Tỷ lệ hài lòng chung đạt 99,17%"."""
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or st.percent is None or st.percent <= _HUNDRED or not st.claim:
            continue
        clause = st.clause or ""
        m = _SHARE_RATE.search(re.sub(r"\([^()]*\)", " ", clause))  # "(gồm rất hài lòng và hài lòng)" aside
        if m is None or not _SHARE_WORDS.search(m.group("what")) or _COMPARED.search(m.group("what")) \
                or _COMPARED.search((st.context or "")[len(clause):]):
            continue
        ctx.ledger.statement_checked(st, "share-at-most-100")
        written = format_vi(st.percent, places_of(st.percent), fixed=True)
        yield finding_at("PERCENT_OVER_100", "error",
                         f"Tỷ lệ {' '.join(m.group('what').split())} ghi {written}%: một phần của tổng thể không thể "
                         "vượt 100%", st, reported=str(st.percent), expected="≤ 100")
