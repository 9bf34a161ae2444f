"""Appendix tables, built in code: one per table of units, in a landscape
section of its own.

The heading reads "Phụ lục I", the title in capitals, and "(Kèm theo Báo cáo
số …)" in italics. The score table has two header rows made from the scheme:
a group over its indicators, a group of one indicator merged down; then the
result block (total over the applicable maximum, percent, grade). Sections of
units (I, II) become rows spanning the table. Header rows repeat on every page
and no row splits across a page break.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import ScoreRow
from ..numbers import format_vi as _format_vi
from ..schemes import Indicator, Scheme
from . import docxml as X, docxml_tables as wordtables
from .data import DraftTable
from .docxml_tables import Cell
from .narrative import lower_first, roman

# Babel is slow per call and tables repeat their values: remember them.
format_vi = lru_cache(maxsize=65536)(_format_vi)

# ND30 (Phụ lục I, khoản 5): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm,
# on landscape pages as on portrait ones.
LANDSCAPE = dict(width_mm=297, height_mm=210, top=20, bottom=20, left=30, right=15, header=8, footer=8)
TEXT_WIDTH_MM = 297 - 30 - 15


@dataclass
class Layout:
    """Column widths (mm) and the text size, chosen from what the cells hold."""

    stt: float
    name: float
    scores: list[float]
    total: float
    percent: float
    grade: float
    size: float
    rank: float = 12.0


def _text_mm(text: str, size: float) -> float:
    """A fair width of a short number or word in Times at ``size`` points."""
    return len(text) * size * 0.5 * 25.4 / 72 + 1.6  # + cell margins


def _layout(columns: list[list[str]], total_texts: list[str], graded: bool) -> Layout:
    for size in (12.0, 11.0, 10.0, 9.0, 8.0):
        scores = [max(max((_text_mm(t, size) for t in col), default=0), _text_mm("(24đ)", size - 1), 9.0)
                  for col in columns]
        total = max(max((_text_mm(t, size) for t in total_texts), default=0), _text_mm("Tổng", size), 14.0)
        percent = max(_text_mm("100,00", size), 14.0)
        grade = max(_text_mm("Xuất sắc", size), 16.0) if graded else 0.0
        stt = max(_text_mm("STT", size), 9.0)
        rank = max(_text_mm("hạng", size), 11.0)
        name = TEXT_WIDTH_MM - stt - sum(scores) - total - percent - grade - rank
        if name >= 38 or size == 8.0:
            if len(columns) and name > 70:  # few columns: share the room
                extra = (name - 70) / (len(columns) + 3)
                scores = [w + extra for w in scores]
                total, percent, grade = total + extra, percent + extra, grade + (extra if graded else 0)
                name = 70
            return Layout(stt, max(name, 30), scores, total, percent, grade, size, rank)
    raise AssertionError("unreachable")


def header_label(ind: Indicator, scheme: Scheme, alone: bool) -> str:
    """'Chỉ số 1 (6đ)'; a group of one indicator names the group as well."""
    mx = f"({format_vi(ind.max)}đ)"
    group = scheme.group(ind.group)
    if alone and group is not None:
        if group.label.casefold() in ind.label.casefold() or ind.label.casefold() in group.label.casefold():
            return f"{group.label} {mx}"
        return f"{group.label}\n{ind.label} {mx}"
    return f"{ind.label} {mx}"


def _header_rows(scheme: Scheme, with_max: bool, name_word: str) -> list[list[Cell]]:
    top = [Cell("STT", rowspan=2, bold=True), Cell(name_word, rowspan=2, bold=True)]
    below: list[Cell] = []
    indicators = list(scheme.scored_indicators)
    i = 0
    while i < len(indicators):
        ind = indicators[i]
        members = [ind]
        if ind.group is not None:
            while i + len(members) < len(indicators) and indicators[i + len(members)].group == ind.group:
                members.append(indicators[i + len(members)])
        group = scheme.group(ind.group)
        if len(members) == 1 or group is None:
            for m in members:
                top.append(Cell(header_label(m, scheme, alone=True), rowspan=2, bold=True))
        else:
            top.append(Cell(group.label, colspan=len(members), bold=True))
            below.extend(Cell(header_label(m, scheme, alone=False), bold=True) for m in members)
        i += len(members)
    result = [Cell("Tổng điểm đạt được" + ("/ tối đa" if with_max else ""), bold=True),
              Cell("Tỷ lệ điểm đạt được (%)", bold=True)]
    if scheme.graded and scheme.grades:
        result.append(Cell("Xếp loại", bold=True))
    top.append(Cell("KẾT QUẢ", colspan=len(result), bold=True))
    top.append(Cell("Xếp hạng", rowspan=2, bold=True))
    below.extend(result)
    return [top, below]


def _unit_row(row: ScoreRow, scheme: Scheme, with_max: bool, stt: int) -> list[Cell]:
    """STT runs 1, 2, 3 … whatever the ties; the rank has its own column."""
    cells = [Cell(str(stt)), Cell(row.unit, align="left")]
    for ind in scheme.scored_indicators:
        cells.append(Cell(format_vi(row.scores.get(ind.key))))
    total = format_vi(row.total, scheme.places)
    cells.append(Cell(f"{total}/{format_vi(row.max)}" if with_max else total))
    cells.append(Cell(format_vi(row.percent, scheme.places)))
    if scheme.graded and scheme.grades:
        cells.append(Cell(row.grade or ""))
    cells.append(Cell(str(row.rank) if row.rank is not None else ""))
    return cells


def table_element(dt: DraftTable, name_word: str = "TÊN CƠ QUAN, ĐƠN VỊ"):
    """The appendix's score table as a ``w:tbl`` element."""
    scheme = dt.scheme
    with_max = scheme.dash_removes_max
    graded = scheme.graded and bool(scheme.grades)
    sections = dt.sections()
    body: list[list[Cell]] = []
    for number, title, members in sections:
        if number is not None or (title and len(sections) > 1):
            body.append([Cell(number or "", bold=True), Cell((title or "").upper(), colspan=-1, bold=True,
                                                                 align="left")])
        body.extend(_unit_row(r, scheme, with_max, stt) for stt, r in enumerate(members, start=1))
    n = len(scheme.scored_indicators)
    unit_rows = [r for r in body if len(r) > 2]
    columns = [[r[2 + i].text for r in unit_rows] for i in range(n)]
    lay = _layout(columns, [r[2 + n].text for r in unit_rows], graded)
    widths = [lay.stt, lay.name, *lay.scores, lay.total, lay.percent] + ([lay.grade] if graded else []) + [lay.rank]
    for row in body:
        for cell in row:
            if cell.colspan == -1:
                cell.colspan = len(widths) - 1
    rows = _header_rows(scheme, with_max, name_word) + body
    return wordtables.table(rows, [X.mm(w) for w in widths], header_rows=2, size=lay.size,
                            header_size=lay.size - 1)


