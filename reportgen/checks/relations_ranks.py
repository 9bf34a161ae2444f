"""Ranks a table gives its units: a rank follows the order of the column the
table ranks by (grades are in :mod:`.relations_grades`). Inferred from the
table itself; see :mod:`.relations_support` for the adoption rule.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..text.names import fold_for_units, unit_forms, whole_words
from .registry import CheckContext, rule
from .relations_frame import Col, ColKind, Frame, Row, RowKind
from .relations_support import (
    MIN_ROWS,
    adopted,
    col_name,
    doubt,
    finding,
    frames,
    record,
    scheme_checks,
    vi,
    where,
)

# ------------------------------------------------------------------------------ ranks

def _rank_fit(units: list[Row], rank: Col, basis: Col, offset: int = 0) -> tuple[int, list]:
    pairs = [(r, r.value(rank.index), r.value(basis.index)) for r in units
             if r.value(rank.index) is not None and r.value(basis.index) is not None]
    values = [v for _, _, v in pairs]
    checks, holds = [], 0
    for row, rk, v in pairs:
        lo = offset + 1 + sum(1 for x in values if x > v)
        hi = offset + sum(1 for x in values if x >= v)
        ok = lo <= rk <= hi
        holds += ok
        checks.append((row, rk, v, lo, hi, ok))
    return holds, checks


@rule("RANK_MISMATCH", "Thứ hạng khác thứ tự của cột mà bảng xếp hạng theo")
def rank_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột "Thứ hạng" / "Xếp hạng" khớp thứ tự giảm dần của
    cột mà bảng xếp theo — chọn cột khớp nhất (điểm hoặc tỷ lệ), đồng hạng
    được phép — khi khớp ít nhất 3 dòng và 80%; báo từng dòng lệch.
    Thứ hạng dạng "12/63" (hạng trong cả nước) không so với các dòng.

    Vì sao: bảng xếp theo tỷ lệ (điểm tối đa mỗi đơn vị khác nhau) không
    xếp theo điểm; đổi điểm hoặc hạng một đơn vị là sai thứ hạng.

    Ví dụ sai: hạng 3 với 90,60% nhưng hạng 2 chỉ có 85,97%.

    Ví dụ đúng: 93,01% hạng 1, 90,75% hạng 2, hai đơn vị cùng 73,53% cùng
    hạng hoặc liền hạng — nhưng khi văn bản nói "đồng hạng", hoặc nêu quy
    tắc "các đơn vị bằng điểm được xếp đồng hạng", hoặc bảng xếp các đơn vị
    bằng điểm cùng hạng ở nhiều chỗ hơn là liền hạng, mọi đơn vị bằng điểm
    phải cùng hạng (81,00 và 81,00 cùng hạng 3, đơn vị sau hạng 5).
    """
    for frame in frames(report):
        for rank in (c for c in frame.cols if c.kind == ColKind.RANK):
            units = [r for r in frame.units if (c := r.cells.get(rank.index)) is not None and c.denominator is None
                     and c.value == c.value.to_integral_value()]
            if len(units) < MIN_ROWS:
                continue
            # A table continued from a page before ranks from where that part stopped.
            offsets = {0, min(int(r.value(rank.index)) for r in units) - 1}
            groups = _ranked_groups(frame, units)
            # the document ranks by the percent ("xếp hạng theo tỷ lệ"): points out of maxima that differ are no basis
            unequal = out_of_unequal_maxima(frame, units)
            stated = stated_rank_basis(report)
            best = _fitted_basis(frame, units, rank, offsets, groups, unequal if stated == "percent" else set())
            if stated is None and best is not None and best[2].index in unequal:
                # unsaid: the percent, when the ranks fit it too; else the points, with a doubt on each unit
                # the percent places elsewhere (units out of maxima of their own are compared by their percent)
                other = _fitted_basis(frame, units, rank, offsets, groups, unequal)
                if other is not None and other[0] >= best[0]:
                    best = other
                else:
                    yield from _points_not_percent(frame, units, rank, best)
            declared = False
            if best is None:
                best, declared = _declared_basis(frame, rank, units, unequal), True
            if best is None:  # one figure slipped far moves every rank between its two places
                best, declared = _one_aside(frame, units, rank, offsets), False
            if best is None:
                doubt(ctx, frame, f"Cột {col_name(rank)}: không tìm được cột số mà thứ hạng theo")
                continue
            _, checks, basis = best
            by_scheme = scheme_checks(frame, rank, "rank")
            # a scheme's table (RANK_ORDER) may rank ties by the figures' unwritten decimals: only a tie
            # the prose names (or the document's rule for ties) shares its rank there
            checks = _equal_ties(checks, _states_equal_ties(report), named_only=by_scheme,
                                 rule=_states_tie_rule(report))
            record(ctx, frame, "rank-follows-column", [(r, c) for r, *_ in checks for c in (rank, basis)])
            for row, rk, v, lo, hi, ok in checks:
                if ok or (by_scheme and _crossed(rk, v, checks)):
                    continue  # RANK_ORDER reports ranks out of order on a scheme's table
                should = f"{lo}" if lo == hi else f"từ {lo} đến {hi}"
                sure = not declared or (_are_places(checks) and _crossed(rk, v, checks))
                yield finding("RANK_MISMATCH", "error" if sure else "warning",
                              f"{where(row)}: cột {col_name(rank)} ghi {rk} nhưng theo cột {col_name(basis)} "
                              f"({vi(v)}) đơn vị đứng thứ {should}", frame, row, rank, rk, Decimal(lo))


