"""A table as a careful clerk reads it before checking it: which columns hold
numbers and what they mean (points, percents, maxima, ranks, grades), which
rows are units, which are statistics of the units (cao nhất, trung bình,
tổng cộng) and which are headings, and how rows nest (1 / 1.1 / 1.1.1,
I / 1 / a).

The frame is built from the reader's grid (cells as written) when there is
one, else from the bound rows (text tables). Numbers are read with each
column's separator convention (:mod:`reportgen.numbers.columns`).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ..model import ScoreTable, TableKind
from ..numbers import CellValue, parse_cell, places_of
from ..numbers.columns import conventions, role_for
from ..text import fold
from ..text.headers import ROLE_WORDS, max_in
from ..text.labels import stat_of
from .relations_grade_words import grade_level, needs_grade_header
from .relations_numbering import NUMBERING, numbering_path

# An index ("Chỉ số chung", "Chỉ số CCHC") is a percent; a numbered indicator ("Chỉ số 1", "Chỉ số 2.1") scores points.
_PERCENT_HEAD = re.compile(r"%|t[ỷỉ]\s*lệ|chỉ\s*số(?!\s*\d)")
_MAX_HEAD = re.compile(r"tối\s*đa|điểm\s*chuẩn|thang\s*điểm")
_RANK_HEAD = ROLE_WORDS[1][1]
_GRADE_HEAD = ROLE_WORDS[0][1]
_RATE_LEAF = re.compile(r"^(t[ỷỉ]\s*lệ|%|\(%\))|t[ỷỉ]\s*lệ\s*\(?%\)?$|^kết\s*quả\s*\(?%\)?$")
_GROWTH = re.compile(r"tăng|giảm|so\s*với|chênh")


class ColKind(StrEnum):
    """What a column of the frame holds."""

    NO = "no"  # the rows' numbering (STT)
    LABEL = "label"  # the rows' names
    NUM = "num"  # numbers (see ``Col.role``)
    GRADE = "grade"  # grade names
    RANK = "rank"  # ranks
    TEXT = "text"  # any other words


class RowKind(StrEnum):
    """What a row of the frame is."""

    UNIT = "unit"  # a unit with its figures
    STAT = "stat"  # a statistic of the units (``Row.stat``: cao nhất, trung bình, tổng cộng …)
    HEADING = "heading"  # a group's heading, with no figure


@dataclass
class Col:
    index: int  # raw column index (grid) or position (text tables)
    key: str  # the column key findings and the ledger use
    label: str  # the header's words
    kind: ColKind = ColKind.TEXT
    role: str = "value"  # for 'num': 'value', 'percent', 'max'
    max: Decimal | None = None  # a maximum stated in the header
    head: str = ""  # folded header text
    leaf: str = ""  # folded lowest header label (what the column itself is)
    group: str = ""  # folded header labels above the leaf (the indicator or unit a pair belongs to)
    precision: int = 0  # the fewest decimals its non-whole cells show (a whole '17' may be 16,99 rounded)
    source_row: int | None = None  # a turned-round frame: the table row this column was (ScoreTable.rows index)
    source_grid: int | None = None  # … and its grid row


@dataclass
class Row:
    i: int  # index in the frame
    label: str
    no: str | None
    cells: dict[int, CellValue] = field(default_factory=dict)  # col index → number
    grade: int | None = None  # grade level (5 = Xuất sắc … 1 = Yếu)
    grade_text: str | None = None
    kind: RowKind = RowKind.UNIT
    stat: str | None = None
    path: tuple | None = None  # numbering path for nesting
    report_row: int | None = None  # index in ScoreTable.rows
    page: int | None = None
    source_key: str | None = None  # a turned-round frame: the table column this row was (its key)
    source_col: int | None = None  # … and its grid column
    na: set[int] = field(default_factory=set)  # col indices written "-" (does not apply: no points, no maximum)
    moved: dict[int, int] = field(default_factory=dict)  # col index read → col index written (a merged cell)
    grade_written: dict[int, str] = field(default_factory=dict)  # grade-headed col index → its text
    unit: str | None = None  # a unit that takes several rows (reportgen.read.blocks): its name …
    part: str | None = None  # … and this row's sub-label ("Quý IV", "Cấp xã"); ``label`` names both

    def value(self, c: int) -> Decimal | None:
        cell = self.cells.get(c)
        return cell.value if cell is not None else None

    @property
    def rate(self) -> bool:
        """Whether the row's label says it holds a rate or a mean ("4. Tỷ lệ hồ
        sơ trực tuyến (%)", "Điểm bình quân"): its figures add up to nothing
        across periods or parts."""
        return _RATE_ROW.search(self.label or "") is not None


@dataclass
class Frame:
    table: ScoreTable
    cols: list[Col]
    rows: list[Row]
    transposed: bool = False  # units as columns: rows here are the table's columns (relations_transposed)

    def col(self, index: int) -> Col:
        return next(c for c in self.cols if c.index == index)

    @property
    def units(self) -> list[Row]:
        return [r for r in self.rows if r.kind == RowKind.UNIT]

    def nums(self, role: str | None = None) -> list[Col]:
        return [c for c in self.cols if c.kind == ColKind.NUM and (role is None or c.role == role)]

    def cell_key(self, row: Row, col: Col) -> tuple[int, str] | None:
        if col.index in row.moved:  # the cell is written in another column (merged across)
            col = self.col(row.moved[col.index])
        if self.transposed:
            return (col.source_row, row.source_key) if col.source_row is not None and row.source_key else None
        if row.report_row is None:  # a table turned round when read: its own map of cells
            return self.table.cell_keys.get((row.i, col.index))
        return (row.report_row, col.key)


# ------------------------------------------------------------------------ building

def frame_of(table: ScoreTable, aliases: Mapping[str, str] | None = None) -> Frame | None:
    """The table's frame; ``aliases`` are the grades' abbreviations the
    document's legend defines ("XS" → "Xuất sắc"), read in its grade column."""
    grid = getattr(table, "grid", None)
    if grid is not None and grid.rows:
        return _from_grid(table, grid, aliases or {})
    if table.kind == TableKind.SCORES:
        return _from_rows(table, aliases or {})
    return None


