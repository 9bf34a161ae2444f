"""A unit's own figure stated in the prose, held to that unit's row in a
table: "xã Lạc Dương đạt 91,5 điểm, xếp thứ 3", "UBND huyện X đạt 85,20%,
xếp loại Tốt", "thấp nhất là Sở Y tế (56,49%)".

The reader marks each figure of the prose with the unit it is about
(``Statement.unit``: a unit of the tables named before it in its clause, or in
brackets right after it, names folded for case, tone placement and "UBND")
and with a grade written right after it (``grade_written``). Here the unit's
rows are found in every table (statistics rows such as "Chỉ số cao nhất"
left out), and the figure is paired with the cells of its kind:

- a percent with the percent column ("%", "Tỷ lệ", "Chỉ số"), not a maximum;
- points ("… điểm") with the total, or a column of points that is not a
  maximum ("Điểm đạt được", "Điểm thẩm định");
- a rank ("xếp thứ 3", "đứng thứ 3") with the rank the table states;
- a grade ("xếp loại Tốt") with the row's grade.

A figure agrees when one of those cells, rounded (or cut) to the places the
prose writes, gives it. A unit may have several figures of one kind (its
self-assessed and its appraised points, a component's index and its final
index): the claim holds when any of them agrees. When none does, the slip is
an error only when the pairing is sure — one cell of that kind in the table
that follows the paragraph in its section, or in the annex the sentence names
("(Phụ lục II)"), or one whose own header (not a
measure every table has, "Chỉ số", "Tỷ lệ") the sentence names, or the
unit's only cell of that kind in the document when its table is in the
statement's own section and the paragraph announces no other table — else a
warning: a component's or a survey's figure ("chỉ số cao nhất là 84,893%
(Thanh tra tỉnh)" before a table that was not read) is not the final index of
another section. A sentence
about another quantity ("tỷ lệ giải ngân … (Sở Y tế: 9,3%)", words a header
does not have) is not compared.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Measure, Report, ScoreRow, ScoreTable, Statement, StatementKind, TableKind
from ..numbers import format_vi, places_of
from ..text.lines import sentence_span
from ..text.names import fold_tones, same_unit
from .prose_counts import finding_at
from .prose_refs import annex_of, annexes_named
from .prose_tables import _next_table_in_section, _table_paragraph
from .prose_unit_cells import holds_the_extreme, out_of_its_maximum, own_words, ranked_of, stage
from .registry import CheckContext, rule

_SUMMARY_ROW = re.compile(r"cao\s+nhất|thấp\s+nhất|trung\s+bình|bình\s+quân|tổng|cộng|chỉ\s+số\s+chung|toàn\s+tỉnh",
                          re.I)
_PERCENT_HEAD = re.compile(r"%|tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số", re.I)
_POINTS_HEAD = re.compile(r"điểm", re.I)
_NOT_VALUE_HEAD = re.compile(r"tối\s+đa|chuẩn|thứ\s+hạng|xếp\s+hạng|xếp\s+loại", re.I)
_RANK_HEAD = re.compile(r"thứ\s+hạng|xếp\s+hạng|^\s*hạng\b", re.I)
_RATE_WORDS = re.compile(r"(?:tỷ|tỉ)\s+lệ\s+((?:[^\W\d]+\s+){1,2}[^\W\d]+)", re.I)
_KIND_WORDS = {"percent": "đạt", "points": "đạt", "rank": "xếp thứ", "grade": "xếp loại"}


class Cell(NamedTuple):
    table: ScoreTable
    row_index: int
    row: ScoreRow
    key: str  # column key as findings name it: a score key, total, percent, rank, grade
    label: str  # the header's words
    value: object  # Decimal, int or a grade name


def _fold(text: str) -> str:
    return fold_tones(" ".join((text or "").split()).casefold())


def _rows_of(report: Report, unit: str) -> list[tuple[ScoreTable, int, ScoreRow]]:
    out = []
    for t in report.tables:
        for i, r in enumerate(t.rows):
            if r.unit and not _SUMMARY_ROW.search(r.unit) and same_unit(r.unit, unit):
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
        if (percent and _POINTS_HEAD.search(bare) and not rate) or (not percent and rate):
            continue
        yield col.key, label, v


def _cells(table: ScoreTable, i: int, row: ScoreRow, measure: str) -> list[Cell]:
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
            head = _PERCENT_HEAD if measure == "percent" else _POINTS_HEAD
            out.extend(Cell(table, i, row, k, label, v)
                       for k, label, v in _value_columns(table, row, head, measure == "percent"))
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


def _named_cells(table: ScoreTable, i: int, row: ScoreRow, st: Statement) -> list[Cell]:
    """The cells of ``row`` whose column the sentence names before the figure
    ("Thanh tra tỉnh … mất nhiều điểm nhất ở chỉ số Số hóa hồ sơ (0/22
    điểm)"): the figure is that column's, not the unit's total."""
    clause = _fold(st.clause or "")
    out = []
    for col in table.columns:
        bare = re.sub(r"\([^()]*\)", " ", col.label or "")
        label = _fold(bare).strip()
        v = row.scores.get(col.key)
        if not _GENERIC_HEAD.sub(" ", bare).strip() or not isinstance(v, Decimal):
            continue  # "Chỉ số", "Điểm đạt được": a measure every table has, not a named indicator
        if re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", clause):
            out.append(Cell(table, i, row, col.key, col.label, v))
    return out


