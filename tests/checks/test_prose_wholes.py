"""Prose claims held to what the document itself states: a whole split by
kinds ("gồm: 15 sở, ngành và 124 UBND cấp xã"), a share of a total stated in
the sentence before, a change of whole counts, a three-digit year after
"ngày", and counts by grade that overflow their whole. The figures are the
seeds' and Lâm Đồng's own (BC 184/SNV: 139 = 15 + 124; seed 003: 13.597,
12.490, 12.622 hồ sơ; 203 + 31 + 1 of 204 BPMC)."""

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs
from reportgen.read.meta import read_meta


def build(lines):
    paragraphs = [Paragraph(text=t, index=i) for i, t in enumerate(lines)]
    return report_of_paragraphs(paragraphs, (), "t", meta=read_meta(paragraphs))


def checked(lines):
    ctx = CheckContext()
    findings = run_checks(build(lines), ctx)
    return findings, ctx.ledger


def of(findings, code):
    return [(str(f.severity), f.reported, f.expected) for f in findings if f.code == code]


KINDS = "Năm 2025, đã kiểm tra {} cơ quan, đơn vị, gồm: 15 sở, ngành và {} UBND cấp xã."


def test_a_whole_listed_by_kinds_after_gom_is_their_sum():
    findings, ledger = checked([KINDS.format(139, 124)])
    assert of(findings, "SUM_MISMATCH") == []
    assert ledger.totals()["claims"] == (1, 1)
    findings, _ = checked([KINDS.format(139, 125)])
    assert of(findings, "SUM_MISMATCH") == [("error", "139", "140")]


def test_kinds_in_brackets_with_each_its_own_noun():
    line = "Tổng số 139 đơn vị được kiểm tra (15 cơ quan cấp tỉnh, {} đơn vị cấp xã)."
    assert of(checked([line.format(124)])[0], "SUM_MISMATCH") == []
    assert of(checked([line.format(123)])[0], "SUM_MISMATCH") == [("error", "139", "138")]


def test_counts_by_grade_after_trong_do_are_no_kinds_of_the_whole():
    # "trong đó 123 đơn vị xếp loại Xuất sắc, 01 đơn vị xếp loại Tốt": results, read as counts by grade
    line = ("Năm 2025, toàn tỉnh có 124 xã, phường, đặc khu được đánh giá, trong đó 123 đơn vị xếp loại "
            "Xuất sắc, 02 đơn vị xếp loại Tốt.")
    assert of(checked([line])[0], "SUM_MISMATCH") == [("error", "125", "124")]


SHARE = "Tổng số hồ sơ tiếp nhận trong kỳ là 13.597 hồ sơ. Trong đó, số hồ sơ đã giải quyết 12.490 hồ sơ, chiếm {}."


def test_a_share_of_the_one_total_of_the_sentence_before_is_sure():
    findings, ledger = checked([SHARE.format("91,86%")])
    assert of(findings, "PERCENT_MISMATCH") == [] and ledger.totals()["claims"] == (1, 1)
    findings, _ = checked([SHARE.format("91,68%")])
    assert of(findings, "PERCENT_MISMATCH") == [("error", "91.68", "91.86")]


CHANGE = "Trong quý I năm 2023 tiếp nhận 13.597 hồ sơ, tăng {} so với cùng kỳ năm 2022 (12.622 hồ sơ được tiếp nhận)."


def test_a_change_of_two_whole_counts_with_a_long_noun_in_brackets():
    # (13.597 − 12.622) / 12.622 × 100 = 7,7246…%
    findings, ledger = checked([CHANGE.format("7,72%")])
    assert of(findings, "CHANGE_MISMATCH") == [] and ledger.totals()["claims"] == (1, 1)
    assert of(checked([CHANGE.format("7,7%")])[0], "CHANGE_MISMATCH") == []
    # one unit of the last place off: two whole counts give the change exactly
    assert of(checked([CHANGE.format("7,73%")])[0], "CHANGE_MISMATCH") == [("error", "7.73", "7.72")]


def test_a_three_digit_year_after_ngay_is_an_error():
    fs = of(checked(["Số liệu tính từ ngày 15/12/2022 đến hết ngày 14/3/223."])[0], "DATE_INVALID")
    assert fs == [("error", "14/3/223", None)]
    # without the words of a date, three numbers may be something else: a doubt
    assert of(checked(["Kết quả 14/3/223 được ghi nhận."])[0], "DATE_INVALID") == [("warning", "14/3/223", None)]


