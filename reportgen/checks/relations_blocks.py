"""Relations of a table whose units take several rows (a block per unit, one
row per period or kind, see :mod:`reportgen.read.blocks`): the change row of
a unit is the difference of two of its rows, cell by cell ("Tăng (+), giảm
(-)" = "Quý IV" − "Quý III"); each row of a block named for the whole
("Toàn tỉnh", "Tổng cộng") is the sum over the units of their rows of the
same sub-label. Inferred from the table itself; the adoption rule is in
:mod:`.relations_support`.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import permutations
from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_support import adopted, col_name, doubt, finding, frames, record, short, sum_tolerance, vi, where

MIN_BLOCKS = 2


def blocks_of(frame: Frame) -> list[list[Row]]:
    """The frame's rows grouped by block (a unit's rows in order); rows of no block are left out."""
    out: list[list[Row]] = []
    for row in frame.rows:
        if row.part is None or not row.cells:
            continue
        last = out[-1] if out else None
        if last is not None and last[-1].unit == row.unit and last[-1].i == row.i - 1 \
                and row.part not in {r.part for r in last}:
            last.append(row)
        else:
            out.append([row])
    return out


def _column_holds(checks: list) -> bool:
    """A relation found on the table's cells binds a column where it holds on most of its blocks
    (the adoption rule), or on more than half of them (a table of three units, one slipped)."""
    holds = sum(1 for *_, ok in checks if ok)
    return adopted(holds, len(checks)) or (len(checks) >= MIN_BLOCKS and 2 * holds > len(checks))


def _is_total(block: list[Row]) -> bool:
    return all(r.kind == RowKind.STAT for r in block)


def _signed(row: Row) -> bool:
    """A row written with signs (+134, -11) or holding a negative figure: a change."""
    return any(c.value < 0 or c.text.strip()[:1] in "+-−" for c in row.cells.values())


def _cols(frame: Frame) -> list[Col]:
    return [c for c in frame.nums() if c.role != "percent"]


def _sv(value: Decimal) -> str:
    return ("+" if value > 0 else "") + vi(value)


# ------------------------------------------------------------------------------ change rows

@rule("CHANGE_MISMATCH", "Dòng tăng, giảm của một đơn vị khác hiệu hai dòng số liệu (hai kỳ) của chính đơn vị đó")
def block_change_row(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng mà mỗi đơn vị chiếm nhiều dòng (một dòng mỗi
    kỳ: "Quý III", "Quý IV", rồi dòng "Tăng (+), giảm (-)"), dòng ghi có dấu
    (+134, -11) của mỗi đơn vị là hiệu hai dòng kỳ của chính đơn vị ấy, từng
    ô một. Cặp dòng được tìm từ số liệu (hiệu khớp ở 80% các ô, trên ít nhất
    2 đơn vị), áp dụng cho mỗi cột mà nó khớp ở quá nửa số đơn vị (ít nhất
    2), rồi báo ô nào lệch.

    Vì sao: sửa số liệu một kỳ mà quên sửa dòng tăng, giảm (hoặc ghi nhầm
    dấu) là lỗi hay gặp của báo cáo so sánh hai kỳ.

    Ví dụ sai: Sở Xây dựng — Quý III 865 | Quý IV 910 | Tăng (+), giảm (-) +54.

    Ví dụ đúng: Quý III 865 | Quý IV 910 | Tăng (+), giảm (-) +45.
    """
    for frame in frames(report):
        blocks = blocks_of(frame)
        if len(blocks) < MIN_BLOCKS:
            continue
        found = _change_parts(blocks, _cols(frame))
        if found is None:
            continue
        change, newer, older = found
        for col in _cols(frame):
            checks = []
            for block in blocks:
                rows = {r.part: r for r in block}
                if not {change, newer, older} <= set(rows):
                    continue
                c, b, a = rows[change], rows[newer], rows[older]
                if None in (c.value(col.index), b.value(col.index), a.value(col.index)):
                    continue
                got = b.value(col.index) - a.value(col.index)
                ok = abs(got - c.value(col.index)) <= sum_tolerance([b.value(col.index), a.value(col.index)],
                                                                    c.value(col.index))
                checks.append((c, b, a, got, ok))
            if not _column_holds(checks):
                continue
            record(ctx, frame, "block-change-equals-difference",
                   [(r, col) for c, b, a, *_ in checks for r in (c, b, a)])
            for c, b, a, got, ok in checks:
                if ok:
                    continue
                yield finding("CHANGE_MISMATCH", "error",
                              f"{where(c)}: cột {col_name(col)} ghi {_sv(c.value(col.index))} nhưng "
                              f"{short(b.part, 30)} − {short(a.part, 30)} = {vi(b.value(col.index))} − "
                              f"{vi(a.value(col.index))} = {_sv(got)}", frame, c, col, c.value(col.index), got)


