"""A numbered parent item that is the mean of its items (I / 1 / 2, 1 / 1.1),
and a "Chỉ số chung" row that is the mean of the top-level items in a column
of rates — an index of sub-indices, where the sum is no relation at all.
Inferred from the table itself (the adoption rule of
:mod:`.relations_support`); the sum of items is :mod:`.relations_parents`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_nesting import items_by_parent, top_units
from .relations_support import (
    address,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    half_unit,
    places,
    record,
    short,
    sum_tolerance,
    vi,
    where,
)


class _Test(NamedTuple):
    parent: Row
    kids: list[Row]
    col: Col
    written: Decimal
    mean: Decimal
    holds: bool
    values: list[Decimal]


@rule("PARENT_MEAN_MISMATCH", "Mục cha (hoặc dòng chỉ số chung) khác trung bình cộng các mục con của nó")
def parent_mean_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng đánh số phân cấp (I / 1 / 2, 1 / 1.1), mục
    cha bằng trung bình cộng các mục con ngay dưới nó, ở mỗi cột số — khi
    quan hệ này đúng trên phần lớn các mục cha của bảng (ít nhất 3 chỗ và
    80%, hoặc mọi chỗ trừ một); dòng "Chỉ số chung" ở cột tỷ lệ (%) bằng
    trung bình cộng các mục cấp cao nhất (I, II …), xét cùng các mục cha
    (một cấp trên), hoặc riêng khi đúng ở phần lớn các cột của dòng ấy, hay
    ở mọi cột trừ một và ít nhất hai cột khi các mục là các phần đánh số (ba
    tỉnh cạnh nhau, một ô sai: 2/3 cột vẫn là lỗi). Mục cha gần tổng các mục
    con hơn gần trung bình là tổng (PARENT_SUM_MISMATCH). Sai số cho phép suy từ số chữ số thập phân được
    ghi: nửa đơn vị chữ số cuối của các mục con (trung bình các số đã làm
    tròn) cộng nửa đơn vị chữ số cuối của mục cha. Mục cha bằng tổng các mục
    con là việc của PARENT_SUM_MISMATCH; khi chỉ một phần các mục cha bằng
    trung bình (chỉ số tính có trọng số), quan hệ không được áp dụng và bảng
    ghi rõ là chưa kiểm tra được.

    Vì sao: chỉ số của một nhóm tiêu chí là trung bình các chỉ số thành
    phần; chép nhầm một chỉ số thành phần hay chỉ số nhóm thì trung bình
    không còn khớp.

    Ví dụ sai: "I. Mức độ hài lòng … 84,5; 1. 82,3; 2. 82,8; 3. 82,5;
    4. 82,5; 5. 82,4" (trung bình 82,50).

    Ví dụ đúng: "I. … 82,5; 1. 82,3; 2. 82,8; 3. 82,5; 4. 82,5; 5. 82,4".
    """
    for frame in frames(report):
        rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.HEADING)]
        parents = _parent_tests(frame, rows) if any(r.path for r in rows) else []
        overall = [t for stat in frame.rows if stat.kind == RowKind.STAT and stat.stat == "overall"
                   for t in _overall_tests(frame, stat)]
        # The overall row is one level up of the same relation: judged with the parents, else (a
        # weighted index whose "chung" row is still the plain mean of its sections) on its own.
        # (the parents decide first: a slip in a parent breaks its own test and the overall row's too)
        together = _adopts(parents) or _adopts(parents + overall)
        if together:
            parents, overall = parents + overall, []
        yield from _judge(ctx, frame, parents, "parent-equals-mean-of-children",
                          "Mục cha bằng trung bình cộng các mục con", together)
        if overall and not (_adopts(overall) or _structural(overall)) and _lone(frame, overall):
            yield from _lone_overall(ctx, frame, overall[0])
        elif overall:
            yield from _judge(ctx, frame, overall, "overall-row-equals-mean",
                              f"Dòng “{short(overall[0].parent.label)}” bằng trung bình cộng các mục cấp cao nhất",
                              _adopts(overall) or _structural(overall))


def _lone(frame: Frame, tests: list[_Test]) -> bool:
    """One overall row filled in one column only ("Chỉ số chung" under the
    units' index, the other cells of the row empty), over three or more
    units with different figures in a flat list (numbered 1, 2, 3 at most:
    no sections with items, whose overall row may weigh them)."""
    flat = all(r.path is None or len(r.path) == 1 for r in frame.rows)
    return flat and len(tests) == 1 and len(set(tests[0].values)) >= 3


_OWN_RATIO = "percent-equals-part-over-whole"


