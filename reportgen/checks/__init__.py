"""The checks are a linter: one small function per rule, one finding code per
rule, a unique kebab-case rule name, a Vietnamese description and
documentation, and a registry that runs them all.

A rule is a function marked with :func:`rule` in one of the modules listed in
:data:`RULE_MODULES` (nothing registers by being imported)::

    @rule("TOTAL_MISMATCH", "Tổng điểm khác tổng các chỉ số")
    def total_mismatch(report: Report, ctx: CheckContext) -> Iterator[Finding]:
        \"\"\"Kiểm tra gì: … Vì sao: … Ví dụ sai: … Ví dụ đúng: …\"\"\"

The runner stamps each finding with its rule's name and refuses a finding
whose code is not the rule's own. Rules never raise on odd input: a rule that
cannot decide yields nothing, or a warning when it suspects a slip but is not
sure.
"""
from __future__ import annotations

import importlib
from decimal import Decimal
from functools import lru_cache

from ..model import Finding, Report, Severity
from .culprits import without_consequences
from .culprits_prose import same_figure
from .culprits_totals import group_slip_totals, page_slip_totals
from .ocr_doubts import unsure_relations
from .ocr_readings import confirmed_readings
from .registry import CheckContext, Rule, RuleCodeError, RuleFunc, rule, rule_name, rules_of
from .relations_support import column_labels, register_rank_cells

__all__ = ["CheckContext", "Rule", "RuleFunc", "rule", "rule_name", "registered_rules", "run_checks",
           "READER_CODES", "RULE_MODULES", "reader_rule_name", "known_selectors", "column_labels"]

# The rule modules, in the order their rules run. A new module of rules is
# added here (tests/checks/test_rule_identity.py fails when one is missing).
RULE_MODULES = (
    "prose_counts",
    "prose_evaluated",
    "prose_grade_lists",
    "prose",
    "prose_refs",
    "prose_issue_date",
    "prose_quantities",
    "prose_said_above",
    "prose_result_list",
    "prose_tables",
    "prose_units",
    "prose_unit_changes",
    "prose_bands",
    "prose_band_whole",
    "prose_legend_grades",
    "prose_labels",
    "prose_named",
    "prose_total_points",
    "prose_totals",
    "prose_fraction_totals",
    "prose_share_totals",
    "prose_rates",
    "prose_sheet_index",
    "prose_rate_bound",
    "prose_zero_counts",
    "prose_fractions",
    "prose_offices",
    "prose_levels",
    "prose_changes",
    "prose_complements",
    "prose_rank_moves",
    "prose_period_counts",
    "prose_level_columns",
    "prose_indicators",
    "prose_change_counts",
    "prose_restated",
    "prose_dossier_counts",
    "prose_dossier_flow",
    "prose_cumulative",
    "prose_grade_shares",
    "prose_group_heads",
    "tables_summary",
    "relations_detail_groups",
    "tables_generic",
    "tables",
    "relations",
    "relations_ratios",
    "relations_rate_rows",
    "relations_sums",
    "relations_changes",
    "relations_running",
    "relations_row_means",
    "relations_rows",
    "relations_stat_rows",
    "relations_total_percent",
    "relations_pages",
    "relations_parents",
    "relations_blocks",
    "relations_means",
    "relations_ranks",
    "relations_grades",
    "relations_grade_cells",
    "relations_grade_counts",
    "sheet_legend_grades",
    "relations_row_shares",
    "relations_index_row",
    "relations_peer_ranks",
    "relations_rates",
    "relations_points",
    "relations_across",
    "layout",
    "layout_parts",
    "coverage_rules",  # reads what the others verified: last
)
# Codes the reader (reportgen.read) gives while reading, not a rule here.
READER_CODES: dict[str, str] = {
    "NUMBER_FORMAT": "Số trong bảng không viết theo định dạng Việt Nam (ví dụ 8.32 thay cho 8,32)",
    "ENCODING_REPAIRED": "Đã sửa ký tự lỗi mã hóa khi trích xuất (ƣ → ư, TCVN3, VNI → Unicode)",
    "OCR_UNCERTAIN": "Ô đọc từ bản quét (OCR) có độ tin cậy thấp, cần đối chiếu bản gốc",
    "TEXT_DAMAGED": "Lớp chữ của PDF có ký tự không có trong tiếng Việt (phông chữ ánh xạ sai mã): tên và lời văn có "
                    "thể đọc sai",
    "FORMULA_MISMATCH": "Công thức trong bảng tính cho kết quả khác giá trị đang hiển thị",
    "TEXT_UNPLACED": "Chữ đọc ở dòng tiêu đề lặp lại của bảng tiếp trang không thuộc tiêu đề và không ghép được vào "
                     "dòng nào: các số trong đó chưa được kiểm tra",
    "NUMBER_UNREADABLE": "Ô ghi một số không đọc được thành giá trị (quá nhiều chữ số, NaN, vô cực): ô không được "
                         "kiểm tra",
    "ROW_INCOMPLETE": "Dòng của bảng có ít ô hơn số cột, các chỉ số thiếu không được chấm lại",
    "SCHEME_FROM_HEADER": "Bảng chấm theo điểm tối đa ghi ở dòng tiêu đề (bộ chỉ số chưa có sẵn)",
    "SCHEME_MISMATCH": "Bộ chỉ số chỉ định hoặc nhận ra không khớp với dòng tiêu đề của bảng",
}