def _fitted_basis(frame: Frame, units: list[Row], rank: Col, offsets: set[int], groups: list[list[Row]],
                  skip: set[int]) -> tuple[int, list, Col] | None:
    """(holds, checks, basis) of the column the ranks fit best on the
    adoption rule, the columns ``skip`` names aside; None when none fits."""
    best = None
    for basis in sorted(frame.nums(), key=likely_basis):  # on a tie, the percent or the total
        if basis.role == "max" or basis.index in skip or len({r.value(basis.index) for r in units} - {None}) < 3:
            continue
        fits = [_rank_fit(units, rank, basis, offset) for offset in sorted(offsets)]
        if len(groups) > 1:  # ranked within each group of rows ("A. Các sở", "B. Các huyện")
            parts = [_rank_fit(g, rank, basis) for g in groups]
            fits.append((sum(h for h, _ in parts), [c for _, cs in parts for c in cs]))
        for holds, checks in fits:
            if adopted(holds, len(checks)) and (best is None or _better(holds, checks, best)):
                best = (holds, checks, basis)
    return best


def _points_not_percent(frame: Frame, units: list[Row], rank: Col, best: tuple) -> Iterator[Finding]:
    """A warning on each unit whose rank follows its points, out of a maximum
    of its own, where its percent places it elsewhere (the document states
    no basis; a unit with fewer indicators that apply is not behind for that)."""
    basis = best[2]
    for pct in (c for c in frame.nums() if c.role == "percent"):
        holds, checks = _rank_fit(units, rank, pct)
        if len(checks) < MIN_ROWS:
            continue
        for row, rk, v, lo, hi, ok in checks:
            if not ok:
                should = f"{lo}" if lo == hi else f"từ {lo} đến {hi}"
                yield finding("RANK_MISMATCH", "warning",
                              f"{where(row)}: cột {col_name(rank)} ghi {rk}, xếp theo cột {col_name(basis)} dù "
                              f"điểm tối đa của các đơn vị khác nhau; theo cột {col_name(pct)} ({vi(v)}) đơn vị "
                              f"đứng thứ {should}",
                              frame, row, rank, rk, Decimal(lo))
        return


