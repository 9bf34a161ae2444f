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

It is turned too when rows state each column's result — a "Xếp loại" row
of grade names or a "Xếp hạng" row of places — under rows of points whose
maxima may stand in a column of their own ("Lĩnh vực | Điểm tối đa | Huyện
A | Huyện B | …"): the columns are then units, graded and ranked, and the
maximum column gives each measure its maximum.
"""
from __future__ import annotations

import re

from ..model import TableKind
from ..text import fold
from ..text.labels import result_of, stat_of
from .relations_frame import Col, ColKind, Frame, Row, RowKind, _number_roles
from .relations_grade_words import grade_level

_MEASURE = re.compile(r"^(số|tổng|tỷ\s*lệ|tỉ\s*lệ|điểm|chỉ\s*số|kết\s*quả|giá\s*trị|đúng\s*hạn|quá\s*hạn|trễ\s*hạn"
                      r"|trước\s*hạn)|%|hồ\s*sơ")
_MEASURE_HEAD = re.compile(r"^(số|tổng\s*số|tỷ\s*lệ|tỉ\s*lệ|điểm|chỉ\s*số|xếp\s*(loại|hạng)|thứ\s*hạng|stt|tt)\b|%"
                           r"|tối\s*đa|đơn\s*vị\s*tính|năm|tháng|quý")


def turned(frame: Frame) -> Frame | None:
    """The frame turned round, when the table has its units as columns."""
    table = frame.table
    if table.kind != TableKind.DATA or table.grid is None or frame.transposed:
        return None
    by_results = _turned_by_results(frame)
    if by_results is not None:
        return by_results
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


def _turned_by_results(frame: Frame) -> Frame | None:
    """The frame turned round when rows state the columns' grades and ranks
    ("Xếp loại | Tốt | Khá | …", "Xếp hạng | 2 | 3 | …")."""
    results: dict[str, Row] = {}
    for r in frame.rows:
        role = result_of(r.label)
        if role is not None:
            results.setdefault(role, r)
    if not results:
        return None
    labels = [c for c in frame.cols if c.kind == ColKind.LABEL]
    nums = frame.nums()
    maxima = [c for c in nums if c.role == "max"]
    units = [c for c in nums if c.role != "max"]
    others = [c for c in frame.cols if c.kind not in (ColKind.LABEL, ColKind.NUM, ColKind.NO)]
    # a unit is named by its own header, under a group that may say what the cells hold ("Điểm đạt được của
    # các cơ quan" over "Sở Tư pháp | Sở Nội vụ | …")
    if len(labels) != 1 or len(units) < 2 or len(maxima) > 1 or others \
            or any(_MEASURE_HEAD.search(c.leaf or fold(c.label)) for c in units):
        return None
    result_rows = set(id(r) for r in results.values())
    measures = [r for r in frame.rows if id(r) not in result_rows and any(c.index in r.cells for c in units)]
    if len(measures) < 2:
        return None
    top = maxima[0] if maxima else None
    cols = [Col(index=k, key=f"r{r.i}", label=r.label, kind=ColKind.NUM, head=fold(r.label), leaf=fold(r.label),
                max=r.value(top.index) if top is not None else None, source_row=r.report_row, source_grid=r.i)
            for k, r in enumerate(measures)]
    rank_row, grade_row = results.get("rank"), results.get("grade")
    if rank_row is not None:
        cols.append(Col(index=len(cols), key=f"r{rank_row.i}", label=rank_row.label, kind=ColKind.RANK,
                        head=fold(rank_row.label), leaf=fold(rank_row.label), source_row=rank_row.report_row,
                        source_grid=rank_row.i))
    grade_col = None
    if grade_row is not None:
        grade_col = Col(index=len(cols), key=f"r{grade_row.i}", label=grade_row.label, kind=ColKind.GRADE,
                        head=fold(grade_row.label), leaf=fold(grade_row.label), source_row=grade_row.report_row,
                        source_grid=grade_row.i)
        cols.append(grade_col)
    grid_rows = frame.table.grid.rows
    rows = []
    for j, c in enumerate(units):
        cells = {k: r.cells[c.index] for k, r in enumerate(measures) if c.index in r.cells}
        if rank_row is not None and c.index in rank_row.cells:
            cells[len(measures)] = rank_row.cells[c.index]
        row = Row(i=j, label=c.label, no=None, cells=cells, kind=RowKind.UNIT, page=frame.table.page,
                  source_key=c.key, source_col=c.index)
        if grade_row is not None:
            texts = grid_rows[grade_row.i].cells
            found = grade_level(texts[c.index]) if c.index < len(texts) else None
            if found:
                row.grade, row.grade_text = found[0], texts[c.index]
        rows.append(row)
    if top is not None:  # the maxima are a row of the turned frame too: their total is their sum
        rows.append(Row(i=len(rows), label=top.label, no=None, kind=RowKind.UNIT, page=frame.table.page,
                        cells={k: r.cells[top.index] for k, r in enumerate(measures) if top.index in r.cells},
                        source_key=top.key, source_col=top.index))
    _number_roles(cols, rows)
    return Frame(table=frame.table, cols=cols, rows=rows, transposed=True)