def _label_of(column) -> str:
    parts: list[str] = []
    for p in column.path:
        if p and p not in parts:
            parts.append(p)
    return " – ".join(parts[-2:]) if len(parts) > 1 and len(" ".join(parts)) > 60 else " ".join(parts)


def _from_grid(table: ScoreTable, grid, aliases: Mapping[str, str]) -> Frame:
    keys: dict[int, str] = {}
    by_grid: dict[int, int] = {}
    for r_index, row in enumerate(table.rows):
        if row.grid_row is not None:
            by_grid.setdefault(row.grid_row, r_index)
        for key, c in row.source_cols.items():
            if key not in ("grade", "rank") or c not in keys:
                keys.setdefault(c, key)
    cols = []
    texts: dict[int, list[str]] = {}
    for src in grid.rows:
        for c, text in enumerate(src.cells):
            if text:
                texts.setdefault(c, []).append(text)
    conv = conventions(texts)
    for column in grid.columns:
        label = _label_of(column) or f"Cột {column.index + 1}"
        col = Col(index=column.index, key=keys.get(column.index, f"k{column.index}"), label=label,
                  head=fold(" ".join(column.path)), max=column.max, leaf=fold(column.leaf),
                  group=fold(" ".join(p for p in column.path[:-1] if p != column.leaf)))
        if _RATE_LEAF.search(col.leaf) and max_in(column.leaf) is None:
            col.max = None  # a rate under a group whose header states the group's points: not points
        cols.append(col)
    rows = []
    for g, src in enumerate(grid.rows):
        cells: dict[int, CellValue] = {}
        na: set[int] = set()
        for c, text in enumerate(src.cells):
            if not text:
                continue
            role = role_for(text, conv.get(c), "percent" if "%" in text else "auto")
            cell = parse_cell(text, role)
            if cell is not None and cell.is_number:
                cells[c] = cell
            elif cell is not None and cell.na:
                na.add(c)
        rows.append(Row(i=g, label="", no=None, cells=cells, report_row=by_grid.get(g), page=src.page, na=na))
    _classify(cols, rows, [src.cells for src in grid.rows], aliases=aliases, title=table.title)
    _block_rows(table, rows)
    return Frame(table=table, cols=cols, rows=rows)


