"""Unit lineage across the 2025 reform: the shipped data file, its sync into
the archive, and the chain of successors a history follows."""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ArchiveSetting, Unit
from .registry import Scope, add_alias, ensure_unit, find_unit
from .units import territory_key

_SETTING = "lineage_sha256"


@dataclass(frozen=True)
class ProvinceChange:
    name: str
    valid_to: str
    successor: str
    note: str = ""


def _data_text() -> str:
    return resources.files(__package__).joinpath("data", "lineage.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def lineage_data() -> dict:
    return tomllib.loads(_data_text())


@lru_cache(maxsize=1)
def province_changes() -> dict[str, ProvinceChange]:
    """Province key → its change (merger or renaming)."""
    return {territory_key(p["name"]): ProvinceChange(p["name"], p["valid_to"], p["successor"], p.get("note", ""))
            for p in lineage_data().get("provinces", ())}


def _entries(data: dict):
    for entry in data.get("units", ()):
        yield entry
    for group in data.get("district_units", ()):
        for name in group["names"]:
            yield {**{k: v for k, v in group.items() if k != "names"}, "name": name}


@lru_cache(maxsize=1)
def lineage_digest() -> str:
    return hashlib.sha256(_data_text().encode("utf-8")).hexdigest()


def lineage_current(session: Session) -> bool:
    """Whether this version of the data file is already applied."""
    setting = session.get(ArchiveSetting, _SETTING)
    return setting is not None and setting.value == lineage_digest()


def sync_lineage(session: Session) -> bool:
    """Register the data file's units, aliases and successors (once per
    version of the file); True when anything was applied."""
    digest = lineage_digest()
    setting = session.get(ArchiveSetting, _SETTING)
    if setting is not None and setting.value == digest:
        return False
    data = lineage_data()
    entries = list(_entries(data))
    units: list[tuple[dict, Unit]] = []
    for entry in entries:
        scope = Scope.of(entry.get("province", ""), entry.get("district", ""))
        unit = ensure_unit(session, scope, entry["name"], entry.get("level"))
        unit.valid_from = entry.get("valid_from", unit.valid_from)
        unit.valid_to = entry.get("valid_to", unit.valid_to)
        unit.note = entry.get("note", unit.note)
        for alias in entry.get("aliases", ()):
            add_alias(session, unit, alias)
        units.append((entry, unit))
    for entry, unit in units:
        if "successor" not in entry:
            continue
        scope = Scope.of(entry.get("successor_province", entry.get("province", "")),
                         entry.get("successor_district", entry.get("district", "")))
        unit.successor_id = ensure_unit(session, scope, entry["successor"]).id
    if setting is None:
        session.add(ArchiveSetting(key=_SETTING, value=digest))
    else:
        setting.value = digest
    session.flush()
    return True


def next_unit(session: Session, unit: Unit) -> tuple[Unit, str] | None:
    """The unit that carries ``unit`` on, and the last period of ``unit``:
    its own successor, else the same name in its province's successor."""
    if unit.successor_id is not None:
        return session.get(Unit, unit.successor_id), unit.valid_to or ""
    change = province_changes().get(unit.province_key)
    if change is None or unit.valid_to is not None:
        return None
    successor = find_unit(session, Scope.of(change.successor, ""), unit.name)
    return (successor, change.valid_to) if successor is not None else None


def successor_chain(session: Session, unit: Unit, limit: int = 10) -> list[tuple[Unit, str | None]]:
    """``[(unit, last period), (successor, last period) …]``; the last
    element's period is None (open)."""
    chain: list[tuple[Unit, str | None]] = []
    seen = {unit.id}
    current = unit
    while len(chain) < limit:
        step = next_unit(session, current)
        if step is None or step[0].id in seen:
            chain.append((current, current.valid_to))
            break
        chain.append((current, step[1]))
        current = step[0]
        seen.add(current.id)
    return chain


def all_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(Unit.id)))
