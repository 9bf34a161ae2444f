"""Percents that are a part over a whole, inferred from the table itself
(RATIO_MISMATCH): the whole from another column (a per-row maximum first),
from the maximum in the part's header, or from the part's ``x/y``
denominator, whichever most rows obey; a percent that is the mean of its
items' rates where the rows nest. The adoption rule is in
:mod:`.relations_support`.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..numbers import places_of
from .registry import CheckContext, rule
from .relations_frame import Col, Frame, Row, RowKind
from .relations_nesting import items_by_parent, leaf_units, top_units
from .relations_points import explains_rate
from .relations_run_rates import run_ratios
from .relations_support import (
    DEFINED,
    MIN_ROWS,
    SHARE,
    address,
    adopted,
    col_name,
    finding,
    frames,
    half_unit,
    last_unit,
    nil_shares,
    places,
    ratio_holds,
    record,
    scheme_checks,
    value_rows,
    vi,
    where,
)


def _wholes(frame: Frame, part: Col) -> list[tuple[str, object]]:
    """Where the whole of ``part`` may come from: another column (a per-row
    maximum first), the maximum in the part's header, its ``x/y`` denominator."""
    out: list[tuple[str, object]] = [("col", c) for c in frame.nums("max")]
    out += [("col", c) for c in frame.nums("value") if c is not part]
    if part.max is not None:
        out.append(("header", part.max))
    out.append(("den", None))
    return out


def _whole_of(row: Row, source: tuple[str, object], part: Col) -> Decimal | None:
    kind, what = source
    if kind == "col":
        return row.value(what.index)
    if kind == "header":
        return what
    cell = row.cells.get(part.index)
    return cell.denominator if cell is not None else None


def _ratio_fit(frame: Frame, pct: Col, part: Col, source) -> tuple[int, list]:
    checks = []
    holds = 0
    for row in value_rows(frame):
        p, a, b = row.cells.get(pct.index), row.value(part.index), _whole_of(row, source, part)
        if p is None or a is None or b is None or b == 0:
            continue
        if a == 0 and p.value == 0:
            continue  # proves nothing
        computed = a / b * 100
        den_precision = what.precision if (what := source[1]) is not None and source[0] == "col" else part.precision
        if source[0] == "header" or (source[0] == "col" and what.role == "max"):
            den_precision = DEFINED  # a maximum is what it says: 0,41 of 0,5 is 82 %, not 75–91 %
        ok = ratio_holds(p.value, a, b, part.precision, den_precision)
        holds += ok
        checks.append((row, p.value, a, b, computed, ok))
    return holds, checks