def appendix_elements(dt: DraftTable, number: int, attachment_ref: str, period_text: str = "") -> list:
    """Heading, title, 'Kèm theo' line, rule and table of one appendix, and the
    note on '-'. Where the figures come from is never printed: the renderer
    puts it in a Word comment."""
    title = (dt.title or f"Kết quả đánh giá, xếp loại {lower_first(dt.heading)}")
    if period_text and period_text.casefold() not in title.casefold():
        title = f"{title} {period_text}"
    out = [
        X.paragraph(f"Phụ lục {roman(number)}", align="center", bold=True, size=14, keep_next=True),
        X.paragraph(title.upper(), align="center", bold=True, size=13, keep_next=True),
        X.paragraph(f"({attachment_ref})", align="center", italic=True, size=13, keep_next=True),
        X.short_rule(X.mm(40), X.mm(TEXT_WIDTH_MM)),
        X.paragraph("", size=6, keep_next=True),
        table_element(dt),
    ]
    if any(r.scores.get(i.key) is None for r in dt.rows for i in dt.scheme.scored_indicators):
        dropped = "; điểm của chỉ số đó không tính vào điểm tối đa" if dt.scheme.dash_removes_max else ""
        out.append(X.paragraph("Ghi chú: dấu (-) là chỉ số cơ quan, đơn vị không phải thực hiện hoặc chưa đến "
                               f"thời điểm đánh giá{dropped}.", italic=True, size=11, before=6))
    return out
