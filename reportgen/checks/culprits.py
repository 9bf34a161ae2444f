"""One slip, one error: the findings a wrong cell causes on right cells.

A wrong figure breaks every relation it is in: an office's files on time
written 382 for 402 breaks its row (the total 1.487 is no longer the sum of
where the files went) and its column (the "Tổng cộng" row's 604 is no longer
the sum of the offices) — two errors, each on a right cell, for one slip
that no finding names. The culprit is the cell whose correction answers
every error, and it is sure when it is the only such cell:

1. the candidates: first the cells where the broken relations cross (a cell
   in the row or the column of every error of a table; the points of an
   x/y cell too, but in a table bound to a scheme), with the figure an
   error of its column reports as written elsewhere (a "cao nhất" row
   repeats the top unit's figure), then with the values the errors' gap
   gives (the cell ± the gap); each cell an error names, with the value it
   expects, the lone error of its column first (before the crossings: a
   column of many errors, ranks pushed down by one wrong total, holds
   consequences); at most MAX_CANDIDATES, best first;
2. for each candidate the rules (but the layout's, which read the page) run
   again on a copy of the report with that one cell set to its value (in the
   reader's grid the relations read and in the table's rows; only that table
   is copied);
3. a candidate is rejected when an error it names stays (as an error or a
   warning), or a new error comes — but on a row derived from the others
   that was computed from the slip, which is set along
   (:mod:`.culprits_carried`); otherwise it explains the errors that are gone *and answered*:
   every cell of the error's table keeps the relations that covered it, or
   one it lost is taken over by a relation that covers it now (a "chỉ số
   chung" row judged on its own while a section was wrong is one more parent
   of the sections once it is right); its paragraph's claims keep their
   relations, for an error of the prose — an error that vanished because
   its relation was no longer adopted on the table (too few rows hold it)
   was not answered, only no longer looked for;
4. it is sure when every other candidate that explains some of the same
   errors explains only a part of them (two cells of one sum either of which
   may be wrong explain the same errors: neither is sure; a percent that
   explains its ratio, the summary rows and twenty ranks pushed along beats
   a summary row that explains only itself) — or explains as much but
   leaves its table quieter than every such rival (fewer findings: a
   section of an index set right also puts its rank among its peers back in
   order, the overall row set to the mean leaves that rank out of order).

The corrections an error offers itself: the part or the whole of a broken
ratio or of a "Tỷ lệ …" parent; the parts of a broken sum that, moved by the
gap, stay within their maximum (a criterion under a total its grade and rank
agree with; at most four parts of a row's total or items of a parent); the
items of a broken mean set to what makes the mean the parent's. A tie goes to
a keystroke slip (:mod:`.culprits_keystrokes`).

A figure two tables give two values for, each agreeing with its own table
(QUANTITY_CONFLICT of figure-across-tables, a warning: which table is wrong is
not known), is weighed like an error here: the one cell whose correction
answers it and its table's error is the slip, and the finding becomes an
error there; no sure culprit leaves it a warning.

The errors a sure culprit explains are not reported apart: the culprit's
finding names them ("kéo theo …"), with the warnings of its table that its
correction answers too (a grade that agrees with the written total). When the culprit is a cell no error named,
the error of its own row (else of its column) is moved onto it — the row and
column of the slip, the value written and the value that makes every
relation hold. Where no candidate is sure but every correction that answers
all the errors of a table lies in one row, they are one error of that row
naming each cell it may be (:mod:`.culprits_undecided`); where no one cell
answers them all, two cells of one row moved by one amount up and down are
tried together (:mod:`.culprits_pairs`); else every error stays as the rules
gave it.
"""
from __future__ import annotations

import copy
from decimal import Decimal
from typing import Callable

from ..model import Finding, Report, Severity
from .culprits_answered import answered
from .culprits_candidates import Address, Candidate, Spot, as_written, figure_value, hints, with_hints
from .culprits_carried import carried, carried_note, derived_rows
from .culprits_formulas import formula_changes, is_formula
from .culprits_keystrokes import only_keyed
from .culprits_pairs import pair_note, pairs
from .culprits_spots import spots
from .culprits_ties import only_fit, only_ordinary
from .culprits_undecided import undecided
from .culprits_words import consequences, vi_figure
from .relations_grade_words import grade_level

