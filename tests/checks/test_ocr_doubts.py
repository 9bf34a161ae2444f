"""A relation that breaks only through a cell OCR did not read for sure is a
doubt (a warning naming the cell), not an error; the cell counts as not
read. An error whose row and column hold no such cell stays an error."""
from __future__ import annotations

from decimal import Decimal

from reportgen.checks.ocr_doubts import doubtful_cells, unsure_relations
from reportgen.coverage import Ledger
from reportgen.model import Column, Finding, Report, ScoreRow, ScoreTable, Severity, TableKind

COLUMNS = [Column("k2", "Tổng số"), Column("k3", "Trước hạn"), Column("k4", "Đúng hạn")]


def _report(hotich: dict, heading: dict | None = None) -> Report:
    """Tổng số = Trước hạn + Đúng hạn; "Cộng" adds the fields. ``hotich``:
    Hộ tịch's cells as read; ``heading``: a heading row's, over the fields."""
    def row(unit, k2, k3, k4, **extra):
        return ScoreRow(unit=unit, scores={"k2": k2, "k3": k3, "k4": k4}, extra=extra)

    d = Decimal
    rows = [row("Xây dựng", d(812), d(503), d(309)), row("Đất đai", d(1246), d(918), d(328)),
            row("Hộ tịch", **hotich), row("Cộng", d(2497), d(1768), d(729))]
    if heading is not None:
        rows.insert(0, row("II. Cấp xã", **heading))
    return Report(source="scan.pdf", tables=[ScoreTable(index=0, title="Kết quả", kind=TableKind.DATA,
                                                        columns=COLUMNS, rows=rows)])


def _ocr(row: int, column: str | None, text: str) -> Finding:
    return Finding(code="OCR_UNCERTAIN", severity="warning", table=0, row=row, column=column, reported=text,
                   message="Ô đọc bằng OCR không chắc chắn (độ tin cậy 40%)")


def _sum_row(row: int = 3, column: str = "k3", written="1768", got="1421") -> Finding:
    return Finding(code="SUM_ROW_MISMATCH", severity="error", table=0, row=row, column=column, reported=written,
                   expected=got, message=f"Cộng: cột “Trước hạn” ghi {written} nhưng tổng 3 dòng … = {got}",
                   rule="sum-row-mismatch")


def _ledger() -> Ledger:
    ledger = Ledger()
    ledger.add_table(0, "Kết quả", 1, [(r, k) for r in range(4) for k in ("k2", "k3", "k4")])
    ledger.table_checked(0, "total-row-equals-sum", [(r, k) for r in range(4) for k in ("k2", "k3", "k4")])
    return ledger


HOTICH = {"k2": Decimal(439), "k3": Decimal(347), "k4": Decimal(92)}
WHY = (" — nhưng phép tính dựa vào ô đọc bằng OCR không chắc chắn ({cells}): có thể do đọc sai, chưa kết luận là "
       "lỗi, cần đối chiếu bản gốc")


def test_a_sum_broken_through_a_flagged_cell_is_a_warning_naming_it():
    report = _report({**HOTICH, "k3": Decimal(34)})  # 347 read 34 under a stamp
    report.read_findings = [_ocr(2, "k3", "34")]
    ledger = _ledger()
    [f] = unsure_relations(report, [*report.read_findings, _sum_row()], ledger)[1:]
    assert (f.severity, f.unread) == (Severity.WARNING, ((2, "k3"),))
    assert f.message == ("Cộng: cột “Trước hạn” ghi 1768 nhưng tổng 3 dòng … = 1421"
                         + WHY.format(cells="cột “Trước hạn” dòng “Hộ tịch” đọc được “34”"))
    assert (2, "k3") not in ledger.tables[0].checked_cells  # not read: not checked
    assert ledger.totals()["cells"] == (11, 12)


def test_an_error_whose_row_and_column_hold_no_doubtful_cell_stays_an_error():
    report = _report(HOTICH)
    report.read_findings = [_ocr(2, "k3", "347")]
    error = _sum_row(column="k4", written="739", got="729")
    [f] = unsure_relations(report, [*report.read_findings, error], _ledger())[1:]
    assert (f.severity, f.unread) == (Severity.ERROR, ())


def test_a_flagged_figure_its_relations_confirm_is_no_doubt():
    # read "347", checked by the sums, on a row no finding doubts: the reading is right
    report = _report(HOTICH)
    report.read_findings = [_ocr(2, "k3", "347")]
    error = _sum_row(row=0, column="k2", written="822", got="812")
    assert doubtful_cells(report, [*report.read_findings, error], _ledger()) == {}


def test_a_reading_with_marks_no_figure_holds_is_never_confirmed():
    report = _report(HOTICH)
    report.read_findings = [_ocr(2, "k3", "347\\")]
    [d] = doubtful_cells(report, list(report.read_findings), _ledger())[0]
    assert (d.row, d.column, d.read) == (2, "k3", "347\\")


def test_a_figure_the_scan_dropped_is_a_doubt_and_counted_unread():
    report = _report({**HOTICH, "k3": None})
    report.read_findings = [_ocr(0, "k2", "812")]  # a table OCR read
    ledger = _ledger()
    ledger.tables[0].numeric_cells.discard((2, "k3"))
    ledger.tables[0].checked_cells.discard((2, "k3"))
    [f] = unsure_relations(report, [*report.read_findings, _sum_row(got="1421")], ledger)[1:]
    assert f.severity == Severity.WARNING
    assert f.message.endswith(WHY.format(cells="cột “Trước hạn” dòng “Hộ tịch” không đọc được"))
    assert ledger.totals()["cells"] == (11, 12)


def test_specks_a_stamp_leaves_on_a_heading_row_are_no_figure():
    report = _report(HOTICH, heading={"k2": None, "k3": None, "k4": None})
    report.read_findings = [_ocr(0, "k3", "Zz"), _ocr(0, "k4", "/")]
    assert doubtful_cells(report, list(report.read_findings), Ledger()) == {}


def test_a_flagged_figure_its_row_confirms_is_no_doubt_for_its_column():
    # the column's sum broke elsewhere; 347 is also held by its row (439 = 347 + 92), which holds
    report = _report(HOTICH)
    report.read_findings = [_ocr(2, "k3", "347")]
    ledger = _ledger()
    ledger.table_checked(0, "total-equals-sum-of-columns", [(2, "k2"), (2, "k3"), (2, "k4")])
    assert doubtful_cells(report, [*report.read_findings, _sum_row(written="1778", got="1768")], ledger) == {}
    # held by the column's sum alone, it may be what broke it
    assert [(d.row, d.column) for d in doubtful_cells(report, [*report.read_findings, _sum_row()], _ledger())[0]] \
        == [(2, "k3")]
