"""The identity of a rule: its finding code, its kebab-case name, its
description and its documentation; the context every rule gets.

A rule is a function marked with :func:`rule`::

    @rule("TOTAL_MISMATCH", "Tổng điểm ghi khác tổng các chỉ số thành phần")
    def total_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
        \"\"\"Kiểm tra gì: … Vì sao: … Ví dụ sai: … Ví dụ đúng: …\"\"\"

Marking does not register anything: the rule modules are listed in
:data:`reportgen.checks.RULE_MODULES`, and the registry is built from the marked
functions of those modules. A rule has exactly one code; its name comes from
the function's name (``total_mismatch`` → ``total-mismatch``) and is unique.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..coverage import Ledger
from ..model import Finding, Report
from ..schemes import Scheme, all_schemes


@dataclass
class CheckContext:
    """Settings a run passes to every rule (plain data, no global state)."""

    scheme_override: Scheme | None = None
    options: dict = field(default_factory=dict)
    # What the rules verified (tables, cells, claims): see reportgen.coverage.
    ledger: Ledger = field(default_factory=Ledger)
    # Rules to run (codes or rule names; empty: all) and to leave out.
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def scheme_for(self, name: str | None) -> Scheme | None:
        if self.scheme_override is not None:
            return self.scheme_override
        if name is None:
            return None
        return all_schemes().get(name)

    def scheme_of(self, table) -> Scheme | None:
        """The scheme a table is checked against: the override, else the
        scheme read from the table's own header, else its shipped scheme."""
        if self.scheme_override is None and getattr(table, "scheme_data", None) is not None:
            return table.scheme_data
        return self.scheme_for(table.scheme)

    def wants(self, name: str, code: str) -> bool:
        """Whether the rule ``name`` (giving ``code``) runs under --select/--ignore."""
        if self.select and name not in self.select and code not in self.select:
            return False
        return name not in self.ignore and code not in self.ignore


RuleFunc = Callable[[Report, CheckContext], Iterable[Finding]]


def rule_name(func_name: str) -> str:
    """A function's name as a rule name: ``total_mismatch`` → ``total-mismatch``."""
    return func_name.strip("_").replace("_", "-")


@dataclass(frozen=True)
class Rule:
    code: str
    description: str  # Vietnamese, one line
    func: RuleFunc

    @property
    def name(self) -> str:
        return rule_name(self.func.__name__)

    @property
    def doc(self) -> str:
        """The rule's documentation (Kiểm tra gì / Vì sao / Ví dụ sai / Ví dụ đúng)."""
        return inspect.getdoc(self.func) or ""

    def finding(self, severity: str, message: str, **where) -> Finding:
        """A finding of this rule: its code and its name, never another's."""
        return Finding(code=self.code, severity=severity, message=message, rule=self.name, **where)


class RuleCodeError(RuntimeError):
    """A rule gave a finding with another code than its own: a bug of ours."""


def rule(code: str, description: str) -> Callable[[RuleFunc], RuleFunc]:
    """Mark a function as the rule giving ``code`` (one code per rule)."""

    def decorate(func: RuleFunc) -> RuleFunc:
        func.__rule__ = Rule(code, description, func)  # type: ignore[attr-defined]
        return func

    return decorate


def rules_of(module) -> list[Rule]:
    """The rules a module defines, in the order it defines them."""
    return [obj.__rule__ for obj in vars(module).values()
            if callable(obj) and isinstance(getattr(obj, "__rule__", None), Rule)
            and obj.__module__ == module.__name__]
