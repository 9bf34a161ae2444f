"""A table that counts the units of each grade ("Xếp loại | Số đơn vị | Tỷ lệ
(%)": Xuất sắc 4, Tốt 4, Khá 2 …) held to the graded table it sums up: the
rows of that table with each grade, counted.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..text import fold
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_grade_words import GRADE_LEVELS, grade_level
from .relations_support import MIN_ROWS, col_name, finding, frames, record, short, where

_LEAD = re.compile(r"^(kết\s*quả\s*)?(xếp\s*loại|loại|mức)\s+", re.I)
_NAMES = {level: name for _, level, name in GRADE_LEVELS}  # the grade a level names, as the frame reads it


@rule("GRADE_COUNT_MISMATCH", "Số đơn vị theo xếp loại trong bảng tổng hợp khác số đếm được từ bảng kết quả")
def grade_summary_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng tổng hợp xếp loại — mỗi dòng một xếp loại (ít nhất 3
    loại: Xuất sắc, Tốt, Khá …) với số đơn vị — so với bảng kết quả có cột
    xếp loại trong cùng văn bản: số đơn vị của mỗi loại phải bằng số dòng
    của bảng kết quả xếp loại đó. Bảng kết quả được chọn là bảng có cùng
    tổng số đơn vị (dòng "Tổng cộng" của bảng tổng hợp, hoặc tổng các loại);
    khi không bảng nào có cùng tổng mà văn bản chỉ có một bảng xếp loại thì
    chênh lệch là cảnh báo. Xếp loại cũng có thể là các cột ("Cấp | Tổng số |
    Xuất sắc | Tốt | Khá …"): mỗi dòng đếm các đơn vị của bảng xếp loại có
    cùng số đơn vị với dòng ấy (chỉ khi đúng một bảng như thế) — số đơn vị là
    tổng các cột xếp loại, hoặc, khi một cột đếm sai, số cột "Tổng số đơn vị"
    của dòng ghi; cột "Tổng số đơn vị" khác tổng các cột xếp loại mà tổng ấy
    đúng bằng số đơn vị của bảng xếp loại là lỗi ở cột đó.

    Vì sao: bảng tổng hợp thường đếm tay sau khi bảng kết quả đã sửa; chuyển
    một đơn vị từ loại này sang loại khác giữ nguyên dòng tổng cộng nên
    không phép cộng nào của chính bảng thấy được.

    Ví dụ sai: bảng kết quả có 4 đơn vị Tốt và 2 đơn vị Khá; bảng tổng hợp
    ghi Tốt 5, Khá 1, Tổng cộng 11.

    Ví dụ đúng: bảng tổng hợp ghi Tốt 4, Khá 2, Tổng cộng 11.
    """
    all_frames = frames(report)
    graded = [(f, Counter(r.grade for r in rows)) for f in all_frames
              if len(rows := [r for r in f.units if r.grade is not None]) >= MIN_ROWS and _categories(f) is None]
    for frame in all_frames:
        yield from _by_columns(ctx, frame, graded)
        found = _categories(frame)
        if found is None:
            continue
        rows, count = found
        written = {level: row.value(count.index) for level, row in rows.items()}
        total = next((r.value(count.index) for r in frame.rows if r.kind == RowKind.STAT and r.stat == "sum"
                      and r.value(count.index) is not None), None)
        whole = total if total is not None else sum(written.values(), Decimal(0))
        matching = [(f, c) for f, c in graded if f is not frame and sum(c.values()) == whole]
        sure = bool(matching)
        if not matching:
            matching = [(f, c) for f, c in graded if f is not frame] if len(graded) == 1 else []
        if not matching or len({tuple(sorted(c.items())) for _, c in matching}) > 1:
            continue  # no graded table, or two that disagree: which one it sums up is not known
        source, counted = matching[0]
        record(ctx, frame, "grade-count-vs-table", [(row, count) for row in rows.values()])
        for level, row in rows.items():
            got = Decimal(counted.get(level, 0))
            if written[level] == got:
                continue
            title = short(source.table.title, 50) or f"bảng {source.table.index + 1}"
            yield finding("GRADE_COUNT_MISMATCH", "error" if sure else "warning",
                          f"Xếp loại {_NAMES[level]}: cột {col_name(count)} ghi {written[level]:f} đơn vị nhưng "
                          f"bảng “{title}” có {got:f} đơn vị xếp loại {_NAMES[level]}"
                          + ("" if sure else f" (bảng đó có {sum(counted.values())} đơn vị, bảng tổng hợp "
                                             f"{whole:f}: chưa chắc hai bảng cùng nói về các đơn vị ấy)"),
                          frame, row, count, written[level], got)


