"""The same figure of the same unit written in two tables of one document
(a unit's score in Phụ lục I and again in Phụ lục II, a per-unit total in an
annex and in the summary): the two agree. A pair of columns is taken for the
same quantity on the tables' own evidence — the adoption rule of
:mod:`.relations_support` over the units both tables name — never on a
header's words alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..text import fold
from ..text.names import match_units
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row
from .relations_support import adopted, col_name, finding, frames, half_unit, record, short, vi, where

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_MIN_DISTINCT = 3  # agreeing figures that differ from one another: a constant column proves nothing


@dataclass
class _Pair:
    a: Frame
    ca: Col
    b: Frame
    cb: Col
    rows: list[tuple[Row, Row]]  # the units both tables name, with a figure in both columns
    agree: int


@rule("QUANTITY_CONFLICT", "Cùng một số liệu của cùng một đơn vị ghi ở hai bảng với hai giá trị khác nhau")
def figure_across_tables(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một đơn vị có mặt trong hai bảng của cùng văn bản (ví dụ
    điểm của từng sở ở Phụ lục I và ở Phụ lục II, tổng số hồ sơ của từng xã
    ở biểu chi tiết và ở bảng tổng hợp): số liệu của cùng một cột ở hai bảng
    phải bằng nhau. Hai cột được coi là cùng một số liệu khi chúng cùng loại
    (điểm, tỷ lệ, điểm tối đa, thứ hạng), tiêu đề không khác nghĩa, và bằng
    nhau ở phần lớn các đơn vị hai bảng cùng nêu (ít nhất 3 đơn vị và 80%,
    với ít nhất 3 giá trị khác nhau) — và cột ấy của bảng kia không có cột
    nào khác khớp như vậy. Số ghi với ít chữ số thập phân hơn được làm tròn
    từ số kia (86,74 và 86,7). Ô lệch là lỗi ở bảng mà số liệu không được
    quan hệ nào của chính bảng đó xác nhận (hoặc trái với bảng thứ ba); khi
    không xác định được bên nào sai thì là cảnh báo.

    Vì sao: số liệu chép lại từ bảng này sang bảng khác là nơi hay sai; người
    đọc không biết tin bảng nào.

    Hai bảng mà tiêu đề nêu hai kỳ khác nhau ("quý I", "quý II") là hai số
    liệu, không so.

    Ví dụ sai: Phụ lục I "UBND huyện Nam Đông 62,84", Phụ lục II "UBND huyện
    Nam Đông 68,24".

    Ví dụ đúng: 62,84 ở cả hai bảng.
    """
    fs = [f for f in frames(report) if not f.transposed and len(f.units) >= 3]
    pairs = []
    for i, a in enumerate(fs):
        for b in fs[i + 1:]:
            pairs += _pairs(a, b)
    if not pairs:
        return
    before = {t: set(e.checked_cells) for t, e in ctx.ledger.tables.items()}
    for p in pairs:
        yield from _judge(ctx, p, pairs, before)


def _pairs(a: Frame, b: Frame) -> list[_Pair]:
    """The adopted column pairs of two tables, each column in at most one."""
    pa, pb = _periods(a.table.title), _periods(b.table.title)
    if pa and pb and pa != pb:
        return []  # the same measure of two periods ("Quý I", "Quý II"): two figures, however alike
    rows = _matched(a, b)
    if len(rows) < 3:
        return []
    found = []
    for ca in _cols(a):
        for cb in _cols(b):
            if ca.kind != cb.kind or ca.role != cb.role or not _compatible(ca, cb):
                continue
            both = [(ra, rb) for ra, rb in rows if ra.value(ca.index) is not None and rb.value(cb.index) is not None]
            agreeing = [ra.value(ca.index) for ra, rb in both if _same(ra.value(ca.index), rb.value(cb.index))]
            if adopted(len(agreeing), len(both)) and len(set(agreeing)) >= _MIN_DISTINCT:
                found.append(_Pair(a, ca, b, cb, both, len(agreeing)))
    # A column that matches two of the other table is no sure match — unless one of them has its very words.
    def alone(p: _Pair) -> bool:
        rivals = [q for q in found if q is not p and (q.ca is p.ca or q.cb is p.cb)]
        return not rivals or (_words(p.ca) == _words(p.cb) and all(_words(q.ca) != _words(q.cb) for q in rivals))
    return [p for p in found if alone(p)]


def _cols(frame: Frame) -> list[Col]:
    return [c for c in frame.cols if c.kind in (ColKind.NUM, ColKind.RANK)]


def _compatible(ca: Col, cb: Col) -> bool:
    """Headers that do not name two different things: under the same group
    (or none), and the words of one, once brackets (a stated maximum, a
    unit) and the words any figure column uses ("điểm", "tổng", "đạt được",
    "tỷ lệ" …) are put aside, are all in the other ("Tổng điểm" and "Điểm
    đạt được" agree; "Điểm tự đánh giá" and "Điểm thẩm định", "Điểm năm
    2024" and "Điểm năm 2025" do not)."""
    if ca.group and cb.group and fold(ca.group) != fold(cb.group):
        return False  # another unit's or indicator's column ("Lâm Đồng …" against "Đắk Nông …")
    sa, sb = _words(ca), _words(cb)
    return sa <= sb or sb <= sa


