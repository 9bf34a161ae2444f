"""The unit registry: find a unit by any of its names within a territory,
or register it. Keys come from :func:`reportgen.archive.units.name_key`."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .bulk import insert_returning_ids
from .models import Unit, UnitAlias
from .units import level_of, territory_key, unit_key


@dataclass(frozen=True)
class Scope:
    """Where a unit lives: province and district keys ('' when none) and
    their display names."""

    province_key: str = ""
    district_key: str = ""
    province: str = ""
    district: str = ""

    @classmethod
    def of(cls, province: str = "", district: str = "") -> "Scope":
        return cls(territory_key(province) if province else "", territory_key(district) if district else "",
                   province, district)


def find_unit(session: Session, scope: Scope, name: str) -> Unit | None:
    """The unit called ``name`` (or one of its aliases) in ``scope``."""
    key = unit_key(name)
    unit = session.scalar(select(Unit).where(Unit.province_key == scope.province_key,
                                             Unit.district_key == scope.district_key, Unit.key == key))
    if unit is not None:
        return unit
    alias = session.scalar(select(UnitAlias).where(UnitAlias.province_key == scope.province_key,
                                                   UnitAlias.district_key == scope.district_key,
                                                   UnitAlias.key == key))
    return session.get(Unit, alias.unit_id) if alias is not None else None


def ensure_unit(session: Session, scope: Scope, name: str, level: str | None = None) -> Unit:
    """The unit called ``name`` in ``scope``, registered when new. A race with
    another writer surfaces as IntegrityError at flush; the caller retries."""
    unit = find_unit(session, scope, name)
    if unit is not None:
        return unit
    unit = Unit(province_key=scope.province_key, district_key=scope.district_key, key=unit_key(name),
                name=name, province=scope.province, district=scope.district,
                level=level or level_of(name, scope.province_key))
    session.add(unit)
    session.flush()
    return unit


def resolve_units(session: Session, wanted: list[tuple[Scope, str, str]]) -> list[tuple[int, str]]:
    """(unit id, level) for many (scope, name, level) at once: one query per scope
    for the known names, one bulk insert for the new ones."""
    known: dict[tuple[str, str, str], tuple[int, str]] = {}
    for pkey, dkey in {(sc.province_key, sc.district_key) for sc, _, _ in wanted}:
        for uid, key, level in session.execute(select(Unit.id, Unit.key, Unit.level).where(
                Unit.province_key == pkey, Unit.district_key == dkey)):
            known[(pkey, dkey, key)] = (uid, level)
        for uid, key, level in session.execute(select(UnitAlias.unit_id, UnitAlias.key, Unit.level).join(
                Unit, Unit.id == UnitAlias.unit_id).where(UnitAlias.province_key == pkey,
                                                          UnitAlias.district_key == dkey)):
            known.setdefault((pkey, dkey, key), (uid, level))
    new: dict[tuple[str, str, str], dict] = {}
    for scope, name, level in wanted:
        k = (scope.province_key, scope.district_key, unit_key(name))
        if k not in known and k not in new:
            new[k] = dict(province_key=k[0], district_key=k[1], key=k[2], name=name, province=scope.province,
                          district=scope.district, level=level or level_of(name, scope.province_key))
    if new:
        ids = insert_returning_ids(session.connection(), Unit.__table__, list(new.values()))
        known.update((k, (uid, v["level"])) for (k, v), uid in zip(new.items(), ids))
    return [known[(sc.province_key, sc.district_key, unit_key(name))] for sc, name, _ in wanted]


def add_alias(session: Session, unit: Unit, name: str) -> None:
    key = unit_key(name)
    if key == unit.key:
        return
    exists = session.scalar(select(UnitAlias.id).where(UnitAlias.province_key == unit.province_key,
                                                       UnitAlias.district_key == unit.district_key,
                                                       UnitAlias.key == key))
    if exists is None:
        session.add(UnitAlias(unit_id=unit.id, province_key=unit.province_key, district_key=unit.district_key,
                              key=key, name=name))
        session.flush()


def units_named(session: Session, name: str, province: str | None = None) -> list[Unit]:
    """Every unit any territory knows by ``name`` (optionally in one province)."""
    key = unit_key(name)
    query = select(Unit).where(Unit.key == key)
    alias_query = select(Unit).join(UnitAlias, UnitAlias.unit_id == Unit.id).where(UnitAlias.key == key)
    if province:
        pkey = territory_key(province)
        query = query.where(Unit.province_key == pkey)
        alias_query = alias_query.where(UnitAlias.province_key == pkey)
    found = {u.id: u for u in session.scalars(query)}
    for u in session.scalars(alias_query):
        found.setdefault(u.id, u)
    return sorted(found.values(), key=lambda u: u.id)
