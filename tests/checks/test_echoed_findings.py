"""One slip, one finding: when two rules find the same broken sum on the
same cell, once for sure (an error) and once as a guess (a warning), only
the error is kept; and the errors a wrong cell causes on right cells, which
hold again once that one cell is corrected, are named in its finding
(reportgen.checks.culprits). Figures: a district's third quarter, as an
XLSX written with openpyxl (numbers stored as numbers, rates as fractions
formatted 0.00%), with the total of files on time written 3.069 for 3.064."""
from __future__ import annotations

import openpyxl
import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.verify import verify_path

OFFICES = [("Phòng Tư pháp", 412, 405), ("Phòng Tài nguyên và Môi trường", 1286, 1190),
           ("Phòng Kinh tế và Hạ tầng", 338, 331), ("Phòng Lao động - Thương binh và Xã hội", 927, 927),
           ("Phòng Văn hóa và Thông tin", 64, 61), ("Văn phòng HĐND và UBND huyện", 153, 150)]


def _sheet(path, on_time_total: int):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Đơn vị", "Tổng số hồ sơ", "Đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn"])
    for i, (name, got, ok) in enumerate(OFFICES, 1):
        ws.append([i, name, got, ok, got - ok, round(ok / got, 4)])
        ws.cell(ws.max_row, 6).number_format = "0.00%"
    ws.append([None, "Tổng cộng", 3180, on_time_total, 116, 0.9635])
    ws.cell(ws.max_row, 6).number_format = "0.00%"
    wb.save(path)
    return path


def test_a_wrong_total_is_named_once_per_relation_and_never_echoed_as_a_warning(tmp_path):
    # With the wrong cell alone corrected (3.064) the rules find nothing: the rate and the
    # total of files, right themselves, are consequences named in the culprit's finding.
    result = verify_path(_sheet(tmp_path / "quy3.xlsx", 3069))
    got = sorted((f.code, str(f.severity), f.reported, f.expected) for f in result.findings)
    assert got == [("SUM_ROW_MISMATCH", "error", "3069", "3064")]      # the six offices
    [f] = result.findings
    assert f.message.endswith(
        "Số ghi sai này kéo theo: RATIO_MISMATCH ở “Tổng cộng” (ghi 96,35, tính ra 96,51); SUM_COLUMNS_MISMATCH ở "
        "“Tổng cộng” (ghi 3.180, tính ra 3.185) — các lỗi này hết khi sửa ô này, nên không báo riêng.")


def test_a_wrong_total_found_by_two_sums_is_one_finding_naming_the_rate_it_breaks(tmp_path):
    # The total of files 3.180 written 3.185: the column's sum and the row's sum both name
    # that cell, and the rate of the total row (3.064 / 3.185 = 96,20%, written 96,35%) is
    # right: with 3.180 there everything holds, so one finding names the other two.
    path = _sheet(tmp_path / "quy3.xlsx", 3064)
    wb = openpyxl.load_workbook(path)
    wb.active.cell(10, 3).value = 3185
    wb.save(path)
    found = verify_path(path).findings
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("SUM_ROW_MISMATCH", 6, "k2", "3185", "3180")]
    assert found[0].message.endswith(
        "Số ghi sai này kéo theo: RATIO_MISMATCH ở “Tổng cộng” (ghi 96,35, tính ra 96,20); SUM_COLUMNS_MISMATCH ở "
        "“Tổng cộng” (ghi 3.185, tính ra 3.180) — các lỗi này hết khi sửa ô này, nên không báo riêng.")