_GENERIC = frozenset(fold(w) for w in "điểm tổng đạt được số kết quả cộng chỉ tỷ lệ chung".split())


def _words(col: Col) -> frozenset[str]:
    words = _BRACKETS.sub(" ", fold(col.leaf or col.label)).replace("%", " ").replace(":", " ").split()
    return frozenset(w for w in words if w not in _GENERIC)


_PERIOD = re.compile(r"\b(tháng|quý|năm|kỳ|đợt|lần)\s+(\d{1,4}|[ivx]{1,4})\b")


def _periods(title: str | None) -> frozenset[tuple[str, str]]:
    """The periods a table's title names ("quý I năm 2026" → quý i, năm 2026)."""
    return frozenset(_PERIOD.findall(fold(title or "")))


def _matched(a: Frame, b: Frame) -> list[tuple[Row, Row]]:
    """Units both tables name, each name once in each table."""
    ua, ub = _named(a), _named(b)
    if not ua or not ub:
        return []
    names_b = list(ub)
    out = []
    for m in match_units(list(ua), names_b):
        if m.candidate is not None:
            out.append((ua[m.name], ub[m.candidate]))
    return out


def _named(frame: Frame) -> dict[str, Row]:
    seen: dict[str, list[Row]] = {}
    for r in frame.units:
        label = " ".join((r.label or "").split())
        if label and any(ch.isalpha() for ch in label):
            seen.setdefault(label, []).append(r)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _same(x: Decimal, y: Decimal) -> bool:
    """Equal, or the one with fewer decimals the other rounded (86,7 of 86,74)."""
    if x == y:
        return True
    coarse = x if _places(x) < _places(y) else y
    return _places(x) != _places(y) and abs(x - y) <= half_unit(coarse) and half_unit(coarse) > 0


def _places(v: Decimal) -> int:
    exp = v.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _judge(ctx: CheckContext, p: _Pair, pairs: list[_Pair], before: dict) -> Iterator[Finding]:
    sure, bounded = [], []
    for ra, rb in p.rows:
        xa, xb = ra.value(p.ca.index), rb.value(p.cb.index)
        ka, kb = p.a.cell_key(ra, p.ca), p.b.cell_key(rb, p.cb)
        held_a = ka in before.get(p.a.table.index, ())
        held_b = kb in before.get(p.b.table.index, ())
        third = _third(p, ra, rb, pairs)
        if held_a or held_b or third is not None:
            sure.append((ra, rb))  # a slip in either one is named
        else:
            bounded.append((ra, rb))
        if _same(xa, xb):
            continue
        # Which one is wrong: the one a third table contradicts, else the one its own table does not confirm.
        if third is not None and (_same(third, xa) or _same(third, xb)):
            wrong_b = _same(third, xa)
        elif held_a != held_b:
            wrong_b = held_a
        else:
            wrong_b = None
        if wrong_b is None:
            why = (" (số ở mỗi bảng đều nằm trong quan hệ của chính bảng đó: xem lỗi của từng bảng)" if held_a
                   else " (không xác định được bảng nào ghi sai: cần đối chiếu)")
            yield _finding("warning", p, rb, xb, p.a, xa, flip=False, note=why)
        elif wrong_b:
            yield _finding("error", p, rb, xb, p.a, xa, flip=False, note="")
        else:
            yield _finding("error", p, ra, xa, p.b, xb, flip=True, note="")
    for cells, bound in ((sure, False), (bounded, True)):
        if cells:
            record(ctx, p.a, "figure-across-tables", [(ra, p.ca) for ra, _ in cells], bound=bound)
            record(ctx, p.b, "figure-across-tables", [(rb, p.cb) for _, rb in cells], bound=bound)


def _third(p: _Pair, ra: Row, rb: Row, pairs: list[_Pair]) -> Decimal | None:
    """The same unit's figure in a third table, matched to either column."""
    for q in pairs:
        if q is p:
            continue
        for frame, col, row in ((p.a, p.ca, ra), (p.b, p.cb, rb)):
            for here, col_here, there, col_there, k in ((q.a, q.ca, q.b, q.cb, 0), (q.b, q.cb, q.a, q.ca, 1)):
                if here is not frame or col_here is not col or there in (p.a, p.b):
                    continue
                for both in q.rows:
                    if both[k] is row:
                        return both[1 - k].value(col_there.index)
    return None


def _finding(severity: str, p: _Pair, row: Row, value: Decimal, other: Frame, other_value: Decimal, *,
             flip: bool, note: str) -> Finding:
    frame, col = (p.a, p.ca) if flip else (p.b, p.cb)
    other_col = p.cb if flip else p.ca
    return finding("QUANTITY_CONFLICT", severity,
                   f"{where(row)}: cột {col_name(col)} ghi {vi(value)} nhưng bảng {other.table.index + 1} "
                   f"(“{short(other.table.title, 50)}”) ghi {vi(other_value)} cho cùng đơn vị ở cột "
                   f"{col_name(other_col)} — hai bảng ghi giống nhau ở {p.agree}/{len(p.rows)} đơn vị chung" + note,
                   frame, row, col, value, other_value)
