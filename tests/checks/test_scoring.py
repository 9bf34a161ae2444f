"""Scoring recomputes a row from its scores: the seeds' own rows."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.model import ScoreRow
from reportgen.numbers import parse_cell
from reportgen.schemes import load_scheme
from reportgen.scoring import applicable_max, grade_for, percent_of, rank_rows, score_row, total_of, weakest_indicators

DB23, DB24, QD766, TT01 = (load_scheme(n) for n in ("dienbien-2023", "dienbien-2024", "qd766-2022", "tt01-2018"))


def scores(scheme, cells: str):
    return {ind.key: parse_cell(t).value for ind, t in zip(scheme.indicators, cells.split())}


QLDD = scores(DB23, "- 4,81 - 23,45 5,16 5,60 1,26 5,33 5 5 3,33")
NOI_VU = scores(DB23, "- 4,81 - 13,96 - - 0 4,05 5 5 3,33")
LDTBXH = scores(DB23, "- 4,81 - 30 10 - 1,66 10 5 5 3,33")
THANH_TRA = scores(DB24, "- 4 2 - 24 - - 6 3,91 0 - - 6 6 6")
CONG_THUONG = scores(DB24, "4,97 4 2 6 23,94 11,96 9,79 4,24 4 0 - - 6 6 6")


def test_dashed_indicators_leave_the_units_maximum():
    assert [applicable_max(s, DB23) for s in (QLDD, NOI_VU, LDTBXH)] == [D(85), D(65), D(75)]
    assert [applicable_max(s, DB24) for s in (THANH_TRA, CONG_THUONG)] == [D(60), D(94)]


def test_national_index_always_counts_out_of_100():
    assert applicable_max({"ckmb": D("11.1"), "tdgq": None}, QD766) == D(100)


def test_total_adds_the_scores_that_apply():
    assert total_of(QLDD, DB23) == D("58.94")
    assert total_of(THANH_TRA, DB24) == D("57.91")


def test_percent_is_rounded_half_up_to_the_schemes_places():
    assert percent_of(D("60.51"), D(85), DB23) == D("71.19")
    assert percent_of(D("69.8"), D(75), DB23) == D("93.07")
    assert percent_of(D("36.15"), D(65), DB23) == D("55.62")
    assert percent_of(D(5), D(0), DB23) is None


def test_grade_bands_include_their_lower_bound():
    assert [grade_for(D(p), DB24) for p in ("94.57", "90", "89.99", "80", "70", "69.34", "50", "23.31")] == [
        "Xuất sắc", "Xuất sắc", "Tốt", "Tốt", "Khá", "Trung bình", "Trung bình", "Yếu"]


def test_one_stop_scheme_grades_on_points():
    assert TT01.grade_on == "points"
    assert [grade_for(D(p), TT01) for p in ("16.97", "15", "12", "9", "6", "5.9")] == [
        "Xuất sắc", "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]


def test_score_row_of_thanh_tra_tinh():
    r = score_row(THANH_TRA, DB24)
    assert (r.total, r.max, r.percent, r.grade) == (D("57.91"), D(60), D("96.52"), "Xuất sắc")


def test_score_row_of_so_cong_thuong():
    r = score_row(CONG_THUONG, DB24)
    assert (r.total, r.max, r.percent, r.grade) == (D("88.90"), D(94), D("94.57"), "Xuất sắc")


def test_rank_rows_orders_by_percent_and_shares_ties():
    rows = [ScoreRow(unit=u, percent=D(p), total=D(t)) for u, p, t in (
        ("UBND xã Mường Lói", "23.31", "19.81"), ("UBND xã Núa Ngam", "94.85", "80.62"),
        ("UBND xã Na Tông", "23.31", "19.81"), ("UBND xã Hua Thanh", "71.19", "60.51"))]
    ordered = rank_rows(rows)
    assert [(r.unit, r.rank) for r in ordered] == [
        ("UBND xã Núa Ngam", 1), ("UBND xã Hua Thanh", 2), ("UBND xã Mường Lói", 3), ("UBND xã Na Tông", 3)]


def test_weakest_indicators_are_lowest_share_of_their_maximum():
    rows = [ScoreRow(unit="a", scores=QLDD), ScoreRow(unit="b", scores=NOI_VU)]
    weakest = weakest_indicators(rows, DB23, limit=2)
    assert [k for k, _ in weakest] == ["sh1", "sh2"]
    assert weakest[0][1] == D("1.26") / D(10)  # (1,26 + 0) / (5 × 2)