def reader_rule_name(code: str) -> str:
    """The rule name of a finding the reader gives: ``NUMBER_FORMAT`` → ``reader-number-format``."""
    return "reader-" + code.lower().replace("_", "-")


@lru_cache(maxsize=1)
def _registry() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for name in RULE_MODULES:
        rules.extend(rules_of(importlib.import_module(f"{__name__}.{name}")))
    names = [r.name for r in rules]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RuleCodeError(f"rule names used twice: {', '.join(duplicates)}")
    return tuple(rules)


def registered_rules() -> list[Rule]:
    """Every rule, in the order they run."""
    return list(_registry())


def known_selectors() -> set[str]:
    """What --select/--ignore accept: every code and every rule name."""
    out = set(READER_CODES) | {reader_rule_name(c) for c in READER_CODES}
    for r in registered_rules():
        out.update((r.code, r.name))
    return out


SEVERITY_ORDER = {str(s): s.order for s in Severity}  # errors first


def run_checks(report: Report, ctx: CheckContext | None = None) -> list[Finding]:
    """All findings for a report: what the reader noticed, then every rule's."""
    ctx = ctx or CheckContext()
    findings = _findings(report, ctx)

    def rerun(corrected: Report) -> tuple[list[Finding], object]:
        # the layout rules read the page, not the figures: not run again
        again = CheckContext(scheme_override=ctx.scheme_override, options=ctx.options, select=ctx.select,
                             ignore=ctx.ignore | _layout_rules())
        return _findings(corrected, again), again.ledger

    findings = same_figure(without_consequences(report, findings, rerun, ctx.ledger), ctx.ledger)
    findings = page_slip_totals(group_slip_totals(findings))
    findings = confirmed_readings(report, findings, ctx.ledger)
    findings = sorted(_without_echoes(findings), key=lambda f: (
        f.table if f.table is not None else -1,
        f.row if f.row is not None else -1,
        SEVERITY_ORDER.get(f.severity, 3), f.code))
    ctx.ledger.note_doubts(findings)
    return findings


@lru_cache(maxsize=1)
def _layout_rules() -> frozenset[str]:
    return frozenset(r.name for r in registered_rules()
                     if r.func.__module__.endswith((".layout", ".layout_parts", ".layout_elements")))


def _findings(report: Report, ctx: CheckContext) -> list[Finding]:
    """What the reader noticed, then every rule's findings (the ledger of
    ``ctx`` filled on the way)."""
    ctx.ledger.register(report)
    register_rank_cells(report, ctx.ledger)
    findings: list[Finding] = []
    for f in report.read_findings:
        f.rule = f.rule or reader_rule_name(f.code)
        if ctx.wants(f.rule, f.code):
            findings.append(f)
    settled = False
    for r in registered_rules():
        if not settled and r.func.__module__.endswith(".coverage_rules"):
            # the coverage notes read the ledger once the relations broken through unread cells are settled
            findings, settled = unsure_relations(report, findings, ctx.ledger), True
        if not ctx.wants(r.name, r.code):
            continue
        for f in r.func(report, ctx):
            if f.code != r.code:
                raise RuleCodeError(f"rule {r.name} gave a {f.code} finding; its code is {r.code}")
            f.rule = r.name
            findings.append(f)
    return findings if settled else unsure_relations(report, findings, ctx.ledger)


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that repeats an error: a warning at the same row of the
    same table, written the same and expected the same (a relation found
    twice, once for sure and once as a guess); an error at the same cell,
    written the same and expected the same, that an earlier rule already
    gave (a scheme's TOTAL_MISMATCH and the table's own sum row, or points
    over their maximum that their rate also puts at that maximum: the same
    statement twice). One slip, one finding."""
    errors = {(f.table, f.row, _same(f.reported), _same(f.expected))
              for f in findings if f.severity == Severity.ERROR and f.table is not None and f.row is not None}
    seen: set[tuple] = set()
    out: list[Finding] = []
    for f in findings:
        if f.table is not None and f.row is not None and f.expected is not None:
            key = (f.table, f.row, _same(f.reported), _same(f.expected))
            if f.severity == Severity.WARNING and key in errors:
                continue
            if f.severity == Severity.ERROR and f.column is not None:
                if (*key, f.column) in seen:
                    continue
                seen.add((*key, f.column))
        out.append(f)
    return out


def _same(value) -> str | None:
    """A value as the findings compare it: Decimal-equal figures alike."""
    if value is None:
        return None
    try:
        return str(Decimal(str(value)).normalize())
    except ArithmeticError:
        return str(value)
