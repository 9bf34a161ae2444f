"""Ranks of several units written side by side on one row: a table that
gives, for each component of an index, three provinces' figures and each
province's rank among all of them ("12/63"). The ranks of one province
down its column rank different components and follow no order; across the
row, the provinces' ranks follow their figures — the higher figure has the
better rank. Adopted by the usual rule (see :mod:`.relations_support`),
recorded as a bound: a rank that moves without crossing a neighbour's
breaks nothing the table states.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row, RowKind
from .relations_support import MIN_ROWS, adopted, col_name, finding, frames, record, vi, where


def _pairs(frame: Frame) -> list[tuple[Col, Col]]:
    """(figure, rank) of each unit the row compares: the rank column and the
    figure column of the same header group (a percent before other figures),
    or, without groups, the figure column just before the rank."""
    out = []
    for rank in (c for c in frame.cols if c.kind == ColKind.RANK):
        nums = [c for c in frame.nums() if c.role != "max" and c.index < rank.index]
        if rank.group:
            mine = [c for c in nums if c.group == rank.group]
            basis = next((c for c in mine if c.role == "percent"), mine[-1] if mine else None)
        else:
            basis = nums[-1] if nums and nums[-1].index == rank.index - 1 else None
        if basis is not None:
            out.append((basis, rank))
    grouped = all(r.group for _, r in out)
    return out if len({r.group if grouped else b.index for b, r in out}) == len(out) else []


def _rank(row: Row, col: Col) -> Decimal | None:
    cell = row.cells.get(col.index)
    return cell.value if cell is not None and cell.value == cell.value.to_integral_value() else None


def _crossings(row: Row, pairs: list[tuple[Col, Col]]) -> tuple[int, list[tuple[int, int]]]:
    """(pairs of units compared on the row, the pairs whose ranks and figures disagree)."""
    items = [(k, row.value(b.index), _rank(row, r)) for k, (b, r) in enumerate(pairs)]
    items = [(k, v, rk) for k, v, rk in items if v is not None and rk is not None]
    compared, crossed = 0, []
    for n, (a, va, ra) in enumerate(items):
        for b, vb, rb in items[n + 1:]:
            if va == vb:
                continue  # equal as written: either order (unwritten decimals)
            compared += 1
            if (va > vb) != (ra < rb):
                crossed.append((a, b))
    return compared, crossed


@rule("RANK_MISMATCH", "Thứ hạng của các đơn vị ghi cạnh nhau trên một dòng trái thứ tự số liệu của chúng")
def peer_rank_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng ghi cạnh nhau số liệu và thứ hạng của vài đơn vị
    (ba tỉnh: "Chỉ số", "Thứ hạng 12/63") cho từng chỉ số thành phần: trên
    mỗi dòng, đơn vị có số liệu cao hơn có thứ hạng tốt hơn — khi điều đó
    đúng ở ít nhất 3 dòng và 80% các cặp so được. Thứ hạng của một đơn vị
    theo cột dọc (các chỉ số khác nhau) không so với nhau. Chỉ là giới hạn:
    thứ hạng đổi mà không vượt qua đơn vị bên cạnh thì không thấy.

    Vì sao: chép nhầm thứ hạng hay số liệu của một tỉnh sang dòng khác.

    Ví dụ sai: Lâm Đồng 99,9% hạng 30/63, Đắk Nông 99,5% hạng 22/63,
    Bình Thuận 99,2% hạng 25/63.

    Ví dụ đúng: 99,9% hạng 12/63, 99,5% hạng 22/63, 99,2% hạng 25/63.
    """
    for frame in frames(report):
        if frame.transposed:
            continue
        pairs = _pairs(frame)
        if len(pairs) < 2:
            continue
        rows = [r for r in frame.rows if r.kind in (RowKind.UNIT, RowKind.STAT)]
        seen = [(r, *_crossings(r, pairs)) for r in rows]
        seen = [(r, n, crossed) for r, n, crossed in seen if n]
        compared = sum(n for _, n, _ in seen)
        held = compared - sum(len(c) for _, _, c in seen)
        if len(seen) < MIN_ROWS or not adopted(held, compared):
            continue
        record(ctx, frame, "rank-among-peers", [(r, c) for r, _, _ in seen for pair in pairs for c in pair],
               bound=True)
        for row, _, crossed in seen:
            if crossed:
                yield _finding(frame, row, pairs, crossed)


def _finding(frame: Frame, row: Row, pairs: list[tuple[Col, Col]], crossed: list[tuple[int, int]]) -> Finding:
    """One finding a row: an error at the unit every crossing involves when
    there are two or more; a warning naming both units of a lone crossing."""
    common = set(crossed[0]).intersection(*map(set, crossed[1:]))
    k = next(iter(common)) if len(crossed) > 1 and len(common) == 1 else None
    parts = []
    for a, b in crossed:
        for x in (a, b):
            basis, rank = pairs[x]
            text = f"{col_name(basis)} {vi(row.value(basis.index))} hạng {vi(_rank(row, rank))}"
            if text not in parts:
                parts.append(text)
    said = "; ".join(parts)
    if k is not None:
        basis, rank = pairs[k]
        return finding("RANK_MISMATCH", "error",
                       f"{where(row)}: cột {col_name(rank)} ghi hạng {vi(_rank(row, rank))} trái thứ tự số liệu "
                       f"của các đơn vị cùng dòng ({said})", frame, row, rank, _rank(row, rank), None)
    basis, rank = pairs[crossed[0][0]]
    return finding("RANK_MISMATCH", "warning",
                   f"{where(row)}: thứ hạng trái thứ tự số liệu giữa các đơn vị cùng dòng ({said}); "
                   "chưa xác định được ô nào sai", frame, row, rank, _rank(row, rank), None)