def test_a_slip_no_finding_names_is_found_where_the_broken_relations_cross(tmp_path):
    # Phòng Tư pháp's files on time 405 written 415: the rate, the office's total of files
    # and the column's total each break, none of them on the wrong cell. The three cross at
    # Phòng Tư pháp's on-time cell; 415 − 10 (the gap both sums show) answers all three, so
    # the office's own error is moved onto that cell and names the other two.
    path = _sheet(tmp_path / "quy3.xlsx", 3064)
    wb = openpyxl.load_workbook(path)
    wb.active.cell(4, 4).value = 415
    wb.save(path)
    found = verify_path(path).findings
    assert [(f.code, f.unit, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Phòng Tư pháp", 0, "k3", "415", "405")]
    assert "Chỉ một ô sai giải thích được mọi lỗi: cột “Đúng hạn” ghi 415; nếu là 405 thì mọi quan hệ đều khớp. " \
        "Số ghi sai này kéo theo: SUM_COLUMNS_MISMATCH ở “Phòng Tư pháp” (ghi 412, tính ra 422); SUM_ROW_MISMATCH " \
        "ở “Tổng cộng” (ghi 3.064, tính ra 3.074)" in found[0].message


def test_two_slips_in_one_sum_leave_every_error(tmp_path):
    # Two offices' files on time written 10 higher each (405 → 415, 331 → 341): no one cell
    # answers every error, so no candidate is sure and every error stays as the rules gave it.
    path = _sheet(tmp_path / "quy3.xlsx", 3064)
    wb = openpyxl.load_workbook(path)
    wb.active.cell(4, 4).value = 415
    wb.active.cell(6, 4).value = 341
    wb.save(path)
    found = verify_path(path).findings
    assert not any("kéo theo" in f.message for f in found)
    assert ("SUM_ROW_MISMATCH", 6, "k3", "3064", "3084") in [
        (f.code, f.row, f.column, f.reported, f.expected) for f in found]


def test_the_right_sheet_is_checked_whole_and_passes(tmp_path):
    result = verify_path(_sheet(tmp_path / "quy3.xlsx", 3064))
    assert result.findings == []
    assert result.ledger.totals()["cells"] == (28, 28)


@pytest.mark.parametrize("written, mean", [("73,01%", "82,67"), ("77,41%", "82,98")])
def test_a_wrong_percent_in_the_par_index_is_one_error_naming_what_it_breaks(written, mean):
    # ld-cchc2025-pl1-songanh.doc, Sở Tư pháp's 93,01% written 73,01% or 77,41% (issue 8): its
    # own ratio (82,78 / 89,00) names it; the "Chỉ số cao nhất" and "Chỉ số trung bình" rows of
    # its column, its rank 1 (13th by that figure: the other ranks are still checked, the unit
    # set aside) and its grade TỐT (below the 78,80% of a KHÁ) break with it and hold again once
    # it is corrected: they are named in its finding. The grades stay read on the percent: on
    # the points Sở Y tế's KHÁ 70,53 is above the multiple of 5 (70) that would part KHÁ
    # (68,92) from TỐT (73,47), which costs the points column a row as an inversion does, so
    # Sở Y tế's right grade is no error.
    from parsers import read_raw
    from reportgen.read import read_report
    from reportgen.verify import verify_report

    from support import REAL, with_cell_replaced

    raw = read_raw(REAL / "ld-cchc2025-pl1-songanh.doc")
    result = verify_report(read_report(with_cell_replaced(raw, "93,01%", written, "Sở Tư pháp")))
    found = [f for f in result.findings if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "Sở Tư pháp", "k4", written[:-1].replace(",", "."), "93.01")]
    assert found[0].message.endswith(
        "Số ghi sai này kéo theo: SUMMARY_ROW_MISMATCH ở “Chỉ số cao nhất” (ghi 93,01, tính ra 90,75); "
        f"SUMMARY_ROW_MISMATCH ở “Chỉ số trung bình” (ghi 84,10, tính ra {mean}); "
        "RANK_MISMATCH ở “Sở Tư pháp” (ghi 1, tính ra 13); "
        "GRADE_BAND_MISMATCH ở “Sở Tư pháp” — các lỗi này hết khi sửa ô này, nên không báo riêng.")


def _bc36_errors(old: str, new: str):
    """The paragraph of bc36's "Điểm số trung bình của cấp xã đạt 10,564/15 điểm" and
    the errors of the report with ``old`` written ``new`` there."""
    from parsers import read_raw
    from reportgen.read import read_report

    from support import REAL, with_paragraph_replaced

    raw = read_raw(REAL / "ld-cchc2025-bc36-thamdinh.pdf")
    paragraph = next(p.index for p in read_report(raw).paragraphs if "10,564/15" in p.text)
    report = read_report(with_paragraph_replaced(raw, paragraph, old, new))
    return paragraph, [f for f in run_checks(report, CheckContext()) if f.severity == "error"]


def test_a_figure_of_the_prose_two_checks_find_wrong_is_one_error():
    # ld-cchc2025-bc36-thamdinh.pdf, p. 25: "Điểm số trung bình của cấp xã đạt 10,564/15 điểm, chỉ
    # số đạt 70,424%" with 70,424 written 74,024: it is not 10,564/15 (70,427%) and not the mean
    # of the table's "Tỷ lệ (%)" column (70,424%) — one written figure, one error naming both.
    paragraph, found = _bc36_errors("70,424%", "74,024%")
    assert [(f.code, f.paragraph, f.reported, f.expected) for f in found] == [
        ("STAT_MISMATCH", paragraph, "74.024", "70.424")]
    assert found[0].message.endswith(
        "Con số này cũng sai theo PERCENT_MISMATCH: 10,564/15 điểm là 70,427%, không phải 74,024% như câu viết "
        "ngay sau")


def test_a_mean_of_points_written_wrong_is_the_slip_and_not_the_percent_computed_from_it():
    # The same sentence with 10,564 written 10,654: it is not the mean of the table's points
    # column (10,564); 70,424% is not 10,654/15 (71,027%) but is the mean of the table's
    # "Tỷ lệ (%)": the percent's error is computed from the wrong points, so it is named in
    # the points' error, not reported on the right figure.
    paragraph, found = _bc36_errors("10,564/15", "10,654/15")
    assert [(f.code, f.paragraph, f.reported, f.expected) for f in found] == [
        ("STAT_MISMATCH", paragraph, "10.654", "10.564")]
    assert found[0].message.endswith(
        f"Số ghi sai này kéo theo: PERCENT_MISMATCH ở đoạn văn {paragraph + 1} (ghi 70,424, tính ra 71,027) — các lỗi "
        "này hết khi sửa số này, nên không báo riêng.")


def test_a_units_points_written_wrong_are_found_where_its_row_and_the_summary_rows_cross():
    # bc36, table of the communes' mean points (x/15) and rates: UBND xã Tân Minh's 13,951
    # written 13,591 breaks its rate (93,004%), the "Điểm cao nhất" row (13,951, now no
    # unit's) and the "Điểm trung bình" row. They cross at its points cell; the figure the
    # "cao nhất" row repeats (13,951) there answers all of them: one finding on that cell.
    from parsers import read_raw
    from reportgen.read import read_report

    from support import REAL, with_cell_replaced

    raw = read_raw(REAL / "ld-cchc2025-bc36-thamdinh.pdf")
    report = read_report(with_cell_replaced(raw, "13,951", "13,591", "UBND xã Tân Minh"))
    found = [f for f in run_checks(report, CheckContext()) if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("RATIO_MISMATCH", "UBND xã Tân Minh", "k2", "13.591", "13.951")]
    assert "kéo theo: " in found[0].message and "SUMMARY_ROW_MISMATCH ở “Điểm cao nhất” (ghi 13,951, tính ra " \
        "13,849)" in found[0].message


def test_a_wrong_total_that_pushes_the_ranks_down_is_one_error(tmp_path):
    # portal-766-2025-10.xlsx, sheet "Điểm tháng": UBND tỉnh Khánh Hòa's total 83,01 written
    # 61,11. Its own sum names it; the six provinces ranked 29–34 after it now look out of
    # order. Those rank errors all sit in the rank column; the lone error of the total column
    # is tried first and answers every one of them: one finding, naming the ranks it pushed.
    from support import REAL

    wb = openpyxl.load_workbook(REAL / "portal-766-2025-10.xlsx")
    ws = wb["Điểm tháng"]
    row = next(r for r in ws.iter_rows() if r[1].value == "UBND tỉnh Khánh Hòa")
    assert row[13].value == "83.01"
    row[13].value = "61.11"
    path = tmp_path / "portal.xlsx"
    wb.save(path)
    found = [f for f in verify_path(path).findings if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("TOTAL_MISMATCH", "UBND tỉnh Khánh Hòa", "total", "61.11", "83.01")]
    assert "kéo theo: RANK_ORDER ở “UBND tỉnh Lai Châu”" in found[0].message
    assert found[0].message.endswith("và 2 lỗi khác — các lỗi này hết khi sửa ô này, nên không báo riêng.")
