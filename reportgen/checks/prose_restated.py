"""A figure of the prose that restates one cell of a table: "PCI năm 2025
đạt 66,17 điểm, xếp thứ 43/63; năm 2024 … xếp thứ 55/63" above the table
"Chỉ số thành phần | Năm 2024 | Năm 2025 | … | Thứ hạng 2024 | Thứ hạng 2025"
whose row "PCI (có trọng số)" writes 55 and 43; "Tổng điểm PAPI năm 2025 …
đạt 44,48/80 điểm" above "… | Năm 2025 | …" whose "Tổng cộng (tối đa 80
điểm)" row writes 44,48.

The cell is found by structure, never by its value:

- the table: one of the tables of the claim's section (placed by their
  titles in the prose);
- the column: one whose header writes the claim's measure (a rank: "Thứ
  hạng", "Xếp hạng"; points: any number column but a rank, a percent, a
  change or a maximum; a rate said right after its year, "(năm 2024 đạt
  98,41%)": a column of rates dated that year by its header or by the column
  right before it) and, when the sentence dates the figure ("năm 2025"),
  that year — a column dated another year is never it;
- the row: the one whose name the sentence says in full ("Thủ tục hành
  chính công xếp thứ 56/63"), else the table's overall row ("Tổng cộng",
  "Chỉ số chung", or the row named by the index the sentence names: "PCI").

A figure equal to its cell is checked. A figure that differs from the one
cell the structure gives (one table, one row, one column, dated like the
sentence) is an error; where the structure gives several cells, one equal
to the figure checks it and none leaves it unchecked (the coverage says so).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..coverage import CLAIM_BOUND_RELATIONS
from ..model import Finding, Report, Statement, StatementKind
from ..numbers import format_vi, places_of, quantize
from ..text import fold
from ..text.labels import stat_of
from .prose_counts import finding_at
from .prose_tables import _table_paragraph
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row
from .relations_support import frames, record, where

# The words right before a rank "x/N": "xếp thứ 43/63", "xếp hạng 12/63", "đứng thứ 5/34", "vị trí 11/63".
_RANK_BEFORE = re.compile(r"(?:xếp\s+(?:thứ|hạng)|đứng\s+(?:thứ|vị\s+trí)|vị\s+trí|hạng)\s*(?:thứ\s*)?:?\s*$", re.I)
_RANK_HEAD = re.compile(r"(?:thứ|xếp)\s*hạng|^hạng\b|\bhạng\s*\d{4}|vị\s*trí")
_CHANGE_HEAD = re.compile(r"tăng|giảm|so\s*với|chênh|thay\s*đổi|bậc")
_NOT_POINTS_HEAD = re.compile(r"%|t[ỷỉ]\s*lệ|tối\s*đa|chuẩn|trọng\s*số")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_RATE_HEAD = re.compile(r"%|t[ỷỉ]\s*lệ")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.U)
_STOP = frozenset("và của các trong đối với cho có là được theo tại ở".split())
# Words any row of an index table may share with the sentence: not a name of the overall row.
_INDEX_WORDS = frozenset("chỉ số điểm năm tổng".split())


@rule("QUANTITY_CONFLICT", "Thứ hạng hay điểm nêu trong lời văn khác ô của bảng ghi cùng chỉ số, cùng năm")
def restated_cell(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: thứ hạng "xếp thứ x/N", điểm "x/y điểm" hay tỷ lệ của một năm ("năm
    2024 đạt 98,41%") nêu trong lời văn so với
    ô của bảng trong cùng mục ghi cùng đại lượng: cột có cùng loại số (thứ hạng, điểm)
    và cùng năm câu văn nêu, dòng có tên câu văn nêu đủ (hoặc dòng chung của bảng:
    "Tổng cộng", "Chỉ số chung", dòng mang tên chỉ số câu văn nói tới). Là lỗi khi cấu
    trúc chỉ ra đúng một ô; khi có nhiều ô, một ô bằng số liệu thì nhận định được đối
    chiếu, không ô nào bằng thì nhận định vẫn là chưa đối chiếu được.
    Vì sao: lời văn chép lại số của bảng bằng tay; sửa bảng mà quên sửa câu (hay ngược
    lại) làm văn bản tự mâu thuẫn, và không phép cộng nào của bảng thấy được.
    Ví dụ sai: "PCI năm 2025 đạt 66,17 điểm, xếp thứ 34/63" trong khi bảng "Kết quả PCI"
    ghi ở dòng "PCI (có trọng số)", cột "Thứ hạng 2025": 43.
    Ví dụ đúng: "… xếp thứ 43/63"."""
    paragraphs = {p.index: p.text for p in report.paragraphs}
    placed = [(p, t.index) for t in report.tables for p in [_table_paragraph(report, t)] if p is not None]
    sections = sorted(s.paragraph for s in report.statements
                      if s.kind == StatementKind.SECTION and s.paragraph is not None)
    by_table = {f.table.index: f for f in frames(report)}
    for st in report.statements:
        claim = _claim(st, paragraphs)
        if claim is None or ctx.ledger.statement_relations(st) - CLAIM_BOUND_RELATIONS:
            continue  # checked by a rule that knows more (the mean or the best of a column, a percent of it)
        measure, sentence, year = claim
        rank = measure == "rank"
        tables = _section_tables(st.paragraph, placed, sections)
        cells = [(frame, row, col) for t in tables if (frame := by_table.get(t)) is not None
                 for col in (_rate_columns(frame, year) if measure == "percent"
                             else _columns(frame, rank, year, st.denominator))
                 for row in _rows(frame, sentence) if col.index in row.cells]
        if not cells:
            continue
        equal = [c for c in cells if _equal(st, *c)]
        if len(equal) == 1 or len(cells) == 1:
            frame, row, col = (equal or cells)[0]
            ctx.ledger.statement_checked(st, "restated-in-table")
            record(ctx, frame, "restated-in-prose", [(row, col)])
        if equal or len(cells) != 1 or (year is not None and measure != "percent"
                                        and not _dated(cells[0][0], cells[0][2], year)):
            continue
        frame, row, col = cells[0]
        cell = row.cells[col.index]
        title = frame.table.title or f"bảng {frame.table.index + 1}"
        what = {"rank": "thứ hạng", "points": "điểm", "percent": "tỷ lệ"}[measure]
        yield finding_at("QUANTITY_CONFLICT", "error",
                         f"Văn bản ghi {what} “{st.text}”{f' (năm {year})' if year else ''} nhưng bảng “{title}” "
                         f"ghi ở dòng “{where(row)}”, cột “{col.label}”: {cell.text.strip() or format_vi(cell.value)}",
                         st, reported=str(_figure(st)), expected=str(cell.value))


