"""A numbered parent item equals the sum of its items (1 / 1.1 / 1.1.1,
I / 1 / a), when the table obeys it at most of its parents or the parent
says "Tổng số". See :mod:`.relations_nesting` for the nesting.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..text import fold
from .registry import CheckContext, rule
from .relations_frame import ColKind, RowKind
from .relations_means import parents_are_means
from .relations_nesting import items_by_parent, nesting_levels, tree_rows
from .relations_support import (
    SHARE,
    address,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    places,
    record,
    short,
    sum_tolerance,
    vi,
    where,
)

_UNIT_HEAD = re.compile(r"đơn\s*vị\s*tính|đvt")
_COUNT_WORDS = re.compile(r"\s*(tổng\s*số|số\s*lượng|số)\b")


@rule("PARENT_SUM_MISMATCH", "Mục cha khác tổng các mục con đánh số bên dưới (1 / 1.1 / 1.1.1, I / 1 / a)")
def parent_sum_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng đánh số phân cấp, giá trị của mục cha bằng
    tổng các mục con ngay dưới nó, ở mỗi cột số — khi quan hệ này đúng trên
    phần lớn các mục cha của bảng (ít nhất 3 và 80%), hoặc mục cha ghi
    "Tổng số". Trong bảng điểm có cột điểm chuẩn của dòng, mục cha chỉ có
    một mục con thì mục con ấy là toàn bộ mục cha (cùng điểm chuẩn, cùng điểm).
    Mục cha là tỷ lệ (%) không cộng — trừ trong bảng điểm có
    cột điểm tối đa của dòng, nơi tiêu chí "Tỷ lệ …" được điểm của các mục con. Một mục ghi "Tổng số …" có từ
    ba mục cùng cấp trở lên ngay sau nó bằng tổng các mục đó (cảnh báo khi lệch:
    các mục có thể chỉ là "trong đó"); khi chỉ vài mục đầu cộng đúng bằng nó ở
    mọi cột (các mục sau là chỉ tiêu khác), tổng là của các mục đầu ấy, và cột
    duy nhất không cộng đúng (trong ít nhất ba cột) là lỗi. Một biểu mẫu cắt
    thành nhiều bảng cùng tiêu đề (mỗi phần một bảng): bảng có quá ít mục cha
    để tự quyết thì theo các bảng cùng mẫu của văn bản — quan hệ đúng ở ít nhất
    3 mục cha và 80% (không tính mục 0 = 0 + 0) thì mục lệch là lỗi. Mục cha
    và mục con đếm khác thứ (cột "Đơn vị tính" ghi khác nhau, hoặc mục cha
    không ghi đơn vị và không phải "Số …") không cộng; mục "Tổng số …" mà vài
    mục con đầu cộng đúng bằng nó là tổng của các mục ấy (mục sau là "trong đó").

    Vì sao: điểm nhóm bằng tổng điểm các tiêu chí của nhóm; tổng số bằng
    tổng các loại.

    Ví dụ sai: "1. Tổng số VBQPPL 249; 1.1. cấp tỉnh 174; 1.2. cấp xã 70".

    Ví dụ đúng: "1. Tổng số VBQPPL 249; 1.1. cấp tỉnh 174; 1.2. cấp xã 75".
    """
    per_frame = [(frame, _tests(frame)) for frame in frames(report)]
    pools: dict[tuple, list] = {}
    for frame, tests in per_frame:
        pools.setdefault(_form_of(frame), []).extend(t for t in tests if not _single(t))
    for frame, every in per_frame:
        rows = tree_rows(frame)
        if not any(r.path for r in rows):
            continue
        yield from _total_items(ctx, frame, rows)
        tests = [t for t in every if not _single(t)]  # a lone item does not vote: it only obeys
        if not tests:
            continue
        holds = sum(1 for t in tests if t[5])
        severity = "error"
        pool_text = ""
        involved = len({r.i for t in tests for r in [t[0]] + t[1]})
        pooled = pools[_form_of(frame)]
        voting = [t for t in pooled if not _vacuous(t)]
        pooled_holds = sum(1 for t in voting if t[5])
        if involved >= 3 and (holds >= SHARE * len(tests) or (holds >= 2 and holds == len(tests) - 1)):
            # (a table that obeys it everywhere but at one parent: that parent is the slip)
            chosen = every
        elif len(voting) > len(tests) and adopted(pooled_holds, len(voting)):
            # A form cut into tables (one per section, same header): too few parents in this one
            # to decide, the document's other tables of the same form decide.
            chosen = every
            pool_text = (f" (mục cha bằng tổng các mục con ở {pooled_holds}/{len(voting)} chỗ trong các bảng cùng "
                         "mẫu của văn bản)")
        else:
            chosen = [t for t in tests if parent_says_total(t[0].label)]
            severity = "warning"  # stated by the words, not by the table's own arithmetic
            if not chosen and parents_are_means(frame):
                continue  # the parents are the means of their items (PARENT_MEAN_MISMATCH): no doubt of a sum
            doubt(ctx, frame, f"Mục cha bằng tổng các mục con ở {holds}/{len(tests)} chỗ: không đủ để áp dụng"
                              + (", chỉ đối chiếu mục ghi “Tổng số”" if chosen else ""))
            if not chosen:
                continue
        record(ctx, frame, "parent-equals-sum-of-children",
               [(r, t[2]) for t in chosen for r in [t[0]] + t[1]])
        for parent, kids, col, written, got, ok, vals in chosen:
            if ok:
                continue
            terms = " + ".join(vi(v) for v in vals)
            doubt_text = pool_text if severity == "error" else " (có thể có mục con chỉ là “trong đó”: cần xem lại)"
            # The parent's own figure adds up with its siblings into the level above: the slip is more
            # likely among its items than in the parent itself.
            above = next((t[0] for t in tests if t[5] and t[2] is col and any(k is parent for k in t[1])), None)
            if above is not None:
                doubt_text += (f"; số ghi ở mục này khớp với tổng của mục {above.no or short(above.label, 20)} cấp "
                               "trên, nên số sai nhiều khả năng ở một mục con")
            found = finding("PARENT_SUM_MISMATCH", severity,
                            f"{where(parent)}: cột {col_name(col)} ghi {vi(written)} nhưng tổng {len(vals)} mục con "
                            f"({', '.join(k.no or short(k.label, 20) for k in kids[:6])}) = {terms} = {vi(got)}"
                            + doubt_text, frame, parent, col, written, got)
            # (a "Tổng số" over three items or more may hold a "trong đó" among them: no item is named)
            if not (parent_says_total(parent.label) and len(kids) >= 3):
                found.alternatives = item_alternatives(frame, kids, col, written - got)
            yield found