def _block_rows(table: ScoreTable, rows: list[Row]) -> None:
    """The rows of a unit that takes several rows (periods, kinds) are named
    by the unit and their sub-label ("Sở Tư pháp – Quý IV"); the rows of a
    block named for the whole ("Toàn tỉnh", "Tổng cộng") are its sums."""
    for row in rows:
        source = table.rows[row.report_row] if row.report_row is not None else None
        if source is None or source.part is None:
            continue
        row.unit, row.part = source.unit, source.part
        row.label = f"{source.unit} – {source.part}"
        stat = stat_of(source.unit)
        if stat in ("sum", "overall") and row.cells:
            row.kind, row.stat = RowKind.STAT, "sum"
        elif row.cells:
            row.kind, row.stat = RowKind.UNIT, None


def _from_rows(table: ScoreTable, aliases: Mapping[str, str]) -> Frame:
    cols = [Col(index=i, key=c.key, label=c.label, max=c.max, head=fold(c.label)) for i, c in enumerate(table.columns)]
    extra = [("total", "Tổng điểm"), ("max", "Điểm tối đa"), ("percent", "Tỷ lệ %"), ("grade", "Xếp loại"),
             ("rank", "Xếp hạng")]
    for key, label in extra:
        if any(key in r.raw for r in table.rows):
            cols.append(Col(index=len(cols), key=key, label=label, head=fold(label)))
    texts = []
    rows = []
    for i, r in enumerate(table.rows):
        cells = {}
        na = set()
        line = []
        for col in cols:
            text = r.raw.get(col.key, "")
            line.append(text)
            cell = parse_cell(text, "percent" if col.key == "percent" else "score") if text else None
            if cell is not None and cell.is_number:
                cells[col.index] = cell
            elif cell is not None and cell.na:
                na.add(col.index)
        rows.append(Row(i=i, label=r.unit, no=r.no, cells=cells, report_row=i, page=r.page, na=na))
        texts.append(line)
    _classify(cols, rows, texts, names=[r.unit for r in table.rows], aliases=aliases, title=table.title)
    return Frame(table=table, cols=cols, rows=rows)


def _classify(cols: list[Col], rows: list[Row], texts: list[list[str]], names: list[str] | None = None,
              aliases: Mapping[str, str] | None = None, title: str | None = None) -> None:
    _column_kinds(cols, rows, texts, aliases or {})
    _number_roles(cols, rows, percent_table=bool(_PERCENT_TITLE.search(fold(title or ""))))
    label_col = _label_column(cols, texts)
    no_col = _number_column(cols, texts, label_col)
    grade_col = next((c for c in cols if c.kind == ColKind.GRADE), None)
    num_cols = [c for c in cols if c.kind == ColKind.NUM]
    graded = [c for c in cols if c.kind in (ColKind.GRADE, ColKind.TEXT) and _GRADE_HEAD.search(c.head)]
    for k, row in enumerate(rows):
        _read_row(row, texts[k], no_col, label_col, grade_col, num_cols, names[k] if names else None, aliases or {})
        row.grade_written = {c.index: t for c in graded if c.index < len(texts[k]) and (t := texts[k][c.index].strip())}
    _grade_categories(rows)
    _merged_statistics(num_cols, rows)


def _grade_categories(rows: list[Row]) -> None:
    """A label column that lists grades ("Xuất sắc", "Tốt", "Khá", "Trung bình",
    "Yếu": a table counting the units of each grade) names categories, so its
    "Trung bình" row is the grade Trung bình, not the mean of the rows above it."""
    graded = [r for r in rows if grade_level(r.label)]
    if len({grade_level(r.label)[0] for r in graded}) < 3:
        return
    for row in graded:
        if row.kind == RowKind.STAT and row.stat == "mean":
            row.kind, row.stat = RowKind.UNIT, None


def _merged_statistics(num_cols: list[Col], rows: list[Row]) -> None:
    """A statistics row ("Chỉ số cao nhất 86,80%") whose one figure carries a
    "%" and was read in a column of no percents (a cell merged across the
    columns, its text centred over the maximum's): the statistic of the
    table's one percent column."""
    pct = [c for c in num_cols if c.role == "percent"]
    if len(pct) != 1:
        return
    target = pct[0]
    for row in rows:
        if row.kind != RowKind.STAT or len(row.cells) != 1 or target.index in row.cells:
            continue
        [(index, cell)] = row.cells.items()
        col = next((c for c in num_cols if c.index == index), None)
        if col is None or not cell.percent_sign or any(
                (c := r.cells.get(index)) is not None and c.percent_sign for r in rows if r.kind == RowKind.UNIT):
            continue
        row.cells = {target.index: cell}
        row.moved[target.index] = index


