"""A period's ranking kept ready in ``ranking_entries`` and read from there.

:func:`ranking.ranking` ranks a period from its score rows: for a whole
country (10 000 communes) that is a 10 000-row query and a sort in Python
on every view. Here the groups an import touches are ranked once, inside
the import's transaction, with that very function, and stored in rank
order; :func:`ranking` reads them back (the same groups, entries and ranks)
and :func:`ranking_slice` reads one page of them, sorted by any column in
SQL, with the group sizes and the row count for the pager.

A group is the units of one registered province, level and scheme in one
period. An import touching province key K re-ranks every group holding a
unit of K, whole (all its rows, whatever their key). A read whose filter
would cut a group (a province filter on a group whose units carry two
keys) is answered by :func:`ranking.ranking` itself, so the answer is
always the computed one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import BigInteger, and_, cast, delete, func, literal_column, or_, select
from sqlalchemy.orm import Session

from .bulk import bulk_insert
from .entries import Entry, driver_rows
from .models import SCALE, ScoreRowRecord as R, Unit, from_scaled
from .ranking import LEVEL_ORDER, RankingGroup, groups_where, ranking as live_ranking
from .ranking_tables import ranking_entries as T, ranking_groups as G
from .units import territory_key

Cohort = tuple[str, str, str, str]  # province key, level, scheme, period


def refresh_rankings(session: Session, cohorts: Iterable[Cohort], with_groups: bool = True) -> None:
    """Re-rank and store every group holding a unit of ``cohorts`` (and its
    ``ranking_groups`` rows unless ``with_groups`` is false: migration 0004 runs
    before that table exists, 0005 fills it from the stored ranking)."""
    conn = session.connection()
    touched: dict[tuple[str, str], set[str]] = {}
    for province_key, _level, scheme, period in cohorts:
        touched.setdefault((period, scheme), set()).add(province_key)
    for (period, scheme), keys in sorted(touched.items()):
        here = (R.period == period, R.scheme == scheme)
        provinces = {p or "" for (p,) in conn.execute(select(Unit.province).distinct().join(
            R, R.unit_id == Unit.id).where(*here, R.province_key.in_(sorted(keys))))}
        held = (Unit.province.in_(sorted(provinces - {""})) | (Unit.province.is_(None) if "" in provinces
                                                                else Unit.province.in_([])))
        row_keys = dict(conn.execute(select(R.unit_id, R.province_key).distinct().join(
            Unit, Unit.id == R.unit_id).where(*here, held)).all())
        groups = [g for g in groups_where(session, period, [*here, R.province_key.in_(sorted(set(row_keys.values())))])
                  if (g.province or "") in provinces]
        conn.execute(delete(T).where(T.c.period == period, T.c.scheme == scheme,
                                     T.c.province.in_(sorted(provinces))))
        if with_groups:
            conn.execute(delete(G).where(G.c.period == period, G.c.scheme == scheme,
                                         G.c.province.in_(sorted(provinces))))
        records = [_record(g, position, e, row_keys.get(e.unit_id, e.province_key))
                   for g in groups for position, e in enumerate(g.entries, start=1)]
        bulk_insert(conn, T, records)
        if with_groups:
            bulk_insert(conn, G, _group_records(records))


def _group_records(records: list[dict]) -> list[dict]:
    """One row per group and row province key, with the rows of that key."""
    out: dict[tuple, dict] = {}
    for r in records:
        key = (r["period"], r["scheme"], r["province"], r["level"], r["row_province_key"])
        if key in out:
            out[key]["rows"] += 1
        else:
            out[key] = dict(period=r["period"], scheme=r["scheme"], province=r["province"], level=r["level"],
                            row_province_key=r["row_province_key"], level_order=r["level_order"],
                            group_size=r["group_size"], rows=1)
    return list(out.values())


def _record(g: RankingGroup, position: int, e: Entry, row_key: str) -> dict:
    return dict(period=g.period, scheme=g.scheme, province=g.province or "", level=g.level, position=position,
                level_order=LEVEL_ORDER.get(g.level, 9), group_size=len(g.entries), province_key=e.province_key,
                row_province_key=row_key, unit_id=e.unit_id, unit=e.unit, unit_fold=e.unit.casefold(),
                unit_text=e.unit_text, total=e.total, max=e.max, percent=e.percent, grade=e.grade, rank=e.rank,
                document_id=e.document_id, document=e.document, table_index=e.table, row_index=e.row, page=e.page)


def _filters(period: str, scheme: str | None, province: str | None, level: str | None, table=T) -> list:
    """The filter on ``table`` (``ranking_entries`` or ``ranking_groups``)."""
    where = [table.c.period == period]
    if scheme:
        where.append(table.c.scheme == scheme)
    if province:
        where.append(table.c.row_province_key == territory_key(province))
    if level:
        where.append(table.c.level == level)
    return where


def _text(conn, column):
    """Text ordered by code point on every database (as Python orders it)."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def _group(conn) -> tuple:
    return (_text(conn, T.c.province), T.c.level_order, _text(conn, T.c.level), _text(conn, T.c.scheme))


