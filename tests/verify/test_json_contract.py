"""The JSON contract only grows (docs/json.md): the seeds' JSON, recorded in
tests/data/contract/ before the architecture refactors, keeps every field, and
every closed value keeps its spelling.

Values that the checks compute may change as the checks improve (another
helper's work); the shape and the vocabulary may not.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.read import read_path
from reportgen.verify import verify_path

from support import ROOT

SNAPSHOTS = ROOT / "tests" / "data" / "contract"
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))

# Closed vocabularies: the values a program may switch on.
VOCABULARY = {
    "findings[].severity": {"error", "warning", "info"},
    "tables[].kind": {"scores", "summary", "data"},
    "statements[].kind": {"grade_count", "evaluated_count", "sum", "share", "fraction", "score",
                          "percent", "count", "date", "period", "section", "rank"},
}


def _paths(obj, prefix: str = "", out: dict | None = None) -> dict[str, set[str]]:
    """Every field path (lists as []) with the JSON types seen there; the keys
    of `scores` and `extra` are data, not fields."""
    out = {} if out is None else out
    if isinstance(obj, dict):
        for k, v in obj.items():
            key = "*" if prefix.endswith(("scores", "extra")) else k
            _paths(v, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(obj, list):
        for v in obj:
            _paths(v, prefix + "[]", out)
    else:
        out.setdefault(prefix, set()).add(type(obj).__name__)
    return out


def _values(obj, path: str) -> set[str]:
    head, _, rest = path.partition("[].")
    items = obj.get(head, [])
    return {item[rest] for item in items if rest in item}


def _cases():
    for seed in SEEDS:
        stem = seed.stem
        yield pytest.param("extract", seed, SNAPSHOTS / f"extract_{stem}.json", id=f"extract-{stem[:3]}")
        yield pytest.param("verify", seed, SNAPSHOTS / f"verify_{stem}.json", id=f"verify-{stem[:3]}")


def _current(command: str, seed: Path) -> dict:
    rel = str(seed.relative_to(ROOT))
    if command == "extract":
        return json.loads(json.dumps(read_path(ROOT / rel).to_json()))
    return json.loads(json.dumps(verify_path(ROOT / rel).to_json()))


@pytest.mark.parametrize("command,seed,snapshot", list(_cases()))
def test_every_field_of_the_snapshot_is_still_there_with_its_type(command, seed, snapshot):
    before = _paths(json.loads(snapshot.read_text(encoding="utf-8")))
    now = _paths(_current(command, seed))
    missing = sorted(p for p in before if p not in now and not p.endswith("[]"))
    assert missing == []
    # A field may gain null where it had a value, never change what it holds.
    changed = {p: (before[p], now[p]) for p in before if p in now
               and (before[p] - {"NoneType"}) and (now[p] - {"NoneType"})
               and not (before[p] - {"NoneType"}) <= (now[p] | {"NoneType"})}
    assert changed == {}


@pytest.mark.parametrize("command,seed,snapshot", list(_cases()))
def test_closed_values_keep_their_spelling(command, seed, snapshot):
    now = _current(command, seed)
    for path, allowed in VOCABULARY.items():
        assert _values(now, path) <= allowed, path
    before = json.loads(snapshot.read_text(encoding="utf-8"))
    for path in VOCABULARY:
        assert _values(before, path) <= VOCABULARY[path]


def test_the_snapshot_covers_the_fields_of_the_contract():
    fields = set()
    for snap in SNAPSHOTS.glob("*.json"):
        fields |= set(_paths(json.loads(snap.read_text(encoding="utf-8"))))
    for path in ("meta.parent", "meta.authority", "tables[].kind", "tables[].headers[]",
                 "tables[].rows[].rank", "findings[].paragraph", "ok"):
        assert path in fields, path
