"""Counts of units that have none of something: "Có 04/7 xã, phường không có
hồ sơ quá hạn", "03/8 sở, ngành không có lượt đánh giá không hài lòng". The
words after "không có" / "chưa có" / "không phát sinh" name a column of a
table of units ("Quá hạn" under "Số hồ sơ đã giải quyết", "Không hài
lòng"); the count is its unit rows holding 0 there (a "-" or an empty cell
is none too).

The column named is the one of the table whose own label (its lowest level)
has every content word among those words, the most words first ("không hài
lòng" before "hài lòng"), of two as long the one that says the last word
("không hài lòng", not "Tổng số lượt đánh giá"), and one only — or several whose own labels are
the same ("Quá hạn" under "Đã giải quyết" and under "Đang giải quyết"): a unit has none when it has 0
in all of them (a count that only one of them gives is a reading the words allow: left unchecked).
The count is held to it when the
table has as many units as the fraction's y (or any, for a bare count): an
error when one table gives one such column, else nothing is said.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_count
from ..text.names import looks_like_unit
from .prose_counts import finding_at
from .prose_named import _content
from .registry import CheckContext, rule
from .relations_support import frames

# "<x/y> <units> không có <what>", what up to the sentence's or clause's end.
_NONE_OF = re.compile(r"\s*(?:xã|phường|thị\s+trấn|đặc\s+khu|sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương|huyện|UBND"
                      r"|lĩnh\s+vực)"
                      r"[^.;:\d]{0,40}?\s(?:không|chưa)\s+(?:có|phát\s+sinh)\s+(?P<what>[^.;:()\d]{3,60})", re.I)


@rule("BAND_COUNT_MISMATCH", "Số đơn vị không có (hồ sơ quá hạn, phiếu không hài lòng …) khác số đếm được từ bảng")
def zero_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số đơn vị "không có" một loại số liệu nêu trong lời văn ("Có 04/7 xã,
    phường không có hồ sơ quá hạn") so với số dòng đơn vị của bảng có số 0 (hoặc "-",
    ô trống) ở cột mà lời văn gọi tên ("Quá hạn"), khi bảng có đúng y đơn vị.
    Vì sao: câu tổng kết được viết từ bảng nháp; thêm hay sửa một dòng mà quên sửa câu.
    Ví dụ sai: "Có 05/7 xã, phường không có hồ sơ quá hạn" mà cột Quá hạn có 4 dòng 0.
    Ví dụ đúng: "Có 04/7 xã, phường không có hồ sơ quá hạn" và cột Quá hạn có 4 dòng 0."""
    texts = {p.index: p.text for p in report.paragraphs}
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.numerator is None or not st.denominator or st.at is None:
            continue
        text = texts.get(st.paragraph, "")
        m = _NONE_OF.match(text, st.at + len(st.text))
        if m is None:
            continue
        said = _content(m.group("what"))
        last = _content(m.group("what").split()[-1]) if m.group("what").split() else frozenset()
        found = []
        for frame in frames(report):
            units = frame.units  # its statistics rows ("Tổng cộng", "Trung bình") are none
            if len(units) != st.denominator:  # fields ("Lĩnh vực Hộ tịch") above the communes counted are none
                units = [r for r in units if looks_like_unit(r.label or "")]
            if len(units) != st.denominator:
                continue
            cols = [(c, _content(c.leaf or c.label)) for c in frame.nums() if c.role != "percent"]
            cols = [(c, words) for c, words in cols if words and words <= said]
            most = max((len(w) for _, w in cols), default=0)
            cols = [(c, w) for c, w in cols if len(w) == most]
            if len(cols) > 1:  # "lượt đánh giá không hài lòng": the column of its last words, not of what is counted
                cols = [(c, w) for c, w in cols if last and last <= w]
            if cols and len({w for _, w in cols}) == 1:  # "Quá hạn" under "Đã giải quyết" and "Đang giải quyết"
                found.append((frame, [c for c, _ in cols], units))
        if len(found) != 1:
            continue
        frame, cols, units = found[0]
        # none at all: 0 in every column so named; or, as a reader may mean it, in one of them
        counts = [_zeros(units, cols)] + ([_zeros(units, [c]) for c in cols] if len(cols) > 1 else [])
        if st.numerator != counts[0] and st.numerator in counts:
            continue  # none in one of the columns only: a reading the words allow, left unchecked
        ctx.ledger.statement_checked(st, "zero-count-table")
        if st.numerator == counts[0]:
            continue
        labels = " và ".join(f"“{c.label}”" for c in cols)
        yield finding_at("BAND_COUNT_MISMATCH", "error",
                         f"Văn bản nêu {st.text} đơn vị không có {' '.join(m.group('what').split())} nhưng "
                         f"{'cột' if len(cols) == 1 else 'các cột'} {labels} của bảng {frame.table.index + 1} có "
                         f"{format_count(counts[0])} đơn vị ghi 0", st, table=frame.table.index,
                         reported=str(st.numerator), expected=str(counts[0]))


def _zeros(units, cols) -> int:
    """How many units hold 0 (or nothing) in every one of ``cols``."""
    return sum(1 for r in units if all((r.value(c.index) or Decimal(0)) == 0 for c in cols))
