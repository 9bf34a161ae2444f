"""Verification: read a file into a Report, run every check, decide.

``ok`` is False when at least one finding is an error; warnings and
information never fail a report. The ``verdict`` says more: ĐẠT only when
every table with numbers and every numeric claim was checked and nothing is
wrong, KHÔNG ĐẠT on an error, CHƯA KIỂM TRA HẾT when nothing is wrong but
something with numbers was not checked (see :mod:`reportgen.coverage`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable

from parsers.settings import ReaderSettings

from .checks import CheckContext, run_checks
from .coverage import FAILED, INCOMPLETE, PASSED, Ledger, verdict
from .model import Finding, Report
from .schemes import Scheme, load_scheme


@dataclass
class VerifyResult:
    report: Report
    findings: list[Finding]
    ok: bool
    ledger: Ledger = field(default_factory=Ledger)

    @property
    def verdict(self) -> str:
        """ĐẠT, KHÔNG ĐẠT or CHƯA KIỂM TRA HẾT."""
        return verdict(not self.ok, self.ledger)

    @property
    def exit_status(self) -> int:
        """0 ĐẠT, 1 KHÔNG ĐẠT, 3 CHƯA KIỂM TRA HẾT."""
        return EXIT_STATUS[self.verdict]

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity: {'error': n, 'warning': n, 'info': n}."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def to_json(self) -> dict:
        return {"source": self.report.source, "ok": self.ok, "verdict": self.verdict,
                "coverage": self.ledger.to_json(),
                "findings": [f.to_json() for f in self.findings]}


EXIT_STATUS = {PASSED: 0, FAILED: 1, INCOMPLETE: 3}


def worst_exit(statuses) -> int:
    """Several files: the worst status (1 before 3 before 0)."""
    order = {1: 0, 3: 1, 0: 2}
    return min(statuses, key=lambda s: order.get(s, -1), default=0)


def _scheme(scheme: str | Scheme | None) -> Scheme | None:
    if scheme is None or isinstance(scheme, Scheme):
        return scheme
    return load_scheme(scheme)  # raises UnknownScheme


def verify_report(report: Report, scheme: str | Scheme | None = None,
                  settings: ReaderSettings | dict | None = None, select: Iterable[str] = (),
                  ignore: Iterable[str] = ()) -> VerifyResult:
    """Run every check over a report already read (``select``/``ignore``:
    codes or rule names, as ``verify --select/--ignore``)."""
    ctx = CheckContext(scheme_override=_scheme(scheme), options=ReaderSettings.of(settings).as_dict(),
                       select=frozenset(select), ignore=frozenset(ignore))
    findings = run_checks(report, ctx)
    return VerifyResult(report, findings, ok=not any(f.severity == "error" for f in findings), ledger=ctx.ledger)


def verify_path(path: str | os.PathLike, scheme: str | Scheme | None = None,
                settings: dict | None = None, select: Iterable[str] = (),
                ignore: Iterable[str] = ()) -> VerifyResult:
    """Read ``path`` (any supported format) and verify it. Raises
    :class:`reportgen.raw.UnreadableInput` when the file cannot be read."""
    from .read import read_path

    resolved = _scheme(scheme)
    report = read_path(path, settings, scheme=resolved.name if resolved is not None else None)
    return verify_report(report, resolved, settings, select, ignore)
