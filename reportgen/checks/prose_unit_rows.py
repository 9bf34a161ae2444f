"""A unit's cells in the tables (:mod:`.prose_units` pairs the prose's
figures with them): its rows in every table (statistics rows such as "Chỉ
số cao nhất" left out), and of a row the cells holding a figure of one kind —
a percent ("%", "Tỷ lệ", "Chỉ số", not a maximum), points (the total, or a
column of points that is not a maximum), a rank (stated, or its place in
the column) or a grade — with what makes two figures agree.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import NamedTuple

from ..model import Report, ScoreRow, ScoreTable, Statement, TableKind
from ..numbers import format_vi, places_of
from ..text.names import fold_tones, same_unit

SUMMARY_ROW = re.compile(r"cao\s+nhất|thấp\s+nhất|trung\s+bình|bình\s+quân|tổng|cộng|chỉ\s+số\s+chung|toàn\s+tỉnh",
                          re.I)
PERCENT_HEAD = re.compile(r"%|tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số", re.I)
POINTS_HEAD = re.compile(r"điểm", re.I)
_NOT_VALUE_HEAD = re.compile(r"tối\s+đa|chuẩn|thứ\s+hạng|xếp\s+hạng|xếp\s+loại"
                             # a change of the figure ("Tăng (+)/Giảm (-)", "Chênh lệch", "So với kỳ trước"), not it
                             r"|tăng\s*/\s*giảm|giảm\s*/\s*tăng|chênh\s*lệch|biến\s*động|so\s+với|\+\s*/\s*-|±",
                             re.I)
_RANK_HEAD = re.compile(r"thứ\s+hạng|xếp\s+hạng|^\s*hạng\b", re.I)


class Cell(NamedTuple):
    table: ScoreTable
    row_index: int
    row: ScoreRow
    key: str  # column key as findings name it: a score key, total, percent, rank, grade
    label: str  # the header's words
    value: object  # Decimal, int or a grade name


def fold(text: str) -> str:
    return fold_tones(" ".join((text or "").split()).casefold())


def rows_of(report: Report, unit: str) -> list[tuple[ScoreTable, int, ScoreRow]]:
    out = []
    for t in report.tables:
        for i, r in enumerate(t.rows):
            if r.unit and not SUMMARY_ROW.search(r.unit) and same_unit(r.unit, unit):
                out.append((t, i, r))
    return out


def _value_columns(table: ScoreTable, row: ScoreRow, head: re.Pattern[str], percent: bool):
    """(key, label, value) of the row's cells under a header of ``head`` that
    is not a maximum, a rank or a grade; percent or points, never the other."""
    for col in table.columns:
        label = col.label or ""
        bare = re.sub(r"\([^()]*\)", " ", label)
        v = row.scores.get(col.key)
        if not isinstance(v, Decimal) or not head.search(label if percent else bare) or _NOT_VALUE_HEAD.search(bare):
            continue
        rate = bool(re.search(r"%|tỷ\s+lệ|tỉ\s+lệ", label, re.I))
        if (percent and POINTS_HEAD.search(bare) and not rate) or (not percent and rate):
            continue
        yield col.key, label, v


def unit_cells(table: ScoreTable, i: int, row: ScoreRow, measure: str) -> list[Cell]:
    """The cells of ``row`` holding a figure of ``measure``; a table bound to a
    scheme gives only the unit's own total, percent and rank (its indicator
    columns are points of one indicator, never the unit's figure)."""
    scored = table.kind == TableKind.SCORES
    out: list[Cell] = []
    if measure in ("percent", "points"):
        own = row.percent if measure == "percent" else row.total
        if own is not None:
            out.append(Cell(table, i, row, measure if measure == "percent" else "total",
                            "Tỷ lệ (%)" if measure == "percent" else "Tổng điểm", own))
        if not scored:
            head = PERCENT_HEAD if measure == "percent" else POINTS_HEAD
            out.extend(Cell(table, i, row, k, label, v)
                       for k, label, v in _value_columns(table, row, head, measure == "percent"))
        if measure == "percent" and not out and row.total is not None and (top := total_max(table, row)):
            # no percent written: the total over its maximum ("98,03 điểm (98,03%)", "Tổng điểm (100)")
            out.append(Cell(table, i, row, "total", f"Tổng điểm so với tối đa {format_vi(top)}", row.total * 100 / top))
    elif measure == "rank":
        if row.rank is not None:
            out.append(Cell(table, i, row, "rank", "Thứ hạng", Decimal(row.rank)))
        elif not scored:
            out.extend(Cell(table, i, row, col.key, col.label, row.scores[col.key]) for col in table.columns
                       if isinstance(row.scores.get(col.key), Decimal) and _RANK_HEAD.search(col.label or ""))
        out = out or _rank_in_grid(table, i, row)
        if not out:
            out.extend(_implied_ranks(table, i, row))
    elif measure == "grade" and row.grade:
        out.append(Cell(table, i, row, "grade", "Xếp loại", row.grade))
    return out


