"""Per-rule fixtures (tests/checks/<rule-name>/): for every rule, a good input
it has nothing to say about and a bad input with one planted slip, whose
findings of that rule are the expected JSON (expected.json). The inputs are
made by tests/checks/build_fixtures.py; refresh the snapshots after a reviewed
change with ``REPORTGEN_UPDATE_SNAPSHOTS=1 python3 -m pytest tests/checks/test_rule_fixtures.py``."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reportgen.checks import registered_rules
from reportgen.verify import verify_path

from support import RULE_FIXTURES

FIXTURES = RULE_FIXTURES
# The ND30 layout rules (layout-*) read a DOCX's formatting, which a text fixture
# cannot carry: their good and bad DOCX are made at test time by
# tests/checks/layout_docx.py; their folders keep expected.json.
RULES = sorted(r.name for r in registered_rules())
FIELDS = ("code", "rule", "severity", "table", "row", "unit", "column", "reported", "expected", "paragraph",
          "message")


def _of_rule(path: Path, name: str) -> list[dict]:
    return [{k: f.to_json()[k] for k in FIELDS} for f in verify_path(path).findings if f.rule == name]


def test_every_rule_has_its_fixture():
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_")) == RULES


def _layout_docx():
    import importlib.util

    spec = importlib.util.spec_from_file_location("layout_docx", FIXTURES / "layout_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _maker(folder: Path):
    """The folder's own make.py (inputs a text file cannot carry: a PDF page of noise)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"make_{folder.name.replace('-', '_')}", folder / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _input(folder: Path, name: str, which: str, tmp_path: Path) -> Path:
    if name.startswith("layout-"):
        return _layout_docx().make(name, which, tmp_path)
    if (folder / "make.py").exists():
        return _maker(folder).make(which, tmp_path)
    return folder / f"{which}.txt"


@pytest.mark.parametrize("name", RULES)
def test_rule_on_its_good_and_bad_input(name, tmp_path):
    folder = FIXTURES / name
    assert _of_rule(_input(folder, name, "good", tmp_path), name) == []
    # A rule whose inputs another rule now reads first (superseded_by names it):
    # the planted slip must still be found, by that rule.
    superseded = folder / "superseded_by"
    by = superseded.read_text(encoding="utf-8").strip() if superseded.exists() else name
    assert by in RULES
    found = _of_rule(_input(folder, name, "bad", tmp_path), by)
    assert found, f"{name}: the planted slip is not found (by {by})"
    expected = folder / "expected.json"
    if os.environ.get("REPORTGEN_UPDATE_SNAPSHOTS"):
        expected.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert found == json.loads(expected.read_text(encoding="utf-8"))