def _tests(frame) -> list[tuple]:
    """(parent, items, column, written, sum, holds, values) for each numbered
    parent with a figure and two or more items with a figure in that column —
    or one item, its only one, in a table of points with a per-row maximum:
    a lone criterion carries all its parent's points and its maximum is the
    parent's. Those do not vote on whether the table obeys the sum.
    A parent and items that count different things — the table's "Đơn vị
    tính" gives the parent another unit than its items, or none while they
    have one ("Khảo sát: Có = 1" over "Số lượng phiếu") — is no sum. A
    "Tổng số …" parent whose first two or more items (not all) make it exactly
    is their total: the items after them are a "trong đó" ("Tổng số TTHC 2.372 |
    cấp tỉnh 1.946 | cấp xã 426 | ngành dọc 420"). Items that are each some of
    the parent (together half as much again as it, each no more) are no split
    of it and give no test."""
    rows = tree_rows(frame)
    if not any(r.path for r in rows):
        return []
    tests = []
    # A criterion named "Tỷ lệ …" in a table of points with a per-row maximum
    # scores the points of its items; elsewhere such a parent is a rate.
    scored = bool(frame.nums("max"))
    measure = _measures(frame)
    for parent, kids in items_by_parent(rows):
        if parent.kind != RowKind.UNIT or (not scored and "tỷ lệ" in parent.label.casefold()):
            continue
        if measure and not _same_measure(measure.get(parent.i, ""), [measure.get(k.i, "") for k in kids],
                                         parent.label):
            continue
        for col in frame.nums():
            dash = not scored and col.index in parent.na  # a count written "-": none
            if col.role == "percent" or (col.index not in parent.cells and not dash):
                continue
            # in a table of counts an item written "-" has none: 0 of its parent ("I. Tư pháp 1" over
            # "1. Hộ tịch -" and "2. Chứng thực 1")
            counted = [k for k in kids if k.value(col.index) is not None or (not scored and col.index in k.na)]
            vals = [_Z if k.value(col.index) is None else k.value(col.index) for k in counted]
            # A lone criterion under its parent in a table of points out of per-row maxima
            # ("1.2 Báo cáo CCHC 1,00 | 0,50" over "1.2.1 Số lượng, chất lượng báo cáo 1,00 | 0,50")
            # is all of it: its points are the parent's.
            if len(vals) < 2 and not (scored and len(kids) == 1 and len(vals) == 1):
                continue
            written = _Z if dash else parent.cells[col.index].value
            got = sum(vals, Decimal(0))
            if not scored and _subsets(counted, vals, written):
                continue  # "3. Tiếp nhận 419.544 | 3.1 trực tuyến … | 3.2 số hóa … | 3.3 …": each some of it, no split
            ok = abs(got - written) <= sum_tolerance(vals, written)
            if not ok and col.role == "max":
                # an item that does not apply ('-' for its points) may leave its parent's maximum
                applying = [k for k in counted if not _not_applying(frame, k, col)]
                if len(applying) < len(counted) and sum((k.value(col.index) for k in applying), Decimal(0)) \
                        == written:
                    kids, vals, got, ok = applying, [k.value(col.index) for k in applying], written, True
            if not ok and parent_says_total(parent.label) and all(k.value(col.index) is not None for k in kids):
                run = _leading_run(kids, col, written)
                if run:
                    kids, vals, got, ok = run, [k.value(col.index) for k in run], written, True
            tests.append((parent, kids, col, written, got, ok, vals))
    return tests


