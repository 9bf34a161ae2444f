"""A column of changes ("Tăng/giảm", "Chênh lệch", "So với năm trước")
that is the difference of two other columns of the same row: this year's
figure less last year's. Found from the table's own figures, as the sums
are; see :mod:`.relations_support` for the adoption rule.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row, RowKind
from .relations_mixed_rows import exact_or_slipped
from .relations_support import MIN_ROWS, adopted, col_name, finding, frames, record, sum_tolerance, vi, where

CHANGE_HEAD = re.compile(r"tăng|giảm|chênh|biến\s*động|so\s*với")
_RANK_HEAD = re.compile(r"bậc|hạng")


@rule("CHANGE_COLUMN_MISMATCH", "Cột tăng, giảm khác hiệu của hai cột số liệu trên cùng dòng")
def change_column_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột có tiêu đề "Tăng/giảm", "Chênh lệch", "So với năm
    trước" là hiệu của hai cột khác trên cùng dòng (năm nay − năm trước):
    tìm cặp cột mà hiệu khớp trên phần lớn các dòng (ít nhất 3 dòng và 80%,
    có ít nhất 2 mức thay đổi khác 0), rồi báo dòng nào lệch quá sai số làm
    tròn. Cột thứ hạng cũng vậy: "Tăng/giảm (bậc)" = thứ hạng năm trước −
    thứ hạng năm nay. Cột đã được quan hệ khác kiểm tra (tổng các cột, tỷ lệ
    tăng trưởng) thì bỏ qua.

    Vì sao: sửa điểm năm nay mà quên sửa mức tăng, giảm, hoặc ghi nhầm dấu
    (giảm ghi thành tăng), là lỗi hay gặp của thông báo kết quả.

    Ví dụ sai: Chỉ số năm 2026 58,90 | năm 2025 60,00 | Tăng/giảm +1,10.

    Ví dụ đúng: 58,90 | 60,00 | −1,10.
    """
    for frame in frames(report):
        entry = ctx.ledger.tables.get(frame.table.index)
        for change in frame.nums():
            if not CHANGE_HEAD.search(change.head) or checked_already(ctx, frame, change, entry):
                continue
            best = difference_pair(frame, change)
            if best is None:
                continue
            newer, older, checks = best
            # a table that writes each change exactly as the difference of its written figures, but on one row
            # within rounding (two units off or more), has a slip there, not rounding
            exact = exact_or_slipped([(row, w, a - b, ok) for row, w, a, b, ok in checks])
            checks = [(row, w, a, b, e[3]) for (row, w, a, b, _), e in zip(checks, exact)]
            record(ctx, frame, "change-equals-difference",
                   [(r, c) for r, *_ in checks for c in (change, newer, older)])
            for row, written, a, b, ok in checks:
                if ok:
                    continue
                got = a - b
                yield finding("CHANGE_COLUMN_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(change)} ghi {signed(written)} nhưng {col_name(newer)} − "
                              f"{col_name(older)} = {vi(a)} − {vi(b)} = {signed(got)}",
                              frame, row, change, written, got)


def checked_already(ctx: CheckContext, frame: Frame, change: Col, entry) -> bool:
    """Most of the column's cells are checked by a relation that ran before
    (a sum across the columns that holds the change as a part, a growth rate)."""
    if entry is None:
        return False
    keys = [frame.cell_key(r, change) for r in _rows(frame) if change.index in r.cells]
    keys = [k for k in keys if k is not None]
    # a change of ranks only inferred as a difference (derived-sum, a warning) is left to this rule
    weak = {"derived-sum"} if _RANK_HEAD.search(change.head) else set()
    checked = [k for k in keys if k in entry.checked_cells and entry.cell_relations.get(k, set()) - weak]
    return bool(keys) and 2 * len(checked) > len(keys)


def _rows(frame: Frame) -> list[Row]:
    """Units, and the rows that sum or average them: a difference holds on both."""
    return [r for r in frame.rows if r.kind == RowKind.UNIT
            or (r.kind == RowKind.STAT and r.stat in ("sum", "mean", "overall"))]


def difference_pair(frame: Frame, change: Col) -> tuple[Col, Col, list] | None:
    """(newer, older, checks) of the pair whose difference the column is,
    adopted on the rows, or None."""
    best = None
    # ranks too: "Tăng/giảm (bậc)" = last year's rank less this year's
    others = [c for c in frame.nums() + [c for c in frame.cols if c.kind == ColKind.RANK]
              if c is not change and not CHANGE_HEAD.search(c.head)]
    for newer in others:
        for older in others:
            if older is newer:
                continue
            checks = _fit(frame, change, newer, older)
            holds = sum(1 for *_, ok in checks if ok)
            moved = {w for _, w, *_, ok in checks if ok and w != 0}
            if adopted(holds, len(checks)) and holds >= MIN_ROWS and len(moved) >= 2 and (
                    best is None or holds > best[0]):
                best = (holds, newer, older, checks)
    return best[1:] if best else None


def _fit(frame: Frame, change: Col, newer: Col, older: Col) -> list:
    checks = []
    for row in _rows(frame):
        d, a, b = row.value(change.index), row.value(newer.index), row.value(older.index)
        if d is None or a is None or b is None:
            continue
        checks.append((row, d, a, b, abs(a - b - d) <= sum_tolerance([a, b], d)))
    return checks


def signed(value: Decimal) -> str:
    """A change as a clerk writes it: "+1,10", "−1,10"."""
    return ("+" if value > 0 else "") + vi(value)
