"""The checks are a linter: one small function per rule, a stable code, a
one-line Vietnamese description, and a registry that runs them all.

A rule is registered with :func:`rule`::

    @rule("TOTAL_MISMATCH", "Tổng điểm khác tổng các chỉ số")
    def total_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
        ...

Rules never raise on odd input: a rule that cannot decide yields nothing, or a
warning when it suspects a slip but is not sure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..coverage import Ledger
from ..model import Finding, Report, Severity
from ..schemes import Scheme, all_schemes


@dataclass
class CheckContext:
    """Settings a run passes to every rule (plain data, no global state)."""

    scheme_override: Scheme | None = None
    options: dict = field(default_factory=dict)
    # What the rules verified (tables, cells, claims): see reportgen.coverage.
    ledger: Ledger = field(default_factory=Ledger)

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


RuleFunc = Callable[[Report, CheckContext], Iterable[Finding]]

# Codes the reader (reportgen.read) gives while reading, not a rule here.
READER_CODES: dict[str, str] = {
    "NUMBER_FORMAT": "Số trong bảng không viết theo định dạng Việt Nam (ví dụ 8.32 thay cho 8,32)",
    "ENCODING_REPAIRED": "Đã sửa ký tự lỗi mã hóa khi trích xuất (ƣ → ư, TCVN3, VNI → Unicode)",
    "OCR_UNCERTAIN": "Ô đọc từ bản quét (OCR) có độ tin cậy thấp, cần đối chiếu bản gốc",
    "FORMULA_MISMATCH": "Công thức trong bảng tính cho kết quả khác giá trị đang hiển thị",
    "ROW_INCOMPLETE": "Dòng của bảng có ít ô hơn số cột, các chỉ số thiếu không được chấm lại",
    "SCHEME_FROM_HEADER": "Bảng chấm theo điểm tối đa ghi ở dòng tiêu đề (bộ chỉ số chưa có sẵn)",
    "SCHEME_MISMATCH": "Bộ chỉ số chỉ định hoặc nhận ra không khớp với dòng tiêu đề của bảng",
}


@dataclass(frozen=True)
class Rule:
    code: str
    description: str  # Vietnamese, one line
    func: RuleFunc


_REGISTRY: dict[str, list[Rule]] = {}


def rule(code: str, description: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule under a finding code (several rules may share a code)."""

    def decorate(func: RuleFunc) -> RuleFunc:
        _REGISTRY.setdefault(code, []).append(Rule(code, description, func))
        return func

    return decorate


def registered_rules() -> list[Rule]:
    _load_rule_modules()
    return [r for rules in _REGISTRY.values() for r in rules]


def _load_rule_modules() -> None:
    # Rule modules register themselves on import.
    from . import coverage_rules, prose, relations, relations_points, relations_rows, tables  # noqa: F401


COVERAGE_CODES = ("TABLE_UNCHECKED", "CLAIM_UNCHECKED")

SEVERITY_ORDER = {str(s): s.order for s in Severity}  # errors first


def run_checks(report: Report, ctx: CheckContext | None = None) -> list[Finding]:
    """All findings for a report: what the reader noticed, then every rule's."""
    ctx = ctx or CheckContext()
    ctx.ledger.register(report)
    findings: list[Finding] = list(report.read_findings)
    rules = registered_rules()
    # The coverage rules read what the others recorded: they run last.
    for r in sorted(rules, key=lambda r: r.code in COVERAGE_CODES):
        findings.extend(r.func(report, ctx))
    return sorted(findings, key=lambda f: (
        f.table if f.table is not None else -1,
        f.row if f.row is not None else -1,
        SEVERITY_ORDER.get(f.severity, 3), f.code))
