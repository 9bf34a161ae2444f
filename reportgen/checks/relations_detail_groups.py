"""A unit's group scores (a summary table) and the indicator rows of its
detail table, each naming its group ("Nhóm chỉ tiêu": "Mức độ hài lòng"):
a group's score is the sum of its indicators' points.

The national portal's export of one unit (Lâm Đồng's "ĐIỂM TỔNG HỢP" over
"ĐIỂM THÀNH PHẦN") writes "Điểm mức độ hài lòng 17,7 / 18" over the rows
5,7 + 6 + 0 + 6 + 0; "Điểm dịch vụ trực tuyến 17 / 22" is the online
services and the online payment rows together (the summary names no payment
item of its own). A detail may list only some of a group's indicators (its
"Số hóa" rows give 5,88 of 8,8): points are never negative, so a detail that
adds up to less says nothing, one that adds up to more is a slip.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, ScoreTable, TableKind
from ..numbers import format_vi
from ..schemes import Scheme
from ..text import fold
from .registry import CheckContext, rule
from .table_support import finding, places_of, rounding_tolerance

_POINTS = re.compile(r"điểm")
_NOT_POINTS = re.compile(r"t[ỷỉ]\s*lệ|%|tối\s*đa|chuẩn|tháng|quý|năm|kỳ")


def _groups_named(text: str, scheme: Scheme) -> list[str]:
    t = fold(text)
    return [g.key for g in scheme.groups if any(fold(w) in t for w in g.words)]


def _detail_columns(table: ScoreTable, scheme: Scheme) -> tuple[str, str] | None:
    """The column naming each row's group and the one column of points."""
    points = [c.key for c in table.columns
              if _POINTS.search(fold(c.label)) and not _NOT_POINTS.search(fold(c.label))]
    if len(points) != 1:
        return None
    best = None
    for c in table.columns:
        named = [r.extra.get(c.key) for r in table.rows]
        groups = [g[0] for v in named if isinstance(v, str) for g in [_groups_named(v, scheme)] if len(g) == 1]
        # the rows are indicators of the groups the column names, not the groups themselves
        own = sum(1 for r, v in zip(table.rows, named) if isinstance(v, str) and fold(v) != fold(r.unit))
        if len(groups) >= 3 and len(groups) * 5 >= len(table.rows) * 4 and len(set(groups)) < len(groups) \
                and len({v for v in named if v}) >= 2 and own * 5 >= len(table.rows) * 4:
            best = c.key
            break
    return (best, points[0]) if best else None


def _pairs(report: Report, ctx: CheckContext) -> Iterator[tuple[ScoreTable, Scheme, ScoreTable, str, str]]:
    """Each detail table with the one-row summary table before it."""
    summary = None
    for table in report.tables:
        scheme = ctx.scheme_of(table)
        if table.kind in (TableKind.SCORES, TableKind.SUMMARY) and scheme is not None and scheme.groups:
            summary = (table, scheme) if len(table.rows) == 1 else None
            continue
        if summary is None or table.kind != TableKind.DATA:
            continue
        cols = _detail_columns(table, summary[1])
        if cols:
            yield summary[0], summary[1], table, cols[0], cols[1]


