"""The coverage ledger and the verdict: ĐẠT only when every table with numbers
and every numeric claim was checked and nothing is wrong; CHƯA KIỂM TRA HẾT
(exit 3) when nothing is wrong but something was not checked; KHÔNG ĐẠT
(exit 1) on an error; with several files, the worst of them."""
from __future__ import annotations

import json
from decimal import Decimal

from reportgen.checks import CheckContext, run_checks
from reportgen.coverage import Ledger, claim_statements, numeric_cells
from reportgen.model import Report, ScoreRow, ScoreTable, Statement

from support import S002, SEEDS, reportgen

S004 = str(SEEDS / "004_4fe8e530b83874ca.txt")
UNCHECKED = str(SEEDS.parent.parent / "tests" / "checks" / "table-unchecked" / "bad.txt")
D = Decimal

CLEAN = ("ỦY BAN NHÂN DÂN XÃ A\n\nBÁO CÁO\nKết quả giải quyết hồ sơ quý I năm 2025\n\n"
         "Trong kỳ, xã tiếp nhận tổng số 120 hồ sơ (80 hồ sơ trực tuyến, 40 hồ sơ trực tiếp).\n")


def test_a_document_whose_every_claim_is_checked_and_right_passes_with_exit_0(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(CLEAN, encoding="utf-8")
    out = reportgen("verify", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[1] == "Đã kiểm tra 0/0 bảng, 0/0 ô số, 1/1 nhận định."
    assert lines[-1] == "Kết quả: ĐẠT – 0 lỗi, 0 cảnh báo, 0 thông tin."
    doc = json.loads(reportgen("verify", "--format", "json", str(path)).stdout)
    assert doc["verdict"] == "ĐẠT" and doc["ok"] is True
    assert doc["coverage"]["claims"] == {"checked": 1, "total": 1, "external": 0}
    assert doc["coverage"]["unchecked_claims"] == []


def test_a_slip_in_that_claim_fails_with_exit_1(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(CLEAN.replace("40 hồ sơ trực tiếp", "41 hồ sơ trực tiếp"), encoding="utf-8")
    out = reportgen("verify", str(path))
    assert out.returncode == 1
    assert out.stdout.splitlines()[-1].startswith("Kết quả: KHÔNG ĐẠT – 1 lỗi")


def test_a_table_no_rule_checks_gives_table_unchecked_and_exit_3():
    # Procedures per sector: three counts, no total, no rate, no order: nothing to verify.
    out = reportgen("verify", "--format", "json", UNCHECKED)
    assert out.returncode == 3, out.stderr
    doc = json.loads(out.stdout)
    assert doc["ok"] is True and doc["verdict"] == "CHƯA KIỂM TRA HẾT"
    cov = doc["coverage"]
    assert (cov["tables"], cov["cells"]) == ({"checked": 0, "total": 1}, {"checked": 0, "total": 3})
    [unchecked] = cov["by_table"]
    assert (unchecked["table"], unchecked["checked"], unchecked["relations"]) == (0, False, [])
    assert unchecked["title"] == "1. Số thủ tục hành chính theo lĩnh vực"
    [f] = doc["findings"]
    assert (f["code"], f["rule"], f["severity"], f["table"], f["row"]) == (
        "TABLE_UNCHECKED", "table-unchecked", "warning", 0, None)
    assert f["message"].startswith("Bảng 1 (“1. Số thủ tục hành chính theo lĩnh vực”, trang 1) có 3 ô số")
    text = reportgen("verify", UNCHECKED).stdout.splitlines()
    assert text[1] == "Đã kiểm tra 0/1 bảng, 0/3 ô số, 0/0 nhận định."
    assert text[-1].startswith("Kết quả: CHƯA KIỂM TRA HẾT – 0 lỗi")


def test_several_files_exit_with_the_worst_verdict(tmp_path):
    clean = tmp_path / "bc.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert reportgen("verify", str(clean), UNCHECKED).returncode == 3
    assert reportgen("verify", UNCHECKED, S002, str(clean)).returncode == 1
    assert reportgen("verify", str(clean), str(clean)).returncode == 0
    # Seed 004 states two figures nothing in it can be checked against: not ĐẠT.
    assert reportgen("verify", str(clean), S004).returncode == 3


def _table() -> ScoreTable:
    rows = [ScoreRow(unit="A", scores={"c1": D("5"), "c2": None}, total=D("5"), extra={"Mã": "X1", "Số hồ sơ": D(3)}),
            ScoreRow(unit="B", scores={"c1": D("4")}, total=D("4"), percent=D("80"), rank=2)]
    return ScoreTable(index=0, title="Bảng 1", kind="data", rows=rows, page=2)


def test_numeric_cells_are_the_cells_with_numbers_named_as_findings_name_them():
    assert numeric_cells(_table()) == {(0, "c1"), (0, "total"), (0, "Số hồ sơ"),
                                       (1, "c1"), (1, "total"), (1, "percent"), (1, "rank")}


def test_a_figure_the_reader_could_not_read_under_a_column_of_figures_is_counted_unchecked():
    # a rank row and a grade row a page set too close, read as one: "3 Tốt" under the units' points
    rows = [ScoreRow(unit="Tổng điểm", scores={"k3": D("80.47"), "k4": D("86.06")}),
            ScoreRow(unit="Xếp hạng Xếp loại", extra={"k3": "3 Tốt", "k4": "1 Tốt"}),
            ScoreRow(unit="Ghi chú", extra={"k3": "đạt", "k4": "-"})]
    table = ScoreTable(index=0, title="Bảng ngang", kind="data", rows=rows)
    assert numeric_cells(table) == {(0, "k3"), (0, "k4"), (1, "k3"), (1, "k4")}


def test_a_table_is_covered_only_by_what_a_rule_verified_on_it():
    report = Report(source="x", tables=[_table()])
    ledger = Ledger()
    ledger.register(report)
    assert ledger.totals() == {"tables": (0, 1), "cells": (0, 7), "claims": (0, 0)}
    ledger.table_doubt(0, "không rõ cột nào là tổng")
    assert [t.doubts for t in ledger.unchecked_tables()] == [["không rõ cột nào là tổng"]]
    ledger.table_checked(0, "total-sum", [(0, "total"), (0, "c1"), (0, "grade")])
    assert ledger.totals()["tables"] == (1, 1)
    assert ledger.totals()["cells"] == (2, 7)  # a cell without a number is not counted
    assert ledger.line() == "Đã kiểm tra 1/1 bảng, 2/7 ô số, 0/0 nhận định."


def test_the_percent_and_fraction_of_a_share_are_one_claim_with_it():
    share = Statement(kind="share", text="11/15 đơn vị, chiếm 73,33%", paragraph=3, value=D(11), whole=D(15),
                      percent=D("73.33"))
    fraction = Statement(kind="fraction", text="11/15", paragraph=3, numerator=D(11), denominator=D(15))
    percent = Statement(kind="percent", text="73,33%", paragraph=3, value=D("73.33"), percent=D("73.33"))
    lone = Statement(kind="score", text="16,97", paragraph=4, value=D("16.97"))
    report = Report(source="x", statements=[fraction, share, percent, lone])
    assert [(i, members) for i, _, members in claim_statements(report)] == [(1, [0, 2])]
    ledger = Ledger()
    ledger.register(report)
    ledger.statement_checked(fraction, "fraction-bound")  # x ≤ y only bounds the claim: not checked
    assert ledger.totals()["claims"] == (0, 1)
    assert [c.bounds for c in ledger.unchecked_claims()] == [["fraction-bound"]]
    ledger.statement_checked(percent, "share-percent")  # checking a figure checks its claim
    assert ledger.totals()["claims"] == (1, 1)


def test_an_evaluated_count_written_x_over_y_is_one_claim_with_its_fraction():
    # Seed 000: "Thực hiện đánh giá đối với 17/19 cơ quan": the count is held to the table's rows,
    # the fraction 17/19 is its figure, not a claim apart that only x ≤ y bounds.
    from reportgen.read import read_path

    report = read_path(str(SEEDS / "000_1f102cd1bcb19e59.txt"))
    claims = {st.text: [report.statements[m].text for m in members] for _, st, members in claim_statements(report)}
    assert claims["Thực hiện đánh giá đối với 17/19 cơ quan. Kết quả:"] == ["17/19"]
    assert "17/19" not in claims
    ctx = CheckContext()
    run_checks(report, ctx)
    assert ctx.ledger.totals()["claims"] == (8, 9)  # the one left: "toàn tỉnh đạt 0,1%", with nothing to hold it to


def test_run_checks_fills_the_ledger_of_the_context():
    from reportgen.read import read_path

    ctx = CheckContext()
    run_checks(read_path(S002), ctx)
    # 11 claims, two of them "x/y" of an evaluated count ("chấm điểm đánh giá 21/21 UBND xã"): 9
    assert ctx.ledger.totals() == {"tables": (1, 1), "cells": (288, 288), "claims": (9, 9)}


def _par_sheet(path, grade_of_xay_dung: str):
    """Eight departments' PAR index as an office's sheet: points, maximum,
    the index in percent and the grade; no band is stated anywhere."""
    from openpyxl import Workbook

    rows = [("Sở Tư pháp", "82.75", 94, "Tốt"), ("Sở Y tế", "74.75", 94, "Khá"),
            ("Sở Xây dựng", "68.25", 89, grade_of_xay_dung), ("Sở Công Thương", "79", 94, "Tốt"),
            ("Sở Nội vụ", "86.75", 94, "Tốt"), ("Sở Tài chính", "76.75", 89, "Tốt"),
            ("Sở Giáo dục và Đào tạo", "68", 94, "Khá"), ("Sở Khoa học và Công nghệ", "62.75", 89, "Khá")]
    wb = Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ"])
    ws.append(["STT", "Cơ quan", "Tổng điểm đạt được", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"])
    for k, (unit, points, top, grade) in enumerate(rows, 1):
        percent = (D(points) / top * 100).quantize(D("0.01"))
        ws.append([k, unit, float(points), top, float(percent), grade])
    wb.save(path)
    return path


def test_two_grades_out_of_the_tables_own_order_with_no_one_row_to_blame_is_not_a_pass(tmp_path):
    # Sở Y tế 79,52% "Khá" and Sở Xây dựng 76,69% "Tốt": one of the two is wrong,
    # no band is stated, either one changed would restore the order.
    doc = json.loads(reportgen("verify", "--format", "json", str(_par_sheet(tmp_path / "a.xlsx", "Tốt"))).stdout)
    assert [(f["code"], f["severity"], f["unit"]) for f in doc["findings"]] == [
        ("GRADE_BAND_MISMATCH", "warning", "Sở Y tế"), ("GRADE_BAND_MISMATCH", "warning", "Sở Xây dựng")]
    assert doc["ok"] is True and doc["verdict"] == "CHƯA KIỂM TRA HẾT"
    assert doc["coverage"]["cells"] == {"checked": 24, "total": 24}
    assert doc["coverage"]["open_doubts"] == {"GRADE_BAND_MISMATCH": 2}
    out = reportgen("verify", str(tmp_path / "a.xlsx"))
    assert out.returncode == 3
    assert out.stdout.splitlines()[1] == ("Đã kiểm tra 1/1 bảng, 24/24 ô số, 0/0 nhận định. Còn 2 cảnh báo về số "
                                          "liệu chưa kết luận được đúng hay sai (cần đối chiếu thủ công).")


def test_the_same_sheet_with_the_grades_in_order_passes(tmp_path):
    out = reportgen("verify", "--format", "json", str(_par_sheet(tmp_path / "b.xlsx", "Khá")))
    doc = json.loads(out.stdout)
    assert (out.returncode, doc["verdict"], doc["coverage"]["open_doubts"]) == (0, "ĐẠT", {})


def test_a_warning_on_the_form_alone_is_no_doubt_about_figures():
    from reportgen.coverage import doubts_a_figure

    assert not doubts_a_figure("NUMBER_FORMAT", "warning")
    assert not doubts_a_figure("LAYOUT_MARGIN", "warning")
    assert not doubts_a_figure("TABLE_UNCHECKED", "warning")
    assert doubts_a_figure("SUM_ROW_MISMATCH", "warning")
    assert not doubts_a_figure("SUM_ROW_MISMATCH", "info")