_ROLES = ("total", "max", "percent")


def finding_key(f: Finding) -> tuple:
    return (f.code, f.rule, f.table, f.row, f.column, f.paragraph)


def _set_row(row, key: str, value) -> bool:
    if key in row.scores:
        row.scores[key] = value
    elif key in _ROLES and getattr(row, key, None) is not None and isinstance(value, Decimal):
        setattr(row, key, value)
    elif key == "rank" and row.rank is not None and isinstance(value, Decimal) and value == value.to_integral():
        row.rank = int(value)
    elif key == "grade" and isinstance(value, str):
        row.grade = value
    elif key in row.extra:
        row.extra[key] = value
    else:
        return False
    if isinstance(value, str) and key != "grade" and row.grade is not None \
            and (level := grade_level(value)) is not None:
        row.grade = level[1]  # the grade column of a table read by its header (its key is the column's)
    return True


def corrected(report: Report, cand: Candidate, where: dict[Address, Spot]) -> Report | None:
    """A copy of ``report`` with the candidate's cell set to its value, or
    None when that cell cannot be set."""
    t, r, key = cand.address
    out = copy.copy(report)  # the rules read the report, never change it: only the corrected table is copied
    out.tables = [copy.deepcopy(x) if x.index == t else x for x in report.tables]
    table = next((x for x in out.tables if x.index == t), None)
    if table is None or not 0 <= r < len(table.rows):
        return None
    if cand.part == "den":
        done = isinstance(cand.value, Decimal) and f"{key}_of" in table.rows[r].extra
        if done:
            table.rows[r].extra[f"{key}_of"] = cand.value
    else:
        done = _set_row(table.rows[r], key, cand.value)
    spot = where.get(cand.address)
    grid = getattr(table, "grid", None)
    if spot is not None and spot.grid is not None and grid is not None:
        g, c = spot.grid
        if not (0 <= g < len(grid.rows) and 0 <= c < len(grid.rows[g].cells)):
            return None
        text = as_written(grid.rows[g].cells[c] or "", cand.value, cand.part,
                        spot.den if cand.part == "den" else spot.value)
        if text is None:
            return None
        grid.rows[g].cells[c] = text
        done = True
        if cand.part == "value":  # the cells a workbook computes from this one, computed again
            by_grid = {s.grid: a for a, s in where.items() if a[0] == t and s.grid is not None}
            for (g2, c2), text2, number in formula_changes(grid, (g, c), cand.value):
                grid.rows[g2].cells[c2] = text2
                if (a := by_grid.get((g2, c2))) is not None and 0 <= a[1] < len(table.rows):
                    _set_row(table.rows[a[1]], a[2], number)
    for a, value in cand.also if done else ():  # the second cell of a pair (culprits_pairs)
        out = corrected(out, Candidate(a, value), where)
        if out is None:
            return None
    return out if done else None


Rerun = Callable[[Report], tuple[list[Finding], object]]