_GENERIC_HEAD = re.compile(r"(?<!\w)(?:chỉ\s+số(?:\s+chung)?|tỷ\s+lệ|tỉ\s+lệ|tổng|điểm|đạt|được|kết\s+quả|số|"
                           r"thẩm\s+định|tự\s+đánh\s+giá|chung)(?!\w)|[%:/,.\-–]", re.I)


def _counts(table: ScoreTable, key: str) -> bool:
    """Whether the column is of counts: a header that says no rate and whole
    numbers only. A percent the sentence states of it ("tỷ lệ giải quyết
    đúng hạn đạt 99,16%" of "Giải quyết đúng hạn") is a rate computed from
    it, never its cell."""
    label = next((c.label or "" for c in table.columns if c.key == key), "")
    values = [r.scores.get(key) for r in table.rows]
    return not _PERCENT_HEAD.search(label) and all(v == v.to_integral() for v in values if isinstance(v, Decimal))


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
    for c in _cells(table, i, row, "percent") + _cells(table, i, row, "points"):
        values = [_value(table, r, c.key) for r in table.rows if r.unit and not _SUMMARY_ROW.search(r.unit)]
        values = [v for v in values if v is not None]
        if len(values) >= 3:
            place = 1 + sum(1 for v in values if v > c.value)
            out.append(Cell(table, i, row, c.key, f"thứ tự theo “{c.label}”", Decimal(place)))
    return out


def _value(table: ScoreTable, row: ScoreRow, key: str) -> Decimal | None:
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