def _told(checks: list) -> int:
    """How many rows hold their rank with a figure no other row has (one place only)."""
    return sum(1 for _, _, _, lo, hi, ok in checks if ok and lo == hi)


def _better(holds: int, checks: list, best: tuple) -> bool:
    """Whether a fit beats the best so far: more rows held — unless the best
    is held mostly by ties (a column of few distinct figures, "Chỉ số 3":
    1,3 1,3 0,9 0,9 …, fits any rank within its ties, by chance) and this
    one is told, by the adoption rule, by rows of a figure of their own."""
    told, best_told = _told(checks), _told(best[1])
    if 2 * best_told < best[0] and adopted(told, len(checks)) and told > best_told:
        return True
    if 2 * told < holds and adopted(best_told, len(best[1])) and best_told > told:
        return False
    return holds > best[0]


def _one_aside(frame: Frame, units: list[Row], rank: Col, offsets: set[int]) -> tuple[int, list, Col] | None:
    """The basis the ranks follow once one unit is set aside: a figure
    slipped far (93,01% written 65,11%) puts its unit twelve places off and
    pushes the eleven between one place along, so no column fits a majority.
    Without that unit every other rank fits its place among the others — one
    place down below the unit's written rank, where the unit stands — on the
    table's adoption rule; the unit set aside is then out of place (its
    figure or its rank is the slip). The units tried are the one or two
    farthest from their places, two places off at least (a swap of
    neighbours is the declared basis's, or no one's)."""
    best = None
    for basis in sorted(frame.nums(), key=likely_basis):
        if basis.role == "max" or len({r.value(basis.index) for r in units} - {None}) < 3:
            continue
        for offset in sorted(offsets):
            _, checks = _rank_fit(units, rank, basis, offset)
            off = sorted(((_distance(c), c) for c in checks if not c[5]), key=lambda dc: -dc[0])
            for _, aside in [dc for dc in off if dc[0] >= 2][:2]:  # a swap of neighbours is no far slip
                others = [c for c in checks if c[0] is not aside[0]]
                values = sorted(c[2] for c in others)
                fitted = []
                for row, rk, v, *_ in others:
                    lo = offset + 1 + len(values) - bisect_right(values, v)  # 1 + how many are above v
                    hi = offset + len(values) - bisect_left(values, v)
                    if rk > aside[1]:
                        lo, hi = lo + 1, hi + 1
                    elif rk == aside[1]:
                        hi += 1  # tied with the unit set aside, or just below it
                    fitted.append((row, rk, v, lo, hi, lo <= rk <= hi))
                holds = sum(1 for c in fitted if c[5])
                if adopted(holds, len(fitted)) and (best is None or holds > best[0]):
                    best = (holds, fitted + [aside], basis)
    return best


def _distance(check) -> int:
    """How many places a rank is from the places its figure allows."""
    _, rk, _, lo, hi, _ = check
    return int(max(lo - rk, rk - hi, 0))


def _declared_basis(frame: Frame, rank: Col, units: list[Row], unequal: set[int]) -> tuple[int, list, Col] | None:
    """The basis of a rank column that no column fits on a clear majority (a
    swap of two ranks in a short table breaks two rows of five): the table's
    one result column (a percent, or a column headed Tổng / Chỉ số / Kết
    quả / Bình quân / Trung bình; or its only figure column), when the
    ranks follow it on at least half the rows. None when there is no such
    column, or several that disagree on the rows out of place."""
    found = []
    figures = [c for c in frame.nums() if c.role != "max" and c.index not in unequal
               and len({r.value(c.index) for r in units} - {None}) >= 3]
    for basis in figures:
        if not (basis.role == "percent" or RESULT_HEAD.search(basis.head) or len(figures) == 1):
            continue  # a table of one figure ranks by it: "Thứ hạng | Cơ quan | Điểm đạt (tối đa 100)"
        holds, checks = _rank_fit(units, rank, basis)
        if len(checks) >= MIN_ROWS and holds * 2 >= len(checks):
            found.append((holds, checks, basis))
    slips = {tuple(id(row) for row, *_, ok in checks if not ok) for _, checks, _ in found}
    return max(found, key=lambda f: f[0]) if found and len(slips) == 1 else None


