"""One identity per rule (the ruff/pylint model): an explicit list of rule
modules, a unique kebab-case name from the function's name, exactly one code
enforced by the runner, documentation with the four sections, the rule's
name in the JSON next to the code, and --select/--ignore by code or name."""
from __future__ import annotations

import importlib
import json
import pkgutil
import re

import pytest

import reportgen.checks as checks
from reportgen.checks import RULE_MODULES, CheckContext, registered_rules, rule, run_checks
from reportgen.checks.registry import Rule, RuleCodeError, rules_of
from reportgen.model import Finding, Report
from reportgen.read import read_path

from support import S002, reportgen

KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def test_every_rule_has_a_unique_kebab_case_name_from_its_function():
    rules = registered_rules()
    names = [r.name for r in rules]
    assert len(names) == len(set(names))
    for r in rules:
        assert KEBAB.match(r.name), r.name
        assert r.name == r.func.__name__.replace("_", "-")
        assert re.match(r"^[A-Z][A-Z0-9_]+$", r.code)


def test_every_module_that_defines_rules_is_listed():
    found = set()
    for info in pkgutil.iter_modules(checks.__path__):
        module = importlib.import_module(f"reportgen.checks.{info.name}")
        if rules_of(module):
            found.add(info.name)
    assert found == set(RULE_MODULES)


def test_every_rule_is_documented_with_the_four_sections():
    for r in registered_rules():
        heads = [h for h in ("Kiểm tra gì:", "Vì sao:", "Ví dụ sai:", "Ví dụ đúng:") if h in r.doc]
        assert len(heads) == 4, r.name
        assert [r.doc.index(h) for h in heads] == sorted(r.doc.index(h) for h in heads), r.name


def test_a_rule_that_gives_another_code_is_refused(monkeypatch):
    @rule("TOTAL_MISMATCH", "…")
    def two_codes(report, ctx):
        yield Finding(code="SUM_MISMATCH", severity="error", message="x")

    monkeypatch.setattr(checks, "_registry", lambda: (two_codes.__rule__,))
    with pytest.raises(RuleCodeError, match="two-codes"):
        run_checks(Report(source="x"))


def test_the_rule_builder_gives_the_rule_its_own_code_and_name():
    def parts_add_up(report, ctx):
        return ()

    r = Rule("SUM_MISMATCH", "…", parts_add_up)
    f = r.finding("warning", "thông điệp", paragraph=3)
    assert (f.code, f.rule, f.paragraph) == ("SUM_MISMATCH", "parts-add-up", 3)


def test_each_finding_names_its_rule_next_to_its_code_reader_findings_too():
    findings = run_checks(read_path(S002))
    by_code = {(f.code, f.rule) for f in findings}
    assert ("TOTAL_MISMATCH", "total-mismatch") in by_code
    assert ("NUMBER_FORMAT", "reader-number-format") in by_code  # "8.32" in a table, seen by the reader
    assert all(f.rule for f in findings)
    doc = json.loads(reportgen("verify", "--format", "json", S002).stdout)
    first = doc["findings"][0]
    assert list(first)[:2] == ["code", "rule"]


def test_select_and_ignore_take_codes_and_rule_names():
    report = read_path(S002)
    only = run_checks(report, CheckContext(select=frozenset({"total-mismatch", "NUMBER_FORMAT"})))
    assert {f.rule for f in only} == {"total-mismatch", "reader-number-format"}
    rest = run_checks(read_path(S002), CheckContext(ignore=frozenset({"TOTAL_MISMATCH", "section-sequence"})))
    assert not {f.code for f in rest} & {"TOTAL_MISMATCH", "SECTION_NUMBERING"}
    assert {"SCORE_EXCEEDS_MAX", "NUMBER_FORMAT"} <= {f.code for f in rest}


def test_select_on_the_command_line_and_an_unknown_name_is_a_usage_error():
    out = reportgen("verify", "--format", "json", "--select", "score-exceeds-max", S002)
    assert out.returncode == 1
    assert {f["rule"] for f in json.loads(out.stdout)["findings"]} == {"score-exceeds-max"}
    out = reportgen("verify", "--ignore", "khong-co-quy-tac", S002)
    assert out.returncode == 2 and "khong-co-quy-tac" in out.stderr and out.stdout == ""
