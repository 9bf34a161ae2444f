"""One slip in a row, its cell not known (see :mod:`.culprits`).

A unit's "Điểm chuẩn tối đa" written 74,20 for 89,00 breaks its ratio
(82,78 / 74,20 × 100 is 111,56, not the 93,01% written) and its bound (82,78
above a maximum of 74,20): two errors. Setting the maximum to 89,00 answers
both, and so does setting the points to 69,01 (93,01% of 74,20): the
culprit search finds no sure cell, and both errors stayed — two errors for
one slip.

Where every correction that answers all the errors of a table lies in one
row (two or more cells of it, each answering them all), the slip is sure
and its row is sure, only its cell is not: one error is reported — the one
of that row that offers corrections itself (the ratio, whose part and whole
are the candidates), else the first — naming each cell and the figure that
would make every relation hold, and the other errors are named in it as its
consequences. Candidates in two rows (a part or its total) leave the errors
as the rules gave them — but a lone error that one cell of any of several
rows answers (a percent, its part, its whole: "Tỷ lệ hoàn thành" 100 over
45 tasks, of which 39 written done; a parent's two items) says which cells
it may be, so that the cell it is reported on is not taken for the one
known wrong. A correction that needs derived rows computed again along
(:mod:`.culprits_carried`: the parent itself set to its items' sum, with its
own parent and the total) is named only where none that changes one cell
alone answers as much.
"""
from __future__ import annotations

from typing import Callable

from ..model import Finding, Severity
from .culprits_candidates import Address, Candidate, Spot
from .culprits_words import consequences, vi_figure


def undecided(findings: list[Finding], explains: list[tuple[Candidate, set]], decided: set[int],
              where: dict[Address, Spot], answered_by: Callable, key: Callable) -> list[Finding]:
    """``findings`` with the errors of each table whose complete corrections
    all lie in one row folded into one error of that row; ``decided`` holds
    the tables a sure culprit settled."""
    out = findings
    tables = sorted({c.address[0] for c, _ in explains} - decided)
    for t in tables:
        errors = [f for f in out if f.severity == Severity.ERROR and f.table == t]
        if not errors:
            continue
        keys = {key(f) for f in errors}
        complete: dict[Address, Candidate] = {}
        for cand, gone in explains:
            if cand.address[0] == t and keys <= answered_by(cand, gone):
                complete.setdefault(cand.address, cand)
        # a correction that also needs derived rows computed again (a parent set to its items' sum, its own
        # parent and the total set along) is no option where one that changes its cell alone answers as much
        fewest = min((len(c.carried) for c in complete.values()), default=0)
        complete = {a: c for a, c in complete.items() if len(c.carried) == fewest}
        rows = {a[1] for a in complete}
        if len(complete) >= 2 and len(errors) == 1:
            # a lone error that one of several cells answers as well (a percent, its part, its
            # whole): it stays where the rules put it, and says which cells it may be
            f = errors[0]
            options = " hoặc ".join(_option(c, where, row=len(rows) > 1) for c in complete.values())
            f.message = f"{f.message.rstrip('. ')}. Chỉ một ô sai, nhưng không rõ là ô nào: {options}"
            continue
        if len(errors) < 2 or len(complete) < 2 or len(rows) != 1:
            continue
        on_row = [f for f in errors if f.row in rows]
        if not on_row:
            continue
        host = max(on_row, key=lambda f: bool(f.alternatives))  # the first that offers corrections
        others = [f for f in errors if f is not host]
        options = " hoặc ".join(_option(c, where) for c in complete.values())
        host.message = (f"{host.message.rstrip('. ')}. Một ô sai giải thích được cả {len(errors)} lỗi của dòng "
                        f"này nhưng không rõ là ô nào: {options}. Số ghi sai này kéo theo: "
                        f"{consequences(others, what='ô sai')}")
        gone = {id(f) for f in others}
        out = [f for f in out if id(f) not in gone]
    return out


def _option(cand: Candidate, where: dict[Address, Spot], row: bool = False) -> str:
    spot = where[cand.address]
    old = spot.den if cand.part == "den" else spot.value
    what = f"điểm tối đa (mẫu số) ở cột “{spot.label}”" if cand.part == "den" else f"cột “{spot.label}”"
    if row and spot.unit:
        what = f"dòng “{spot.unit}”, {what}"
    return f"{what} ghi {vi_figure(format(old, 'f'))} (nếu là {vi_figure(format(cand.value, 'f'))} thì mọi quan hệ " \
        "đều khớp)"