_ENTRY_COLUMNS = (T.c.unit, T.c.unit_text, T.c.unit_id, T.c.province, T.c.province_key, T.c.level, T.c.period,
                  T.c.scheme, T.c.total, T.c.max, T.c.percent, T.c.grade, T.c.rank, T.c.document, T.c.table_index,
                  T.c.row_index, T.c.page, T.c.document_id)


@dataclass
class GroupHead:
    """A ranking group without its entries: for a page of a long ranking."""

    province: str
    level: str
    scheme: str
    period: str
    size: int


def _heads(conn, period: str, scheme: str | None, province: str | None, level: str | None) -> list[GroupHead] | None:
    """The groups the filter selects, in display order, read from
    ``ranking_groups``; None when the filter cuts a group (or nothing is
    stored): then the ranking is computed."""
    where = _filters(period, scheme, province, level, G)
    group = (G.c.province, G.c.level_order, G.c.level, G.c.scheme)
    order = (_text(conn, G.c.province), G.c.level_order, _text(conn, G.c.level), _text(conn, G.c.scheme))
    rows = conn.execute(select(*group, func.max(G.c.group_size), func.sum(G.c.rows)).where(*where)
                        .group_by(*group).order_by(*order)).all()
    if not rows or any(size != count for *_, size, count in rows):
        return None
    return [GroupHead(p, lv, s, period, size) for p, _, lv, s, size, _ in rows]


def _dec(v):
    return None if v is None else from_scaled(v)


def _columns(conn) -> tuple:
    """The entry's columns; PostgreSQL scales its NUMERIC figures to integers
    in SQL (as :func:`ranking._cohort_rows` does), so every figure is read
    through the same cached conversion."""
    if conn.dialect.name != "postgresql":
        return _ENTRY_COLUMNS
    scaled = {c.name: cast(c * literal_column(str(10 ** SCALE)), BigInteger) for c in (T.c.total, T.c.max,
                                                                                      T.c.percent)}
    return tuple(scaled.get(c.name, c) for c in _ENTRY_COLUMNS)


def _entries(conn, query) -> list[Entry]:
    dec = _dec
    return [Entry(unit, unit_text, unit_id, province, key, level, period, scheme, dec(total), dec(mx), dec(pct),
                  grade, rank, None, None, document, table, row, page, document_id)
            for (unit, unit_text, unit_id, province, key, level, period, scheme, total, mx, pct, grade, rank,
                 document, table, row, page, document_id) in driver_rows(conn, query)]


def ranking(session: Session, period: str, *, scheme: str | None = None, province: str | None = None,
            level: str | None = None) -> list[RankingGroup]:
    """:func:`ranking.ranking`'s answer, read from the stored ranking."""
    from .periods import is_period

    if not is_period(period):
        return live_ranking(session, period, scheme=scheme, province=province, level=level)  # its message
    conn = session.connection()
    where = _filters(period, scheme, province, level)
    heads = _heads(conn, period, scheme, province, level)
    if heads is None:
        return live_ranking(session, period, scheme=scheme, province=province, level=level)
    entries = _entries(conn, select(*_columns(conn)).where(*where).order_by(*_group(conn), T.c.position))
    out, start = [], 0
    for h in heads:
        out.append(RankingGroup(h.province, h.level, h.scheme, period, entries[start:start + h.size]))
        start += h.size
    return out