def _are_places(checks: list) -> bool:
    """The written ranks are the places of exactly these units (1, 2, 3 … n,
    ties allowed): the column ranks this table's rows, not a wider set."""
    return sorted(rk for _, rk, *_ in checks) == sorted(lo for *_, lo, _hi, _ok in checks)


def _crossed(rk: Decimal, v: Decimal, checks: list) -> bool:
    """Whether another unit is ranked above this one with less, or below it
    with more: an order slip. A rank in order but with the wrong number (two
    units with 77,76 and 76,40 both ranked 5, none 4) crosses no one."""
    return any((rk2 < rk and v2 < v) or (rk2 > rk and v2 > v) for _, rk2, v2, *_ in checks)


_EQUAL_TIES = re.compile(r"đồng\s*hạng|cùng\s*(thứ\s*)?hạng")


def _states_equal_ties(report: Report) -> list[str]:
    """The paragraphs that say units with the same figure share a rank,
    folded for finding a unit's name in them (:func:`fold_for_units`)."""
    return [fold_for_units(p.text) for p in report.paragraphs if _EQUAL_TIES.search(p.text.casefold())]


# The document's rule for ties: "các đơn vị bằng điểm được xếp đồng hạng", "trường hợp có cùng số điểm
# thì xếp cùng hạng", "đơn vị có điểm bằng nhau đồng hạng" — a figure's equality and a shared rank in one
# sentence, and no tie-break ("thì xếp theo …", "ưu tiên") that would part them.
_EQUAL_FIGURES = re.compile(r"(?<!\w)(?:bằng\s+(?:nhau|điểm)|đồng\s+điểm|cùng\s+(?:số\s+)?(?:điểm|tỷ\s*lệ|kết\s+quả)"
                            r"|(?:điểm|tỷ\s*lệ|kết\s+quả)(?:\s+số)?\s+bằng\s+nhau)(?!\w)")
_TIE_BREAK = re.compile(r"(?<!\w)(?:ưu\s+tiên|xếp\s+theo|căn\s+cứ\s+vào|lần\s+lượt\s+theo|xét\s+đến)(?!\w)")


def _states_tie_rule(report: Report) -> bool:
    """Whether a sentence of the document says that units with the same
    figure share a rank, naming no unit (a rule, not one tie)."""
    for p in report.paragraphs:
        for sentence in re.split(r"(?<=[.;])\s+", p.text.casefold()):
            if _EQUAL_TIES.search(sentence) and _EQUAL_FIGURES.search(sentence) and not _TIE_BREAK.search(sentence):
                return True
    return False


def _equal_ties(checks: list, stated: list[str], named_only: bool = False, rule: bool = False) -> list:
    """A table that ranks its ties equally ("đồng hạng": 81,00 and 81,00 both
    3rd, the next 5th) does so for every tie: where the document says so and
    one of its ties shares a rank, or more of its ties share one rank than are
    ranked one after the other, or a sentence that says "đồng hạng" names two
    units of a tie ("UBND xã A và UBND xã B đồng hạng 2 với 85,0 điểm"), a
    tied unit must have the first rank of its tie. Without that evidence a
    tie may be ranked either way. ``named_only``: only the ties a sentence
    names are held to it (figures rounded in the cells may hide the order).
    ``rule``: the document states that equal figures share a rank ("các đơn
    vị bằng điểm được xếp đồng hạng"): every tie is held to it."""
    ties: dict[tuple, list] = {}
    for check in checks:
        _, _, v, lo, hi, _ = check
        if hi > lo:
            ties.setdefault((lo, hi, v), []).append(check)
    named = {key for key, tied in ties.items() if sum(1 for c in tied if _named_in(c[0].label, stated)) >= 2}
    if rule:
        held = set(ties)
    elif named_only:
        held = named
    else:
        equal = sum(1 for tied in ties.values() if len(tied) > 1 and len({c[1] for c in tied}) == 1)
        apart = sum(1 for tied in ties.values() if len({c[1] for c in tied}) > 1)
        held = set(ties) if named or not (equal == 0 or (equal <= apart and not stated)) else set()
    if not held:
        return checks
    return [(row, rk, v, lo, lo, rk == lo) if hi > lo and (lo, hi, v) in held else (row, rk, v, lo, hi, ok)
            for row, rk, v, lo, hi, ok in checks]


