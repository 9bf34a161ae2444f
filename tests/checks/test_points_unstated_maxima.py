"""Points from rates when the table states no maximum (a unit's list of QĐ
766 indicators, "TỶ LỆ % | ĐIỂM ĐÁNH GIÁ"): each row's points follow from
its rate with some whole maximum and a threshold of 100, 80, 50 or 90 %
(reportgen.checks.relations_points). Figures from the real score sheet of
Sở Tài chính (ld-766-sotaichinh.docx) and the 766 table of BC 184."""
from __future__ import annotations

import sys

from reportgen.verify import verify_path

from support import REAL, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from mutations import Mutation, candidates  # noqa: E402
from mutations_apply import run  # noqa: E402

SOTAICHINH = REAL / "ld-766-sotaichinh.docx"
BC184 = REAL / "ld-chiso-bc184-snv.docx"


def _mutated(unit: str, label: str, old: str, new: str) -> Mutation:
    [m] = [m for m in candidates(SOTAICHINH) if m.unit.startswith(unit) and m.label == label and m.old == old]
    return Mutation(SOTAICHINH, m.table, m.raw_table, m.raw_row, m.col, m.key, m.label, m.unit, old, new, m.kind)


def test_the_indicator_table_of_a_department_is_checked_rate_by_rate_without_a_stated_maximum():
    result = verify_path(SOTAICHINH)
    assert [f for f in result.findings if f.severity == "error"] == []
    entry = result.ledger.tables[1]
    assert "points-from-rate-whole-maximum" in entry.relations
    # 49,83 % → 2,99 (6 points, linear), 53,31 % → 3,2 (6) and 2,67 (4 from 80 %), 85,56 % → 5,7 (6 from
    # 90 %) and the eight rows at 0 % with 0 points are checked (12 rows, 24 cells). A row at full
    # points fits any whole maximum, but table 1 of the document is bound to QĐ 766, whose data names
    # four of them (nghĩa vụ tài chính 100 % → 2, giao dịch thanh toán 100 % → 2, hài lòng PAKN 100 % → 6,
    # PAKN đúng hạn 100 % → 6): their points are checked against the maximum, their rates only bounded
    # (any rate at or above the threshold gives the same points); 0,55 % → 0,01 (tái sử dụng, 2 from
    # 80 %) is checked whole. Two indicators whose maximum DOMAIN.md does not state stay bounded:
    # "phát sinh hồ sơ" 100 % → 4 and "theo hình thức nộp hồ sơ" 53,68 % → 6: their rates stay bounded,
    # their points are checked by the summary's "Điểm dịch vụ trực tuyến 17 / 22" (detail-sums-to-group).
    assert "points-from-rate-scheme-indicator" in entry.relations
    assert (len(entry.checked_cells & entry.numeric_cells), len(entry.numeric_cells)) == (32, 38)
    rows = result.report.tables[1].rows
    bounded = {(rows[r].unit, k) for r, k in entry.numeric_cells - entry.checked_cells}
    assert bounded == {(u, "k4") for u in ("Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
                                           "Tỷ lệ hồ sơ TTHC theo hình thức nộp hồ sơ")} | {
        (u, "k4") for u in ("Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được tích hợp để người dân có thể thanh toán "
                            "trực tuyến trên Cổng Dịch vụ công quốc gia",
                            "Tỷ lệ thủ tục hành chính có giao dịch thanh toán trực tuyến",
                            "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
                            "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn")}


def test_points_that_no_whole_maximum_gives_are_an_error_on_that_row():
    named, errors = run(_mutated("Tỷ lệ hồ sơ thanh toán trực tuyến", "ĐIỂM ĐÁNH GIÁ", "2,99", "3,39"))
    assert named
    [f] = [f for f in errors if f.code == "POINTS_FROM_RATE_MISMATCH"]
    assert (f.unit, f.column, f.reported) == ("Tỷ lệ hồ sơ thanh toán trực tuyến", "k5", "3.39")
    assert "“TỶ LỆ %” ghi 49,83%" in f.message


def test_points_given_for_a_rate_of_0_are_an_error():
    named, errors = run(_mutated("Tỷ lệ cung cấp dịch vụ chứng thực", "ĐIỂM ĐÁNH GIÁ", "0", "1"))
    assert named
    assert [f.code for f in errors] == ["POINTS_FROM_RATE_MISMATCH"]


def test_a_rate_changed_under_its_points_is_named_by_the_rate_column():
    named, errors = run(_mutated("Tỷ lệ hài lòng trong tiếp nhận", "TỶ LỆ %", "85,56", "62,89"))
    assert named
    assert errors[0].code == "POINTS_FROM_RATE_MISMATCH" and "62,89%" in errors[0].message


def test_the_766_table_of_bc184_checks_its_rates_against_their_points():
    result = verify_path(BC184)
    assert [f for f in result.findings if f.severity == "error"] == []
    [entry] = [e for e in result.ledger.tables.values() if "points-from-rate-whole-maximum" in e.relations]
    # The table is read as one row of indicators (a rate is "<indicator> (Tỷ lệ)"). 12 indicators compute
    # their points (71,96 % → 4,32 of 6 … 96 % → 5,76 of 6): their rates are checked. Six at full points
    # are indicators the QĐ 766 data names (đầy đủ 100 % → 2, đồng bộ 100 % → 6, chứng thực 100 % → 2,
    # hồ sơ thanh toán 100 % → 6, PAKN đúng hạn 100 % → 6, hài lòng TTHC 94,38 % → 6 from 90 %): their
    # points are held to that maximum, their rates only bounded by the threshold; two whose maximum is not
    # stated (96,38 % → 2, 74,78 % → 6) stay bounded, and the overall rate (88,72 %) is not a pair.
    assert "points-from-rate-scheme-indicator" in entry.relations
    rates = {c for c in entry.numeric_cells if c[1].endswith("(Tỷ lệ)")}
    assert (len(rates & entry.checked_cells), len(rates)) == (12, 21)


def test_points_at_full_rate_above_the_maximum_the_scheme_gives_that_indicator_are_an_error():
    # 100 % → 2 of the 2 points QĐ 766 gives "TTHC có yêu cầu nghĩa vụ tài chính …"; written 4, it fits
    # a whole maximum of 4, so only the scheme's data shows the slip.
    named, errors = run(_mutated("Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính", "ĐIỂM ĐÁNH GIÁ", "2", "4"))
    assert named
    [f] = [f for f in errors if f.code == "POINTS_FROM_RATE_MISMATCH"]
    assert (f.column, f.reported, f.expected) == ("k5", "4", "2.00")
    assert "tối đa 2 điểm, đủ điểm từ 80%" in f.message and "“TỶ LỆ %” ghi 100%" in f.message
    assert "được 2,00 điểm" in f.message


def test_points_below_the_threshold_the_scheme_gives_that_indicator_are_an_error():
    # 53,31 % of "thực hiện số hóa hồ sơ" (4 points, full from 80 %) is 2,67; 2,13 is 53,31 % of 4
    # read linearly, a whole-maximum fit the scheme's threshold rules out.
    named, errors = run(_mutated("Tỷ lệ thủ tục hành chính thực hiện số hóa", "ĐIỂM ĐÁNH GIÁ", "2,67", "2,13"))
    assert named
    [f] = [f for f in errors if f.code == "POINTS_FROM_RATE_MISMATCH"]
    assert (f.reported, f.expected) == ("2.13", "2.67")