# Sort keys of a ranking page: (SQL columns in ascending order) for each
# column the page sorts by; the reverse order flips every one of them.
def _sorts(conn):
    nulls_last = lambda c: (c.is_(None), c.desc())  # noqa: E731  (largest first, none at the end)
    return {"rank": (T.c.rank.is_(None), T.c.rank), "unit": (_text(conn, T.c.unit_fold),),
            "total": nulls_last(T.c.total), "max": nulls_last(T.c.max), "percent": nulls_last(T.c.percent),
            "grade": (_text(conn, func.coalesce(T.c.grade, "")),), "document": (_text(conn, T.c.document),)}


def _flip(clause):
    from sqlalchemy.sql.elements import UnaryExpression

    if isinstance(clause, UnaryExpression) and clause.modifier is not None:
        return clause.element.asc()
    return clause.desc()


def ranking_slice(session: Session, period: str, *, scheme: str | None = None, province: str | None = None,
                  level: str | None = None, sort: str = "rank", descending: bool = False, offset: int = 0,
                  limit: int = 200) -> tuple[int, list[tuple[GroupHead, list[Entry]]]] | None:
    """One page of a period's ranking: (rows in all, [(group, its entries on
    this page)]), groups in display order and each group's entries sorted
    by ``sort`` (a column of the page; ties keep the rank order), reversed
    when ``descending``. None when the ranking is not stored for this
    filter (the caller computes it).

    The groups and their sizes come from ``ranking_groups``; the rows from
    the groups the page overlaps only: in rank order, the primary key's
    range of positions of each; sorted by another column, those groups'
    rows (a group is a province's units of one level: hundreds at most)."""
    conn = session.connection()
    heads = _heads(conn, period, scheme, province, level)
    if heads is None:
        return None
    offset, limit = max(0, offset), max(0, limit)
    total = sum(h.size for h in heads)
    shown: list[tuple[GroupHead, int, int]] = []  # (group, first, last) 0-based positions in the group
    seen = 0
    for h in heads:
        lo, hi = max(seen, offset), min(seen + h.size, offset + limit)
        if lo < hi:
            shown.append((h, lo - seen, hi - seen))
        seen += h.size
    if not shown:
        return total, []
    sorts = _sorts(conn)
    sort = sort if sort in sorts else "rank"
    if sort == "rank" and not descending:
        # Rank order is the stored position order: the primary key's ranges.
        picked = or_(*(and_(T.c.scheme == h.scheme, T.c.province == h.province, T.c.level == h.level,
                            T.c.position.between(first + 1, last)) for h, first, last in shown))
        order, skip = (T.c.position,), None
    else:
        picked = or_(*(and_(T.c.scheme == h.scheme, T.c.province == h.province, T.c.level == h.level)
                       for h, _, _ in shown))
        keys = sorts[sort]
        order, skip = (*((_flip(k) for k in keys) if descending else keys), T.c.position), shown[0][1]
    query = (select(*_columns(conn)).where(T.c.period == period, picked)
             .order_by(*_group(conn), *order))
    if skip is not None:
        query = query.offset(skip).limit(sum(last - first for _, first, last in shown))
    entries = _entries(conn, query)
    page: list[tuple[GroupHead, list[Entry]]] = []
    start = 0
    for h, first, last in shown:
        page.append((h, entries[start:start + last - first]))
        start += last - first
    return total, page


def stored_periods(session: Session) -> list[str]:
    """Every period with a stored ranking (every period with score rows),
    newest first."""
    from .periods import period_sort_key

    found = [p for (p,) in session.execute(select(G.c.period).distinct())]
    return sorted(found, key=period_sort_key, reverse=True)


def stored_filter_values(session: Session) -> dict[str, list[str]]:
    """The levels, schemes and provinces (as registered) of the ranked rows."""
    conn = session.connection()
    values = {}
    for name, column in (("levels", G.c.level), ("schemes", G.c.scheme), ("provinces", G.c.province)):
        values[name] = sorted({v for (v,) in conn.execute(select(column).distinct()) if v})
    return values
