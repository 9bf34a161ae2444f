"""A monthly report on dossiers as another office writes it (the hold-out
corpus of an independent tester): totals with their "trong đó" lists, a
figure of the same period last year in brackets, two rates in one sentence,
a flat header "Đã giải quyết | Trước hạn | Đúng hạn | Quá hạn" whose parts
follow their whole. Clean, nothing is wrong; each slip is named.
"""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

RECEIVED = ("Trong kỳ báo cáo, Trung tâm Phục vụ hành chính công phường tiếp nhận tổng số 423 hồ sơ, trong đó: "
            "kỳ trước chuyển sang 10 hồ sơ; tiếp nhận mới 413 hồ sơ (trực tuyến 199 hồ sơ, chiếm 48,2%; "
            "trực tiếp 214 hồ sơ).")
LAST_YEAR = "So với cùng kỳ năm 2025 (tiếp nhận 414 hồ sơ), số hồ sơ phải giải quyết tăng 2,2%."
SOLVED = ("Đã giải quyết 410 hồ sơ, đạt 96,9%, trong đó: trước hạn 336 hồ sơ; đúng hạn 73 hồ sơ; quá hạn 1 hồ sơ. "
          "Tỷ lệ giải quyết trước hạn và đúng hạn đạt 99,76%, tỷ lệ quá hạn 0,24%.")
PENDING = "Số hồ sơ đang giải quyết 13 hồ sơ, trong đó chưa đến hạn 9 hồ sơ, quá hạn 4 hồ sơ."
HEAD = ["STT", "Lĩnh vực", "Tổng số hồ sơ tiếp nhận", "Kỳ trước chuyển sang", "Đã giải quyết", "Trước hạn",
        "Đúng hạn", "Quá hạn", "Tỷ lệ giải quyết đúng hạn (%)", "Đang giải quyết"]
FIELDS = [["1", "Tư pháp - Hộ tịch", "150", "4", "146", "120", "25", "1", "99,32", "4"],
          ["2", "Đất đai", "120", "3", "114", "90", "24", "0", "100,00", "6"],
          ["3", "Chứng thực", "88", "2", "88", "70", "18", "0", "100,00", "0"],
          ["4", "Xây dựng", "65", "1", "62", "56", "6", "0", "100,00", "3"],
          ["", "Tổng cộng", "423", "10", "410", "336", "73", "1", "99,76", "13"]]


def _check(tmp_path, prose, rows=FIELDS, name="report"):
    path = tmp_path / f"{name}.docx"
    write_docx_tables(path, prose, [("BIỂU TỔNG HỢP TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THÁNG 10 NĂM 2026", HEAD, rows)])
    ctx = CheckContext()
    findings = [f for f in run_checks(read_path(path), ctx) if not f.code.startswith("LAYOUT")]
    return findings, ctx


def _codes(findings, severity="error"):
    return [(f.code, f.reported) for f in findings if f.severity == severity]


def _replaced(prose, old, new):
    return [p.replace(old, new) for p in prose]


PROSE = ["1. Tình hình tiếp nhận hồ sơ", RECEIVED, LAST_YEAR, "2. Kết quả giải quyết", SOLVED, PENDING]


def test_a_clean_report_is_checked_through_with_no_doubt(tmp_path):
    findings, ctx = _check(tmp_path, PROSE)
    assert [(f.severity, f.code) for f in findings if f.severity != "info"] == []
    assert all(entry.relations for entry in ctx.ledger.claims.values())
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells  # the rate column is (Trước hạn + Đúng hạn) / Đã giải quyết


def test_last_years_figure_in_brackets_is_no_figure_of_the_table_but_the_change_holds_it(tmp_path):
    findings, _ = _check(tmp_path, _replaced(PROSE, "tăng 2,2%", "tăng 4,6%"))
    assert _codes(findings) == [("CHANGE_MISMATCH", "4.6")]  # (423 − 414) / 414 = 2,17 %
    assert "(423 − 414) / 414" in findings[0].message


def test_a_total_its_carried_over_and_new_dossiers_do_not_make_is_a_slip(tmp_path):
    findings, _ = _check(tmp_path, _replaced(PROSE, "tổng số 423", "tổng số 433"))
    assert ("SUM_MISMATCH", "433") in _codes(findings)


def test_the_overdue_of_pending_dossiers_is_not_the_overdue_of_solved_ones(tmp_path):
    findings, _ = _check(tmp_path, PROSE)
    assert not [f for f in findings if f.code == "QUANTITY_CONFLICT"]  # "quá hạn 4" of 13 pending; the column: 1


def test_each_of_two_rates_in_one_sentence_is_of_its_own_words(tmp_path):
    findings, _ = _check(tmp_path, PROSE)
    assert not _codes(findings)  # 99,76 % is (336 + 73) / 410, and 0,24 % is 1 / 410, not (336 + 73 + 1) / 410
    findings, _ = _check(tmp_path, _replaced(PROSE, "tỷ lệ quá hạn 0,24%", "tỷ lệ quá hạn 0,42%"))
    assert _codes(findings) == [("SUM_MISMATCH", "100.18")]  # the two rates of one whole make 100 %


def test_a_share_in_brackets_is_of_the_count_the_bracket_explains(tmp_path):
    findings, _ = _check(tmp_path, _replaced(PROSE, "chiếm 48,2%", "chiếm 45,2%"))  # 199 / 413 = 48,18 %
    assert _codes(findings) == [("PERCENT_MISMATCH", "45.2")]
    assert "trên 413" in findings[0].message


