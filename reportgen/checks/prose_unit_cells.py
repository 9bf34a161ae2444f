"""Which one cell a unit's figure in the prose is surely about, from what
the sentence says of it (:mod:`.prose_units` places it in the document
first): the stage of the assessment ("Hội đồng thẩm định chấm 26,23 điểm"
is the column whose header says "thẩm định", not "tự đánh giá"), a rank of
N units ("xếp thứ 3/11" of a table ranking 11), points out of the cell's
own maximum ("đạt 86,97/100 điểm" of a total out of 100). A cell is given
as the rule's own (a NamedTuple with ``table``, ``row``, ``key``, ``label``)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from ..model import Column, ScoreRow, ScoreTable, Stat, Statement
from ..text.names import same_unit, units_across
from .prose_unit_rows import PERCENT_HEAD, POINTS_HEAD, total_max

# The stage of an assessment a header or a clause says: the unit's own, or the appraisal of it.
_STAGES = (("self", re.compile(r"(?<!\w)tự\s+(?:đánh\s+giá|chấm)", re.I)),
           ("appraised", re.compile(r"(?<!\w)thẩm\s+định", re.I)))


def stage(text: str) -> str | None:
    """The one stage of an assessment ``text`` says ("Điểm tự đánh giá":
    self; "Hội đồng thẩm định chấm": appraised), None for none or both."""
    said = [name for name, pattern in _STAGES if pattern.search(text)]
    return said[0] if len(said) == 1 else None


def own_words(clause: str) -> str:
    """The words of a figure's clause after the figure before it: "Sở Tư
    pháp tự đánh giá 27,50 điểm, Hội đồng thẩm định chấm" says "Hội đồng
    thẩm định chấm" of the second figure."""
    return re.split(r"\d(?:[\d.,]*\d)?\s*(?:điểm|%)?\s*[,;]?", clause)[-1]


def out_of_its_maximum(st: Statement, cells: list, measure: str):
    """The one cell of points the prose writes out of that cell's own maximum
    ("Sở Ngoại vụ đạt 86,97/100 điểm" and a score table whose indicators'
    maxima make 100, or the row's own "Điểm tối đa" of 100)."""
    if measure != "points" or st.denominator is None or len(cells) != 1:
        return None
    cell = cells[0]
    top = next((c.max for c in cell.table.columns if c.key == cell.key), None)
    if cell.key == "total":
        top = total_max(cell.table, cell.row)
    if top is None:  # the row's own maximum in a column of its own ("Điểm tối đa", "Điểm chuẩn")
        tops = [cell.row.scores.get(c.key) for c in cell.table.columns if _MAX_HEAD.search(c.label or "")]
        top = tops[0] if len(tops) == 1 else None
    return cell if top is not None and top == st.denominator else None


_MAX_HEAD = re.compile(r"tối\s+đa|điểm\s+chuẩn", re.I)


def ranked_of(st: Statement, cells: list, measure: str, ranked_units: Callable[[ScoreTable], int]):
    """The one rank a table states for the unit when the prose ranks it of as
    many units as that table lists ("xếp thứ 4/11" and a table of 11 units),
    of the tables that rank it the only one of N units."""
    if measure != "rank" or st.denominator is None:
        return None
    of_n = [c for c in cells if not c.label.startswith("thứ tự") and ranked_units(c.table) == st.denominator]
    return of_n[0] if len(of_n) == 1 else None  # of two rank columns, the one of a table of N units


def holds_the_extreme(st: Statement, cells: list, value_of: Callable, units_of: Callable):
    """The one cell whose column's highest (lowest) figure over the table's
    units is the figure the prose says is the highest (lowest) and names a
    unit for ("thấp nhất là Sở Công Thương (58,67 điểm)" where 58,67 is the
    least of "Tổng điểm" only): the named unit's cell of that column, which
    should hold it. ``value_of(table, row, key)``: a cell's figure;
    ``units_of(table)``: the rows that are units."""
    if st.stat not in (Stat.MAX, Stat.MIN) or st.value is None:
        return None
    pick = max if st.stat == Stat.MAX else min
    found = []
    for cell in cells:
        figures = [v for r in units_of(cell.table) if (v := value_of(cell.table, r, cell.key)) is not None]
        if len(figures) >= 3 and pick(figures) == st.value:
            found.append(cell)
    return found[0] if len(found) == 1 else None


# Rows of a units-as-columns table that hold no figure of the unit itself.
_NOT_FIGURE_ROW = re.compile(r"tối\s+đa|chuẩn|thứ\s+hạng|xếp\s+hạng|xếp\s+loại|chênh\s+lệch|tăng|giảm|biến\s+động",
                             re.I)
_ROW_MEASURE = {"percent": PERCENT_HEAD, "points": POINTS_HEAD}


def unit_columns(tables: list[ScoreTable], unit: str) -> Iterator[tuple[ScoreTable, Column]]:
    """(table, column) of ``unit`` in the tables whose units are their
    columns ("Nội dung | Sở Y tế | … | Trung bình", rows "Điểm quý II",
    "Điểm quý III", "Chênh lệch")."""
    for t in tables:
        if units_across([c.label for c in t.columns], [r.unit for r in t.rows]):
            yield from ((t, col) for col in t.columns if same_unit(col.label or "", unit))


def across_cells(tables: list[ScoreTable], unit: str, measure: str, make: Callable) -> list:
    """The cells of ``unit`` in the tables whose units are their columns
    (:func:`unit_columns`): the unit's column, on each row of the measure
    that is neither a maximum, a rank nor a change. ``make(table, row_index,
    row, key, label, value)`` builds the rule's cell; ``row`` stands for the
    unit (its name is the header's) and ``label`` is the row's words."""
    head = _ROW_MEASURE.get(measure)
    if head is None:
        return []
    out = []
    for t, col in unit_columns(tables, unit):
        for i, r in enumerate(t.rows):
            label, v = r.unit or "", r.scores.get(col.key)
            if isinstance(v, Decimal) and head.search(label) and not _NOT_FIGURE_ROW.search(label):
                out.append(make(t, i, ScoreRow(unit=col.label), col.key, label, v))
    return out


_PERIOD_WORD = re.compile(r"(?<!\w)(?:quý|tháng|năm|kỳ|đợt)(?!\w)", re.I)


def period_named(clause: str, cells: list):
    """The one cell of a units-as-columns table whose row the clause names
    by its period ("Đứng đầu quý III là …" and the row "Điểm quý III"; never
    "Điểm quý II"): the row's words less the measure, as whole words."""
    named = []
    for c in cells:
        if not _PERIOD_WORD.search(c.label):
            continue
        words = re.sub(r"(?<!\w)(?:điểm|tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số)(?!\w)|[%()]", " ", c.label, flags=re.I).split()
        if words and re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", clause, re.I):
            named.append(c)
    return named[0] if len(named) == 1 else None