def _claim(st: Statement, paragraphs: dict[int, str]) -> tuple[bool, str, str | None] | None:
    """(is a rank, the sentence up to the figure, the year it dates the figure)
    of a rank "xếp thứ x/N" or of points "x/y điểm", else None."""
    if st.kind == StatementKind.PERCENT and st.paragraph is not None and st.value is not None:
        return _dated_percent(st, paragraphs.get(st.paragraph, ""))
    if st.numerator is None or st.paragraph is None or st.at is None:
        return None
    text = paragraphs.get(st.paragraph, "")
    if text[st.at:st.at + len(st.text)] != st.text:
        return None
    before = text[:st.at]
    rank = st.kind in (StatementKind.FRACTION, StatementKind.RANK) and bool(_RANK_BEFORE.search(before))
    if not rank and st.kind != StatementKind.SCORE:
        return None
    starts = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence = before[starts[-1] if starts else 0:]
    years = _YEAR.findall(sentence)
    return "rank" if rank else "points", sentence, years[-1] if years else None


# A rate said of another year right before it: "(năm 2024 đạt 98,41%)", "năm 2024: 98,41%".
_DATED_RATE = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})\s*(?:đạt|là|bằng|:)?\s*(?:tỷ\s+lệ\s*)?$", re.I)


def _dated_percent(st: Statement, text: str) -> tuple[str, str, str | None] | None:
    """("percent", the sentence up to it, its year) of a percent written once in
    its paragraph right after the year it is of, else None."""
    if text.count(st.text) != 1:
        return None
    before = text[:text.index(st.text)]
    dated = _DATED_RATE.search(before[-40:])
    if dated is None:
        return None
    starts = [m.end() for m in _SENTENCE_END.finditer(before)]
    return "percent", before[starts[-1] if starts else 0:], dated.group(1)


def _section_tables(paragraph: int, placed: list[tuple[int, int]], sections: list[int]) -> list[int]:
    """The tables placed in the section of ``paragraph``."""
    start = max((s for s in sections if s <= paragraph), default=-1)
    end = min((s for s in sections if s > paragraph), default=10 ** 9)
    return [t for p, t in placed if start <= p < end]