def _same_grade(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def _about_other_quantity(st: Statement, cell: Cell) -> bool:
    """The sentence names a rate ("tỷ lệ giải ngân …") whose words are in
    neither the column's header nor the table's title: another quantity."""
    before = st.before or ""
    cut = before.rfind(". ")
    m = None
    for m in _RATE_WORDS.finditer(before[cut + 2:] if cut >= 0 else before):
        pass
    if m is None:
        return False
    words = _fold(m.group(1)).split()
    where = _fold(f"{cell.label} {cell.table.title or ''} {' '.join(cell.table.headers)}")
    return not all(w in where for w in words[:2])


_ANNOUNCES_TABLE = re.compile(r"(?:như\s+sau|cụ\s+thể|kết\s+quả|sau\s+đây|dưới\s+đây|bảng)\s*:?\s*$|:\s*$", re.I)


def _announces_table(report: Report, st: Statement) -> bool:
    """The statement's paragraph ends by announcing a table ("Kết quả cụ
    thể như sau:")."""
    for p in report.paragraphs:
        if p.index == st.paragraph:
            return bool(_ANNOUNCES_TABLE.search(" ".join(p.text.split())))
    return False


def _in_context(report: Report, st: Statement, table: ScoreTable, placed, nxt: ScoreTable | None) -> bool:
    """Whether ``table`` is the table the statement's passage is about, so
    that the unit's only cell in it states the same quantity: not when the
    passage introduces another table (the next one in its section, or one it
    announces that was not read: a component, a survey, another year), nor
    when a numbered heading stands between the statement and the table."""
    if st.paragraph is None:
        return False
    where = dict((id(t), p) for p, t in placed)
    if _names_annex_of(report, st, table, where.get(id(table))):
        return True  # "Đơn vị cao nhất là Sở Y tế (89,7 điểm) (Phụ lục II)": the sentence says which table
    if nxt is not None:
        return table is nxt
    if _announces_table(report, st):
        return False  # "… Kết quả cụ thể như sau:" and no table read after it
    p = where.get(id(table))
    if p is None:
        return True  # a table that cannot be placed: the document's one figure of that kind for the unit
    lo, hi = sorted((p, st.paragraph))
    return not any(s.kind == StatementKind.SECTION and s.paragraph is not None and lo < s.paragraph <= hi
                   for s in report.statements)


def _names_annex_of(report: Report, st: Statement, table: ScoreTable, opening: int | None) -> bool:
    """Whether the statement's sentence names the annex that holds ``table``."""
    annex = annex_of(report, table, opening)
    if annex is None:
        return False
    text = next((p.text for p in report.paragraphs if p.index == st.paragraph), "")
    at = text.find(st.text)
    if at < 0:
        return False
    start, end = sentence_span(text, at, at + len(st.text))
    return annex in annexes_named(text[start:end])


def _sure_cell(report: Report, st: Statement, cells: list[Cell]) -> Cell | None:
    """The one cell the claim is surely about, or None: the unit's only cell
    of that kind (or one row whose cells of that kind all agree) in a table
    of the statement's own passage, its one cell in the table that follows
    the paragraph in its section, or the one cell whose header the sentence
    names, or the one cell whose header says the stage of the assessment
    the figure's own words say ("Hội đồng thẩm định chấm 26,23 điểm" is
    "Điểm thẩm định", not "Điểm tự đánh giá")."""
    placed = [(p, t) for t in report.tables for p in [_table_paragraph(report, t)] if p is not None]
    nxt = _next_table_in_section(report, st, placed) if st.paragraph is not None else None
    only = None
    if len({(id(c.table), c.row_index, c.key) for c in cells}) == 1:
        only = cells[0]
    elif len({(id(c.table), c.row_index) for c in cells}) == 1 and len({c.value for c in cells}) == 1:
        only = cells[0]  # one row whose cells of that kind all say the same (a place by points and by percent)
    if only is not None and _in_context(report, st, only.table, placed, nxt):
        return only
    own = [c for c in cells if c.table is nxt]
    if len(own) == 1:
        return own[0]
    clause = _fold(st.clause or "")
    named = [c for c in cells if _specific(c.label) and _fold(re.sub(r"\([^()]*\)", " ", c.label)).strip() in clause]
    if len(named) == 1:
        return named[0]
    staged = [c for c in cells if stage(c.label) and stage(c.label) == stage(own_words(st.clause or ""))]
    if len(staged) == 1:
        return staged[0]
    return _now_of_change(report, st, cells)


def _now_of_change(report: Report, st: Statement, cells: list[Cell]) -> Cell | None:
    """The figure a change of the same unit follows in its sentence ("Sở
    Xây dựng với 60,38 điểm, giảm 4,91 điểm so với kỳ trước") is the later
    period's: of one row's cells for two periods, the last column's."""
    if st.at is None or len({(id(c.table), c.row_index) for c in cells}) != 1 or len(cells) < 2:
        return None
    text = next((p.text for p in report.paragraphs if p.index == st.paragraph), "")
    follows = any(c.kind == StatementKind.CHANGE and c.unit == st.unit and c.paragraph == st.paragraph
                  and c.at is not None and st.at < c.at and not re.search(r"[.;!?]", text[st.at:c.at])
                  for c in report.statements)
    return cells[-1] if follows else None


def _unit_rows(table: ScoreTable) -> list[ScoreRow]:
    return [r for r in table.rows if r.unit and not _SUMMARY_ROW.search(r.unit)]


def _ranked_units(table: ScoreTable) -> int:
    return sum(1 for r in table.rows if r.unit and not _SUMMARY_ROW.search(r.unit))


def _specific(label: str) -> bool:
    """A header that names one quantity ("Cải cách thể chế"), not a measure
    every table of the document has ("Chỉ số", "Tỷ lệ (%)", "Điểm đạt được")."""
    bare = re.sub(r"\([^()]*\)", " ", label or "")
    return len(bare.strip()) >= 5 and bool(_GENERIC_HEAD.sub(" ", bare).strip())


def _written(value: object, measure: str) -> str:
    if measure == "grade":
        return str(value)
    text = format_vi(value, places_of(value), fixed=True) if isinstance(value, Decimal) else str(value)
    return text + ("%" if measure == "percent" else " điểm" if measure == "points" else "")


def _table_says(cell: Cell, measure: str) -> str:
    if measure == "rank" and cell.label.startswith("thứ tự"):
        return f"{cell.row.unit} đứng thứ {_written(cell.value, measure)} ({cell.label}, bảng {cell.table.index + 1})"
    return f"{_written(cell.value, measure)} (cột “{cell.label}”, bảng {cell.table.index + 1})"


def _claims(st: Statement) -> list[tuple[str, object]]:
    """(measure, value) the statement states for its unit."""
    out: list[tuple[str, object]] = []
    measure = st.measure
    if measure in (Measure.PERCENT, Measure.POINTS, Measure.RANK) and st.value is not None:
        out.append((measure, st.value))
    if st.grade_written:
        out.append(("grade", st.grade_written))
    return out


@rule("UNIT_FIGURE_MISMATCH", "Số liệu của một đơn vị nêu trong lời văn khác dòng của đơn vị đó trong bảng")
def unit_figure_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: điểm, tỷ lệ, thứ hạng hay xếp loại của một đơn vị nêu trong lời văn
    ("xã Lạc Dương đạt 91,5 điểm, xếp thứ 3", "UBND huyện X đạt 85,20%, xếp loại Tốt",
    "thấp nhất là Sở Y tế (56,49%)") so với dòng của đơn vị đó trong bảng (tên so sau
    khi bỏ khác biệt chữ hoa, dấu thanh, "UBND"), cột cùng loại số (điểm, %, thứ hạng,
    xếp loại), làm tròn như lời văn viết. Chỉ báo lỗi khi chắc chắn câu văn và ô nói
    cùng một số liệu: ô ở bảng ngay sau đoạn văn trong cùng mục, hoặc ở cột mà câu văn
    nêu đúng tên riêng, hoặc là ô duy nhất loại đó của đơn vị trong một bảng cùng mục với
    câu văn (không có đề mục xen giữa, đoạn văn không giới thiệu một bảng khác). Số của
    một chỉ số thành phần, một cuộc khảo sát, một năm khác ở mục khác là cảnh báo.
    Vì sao: lời văn hay được viết từ bản nháp của bảng; bảng sửa sau thì số của đơn vị
    trong lời văn sai theo.
    Ví dụ sai: bảng ghi Xã Ẳng Nưa 95,10% mà văn bản viết "Xã Ẳng Nưa đạt 91,10%".
    Ví dụ đúng: "Xã Ẳng Nưa đạt 95,10%, xếp loại Xuất sắc" và bảng ghi 95,10, Xuất sắc."""
    shares = {(st.paragraph, st.percent) for st in report.statements if st.kind == StatementKind.SHARE}
    for st in report.statements:
        unit = st.unit
        if not unit or not st.claim \
                or st.kind not in (StatementKind.PERCENT, StatementKind.SCORE, StatementKind.RANK):
            continue
        if st.kind == StatementKind.PERCENT and (st.paragraph, st.percent) in shares:
            continue  # the percent of a count ("78 quyết định …, đạt tỷ lệ 56,9%"), not the unit's figure
        claims = _claims(st)
        rows = _rows_of(report, unit) if claims else []
        if not rows:
            continue
        for measure, value in claims:
            named = [c for t, i, r in rows for c in _named_cells(t, i, r, st)
                     if measure != "percent" or not _counts(t, c.key)] if measure in ("points", "percent") else []
            plain = [c for t, i, r in rows for c in _cells(t, i, r, measure)]
            if measure == "rank" and any(not c.label.startswith("thứ tự") for c in plain):
                plain = [c for c in plain if not c.label.startswith("thứ tự")]  # a rank stated, before one implied
            cells = [c for c in named or plain if not _about_other_quantity(st, c)]
            if not cells:
                continue
            if measure == "grade":
                hits = [c for c in cells if _same_grade(str(c.value), str(value))]
            else:
                hits = [c for c in named + plain if isinstance(c.value, Decimal) and agrees(value, c.value)]
            for c in hits[:1]:
                ctx.ledger.statement_checked(st, "unit-figure-row")
                ctx.ledger.table_checked(c.table.index, "unit-figure-row", [(c.row_index, c.key)])
            if hits:
                continue
            sure = _sure_cell(report, st, cells) or ranked_of(st, cells, measure, _ranked_units) \
                or out_of_its_maximum(st, cells, measure) or holds_the_extreme(st, cells, _value, _unit_rows)
            cell = sure or cells[0]
            if sure:  # a doubt leaves the claim unchecked: the warning says why
                ctx.ledger.statement_checked(st, "unit-figure-row")
            shown = "; ".join(dict.fromkeys(f"“{c.label}” bảng {c.table.index + 1}: {_written(c.value, measure)}"
                                            for c in cells[:4]))
            yield finding_at(
                "UNIT_FIGURE_MISMATCH", "error" if sure else "warning",
                f"Văn bản nêu {cell.row.unit} {_KIND_WORDS[measure]} {_written(value, measure)} nhưng bảng ghi "
                + (_table_says(cell, measure) if sure
                   else f"{shown} (không rõ văn bản nói tới cột nào)"),
                st, table=cell.table.index, row=cell.row_index, unit=cell.row.unit, column=cell.key,
                reported=str(value), expected=str(cell.value) if sure else None)