def _change_parts(blocks: list[list[Row]], cols: list[Col]) -> tuple[str, str, str] | None:
    """(change, newer, older): the sub-labels whose rows obey change = newer − older in most cells of at
    least MIN_BLOCKS blocks, the change row written with signs; the best such triple."""
    parts: list[str] = []
    for block in blocks:
        for r in block:
            if r.part not in parts:
                parts.append(r.part)
    best, best_holds = None, 0
    for change, newer, older in permutations(parts, 3):
        holds = tested = 0
        blocks_held = 0
        signed = False
        for block in blocks:
            rows = {r.part: r for r in block}
            if not {change, newer, older} <= set(rows):
                continue
            c, b, a = rows[change], rows[newer], rows[older]
            signed = signed or _signed(c)
            held = 0
            for col in cols:
                vc, vb, va = c.value(col.index), b.value(col.index), a.value(col.index)
                if None in (vc, vb, va):
                    continue
                tested += 1
                if abs(vb - va - vc) <= sum_tolerance([vb, va], vc):
                    held += 1
            holds += held
            blocks_held += held > 0
        if signed and blocks_held >= MIN_BLOCKS and adopted(holds, tested) and holds > best_holds:
            best, best_holds = (change, newer, older), holds
    return best


# ------------------------------------------------------------------------------ parts of a block

@rule("SUM_MISMATCH", "Dòng tổng của một đơn vị khác tổng các dòng thành phần (theo loại, theo cấp) của chính đơn vị "
                      "đó")
