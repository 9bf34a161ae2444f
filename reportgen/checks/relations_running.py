"""Relations between a row and the row before it, found from the table's own
figures: a running total ("Lũy kế từ đầu năm" = the one before + this
month's) and a change on the previous row ("Tăng/giảm so với tháng trước" =
this month's − last month's). A table of months, quarters or periods in
order obeys them row after row; see :mod:`.relations_support` for the
adoption rule.

One slipped figure breaks two neighbouring relations, and which two tells
which figure slipped: a running total written wrong breaks its own row and
the next (by the same gap, signs opposite), a month's figure written wrong
breaks only its own row's running total (and the changes on its row and the
next). The error names that figure.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_changes import CHANGE_HEAD, checked_already, signed
from .relations_frame import Col, Frame, Row
from .relations_support import MIN_ROWS, adopted, col_name, finding, frames, record, sum_tolerance, vi, where


def _series(frame: Frame, col: Col) -> list[tuple[Row, Decimal | None]]:
    return [(row, row.value(col.index)) for row in frame.units]


def _running_breaks(values: list, parts: list) -> list | None:
    """(row index, gap) of every row whose running total is not the one
    before plus its part, or None when the relation does not hold on the
    rows (adoption rule) or says nothing (no two different parts)."""
    checks, moved = [], set()
    for i in range(1, len(values)):
        before, now, part = values[i - 1], values[i], parts[i]
        if None in (before, now, part):
            continue
        gap = now - before - part
        checks.append((i, gap, abs(gap) <= sum_tolerance([before, part], now), part))
        moved.add(part)
    # a row whose part is 0 holds for any column that repeats itself: it shows no running total
    holds = sum(1 for *_, ok, part in checks if ok and part)
    breaks = [(i, gap) for i, gap, ok, _ in checks if not ok]
    # one slipped running total breaks two rows: the adoption rule counts it once
    if len(moved - {Decimal(0)}) < 2 or holds < MIN_ROWS \
            or not adopted(holds, holds + len(_slipped(breaks, len(values) - 1))):
        return None
    return breaks


def _slipped(breaks: list, last: int) -> list[tuple[int, str]]:
    """Which figure each break points at: ("total", row) where two rows in a
    row break by the same gap with opposite signs (the running total between
    them), ("part", row) where one row breaks and the next holds, ("either",
    row) on the last row."""
    out, i = [], 0
    while i < len(breaks):
        k, gap = breaks[i]
        if i + 1 < len(breaks) and breaks[i + 1][0] == k + 1 and breaks[i + 1][1] == -gap:
            out.append((k, "total"))
            i += 2
            continue
        out.append((k, "either" if k == last else "part"))
        i += 1
    return out


@rule("RUNNING_SUM_MISMATCH", "Cột lũy kế khác lũy kế dòng trên cộng số của dòng")
def running_sum(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một cột lũy kế (cộng dồn) của bảng theo tháng, quý hay kỳ: số lũy kế của
    mỗi dòng = số lũy kế của dòng trên + số của chính dòng đó ở một cột khác. Cặp cột được
    tìm theo số liệu của chính bảng (ít nhất 3 dòng và 80%, ít nhất hai số khác nhau được
    cộng dồn), không theo tên cột. Một số lũy kế ghi sai làm lệch dòng của nó và dòng dưới
    (cùng mức, ngược dấu): lỗi ở số lũy kế đó; chỉ một dòng lệch, dòng dưới vẫn khớp: lỗi ở
    số của dòng (số tháng) đó; dòng cuối lệch: lỗi nêu cả hai số.
    Vì sao: số lũy kế được cộng tay từ tháng trước; sửa số một tháng mà quên lũy kế (hoặc
    ngược lại) là lỗi hay gặp của báo cáo định kỳ.
    Ví dụ sai: Tháng 1: 2.610 | lũy kế 2.610; Tháng 2: 2.480 | lũy kế 5.190; Tháng 3:
    2.725 | lũy kế 7.815 (5.190 + 2.725 = 7.915).
    Ví dụ đúng: Tháng 3: 2.725 | lũy kế 7.915."""
    for frame in frames(report):
        nums = [c for c in frame.nums() if not CHANGE_HEAD.search(c.head)]  # a change is the other rule's
        for total in nums:
            best = None
            values = [v for _, v in _series(frame, total)]
            for part in nums:
                if part is total:
                    continue
                parts = [v for _, v in _series(frame, part)]
                breaks = _running_breaks(values, parts)
                if breaks is not None and (best is None or len(breaks) < len(best[1])):
                    best = (part, breaks, parts)
            if best is None:
                continue
            part, breaks, parts = best
            rows = frame.units
            record(ctx, frame, "running-sum", [(r, c) for r in rows for c in (total, part)])
            for k, which in _slipped(breaks, len(rows) - 1):
                row, before, now, own = rows[k], values[k - 1], values[k], parts[k]
                if which == "part":
                    yield finding("RUNNING_SUM_MISMATCH", "error",
                                  f"{where(row)}: cột {col_name(part)} ghi {vi(own)} nhưng lũy kế {col_name(total)} "
                                  f"tăng từ {vi(before)} lên {vi(now)}, tức {vi(now - before)} (dòng dưới vẫn khớp, "
                                  f"nên số sai là số của dòng này)", frame, row, part, own, now - before)
                    continue
                side = "" if which == "total" else " (hoặc số của dòng ở cột " + col_name(part) + " sai)"
                yield finding("RUNNING_SUM_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(total)} ghi {vi(now)} nhưng lũy kế dòng trên + "
                              f"{col_name(part)} = {vi(before)} + {vi(own)} = {vi(before + own)}{side}",
                              frame, row, total, now, before + own)


