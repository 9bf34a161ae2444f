"""Table rules, each with a failing and a passing row built from the seeds'
own figures (seed 002: Điện Biên 2023 district report; seed 000: Điện Biên
2024 provincial report; seeds 001 and 004: QĐ 766 group scores)."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.checks import CheckContext, tables, tables_generic, tables_summary
from reportgen.model import Column, Report, ScoreRow, ScoreTable
from reportgen.numbers import parse_cell
from reportgen.schemes import load_scheme

DB23 = load_scheme("dienbien-2023")
DB24 = load_scheme("dienbien-2024")


def score_row(scheme, unit, cells, total, percent, grade, section=None, no=None):
    """A row as the reader gives it, from the cells as the seed writes them."""
    scores, raw = {}, {}
    for ind, text in zip(scheme.indicators, cells.split()):
        scores[ind.key] = parse_cell(text).value
        raw[ind.key] = text
    tot = parse_cell(total)
    raw["total"] = total
    return ScoreRow(unit=unit, scores=scores, total=tot.value, max=tot.denominator,
                    percent=parse_cell(percent, "percent").value, grade=scheme.canonical_grade(grade),
                    raw=raw, section=section, no=no, page=5)


def report_of(scheme, *rows, title="Phụ lục", kind="scores"):
    table = ScoreTable(index=0, title=title, scheme=scheme.name, kind=kind, rows=list(rows))
    return Report(source="t.txt", tables=[table])


def run(rule, report, **ctx):
    return list(rule(report, CheckContext(**ctx)))


# seed 002, section I
QLDD = ("Trung tâm QLĐĐ", "- 4,81 - 23,45 5,16 5,60 1,26 5,33 5 5 3,33", "58,69/85", "69,34", "Trung bình")
TU_PHAP = ("Phòng Tư pháp", "- 4,81 - 28,24 8.32 7,18 0,25 8,32 5 5 3,33", "70,45/85", "82,88", "Tốt")
NOI_VU = ("Phòng Nội vụ", "- 4,81 - 13,96 - - 0 4,05 5 5 3,33", "36,15/65", "55,61", "Trung bình")
LDTBXH = ("Phòng Lao động - Thương binh và Xã hội", "- 4,81 - 30 10 - 1,66 10 5 5 3,33", "69,8/75", "93,06",
          "Xuất sắc")
NUA_NGAM = ("UBND xã Núa Ngam", "- 4,81 - 29,71 10 4,81 4,79 11,5 5 5 5", "80,62", "94,85", "XS")
HUA_THANH = ("UBND xã Hua Thanh", "- 4,81 - 30 10 0 0 0,7 5 5 5", "60,51", "71,19", "Khá")
# seed 000, Phụ lục I
THANH_TRA = ("Thanh tra tỉnh", "- 4 2 - 24 - - 6 3,91 0 - - 6 6 6", "57,91/62", "93,4", "Xuất sắc")
CONG_THUONG = ("Sở Công Thương", "4,97 4 2 6 23,94 11,96 9,79 4,24 4 0 - - 6 6 6", "88,9/94", "94,57", "Xuất sắc")


def test_total_mismatch_reports_written_and_computed_total_of_trung_tam_qldd():
    findings = run(tables.total_mismatch, report_of(DB23, score_row(DB23, *QLDD)))
    assert [(f.code, f.severity, f.unit, f.column, f.reported, f.expected) for f in findings] == [
        ("TOTAL_MISMATCH", "error", "Trung tâm QLĐĐ", "total", "58.69", "58.94")]
    assert findings[0].message == "Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94"
    assert findings[0].page == 5 and findings[0].table == 0 and findings[0].row == 0


def test_total_that_equals_the_sum_of_scores_gives_no_finding():
    assert run(tables.total_mismatch, report_of(DB23, score_row(DB23, *TU_PHAP), score_row(DB23, *NUA_NGAM))) == []


def test_total_off_by_rounding_of_the_parts_is_information_only():
    row = score_row(DB23, *HUA_THANH)
    row.total = D("60.53")  # 9 scores, each rounded: up to 0,045 is rounding
    findings = run(tables.total_mismatch, report_of(DB23, row))
    assert [(f.severity, f.expected) for f in findings] == [("info", "60.51")]


def test_max_mismatch_reports_thanh_tra_tinh_62_written_60_applicable():
    findings = run(tables.max_mismatch, report_of(DB24, score_row(DB24, *THANH_TRA)))
    assert [(f.code, f.severity, f.unit, f.column, f.reported, f.expected) for f in findings] == [
        ("MAX_MISMATCH", "error", "Thanh tra tỉnh", "max", "62", "60")]
    assert findings[0].message.startswith("Điểm tối đa ghi 62 nhưng các chỉ số áp dụng cộng được 60")


def test_max_that_leaves_out_the_dashed_indicators_gives_no_finding():
    rows = [score_row(DB24, *CONG_THUONG), score_row(DB23, *NOI_VU)]
    assert run(tables.max_mismatch, report_of(DB24, rows[0])) == []
    assert run(tables.max_mismatch, report_of(DB23, rows[1])) == []


def test_inferred_commune_maximum_is_checked_but_only_warned():
    row = score_row(DB23, *HUA_THANH)
    row.max = D("80")  # not written in the row: the reader inferred it
    findings = run(tables.max_mismatch, report_of(DB23, row))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("warning", "80", "85")]


def test_percent_truncated_within_tolerance_is_a_warning_not_an_error():
    findings = run(tables.percent_mismatch, report_of(DB23, score_row(DB23, *LDTBXH), score_row(DB23, *NOI_VU)))
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in findings] == [
        ("PERCENT_MISMATCH", "warning", "Phòng Lao động - Thương binh và Xã hội", "93.06", "93.07"),
        ("PERCENT_MISMATCH", "warning", "Phòng Nội vụ", "55.61", "55.62")]
    assert "93,0667" in findings[0].message and "cắt bớt" in findings[0].message


def test_percent_following_a_wrong_maximum_is_only_a_warning():
    findings = run(tables.percent_mismatch, report_of(DB24, score_row(DB24, *THANH_TRA)))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("warning", "93.4", "96.52")]


def test_percent_right_for_the_recomputed_total_gives_no_finding():
    # 69,34 = 58,94 / 85: the written total 58,69 is the slip, not the percent.
    assert run(tables.percent_mismatch, report_of(DB23, score_row(DB23, *QLDD))) == []


def test_percent_half_up_and_with_dropped_trailing_zero_gives_no_finding():
    rows = [score_row(DB23, *HUA_THANH), score_row(DB24, *CONG_THUONG)]
    assert run(tables.percent_mismatch, report_of(DB23, rows[0])) == []  # 71,188 → 71,19
    assert run(tables.percent_mismatch, report_of(DB24, score_row(DB24, *THANH_TRA[:2], "57,91/60", "96,52",
                                                                  "Xuất sắc"))) == []


def test_percent_far_from_both_computations_is_an_error():
    row = score_row(DB23, *HUA_THANH[:3], "74,19", "Khá")
    findings = run(tables.percent_mismatch, report_of(DB23, row))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("error", "74.19", "71.19")]
    assert findings[0].message == "Tỷ lệ ghi 74,19% nhưng 60,51/85 × 100 = 71,19%"


def test_grade_disagreeing_with_both_percents_is_an_error():
    row = score_row(DB23, *HUA_THANH[:4], "Tốt")
    findings = run(tables.grade_mismatch, report_of(DB23, row))
    assert [(f.code, f.severity, f.reported, f.expected) for f in findings] == [
        ("GRADE_MISMATCH", "error", "Tốt", "Khá")]


def test_a_grade_against_the_schemes_bands_is_a_doubt_where_the_prose_states_bands_not_read():
    # The document grades on bands of its own, in words the legend reader does not take
    # ("… từ 75% đến dưới 88% được xếp loại Tốt và …"): the scheme's 80 % may not be the document's.
    from reportgen.model import Paragraph
    row = score_row(DB23, *HUA_THANH[:4], "Tốt")
    report = report_of(DB23, row)
    report.paragraphs = [Paragraph(index=0, text="Các đơn vị đạt từ 88% trở lên được xếp loại Xuất sắc và từ 75% "
                                                 "đến dưới 88% được xếp loại Tốt.")]
    [found] = run(tables.grade_mismatch, report)
    assert (found.severity, found.reported, found.expected) == ("warning", "Tốt", "Khá")
    assert "khung xếp loại riêng nhưng chưa đọc được" in found.message


def test_grade_written_as_abbreviation_matching_the_band_gives_no_finding():
    assert run(tables.grade_mismatch, report_of(DB23, score_row(DB23, *NUA_NGAM))) == []
    assert run(tables.grade_mismatch, report_of(DB23, score_row(DB23, *QLDD))) == []


def test_grade_following_only_the_written_percent_is_a_warning():
    # 57,91 / 60 = 96,52 %, but suppose the maximum written were 66: 87,74 % → Tốt.
    row = score_row(DB24, *THANH_TRA[:2], "57,91/66", "87,74", "Tốt")
    findings = run(tables.grade_mismatch, report_of(DB24, row))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("warning", "Tốt", "Xuất sắc")]


def test_score_exceeding_its_column_maximum_is_an_error():
    findings = run(tables.score_exceeds_max, report_of(DB23, score_row(DB23, *NUA_NGAM)))
    assert [(f.code, f.severity, f.unit, f.column, f.reported, f.expected) for f in findings] == [
        ("SCORE_EXCEEDS_MAX", "error", "UBND xã Núa Ngam", "sh2", "11.5", "10")]
    assert findings[0].message == "Điểm Số hóa - Chỉ số 2 ghi 11,5 vượt điểm tối đa 10"


def test_scores_within_their_maxima_give_no_finding():
    assert run(tables.score_exceeds_max, report_of(DB23, score_row(DB23, *HUA_THANH))) == []


def _ranked_000():
    figures = [("Sở Công Thương", "94,57"), ("Thanh tra tỉnh", "93,4"), ("Sở Tư pháp", "91,43"),
               ("Sở Nông nghiệp và PTNT", "90,78"), ("Sở Thông tin và Truyền thông", "90,41"),
               ("Sở Ngoại vụ", "90,37"), ("Sở Văn hóa, Thể thao và Du lịch", "89,89"), ("Sở Xây dựng", "89,63"),
               ("Sở Nội vụ", "88,59"), ("Sở Kế hoạch và Đầu tư", "87,33")]
    return [ScoreRow(unit=u, scores={"c2": D(4)}, percent=parse_cell(p).value) for u, p in figures]


def test_table_in_descending_order_of_percent_gives_no_rank_finding():
    assert run(tables.rank_order, report_of(DB24, *_ranked_000())) == []


def test_row_out_of_order_in_a_ranked_table_is_warned():
    rows = _ranked_000()
    rows[2], rows[3] = rows[3], rows[2]  # 90,78 before 91,43
    findings = run(tables.rank_order, report_of(DB24, *rows))
    assert [(f.code, f.severity, f.unit, f.reported) for f in findings] == [
        ("RANK_ORDER", "warning", "Sở Tư pháp", "91.43")]


def test_table_in_alphabetical_order_is_not_taken_for_a_ranking():
    rows = [score_row(DB23, *r) for r in (HUA_THANH, NUA_NGAM, QLDD, TU_PHAP, NOI_VU, LDTBXH)]
    assert run(tables.rank_order, report_of(DB23, *rows)) == []


def test_five_rows_with_one_rise_are_not_taken_for_a_ranking():
    rows = PL3[:5]  # Đã triển khai 36, 8, 9, 6, 2: 27 orders of 5 in 120 look like this
    assert run(tables_generic.data_rank_order, _data(rows, PL3_LABELS)) == []


def test_explicit_rank_contradicting_the_scores_is_an_error():
    rows = _ranked_000()
    for k, row in enumerate(rows, start=1):
        row.rank = k
    rows[0].rank, rows[1].rank = 2, 1
    findings = run(tables.rank_order, report_of(DB24, *rows))
    assert [(f.severity, f.unit, f.column, f.reported) for f in findings] == [
        ("error", "Sở Công Thương", "rank", "2")]
    assert findings[0].message == "Xếp hạng 2 với 94,57% nhưng Thanh tra tỉnh xếp hạng 1 chỉ có 93,4%"


def test_a_rank_held_to_points_says_points_not_percent():
    """A table of totals without a percent column is ranked by its points."""
    rows = _ranked_000()
    for k, row in enumerate(rows, start=1):
        row.total, row.percent, row.rank = row.percent, None, k
    rows[0].rank, rows[1].rank = 2, 1
    [f] = run(tables.rank_order, report_of(DB24, *rows))
    assert f.message == "Xếp hạng 2 với 94,57 điểm nhưng Thanh tra tỉnh xếp hạng 1 chỉ có 93,4 điểm"


# ---------------------------------------------------------------- summary and data tables

QD766 = load_scheme("qd766-2022")


def _item(no, label, value):
    cell = parse_cell(value) if value else None
    return ScoreRow(unit=label, no=no, total=cell.value if cell else None,
                    max=cell.denominator if cell else None)


def _summary_001(total="78,49/100"):
    rows = [_item("1", "Công khai minh bạch", "11,1/18"), _item("1.1", "Tỷ lệ đồng bộ hồ sơ", ""),
            _item("2", "Tiến độ giải quyết hồ sơ", "17,6/20"), _item("3", "Dịch vụ công trực tuyến", ""),
            _item("3.1", "Dịch vụ công trực tuyến", "7,2/12"), _item("3.2", "Thanh toán trực tuyến", "9,1/10"),
            _item("4", "Mức độ hài lòng", "17,9/18"), _item("5", "Số hóa hồ sơ", "15,7/22"),
            _item(None, "Tổng hợp", total)]
    return report_of(QD766, *rows, kind="summary")


def test_group_sum_78_6_against_78_49_is_within_tolerance_and_only_information():
    findings = run(tables_summary.summary_parts_sum, _summary_001())
    assert [(f.code, f.severity, f.reported, f.expected) for f in findings] == [
        ("TOTAL_MISMATCH", "info", "78.49", "78.6")]
    assert findings[0].message == ("Điểm tổng hợp ghi 78,49/100, cộng 6 nhóm chỉ số được 78,6: chênh lệch 0,11 "
                                   "do làm tròn từng phần (trong ngưỡng 0,305)")


def test_group_sum_far_from_the_total_is_an_error():
    findings = run(tables_summary.summary_parts_sum, _summary_001("68,49/100"))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("error", "68.49", "78.6")]


def _summary_004():
    """Phụ lục I of seed 004 read one row per unit: province and national average."""
    cols = [Column(key=g.key, label=g.label, max=g.max) for g in QD766.groups]
    prov = dict(zip([c.key for c in cols], map(D, ("8.8", "15.6", "3.0", "2.5", "16.1", "8.0"))))
    nat = dict(zip([c.key for c in cols], map(D, ("6.4", "17.6", "3.7", "2.7", "16.8", "6.5"))))
    rows = [ScoreRow(unit="Thừa Thiên Huế", scores=prov, total=D("54.1"), max=D(100)),
            ScoreRow(unit="Trung bình cả nước", scores=nat, total=D("53.5"), max=D(100))]
    table = ScoreTable(index=0, title="Phụ lục I", scheme=QD766.name, kind="summary", columns=cols, rows=rows)
    return Report(source="004.txt", tables=[table])


def test_group_sums_of_004_are_within_tolerance_and_never_errors():
    findings = run(tables_summary.summary_parts_sum, _summary_004())
    assert [(f.severity, f.unit, f.reported, f.expected) for f in findings] == [
        ("info", "Thừa Thiên Huế", "54.1", "54.0"), ("info", "Trung bình cả nước", "53.5", "53.7")]


def test_group_score_above_its_maximum_in_a_summary_is_an_error():
    report = _summary_001()
    report.tables[0].rows[0].total = D("19.1")
    findings = run(tables_generic.summary_score_over_max, report)
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in findings] == [
        ("SCORE_EXCEEDS_MAX", "error", "Công khai minh bạch", "19.1", "18")]


PL3 = [("UBND thành phố Huế", "36/37", "106", "1"), ("UBND thị xã Hương Thủy", "8/11", "36", "3"),
       ("UBND huyện Phong Điền", "9/17", "41", "8"), ("UBND thị xã Hương Trà", "6/11", "11", "5"),
       ("UBND huyện Quảng Điền", "2/12", "8", "10"), ("UBND huyện Nam Đông", "1/10", "2", "9"),
       ("UBND huyện Phú Vang", "7/15", "4", "8"), ("UBND huyện A Lưới", "4/19", "21", "15"),
       ("UBND huyện Phú Lộc", "10/18", "43", "8")]


def _data(rows, labels):
    """A data table as the reader lays it out: columns keyed k<n>, numbers in
    ``scores`` (the x of x/y), y in ``extra[key + '_of']``, text in ``raw``."""
    keys = [f"k{n}" for n in range(2, 2 + len(labels))]
    out = []
    for k, (unit, *cells) in enumerate(rows, 1):
        row = ScoreRow(unit=unit, no=str(k))
        for key, text in zip(keys, cells):
            cell = parse_cell(text, "auto")
            row.raw[key], row.scores[key] = text, cell.value
            if cell.denominator is not None:
                row.extra[f"{key}_of"] = cell.denominator
        out.append(row)
    table = ScoreTable(index=0, title="Phụ lục III", kind="data", rows=out, headers=["STT", "Đơn vị", *labels],
                       columns=[Column(key=k, label=label) for k, label in zip(keys, labels)])
    return Report(source="004.txt", tables=[table])


PL3_LABELS = ["Đã triển khai", "Số lượng hồ sơ hoàn thành", "Số đơn vị chưa triển khai"]


def test_not_yet_deployed_equal_to_total_minus_deployed_in_all_rows_gives_no_finding():
    report = _data(PL3, PL3_LABELS)
    assert run(tables_generic.derived_column, report) == []
    assert run(tables_generic.fraction_over_whole, report) == []
    assert run(tables_generic.data_rank_order, report) == []
    assert run(tables_summary.summary_parts_sum, report) == []


def test_one_row_breaking_total_minus_deployed_is_an_error_at_the_remainder():
    # "Đã triển khai 2/12" states the whole (12 units); "chưa triển khai" is what it leaves on
    # the eight other rows (37 − 36 = 1, 11 − 8 = 3 …): 9 where 12 − 2 = 10 is an error.
    rows = list(PL3)
    rows[4] = ("UBND huyện Quảng Điền", "2/12", "8", "9")
    findings = run(tables_generic.derived_column, _data(rows, PL3_LABELS))
    assert [(f.code, f.severity, f.unit, f.column, f.reported, f.expected) for f in findings] == [
        ("SUM_MISMATCH", "error", "UBND huyện Quảng Điền", "k4", "9", "10")]
    assert findings[0].message == ("Cột “Số đơn vị chưa triển khai” ghi 9 nhưng cột “Đã triển khai” ghi 2/12: "
                                   "12 − 2 = 10 (ở các dòng khác, “Số đơn vị chưa triển khai” là phần còn lại "
                                   "của mẫu số)")


def test_a_changed_fraction_is_named_at_its_row():
    rows = list(PL3)
    rows[0] = ("UBND thành phố Huế", "35/37", "106", "1")
    findings = run(tables_generic.derived_column, _data(rows, PL3_LABELS))
    assert [(f.severity, f.unit, f.reported, f.expected) for f in findings] == [
        ("error", "UBND thành phố Huế", "1", "2")]
    assert "“Đã triển khai” ghi 35/37: 37 − 35 = 2" in findings[0].message


def test_a_sum_no_fraction_states_stays_a_warning():
    # Tổng = Trực tuyến + Trực tiếp found from the numbers alone: inferred, not stated.
    rows = [(f"Xã {k}", str(a + b), str(a), str(b)) for k, (a, b) in enumerate(
        [(50, 39), (21, 21), (30, 12), (44, 7), (18, 40)], 1)]
    rows[2] = ("Xã 3", "43", "30", "12")
    findings = run(tables_generic.derived_column, _data(rows, ["Tổng số hồ sơ", "Trực tuyến", "Trực tiếp"]))
    assert [(f.severity, f.unit, f.reported, f.expected) for f in findings] == [("warning", "Xã 3", "43", "42")]


PL2 = [("UBND huyện Nam Đông", "62,84/100"), ("UBND huyện Quảng Điền", "62,75/100"),
       ("UBND thị xã Hương Trà", "59,79/100"), ("UBND huyện Phú Lộc", "56,12/100"),
       ("UBND huyện Phong Điền", "54,53/100"), ("UBND thị xã Hương Thuỷ", "52,03/100"),
       ("UBND huyện A Lưới", "50,73/100"), ("UBND thành phố Huế", "49,7/100"), ("UBND huyện Phú Vang", "43,58/100")]


def test_district_scores_in_descending_order_give_no_rank_finding():
    assert run(tables_generic.data_rank_order, _data(PL2, ["Điểm"])) == []


def test_one_district_out_of_descending_order_is_warned():
    rows = list(PL2)
    rows[5], rows[6] = rows[6], rows[5]
    findings = run(tables_generic.data_rank_order, _data(rows, ["Điểm"]))
    assert [(f.code, f.severity, f.unit, f.reported) for f in findings] == [
        ("RANK_ORDER", "warning", "UBND thị xã Hương Thuỷ", "52.03")]


def test_total_row_disagreeing_with_the_column_sum_is_an_error():
    rows = [(u, n) for u, _, n, _ in PL3] + [("Tổng cộng", "270")]
    findings = run(tables_generic.total_row, _data(rows, ["Số lượng hồ sơ hoàn thành"]))
    assert [(f.code, f.severity, f.reported, f.expected) for f in findings] == [
        ("SUM_MISMATCH", "error", "270", "272")]
    rows[-1] = ("Tổng cộng", "272")
    assert run(tables_generic.total_row, _data(rows, ["Số lượng hồ sơ hoàn thành"])) == []


def test_grade_the_scheme_does_not_know_is_only_warned():
    row = score_row(DB23, *HUA_THANH)
    row.grade = "Hoàn thành nhiệm vụ"
    findings = run(tables.grade_mismatch, report_of(DB23, row))
    assert [(f.severity, f.reported) for f in findings] == [("warning", "Hoàn thành nhiệm vụ")]


def test_row_missing_an_indicator_column_is_not_recomputed():
    row = score_row(DB23, *QLDD)
    del row.scores["td"]  # the reader could not bind the Tiến độ column
    report = report_of(DB23, row)
    for check in (tables.total_mismatch, tables.max_mismatch, tables.percent_mismatch, tables.grade_mismatch):
        assert run(check, report) == []


def test_group_scores_with_two_decimals_cannot_hide_a_tenth():
    # The portal publishes 15,64 … with 2 decimals: six parts may be off by
    # 0,03 together, not by 0,3 as with 1-decimal parts.
    report = _summary_004()
    row = report.tables[0].rows[0]
    row.scores = dict(zip(row.scores, map(D, ("15.64", "19.05", "8.36", "9.53", "17.86", "20.79"))))
    row.total = D("91.33")  # the parts add up to 91,23
    findings = run(tables_summary.summary_parts_sum, report)
    assert [(f.severity, f.unit, f.reported, f.expected) for f in findings][0] == (
        "error", "Thừa Thiên Huế", "91.33", "91.23")
    row.total = D("91.25")
    findings = run(tables_summary.summary_parts_sum, report)
    assert [(f.severity, f.reported) for f in findings][0] == ("info", "91.25")


def test_parts_that_are_not_all_of_the_whole_are_not_summed():
    report = _summary_004()
    for row in report.tables[0].rows:
        del row.scores["mdsh"]  # Số hóa hồ sơ not shown: the others add to 78 points
    assert run(tables_summary.summary_parts_sum, report) == []


# A department's 766 sheet (Lâm Đồng 2025, reference/real): the first row's
# maximum 100 is the sum of the others' (18 + 22 + 18 + 22 + 20), so it is their whole.
SO_TAI_CHINH = [("Điểm chất lượng quản trị công", "78,62/100"), ("Điểm công khai minh bạch", "18/18"),
                ("Điểm dịch vụ trực tuyến", "17/22"), ("Điểm mức độ hài lòng", "17,7/18"),
                ("Điểm số hóa hồ sơ", "8,8/22"), ("Điểm tiến độ giải quyết", "17,1/20")]


def test_data_row_whose_maximum_is_the_others_sum_is_checked_as_their_whole():
    findings = run(tables_summary.summary_parts_sum, _data(SO_TAI_CHINH, ["ĐIỂM ĐÁNH GIÁ"]))
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in findings] == [
        ("TOTAL_MISMATCH", "info", "Điểm chất lượng quản trị công", "78.62", "78.6")]


def test_inferred_whole_far_from_its_parts_is_only_a_warning():
    rows = [("Điểm chất lượng quản trị công", "83,62/100"), *SO_TAI_CHINH[1:]]
    findings = run(tables_summary.summary_parts_sum, _data(rows, ["ĐIỂM ĐÁNH GIÁ"]))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("warning", "83.62", "78.6")]


def test_column_loosely_following_a_sorted_column_is_not_a_rank_slip():
    # Seed 000, Phụ lục II read as a plain data table: sorted by the percent;
    # Chỉ số 12 follows it loosely (5,38 after 4,81) and is no ranking of its own.
    pl2 = [("UBND thị xã Mường Lay", "5,34", "91,31"), ("UBND huyện Mường Ảng", "5,22", "90,2"),
           ("UBND huyện Tuần Giáo", "4,81", "88,69"), ("UBND huyện Tủa Chùa", "5,38", "88,27"),
           ("UBND huyện Nậm Pồ", "5,12", "87,31"), ("UBND huyện Điện Biên Đông", "4,91", "85,11"),
           ("UBND huyện Điện Biên", "4,82", "84,4"), ("UBND thành phố Điện Biên Phủ", "4,43", "83,52"),
           ("UBND huyện Mường Nhé", "4,19", "75,31"), ("UBND huyện Mường Chà", "2,63", "74,89")]
    report = _data(pl2, ["Chỉ số 12 (6đ)", "Tỷ lệ điểm đạt được (%)"])
    assert run(tables_generic.data_rank_order, report) == []
    report.tables[0].rows[3].scores["k3"] = D("91.27")  # now no column is in order: Chỉ số 12 looks ranked
    findings = run(tables_generic.data_rank_order, report)
    assert [(f.unit, f.column, f.reported) for f in findings] == [("UBND huyện Tủa Chùa", "Chỉ số 12 (6đ)", "5.38")]


def test_percent_from_the_unrounded_total_is_a_rounding_slip_not_an_error():
    # Found by the property test: exact scores 0 + 0 + 0,1635 make 0,1635 of 30
    # = 0,545 % → 0,55 %; the scores as written (0 + 0 + 0,16) give 0,53 %.
    row = score_row(DB23, "UBND xã Mường Lói", "- - 0 - 0 0,16 - - - - -", "0,16/30", "0,55", "Yếu")
    findings = run(tables.percent_mismatch, report_of(DB23, row))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("info", "0.55", "0.53")]


def test_grade_right_for_the_recomputed_percent_is_information_only():
    row = score_row(DB23, *HUA_THANH[:3], "81,19", "Khá")  # 60,51 / 85 = 71,19 %: Khá is right
    findings = run(tables.grade_mismatch, report_of(DB23, row))
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("info", "Khá", "Khá")]
    assert findings[0].message == "Xếp loại Khá đúng theo điểm tính lại (71,19%), khác với tỷ lệ ghi 81,19%"


def test_grade_against_bands_assumed_for_a_header_scheme_is_only_a_warning():
    from dataclasses import replace

    header_scheme = replace(DB23, name="tu-tieu-de", grades_assumed=True)
    report = report_of(DB23, score_row(DB23, *HUA_THANH[:4], "Tốt"))
    report.tables[0].scheme, report.tables[0].scheme_data = header_scheme.name, header_scheme
    findings = run(tables.grade_mismatch, report)
    assert [(f.severity, f.reported, f.expected) for f in findings] == [("warning", "Tốt", "Khá")]
    assert findings[0].message.endswith("(theo khung xếp loại 90/80/70/50 giả định, bảng không ghi khung xếp loại)")


def test_right_grade_without_a_written_percent_or_total_gives_no_finding():
    row = score_row(DB23, *HUA_THANH)
    row.percent = row.total = None
    assert run(tables.grade_mismatch, report_of(DB23, row)) == []


def test_a_sum_that_holds_only_where_a_part_is_zero_gives_way_to_the_sum_that_holds_everywhere():
    # "Đang giải quyết: Tổng số | Chưa đến hạn | Quá hạn" with few overdue dossiers: "Chưa đến hạn =
    # Tổng số + Quá hạn" holds on every row with none overdue, but "Tổng số = Chưa đến hạn + Quá hạn"
    # holds on every row: the two rows with overdue dossiers are no slips.
    rows = [("Tư pháp", "18", "17", "1"), ("Nhà ở", "0", "0", "0"), ("Hộ tịch", "3", "3", "0"),
            ("Xây dựng", "5", "5", "0"), ("Y tế", "7", "7", "0"), ("Nội vụ", "2", "2", "0"),
            ("Đất đai", "9", "9", "0"), ("Thanh tra", "4", "3", "1"), ("Dân tộc", "6", "6", "0")]
    report = _data(rows, ["Tổng số", "Chưa đến hạn", "Quá hạn"])
    assert run(tables_generic.derived_column, report) == []
    rows[2] = ("Hộ tịch", "4", "3", "0")
    findings = run(tables_generic.derived_column, _data(rows, ["Tổng số", "Chưa đến hạn", "Quá hạn"]))
    assert [(f.severity, f.unit, f.reported, f.expected) for f in findings] == [("warning", "Hộ tịch", "4", "3")]


def test_a_column_near_descending_by_chance_among_many_columns_is_no_ranking():
    # Eleven count columns of nine fields in no order: "Trước hạn" 1.365, 1.150, 432, 203, 172, 1.128,
    # 502, 238, 228 has one rise; 1 in 720 orders of 9 rows has so few, but one of eleven columns
    # comes that near one time in 65. Alone in its table, the same column is a ranking with a slip.
    labels = ["Tổng số", "Kỳ trước", "Trực tuyến", "Trực tiếp", "Đã giải quyết", "Trước hạn", "Đúng hạn",
              "Quá hạn", "Đang giải quyết", "Trong hạn", "Quá hạn"]
    rows = [("Xuất bản", "1.557", "30", "1.230", "297", "1.419", "1.365", "17", "37", "138", "138", "0"),
            ("Ngoại vụ", "1.472", "137", "19", "1.316", "1.439", "1.150", "241", "48", "33", "32", "1"),
            ("Nông nghiệp", "1.063", "117", "62", "884", "910", "432", "435", "43", "153", "136", "17"),
            ("Kế hoạch và Đầu tư", "1.761", "94", "836", "831", "1.525", "203", "1.316", "6", "236", "206", "30"),
            ("Viễn thông", "2.774", "9", "1.323", "1.442", "2.417", "172", "2.245", "0", "357", "343", "14"),
            ("Bổ trợ tư pháp", "1.521", "150", "285", "1.086", "1.391", "1.128", "218", "45", "130", "113", "17"),
            ("Đăng ký kinh doanh", "2.215", "145", "1.341", "729", "1.973", "502", "1.382", "89", "242", "183", "59"),
            ("An toàn thực phẩm", "1.428", "61", "216", "1.151", "1.337", "238", "1.079", "20", "91", "90", "1"),
            ("Môi trường", "2.434", "80", "865", "1.489", "2.257", "228", "1.997", "32", "177", "138", "39")]
    assert run(tables_generic.data_rank_order, _data(rows, labels)) == []
    alone = [(unit, cells[5]) for unit, *cells in rows]
    findings = run(tables_generic.data_rank_order, _data(alone, ["Trước hạn"]))
    assert [(f.severity, f.unit, f.reported) for f in findings] == [("warning", "Bổ trợ tư pháp", "1128")]


def test_a_column_of_mostly_zeros_is_no_ranking():
    # dossiers settled late per department: ties are no rises, and tell no order
    late = ["2", "0", "0", "0", "0", "0", "0", "2", "0", "0", "1", "1", "0", "0", "1", "0", "1", "1", "1"] + ["0"] * 28
    rows = [(f"Sở {k}", v) for k, v in enumerate(late, 1)]
    assert run(tables_generic.data_rank_order, _data(rows, ["Quá hạn"])) == []
