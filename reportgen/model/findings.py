"""A finding and its severity: how sure it is (an error only when sure, a
doubt is a warning), its one Vietnamese label and its order."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How sure a finding is: an error only when sure, a doubt is a warning."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def order(self) -> int:
        """Sort key: errors first."""
        return _SEVERITY_ORDER[self]

    @property
    def label(self) -> str:
        """The one Vietnamese name, used by the text output, Word comments,
        the web pages and exports ("Lỗi", "Cảnh báo", "Thông tin")."""
        return _SEVERITY_LABEL[self]


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SEVERITY_LABEL = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo", Severity.INFO: "Thông tin"}


def severity_label(value: str) -> str:
    """The Vietnamese label of a severity given as a string ('info' → 'Thông tin')."""
    return Severity(value).label


def severity_order(value: str) -> int:
    try:
        return Severity(value).order
    except ValueError:
        return len(_SEVERITY_ORDER)


SEVERITIES = tuple(str(s) for s in Severity)  # ("error", "warning", "info")


@dataclass
class Finding:
    code: str
    severity: Severity
    message: str  # Vietnamese, NFC
    table: int | None = None
    row: int | None = None
    unit: str | None = None
    column: str | None = None
    reported: str | None = None
    expected: str | None = None
    page: int | None = None
    paragraph: int | None = None
    rule: str | None = None  # the kebab-case name of the rule that gave it
    # Other corrections that would answer this finding: ((table, row, column, value), …) — the part or the
    # whole of a broken ratio set to what the written percent implies. Read by checks.culprits; not in the JSON.
    alternatives: tuple = field(default=(), compare=False, repr=False)
    # The cells OCR did not read for sure that a relation broke through ((row, column), …): a doubt about the
    # reading as much as about the document (checks.ocr_doubts). Read by checks.culprits; not in the JSON.
    unread: tuple = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        self.severity = Severity(self.severity)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "table": self.table,
            "row": self.row,
            "unit": self.unit,
            "column": self.column,
            "reported": self.reported,
            "expected": self.expected,
            "page": self.page,
            "paragraph": self.paragraph,
            "message": self.message,
        }
