"""Relations inferred from the table itself (reportgen.checks.relations*):
numbers read by their column's convention, a QĐ 766 group table, a
self-assessment of hierarchical criteria, grade bands stated in the prose.
Tables are written here as DOCX with python-docx; figures computed by hand."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import docx as python_docx

from reportgen.checks import CheckContext, run_checks
from reportgen.numbers import parse_cell
from reportgen.numbers.columns import COMMA, WHOLE, conventions, role_for
from reportgen.read import read_path
from reportgen.schemes import load_scheme

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

D = Decimal


def _errors(path, scheme=None):
    ctx = CheckContext(scheme_override=load_scheme(scheme) if scheme else None)
    report = read_path(path, scheme=scheme)
    return [(f.code, f.unit, f.reported, f.expected) for f in run_checks(report, ctx) if f.severity == "error"], ctx


def test_a_points_column_with_9_5_and_12_75_reads_13_951_as_a_decimal():
    conv = conventions({2: ["13,951", "9,5", "12,75", "14"]})
    assert conv == {2: COMMA}
    assert parse_cell("13,951", role_for("13,951", conv[2], "auto")).value == D("13.951")
    assert parse_cell("1.234", role_for("1.234", conv[2], "auto")).value == D("1234")
    # A percent has no thousands: its one separator is decimal, whatever the column.
    assert parse_cell("89.079%", role_for("89.079%", COMMA, "percent")).value == D("89.079")
    assert parse_cell("-59", role_for("-59", COMMA, "auto")).value == D("-59")


def test_a_column_of_counts_grouped_both_ways_reads_4_870_as_a_count_with_a_format_slip():
    """A scan read "4.870" (Công an tỉnh's evaluations) as "4,870" beside 1.520, 2.386 …: a column
    of whole numbers only, grouped with both separators, is a column of counts (before, 4,870 was
    4,87 and gave a false RATIO_MISMATCH of 0,10%)."""
    texts = ["1.520", "2.386", "3.104", "1.877", "4.215", "956", "1.310", "4,870"]
    conv = conventions({3: texts})
    assert conv == {3: WHOLE}
    cell = parse_cell("4,870", role_for("4,870", conv[3], "auto"))
    assert (cell.value, cell.wrong_separator) == (D("4870"), True)
    assert parse_cell("1.520", role_for("1.520", conv[3], "auto")).value == D("1520")
    # whole numbers grouped one way only, or a real decimal beside them: as before
    assert conventions({3: texts[:-1]}) == {3: COMMA}
    assert conventions({3: [*texts, "12,5"]}) == {3: COMMA}


def _group766(tmp_path: Path, points_of_third: str) -> Path:
    top = ["STT", "Đơn vị", "Tỷ lệ TTHC công bố đúng hạn", "Tỷ lệ TTHC công bố đúng hạn",
           "Tỷ lệ hồ sơ số hóa", "Tỷ lệ hồ sơ số hóa", "Tổng điểm nhóm (Tối đa 12 điểm)"]
    low = ["STT", "Đơn vị", "Tỷ lệ (%)", "Điểm đạt (Tối đa 6 điểm)", "Tỷ lệ (%)", "Điểm đạt (Tối đa 6 điểm)",
           top[-1]]
    # Indicator 1 linear (rate × 6 / 100); indicator 2 full points from 80 % (rate × 6 / 80 below).
    rows = [["1", "Sở Tư pháp", "71,96", "4,32", "85,00", "6,00", "10,32"],
            ["2", "Sở Nội vụ", "50,00", "3,00", "40,00", "3,00", "6,00"],
            ["3", "Sở Y tế", "90,00", "5,40", "60,00", points_of_third, "9,90"],
            ["4", "Sở Tài chính", "100,00", "6,00", "79,00", "5,93", "11,93"]]
    path = tmp_path / f"g766_{points_of_third}.docx"
    write_docx(Doc(name="g", kind="group766", tables=[Table([top, low], rows, "NHÓM CÔNG KHAI")]), path)
    return path


def test_a_766_group_table_checks_points_from_rates_with_the_threshold_that_fits(tmp_path):
    errors, ctx = _errors(_group766(tmp_path, "4,50"))
    assert errors == []
    assert {"points-from-rate", "total-equals-sum-of-columns"} <= ctx.ledger.tables[0].relations
    errors, _ = _errors(_group766(tmp_path, "5,50"))
    # the points 4,50 written 5,50 also break the row's total (9,90 written, 10,90 added up):
    # correcting the points alone makes it hold, so the right total is no error apart
    assert errors == [("POINTS_FROM_RATE_MISMATCH", "Sở Y tế", "5.50", "4.50")]


def test_forcing_qd766_on_a_group_table_never_reads_a_rate_as_points(tmp_path):
    errors, _ = _errors(_group766(tmp_path, "4,50"), scheme="qd766-2022")
    assert [e for e in errors if e[0] in ("SCORE_EXCEEDS_MAX", "VALUE_EXCEEDS_MAX")] == []


def test_self_assessment_criteria_are_summed_by_their_numbering_and_quotes_stay_short(tmp_path):
    evidence = "Báo cáo số 12/BC-UBND kèm danh mục tài liệu kiểm chứng. " * 40
    rows = [["1", "Công tác chỉ đạo", "6,00", "5,50", ""],
            ["1.1", "Ban hành kế hoạch", "2,00", "2,00", evidence],
            ["1.2", "Báo cáo định kỳ", "2,00", "1,50", evidence],
            ["1.3", "Kiểm tra", "2,00", "2,50", evidence],
            ["2", "Cải cách thể chế", "4,00", "3,00", ""],
            ["2.1", "Xây dựng văn bản", "2,00", "1,50", evidence],
            ["2.2", "Rà soát văn bản", "2,00", "1,50", evidence]]
    head = ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]
    path = tmp_path / "tda.docx"
    write_docx(Doc(name="t", kind="self", tables=[Table([head], rows, "TỰ ĐÁNH GIÁ")]), path)
    report = read_path(path)
    findings = run_checks(report, CheckContext())
    errors = [(f.code, f.unit, f.reported, f.expected) for f in findings if f.severity == "error"]
    # 1.3 gives 2,50 of 2,00; the parent 1 (5,50) is not the sum of its items (2 + 1,5 + 2,5 = 6),
    # but it is with 1.3 at its 2,00: the one slip is 1.3, the parent's sum is its consequence.
    assert errors == [("VALUE_EXCEEDS_MAX", "Kiểm tra", "2.50", "2.00")]
    [slip] = [f for f in findings if f.severity == "error"]
    assert "kéo theo: PARENT_SUM_MISMATCH ở “Công tác chỉ đạo” (ghi 5,50, tính ra 6,00)" in slip.message
    assert all(len(f.message) < 400 for f in findings)


def test_grade_bands_stated_in_the_prose_rule_the_grades(tmp_path):
    doc = python_docx.Document()
    doc.add_paragraph("Xếp loại: TỐT từ 80% trở lên; KHÁ từ 65% đến dưới 80%; TRUNG BÌNH từ 50% đến dưới 65%.")
    rows = [("Thứ hạng", "Đơn vị", "Điểm tối đa", "Điểm đạt", "Chỉ số", "Xếp loại"),
            ("1", "Sở A", "89,00", "82,78", "93,01%", "TỐT"), ("2", "Sở B", "87,00", "78,95", "90,75%", "TỐT"),
            ("3", "Sở C", "89,50", "70,53", "78,80%", "TỐT"), ("4", "Sở D", "87,50", "68,92", "78,77%", "KHÁ"),
            ("5", "Sở E", "80,50", "48,65", "60,43%", "TRUNG BÌNH")]
    table = doc.add_table(rows=len(rows), cols=6)
    for r, line in enumerate(rows):
        for c, text in enumerate(line):
            table.cell(r, c).text = text
    path = tmp_path / "bands.docx"
    doc.save(str(path))
    errors, _ = _errors(path)
    assert errors == [("GRADE_BAND_MISMATCH", "Sở C", "TỐT", "KHÁ")]


def _ranked(tmp_path: Path, rank_of_fourth: str) -> Path:
    """The first rows of Lâm Đồng's 2025 PAR index of departments (Phụ lục I),
    the rank column headed “Hạng” alone and put first, where a numbering goes."""
    head = ["Hạng", "Tên đơn vị", "Điểm chuẩn tối đa", "Điểm đạt được", "Chỉ số chung (%)", "Xếp loại"]
    rows = [["1", "Sở Tư pháp", "89,00", "82,78", "93,01%", "TỐT"],
            ["2", "Sở Nội vụ", "87,00", "78,95", "90,75%", "TỐT"],
            ["3", "Sở Khoa học và Công nghệ", "87,00", "78,83", "90,60%", "TỐT"],
            [rank_of_fourth, "Sở Xây dựng", "87,50", "78,47", "89,68%", "TỐT"],
            ["5", "Ban Quản lý các khu công nghiệp", "85,00", "73,47", "86,43%", "TỐT"],
            ["6", "Văn phòng UBND tỉnh", "97,00", "83,39", "85,97%", "TỐT"]]
    path = tmp_path / f"ranked_{rank_of_fourth}.docx"
    write_docx(Doc(name="r", kind="ranking", tables=[Table([head], rows, "KẾT QUẢ CHỈ SỐ CCHC NĂM 2025")]), path)
    return path


def test_a_rank_column_headed_hang_put_first_is_a_rank_counted_and_checked(tmp_path):
    errors, ctx = _errors(_ranked(tmp_path, "4"))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert "rank-follows-column" in entry.relations
    ranks = {c for c in entry.numeric_cells if c[1] == "k0"}
    assert ranks == {(i, "k0") for i in range(6)} and ranks <= entry.checked_cells
    errors, _ = _errors(_ranked(tmp_path, "7"))
    assert errors == [("RANK_MISMATCH", "Sở Xây dựng", "7", "4")]


def _dossiers(tmp_path: Path, late_of_second: str) -> Path:
    """Dossiers settled, on time and late, of bc329's statistics (Lâm Đồng 2025:
    195.197 settled by departments of which 193.457 on time, 468.463 by communes of
    which 467.565 …): no header says which column is the total."""
    head = ["STT", "Cấp giải quyết", "Số hồ sơ đã giải quyết", "Đúng hạn", "Quá hạn"]
    rows = [["1", "Các sở, ngành", "195.197", "193.457", "1.740"],
            ["2", "UBND cấp xã", "468.463", "467.565", late_of_second],
            ["3", "Dịch vụ công trực tuyến toàn trình", "462.814", "419.218", "43.596"],
            ["4", "Dịch vụ công trực tuyến một phần", "242.046", "210.550", "31.496"]]
    path = tmp_path / f"dossiers_{late_of_second}.docx"
    write_docx(Doc(name="d", kind="components", tables=[Table([head], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ")]), path)
    return path


def test_a_total_column_no_header_names_is_found_from_exact_sums(tmp_path):
    errors, ctx = _errors(_dossiers(tmp_path, "898"))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert "total-equals-sum-of-columns" in entry.relations
    assert entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 12
    # 898 late written 988: the total (468.553) or either part may be the slip, but 988 is 898 with two
    # neighbouring digits swapped, a slip of the keys no other correction is: the error is at the late count.
    errors, _ = _errors(_dossiers(tmp_path, "988"))
    assert errors == [("SUM_COLUMNS_MISMATCH", "UBND cấp xã", "988", "898")]


def test_columns_that_add_up_on_two_rows_only_are_not_a_sum(tmp_path):
    """Two exact rows of four are chance, not a relation: nothing adopted, no error."""
    path = _dossiers(tmp_path, "898")
    doc = python_docx.Document(str(path))
    cells = doc.tables[0].rows
    cells[3].cells[4].text, cells[4].cells[4].text = "40.000", "30.000"
    doc.save(str(path))
    errors, ctx = _errors(path)
    assert errors == [] and "total-equals-sum-of-columns" not in ctx.ledger.tables[0].relations


def _settled(tmp_path: Path, slip: tuple[int, int, str] | None = None) -> Path:
    """A quarter's dossiers by field: the total is what came in (carried over +
    received) and also where it went (settled early, on time, late + pending
    on time, late). The second sum is five columns away from the total."""
    top = ["TT", "Lĩnh vực", "Tổng số hồ sơ", "Tổng số hồ sơ", "Tổng số hồ sơ", "Đã giải quyết", "Đã giải quyết",
           "Đã giải quyết", "Đang giải quyết", "Đang giải quyết"]
    low = ["TT", "Lĩnh vực", "Tổng", "Kỳ trước chuyển qua", "Mới tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn",
           "Trong hạn", "Quá hạn"]
    rows = [["1", "Đất đai", "1.487", "112", "1.375", "820", "402", "61", "190", "14"],
            ["2", "Tư pháp - Hộ tịch", "972", "8", "964", "901", "58", "0", "13", "0"],
            ["3", "Lao động - TB&XH", "302", "15", "287", "240", "44", "3", "15", "0"],
            ["4", "Xây dựng", "219", "21", "198", "120", "61", "9", "26", "3"],
            ["5", "Kinh doanh", "516", "4", "512", "470", "39", "0", "7", "0"],
            ["", "Tổng cộng", "3.496", "160", "3.336", "2.551", "604", "73", "251", "17"]]
    if slip:
        rows[slip[0]][slip[1]] = slip[2]
    path = tmp_path / f"settled_{slip}.docx"
    write_docx(Doc(name="s", kind="components", tables=[Table([top, low], rows, "KẾT QUẢ GIẢI QUYẾT TTHC")]), path)
    return path


def test_a_total_that_balances_two_groups_of_columns_checks_both(tmp_path):
    errors, ctx = _errors(_settled(tmp_path))
    assert errors == []
    assert ctx.ledger.tables[0].checked_cells == ctx.ledger.tables[0].numeric_cells
    # 382 on time instead of 402: what came in still adds up, where it went does not, and the
    # column of files on time no longer adds up to the "Tổng cộng" row's 604. Both broken sums
    # cross at Đất đai's on-time cell, which no sum names: with 402 there (382 + the gap of
    # 20 both sums show) everything holds, so the one finding is moved onto that cell.
    report = read_path(_settled(tmp_path, (0, 6, "382")))
    found = [f for f in run_checks(report, CheckContext()) if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in found] == [
        ("SUM_COLUMNS_MISMATCH", "Đất đai", "k6", "382", "402")]
    assert found[0].message.endswith(
        "Chỉ một ô sai giải thích được mọi lỗi: cột “Đã giải quyết Đúng hạn” ghi 382; nếu là 402 thì mọi quan hệ "
        "đều khớp. Số ghi sai này kéo theo: SUM_ROW_MISMATCH ở “Tổng cộng” (ghi 604, tính ra 584) — các lỗi này "
        "hết khi sửa ô này, nên không báo riêng.")


def test_the_total_rows_own_slip_is_its_finding_and_not_an_offices(tmp_path):
    # The "Tổng cộng" row's on-time 604 written 584: its column's sum and its own row's sum
    # break. Setting it to 584 + 20 answers both; setting Đất đai's 402 to 382 would make the
    # column add up but break that office's row, so only the total row's cell is the slip.
    errors, _ = _errors(_settled(tmp_path, (5, 6, "584")))
    assert errors == [("SUM_ROW_MISMATCH", "Tổng cộng", "584", "604")]


def test_a_total_both_of_its_sums_contradict_is_one_finding_naming_both(tmp_path):
    report = read_path(_settled(tmp_path, (2, 2, "312")))
    found = [f for f in run_checks(report, CheckContext()) if f.code == "SUM_COLUMNS_MISMATCH"]
    assert [(f.unit, f.reported, f.expected) for f in found] == [("Lao động - TB&XH", "312", "302")]
    assert "15 + 287 = 302 và" in found[0].message and "240 + 44 + 3 + 15 + 0 = 302" in found[0].message