@rule("DETAIL_SUM_MISMATCH", "Điểm các chỉ tiêu của một nhóm trong bảng chi tiết cộng vượt điểm nhóm ở bảng tổng hợp")
def detail_sum_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng chi tiết (mỗi dòng một chỉ tiêu, có cột ghi nhóm chỉ số và
    một cột điểm) của đơn vị mà bảng tổng hợp liền trước ghi điểm từng nhóm: điểm
    nhóm bằng tổng điểm các chỉ tiêu của nhóm (một mục tổng hợp chung cho hai nhóm,
    "Điểm dịch vụ trực tuyến 17 / 22", gồm cả nhóm bảng tổng hợp không ghi riêng).
    Chỉ tiêu cộng được ít hơn điểm nhóm thì bảng chi tiết có thể chỉ liệt kê một phần
    chỉ tiêu: không kết luận. Cộng được nhiều hơn thì có số ghi sai (điểm không âm).
    Vì sao: điểm nhóm trên Cổng là tổng điểm các chỉ tiêu; chép nhầm một điểm chỉ tiêu
    hay điểm nhóm làm hai bảng của cùng văn bản nói khác nhau.
    Ví dụ sai: "Điểm mức độ hài lòng 15,7 / 18" trên các dòng 5,7 + 6 + 0 + 6 + 0.
    Ví dụ đúng: "Điểm mức độ hài lòng 17,7 / 18" trên các dòng 5,7 + 6 + 0 + 6 + 0."""
    for summary, scheme, detail, group_col, points in _pairs(report, ctx):
        row = summary.rows[0]
        parts: dict[str, list[tuple[int, Decimal]]] = {}
        for i, r in enumerate(detail.rows):
            named = _groups_named(str(r.extra.get(group_col) or ""), scheme)
            value = r.scores.get(points)
            if len(named) == 1 and value is not None:
                parts.setdefault(named[0], []).append((i, value))
        wholes = [(k, [k], v) for k, v in row.scores.items() if v is not None and k in parts]
        bound = {k for k, v in row.scores.items() if v is not None}
        for label, value in row.extra.items():
            keys = _groups_named(label, scheme)
            if "%" in label or not keys or set(keys) & bound or not isinstance(value, Decimal):
                continue
            # the groups the summary writes no score of its own for go with the item naming them
            loose = [k for k in parts if k not in bound and k not in keys]
            wholes.append((label, keys + loose, value))
        for key, keys, whole in wholes:
            cells = [c for k in keys for c in parts.get(k, [])]
            if not cells:
                continue
            values = [v for _, v in cells]
            total = sum(values, Decimal(0))
            tol = rounding_tolerance(values, scheme.tolerance, None, whole)
            if places_of(whole) < 2:  # a group score published with 1 decimal
                tol += scheme.part_tolerance or Decimal(0)
            if total < whole - tol:
                continue  # the detail may list only some of the group's indicators
            ctx.ledger.table_checked(detail.index, "detail-sums-to-group", [(i, points) for i, _ in cells])
            ctx.ledger.table_checked(summary.index, "detail-sums-to-group", [(0, key)] if key in row.scores else [])
            if total <= whole + tol:
                continue
            group = scheme.group(keys[0])
            name = key if group is None or key not in row.scores else group.label
            message = (f"Bảng tổng hợp ghi {name} {format_vi(whole)} điểm nhưng các chỉ tiêu của nhóm ở bảng "
                       f"{detail.index + 1} cộng được {format_vi(total)} điểm (điểm chỉ tiêu không âm)")
            if _confirmed(row, keys, whole, scheme):
                # the group's score is its own rate's: a point of the detail slipped
                yield finding("DETAIL_SUM_MISMATCH", "warning",
                              message + f"; điểm nhóm khớp tỷ lệ của nó: có điểm chỉ tiêu ở bảng {detail.index + 1} "
                              "ghi sai", detail, None, None, points, total, whole)
                continue
            yield finding("DETAIL_SUM_MISMATCH", "error", message, summary, 0, row,
                          key if key in row.scores else None, whole, total)


def _confirmed(row, keys: list[str], whole: Decimal, scheme: Scheme) -> bool:
    """Whether the summary writes the group's rate, and the score is that
    rate of the groups' maximum (“Điểm mức độ hài lòng | 98,33 | 17,7 / 18”)."""
    groups = [scheme.group(k) for k in keys]
    if any(g is None or g.max is None for g in groups):
        return False
    for label, pct in row.extra.items():
        if "%" not in label or not isinstance(pct, Decimal) or _groups_named(label, scheme) != keys[:1]:
            continue
        maxima = [sum((g.max for g in groups[:n]), Decimal(0)) for n in range(1, len(groups) + 1)]
        if any(abs(pct * m / 100 - whole) <= Decimal("0.06") for m in maxima):
            return True
    return False
