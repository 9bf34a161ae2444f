"""Findings as text for a person: Vietnamese, grouped by table and row, each
with where it is (table, row, unit, column, page) and what was written
against what was expected, and a closing line with counts by severity."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Iterable

from .checks import column_labels
from .coverage import Ledger, claims_read, verdict as verdict_of
from .model import Finding, Report, Severity, TableKind
from .numbers import format_vi
from .text.headers import header_words

# The one Vietnamese label of each severity (model.Severity.label), as this output writes it.
SEVERITY_LABEL = {str(s): s.label.upper() for s in Severity}  # "LỖI", "CẢNH BÁO", "THÔNG TIN"
SEVERITY_NAME = {str(s): s.label.lower() for s in Severity}  # "lỗi", "cảnh báo", "thông tin"
_TITLE_WIDTH = 90
# Codes whose reported/expected values are text as written (a period '2024', a
# section 'VI', a date, a number's spelling, a layout measure): shown as is.
# Every other code carries figures, shown as vi_VN numbers ("71,25", "20.460").
AS_WRITTEN_CODES = {"NUMBER_FORMAT", "PERIOD_MISMATCH", "SECTION_NUMBERING", "APPENDIX_REFERENCE",
                    "REFERENCE_NOT_FOUND", "ENCODING_REPAIRED", "OCR_UNCERTAIN"}
_AS_WRITTEN_PREFIXES = ("DATE_", "LAYOUT_", "NOI_NHAN_")


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if not value.is_finite():
        return text
    exp = value.as_tuple().exponent
    return format_vi(value, -exp if exp < 0 else 0, fixed=True)  # as many decimals as given


def _short(text: str, width: int = _TITLE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _table_heading(report: Report, index: int) -> str:
    table = next((t for t in report.tables if t.index == index), None)
    if table is None:
        return f"Bảng {index + 1}"
    head = f"Bảng {index + 1}"
    if table.title:
        head += f": {_short(table.title).rstrip(' :.')}"  # "Chi tiết tại bảng sau:" is no "…::"
    if table.scheme:
        head += f" (bộ chỉ số {table.scheme})"
    return head


def _row_heading(report: Report, f: Finding) -> str:
    table = next((t for t in report.tables if t.index == f.table), None)
    row = table.rows[f.row] if table is not None and f.row is not None and f.row < len(table.rows) else None
    parts = []
    if row is not None and (row.no or row.section):
        parts.append("Dòng " + ".".join(p for p in (row.section, row.no) if p))
    else:
        parts.append(f"Dòng {f.row + 1}" if f.row is not None else "Cả bảng")
    # the row's own name: a finding on a table with its units as columns names its unit (the column)
    unit = (row.unit if row is not None and row.unit else None) or f.unit
    if unit:
        parts.append(unit)
    if row is not None and row.part and unit == row.unit:
        parts.append(row.part)  # a unit that takes several rows: the row's period or kind
    page = f.page if f.page is not None else (row.page if row is not None else None)
    text = " – ".join(parts)
    return text + (f" (trang {page})" if page is not None else "")


def _column_name(report: Report, f: Finding) -> str | None:
    if f.column is None:
        return None
    table = next((t for t in report.tables if t.index == f.table), None)
    if table is not None:
        for col in table.columns:
            if col.key == f.column:
                return header_words(col.label, f.column) or col.label
    # A result column (percent, rank …): the header's words, as the relations read them.
    label = column_labels(report, f.table).get(f.column) if table is not None else None
    return header_words(label, f.column) or f.column


def format_finding(report: Report, f: Finding, indent: str = "") -> list[str]:
    lines = [f"{indent}[{SEVERITY_LABEL.get(f.severity, f.severity.upper())}] {f.code}: {f.message}"]
    detail = []
    column = _column_name(report, f)
    if column:
        detail.append(f"cột: {column}")
    if f.code not in AS_WRITTEN_CODES and not f.code.startswith(_AS_WRITTEN_PREFIXES):
        reported, expected, should = _value(f.reported), _value(f.expected), "đúng là"
    else:
        reported, expected = f.reported, f.expected
        # NUMBER_FORMAT is about how the number is written: show it as is.
        should = "nên viết" if f.code in ("NUMBER_FORMAT", "DATE_FORMAT") else "đúng là"
    if reported is not None and (f.column is not None or f.expected is not None):
        detail.append(f"ghi: {reported}")
    if expected is not None:
        detail.append(f"{should}: {expected}")
    if f.table is None and f.page is not None:
        detail.append(f"trang {f.page}")
    if f.paragraph is not None:
        detail.append(f"đoạn {f.paragraph + 1}")
    if detail:
        lines.append(f"{indent}    " + "; ".join(detail))
    return lines


def summary_line(findings: Iterable[Finding], ledger: Ledger | None = None) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    parts = [f"{n} {SEVERITY_NAME.get(sev, sev)}" for sev, n in counts.items()]
    if ledger is not None:
        verdict = verdict_of(bool(counts["error"]), ledger)
    else:
        verdict = "KHÔNG ĐẠT" if counts["error"] else "ĐẠT"
    return f"Kết quả: {verdict} – " + ", ".join(parts) + "."


def read_line(report: Report, ledger: Ledger | None = None) -> str:
    """What was read, so that 'no finding' is not mistaken for 'all checked'.
    The claims are counted as the coverage line counts them (``claims_read``:
    the numeric claims, held to the document or outside it), never the
    reader's other statements (a heading's period, a date)."""
    scored = [t for t in report.tables if t.kind in (TableKind.SCORES, TableKind.SUMMARY)]
    others = [t for t in report.tables if t.kind not in (TableKind.SCORES, TableKind.SUMMARY)]
    if not report.tables and not report.statements:
        return "Không nhận ra bảng số liệu hay nhận định có số liệu nào để kiểm tra."
    parts = [f"{len(scored)} bảng điểm ({sum(len(t.rows) for t in scored)} dòng)"]
    if others:
        parts.append(f"{len(others)} bảng số liệu khác")
    if ledger is None:
        ledger = Ledger()
        ledger.register(report)
    parts.append(f"{claims_read(ledger.to_json())} nhận định trong lời văn")
    return "Đã đọc: " + ", ".join(parts) + "."


def format_findings(report: Report, findings: list[Finding], ledger: Ledger | None = None) -> str:
    """The whole text for one report; with the coverage ledger of the run,
    it opens with what was checked and the verdict says whether all was."""
    lines = [f"Tệp: {report.source}"]
    if ledger is not None:
        lines.append(ledger.line())
    lines.append(read_line(report, ledger))
    # Findings on the document as a whole first, then in the order of the text.
    general = sorted((f for f in findings if f.table is None),
                     key=lambda f: -1 if f.paragraph is None else f.paragraph)
    if general:
        lines.append("Toàn văn bản:")
        for f in general:
            lines.extend(format_finding(report, f, "  "))
    tables: dict[int, list[Finding]] = {}
    for f in findings:
        if f.table is not None:
            tables.setdefault(f.table, []).append(f)
    for index in sorted(tables):
        lines.append(_table_heading(report, index) + ":")
        rows: dict[int | None, list[Finding]] = {}
        for f in tables[index]:
            rows.setdefault(f.row, []).append(f)
        for row in sorted(rows, key=lambda r: -1 if r is None else r):
            lines.append("  " + _row_heading(report, rows[row][0]) + ":")
            for f in rows[row]:
                lines.extend(format_finding(report, f, "    "))
    if not findings:
        lines.append("Không phát hiện sai sót.")
    lines.append(summary_line(findings, ledger))
    return "\n".join(lines)