def total_max(table: ScoreTable, row: ScoreRow) -> Decimal | None:
    """The maximum of a row's total: its own, else the sum of the maxima of
    the columns of a score table that states one for each."""
    if row.max is not None:
        return row.max
    if table.kind == TableKind.SCORES and table.columns and all(c.max is not None for c in table.columns):
        return sum((c.max for c in table.columns), Decimal(0))
    return None


def named_cells(table: ScoreTable, i: int, row: ScoreRow, st: Statement) -> list[Cell]:
    """The cells of ``row`` whose column the sentence names before the figure
    ("Thanh tra tỉnh … mất nhiều điểm nhất ở chỉ số Số hóa hồ sơ (0/22
    điểm)"): the figure is that column's, not the unit's total."""
    clause = fold(st.clause or "")
    out = []
    for col in table.columns:
        bare = re.sub(r"\([^()]*\)", " ", col.label or "")
        label = fold(bare).strip()
        v = row.scores.get(col.key)
        if not GENERIC_HEAD.sub(" ", bare).strip() or not isinstance(v, Decimal):
            continue  # "Chỉ số", "Điểm đạt được": a measure every table has, not a named indicator
        if re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", clause):
            out.append(Cell(table, i, row, col.key, col.label, v))
    return out


GENERIC_HEAD = re.compile(r"(?<!\w)(?:chỉ\s+số(?:\s+chung)?|tỷ\s+lệ|tỉ\s+lệ|tổng|điểm|đạt|được|kết\s+quả|số|"
                           r"thẩm\s+định|tự\s+đánh\s+giá|chung)(?!\w)|[%:/,.\-–]", re.I)


def counts_column(table: ScoreTable, key: str) -> bool:
    """Whether the column is of counts: a header that says no rate and whole
    numbers only. A percent the sentence states of it ("tỷ lệ giải quyết
    đúng hạn đạt 99,16%" of "Giải quyết đúng hạn") is a rate computed from
    it, never its cell."""
    label = next((c.label or "" for c in table.columns if c.key == key), "")
    values = [r.scores.get(key) for r in table.rows]
    return not PERCENT_HEAD.search(label) and all(v == v.to_integral() for v in values if isinstance(v, Decimal))


def _rank_in_grid(table: ScoreTable, i: int, row: ScoreRow) -> list[Cell]:
    """A rank column the reader took for the numbering ("Thứ hạng | Đơn vị …"):
    the row's cell under a rank header, as written."""
    grid = table.grid
    if grid is None or row.grid_row is None or row.grid_row >= len(grid.rows):
        return []
    cells = grid.rows[row.grid_row].cells
    for col in grid.columns:
        text = cells[col.index].strip() if col.index < len(cells) else ""
        if _RANK_HEAD.search(col.label or "") and text.isdecimal():
            return [Cell(table, i, row, "rank", col.label, Decimal(text))]
    return []


def _implied_ranks(table: ScoreTable, i: int, row: ScoreRow) -> list[Cell]:
    """A table that states no rank still places each unit: one more than the
    units above it in a column of percents or points (ties share a place)."""
    out = []
    for c in unit_cells(table, i, row, "percent") + unit_cells(table, i, row, "points"):
        values = [cell_value(table, r, c.key) for r in table.rows if r.unit and not SUMMARY_ROW.search(r.unit)]
        values = [v for v in values if v is not None]
        if len(values) >= 3:
            place = 1 + sum(1 for v in values if v > c.value)
            out.append(Cell(table, i, row, c.key, f"thứ tự theo “{c.label}”", Decimal(place)))
    return out


def cell_value(table: ScoreTable, row: ScoreRow, key: str) -> Decimal | None:
    v = getattr(row, key) if key in ("total", "percent") else row.scores.get(key)
    return v if isinstance(v, Decimal) else None


def agrees(written: Decimal, exact: Decimal) -> bool:
    """Whether ``exact`` (a cell) written with the places of ``written`` (the
    prose) gives it, rounded half up or cut; or the prose is the cell to fewer
    places than the prose shows ("93,010" for 93,01)."""
    places = places_of(written)
    unit = Decimal(1).scaleb(-places)
    if exact == written or written in (exact.quantize(unit, ROUND_HALF_UP), exact.quantize(unit, ROUND_DOWN)):
        return True
    return places_of(exact) < places and written.quantize(Decimal(1).scaleb(-places_of(exact)), ROUND_HALF_UP) == exact


def same_grade(a: str, b: str) -> bool:
    return fold(a) == fold(b)
