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
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, ScoreRow, ScoreTable, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.dates import before_the_period, names_another_period
from ..text.lines import sentence_span
from .prose_counts import finding_at
from .prose_refs import annex_of, annexes_named
from .prose_stat_columns import is_annex, names_column
from .prose_tables import _next_table_in_section, _table_paragraph
from .prose_unit_cells import (
    across_cells,
    holds_the_extreme,
    out_of_its_maximum,
    own_words,
    period_named,
    ranked_of,
    stage,
)
from .prose_unit_rows import (
    GENERIC_HEAD,
    SUMMARY_ROW,
    Cell,
    agrees,
    cell_value,
    counts_column,
    fold,
    named_cells,
    rows_of,
    same_grade,
    unit_cells,
)
from .registry import CheckContext, rule

_RATE_WORDS = re.compile(r"(?:tỷ|tỉ)\s+lệ\s+((?:[^\W\d]+\s+){1,2}[^\W\d]+)", re.I)
_KIND_WORDS = {"percent": "đạt", "points": "đạt", "rank": "xếp thứ", "grade": "xếp loại"}


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
    words = fold(m.group(1)).split()
    where = fold(f"{cell.label} {cell.table.title or ''} {' '.join(cell.table.headers)}")
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
    when a numbered heading stands between the statement and the table —
    unless the table is the report's annex after its text."""
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
    if p > st.paragraph and st.kind != StatementKind.RANK and is_annex(report, table):
        return True  # the report's annex ("PHỤ LỤC KẾT QUẢ …" after its text), whose figures its body sums up
        # (a rank may be of another population, the province's among the country's: never so sure)
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
    clause = fold(st.clause or "")
    named = [c for c in cells if _specific(c.label) and (fold(re.sub(r"\([^()]*\)", " ", c.label)).strip() in clause
                                                         or names_column(c.table, c.key, c.label, st.clause or ""))]
    if len(named) == 1:
        return named[0]
    staged = [c for c in cells if stage(c.label) and stage(c.label) == stage(own_words(st.clause or ""))]
    if len(staged) == 1:
        return staged[0]
    by_period = period_named(st.clause or "", cells)
    if by_period is not None:
        return by_period
    if len({id(c.table) for c in cells}) >= 2 and len({c.value for c in cells}) == 1:
        return cells[0]  # every table that gives the unit a figure of that kind gives the same one
    return _now_of_change(report, st, cells)


def _now_of_change(report: Report, st: Statement, cells: list[Cell]) -> Cell | None:
    """The figure a change of the same unit follows in its sentence ("Sở
    Xây dựng với 60,38 điểm, giảm 4,91 điểm so với kỳ trước") is the later
    period's: of one row's cells for two periods, the last column's."""
    if st.at is None or len({(id(c.table), c.row.unit) for c in cells}) != 1 or len(cells) < 2:
        return None
    text = next((p.text for p in report.paragraphs if p.index == st.paragraph), "")
    follows = any(c.kind == StatementKind.CHANGE and c.unit == st.unit and c.paragraph == st.paragraph
                  and c.at is not None and st.at < c.at and not re.search(r"[.;!?]", text[st.at:c.at])
                  for c in report.statements)
    return cells[-1] if follows else None


def _corroborated(report: Report, st: Statement, cells: list[Cell]) -> Cell | None:
    """The one cell of its kind in a row that the sentence's other claims
    about the unit confirm: the grade written with the figure is the row's,
    and so is the rank its sentence gives ("Sở Văn hóa … đạt 62,28%, xếp loại
    Trung bình, xếp thứ 12/15"): the sentence speaks of that row."""
    if len(cells) != 1 or cells[0].row is not cells[0].table.rows[cells[0].row_index]:
        return None
    row = cells[0].row
    if not (st.grade_written and row.grade and same_grade(row.grade, st.grade_written)):
        return None
    ranks = [o for o in report.statements if o.kind == StatementKind.RANK and o.unit == st.unit
             and o.paragraph == st.paragraph and o.value is not None]
    c = cells[0]
    places = {v.value for v in unit_cells(c.table, c.row_index, row, "rank") if isinstance(v.value, Decimal)}
    return c if any(o.value in places for o in ranks) else None