def test_counts_by_grade_above_their_whole_are_checked_claims():
    lines = ["III. CẤP XÃ", "1. Xếp loại BPMC cấp xã:", "- 203/204 BPMC Hoàn thành xuất sắc nhiệm vụ",
             "- 31/204 BPMC Hoàn thành tốt nhiệm vụ", "- 01/204 BPMC Hoàn thành khá nhiệm vụ"]
    findings, ledger = checked(lines)
    assert of(findings, "SUM_MISMATCH") == [("error", "235", "204")]
    assert ledger.totals()["claims"] == (3, 3)  # held to their whole, and found over it
    ok = [lines[0], lines[1], "- 172/204 BPMC Hoàn thành xuất sắc nhiệm vụ", lines[3], lines[4]]
    assert of(checked(ok)[0], "SUM_MISMATCH") == []


DISJOINT = "Tổng số 139 đơn vị được kiểm tra (trong đó: 15 cơ quan cấp tỉnh, {} đơn vị cấp xã)."


def test_kinds_after_trong_do_are_some_of_the_whole_and_never_more():
    assert of(checked([DISJOINT.format(124)])[0], "SUM_MISMATCH") == []
    assert of(checked([DISJOINT.format(120)])[0], "SUM_MISMATCH") == []  # others may be left out
    findings, ledger = checked([DISJOINT.format(134)])
    assert of(findings, "SUM_MISMATCH") == [("error", "139", "149")]
    assert ledger.totals()["claims"] == (1, 1)


def test_times_of_the_earlier_figure_is_no_difference():
    # "tăng 1,5 lần": 45.000 is 1,5 times 30.000 (offices also write it for the growth: 75.000)
    line = "Số lượt truy cập năm 2024 là {} lượt, tăng {} lần so với năm 2023 (30.000 lượt)."
    assert of(checked([line.format("45.000", "1,5")])[0], "CHANGE_MISMATCH") == []
    assert of(checked([line.format("75.000", "1,5")])[0], "CHANGE_MISMATCH") == []
    assert of(checked([line.format("45.000", "2,5")])[0], "CHANGE_MISMATCH") == [("error", "2.5", "1.50")]


RATIO = "Tổng thu ngân sách đạt 2.345,6 tỷ đồng, bằng {} so với cùng kỳ năm 2023 (2.229,7 tỷ đồng)."


def test_a_percent_of_the_earlier_amount():
    # 2.345,6 / 2.229,7 × 100 = 105,198…%
    findings, ledger = checked([RATIO.format("105,2%")])
    assert of(findings, "CHANGE_MISMATCH") == [] and ledger.totals()["claims"] == (1, 1)
    findings, _ = checked([RATIO.format("115,2%")])
    assert of(findings, "CHANGE_MISMATCH") == [("error", "115.2", "105.20")]
    assert [f.message for f in findings if f.code == "CHANGE_MISMATCH"] == [
        "Văn bản nêu bằng 115,2% nhưng 2.345,6 / 2.229,7 × 100 = 105,20% "
        "(“bằng 115,2% so với cùng kỳ năm 2023 (2.229,7 tỷ đồng)”)"]


def test_a_count_in_brackets_after_its_percent():
    # seed 003's 12.490 of 13.597 hồ sơ, written percent first
    line = "Tổng số hồ sơ tiếp nhận trong kỳ là 13.597 hồ sơ. Số hồ sơ đã giải quyết đạt {} (12.490 hồ sơ)."
    findings, ledger = checked([line.format("91,86%")])
    assert of(findings, "PERCENT_MISMATCH") == [] and ledger.totals()["claims"] == (1, 1)
    assert of(checked([line.format("92,86%")])[0], "PERCENT_MISMATCH") == [("error", "92.86", "91.86")]
    # the words before the percent count something else than the bracket: no share of it
    other = "Toàn tỉnh có 30 xã. Tỷ lệ hồ sơ đúng hạn đạt 100% (26 xã)."
    assert of(checked([other])[0], "PERCENT_MISMATCH") == []


def test_shares_each_with_its_count_in_brackets():
    line = ("Trong kỳ tiếp nhận 13.597 hồ sơ, trong đó hồ sơ trực tuyến chiếm 52,39% (7.123 hồ sơ), hồ sơ trực tiếp "
            "chiếm {} (6.474 hồ sơ).")
    findings, ledger = checked([line.format("47,61%")])
    assert of(findings, "PERCENT_MISMATCH") == [] and ledger.totals()["claims"] == (2, 2)
    assert of(checked([line.format("46,61%")])[0], "PERCENT_MISMATCH") == [("error", "46.61", "47.61")]