def without_consequences(report: Report, findings: list[Finding], rerun: Rerun, ledger) -> list[Finding]:
    """``findings`` with the errors a sure culprit explains folded into the
    culprit's finding. ``rerun(report)`` runs the rules on a corrected copy
    and gives its findings and its ledger; ``ledger`` is this run's."""
    errors = [f for f in findings if _weighed(f)]
    # A lone error is tried only when it offers other corrections (a ratio's part and whole): one of
    # them is then chosen only by the figures its column writes elsewhere (see culprits_ties.only_fit).
    single = len(errors) == 1 and bool(errors[0].alternatives)
    hinted = hints(findings, errors)  # a warning that names a cell's figure, in a table with an error
    if len(errors) + len(hinted) < 2 and not single:
        return findings
    errors += hinted
    where = spots(report)
    derived = derived_rows(report)
    before = {finding_key(f): f for f in errors}
    explains: list[tuple[Candidate, set]] = []
    remaining: dict[int, set] = {}  # id(candidate) → the keys of every finding after its correction
    noise: dict[int, int] = {}  # id(candidate) → the findings its table still has after its correction
    grids = {t.index: getattr(t, "grid", None) for t in report.tables}

    def trial(cand: Candidate) -> set | None:
        """The errors the correction answers, or None when it answers none or brings a new one."""
        if any((spot := where.get(a)) is not None and is_formula(grids.get(a[0]), spot.grid)
               for a in (cand.address, *(a for a, _ in cand.also))):
            return None  # a cell a formula computes is what the typed cells make it: never the slip
        fixed = corrected(report, cand, where)
        if fixed is None:
            return None
        after, after_ledger = rerun(fixed)
        # a slip the table's mean and total rows were computed from: those rows are set along (culprits_carried)
        carry = carried(fixed, cand, after, after_ledger, set(before), where, derived, rerun, corrected,
                        finding_key, _weighed)
        if carry is None:
            return None
        fixed, after, after_ledger = carry
        remaining[id(cand)] = {finding_key(f) for f in after}
        # a relation broken through cells OCR did not read for sure says nothing of the correction
        noise[id(cand)] = sum(1 for f in after if f.table == cand.address[0] and not f.unread)
        keys = {finding_key(f) for f in after if _weighed(f)}
        if keys - set(before) or (cand.named is not None and finding_key(cand.named) in remaining[id(cand)]):
            return None
        own = {finding_key(cand.named)} if cand.named is not None else set()
        # an error whose cell is still doubted after, as a warning or by another rule, was not answered: its
        # relation only lost the rows it needs to be sure (two ranks set wrong where one was; RANK_ORDER gone,
        # RANK_MISMATCH there)
        doubted = {(f.table, f.row, f.column) for f in after
                   if f.table is not None and f.row is not None and f.severity in (Severity.ERROR, Severity.WARNING)}
        gone = {k for k in set(before) - remaining[id(cand)] - own if answered(before[k], ledger, after_ledger)
                and not _apart(before[k], cand, errors, ledger)
                and (before[k].table, before[k].row, before[k].column) not in doubted}
        # The cell an error names, set to what it expects, answers that error: where the error offers other
        # corrections (a ratio's part and whole) it is their rival, though the document has other errors (a
        # percent slipped on a row whose part, moved and carried into the "Tổng cộng" row, also answers it).
        return gone if gone or (own and (single or bool(cand.named.alternatives))) else None

    for cand in with_hints([f for f in errors if f not in hinted], hinted, where):
        if (gone := trial(cand)) is not None:
            explains.append((cand, gone))
    sure = [(c, g) for c, g in _sure(explains, before, where, noise)
            if _answered_by(c, g) - {finding_key(f) for f in hinted}]  # a warning alone is no slip
    decided = {cand.address[0] for cand, _ in sure}
    # no one cell answers every error of a table: two cells of a row moved by one amount, up and down
    whole = {t: {finding_key(f) for f in errors if f.table == t and f.severity == Severity.ERROR}
             for t in {f.table for f in errors if f.table is not None}}
    open_tables = {t for t, keys in whole.items() if len(keys) >= 2 and t not in decided
                   and not any(c.address[0] == t and keys <= _answered_by(c, g) for c, g in explains)}
    found: dict[int, list] = {}
    for cand in pairs(errors, where, open_tables):
        if (gone := trial(cand)) is not None and whole[cand.address[0]] <= gone:
            found.setdefault(cand.address[0], []).append((cand, gone))
    for t, both in found.items():
        if len(both) == 1:  # one pair answers them all
            sure.append(both[0])
            decided.add(t)
    findings = _folded(findings, sure, where, remaining) if sure else findings
    # no sure cell, but every correction that answers a table's errors lies in one row: one error there
    return undecided(findings, explains, decided, where, _answered_by, finding_key)