_WELL_OVER = Decimal("1.5")
_Z = Decimal(0)


def _subsets(kids: list, vals: list[Decimal], whole: Decimal) -> bool:
    """Items that are each some of their parent, not a split of it: each no
    more than the parent and together well over it (half as much again: no
    slip of one item makes that) — the dossiers received online, those
    digitised, those returned electronically. ("Trong đó: toàn trình | một
    phần" says nothing either way: such a list is often the whole split.)"""
    return whole > 0 and all(v <= whole for v in vals) and sum(vals, Decimal(0)) > whole * _WELL_OVER


def _not_applying(frame, row, max_col) -> bool:
    """A row whose figures other than its maximum are '-' or missing, one '-' at least."""
    others = [c for c in frame.nums() if c is not max_col and c.role != "max"]
    return any(c.index in row.na for c in others) and all(row.value(c.index) is None for c in others)


MAX_ITEMS = 4  # a sum of more items names no cell it may be: any of them may


def item_alternatives(frame, kids: list, col, gap: Decimal) -> tuple:
    """The items of a broken sum that may be its slip, each moved by the gap
    the sum shows (none below zero): "1. Tổng số 249 | 1.1. 174 | 1.2. 70" may be
    1.2 written for 75 as well as the parent written for 244. At most
    MAX_ITEMS items: beyond them the sum names no cell."""
    if len(kids) > MAX_ITEMS:
        return ()
    out = []
    for kid in kids:
        value = kid.value(col.index)
        r, key = address(frame, kid, col)
        if value is None or r is None or not key or value + gap < 0:
            continue
        moved = value + gap
        if moved == (short_form := moved.quantize(Decimal(1).scaleb(-places(value)))):
            moved = short_form  # 6 + 1,0 is written 7 as its column writes it
        out.append((frame.table.index, r, key, moved))
    return tuple(out)


def _measures(frame) -> dict[int, str]:
    """Each row's unit of measure from the table's "Đơn vị tính" column
    (folded), or nothing when the table has no such column."""
    unit_cols = [c for c in frame.cols if c.kind == ColKind.TEXT and _UNIT_HEAD.search(c.head)]
    grid = frame.table.grid
    if not unit_cols or grid is None:
        return {}
    out = {}
    for row in frame.rows:
        src = grid.rows[row.i].cells if row.i < len(grid.rows) else []
        out[row.i] = " ".join(" ".join(src[c.index] for c in unit_cols if c.index < len(src)).casefold().split())
    return out


def _same_measure(parent: str, kids: list[str], label: str) -> bool:
    """The items count what the parent counts: the same unit where both state
    one; a parent with no unit over items with one only when its words say it
    counts ("Số lượng cán bộ bị kỷ luật" over "Người"; not "Thực hiện tự chủ
    tài chính" over "Đơn vị", a figure of another scope)."""
    stated = [k for k in kids if k]
    if not stated:
        return True
    if not parent:
        return bool(_COUNT_WORDS.match(fold(label)))
    return all(k == parent for k in stated)


def _leading_run(kids: list, col, total: Decimal) -> list:
    """The shortest run of two or more first items, fewer than all, whose sum
    is ``total`` exactly."""
    for k in range(2, len(kids)):
        if sum((r.value(col.index) for r in kids[:k]), Decimal(0)) == total:
            return kids[:k]
    return []


