"""Whether a correction answered an error or only stopped it being looked for.

An error that is gone after a candidate's correction is answered when the
relations that gave it still check its place: every cell of its table keeps
the relations that covered it, or one it lost is taken over by a relation
that covers it now, or moved along its row (a relation that chose its
column by fit); for an error of the prose, its paragraph's claims keep their
relations. An error gone because its relation was no longer adopted (too
few rows hold it) was not answered (:mod:`.culprits`, step 3).
"""
from __future__ import annotations

from ..model import Finding


def answered(f: Finding, before, after) -> bool:
    """Whether the relations that gave error ``f`` still check its place
    after a correction (see :mod:`.culprits`, step 3)."""
    if f.table is not None:
        old, new = before.tables.get(f.table), after.tables.get(f.table)
        if old is None or new is None:
            return False
        # Each cell keeps its relations, or one it lost is taken over by a relation that now covers it
        # (a "chỉ số chung" row judged on its own while a section was wrong, with the sections once right).
        gained: dict[int, set] | None = None  # row → relations it covers now and did not, built when needed
        for cell, rels in old.cell_relations.items():
            now = new.cell_relations.get(cell, set())
            if rels - now and not now - rels:
                gained = _gained_by_row(old, new) if gained is None else gained
                if not rels - now <= gained.get(cell[0], set()):
                    return False
        return True
    if f.paragraph is not None:
        for i, claim in before.claims.items():
            if claim.paragraph == f.paragraph and i in after.claims \
                    and not claim.relations <= after.claims[i].relations:
                return False
        return True
    return False


def _gained_by_row(old, new) -> dict[int, set]:
    """Per row, the relations that cover a cell of it after the correction and
    did not before. A relation a cell lost that its row gained elsewhere moved
    along the row: one that chose its column by fit (the ranks follow the
    column they fit best) left a column a slip made fit (the first criterion,
    in the order the slipped total broke) for the right one."""
    out: dict[int, set] = {}
    for cell, rels in new.cell_relations.items():
        out.setdefault(cell[0], set()).update(rels - old.cell_relations.get(cell, set()))
    return out