def test_a_share_whose_whole_is_said_under_the_previous_heading_is_checked(tmp_path):
    findings, ctx = _check(tmp_path, _replaced(PROSE, "đạt 96,9%", "đạt 69,9%"))  # 410 / 423 = 96,93 %
    assert not _codes(findings)
    unchecked = [f for f in findings if f.code == "CLAIM_UNCHECKED"]
    assert len(unchecked) == 1 and "69,9%" in unchecked[0].message  # not fitting: in doubt, never passed


def test_a_rate_cell_its_header_states_is_held_to_its_parts(tmp_path):
    rows = [list(r) for r in FIELDS]
    rows[0][8] = "98,32"
    findings, _ = _check(tmp_path, PROSE, rows)
    assert [(f.code, f.unit) for f in findings if f.severity == "error"] == [("RATIO_MISMATCH", "Tư pháp - Hộ tịch")]


def test_a_three_part_sum_leaves_no_doubt_of_its_two_part_reading(tmp_path):
    # Đã giải quyết = Trước hạn + Đúng hạn on every row but the one with an overdue dossier, where Quá hạn completes it.
    solved = [(55, 13, 0), (65, 4, 0), (60, 17, 0), (56, 10, 0), (32, 10, 0), (48, 18, 0), (102, 9, 1), (83, 4, 0)]
    rows = [[str(i), f"Lĩnh vực {i}", str(a + b + c), "0", str(a + b + c), str(a), str(b), str(c),
             f"{(a + b) * 100 / (a + b + c):.2f}".replace(".", ","), "0"] for i, (a, b, c) in enumerate(solved, 1)]
    findings, ctx = _check(tmp_path, [], rows)
    assert not [f for f in findings if f.code == "SUM_MISMATCH"]
    assert "total-equals-sum-of-columns" in ctx.ledger.tables[0].relations


def test_a_list_after_in_the_total_of_splits_it_by_channel(tmp_path):
    line = ("Trong tổng số 413 hồ sơ tiếp nhận mới, có 199 hồ sơ trực tuyến (tỷ lệ 48,2%), 212 hồ sơ trực tiếp "
            "và 2 hồ sơ qua bưu chính công ích.")
    findings, _ = _check(tmp_path, PROSE + [line])
    assert not _codes(findings)
    findings, _ = _check(tmp_path, PROSE + [line.replace("199 hồ sơ", "189 hồ sơ")])
    assert _codes(findings) == [("SUM_MISMATCH", "189")]  # its share, 48,2 % of 413, says 199


PROVINCE = ("Chỉ số phục vụ người dân, doanh nghiệp của tỉnh Lâm Đồng tháng 9 năm 2026 đạt 80,11/100 điểm, tăng "
            "3,29 điểm so với tháng 8 (76,82 điểm); xếp thứ 7/34 tỉnh, thành phố.")


def test_a_provinces_score_changes_by_its_stated_difference_and_is_of_the_national_ranking(tmp_path):
    findings, ctx = _check(tmp_path, PROSE + [PROVINCE])
    assert not _codes(findings) and not [f for f in findings if f.code == "CLAIM_UNCHECKED"]
    assert sorted(str(c.external) for c in ctx.ledger.external_claims()) == ["xếp hạng toàn quốc"] * 2
    findings, _ = _check(tmp_path, PROSE + [PROVINCE.replace("tăng 3,29", "tăng 3,79")])
    assert _codes(findings) == [("CHANGE_MISMATCH", "3.79")]  # 80,11 − 76,82 = 3,29


def test_the_dossiers_to_resolve_are_not_the_dossiers_resolved(tmp_path):
    line = "Kỳ trước chuyển sang 10 hồ sơ; tổng số hồ sơ phải giải quyết là 423 hồ sơ."
    findings, ctx = _check(tmp_path, PROSE + [line])
    assert not [f for f in findings if f.code == "QUANTITY_CONFLICT"]  # 423 is no figure of "Đã giải quyết" (410)


def test_a_rate_in_brackets_after_a_listed_count_is_of_the_lists_whole(tmp_path):
    line = ("Số hồ sơ đã xử lý xong là 410 hồ sơ, trong đó trước hạn và đúng hạn 409 hồ sơ, quá hạn 1 hồ sơ "
            "(tỷ lệ hồ sơ trễ hạn 0,24%).")
    findings, ctx = _check(tmp_path, PROSE + [line])
    assert not _codes(findings)  # 1 / 410, not 1 / 423 received
    findings, _ = _check(tmp_path, PROSE + [line.replace("0,24%", "0,42%")])
    assert _codes(findings) == [("PERCENT_MISMATCH", "0.42")]


def test_a_rate_of_counts_one_unit_above_its_rounding_is_a_slip(tmp_path):
    rows = [list(r) for r in FIELDS]
    rows[0][8] = "99,33"  # (120 + 25) / 146 = 99,315… : 99,32 rounded, 99,31 cut; never 99,33
    findings, _ = _check(tmp_path, PROSE, rows)
    assert [(f.code, f.unit) for f in findings if f.severity == "error"] == [("RATIO_MISMATCH", "Tư pháp - Hộ tịch")]
    rows[0][8] = "99,31"  # truncated: no slip
    findings, _ = _check(tmp_path, PROSE, rows)
    assert not [f for f in findings if f.severity == "error"]