_ROW_NUMBER_HEAD = re.compile(r"(stt|tt|số\s*tt|thứ\s*tự)")  # a column of the rows' numbers, or a standing


def _column_kinds(cols: list[Col], rows: list[Row], texts: list[list[str]], aliases: Mapping[str, str]) -> None:
    for col in cols:
        values = [t[col.index] for t in texts if col.index < len(t) and t[col.index]]
        values = [aliases.get(" ".join(v.split()).strip(" ."), v) for v in values]
        numeric = sum(1 for r in rows if col.index in r.cells)
        # "-" (none, does not apply) is a figure's place in a column of figures: counts late, mostly "-"
        dashes = sum(1 for r in rows if col.index in r.na)
        grades = sum(1 for v in values if grade_level(v))
        if _ROW_NUMBER_HEAD.fullmatch(col.head.strip()):
            # the rows' numbers, unless it writes a standing (ties, or out of row order) over rows ordered by a figure
            col.kind = ColKind.RANK if _stands(values) else ColKind.NO
        elif values and grades * 2 >= len(values) and (_GRADE_HEAD.search(col.head) or grades >= 3
                                                       and not needs_grade_header(values)):
            # "Đạt" under "Kết quả" may be each row's own test met, "A" a group: grades only under "Xếp loại"
            col.kind = ColKind.GRADE
        elif values and numeric >= 1 and (numeric * 2 >= len(values) or numeric >= 2
                                          and (numeric + dashes) * 2 >= len(values)):
            col.kind = ColKind.RANK if _RANK_HEAD.search(col.head) else ColKind.NUM
        elif values:
            col.kind = ColKind.TEXT
    for col in cols:  # a standing that no figure's order gives is the rows' numbers written wrong
        if col.kind == ColKind.RANK and _ROW_NUMBER_HEAD.fullmatch(col.head.strip()) \
                and not any(_ranks_by(rows, texts, col, c) for c in cols if c.kind == ColKind.NUM):
            col.kind = ColKind.NO


def _stands(values: list[str]) -> bool:
    """Whole numbers, three or more, that do not count the rows: the rows'
    numbers go up by one (a group's own numbering starting again at 1), a
    standing may repeat a tie, skip, or go back ("1, 2, 3, 4, 7, 6, 7")."""
    if len(values) < 3 or not all(v.strip().isdecimal() for v in values):
        return False
    numbers = [int(v) for v in values]
    return numbers[0] != 1 or any(b != a + 1 and b != 1 for a, b in zip(numbers, numbers[1:]))


def _ranks_by(rows: list[Row], texts: list[list[str]], rank: Col, col: Col) -> bool:
    """Whether ``rank``'s numbers are the places of the units by ``col``'s
    figures (highest first or lowest first, ties sharing a place) on every
    unit but one, four units at least."""
    pairs = [(int(t), v) for r, line in zip(rows, texts) if r.kind == RowKind.UNIT
             and (v := r.value(col.index)) is not None and rank.index < len(line)
             and (t := (line[rank.index] or "").strip()).isdecimal()]
    if len(pairs) < 4:
        return False
    values = [v for _, v in pairs]
    for sign in (1, -1):
        places = [1 + sum(1 for w in values if sign * w > sign * v) for v in values]
        if sum(1 for (n, _), p in zip(pairs, places) if n == p) >= len(pairs) - 1:
            return True
    return False


# A title that gives the table's unit as percent: "TỶ LỆ ĐƠN VỊ THEO XẾP LOẠI (%)", "… (Đơn vị tính: %)".
_PERCENT_TITLE = re.compile(r"\(\s*%\s*\)\s*$|đơn\s*vị(\s*tính)?\s*:\s*%")
_RATE_ROW = re.compile(r"^\W*(?:[\dIVXa-zđ]{1,4}[.)]\s*)?(?:t[ỷỉ]\s*lệ|bình\s*quân|trung\s*bình)(?!\w)"
                       r"|\(\s*%\s*\)\s*$", re.I)