def _own_ratio(ctx: CheckContext, frame: Frame, t: _Test) -> bool:
    """Whether the parent's cell is verified as its own part over its own
    whole (RATIO_MISMATCH ran on it): "Cấp tỉnh … Tỷ lệ đúng hạn 98,9" is
    2.498 / 2.525, a pooled rate, whatever its items' mean."""
    entry = ctx.ledger.tables.get(frame.table.index)
    return entry is not None and _OWN_RATIO in entry.cell_relations.get(frame.cell_key(t.parent, t.col), set())


def _lone_overall(ctx: CheckContext, frame: Frame, t: _Test) -> Iterator[Finding]:
    """The table's one statistic of its units' index: the plain mean of
    different figures, to a unit of its last decimal, is no coincidence, so
    a row that is the mean is verified; one that is not may be a slip or a
    weighted (pooled) index: a warning on the cell, never silence — unless
    the row's percent is checked as its own points over its own maximum
    (RATIO_MISMATCH ran on it): then it is a pooled index, verified."""
    cells = [(r, t.col) for r in [t.parent, *t.kids]]
    if t.holds:
        record(ctx, frame, "overall-row-equals-mean", cells)
        return
    if _own_ratio(ctx, frame, t):
        return  # the row's percent is its own points over its own maximum (87,9/100 → 87,9): a pooled index
    doubt(ctx, frame, f"Dòng “{short(t.parent.label)}” cột {col_name(t.col)}: không phải trung bình cộng các đơn vị")
    p = max(places(t.written), max(places(v) for v in t.values))
    yield finding("PARENT_MEAN_MISMATCH", "warning",
                  f"{where(t.parent)}: cột {col_name(t.col)} ghi {vi(t.written)} nhưng trung bình cộng "
                  f"{len(t.values)} đơn vị là {vi(t.mean, p + 2)} (nếu chỉ số chung tính có trọng số thì "
                  f"cần đối chiếu cách tính)", frame, t.parent, t.col, t.written,
                  t.mean.quantize(Decimal(1).scaleb(-p)))


def _adopts(tests: list[_Test]) -> bool:
    voting = [t for t in tests if not _vacuous(t)]
    return adopted(sum(1 for t in voting if t.holds), len(voting))


def _structural(tests: list[_Test]) -> bool:
    """An overall row ("Chỉ số chung") over numbered sections (I, II) is the
    table's general index in every column it fills: the relation is one of
    the table, not of a column, so it is adopted when it holds in every
    column but one and in at least two (three provinces side by side, one
    slip: 2 of 3) — the words and the numbering state what the figures then
    confirm. A column whose sections are alike (83,1 and 83,1 under 83,1)
    agrees with the mean without being evidence of it."""
    holds = sum(1 for t in tests if t.holds and not _vacuous(t))
    broken = sum(1 for t in tests if not t.holds)
    numbered = all(len(t.kids) >= 2 and all(k.path is not None for k in t.kids) for t in tests)
    return numbered and len(tests) >= 3 and holds >= 2 and broken <= 1


def _judge(ctx: CheckContext, frame: Frame, tests: list[_Test], relation: str, said: str,
           adopt: bool) -> Iterator[Finding]:
    """Record the relation the table's own evidence adopts (``adopt``) and
    report each test that breaks it; else a doubt, and a warning where all
    but one of three or more hold."""
    voting = [t for t in tests if not _vacuous(t)]
    holds = sum(1 for t in voting if t.holds)
    if not voting or not holds:
        return
    severity = "error"
    if not adopt:
        doubt(ctx, frame, f"{said} ở {holds}/{len(voting)} chỗ: không đủ để áp dụng (có thể tính có trọng số)")
        if holds < 2 or holds != len(voting) - 1:
            return
        severity = "warning"  # two of three: the one left over may be a slip, or a weight
    else:
        record(ctx, frame, relation, [(r, t.col) for t in tests for r in [t.parent, *t.kids]])
    for t in tests:
        if t.holds or (severity == "warning" and _own_ratio(ctx, frame, t)):
            continue  # a doubt on a parent whose rate is its own part over its own whole: a pooled rate, right
        names = ", ".join(k.no or short(k.label, 20) for k in t.kids[:6]) + (", …" if len(t.kids) > 6 else "")
        terms = " + ".join(vi(v) for v in t.values[:8]) + (" + …" if len(t.values) > 8 else "")
        p = max(places(t.written), max(places(v) for v in t.values))
        found = finding("PARENT_MEAN_MISMATCH", severity,
                      f"{where(t.parent)}: cột {col_name(t.col)} ghi {vi(t.written)} nhưng trung bình cộng "
                      f"{len(t.values)} mục ({names}) = ({terms}) / {len(t.values)} = {vi(t.mean, p + 2)} "
                      f"(bảng tính theo trung bình ở {holds}/{len(voting)} chỗ"
                      + (")" if severity == "error" else "; chưa đủ để kết luận: cần xem lại)"),
                      frame, t.parent, t.col, t.written, t.mean.quantize(Decimal(1).scaleb(-p)))
        found.alternatives = _item_alternatives(frame, t)
        yield found


