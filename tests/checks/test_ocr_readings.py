"""A cell OCR read with low confidence is an open doubt (a warning) unless the
table's arithmetic confirms its figure: then it is an info that says so."""
from __future__ import annotations

from decimal import Decimal

from reportgen.checks.ocr_readings import confirmed_readings
from reportgen.coverage import Ledger
from reportgen.model import Finding, Report, ScoreRow, ScoreTable, Severity


def _report() -> Report:
    rows = [ScoreRow(unit="Sở Công Thương", total=Decimal("82.25"), percent=Decimal("82.25")),
            ScoreRow(unit="Sở Xây dựng", total=Decimal("81.31"), percent=Decimal("71.31"))]
    return Report(source="scan.pdf", tables=[ScoreTable(index=0, title="Bảng tổng hợp", rows=rows)])


def _ocr(row: int, column: str | None, text: str, confidence: int = 50) -> Finding:
    return Finding(code="OCR_UNCERTAIN", severity="warning", table=0, row=row, column=column, reported=text,
                   message=f"Ô đọc bằng OCR không chắc chắn (độ tin cậy {confidence}%)")


def _ledger() -> Ledger:
    ledger = Ledger()
    ledger.table_checked(0, "total-sum", [(0, "total"), (1, "total")])
    ledger.table_checked(0, "percent-ratio", [(0, "total"), (0, "percent"), (1, "total"), (1, "percent")])
    ledger.table_checked(0, "percent-at-most-100", [(0, "rank")], bound=True)
    return ledger


def test_a_reading_two_relations_confirm_becomes_an_info():
    [f] = confirmed_readings(_report(), [_ocr(0, "total", "82,25")], _ledger())
    assert f.severity == Severity.INFO
    assert f.message == ("Ô đọc bằng OCR không chắc chắn (độ tin cậy 50%), nhưng số đọc được khớp với 2 phép "
                         "kiểm tra số học của bảng (tổng, tỷ lệ, thứ hạng…): coi là đọc đúng")


def test_a_reading_on_a_row_with_an_error_stays_a_warning():
    error = Finding(code="RATIO_MISMATCH", severity="error", table=0, row=1, column="percent",
                    reported="71.31", expected="81.31", message="…")
    out = confirmed_readings(_report(), [_ocr(1, "total", "81,31"), error], _ledger())
    assert [(f.code, f.severity) for f in out] == [("OCR_UNCERTAIN", Severity.WARNING),
                                                    ("RATIO_MISMATCH", Severity.ERROR)]


def test_a_reading_only_bounded_or_unchecked_stays_a_warning():
    out = confirmed_readings(_report(), [_ocr(0, "rank", "1"), _ocr(0, None, "Sở Công Thươg", 56)], _ledger())
    assert [f.severity for f in out] == [Severity.WARNING, Severity.WARNING]


def test_a_number_format_note_on_the_row_does_not_hold_the_reading_in_doubt():
    note = Finding(code="NUMBER_FORMAT", severity="warning", table=0, row=0, column="percent",
                   reported="82.25", expected="82,25", message="…")
    out = confirmed_readings(_report(), [_ocr(0, "percent", "82,25"), note], _ledger())
    assert [f.severity for f in out] == [Severity.INFO, Severity.WARNING]
