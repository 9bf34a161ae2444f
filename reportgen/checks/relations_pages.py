"""A long table's page rows: "Cộng trang" (the page's rows added up),
"Cộng chuyển sang trang sau" (what was carried in plus this page's sum) and
"Cộng trang trước chuyển sang" / "Mang sang" (what the page before carried
out). The rows say which relation they obey; a column obeys them when it
adds up (a count, not a rate): that is found from the rows themselves (every
page row of the column but one holds). The grand total is the sum rule's
(`relations_rows`), which leaves these rows out.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import MIN_ROWS, col_name, finding, frames, record, sum_tolerance, vi, where

_PAGE_SUM = re.compile(r"^\s*(?:cộng|tổng)\s+(?:trang|theo\s+trang)(?:\s+này)?\s*:?\s*$", re.I)
_CARRY_OUT = re.compile(r"(?:chuyển|mang)\s+(?:sang|qua)\s+trang\s+sau|cộng\s+dồn\s+(?:đến|hết)\s+trang", re.I)
_CARRY_IN = re.compile(r"trang\s+trước\s+(?:chuyển|mang)\s+(?:sang|qua)|^\s*(?:số\s+)?(?:mang|chuyển)\s+sang\s*:?\s*$"
                       r"|từ\s+trang\s+trước", re.I)


def _page_kind(row: Row) -> str | None:
    label = row.label or ""
    if _CARRY_OUT.search(label):
        return "out"
    if _CARRY_IN.search(label):
        return "in"
    if _PAGE_SUM.match(label):
        return "page"
    return None


def _checks(frame: Frame, col: Col) -> list[tuple[Row, Decimal, Decimal, str, int]]:
    """(page row, written, expected, kind, rows added) of each page row of
    ``col``, walking the table top to bottom."""
    out = []
    segment: list[Decimal] = []
    carried: Decimal | None = None
    page: Decimal | None = None
    carried_out: Decimal | None = None
    for row in frame.rows:
        kind = _page_kind(row) if row.kind != RowKind.HEADING else None
        value = row.value(col.index)
        if kind is None:
            if row.kind == RowKind.UNIT and value is not None:
                segment.append(value)
            continue
        if value is None:
            return []
        if kind == "page":
            out.append((row, value, sum(segment, Decimal(0)), kind, len(segment)))
            page, segment = value, []
        elif kind == "out":
            this_page = page if page is not None else sum(segment, Decimal(0))
            out.append((row, value, (carried or Decimal(0)) + this_page, kind, 0))
            carried_out, page, segment = value, None, []
        else:
            if carried_out is not None:
                out.append((row, value, carried_out, kind, 0))
            carried, page, segment = value, None, []
    return out


@rule("SUM_ROW_MISMATCH", "Dòng cộng trang, cộng chuyển sang trang sau hay mang sang khác số phải có")
def page_rows(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: các dòng cộng theo trang của một bảng dài: "Cộng trang" = tổng các dòng
    của trang (từ sau dòng mang sang hay dòng cộng trước đó); "Cộng chuyển sang trang sau" =
    số trang trước chuyển sang (không có thì 0) + cộng trang; "Cộng trang trước chuyển sang"
    ("Mang sang") = dòng chuyển sang trang sau của trang trước. Chỉ xét cột mà các dòng này
    khớp, trừ nhiều nhất một (cột cộng được, không phải cột tỷ lệ), ít nhất 3 dòng như vậy.
    Vì sao: các dòng cộng trang được cộng tay khi in bảng dài; sửa số một đơn vị mà quên
    sửa dòng cộng trang (hoặc ngược lại) là lỗi hay gặp.
    Ví dụ sai: 20 dòng của trang 1 cộng được 10.024 mà "Cộng trang" ghi 10.124.
    Ví dụ đúng: "Cộng trang" 10.024, "Cộng chuyển sang trang sau" 10.024, trang sau "Cộng
    trang trước chuyển sang" 10.024."""
    for frame in frames(report):
        if not any(_page_kind(r) for r in frame.rows):
            continue
        for col in frame.nums():
            checks = _checks(frame, col)
            fits = [abs(w - e) <= sum_tolerance([e], w) for _, w, e, *_ in checks]
            slips = _slips(checks, fits)
            if len(checks) < MIN_ROWS or len(checks) - sum(fits) > 2 * len(slips) or len(slips) > 1:
                continue
            record(ctx, frame, "page-rows", [(r, col) for r, *_ in checks])
            for i in slips:
                row, written, expected, kind, n = checks[i]
                paired = (j := _user(checks, i)) is not None and not fits[j]
                if kind == "page" and not paired:
                    yield finding("SUM_ROW_MISMATCH", "error",
                                  f"{where(row)}: cột {col_name(col)} ghi {vi(written)} nhưng tổng {n} dòng của trang "
                                  f"là {vi(expected)}; các dòng chuyển sang khớp với số ghi này, nên số sai nhiều "
                                  "khả năng ở một dòng của trang", frame, row, col, written, expected)
                    continue
                how = {"page": f"tổng {n} dòng của trang là {vi(expected)}",
                       "out": f"số trang trước chuyển sang + cộng trang = {vi(expected)}",
                       "in": f"dòng chuyển sang trang sau của trang trước ghi {vi(expected)}"}[kind]
                yield finding("SUM_ROW_MISMATCH", "error", f"{where(row)}: cột {col_name(col)} ghi {vi(written)} "
                              f"nhưng {how}", frame, row, col, written, expected)


_USED_BY = {"page": "out", "out": "in", "in": "out"}  # the next page row whose expected figure adds this one


def _user(checks: list, i: int) -> int | None:
    want = _USED_BY[checks[i][3]]
    return next((j for j in range(i + 1, len(checks)) if checks[j][3] == want), None)


def _slips(checks: list, fits: list[bool]) -> list[int]:
    """The page rows that slipped: a row written wrong breaks its own check
    and the next one that adds it (a page's sum, its carried-out total; a
    carried-out total, the next carried-in; a carried-in total, its page's
    carried-out) by the same gap, signs opposite: one slip there; a break
    alone is one slip at its row."""
    out, used = [], set()
    for i in range(len(checks)):
        if fits[i] or i in used:
            continue
        gap = checks[i][1] - checks[i][2]
        j = _user(checks, i)
        if j is not None and not fits[j] and checks[j][1] - checks[j][2] == -gap:
            used.add(j)
        out.append(i)
    return out