def _sure(explains: list[tuple[Candidate, set]], before: dict, where: dict[Address, Spot],
          noise: dict[int, int]) -> list[tuple[Candidate, set]]:
    """The corrections that are sure among those that explain errors (see the module's docstring)."""
    sure: list[tuple[Candidate, set]] = []
    for k, (cand, gone) in enumerate(explains):
        mine = _answered_by(cand, gone)
        if all(before[key].paragraph is not None for key in mine if key in before):
            continue  # a cell that only answers the prose: the prose's one written figure answers as much
        if any(c.address == cand.address and (len(_answered_by(c, g)) > len(mine)
                                              or (len(_answered_by(c, g)) == len(mine) and j < k))
               for j, (c, g) in enumerate(explains)):
            continue  # another value of the cell answers more, or as much and was found first (within rounding)
        # Another value of the same cell that answers as much is no rival: the cell is the slip either way.
        rivals = [_answered_by(c, g) for j, (c, g) in enumerate(explains) if j != k and c.address != cand.address]
        fit = only_fit(cand, k, explains, where)
        # Among corrections that answer the same errors, the one that leaves its table quieter than every
        # other (an item's peer rank and its own parent hold again; the other cells' corrections leave the
        # warning) is the slip.
        equal = [noise[id(c)] for j, (c, g) in enumerate(explains) if j != k and c.address != cand.address
                 and _answered_by(c, g) == mine]
        quieter = bool(equal) and all(noise[id(cand)] < n for n in equal)
        ordinary = only_ordinary(cand, k, explains, where)
        if any(len(c.carried) < len(cand.carried) for j, (c, g) in enumerate(explains)
               if j != k and c.address != cand.address and _answered_by(c, g) == mine):
            continue  # another cell answers as much and changes fewer cells
        fewer = bool(equal) and all(len(cand.carried) < len(c.carried) for j, (c, g) in enumerate(explains)
                                    if j != k and c.address != cand.address and _answered_by(c, g) == mine)
        broken = fit or quieter or ordinary or fewer or only_keyed(cand, k, explains, where)
        if not any(mine & r and not r < mine and not (r == mine and broken) for r in rivals):
            cand.by_fit = fit and any(r == mine for r in rivals)
            sure.append((cand, gone))
    return sure


def _answered_by(cand: Candidate, gone: set) -> set:
    """The errors a correction answers: those gone, and the one naming its cell."""
    return gone | ({finding_key(cand.named)} if cand.named is not None else set())


def _weighed(f: Finding) -> bool:
    """An error, or a figure two tables give two values for where each agrees with its own table
    (a warning: which one is wrong is what a culprit decides)."""
    return f.severity == Severity.ERROR or (f.rule == "figure-across-tables" and f.code == "QUANTITY_CONFLICT")


def _apart(f: Finding, cand: Candidate, errors: list[Finding], ledger) -> bool:
    """An error of the candidate's table in neither its row nor its column,
    and the only error of its own column, is a slip of its own (a grade out
    of the table's order a refitted band no longer sees), not a consequence:
    a consequence away from the cell is one of a column of them (ranks
    pushed down), or an error of a relation that checks the cell too (a
    row's share of the "Tổng cộng" it divides by, a wrong total moving its
    rounding)."""
    t, r, key = cand.address
    cells = [cand.address, *(a for a, _ in cand.also)]  # a pair's two cells (culprits_pairs)
    if f.table != t or f.row is None or any(f.row == a[1] or f.column == a[2] for a in cells):
        return False
    entry = ledger.tables.get(t) if ledger is not None else None
    if entry is not None and (f.row, f.column) in entry.checked_cells:
        mine = entry.cell_relations.get((f.row, f.column), set())
        if any(a[1:] in entry.checked_cells and mine & entry.cell_relations.get(a[1:], set()) for a in cells):
            return False
    return sum(1 for e in errors if e.table == f.table and e.column == f.column) == 1