@rule("CHANGE_COLUMN_MISMATCH", "Cột tăng, giảm so với kỳ trước khác hiệu số của dòng và dòng trên")
def change_from_previous_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột "Tăng/giảm so với tháng (kỳ) trước" của bảng theo kỳ: mức tăng, giảm
    của mỗi dòng = số của dòng đó − số của dòng trên ở một cột khác, cặp cột tìm theo số liệu
    của chính bảng (ít nhất 3 dòng và 80%, ít nhất hai mức khác 0). Cột đã là hiệu của hai
    cột cùng dòng thì để quy tắc kia kiểm tra. Một số của kỳ ghi sai làm lệch mức tăng của
    dòng nó và dòng dưới (cùng mức, ngược dấu): lỗi ở số đó.
    Vì sao: mức tăng, giảm được tính tay từ hai dòng; sửa một số mà quên mức tăng là lỗi hay
    gặp.
    Ví dụ sai: Tháng 1: 2.610; Tháng 2: 2.480 | giảm −120 (2.480 − 2.610 = −130).
    Ví dụ đúng: Tháng 2: 2.480 | −130."""
    for frame in frames(report):
        entry = ctx.ledger.tables.get(frame.table.index)
        for change in frame.nums():
            if not CHANGE_HEAD.search(change.head):
                continue
            if checked_already(ctx, frame, change, entry):
                continue  # the difference of two columns of its row (change_column_mismatch) holds it
            found = _previous_row_fit(frame, change)
            if found is None:
                continue
            base, checks = found
            record(ctx, frame, "change-from-previous-row",
                   [(r, c) for r, *_ in checks for c in (change, base)] + [(p, base) for _, _, p, *_ in checks])
            broken = [(r, d, p, now, before) for r, d, p, now, before, ok in checks if not ok]
            rows = frame.units
            i = 0
            while i < len(broken):
                row, written, prev, now, before = broken[i]
                after = broken[i + 1] if i + 1 < len(broken) else None
                if after is not None and rows.index(after[0]) == rows.index(row) + 1 \
                        and after[1] - (after[3] - after[4]) == -(written - (now - before)):
                    # the figure between two broken changes, off by the same gap both ways, is the slip
                    right = before + written
                    yield finding("CHANGE_COLUMN_MISMATCH", "error",
                                  f"{where(row)}: cột {col_name(base)} ghi {vi(now)} nhưng mức tăng, giảm của dòng này "
                                  f"và dòng dưới cho {vi(before)} + ({signed(written)}) = {vi(right)} (hai mức tăng, "
                                  f"giảm cùng khớp khi sửa số này)", frame, row, base, now, right)
                    i += 2
                    continue
                yield finding("CHANGE_COLUMN_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(change)} ghi {signed(written)} nhưng {col_name(base)} "
                              f"của dòng này − dòng trên = {vi(now)} − {vi(before)} = {signed(now - before)}",
                              frame, row, change, written, now - before)
                i += 1


def _previous_row_fit(frame: Frame, change: Col) -> tuple[Col, list] | None:
    best = None
    rows = frame.units
    for base in frame.nums():
        if base is change or CHANGE_HEAD.search(base.head):
            continue
        checks, moved = [], set()
        for prev, row in zip(rows, rows[1:]):
            d, now, before = row.value(change.index), row.value(base.index), prev.value(base.index)
            if None in (d, now, before):
                continue
            checks.append((row, d, prev, now, before, abs(now - before - d) <= sum_tolerance([now, before], d)))
            moved.add(d)
        holds = sum(1 for *_, ok in checks if ok)
        if len(moved - {Decimal(0)}) >= 2 and holds >= MIN_ROWS and adopted(holds, len(checks)) and (
                best is None or holds > best[0]):
            best = (holds, base, checks)
    return best[1:] if best else None
