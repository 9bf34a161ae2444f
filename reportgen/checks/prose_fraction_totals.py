"""A fraction of things counted in the prose ("Các xã đã giải quyết
456/459 hồ sơ đúng hạn", "12.809/14.194 hồ sơ đúng hạn, đạt 90,24%") held
to the total row of a table: its whole is the total of one column of that
row, its part the total of another.

Both found in one total row, the fraction is checked (two figures of four
digits or so do not meet by chance). The whole found but not the part: an
error when the words of the sentence name one column of that table (as
:mod:`.prose_totals` names a count's column) and its total differs;
otherwise the fraction stays unchecked. A fraction of units ("03/5 xã") is
no count of things: :mod:`.prose_bands` and the grade checks read those."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi
from ..text.counts import UNITS_COUNTED, counted
from .prose_counts import finding_at, paragraph_of
from .prose_named import Named, _before, _columns, _content, _named, _value
from .prose_totals import _total_rows
from .registry import CheckContext, rule

MIN_WHOLE = 20  # a whole of fewer things is likely a count of units, or a score


def _fractions(report: Report) -> Iterator[tuple[Statement, str, int]]:
    """Each fraction of things counted, with its paragraph's text and where it stands in it."""
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.numerator is None or st.denominator is None:
            continue
        x, y = st.numerator, st.denominator
        if x != x.to_integral() or y != y.to_integral() or y < MIN_WHOLE or x > y:
            continue
        text = paragraph_of(report, st)
        at = _position(text, st)
        if at < 0 or UNITS_COUNTED.match(counted(text, at + len(st.text))):
            continue
        yield st, text, at


def _position(text: str, st: Statement) -> int:
    """Where the fraction stands in its paragraph (within the words kept around it)."""
    kept = " ".join((st.context or "").split())
    base = text.find(kept) if kept else -1
    if base >= 0:
        at = kept.find(st.text)
        return base + at if at >= 0 else -1
    return text.find(st.text)


def _wholes(report: Report, totals: dict[int, int], y: Decimal) -> list[tuple[ScoreTable, int, str]]:
    """(table, its total row, key) of each column whose total is ``y``."""
    out = []
    for t in report.tables:
        row = totals.get(t.index)
        if row is None:
            continue
        out += [(t, row, c.key) for c in t.columns if _value(t, row, c.key) == y]
    return out


@rule("QUANTITY_CONFLICT", "Phân số số lượng x/y trong lời văn khác dòng tổng của bảng (y là tổng một cột, x là tổng "
                           "cột lời văn gọi tên)")
def fraction_vs_total_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: phân số số lượng trong lời văn ("đã giải quyết 456/459 hồ sơ đúng
    hạn") so với dòng tổng ("Tổng cộng") của bảng: mẫu số là tổng một cột, tử số là tổng
    một cột khác cùng dòng. Khi mẫu số khớp mà tử số không khớp cột nào: là lỗi nếu lời
    văn gọi đúng tên một cột của bảng ấy (tử số phải bằng tổng cột đó); không thì chưa
    đối chiếu được.
    Vì sao: lời văn chép số tổng từ bảng; bảng sửa sau thì phân số lệch.
    Ví dụ sai: bảng có tổng "Đúng hạn" 456 trên "Đã giải quyết" 459 mà lời văn viết
    "455/459 hồ sơ đúng hạn".
    Ví dụ đúng: "456/459 hồ sơ đúng hạn"."""
    totals = _total_rows(report)
    if not totals:
        return
    columns = None
    for st, text, at in _fractions(report):
        wholes = _wholes(report, totals, st.denominator)
        if not wholes:
            continue
        parts = [(t, row, key, k) for t, row, key in wholes for c in t.columns
                 if (k := c.key) != key and _value(t, row, k) == st.numerator]
        if parts:
            t, row, whole, part = parts[0]
            ctx.ledger.statement_checked(st, "fraction-vs-total-row")
            ctx.ledger.table_checked(t.index, "fraction-vs-total-row", [(row, whole), (row, part)])
            continue
        if len({t.index for t, _, _ in wholes}) != 1:
            continue
        columns = _columns(report) if columns is None else columns
        found = _named_part(columns, wholes, text, at, st)
        if found is None:
            continue
        t, row, whole, col = found
        value = _value(t, row, col.key)
        if value is None:
            continue
        ctx.ledger.statement_checked(st, "fraction-vs-total-row")
        ctx.ledger.table_checked(t.index, "fraction-vs-total-row", [(row, whole), (row, col.key)])
        label = next((c.label for c in t.columns if c.key == whole), whole)
        yield finding_at("QUANTITY_CONFLICT", "error",
                         f"Văn bản nêu {st.text} {counted(text, at + len(st.text))} nhưng dòng “{t.rows[row].unit}” "
                         f"của bảng {t.index + 1} ghi {format_vi(value, 0)} ở cột “{col.label}” trên "
                         f"{format_vi(st.denominator, 0)} ở cột “{label}”", st, table=t.index, row=row,
                         column=col.key, reported=str(st.numerator), expected=str(value))


def _named_part(columns: list[Named], wholes: list, text: str, at: int, st: Statement
                ) -> tuple[ScoreTable, int, str, Named] | None:
    """The one column of the whole's table the sentence names for the part
    (the words before the fraction and what it counts), not the whole's."""
    t = wholes[0][0]
    keys = {key for _, _, key in wholes}
    end = at + len(st.text)
    noun = counted(text, end)
    start = max((i + 1 for i in (text.rfind(c, 0, at) for c in ".;!?") if i >= 0), default=0)
    sentence = f"{text[start:at]} {noun}"
    own = [c for c in columns if c.table is t and c.key not in keys and not _RATE.search(c.label)]
    hits = _named(own, f"{_before(text, at)} {noun}", sentence, noun)
    if not hits:  # what it counts says every word of one header but the whole's: "hồ sơ đúng hạn" of
        # "Đã giải quyết | Trước hạn và đúng hạn | Quá hạn"
        # what is counted ("hồ sơ") names no header; the whole's words are the whole's
        whole = next(c for c in t.columns if c.key == wholes[0][2])
        headers = frozenset().union(*(c.words | c.group for c in own))
        said = (_content(noun) & headers) - _content(f"{whole.group or ''} {whole.label or ''}")
        hits = [c for c in own if said <= c.words | c.group] if said else []
    if len(hits) != 1:
        return None
    return t, wholes[0][1], wholes[0][2], hits[0]


_RATE = re.compile(r"%|tỷ\s*lệ|tỉ\s*lệ", re.I)  # a rate is no part counted
