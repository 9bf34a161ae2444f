"""A unit's change stated in the prose with no earlier figure beside it
(read.statements_unit_changes: "Sở Xây dựng … giảm 4,91 điểm so với kỳ
trước") held to the unit's row: the cell of a change column ("Tăng (+)/giảm
(-)", "Chênh lệch", "Tăng, giảm so với quý trước") of the measure the change
is written in, else the difference of the row's two cells of that measure
for two periods (the later less the earlier, in the order of the columns).

A change column's sign is the table's own: where the column is the
difference of two others on most rows (``relations_changes.difference_pair``,
a − b or b − a by fit), a change written unsigned as "earlier less later"
("Điểm tự đánh giá | Điểm thẩm định | Chênh lệch" writing 0,346 for a score
lowered by 0,346) is read as that fall; the prose's "giảm X" / "tăng X" is
held to the magnitude and the direction the convention gives.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Measure, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi, places_of
from .prose_counts import finding_at
from .prose_unit_cells import unit_columns
from .prose_unit_rows import PERCENT_HEAD, POINTS_HEAD, agrees, rows_of
from .registry import CheckContext, rule
from .relations_changes import difference_pair
from .relations_frame import ColKind
from .relations_support import col_name, frames

_CHANGE_HEAD = re.compile(r"tăng|giảm|chênh\s*lệch|thay\s*đổi|biến\s*động|\+\s*/\s*-|\+\s*,\s*-|±", re.I)
_ONE_WAY = re.compile(r"^(?!.*(?:tăng.*giảm|giảm.*tăng|chênh|thay|biến|±|\+\s*[/,]\s*-)).*(?:tăng|giảm)", re.I)
_NOT_PERIOD = re.compile(r"tối\s*đa|chuẩn|hạng|loại|thứ\s*tự|stt|số\s*lượng|số\s*hồ\s*sơ|lượt", re.I)
_NOT_COUNTED = re.compile(r"tối\s*đa|chuẩn|hạng|loại|thứ\s*tự|stt", re.I)  # a count's periods may say "Số hồ sơ"


class Candidate(NamedTuple):
    table: ScoreTable
    row: int
    key: str
    label: str
    value: Decimal  # the change the table gives
    basis: str  # how: the cell, or "later − earlier"
    unit: str  # the unit's name as the table writes it
    sign: int | None = None  # a change cell: +1 written later − earlier, −1 earlier − later, None unknown
    pair: str = ""  # … the two columns it is the difference of, as the table computes it

    @property
    def change(self) -> Decimal:
        """The change (later less earlier) the table gives."""
        return -self.value if self.sign == -1 else self.value


def _of_measure(label: str, measure: Measure) -> bool:
    if measure == Measure.PERCENT:
        return bool(PERCENT_HEAD.search(label))
    if measure == Measure.COUNT:  # a count's columns: any but a percent, a rate or points
        return not re.search(r"%|tỷ\s*lệ|tỉ\s*lệ|điểm", label, re.I)
    return bool(POINTS_HEAD.search(label)) and not re.search(r"%|tỷ\s*lệ|tỉ\s*lệ", label, re.I)


def _candidates(table: ScoreTable, i: int, measure: Measure) -> list[Candidate]:
    """The changes the row gives: its change columns' cells, else the
    difference of its two period columns of the measure."""
    row = table.rows[i]
    cells = [(i, c.key, c.label or "", row.scores.get(c.key)) for c in table.columns]
    return _changes(table, [c for c in cells if isinstance(c[3], Decimal)], measure, row.unit)


def _across(table: ScoreTable, key: str, unit: str, measure: Measure) -> list[Candidate]:
    """The changes the unit's column of a units-as-columns table gives
    (rows "Điểm quý II", "Điểm quý III", "Chênh lệch")."""
    cells = [(i, key, r.unit or "", r.scores.get(key)) for i, r in enumerate(table.rows)]
    return _changes(table, [c for c in cells if isinstance(c[3], Decimal)], measure, unit)


def _changes(table: ScoreTable, cells: list[tuple[int, str, str, Decimal]], measure: Measure,
             unit: str) -> list[Candidate]:
    """Of one unit's cells (row, key, label, value): those whose label says
    a change, else the later less the earlier of its two period cells."""
    changes = [Candidate(table, i, k, label, v, "", unit) for i, k, label, v in cells if _CHANGE_HEAD.search(label)
               and (measure != Measure.COUNT or _of_measure(label, measure))]
    if changes:
        return changes
    periods = [c for c in cells if _of_measure(c[2], measure)
               and not (_NOT_COUNTED if measure == Measure.COUNT else _NOT_PERIOD).search(c[2])]
    if len(periods) != 2:
        return []
    (_, _, _, a), (i, k, late, b) = periods
    return [Candidate(table, i, k, late, b - a, f"{format_vi(b, places_of(b))} − {format_vi(a, places_of(a))}",
                      unit)]


def _across_candidates(report: Report, unit: str, measure: Measure) -> list[Candidate]:
    return [c for t, col in unit_columns(report.tables, unit) for c in _across(t, col.key, col.label, measure)]


def _signed_by_table(report: Report, c: Candidate) -> Candidate:
    """The candidate with the sign convention its change column follows on
    the table's rows: the column is a − b (or b − a) of two columns of the
    table, the later less the earlier when the first is the right one."""
    if c.basis:
        return c
    frame = next((f for f in frames(report) if f.table is c.table and not f.transposed), None)
    col = next((x for x in frame.nums() if x.key == c.key), None) if frame is not None else None
    pair = difference_pair(frame, col) if col is not None else None
    if pair is None or ColKind.RANK in (pair[0].kind, pair[1].kind):
        return c  # a move in rank goes up as its number goes down: not a change of figures
    minuend, subtrahend, _ = pair
    return c._replace(sign=1 if minuend.index > subtrahend.index else -1,
                      pair=f"{col_name(minuend)} − {col_name(subtrahend)}")


def _agrees(signed: Decimal, c: Candidate) -> bool:
    if c.sign is not None:
        return agrees(signed, c.change)  # the direction as the table computes its column
    if agrees(signed, c.value):
        return True  # "giảm 4,91" and "-4,91"
    one_way = not c.basis and _ONE_WAY.search(c.label) is not None
    return one_way and c.value >= 0 and agrees(abs(signed), c.value)  # "Giảm so với quý trước": 4,91


@rule("CHANGE_MISMATCH", "Mức tăng, giảm của một đơn vị nêu trong lời văn khác dòng của đơn vị đó trong bảng")
def unit_change_vs_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: mức tăng, giảm của một đơn vị nêu trong lời văn mà không kèm số kỳ
    trước ("Sở Xây dựng … giảm 4,91 điểm so với kỳ trước") so với dòng của đơn vị đó
    trong bảng: ô của cột tăng, giảm ("Tăng (+)/giảm (-)", "Chênh lệch"), hoặc hiệu hai
    cột điểm (tỷ lệ) của hai kỳ khi bảng không có cột ấy. Dấu của cột tăng, giảm đọc theo
    chính bảng: cột là hiệu a − b hay b − a của hai cột khác (khớp trên phần lớn các dòng),
    nên "Chênh lệch" ghi 0,346 = Điểm tự đánh giá − Điểm thẩm định là giảm 0,346. Là lỗi
    khi chỉ một ô (một cặp cột) có thể là mức ấy; nhiều ô thì là cảnh báo.
    Vì sao: lời văn chép mức tăng, giảm từ bản nháp của bảng; bảng sửa sau thì lời văn sai theo.
    Ví dụ sai: bảng ghi Sở Xây dựng −4,91 mà văn bản viết "giảm 5,61 điểm so với kỳ trước".
    Ví dụ đúng: "giảm 4,91 điểm so với kỳ trước"; bảng "Điểm tự đánh giá 16,497 | Điểm
    thẩm định 16,151 | Chênh lệch 0,346" và văn bản "giảm 0,346 điểm so với điểm tự đánh
    giá" (viết "tăng 0,346 điểm" là sai)."""
    for st in report.statements:
        if st.kind != StatementKind.CHANGE or not st.unit or st.whole is not None or not st.parts:
            continue
        signed = st.parts[0]
        candidates = [_signed_by_table(report, c) for t, i, _ in rows_of(report, st.unit)
                      for c in _candidates(t, i, st.measure or Measure.POINTS)] \
            + _across_candidates(report, st.unit, st.measure or Measure.POINTS)
        if not candidates:
            continue  # the table gives no change of the unit: the claim stays unchecked
        hits = [c for c in candidates if _agrees(signed, c)]
        sure = len(candidates) == 1
        if hits or sure:
            ctx.ledger.statement_checked(st, "unit-change-vs-row")
            c = (hits or candidates)[0]
            ctx.ledger.table_checked(c.table.index, "unit-change-vs-row", [(c.row, c.key)])
        if hits:
            continue
        yield _finding(st, candidates, sure)


