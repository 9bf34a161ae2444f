"""Tables with the units as columns: "Chỉ tiêu | Xã A | Xã B | … | Toàn
tỉnh", one row per measure (Tổng số hồ sơ, Đúng hạn, Quá hạn, Tỷ lệ đúng
hạn %). The relations are the same as in a table with units as rows — a
rate is one measure over another, a total the sum of its parts, the "Toàn
tỉnh" column the sum of the units — so the frame is turned round and the
same rules read it: a row of the turned frame is a unit (a column of the
table), a column is a measure (a row of the table). Findings and the ledger
keep the table's own row and column (see ``Frame.transposed``).

When a table is turned: its first text column labels the rows, every other
column holds numbers, at least half the row labels name a measure (Số …,
Tổng …, Tỷ lệ …, Điểm …, Chỉ số …, "%", or a numbered item of a row that
does: 1.1 under "1. Tổng số hồ sơ") and no column header does.
"""
from __future__ import annotations

import re

from ..model import TableKind
from ..text import fold
from ..text.labels import stat_of
from .relations_frame import Col, ColKind, Frame, Row, RowKind, _number_roles

_MEASURE = re.compile(r"^(số|tổng|tỷ\s*lệ|tỉ\s*lệ|điểm|chỉ\s*số|kết\s*quả|giá\s*trị|đúng\s*hạn|quá\s*hạn|trễ\s*hạn"
                      r"|trước\s*hạn)|%|hồ\s*sơ")
_MEASURE_HEAD = re.compile(r"^(số|tổng\s*số|tỷ\s*lệ|tỉ\s*lệ|điểm|chỉ\s*số|xếp\s*(loại|hạng)|thứ\s*hạng|stt|tt)\b|%"
                           r"|tối\s*đa|đơn\s*vị\s*tính|năm|tháng|quý")


def turned(frame: Frame) -> Frame | None:
    """The frame turned round, when the table has its units as columns."""
    table = frame.table
    if table.kind != TableKind.DATA or table.grid is None or frame.transposed:
        return None
    labels = [c for c in frame.cols if c.kind == ColKind.LABEL]
    nums = frame.nums()
    others = [c for c in frame.cols if c.kind not in (ColKind.LABEL, ColKind.NUM, ColKind.NO)]
    if len(labels) != 1 or len(nums) < 2 or others or labels[0].index > 1:
        return None
    if any(_MEASURE_HEAD.search(fold(c.label)) for c in nums):
        return None
    measures = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.STAT) and r.cells]
    if len(measures) < 2 or len(_named_measures(measures)) * 2 < len(measures):
        return None
    cols = [Col(index=k, key=f"r{r.i}", label=r.label, kind=ColKind.NUM, head=fold(r.label), leaf=fold(r.label),
                source_row=r.report_row, source_grid=r.i) for k, r in enumerate(measures)]
    rows = []
    for j, c in enumerate(nums):
        cells = {k: r.cells[c.index] for k, r in enumerate(measures) if c.index in r.cells}
        stat = stat_of(c.label)
        rows.append(Row(i=j, label=c.label, no=None, cells=cells, kind=RowKind.STAT if stat else RowKind.UNIT,
                        stat=stat, page=table.page, source_key=c.key, source_col=c.index))
    _number_roles(cols, rows)
    return Frame(table=table, cols=cols, rows=rows, transposed=True)


def _named_measures(rows: list[Row]) -> list[Row]:
    """Rows that name a measure: by their words, or as a numbered item of a
    row that does ("1. Tổng số hồ sơ đã giải quyết | 1.1. Giải quyết trước
    hạn | 1.2. …": the kinds of a measure are measures too)."""
    named = {r.path for r in rows if r.path is not None and _MEASURE.search(fold(r.label))}
    out = []
    for r in rows:
        p = r.path
        by_parent = p is not None and len(p) > 1 and all(isinstance(x, int) for x in p) and p[:-1] in named
        if _MEASURE.search(fold(r.label)) or by_parent:
            out.append(r)
            if p is not None:
                named.add(p)
    return out