def _confirmed_by_siblings(report: Report, st: Statement, cells: list[Cell]) -> Cell | None:
    """Of the unit's cells in several tables, the one whose row holds the
    other figure its sentence gives the unit ("Sở Y tế đạt 58,17%, xếp thứ
    11/14": the rank of the table where Sở Y tế has 58,17%). Of one cell,
    that cell when the sentence's figure of the other measure is its row's
    ("Sở Tài chính dẫn đầu với 98,03 điểm (97,03%)": the row of 98,03 points,
    whose percent is 98,03): the sentence speaks of that row."""
    single = len(cells) == 1 and st.kind in (StatementKind.PERCENT, StatementKind.SCORE)  # a rank: maybe another
    # population's ("xếp thứ 3/4" beside a table of three), never so sure
    if len({id(c.table) for c in cells}) < 2 and not single:
        return None
    siblings = [o for o in report.statements if o is not st and o.unit == st.unit and o.paragraph == st.paragraph
                and o.kind in (StatementKind.PERCENT, StatementKind.SCORE) and o.claim and o.value is not None
                and not (single and o.kind == st.kind)]
    confirmed = [c for c in cells
                 if any(isinstance(x.value, Decimal) and agrees(o.value, x.value) for o in siblings
                        for x in unit_cells(c.table, c.row_index, c.row, "percent" if o.kind == StatementKind.PERCENT
                                        else "points"))]
    return confirmed[0] if len(confirmed) == 1 else None


def _this_period(cells: list[Cell], report: Report) -> list[Cell]:
    """The cells less those whose header names a period before the report's
    ("Chỉ số năm 2024 (%)" beside "Chỉ số năm 2025 (%)" in a report of 2025)."""
    labels = [c.label for c in cells]
    return [c for c in cells if not before_the_period(c.label, report.meta.period, labels)]


def _unit_rows(table: ScoreTable) -> list[ScoreRow]:
    return [r for r in table.rows if r.unit and not SUMMARY_ROW.search(r.unit)]


def _ranked_units(table: ScoreTable) -> int:
    return sum(1 for r in table.rows if r.unit and not SUMMARY_ROW.search(r.unit))


def _specific(label: str) -> bool:
    """A header that names one quantity ("Cải cách thể chế"), not a measure
    every table of the document has ("Chỉ số", "Tỷ lệ (%)", "Điểm đạt được")."""
    bare = re.sub(r"\([^()]*\)", " ", label or "")
    return len(bare.strip()) >= 5 and bool(GENERIC_HEAD.sub(" ", bare).strip())


def _written(value: object, measure: str) -> str:
    if measure == "grade":
        return str(value)
    text = format_vi(value, places_of(value), fixed=True) if isinstance(value, Decimal) else str(value)
    return text + ("%" if measure == "percent" else " điểm" if measure == "points" else "")


def _table_says(cell: Cell, measure: str) -> str:
    if measure == "rank" and cell.label.startswith("thứ tự"):
        return f"{cell.row.unit} đứng thứ {_written(cell.value, measure)} ({cell.label}, bảng {cell.table.index + 1})"
    across = cell.row is not cell.table.rows[cell.row_index]  # a units-as-columns table: the label is a row's
    where = "dòng" if across else "cột"
    return f"{_written(cell.value, measure)} ({where} “{cell.label}”, bảng {cell.table.index + 1})"


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
        rows = rows_of(report, unit) if claims else []
        if not rows and not any(across_cells(report.tables, unit, m, Cell) for m, _ in claims):
            continue
        for measure, value in claims:
            named = [c for t, i, r in rows for c in named_cells(t, i, r, st)
                     if measure != "percent" or not counts_column(t, c.key)] if measure in ("points", "percent") else []
            plain = [c for t, i, r in rows for c in unit_cells(t, i, r, measure)] \
                + across_cells(report.tables, unit, measure, Cell)
            if measure == "rank" and any(not c.label.startswith("thứ tự") for c in plain):
                plain = [c for c in plain if not c.label.startswith("thứ tự")]  # a rank stated, before one implied
            if not names_another_period(st.clause or "", report.meta.period):  # a figure of this period
                named, plain = _this_period(named, report), _this_period(plain, report)
            cells = [c for c in named or plain if not _about_other_quantity(st, c)]
            if not cells:
                continue
            if measure == "grade":
                hits = [c for c in cells if same_grade(str(c.value), str(value))]
            else:
                # of a quarter the sentence names, or of the table its other figure is in, that cell alone
                meant = period_named(st.clause or "", cells) or _confirmed_by_siblings(report, st, cells)
                pool = [meant] if meant is not None else named + plain
                hits = [c for c in pool if isinstance(c.value, Decimal) and agrees(value, c.value)]
            for c in hits[:1]:
                ctx.ledger.statement_checked(st, "unit-figure-row")
                ctx.ledger.table_checked(c.table.index, "unit-figure-row", [(c.row_index, c.key)])
            if hits:
                continue
            sure = _sure_cell(report, st, cells) or ranked_of(st, cells, measure, _ranked_units) \
                or out_of_its_maximum(st, cells, measure) or holds_the_extreme(st, cells, cell_value, _unit_rows) \
                or _corroborated(report, st, cells) or _confirmed_by_siblings(report, st, cells)
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