# An indicator named by its code under a group ("Chỉ số đánh giá" over "CS1 … CS9"): points, not an index.
_INDICATOR_LEAF = re.compile(r"^\s*(?:cs|tc|ct)\s*\d{1,2}\s*$", re.I)
# A rate, whatever maximum it names: "Tỷ lệ điểm thẩm định so với điểm tối đa (%)".
_A_RATE = re.compile(r"^\s*t[ỷỉ]\s*lệ|\(\s*%\s*\)", re.I)
# A header that names a figure of its own kind: a count, points, a maximum, an amount.
_OWN_UNIT_HEAD = re.compile(r"\bsố\b|điểm|tổng|tối\s*đa|\(\s*[^%)]+\)")


def _number_roles(cols: list[Col], rows: list[Row], percent_table: bool = False) -> None:
    """Each number column's role: 'max' (a per-row maximum), 'percent' (by its
    cells' "%", its header's words, or the table's title giving the unit as
    percent where the header names no figure of its own), else 'value'."""
    for col in cols:
        if col.kind != ColKind.NUM:
            continue
        pct_cells = sum(1 for r in rows if (c := r.cells.get(col.index)) is not None and c.percent_sign)
        with_value = sum(1 for r in rows if col.index in r.cells)
        if _MAX_HEAD.search(col.head) and not re.search(r"\(\s*(tối\s*đa|điểm\s*chuẩn)", col.head) \
                and col.max is None and not _A_RATE.search(col.leaf):
            col.role = "max"
        elif pct_cells * 2 > with_value or (_RATE_LEAF.search(col.leaf) and col.max is None) or (
                _PERCENT_HEAD.search(col.head) and not col.max and not re.search(r"điểm", col.head)
                and not _INDICATOR_LEAF.search(col.leaf)) or (
                percent_table and not col.max and not _OWN_UNIT_HEAD.search(col.head)):
            col.role = "percent"
        shown = [places_of(c.value) for r in rows if (c := r.cells.get(col.index)) is not None and places_of(c.value)]
        col.precision = min(shown) if shown else 0


def _label_column(cols: list[Col], texts: list[list[str]]) -> Col | None:
    """The first text column that is not a category repeated on every line,
    nor a group's name merged down its rows (written on fewer than half of
    the rows while a later text column is written on more)."""
    text_cols = [c for c in cols if c.kind == ColKind.TEXT]
    filled = {c.index: [t[c.index] for t in texts if c.index < len(t) and t[c.index]] for c in text_cols}
    most = max((len(v) for v in filled.values()), default=0)
    for col in text_cols:
        values = filled[col.index]
        if len(values) > 2 and len(set(values)) < 0.7 * len(values):
            continue
        if 2 * len(values) < len(texts) and 2 * most >= len(texts):
            continue
        col.kind = ColKind.LABEL
        return col
    if text_cols:
        text_cols[0].kind = ColKind.LABEL
        return text_cols[0]
    return None


def _number_column(cols: list[Col], texts: list[list[str]], label_col: Col | None) -> Col | None:
    no_col = next((c for c in cols if c.kind == ColKind.NO), None)
    if no_col is None and cols and cols[0].kind in (ColKind.NUM, ColKind.TEXT) and cols[0] is not label_col:
        numbered = sum(1 for t in texts if t and t[0] and NUMBERING.match(t[0].strip()))
        if numbered * 2 >= max(1, sum(1 for t in texts if t and t[0])):
            cols[0].kind = ColKind.NO
            no_col = cols[0]
    return no_col


def _read_row(row: Row, t: list[str], no_col: Col | None, label_col: Col | None, grade_col: Col | None,
              num_cols: list[Col], name: str | None, aliases: Mapping[str, str]) -> None:
    if no_col is not None and no_col.index < len(t):
        row.no = t[no_col.index] or None
        row.cells.pop(no_col.index, None)
    label = name if name is not None else (t[label_col.index] if label_col is not None and label_col.index < len(t)
                                           else "")
    first_text = next((x for x in t if x and not NUMBERING.match(x.strip()) and parse_cell(x, "auto") is None), "")
    row.label = label or first_text or (row.no or "")
    if grade_col is not None and grade_col.index < len(t):
        written = t[grade_col.index]
        found = grade_level(aliases.get(" ".join((written or "").split()).strip(" ."), written))
        if found:
            row.grade, row.grade_text = found[0], t[grade_col.index]
    stat = stat_of(row.label) or (stat_of(row.no) if row.no else None)
    if stat and (name is None or stat != "overall"):
        row.kind, row.stat = RowKind.STAT, stat
    elif not any(c.index in row.cells for c in num_cols):
        row.kind = RowKind.HEADING
    row.path = numbering_path(row.no)
