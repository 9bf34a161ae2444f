"""Claims the prose makes of one indicator, named by its number, against the
columns a table by indicator gives it ("3.5. TTHC tích hợp thanh toán trực
tuyến" over "Tỷ lệ (%) | Điểm đạt (Tối đa 4 điểm)"): the mean (highest,
lowest) of its rate, and how many units reached its full points.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from ..model import Finding, Report, Stat, StatementKind
from ..numbers import format_vi, places_of
from .prose_counts import finding_at, paragraph_of
from .prose_tables import _INDICATOR_NUMBER, _STAT_WORDS, _stat
from .registry import CheckContext, rule
from .relations_frame import Col, Frame
from .relations_support import frames, record

# "có 4/15 đơn vị đạt điểm tối đa ở chỉ số 3.1"
_FULL = re.compile(r"(?<![\d/.,])(\d{1,3})\s*/\s*(\d{1,3})\s+(?:[^\W\d]\w*\s+){1,4}?đạt\s+(?:đủ\s+|trọn\s+)?"
                   r"(?:điểm\s+tối\s+đa|tối\s+đa\s+điểm)\s+(?:ở|của|tại|đối\s+với)\s+chỉ\s+(?:số|tiêu)\s+"
                   r"(\d{1,2}(?:\.\d{1,2})+)(?![\d.,]\d)", re.I)
# the words that say a statistic anywhere in the clause
_SAID = ((Stat.AVG, re.compile(r"(?<!\w)(?:trung\s+bình|bình\s+quân)(?!\w)", re.I)),
         (Stat.MAX, re.compile(r"(?<!\w)cao\s+nhất(?!\w)", re.I)),
         (Stat.MIN, re.compile(r"(?<!\w)thấp\s+nhất(?!\w)", re.I)))


def _of_number(frame: Frame, number: str) -> list[Col]:
    """The number columns whose header gives the indicator's number."""
    said = re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d,]|\.\d)")
    return [c for c in frame.nums() if said.search(c.head)]


def _the_column(report: Report, number: str, kind) -> tuple[Frame, Col, list] | None:
    """(frame, column, its unit rows with a figure) of the one column of the
    report's tables the indicator's number heads that ``kind`` accepts (its
    rate, its points out of a stated maximum), two units at least; else None."""
    found = [(f, c) for f in frames(report) for c in _of_number(f, number) if kind(c)]
    if len(found) != 1:
        return None
    frame, col = found[0]
    rows = [r for r in frame.units if r.value(col.index) is not None]
    return (frame, col, rows) if len(rows) >= 2 else None


@rule("STAT_MISMATCH", "Số trung bình, cao nhất hay thấp nhất của một chỉ số khác số tính từ cột của chỉ số ấy")
def indicator_stat(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tỷ lệ trung bình (cao nhất, thấp nhất) của một chỉ số nêu bằng số
    hiệu ("Tỷ lệ trung bình của chỉ số 4.7 đạt 86,23%") so với cột tỷ lệ của chỉ số ấy
    trong bảng theo chỉ số (tiêu đề cột ghi số hiệu), trên các đơn vị của bảng.
    Vì sao: con số tóm tắt theo chỉ số được tính tay từ phụ lục; chép nhầm cột là lỗi hay gặp.
    Ví dụ sai: cột "4.7 … Tỷ lệ (%)" có trung bình 86,23% mà văn bản ghi 87,72%.
    Ví dụ đúng: văn bản ghi 86,23%."""
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.value is None:
            continue
        number = _INDICATOR_NUMBER.search(st.clause or "")
        # the statistic may be said before the indicator's name in brackets: "Tỷ lệ trung bình chỉ số 3.5 (…) …"
        stat = st.stat or next((s for s, w in _SAID if w.search(st.clause or "")), None)
        if number is None or stat not in (Stat.AVG, Stat.MAX, Stat.MIN):
            continue
        column = _the_column(report, number.group(1), lambda c: c.role == "percent")
        if column is None:
            continue
        frame, col, rows = column
        exact = _stat(stat, [r.value(col.index) for r in rows])
        places = places_of(st.value)
        ctx.ledger.statement_checked(st, "indicator-stat")
        record(ctx, frame, "indicator-stat", [(r, col) for r in rows])
        if abs(exact - st.value) <= Decimal(1).scaleb(-places) / 2:
            continue
        shown = exact.quantize(Decimal(1).scaleb(-max(places, 2)), ROUND_HALF_UP)
        yield finding_at("STAT_MISMATCH", "error",
                         f"Văn bản nêu tỷ lệ {_STAT_WORDS[stat]} của chỉ số {number.group(1)} là "
                         f"{format_vi(st.value)}% nhưng "
                         f"cột “{col.label}” của chỉ số ấy ({len(rows)} đơn vị) cho {format_vi(shown)}%", st,
                         table=frame.table.index, column=col.key, reported=str(st.value), expected=str(shown))


@rule("BAND_COUNT_MISMATCH", "Số đơn vị đạt điểm tối đa ở một chỉ số khác số đếm từ cột điểm của chỉ số ấy")
def full_points_count(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: "có 4/15 đơn vị đạt điểm tối đa ở chỉ số 3.1" so với số đơn vị có
    điểm bằng điểm tối đa ghi ở tiêu đề cột điểm của chỉ số ấy, và 15 với số đơn vị
    của bảng.
    Vì sao: số đếm theo chỉ số được đếm tay từ phụ lục.
    Ví dụ sai: cột "3.1 … Điểm (tối đa 4đ)" có 5 đơn vị đạt 4,00 mà văn bản ghi 4/15.
    Ví dụ đúng: văn bản ghi 5/15."""
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.numerator is None or st.paragraph is None:
            continue
        text = paragraph_of(report, st)
        m = next((m for m in _FULL.finditer(text) if Decimal(m.group(1)) == st.numerator
                  and Decimal(m.group(2)) == st.denominator), None)
        if m is None:
            continue
        column = _the_column(report, m.group(3), lambda c: c.role == "value" and c.max is not None)
        if column is None:
            continue
        frame, col, rows = column
        full = sum(1 for r in rows if r.value(col.index) >= col.max)
        ctx.ledger.statement_checked(st, "full-points-count")
        record(ctx, frame, "full-points-count", [(r, col) for r in rows])
        if (int(st.numerator), int(st.denominator)) == (full, len(rows)):
            continue
        yield finding_at("BAND_COUNT_MISMATCH", "error",
                         f"Văn bản nêu {m.group(1)}/{m.group(2)} đơn vị đạt điểm tối đa ở chỉ số {m.group(3)} nhưng "
                         f"cột “{col.label}” của chỉ số ấy có {full}/{len(rows)} đơn vị đạt {format_vi(col.max)} "
                         "điểm", st, table=frame.table.index, column=col.key,
                         reported=f"{m.group(1)}/{m.group(2)}", expected=f"{full}/{len(rows)}")