def block_parts_sum(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng mà mỗi đơn vị chiếm nhiều dòng (một dòng mỗi
    loại: "Tổng số", "Cấp tỉnh", "Cấp xã"), một dòng của mỗi đơn vị là tổng
    các dòng còn lại (không kể dòng tăng, giảm ghi có dấu), từng ô một. Dòng
    tổng được tìm từ số liệu (khớp ở 80% các ô, trên ít nhất 2 đơn vị), áp
    dụng cho mỗi cột mà nó khớp ở quá nửa số đơn vị (ít nhất 2), rồi báo ô
    nào lệch. Dòng tổng đánh số đứng trên các dòng thành phần không đánh số
    là mục cha (PARENT_SUM_MISMATCH), không báo lại.

    Vì sao: sửa số liệu một cấp mà quên cộng lại dòng tổng của đơn vị.

    Ví dụ sai: Huyện Lâm Hà — Cấp huyện 3.366 | Cấp xã 9.415 | Tổng số 12.871.

    Ví dụ đúng: Tổng số 12.781.
    """
    for frame in frames(report):
        blocks = blocks_of(frame)
        if len(blocks) < MIN_BLOCKS:
            continue
        found = _whole_part(blocks, _cols(frame))
        if found is None:
            continue
        whole, parts = found
        entry = ctx.ledger.tables.get(frame.table.index)
        for col in _cols(frame):
            if _checked_already(frame, col, whole, entry):
                continue  # a numbered whole over its unnumbered kinds: a parent and its items (relations_parents)
            checks = []
            for block in blocks:
                rows = {r.part: r for r in block}
                if whole not in rows or rows[whole].value(col.index) is None:
                    continue
                members = [rows[p] for p in parts if p in rows and rows[p].value(col.index) is not None]
                if len(members) < 2:
                    continue
                vals = [r.value(col.index) for r in members]
                written, got = rows[whole].value(col.index), sum(vals, Decimal(0))
                checks.append((rows[whole], members, vals, got, abs(got - written) <= sum_tolerance(vals, written)))
            if not _column_holds(checks):
                continue
            record(ctx, frame, "block-whole-equals-sum-of-parts",
                   [(r, col) for w, members, *_ in checks for r in [w] + members])
            for w, members, vals, got, ok in checks:
                if ok:
                    continue
                terms = " + ".join(f"{vi(v)} ({short(r.part, 20)})" for r, v in zip(members, vals))
                yield finding("SUM_MISMATCH", "error",
                              f"{where(w)}: cột {col_name(col)} ghi {vi(w.value(col.index))} nhưng {terms} = "
                              f"{vi(got)}", frame, w, col, w.value(col.index), got)


def _checked_already(frame: Frame, col: Col, whole: str, entry) -> bool:
    """Most of the column's whole cells are checked by a relation that ran before."""
    if entry is None:
        return False
    keys = [k for r in frame.rows if r.part == whole and col.index in r.cells
            and (k := frame.cell_key(r, col)) is not None]
    return bool(keys) and 2 * sum(1 for k in keys if k in entry.checked_cells) > len(keys)


def _whole_part(blocks: list[list[Row]], cols: list[Col]) -> tuple[str, list[str]] | None:
    """(whole, parts): the sub-label whose row is the sum of the rows of every other unsigned sub-label
    (two or more) in most cells of at least MIN_BLOCKS blocks."""
    labels: list[str] = []
    for block in blocks:
        for r in block:
            if r.part not in labels:
                labels.append(r.part)
    signed = {r.part for b in blocks for r in b if _signed(r)}
    plain = [p for p in labels if p not in signed]
    for whole in plain:
        parts = [p for p in plain if p != whole]
        if len(parts) < 2:
            continue
        holds = tested = blocks_held = 0
        for block in blocks:
            rows = {r.part: r for r in block}
            if whole not in rows:
                continue
            held = 0
            for col in cols:
                w = rows[whole].value(col.index)
                vals = [v for p in parts if p in rows and (v := rows[p].value(col.index)) is not None]
                if w is None or len(vals) < 2:
                    continue
                tested += 1
                held += abs(sum(vals, Decimal(0)) - w) <= sum_tolerance(vals, w) and w != 0
            holds += held
            blocks_held += held > 0
        if blocks_held >= MIN_BLOCKS and adopted(holds, tested):
            return whole, parts
    return None


# ------------------------------------------------------------------------------ total blocks

@rule("SUM_ROW_MISMATCH", "Dòng của khối tổng (Toàn tỉnh, Tổng cộng) khác tổng các dòng cùng kỳ, cùng loại của các "
                          "đơn vị")
def block_total_rows(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong bảng mà mỗi đơn vị chiếm nhiều dòng (một dòng mỗi
    kỳ hoặc mỗi loại), mỗi dòng của khối "Toàn tỉnh" / "Tổng cộng" bằng tổng
    các dòng cùng tên ("Quý IV", "Cấp xã", "Tăng (+), giảm (-)") của các đơn
    vị, ở mỗi cột số (không tính cột tỷ lệ). Khối tổng mà phần lớn các ô
    không phải tổng (trung bình, số liệu riêng) thì không kết luận, ghi vào
    sổ kiểm tra.

    Vì sao: dòng tổng là số người đọc trích lại; sửa số liệu một đơn vị mà
    không cộng lại là sai cả báo cáo.

    Ví dụ sai: Quý IV của 5 sở 1.344 + 910 + 2.105 + 3.410 + 702 = 8.471 mà
    Toàn tỉnh — Quý IV ghi 8.571.

    Ví dụ đúng: Toàn tỉnh — Quý IV ghi 8.471.
    """
    for frame in frames(report):
        blocks = blocks_of(frame)
        units = [b for b in blocks if not _is_total(b)]
        if len(units) < MIN_BLOCKS:
            continue
        for total in (b for b in blocks if _is_total(b)):
            checks = []
            for row in total:
                members = [r for b in units for r in b if r.part == row.part]
                for col in _cols(frame):
                    written = row.value(col.index)
                    vals = [r.value(col.index) for r in members if r.value(col.index) is not None]
                    if written is None or len(vals) < MIN_BLOCKS:
                        continue
                    got = sum(vals, Decimal(0))
                    checks.append((row, col, members, vals, got, abs(got - written) <= sum_tolerance(vals, written)))
            if not checks:
                continue
            if not adopted(sum(1 for *_, ok in checks if ok), len(checks)):
                doubt(ctx, frame, f"Khối “{short(total[0].unit)}”: các dòng không phải tổng các dòng cùng tên "
                                  f"của các đơn vị")
                continue
            record(ctx, frame, "block-total-equals-sum",
                   [(r, col) for row, col, members, *_ in checks for r in [row] + members if col.index in r.cells])
            for row, col, _, vals, got, ok in checks:
                if ok:
                    continue
                terms = " + ".join(vi(v) for v in vals[:8]) + (" + …" if len(vals) > 8 else "")
                yield finding("SUM_ROW_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(col)} ghi {vi(row.value(col.index))} nhưng tổng dòng "
                              f"“{short(row.part, 30)}” của {len(vals)} đơn vị {terms} = {vi(got)}",
                              frame, row, col, row.value(col.index), got)