@rule("RATIO_MISMATCH", "Tỷ lệ phần trăm khác phần / tổng × 100 tính từ chính bảng")
def ratio_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: với mỗi cột tỷ lệ, tìm cặp (phần, tổng) mà tỷ lệ bằng
    phần / tổng × 100 trên phần lớn các dòng — tổng lấy từ một cột (điểm
    chuẩn của dòng), từ điểm tối đa ghi ở tiêu đề, hoặc từ mẫu số "x/y" —
    rồi báo mọi dòng lệch quá sai số làm tròn (một đơn vị chữ số cuối).
    Không có cột nào khớp thì phần và tổng có thể là tổng của các cột liền
    nhau ("Đã giải quyết: Trước hạn | Đúng hạn | Quá hạn", tỷ lệ đúng hạn =
    (trước hạn + đúng hạn) / (cả ba) × 100), hoặc tỷ lệ là cơ cấu so với dòng
    "Tổng cộng" ("Cơ cấu (%)"), hoặc so sánh hai cột ("Tăng, giảm (%)" =
    (năm nay − năm trước) / năm trước × 100; "So sánh (%)" được vượt 100%),
    khi ít nhất 3 dòng ghi tỷ lệ có số lẻ khớp đúng.

    Vì sao: tỷ lệ chép tay hoặc sửa điểm mà quên sửa tỷ lệ là lỗi hay gặp
    nhất của bảng kết quả.

    Ví dụ sai: Điểm chuẩn tối đa 89,00, Điểm đạt được 82,78, Chỉ số chung
    73,01% (82,78 / 89,00 × 100 = 93,01%).

    Ví dụ đúng: 82,78 / 89,00 × 100 = 93,01%, ghi 93,01% (hoặc 93,00% nếu
    bảng cắt bớt chữ số).
    """
    learned: dict[tuple, tuple] = {}  # header words → the relation adopted on a table with enough rows
    named: list[tuple[str, str, str]] = []  # (percent, part, whole) headers of each relation adopted between columns
    small = []
    for frame in frames(report):
        for pct in frame.nums("percent"):
            best = best_ratio(frame, pct)
            if best is None:
                pooled = run_ratios(ctx, frame, value_rows(frame), pct)
                if pooled is not None:
                    yield from pooled
                else:
                    small.append((frame, pct))
                continue
            learned[_signature(frame, pct)] = (best[2].index, best[3][0],
                                               best[3][1].index if best[3][0] == "col" else best[3][1])
            if best[3][0] == "col":
                named.append((fold_label(pct.label), fold_label(best[2].label), fold_label(best[3][1].label)))
            yield from _ratio_findings(ctx, frame, pct, best[1], best[2], best[3])
    for frame, pct in small:
        # A table too short to show a relation takes it from a table with the same header.
        known = learned.get(_signature(frame, pct))
        if known is not None:
            part = frame.col(known[0])
            source = (known[1], frame.col(known[2]) if known[1] == "col" else known[2])
            _, checks = _ratio_fit(frame, pct, part, source)
        else:
            part, source, checks = _named_alike(frame, pct, named)
        if checks:
            yield from _ratio_findings(ctx, frame, pct, checks, part, source)


def _named_alike(frame: Frame, pct: Col, named: list[tuple[str, str, str]]) -> tuple:
    """(part, source, checks) of the one relation another table of the document
    showed on columns headed alike — the percent's header the same, the part's
    and the whole's each ending with the other's ("Giải quyết đúng hạn" of
    "Đúng hạn") — when it holds on most of this short table's rows (a summary
    of levels: "Cấp tỉnh | Cấp xã | Toàn tỉnh"); else (None, None, [])."""
    label = fold_label(pct.label)
    cols = [c for c in frame.nums() if c is not pct]
    found = {(part.index, whole.index) for p, a, b in named if p == label
             for part in cols if _alike(fold_label(part.label), a)
             for whole in cols if whole is not part and _alike(fold_label(whole.label), b)}
    if len(found) != 1:
        return None, None, []
    part_index, whole_index = found.pop()
    part, source = frame.col(part_index), ("col", frame.col(whole_index))
    holds, checks = _ratio_fit(frame, pct, part, source)
    return (part, source, checks) if 2 * holds > len(checks) else (None, None, [])


def _alike(mine: str, theirs: str) -> bool:
    """One header is the other's last words (a group's word said or not)."""
    a, b = mine.split(), theirs.split()
    return bool(a and b) and (a[-len(b):] == b or b[-len(a):] == a)


def best_ratio(frame: Frame, pct: Col) -> tuple | None:
    """(holds, checks, part, source) of the part / whole the percent column
    follows, or None (cached per frame and column)."""
    key = (id(frame), pct.index)
    hit = _BEST.get(key)
    if hit is not None and hit[0] is frame:
        return hit[1]
    best = None
    for part in frame.nums("value") + frame.nums("max"):
        if part is pct or explains_rate(frame, pct, part):
            continue  # points from the rate (QĐ 766): POINTS_FROM_RATE_MISMATCH checks them
        for source in _wholes(frame, part):
            if source[0] == "col" and source[1] is part:
                continue
            holds, checks = _ratio_fit(frame, pct, part, source)
            if ((adopted(holds, len(checks)) or _precise_majority(holds, checks))
                    and (best is None or holds > best[0]) and not _constant_whole(frame, source, checks)):
                best = (holds, checks, part, source)
    if len(_BEST) > 256:
        _BEST.clear()
    _BEST[key] = (frame, best)
    return best


_BEST: dict[tuple, tuple] = {}


def _constant_whole(frame: Frame, source, checks: list) -> bool:
    """A whole taken from a column of figures (not a maximum column) that is
    one and the same number on nearly every row where the ratio holds (all
    but a fifth: a row or two may fit by chance): the rate is
    the part over that number, and the column only happens to hold it there
    ("Mức độ hài lòng - Điểm đạt" at its full 18 points on most rows, the
    rate beside "Công khai, minh bạch - Điểm đạt" being its points over 18).
    Such a column proves no relation, and its other rows are no slips."""
    if source[0] != "col" or source[1] in frame.nums("max"):
        return False
    wholes = Counter(b for _, _, _, b, _, ok in checks if ok)
    return bool(wholes) and wholes.most_common(1)[0][1] >= SHARE * sum(wholes.values())


def _precise_majority(holds: int, checks: list) -> bool:
    """A rate written with decimals that equals part / whole × 100 on at
    least MIN_ROWS rows, and on more than half of the rows, is no chance:
    two slips in a short table must not hide the relation (and the slips).
    Rows where the part is 0 or equals the whole prove nothing here."""
    telling = sum(1 for _, written, a, b, _, ok in checks if ok and places_of(written) >= 1 and 0 < a < b)
    return telling >= MIN_ROWS and 2 * holds > len(checks)


def _mean_of_rates(frame: Frame, pct: Col, part: Col, row: Row, written: Decimal) -> tuple[str, Decimal, bool] | None:
    """(how, mean of the rates, whether ``written`` is that mean) when ``row`` stands for other rows — its
    items (a region over its communes), or the units under a total or an
    average row — and its figures are means of theirs:

    - 'mean': its part is its members' mean too (an average row), so its
      rate is rightly the mean of their rates — whether or not it is written so;
    - 'rates': only the written rate is their mean (a total row that writes
      the mean of the rates, not the rate of its totals).
    None when neither holds."""
    for members in _members(frame, row):
        rates = [r.value(pct.index) for r in members if r.value(pct.index) is not None]
        if len(rates) < 2:
            continue
        mean = sum(rates) / len(rates)
        parts = [r.value(part.index) for r in members if r.value(part.index) is not None]
        mine = row.value(part.index)
        if mine is not None and len(parts) == len(rates) and _near_mean(parts, mine):
            return "mean", mean, _near_mean(rates, written)
        if _near_mean(rates, written):
            return "rates", mean, True
    return None


def _near_mean(vals: list[Decimal], written: Decimal) -> bool:
    """``written`` is the mean of ``vals`` within a unit of its last decimal
    plus half a unit of theirs."""
    return abs(sum(vals) / len(vals) - written) <= last_unit(written) + max(
        (half_unit(v) for v in vals), default=Decimal(0))


def _members(frame: Frame, row: Row) -> list[list[Row]]:
    """The rows a parent or a statistics row may stand for."""
    if row.kind == RowKind.UNIT:
        kids = next((kids for head, kids in items_by_parent(frame.rows) if head is row), [])
        return [[k for k in kids if k.kind == RowKind.UNIT]]
    if row.kind != RowKind.STAT or row.stat not in ("sum", "mean", "overall"):
        return []
    body = [r for r in frame.rows if r.kind != RowKind.STAT]
    return [leaf_units(body), top_units(body)]


def _signature(frame: Frame, col: Col) -> tuple:
    return (col.index, tuple((c.index, fold_label(c.label)) for c in frame.nums()))


def fold_label(label: str) -> str:
    return " ".join(label.casefold().split())


def _ratio_findings(ctx, frame: Frame, pct: Col, checks: list, part: Col, source) -> Iterator[Finding]:
    whole_name = (col_name(source[1]) if source[0] == "col" else
                  "điểm tối đa ở tiêu đề" if source[0] == "header" else "mẫu số")
    rows = [r for r, *_ in checks]
    rows += nil_shares(value_rows(frame), pct, lambda r: r.value(part.index), lambda r: _whole_of(r, source, part))
    cells = [(r, c) for r in rows for c in (pct, part) + ((source[1],) if source[0] == "col" else ())]
    record(ctx, frame, "percent-equals-part-over-whole", cells)
    for row, written, a, b, computed, ok in checks:
        if ok or scheme_checks(frame, pct, "percent"):
            continue
        p = max(2, min(3, places_of(written)))
        how, mean, holds = _mean_of_rates(frame, pct, part, row, written) or (None, None, False)
        if how == "mean":
            # an average row: its rate is the mean of its members' rates
            if not holds:
                yield finding("RATIO_MISMATCH", "error",
                              f"{where(row)}: cột {col_name(pct)} ghi {vi(written)}% nhưng trung bình cộng tỷ lệ "
                              f"của các dòng là {vi(mean, p)}% (tỷ lệ của các số trung bình: {vi(a)} / {vi(b)} × 100 "
                              f"= {vi(computed, p)}%)", frame, row, pct, written, mean.quantize(Decimal(1).scaleb(-p)))
            continue
        if how == "rates":
            yield finding("RATIO_MISMATCH", "warning",
                          f"{where(row)}: cột {col_name(pct)} ghi {vi(written)}%, là trung bình cộng tỷ lệ của "
                          f"các dòng, không phải tỷ lệ của các tổng: {vi(a)} / {vi(b)} × 100 = {vi(computed, p)}%",
                          frame, row, pct, written, computed.quantize(Decimal(1).scaleb(-p)))
            continue
        found = finding("RATIO_MISMATCH", "error",
                        f"{where(row)}: cột {col_name(pct)} ghi {vi(written)}% nhưng {col_name(part)} / "
                        f"{whole_name} × 100 = {vi(a)} / {vi(b)} × 100 = {vi(computed, p)}%",
                        frame, row, pct, written, computed.quantize(Decimal(1).scaleb(-p)))
        found.alternatives = _ratio_alternatives(frame, row, part, source, written, a, b)
        yield found


def _ratio_alternatives(frame: Frame, row: Row, part: Col, source, written: Decimal, a: Decimal,
                        b: Decimal) -> tuple:
    """The part, or the whole of a column, that the written percent implies (82,22 / 91,36% = 90,00):
    a slip in either breaks the ratio as a slip in the percent does."""
    out = []
    if written:
        cells = [(part, written * b / 100, a)] + ([(source[1], a * 100 / written, b)] if source[0] == "col" else [])
        for col, value, old in cells:
            r, key = address(frame, row, col)
            if r is not None and key:
                out.append((frame.table.index, r, key, value.quantize(Decimal(1).scaleb(-places(old)))))
        r, key = address(frame, row, part)
        if source[0] == "den" and r is not None and key:  # the maximum of the part's own x/y cell
            out.append((frame.table.index, r, key, (a * 100 / written).quantize(Decimal(1).scaleb(-places(b))),
                        "den"))
    return tuple(out)
