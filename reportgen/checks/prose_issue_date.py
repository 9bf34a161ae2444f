"""The date a report is signed, held to the period it reports on: a report
looks back, so it is signed after its period has begun (well after: not in its first tenth),
and within a year of its end. A year typed wrong in the date line ("ngày 05 tháng 01 năm 2025"
under "Báo cáo … năm 2025", which should be 2026) is the usual cause.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator

from ..model import Finding, Report
from ..text.dates import period_bounds, period_vi
from .prose import REPORT_TYPES
from .registry import CheckContext, rule

# A report is signed within this long after its period's end; later is a doubt, never sure.
_LATE = _dt.timedelta(days=366)
# Words of a subject that looks ahead: the period it names may be the plan's, not the figures'.
_AHEAD = re.compile(r"kế\s+hoạch|phương\s+hướng|nhiệm\s+vụ(?:\s+trọng\s+tâm)?\s+(?:năm|quý|tháng|\d)|dự\s+kiến"
                    r"|dự\s+toán|triển\s+khai", re.I)
_SPAN = re.compile(r"\d+\s+tháng\s+(?:đầu|cuối)\s+năm|(?:đầu|cuối)\s+năm|lũy\s+kế|từ\s+đầu\s+năm", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@rule("DATE_INCONSISTENT", "Ngày ban hành của báo cáo nằm ngoài khoảng hợp lý so với kỳ báo cáo")
def issue_date_vs_period(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: ngày ban hành của một báo cáo hoặc thông báo kết quả so với kỳ báo
    cáo mà trích yếu nêu: văn bản ký trước khi kỳ báo cáo bắt đầu là lỗi; ký trong
    một phần mười đầu của kỳ, hay sau khi kỳ kết thúc hơn một năm, là cảnh báo.
    Vì sao: báo cáo nói về kỳ đã qua; năm ở dòng ngày tháng hay bị gõ nhầm hoặc chép
    từ văn bản năm trước. Khi trích yếu nói cả phương hướng, kế hoạch, một khoảng
    ("9 tháng đầu năm") hay nêu nhiều năm, kỳ nêu ra không chắc là kỳ của số liệu:
    không kết luận.
    Ví dụ sai: "Báo cáo kết quả … quý IV năm 2025" ghi "Hà Tĩnh, ngày 05 tháng 9 năm 2025".
    Ví dụ đúng: "Báo cáo kết quả … quý IV năm 2025" ghi "Hà Tĩnh, ngày 05 tháng 01 năm 2026"."""
    meta = report.meta
    if meta.doc_type not in REPORT_TYPES or meta.date is None or not meta.period:
        return
    bounds = period_bounds(meta.period)
    if bounds is None:
        return
    start, end = bounds
    subject = meta.subject or ""
    where = f"kỳ báo cáo {period_vi(meta.period)}"
    signed = meta.date_text or meta.date.strftime("%d/%m/%Y")
    if _AHEAD.search(subject) or _SPAN.search(subject) or len(set(_YEAR.findall(subject))) > 1:
        return  # "9 tháng đầu năm và phương hướng nhiệm vụ quý IV": the period named may not be the figures'
    if meta.date < start:
        yield Finding(code="DATE_INCONSISTENT", severity="error",
                      message=f"Văn bản ký “{signed}”, trước khi {where} bắt đầu ({start.strftime('%d/%m/%Y')}): "
                              f"báo cáo chỉ nói về kỳ đã diễn ra; năm hoặc tháng ở dòng ngày tháng có thể bị gõ nhầm",
                      reported=meta.date.isoformat(), expected=f"≥ {start.isoformat()}")
    elif meta.date < start + (end - start) / 10:
        # signed in the first days of its own period ("năm 2025" on 05/01/2025): the year of the next one,
        # mistyped, most likely; a report on one event of the year ("kết quả kiểm tra năm 2025") may be early
        yield Finding(code="DATE_INCONSISTENT", severity="warning",
                      message=f"Văn bản ký “{signed}”, ngay đầu {where} ({start.strftime('%d/%m/%Y')} – "
                              f"{end.strftime('%d/%m/%Y')}): kỳ báo cáo mới bắt đầu; năm ở dòng ngày tháng có thể bị "
                              "gõ nhầm",
                      reported=meta.date.isoformat(), expected=f"≥ {(start + (end - start) / 10).isoformat()}")
    elif meta.date > end + _LATE:
        yield Finding(code="DATE_INCONSISTENT", severity="warning",
                      message=f"Văn bản ký “{signed}”, hơn một năm sau khi {where} kết thúc "
                              f"({end.strftime('%d/%m/%Y')}): năm ở dòng ngày tháng có thể bị gõ nhầm",
                      reported=meta.date.isoformat(), expected=f"≤ {(end + _LATE).isoformat()}")