def _single(test: tuple) -> bool:
    """A parent over one item: the sum of one (see :func:`_tests`)."""
    return len(test[6]) == 1


def _vacuous(test: tuple) -> bool:
    """0 = 0 + 0 + …: holds whatever the table obeys; no evidence either way."""
    return test[3] == 0 and all(v == 0 for v in test[6])


def _form_of(frame) -> tuple:
    """The header of a table: the tables of one form cut into sections share it."""
    return tuple(c.head for c in frame.cols)


def _total_items(ctx: CheckContext, frame, rows) -> Iterator[Finding]:
    """An item that says "Tổng số …" followed by at least three items of its own
    level ("2.1. Tổng số ĐVSN 271; 2.2. … 12; 2.3. … 71; …"): the total of those
    items, stated by its words (a warning when it does not add up: the items may
    be a "trong đó"; two items after a total are most often one)."""
    levels = nesting_levels(rows)
    for k, head in enumerate(rows):
        if head.kind != RowKind.UNIT or not parent_says_total(head.label):
            continue
        level = levels[head.i]
        siblings = []
        for other in rows[k + 1:]:
            if levels[other.i] < level:
                break
            if levels[other.i] == level:
                siblings.append(other)
        if any(parent_says_total(r.label) or "tỷ lệ" in r.label.casefold() for r in siblings):
            continue
        first, broken = _leading_parts(frame, head, siblings)
        if first:
            # "1. Tổng số hồ sơ | 2. Trực tuyến | 3. Trực tiếp | 4. Bưu chính | 5. Đúng hạn": the
            # first items add up to the total exactly in the other columns; the others are other measures.
            record(ctx, frame, "total-item-equals-sum-of-items",
                   [(r, col) for r in [head, *first] for col in frame.nums() if r.value(col.index) is not None])
            for col in broken:
                vals = [r.value(col.index) for r in first]
                got = sum(vals, Decimal(0))
                yield finding("PARENT_SUM_MISMATCH", "error",
                              f"{where(head)}: cột {col_name(col)} ghi {vi(head.value(col.index))} nhưng {len(vals)} "
                              f"mục sau nó ({', '.join(r.no or short(r.label, 20) for r in first)}), cộng đúng ở các "
                              f"cột khác, cho {' + '.join(vi(v) for v in vals)} = {vi(got)}",
                              frame, head, col, head.value(col.index), got)
            continue
        if len(siblings) < 3:
            continue
        for col in frame.nums():
            cell = head.cells.get(col.index)
            vals = [r.value(col.index) for r in siblings]
            if col.role == "percent" or cell is None or any(v is None for v in vals):
                continue
            got = sum(vals, Decimal(0))
            record(ctx, frame, "total-item-equals-sum-of-items", [(r, col) for r in [head, *siblings]])
            if abs(got - cell.value) <= sum_tolerance(vals, cell.value):
                continue
            yield finding("PARENT_SUM_MISMATCH", "warning",
                          f"{where(head)}: cột {col_name(col)} ghi {vi(cell.value)} nhưng {len(vals)} mục cùng cấp "
                          f"sau nó ({', '.join(r.no or short(r.label, 20) for r in siblings[:6])}) cộng được "
                          f"{' + '.join(vi(v) for v in vals)} = {vi(got)} (có thể các mục chỉ là “trong đó”: cần "
                          "xem lại)", frame, head, col, cell.value, got)


def _leading_parts(frame, head, siblings) -> tuple[list, list]:
    """The shortest run of two or more items right after a "Tổng số" item,
    fewer than all of them, whose sum is the total exactly in every figure
    column (at least two), or in all but one of at least three — that one
    column then holds a slip: (the run, the columns where it does not add up)."""
    cols = [c for c in frame.nums() if c.role != "percent" and head.value(c.index) is not None]
    if len(cols) < 2:
        return [], []
    for k in range(2, len(siblings)):
        run = siblings[:k]
        if any(r.value(c.index) is None for r in run for c in cols):
            return [], []
        broken = [c for c in cols if sum((r.value(c.index) for r in run), Decimal(0)) != head.value(c.index)]
        if not broken or (len(broken) == 1 and len(cols) >= 3):
            return run, broken
    return [], []


def parent_says_total(label: str) -> bool:
    return label.casefold().lstrip().startswith(("tổng số", "tổng"))
