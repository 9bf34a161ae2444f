"""A figure OCR read with low confidence, confirmed by the table's arithmetic.

A scanned table in small print gives OCR_UNCERTAIN on most of its cells. Where
a cell's figure takes part in a relation the table obeys (a sum that balances,
a percent that is its part over its whole, a rank in the order of its column)
and nothing on its row is in doubt, a misreading would have broken that
relation: the reading is confirmed, and the warning becomes an info. A cell
no relation checks, on a row with an error or a warning, or read with marks a
number does not hold ("193\\"), keeps its warning."""
from __future__ import annotations

import re
from dataclasses import replace

from ..coverage import FORM_CODES, Ledger
from ..model import Finding, Report, Severity

CODE = "OCR_UNCERTAIN"
_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def reads_a_number(text: str | None) -> bool:
    """Whether what OCR read is written as a number and nothing else: "193\\"
    or "1 |" holds marks a figure does not, and a relation that reads its
    digits confirms no reading of it (None: the text was not kept)."""
    return text is None or _NUMBER.fullmatch(text.strip()) is not None


def confirmed_readings(report: Report, findings: list[Finding], ledger: Ledger) -> list[Finding]:
    """``findings`` with each OCR_UNCERTAIN warning on a table cell that the
    table's relations confirm turned into an info saying so."""
    troubled = {(f.table, f.row) for f in findings
                if f.table is not None and f.row is not None and f.code != CODE and f.code not in FORM_CODES
                and f.severity in (Severity.ERROR, Severity.WARNING)}
    out = []
    for f in findings:
        checks = _confirming(report, ledger, f) if (f.table, f.row) not in troubled else 0
        if checks:
            f = replace(f, severity=Severity.INFO,
                        message=f"{f.message}, nhưng số đọc được khớp với {checks} phép kiểm tra số học "
                                f"của bảng (tổng, tỷ lệ, thứ hạng…): coi là đọc đúng")
        out.append(f)
    return out


def _confirming(report: Report, ledger: Ledger, f: Finding) -> int:
    """How many relations that detect a change cover the cell ``f`` is on
    (0 when ``f`` is no OCR warning on a table cell)."""
    if f.code != CODE or f.severity != Severity.WARNING or None in (f.table, f.row, f.column) \
            or not reads_a_number(f.reported):
        return 0
    if not 0 <= f.table < len(report.tables):
        return 0
    entry = ledger.tables.get(report.tables[f.table].index)
    cell = (f.row, f.column)
    if entry is None or cell not in entry.checked_cells:
        return 0
    return len(entry.cell_relations.get(cell, ()))