def _folded(findings: list[Finding], sure: list[tuple[Candidate, set]], where,
            remaining: dict[int, set]) -> list[Finding]:
    hosts: dict[int, tuple[Candidate, list[Finding]]] = {}
    moved = set()  # what a host said before it moved onto its culprit: a warning saying it too is an echo
    for cand, gone in sure:
        dropped = [f for f in findings if _weighed(f) and finding_key(f) in gone]
        # A warning on a cell of the culprit's table that its correction answers too (a grade that
        # agrees with the written total but not with the sum of the parts) is a consequence as well,
        # named unless it only repeats an error named (the same cell, the same figures).
        said = {_echo(f) for f in dropped}
        dropped += [f for f in findings if f.severity == Severity.WARNING and not _weighed(f)
                    and f.table == cand.address[0] and f.row is not None and _echo(f) not in said
                    and finding_key(f) not in remaining.get(id(cand), {finding_key(f)})]
        host = cand.named or _host(cand, dropped)
        if host is None:
            continue
        if cand.named is not None:  # a warning saying what the host says of its cell is no consequence
            dropped = [f for f in dropped if _weighed(f) or _echo(f) != _echo(host)]
            moved.add(_echo(host))
        host.severity = Severity.ERROR  # a conflict between two tables that the culprit settles is its slip
        if cand.named is None:
            dropped = [f for f in dropped if f is not host]
            moved.add(_echo(host))
            _move(host, cand, where)
        elif isinstance(cand.value, Decimal) and figure_value(host.expected) != cand.value:
            # the error names the cell but expects a bound or a rounding (≤ 24; 55,71): say the figure that holds
            host.expected = format(cand.value, "f")
            host.message = (f"{host.message.rstrip('. ')}; nếu ô này là {vi_figure(host.expected)} thì mọi quan hệ "
                            "đều khớp")
        if cand.carried:
            host.message = f"{host.message.rstrip('. ')}. {carried_note(cand, where)}"
        hosts[id(host)] = (cand, dropped)
    # a host is never dropped as another culprit's consequence: each sure slip keeps its one finding
    gone_ids = {id(f) for _, fs in hosts.values() for f in fs} - set(hosts)
    echoes = {_echo(f) for _, fs in hosts.values() for f in fs} | moved
    out = []
    for f in findings:
        if id(f) in gone_ids or (f.severity == Severity.WARNING and f.expected is not None and f.row is not None
                                 and _echo(f) in echoes):
            continue
        if id(f) in hosts and hosts[id(f)][1]:
            cand, dropped = hosts[id(f)]
            what = "hai ô này" if cand.also else "ô này"
            f.message = f"{f.message.rstrip('. ')}. Số ghi sai này kéo theo: {consequences(dropped, what=what)}"
        out.append(f)
    return out


def _host(cand: Candidate, dropped: list[Finding]) -> Finding | None:
    """The error a culprit no error named is reported with: its own row's,
    else its column's."""
    t, r, key = cand.address
    # an error first; a warning the correction answers as well is a consequence, never the host
    ranked = sorted((f for f in dropped if _weighed(f)), key=lambda f: f.severity != Severity.ERROR)
    return next((f for f in ranked if f.table == t and f.row == r), None) \
        or next((f for f in ranked if f.table == t and f.column == key), None)


def _move(f: Finding, cand: Candidate, where: dict[Address, Spot]) -> None:
    spot = where[cand.address]
    t, r, key = cand.address
    value = cand.value
    old = spot.den if cand.part == "den" else spot.value
    written, right = vi_figure(format(old, "f")), vi_figure(format(value, "f"))
    why = " (số cột này ghi ở các dòng khác)" if cand.by_fit else ""
    what = f"điểm tối đa (mẫu số) ở cột “{spot.label}”" if cand.part == "den" else f"cột “{spot.label}”"
    f.message = (f"{f.message.rstrip('. ')}. " + (pair_note(cand, where) if cand.also else
                 f"Chỉ một ô sai giải thích được mọi lỗi: {what} ghi {written}; nếu là {right}{why} thì mọi quan "
                 "hệ đều khớp"))
    f.unit = spot.unit
    f.row, f.column = r, key
    f.reported, f.expected = format(old, "f"), format(value, "f")


def _echo(f: Finding) -> tuple:
    def same(text):
        number = figure_value(text)
        return str(number.normalize()) if number is not None else text

    return (f.table, f.row, same(f.reported), same(f.expected))