def _by_columns(ctx: CheckContext, frame: Frame, graded: list) -> Iterator[Finding]:
    """The grades as columns ("Cấp | Tổng số | Xuất sắc | Tốt | Khá | …"): each
    row counts the units of the graded table with as many units as the row."""
    cols = _grade_columns(frame)
    if cols is None:
        return
    for row in frame.units:
        written = {level: row.value(col.index) for level, col in cols.items()}
        if any(v is None or v < 0 or v != v.to_integral_value() for v in written.values()):
            continue
        # The graded table is the one with as many units as the row's grades add up to — or, when one of
        # them is miscounted, as its "Tổng số đơn vị" states.
        stated = _stated_wholes(frame, row, cols)
        for whole in (sum(written.values(), Decimal(0)), *(v for _, v in stated)):
            matching = {tuple(sorted(c.items())): (f, c) for f, c in graded
                        if f is not frame and sum(c.values()) == whole}
            if len(matching) == 1:
                break
        else:
            continue  # no graded table of that many units, or two that disagree
        [(source, counted)] = matching.values()
        title = short(source.table.title, 50) or f"bảng {source.table.index + 1}"
        record(ctx, frame, "grade-count-vs-table", [(row, col) for col in cols.values()])
        if whole == sum(written.values(), Decimal(0)):
            for col, v in stated:  # the grades and the graded table agree; the row's "Tổng số" does not
                record(ctx, frame, "grade-count-vs-table", [(row, col)])
                if v != whole:
                    yield finding("GRADE_COUNT_MISMATCH", "error",
                                  f"{where(row)}: cột {col_name(col)} ghi {v:f} nhưng các cột xếp loại cộng lại "
                                  f"{whole:f}, đúng bằng số đơn vị của bảng “{title}”", frame, row, col, v, whole)
        for level, col in cols.items():
            got = Decimal(counted.get(level, 0))
            if written[level] != got:
                yield finding("GRADE_COUNT_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(col)} ghi {written[level]:f} đơn vị nhưng bảng “{title}” "
                              f"({whole:f} đơn vị) có {got:f} đơn vị xếp loại {_NAMES[level]}",
                              frame, row, col, written[level], got)


_WHOLE_HEAD = re.compile(r"tổng|cộng|số\s*(đơn\s*vị|cơ\s*quan)")


def _stated_wholes(frame: Frame, row: Row, cols: dict[int, Col]) -> list[tuple[Col, Decimal]]:
    """The row's figures in the columns whose header names the whole ("Tổng số đơn vị")."""
    grades = {c.index for c in cols.values()}
    return [(c, v) for c in frame.nums("value") if c.index not in grades and _WHOLE_HEAD.search(fold(c.head))
            and (v := row.value(c.index)) is not None]


def _grade_columns(frame: Frame) -> dict[int, Col] | None:
    """The number columns headed by a grade each (at least three grades, each once), or None."""
    cols: dict[int, Col] = {}
    for col in frame.nums("value"):
        level = grade_level(_LEAD.sub("", " ".join(col.label.split())))
        if level is None:
            continue
        if level[0] in cols:
            return None
        cols[level[0]] = col
    return cols if len(cols) >= 3 else None


def counts_grades(frame: Frame) -> bool:
    """Whether the table counts units by grade (a row per grade): its rows are
    grades, not graded units."""
    return _categories(frame) is not None


def _categories(frame: Frame) -> tuple[dict[int, Row], Col] | None:
    """The rows naming a grade each (at least three grades, each once) and the
    column counting their units (whole numbers on every such row), or None."""
    rows: dict[int, Row] = {}
    for row in frame.units:
        level = grade_level(_LEAD.sub("", " ".join(row.label.split())))
        if level is None:
            continue
        if level[0] in rows:
            return None  # a grade twice: units named like grades, not categories
        rows[level[0]] = row
    if len(rows) < 3 or len(rows) < len(frame.units) - 1:
        return None
    for col in frame.nums("value"):
        values = [row.value(col.index) for row in rows.values()]
        if all(v is not None and v >= 0 and v == v.to_integral_value() and "." not in str(v) for v in values):
            return rows, col
    return None
