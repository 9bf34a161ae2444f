"""The interpreted report: metadata, score tables bound to a scheme, prose claims.

All numbers are ``decimal.Decimal``. ``None`` in a score means "not applicable"
(the report shows ``-``). ``to_json`` gives the stable machine contract of
docs/json.md: numbers as plain decimal strings, dates ISO 8601.

The package is split by idea: the closed vocabularies (:mod:`.vocabulary`),
findings and their severity (:mod:`.findings`), tables (:mod:`.tables`),
prose statements (:mod:`.statements`) and the report itself (:mod:`.report`).
Every name is importable from ``reportgen.model``.
"""
from __future__ import annotations

from .findings import SEVERITIES, Finding, Severity, severity_label, severity_order
from .report import AnnexRef, GradeBand, Layout, ListLine, Meta, Paragraph, Report, SectionHead
from .statements import StatedBand, Statement
from .tables import Column, ScoreRow, ScoreTable, dec_str
from .vocabulary import (
    ColumnRole,
    DateRole,
    FractionSide,
    Measure,
    NumberRole,
    OutsideWhole,
    Stat,
    StatementKind,
    SumMode,
    TableKind,
)

__all__ = [
    "SEVERITIES", "AnnexRef", "Column", "ColumnRole", "DateRole", "Finding", "FractionSide", "GradeBand", "Layout",
    "ListLine", "Measure", "Meta", "NumberRole", "OutsideWhole", "Paragraph", "Report", "ScoreRow", "ScoreTable",
    "SectionHead", "Severity", "Stat", "StatedBand", "Statement", "StatementKind", "SumMode", "TableKind", "dec_str",
    "severity_label", "severity_order",
]
