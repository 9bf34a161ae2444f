"""The previous period's results for a draft's comparison, from the archive.

The archive ranks units within cohorts (province, level, scheme). Each group
of the draft (a table, or a section of one, and the province's own line) is
compared with the cohort that holds most of its units, so a "Sở Tư pháp" is
never compared with another province's; ranks and cohort sizes are the
archive's. Names are matched by the rule of
:func:`reportgen.text.names.same_unit` (the full key, then the core key),
keyed once per cohort so large periods stay fast.

Cohorts are duck-typed: anything with ``province`` and ``entries`` whose
items have ``unit``, ``unit_text``, ``total``, ``percent`` and ``rank``
(the archive's ``RankingGroup`` and ``Entry``), so drafting does not import
the archive.
"""
from __future__ import annotations

from typing import Sequence

from ..text.names import core_key, fold_tones, name_key
from .data import DraftData


class _Index:
    """A cohort's entries by full name key and by (unambiguous) core key."""

    def __init__(self, group):
        self.group = group
        self.full: dict[str, object] = {}
        cores: dict[str, list] = {}
        for e in group.entries:
            for name in {e.unit, e.unit_text}:
                if name:
                    self.full.setdefault(name_key(name), e)
                    core = core_key(name)
                    if core and e not in cores.setdefault(core, []):
                        cores[core].append(e)
        self.core = {k: v[0] for k, v in cores.items() if len(v) == 1}

    def find(self, keys: tuple[str, str]):
        """The entry for a name given as ``(name_key, core_key)``."""
        hit = self.full.get(keys[0])
        if hit is None and keys[1]:
            hit = self.core.get(keys[1])
        return hit


def _best_cohort(keys: list[tuple[str, str]], indexes: list[_Index], hint: str):
    """The cohort matching most names; a tie goes to the cohort whose
    province the hint (issuer, place) names, else there is no answer."""
    scored = [(sum(ix.find(k) is not None for k in keys), ix) for ix in indexes]
    top = max((s for s, _ in scored), default=0)
    best = [ix for s, ix in scored if s == top and s > 0]
    if len(best) > 1 and hint:
        named = [ix for ix in best if ix.group.province and fold_tones(ix.group.province.casefold()) in hint]
        best = named
    return best[0] if len(best) == 1 else None


def attach_archived(data: DraftData, period: str, cohorts: Sequence, hint: str = "") -> int:
    """Fill ``data.previous`` (and ``data.previous_period``) from the
    archive's ranking of ``period``; the number of units matched."""
    indexes = [_Index(g) for g in cohorts if g.entries]
    if not indexes:
        return 0
    hint = fold_tones(hint.casefold())
    groups: list[list[str]] = [[r.unit for r in g.rows] for dt in data.tables for g in dt.groups()]
    if data.province is not None:
        groups.append([data.province.row.unit])
    matched = 0
    for names in groups:
        keys = [(name_key(n), core_key(n)) for n in names]
        ix = _best_cohort(keys, indexes, hint)
        if ix is None:
            continue
        n = len(ix.group.entries)
        for name, key in zip(names, keys):
            e = ix.find(key)
            if e is not None and e.rank is not None:
                data.previous[name.casefold()] = (e.total, e.percent, e.rank, n)
                matched += 1
    if matched:
        data.previous_period = period
    return matched
