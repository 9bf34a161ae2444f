"""The corrections a culprit search tries (see :mod:`.culprits`): the cells
where the broken relations cross, the cells the errors name with the values
they expect, those cells moved by the gap a sum shows, the other corrections
an error offers itself — at most MAX_CANDIDATES, best first; and how a
correction is written into its cell (:func:`as_written`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..model import Finding
from ..numbers import MAX_DIGITS, format_vi, places_of

MAX_CANDIDATES = 10  # corrections tried per document, each runs the rules (but the layout's) once
Address = tuple[int, int, str]  # (table, row, column) as a Finding names a cell


@dataclass
class Spot:
    """Where a cell a finding names is written: its grid row and column (or
    none for a table read from text) and its value."""

    grid: tuple[int, int] | None
    value: Decimal | None
    label: str  # the column's header words
    unit: str | None  # the row's
    den: Decimal | None = None  # the maximum of an x/y cell


@dataclass
class Candidate:
    address: Address
    value: Decimal | str
    named: Finding | None = None  # the error that names this cell, if one does
    by_fit: bool = False  # chosen among equal explanations by the figures its column writes elsewhere
    part: str = "value"  # "den": the value is the maximum of the cell's x/y
    carried: list[Address] = field(default_factory=list)  # derived cells set along (culprits_carried)
    also: list[tuple[Address, Decimal]] = field(default_factory=list)  # a second cell set with it (culprits_pairs)


def hints(findings: list[Finding], errors: list[Finding]) -> list[Finding]:
    """The warnings of a table with an error that name a cell and the figure it should be (an
    inferred "Quý IV = Quý III + Tăng/giảm" broken on a unit while the "Tổng cộng" breaks its
    column): tried and weighed with the errors, but never a slip on their own — a sure culprit
    answers an error as well (:mod:`.culprits`)."""
    tables = {f.table for f in errors if f.severity == "error"}
    return [f for f in findings if f.severity == "warning" and f.table in tables and f not in errors
            and address_of(f) is not None and figure_value(f.expected) is not None
            and figure_value(f.reported) is not None]


def address_of(f: Finding) -> Address | None:
    if f.table is None or f.row is None or not f.column:
        return None
    return (f.table, f.row, f.column)


def figure_value(text) -> Decimal | None:
    try:
        value = Decimal(str(text))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return value if value.is_finite() else None


def candidates(errors: list[Finding], where: dict[Address, Spot]) -> list[Candidate]:
    """The corrections to try, best first (see the module's docstring)."""
    named = {a: f for f in errors if (a := address_of(f)) is not None and f.expected is not None}
    by_table: dict[int, list[tuple[Address, Decimal | None]]] = {}
    for f in errors:
        # A statistics row no table row holds ("Trung bình" under a scheme's units) constrains its column only.
        a = address_of(f) or ((f.table, None, f.column) if f.table is not None and f.column else None)
        if a is not None:
            by_table.setdefault(a[0], []).append((a, _gap(f)))
    per_column: dict[tuple, int] = {}
    for f in errors:
        per_column[(f.table, f.column)] = per_column.get((f.table, f.column), 0) + 1
    # A cell an error names, set to what it expects — the rarest column first: a column of many
    # errors (ranks pushed down by one wrong total) holds consequences, a lone error the cause.
    own = []
    by_cell: dict[Address, list[Finding]] = {}
    for f in errors:
        if (a := address_of(f)) is not None and f.expected is not None:
            by_cell.setdefault(a, []).insert(0, f)  # the last error of a cell first (it hosts the finding)
    naming = [(a, f) for a, fs in by_cell.items() for f in fs]
    for a, f in sorted(naming, key=lambda kv: per_column[(kv[1].table, kv[1].column)]):  # two errors may name one cell
        value = figure_value(f.expected)
        if value is not None or f.column == "grade" or f.expected:  # a word expected is a grade the cell should say
            own.append(Candidate(a, value if value is not None else f.expected, f))
    lone = [c for c in own if per_column[(c.address[0], c.address[2])] == 1]
    # A named cell may also be a figure another row of its column repeats ("thấp nhất" 55,70 of a unit
    # whose percent, computed, rounds to 55,71: the figure written there, not the computed one, holds both).
    # Or it is a cell whose own error states only a bound (a leaf above its maximum) while a sum
    # of its column or row (the parent, the "Tổng cộng" row) shows by how much it is off: the cell ± that gap.
    own = [x for c in own for x in (c, *_repeated(c.address, errors, where, c.named),
                                    *_crossed_by(c, errors, where))]
    # The other corrections an error offers itself (the part or the whole of a broken ratio).
    offered = [x for f in errors for t, r, key, value, *rest in f.alternatives
               for x in _pinned(f, Candidate((t, r, key), value, part=(rest or ("value",))[0]), errors, where)]
    # An offered correction where every error of its table crosses (a part whose row and column hold
    # them all) is tried right after the lone errors: it is the likeliest single slip.
    # (the same correction an error naming the cell expects keeps that error: it hosts the finding)
    # (or, the errors all on one line — a unit's column of a table turned round — a cell of that line)
    crossing = [c for c in offered if len(by_table.get(c.address[0], ())) >= 2 and all(
        a[1] == c.address[1] or a[2] == c.address[2] for a, _ in by_table[c.address[0]])
        and (any(a[1] == c.address[1] for a, _ in by_table[c.address[0]])
             and any(a[2] == c.address[2] for a, _ in by_table[c.address[0]])  # a row's error and a column's
             or all(a[2] == c.address[2] for a, _ in by_table[c.address[0]])
             or all(a[1] == c.address[1] for a, _ in by_table[c.address[0]]))]
    expected = {_key(c): c for c in reversed(own) if c.named is not None}
    crossing = [expected.get(_key(c), c) for c in crossing]
    out = lone + crossing + _crossings(by_table, named, where, errors) + own + offered \
        + _pair_crossings(by_table, named, where)
    seen, unique = set(), []
    for c in out:
        if _key(c) not in seen:
            seen.add(_key(c))
            unique.append(c)
    return unique[:MAX_CANDIDATES]


def _key(c: Candidate) -> tuple:
    return (c.address, c.part, c.value.normalize() if isinstance(c.value, Decimal) else c.value)  # 20 is 20,00


def _gap(f: Finding) -> Decimal | None:
    expected, reported = figure_value(f.expected), figure_value(f.reported)
    return expected - reported if expected is not None and reported is not None else None


def _crossings(by_table, named, where, errors) -> list[Candidate]:
    """1. The cells where every broken relation of a table crosses."""
    sums = {address_of(f) for f in errors if f.code in _SUMS}
    out: list[Candidate] = []
    for t, found in by_table.items():
        if len(found) < 2:
            continue
        # The gap of a cell's own row or column sum, before a mean's (a mean moves by the gap / n);
        # its own column's sum first: a rate of change on its row shows a gap in percent, not in figures.
        gaps = [g for a, g in found if a[1] is not None] + [g for a, g in found if a[1] is None]
        for r in sorted({a[1] for a, _ in found if a[1] is not None}):
            for c in sorted({a[2] for a, _ in found}):
                if (t, r, c) not in named and all(a[1] == r or a[2] == c for a, _ in found):
                    out.extend(_repeated((t, r, c), errors, where))
                    own = [g for a, g in found if a[2] == c and a in sums]
                    out.extend(_shifted((t, r, c), own + [g for g in gaps if g not in own], where))
    return out


_SUMS = frozenset({"SUM_ROW_MISMATCH", "SUM_COLUMNS_MISMATCH", "PARENT_SUM_MISMATCH", "SUM_MISMATCH",
                   "TOTAL_MISMATCH"})  # a gap in the figures of the cells summed


def _repeated(address: Address, errors: list[Finding], where: dict[Address, Spot],
              named: Finding | None = None) -> list[Candidate]:
    """The crossing cell set to a figure an error of its column reports as
    written elsewhere: a "cao nhất" row repeats the top unit's figure (13,951
    written there, 13,591 in the unit's row)."""
    spot = where.get(address)
    if spot is None or spot.value is None:
        return []
    values = {figure_value(f.reported) for f in errors if f.table == address[0] and f.column == address[2]
              and f.row != address[1]}
    values = {v for v in values if v is not None and v != spot.value}
    if len(values) > 2:
        return []  # many figures of the column are in error (a cascade), none repeats this one
    return [Candidate(address, v, named) for v in sorted(values)]


def _crossed_by(cand: Candidate, errors: list[Finding], where: dict[Address, Spot]) -> list[Candidate]:
    """A named cell shifted by the gap another error of its column (a parent, a total row) or of its
    row (a total column, or the cell's column when the table was turned round to read it) shows."""
    t, r, key = cand.address
    crossing = [f for f in errors if f.table == t and (f.column == key) != (f.row == r)]
    gaps = [_gap(f) for f in sorted(crossing, key=lambda f: f.row is None)]  # a sum's gap before a mean's
    return [Candidate(cand.address, c.value, cand.named) for c in _shifted(cand.address, gaps, where)]


def _pinned(f: Finding, cand: Candidate, errors: list[Finding], where: dict[Address, Spot]) -> list[Candidate]:
    """A part a rounded percent implies (86,2% of 2.774 is 2.389,8 to 2.392,6: 2.391), with first
    the cell moved by the gap another error of its row or column shows (a sum 298 over), where that
    figure gives the same percent: both errors then hold."""
    percent, spot = figure_value(f.reported), where.get(cand.address)
    if cand.part != "value" or not isinstance(cand.value, Decimal) or not percent or spot is None \
            or spot.value is None:
        return [cand]
    t, r, key = cand.address
    half = Decimal(5).scaleb(-places_of(percent) - 1)
    room = abs(cand.value) * half / abs(percent)
    gaps = {abs(g) for e in errors if e is not f and e.table == t and (e.row == r) != (e.column == key)
            and (g := _gap(e))}
    moved = sorted({v for g in gaps for v in (spot.value + g, spot.value - g) if abs(v - cand.value) <= room})
    return [Candidate(cand.address, v) for v in moved if v != cand.value] + [cand]


def _pair_crossings(by_table, named, where) -> list[Candidate]:
    """3. The cells where two broken relations showing the same gap cross."""
    out: list[Candidate] = []
    for t, found in by_table.items():
        for k, (a, ga) in enumerate(found):
            for b, gb in found[k + 1:]:
                if ga is None or gb is None or abs(ga) != abs(gb) or a[1] == b[1] or a[2] == b[2] \
                        or a[1] is None or b[1] is None:
                    continue
                for cell in ((t, a[1], b[2]), (t, b[1], a[2])):
                    if cell not in named:
                        out.extend(_shifted(cell, [ga], where))
    return out


def _shifted(address: Address, gaps: list[Decimal | None], where: dict[Address, Spot]) -> list[Candidate]:
    spot = where.get(address)
    if spot is None or spot.value is None:
        return []
    sizes = [abs(g) for g in gaps if g]
    if not sizes:
        return []
    gap = max(sizes, key=sizes.count)  # the gap most of the broken relations show
    return [Candidate(address, spot.value + gap), Candidate(address, spot.value - gap)]


def as_written(old: str, value: Decimal | str, part: str = "value", was: Decimal | None = None) -> str | None:
    """``value`` written as the cell was (its decimal mark, Vietnamese unless the cell written ``was``
    shows the English one; its ``%``; the points of an ``x/y`` cell before its maximum, or its maximum)."""
    if isinstance(value, str):
        return value
    if not value.is_finite() or value.adjusted() >= MAX_DIGITS or places_of(value) > MAX_DIGITS:
        return None  # no cell writes it (a figure derived from an unreadable 1E+300)
    text = format_vi(value, places_of(value), fixed=True)
    if "/" not in old and _english(old, was):
        text = text.translate(str.maketrans(".,", ",."))
    if "/" in old:
        head, _, tail = old.partition("/")
        if part == "den":
            return head + "/" + tail[:len(tail) - len(tail.lstrip())] + text if any(ch.isdigit() for ch in tail) \
                else None
        return text + "/" + tail if any(ch.isdigit() for ch in head) else None
    return None if part == "den" else text + ("%" if "%" in old else "")


def _english(old: str, was: Decimal | None) -> bool:
    """Whether a cell writes the English way (``5,330``, ``93.01``): its last mark is the decimal one
    where the figure has decimals, or where fewer or more than three digits follow it; else it groups
    thousands."""
    marks = [(k, ch) for k, ch in enumerate(old) if ch in ".," and 0 < k < len(old) - 1
             and old[k - 1].isdigit() and old[k + 1].isdigit()]
    if not marks or was is None:
        return False
    k, mark = marks[-1]
    after = len(old[k + 1:]) - len(old[k + 1:].lstrip("0123456789"))
    decimal = was != was.to_integral_value() or after != 3
    return (mark == ".") == decimal