def _columns(frame: Frame, rank: bool, year: str | None, whole: Decimal | None) -> list[Col]:
    """The columns that write the claim's measure, dated its year when it has one
    (a column dated another year is never it; undated ones only where none is
    dated), within the claim's whole (points of y, a rank among N)."""
    cols = []
    for col in frame.cols:
        head = fold(col.label or "")
        if rank:
            if not ((col.kind == ColKind.RANK or col.kind == ColKind.NUM) and _RANK_HEAD.search(head)) \
                    or _CHANGE_HEAD.search(head):
                continue
        elif col.kind != ColKind.NUM or col.role != "value" or _RANK_HEAD.search(head) \
                or _CHANGE_HEAD.search(head) or _NOT_POINTS_HEAD.search(head):
            continue
        cols.append(col)
    if whole is not None:
        # a column of points out of y (of ranks among N) writes nothing above it; one that states y is it
        cols = [c for c in cols if all(v <= whole for r in frame.rows if (v := r.value(c.index)) is not None)]
        stating = [c for c in cols if c.max == whole or {r.cells[c.index].denominator for r in frame.rows
                                                            if c.index in r.cells} == {whole}]
        cols = stating or cols
    if year is None:
        return cols
    dated = [c for c in cols if _YEAR.search(c.label or "")]
    if dated:
        return [c for c in dated if year in _YEAR.findall(c.label or "")]
    return cols if year in _YEAR.findall(frame.table.title or "") or not _YEAR.search(frame.table.title or "") else []


def _rate_columns(frame: Frame, year: str) -> list[Col]:
    """The columns of rates dated ``year``: by their own header, or by the
    column right before them ("Năm 2024 | Tỷ lệ (%) | Năm 2025 | Tỷ lệ (%)":
    each rate is of the year written before it)."""
    out = []
    for k, col in enumerate(frame.cols):
        head = fold(col.label or "")
        if col.kind != ColKind.NUM or _CHANGE_HEAD.search(head) \
                or not (col.role == "percent" or _RATE_HEAD.search(head)):
            continue
        years = _YEAR.findall(col.label or "") or (_YEAR.findall(frame.cols[k - 1].label or "") if k else [])
        if years == [year]:
            out.append(col)
    return out


def _figure(st: Statement) -> Decimal | None:
    return st.numerator if st.numerator is not None else st.value


def _dated(frame: Frame, col: Col, year: str) -> bool:
    """Whether the column's header, or else the table's title, names ``year``."""
    return year in _YEAR.findall(col.label or "") or year in _YEAR.findall(frame.table.title or "")


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if w not in _STOP]


def _rows(frame: Frame, sentence: str) -> list[Row]:
    """The row the sentence names in full (the longest such name), else the
    table's overall row (one only): a row its label makes a sum or the
    overall figure ("Tổng cộng", "Chỉ số chung"), or the unnumbered last row
    under numbered ones that names what the sentence names ("CHỈ SỐ PAPI"
    under "Tổng điểm PAPI … đạt")."""
    said = set(_words(sentence))
    named: list[tuple[int, Row]] = []
    overall = []
    for row in frame.rows:
        label = re.sub(r"\([^()]*\)", " ", row.label or "")
        words = _words(label)
        if words and all(w in said for w in words):
            named.append((len(words), row))
        if stat_of(label) in ("sum", "overall") or stat_of(row.label) in ("sum", "overall"):
            overall.append(row)
    last = frame.rows[-1] if frame.rows else None
    if last is not None and not last.no and last not in overall and len(frame.rows) >= 3 \
            and all(r.no for r in frame.rows[:-1]) and said & set(_words(last.label or "")) - _INDEX_WORDS:
        overall.append(last)
    if named:
        longest = max(n for n, _ in named)
        rows = [r for n, r in named if n == longest]
        return rows if len(rows) == 1 else []
    return overall if len(overall) == 1 else []


def _equal(st: Statement, frame: Frame, row: Row, col: Col) -> bool:
    """Whether the cell writes the claim's figure (as the prose rounds it)."""
    cell = row.cells.get(col.index)
    if cell is None or cell.value is None:
        return False
    figure = _figure(st)
    places = places_of(figure)
    value = quantize(cell.value, places) if places < places_of(cell.value) else cell.value
    if value != figure:
        return False
    return cell.denominator is None or st.denominator is None or cell.denominator == st.denominator
