"""The grid a table is read from: raw tables joined under one header, the
data rows as written, the role of each column, and the result cells (total,
maximum, percent, grade, rank) put on a row.

:mod:`.tables`, :mod:`.summary` and :mod:`.tokenised` all build on this module;
it imports none of them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import ScoreRow
from ..numbers import parse_cell
from ..raw import RawTable
from ..schemes import Scheme
from ..text import fold
from . import adhoc
from .cells import CellReader
from .header import ROW_NO, HeaderColumn, clean_label, header_columns, header_row_count, is_numbering_row
from .statements_grades import canonical_grade, gapped_grade


@dataclass
class RowSource:
    cells: list[str]
    raw_row: int  # index of the row in its raw table
    raw_table: int
    page: int | None = None


@dataclass
class Grid:
    """Joined raw tables: the header of the first and the data rows of all."""

    raws: list[RawTable]
    columns: list[HeaderColumn]
    header: list[list[str]]
    rows: list[RowSource] = field(default_factory=list)


def make_grid(raws: list[RawTable]) -> Grid:
    first = raws[0].grid()
    n_header = header_row_count(first, raws[0].header_rows)
    header = [[clean_label(x) for x in row] for row in first[:n_header]]
    grid = Grid(raws=raws, columns=header_columns(raws[0], n_header), header=header)
    for raw in raws:
        cells_by_row = raw.grid()
        for r, cells in enumerate(cells_by_row):
            texts = [clean_label(x) for x in cells]
            if raw is raws[0] and r < n_header:
                continue
            if not any(texts) or texts in header or is_numbering_row(texts) or _is_header_start(texts):
                continue
            if raw is raws[0] and not grid.rows and _take_maxima(grid, texts):
                continue
            grid.rows.append(RowSource(cells=texts, raw_row=r, raw_table=raw.index, page=_page(raw, r)))
    return grid


def _take_maxima(grid: Grid, texts: list[str]) -> bool:
    """A "Điểm tối đa" row right under the header gives the columns' maxima."""
    found = adhoc.maxima_row(texts, grid.columns)
    if not found:
        return False
    for column in grid.columns:
        if column.index in found:
            column.given_max = found[column.index]
    return True


def _is_header_start(texts: list[str]) -> bool:
    first = texts[0].replace(" ", "").casefold() if texts else ""
    return first in ("stt", "tt", "sốtt")


def _page(raw: RawTable, r: int) -> int | None:
    for c in raw.rows[r] if r < len(raw.rows) else ():
        if c.page is not None:
            return c.page
    return raw.page


def numeric_column(grid: Grid, c: int) -> bool:
    values = [row.cells[c] for row in grid.rows if c < len(row.cells) and row.cells[c]]
    if not values:
        return False
    numeric = sum(1 for v in values if (p := parse_cell(v, "auto")) is not None and (p.is_number or p.na))
    return numeric * 2 >= len(values)


def column_roles(grid: Grid) -> dict[int, str]:
    """Column index → 'no', 'unit', 'total', 'max', 'percent', 'grade', 'rank'."""
    roles: dict[int, str] = {}
    leaves = Counter(fold(c.leaf) for c in grid.columns if c.leaf)
    grouped = {fold(c.leaf) for c in grid.columns if c.leaf and len(c.path) > 1}
    for column in grid.columns:
        role = column.role()
        if role in ("percent", "total", "max") and leaves[fold(column.leaf)] > 1 and fold(column.leaf) in grouped:
            # one under each group ("Tỷ lệ %" | "Điểm đạt"): the group's, not the unit's result, even
            # where a group's label was not read over it (a wrapped label a PDF set beside it)
            continue
        if role and role not in roles.values():
            roles[column.index] = role
    if "no" not in roles.values() and grid.columns and _looks_numbered(grid, 0):
        roles[0] = "no"
    if "grade" not in roles.values():
        graded = [c.index for c in grid.columns if c.index not in roles and _writes_grades(grid, c.index)]
        if len(graded) == 1:
            roles[graded[0]] = "grade"
    texts = [c.index for c in grid.columns
             if c.index not in roles and not numeric_column(grid, c.index) and _has_text(grid, c.index)]
    named = [c for c in texts if not repeats(grid, c) and not _sparse(grid, c, texts)] \
        or [c for c in texts if not repeats(grid, c)] or texts
    if named:
        roles[named[0]] = "unit"  # the first text column that is not a category repeated on every line
    return roles


def _writes_grades(grid: Grid, c: int) -> bool:
    """A column whose header names no role but whose every cell, on two rows
    or more, is a grade ("Mức độ hoàn thành nhiệm vụ" | "Hoàn thành 100%
    nhiệm vụ"; "Kết quả" | "Tốt"): the grade column, by what it writes."""
    values = [" ".join(row.cells[c].split()) for row in grid.rows if c < len(row.cells) and row.cells[c].strip()]
    return len(values) >= 2 and all(canonical_grade(v) or gapped_grade(v) for v in values)


def repeats(grid: Grid, c: int) -> bool:
    values = [row.cells[c] for row in grid.rows if c < len(row.cells) and row.cells[c]]
    return len(values) > 2 and len(set(values)) < 0.7 * len(values)


def _sparse(grid: Grid, c: int, texts: list[int]) -> bool:
    """A text column written on fewer than half the rows that another text
    column writes: a group's label once over its block ("Cấp huyện" merged
    down its fields, "Lĩnh vực" beside it on every row), not the units'."""
    def filled(k: int) -> int:
        return sum(1 for row in grid.rows if k < len(row.cells) and row.cells[k].strip())
    most = max((filled(k) for k in texts if k != c), default=0)
    return most >= 3 and 2 * filled(c) < most


def _looks_numbered(grid: Grid, c: int) -> bool:
    values = [row.cells[c] for row in grid.rows if c < len(row.cells) and row.cells[c]]
    return bool(values) and sum(1 for v in values if ROW_NO.match(v)) * 2 >= len(values)


def _has_text(grid: Grid, c: int) -> bool:
    return any(c < len(row.cells) and row.cells[c] for row in grid.rows)


def role_index(roles: dict[int, str], role: str) -> int | None:
    return next((c for c, r in roles.items() if r == role), None)


def fill_results(row: ScoreRow, cells: list[str], roles: dict[int, str], scheme: Scheme | None,
                 reader: CellReader, r: int) -> None:
    for c, role in roles.items():
        text = cells[c] if c < len(cells) else ""
        if role in ("no", "unit") or not text:
            continue
        set_result(row, role, text, scheme, reader, r, c)


def set_result(row: ScoreRow, role: str, text: str, scheme: Scheme | None, reader: CellReader, r: int,
               c: int | None = None) -> None:
    """Put a total / max / percent / grade / rank cell on the row."""
    row.raw[role] = text
    if c is not None:
        row.source_cols[role] = c
    if role == "grade":
        row.grade = (scheme.canonical_grade(text) if scheme else None) or gapped_grade(text) or " ".join(text.split())
        return
    cell = reader.read(text, "percent" if role == "percent" else "score", row=r, unit=row.unit,
                       column=role, page=row.page, col=c)
    if cell is None or not cell.is_number:
        return
    if role == "total":
        row.total = cell.value
        if cell.denominator is not None:
            row.max = cell.denominator
            row.raw["max"] = text.split("/", 1)[1].strip()
    elif role == "max":
        row.max = cell.value
    elif role == "percent":
        row.percent = cell.value
    elif role == "rank" and cell.value == cell.value.to_integral_value():
        row.rank = int(cell.value)