def _item_alternatives(frame: Frame, t: _Test) -> tuple:
    """Each item of a broken mean set to the figure that makes the mean the
    parent's (a few items only: of many, none stands out): a slip in an item
    breaks the mean as a slip in the parent does."""
    if len(t.kids) > 5:
        return ()
    out = []
    for kid, value in zip(t.kids, t.values):
        moved = (value + (t.written - t.mean) * len(t.values)).quantize(Decimal(1).scaleb(-places(value)))
        if moved < 0 or (t.col.role == "percent" and moved > 100):
            continue
        r, key = address(frame, kid, t.col)
        if r is not None and key:
            out.append((frame.table.index, r, key, moved))
    return tuple(out)


def _parent_tests(frame: Frame, rows: list[Row]) -> list[_Test]:
    """A test for each numbered parent with a figure and two or more items
    with a figure in a numeric column (ranks and per-row maxima aside: a
    maximum adds up), unless the items add up to the parent there."""
    out = []
    for parent, kids in items_by_parent(rows):
        if parent.kind != RowKind.UNIT:
            continue
        for col in frame.nums():
            if col.role == "max" or col.index not in parent.cells:
                continue
            vals = [v for k in kids if (v := k.value(col.index)) is not None]
            if len(vals) < 2 or len(vals) < len(kids) // 2 + 1:
                continue
            written = parent.cells[col.index].value
            if _nearer_sum(vals, written):
                continue  # a sum (PARENT_SUM_MISMATCH), broken or not
            out.append(_test(parent, [k for k in kids if k.value(col.index) is not None], col, written, vals))
    return out


def _overall_tests(frame: Frame, stat: Row) -> list[_Test]:
    """The overall row over the top-level items in each numeric column but a
    per-row maximum, where they do not add up to it."""
    roots = top_units([r for r in frame.rows if r.kind != RowKind.STAT])
    out = []
    for col in frame.nums():
        cell = stat.cells.get(col.index)
        vals = [v for r in roots if (v := r.value(col.index)) is not None]
        if col.role == "max" or cell is None or len(vals) < 2:
            continue
        if col.role != "percent" and _nearer_sum(vals, cell.value):
            continue  # a sum (SUM_ROW_MISMATCH), broken or not
        out.append(_test(stat, [r for r in roots if r.value(col.index) is not None], col, cell.value, vals))
    return out


def parents_are_means(frame: Frame) -> bool:
    """Whether the table's numbered parents are the means of their items by
    the adoption rule (alone, or with the overall row one level up): then
    their not being sums is no doubt of the table."""
    rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.HEADING)]
    if not any(r.path for r in rows):
        return False
    parents = _parent_tests(frame, rows)
    overall = [t for stat in frame.rows if stat.kind == RowKind.STAT and stat.stat == "overall"
               for t in _overall_tests(frame, stat)]
    return bool(parents) and (_adopts(parents) or _adopts(parents + overall))


def overall_is_parent_mean(frame: Frame) -> bool:
    """Whether the table's overall row is the mean of its sections by the
    adoption rule (with the parents, or on its own): then this rule reports
    it."""
    rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.HEADING)]
    if not any(r.path for r in rows):
        return False
    overall = [t for stat in frame.rows if stat.kind == RowKind.STAT and stat.stat == "overall"
               for t in _overall_tests(frame, stat)]
    parents = _parent_tests(frame, rows)
    return bool(overall) and (_adopts(parents) or _adopts(parents + overall) or _adopts(overall))


def _nearer_sum(vals: list[Decimal], written: Decimal) -> bool:
    """The figure is the items' sum, or nearer their sum than their mean: a
    broken sum (40,53 over points adding up to 39,41, whose mean is 4,93) is
    no evidence of a mean."""
    total = sum(vals, Decimal(0))
    return abs(total - written) <= sum_tolerance(vals, written) \
        or abs(total - written) < abs(total / len(vals) - written)


def _test(parent: Row, kids: list[Row], col: Col, written: Decimal, vals: list[Decimal]) -> _Test:
    mean = sum(vals, Decimal(0)) / len(vals)
    tolerance = max(half_unit(v, col.precision) for v in vals) + half_unit(written, col.precision)
    return _Test(parent, kids, col, written, mean, abs(mean - written) <= tolerance, vals)


def _vacuous(t: _Test) -> bool:
    """Items all alike (100 | 100 | 100 under 100): a mean, a minimum and a
    maximum at once — no evidence of a mean."""
    return len(set(t.values)) == 1