def _finding(st: Statement, candidates: list[Candidate], sure: bool) -> Finding:
    signed = st.parts[0]
    word = "tăng" if signed >= 0 else "giảm"
    written = f"{word} {format_vi(abs(signed), places_of(signed))}" \
        + ("%" if st.measure == Measure.PERCENT else f" {st.noun}" if st.measure == Measure.COUNT else " điểm")
    c = candidates[0]
    shown = "; ".join(f"“{x.label}” bảng {x.table.index + 1}: {format_vi(x.value, places_of(x.value))}"
                      + (f" ({x.basis})" if x.basis else _direction(x)) for x in candidates[:3])
    says = f"{shown}" if sure else f"{shown} (không rõ văn bản nói tới cột nào)"
    return finding_at("CHANGE_MISMATCH", "error" if sure else "warning",
                      f"Văn bản nêu {st.unit} {written} nhưng bảng ghi {says}", st,
                      table=c.table.index, row=c.row, unit=c.unit, column=c.key,
                      reported=str(signed), expected=str(c.change) if sure else None)


def _direction(c: Candidate) -> str:
    """What a change cell written earlier less later says once read by its
    column's convention: " (Điểm tự đánh giá − Điểm thẩm định: giảm 0,346)"."""
    if c.sign != -1 or c.change == 0:
        return ""
    word = "tăng" if c.change > 0 else "giảm"
    return f" ({c.pair}: {word} {format_vi(abs(c.change), places_of(c.change))})"