def _named_in(label: str, texts: list[str]) -> bool:
    forms = unit_forms(label or "")
    return any(whole_words(t, i, len(f)) for t in texts for f in forms if (i := t.find(f)) >= 0)


SUMMING_HEAD = re.compile(r"tổng|chỉ\s*số|kết\s*quả")
RESULT_HEAD = re.compile(SUMMING_HEAD.pattern + r"|bình\s*quân|trung\s*bình")  # a mean is a result too


def likely_basis(col: Col) -> tuple[bool, bool]:
    """Order of preference among columns a rank fits equally well: a
    percent, then a column headed as the result (Tổng điểm, Chỉ số, Kết quả)."""
    return col.role != "percent", not SUMMING_HEAD.search(col.head)


def _ranked_groups(frame: Frame, units: list[Row]) -> list[list[Row]]:
    """The units between the table's group headings, each group in order."""
    ranked = {r.i for r in units}
    groups: list[list[Row]] = [[]]
    for row in frame.rows:
        if row.kind == RowKind.HEADING and groups[-1]:
            groups.append([])
        elif row.i in ranked:
            groups[-1].append(row)
    return [g for g in groups if g]


def out_of_unequal_maxima(frame: Frame, units: list[Row]) -> set[int]:
    """Indices of the columns whose values are at most the row's maximum (on
    a clear majority of rows, a slip over it aside) from a column of maxima
    that differ between units — when the frame has a percent column to grade
    and rank by instead: units with maxima of their own are compared by
    their percent, never by their points."""
    nums = frame.nums()
    if not any(c.role == "percent" for c in nums):
        return set()
    out = set()
    for col in nums:  # "85,00/90": each unit's maximum its cell's denominator
        dens = [c.denominator for r in units if (c := r.cells.get(col.index)) is not None]
        if col.role == "value" and len(dens) * 2 > len(units) and len(set(dens) - {None}) >= 2:
            out.add(col.index)
    for top in (c for c in nums if c.role == "max"):
        if len({r.value(top.index) for r in units} - {None}) < 2:
            continue
        for col in nums:
            pairs = [(r.value(col.index), r.value(top.index)) for r in units]
            pairs = [(v, m) for v, m in pairs if v is not None and m is not None]
            if col.role == "value" and adopted(sum(v <= m for v, m in pairs), len(pairs)):
                out.add(col.index)
    return out


_STATED_BASIS = re.compile(r"xếp\s+(?:hạng|thứ\s+tự)\s+(?:căn\s+cứ\s+|dựa\s+(?:trên|vào)\s+)?(?:theo\s+)?"
                           r"(?P<b>tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số|tổng\s+điểm|điểm)", re.I)


def stated_rank_basis(report: Report) -> str | None:
    """What the document says its ranks follow ("xếp hạng theo tỷ lệ (%)",
    "xếp hạng theo tổng điểm"): "percent" or "points", None when it says
    neither or both. Unsaid, a province may rank on either: the ranks are
    held to the figure they fit."""
    texts = [p.text for p in report.paragraphs] + [t.title or "" for t in report.tables]
    said = {"points" if "điểm" in m.group("b").casefold() else "percent"
            for text in texts for m in _STATED_BASIS.finditer(text)}
    return said.pop() if len(said) == 1 else None
