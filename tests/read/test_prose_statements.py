"""Claims read from the prose, with the seeds' own sentences and figures."""
import datetime as dt
from decimal import Decimal as D

import pytest

from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.read.statements import read_statements
from reportgen.read.statements_blocks import blocks_of, heading_of
from reportgen.read.statements_grades import split_units


def paras(*lines: str) -> list[Paragraph]:
    return [Paragraph(text=t, index=i) for i, t in enumerate(lines)]


def kinds(statements, kind):
    return [s for s in statements if s.kind == kind]


def test_grade_count_with_comma_list_seed_000():
    sts = read_statements(paras(
        "1.1. Các cơ quan chuyên môn thuộc UBND tỉnh",
        "- 02 cơ quan xếp loại Khá: Sở Giao thông vận tải, Sở Tài nguyên và Môi trường.",
    ))
    (g,) = kinds(sts, "grade_count")
    assert (g.count, g.grade) == (2, "Khá")
    assert g.units == ["Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường"]
    assert g.scope == "1.1. Các cơ quan chuyên môn thuộc UBND tỉnh"


def test_semicolons_keep_names_that_hold_commas():
    assert split_units("Sở Văn hóa, Thể thao và Du lịch; Sở Xây dựng; Sở Nội vụ.") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng", "Sở Nội vụ"]


def test_comma_split_names_are_joined_back_with_the_table():
    table = ["Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng"]
    assert split_units("Sở Văn hóa, Thể thao và Du lịch, Sở Xây dựng", table) == table


def test_group_prefixes_expand_seed_002():
    assert split_units("UBND các xã: Mường Lói, Na Tông, Thanh Nưa.") == [
        "UBND xã Mường Lói", "UBND xã Na Tông", "UBND xã Thanh Nưa"]
    assert split_units("Các phòng: Lao động - Thương binh và Xã hội, Kinh tế và Hạ tầng.") == [
        "Phòng Lao động - Thương binh và Xã hội", "Phòng Kinh tế và Hạ tầng"]


def test_wrapped_pdf_lines_are_one_claim_seed_002():
    sts = read_statements(paras(
        " - 07 đơn vị xếp loại Tốt: UBND các xã: Mường Nhà, Mường Pồn, Pa ",
        "Thơm, Pom Lót, Sam Mứn, Thanh An, Thanh Yên. ",
        " - 02 đơn vị xếp loại Trung bình: Phòng Nội vụ, Trung tâm Quản lý Đất ",
        "đai huyện. ",
    ))
    tot, tb = kinds(sts, "grade_count")
    assert tot.count == 7 and tot.units[2] == "UBND xã Pa Thơm" and len(tot.units) == 7
    assert tb.grade == "Trung bình" and tb.units == ["Phòng Nội vụ", "Trung tâm Quản lý Đất đai huyện"]


def test_evaluated_counts_seed_000_and_002():
    sts = read_statements(paras("Thực hiện đánh giá đối với 17/19 cơ quan¹. Kết quả:",
                                "Thực hiện chấm điểm đánh giá 21/21 UBND xã, trong đó:"))
    a, b = kinds(sts, "evaluated_count")
    assert (a.count, a.denominator) == (17, D(19))
    assert (b.count, b.denominator) == (21, D(21))


def test_an_evaluated_count_followed_by_its_criteria():
    # hold-out h-new31: the count was a bare fraction, unchecked against the table of 8 units
    sts = read_statements(paras("1. Đã thực hiện đánh giá đối với 08/08 đơn vị theo 09 chỉ số quy định tại Điều 13 "
                                "Thông tư số 01/2018/TT-VPCP, mỗi chỉ số tối đa 02 điểm."))
    (a,) = kinds(sts, "evaluated_count")
    assert (a.count, a.denominator, a.noun) == (8, D(8), "đơn vị")


def test_one_stop_grades_with_denominators_seed_003():
    sts = read_statements(paras("III. CẤP XÃ", "1. Xếp loại BPMC cấp xã:",
                                "- 203/204 BPMC Hoàn thành xuất sắc nhiệm vụ",
                                "- 31/204 BPMC Hoàn thành tốt nhiệm vụ",
                                "- 01/204 BPMC Hoàn thành khá nhiệm vụ"))
    got = [(g.count, g.denominator, g.grade) for g in kinds(sts, "grade_count")]
    assert got == [(203, D(204), "Xuất sắc"), (31, D(204), "Tốt"), (1, D(204), "Khá")]
    assert kinds(sts, "grade_count")[0].scope == "III. CẤP XÃ › 1. Xếp loại BPMC cấp xã:"


SEED_003_DOSSIERS = (
    "- Tổng số hồ sơ tiếp nhận và giải quyết trong kỳ báo cáo: 13.597 hồ sơ (Kỳ trước chuyển sang: 975 hồ sơ, "
    "trong kỳ tiếp nhận 12.622 hồ sơ). Số hồ sơ đã giải quyết 12.490 hồ sơ, chiếm 91.86%. Trong đó, trả trước "
    "hạn 12.370 hồ sơ, chiếm 99.04%; trả đúng hạn: 106 hồ sơ, chiếm 0.85%; trả quá hạn: 14 hồ sơ chiếm 0.11%. "
    "Hồ sơ đang giải quyết (trong hạn) 833 hồ sơ, chiếm 6.13%. Số hồ sơ tạm dừng, bổ sung hồ sơ: 37 hồ sơ, "
    "chiếm 0.3%. Số hồ sơ huỷ và công dân rút: 217 hồ sơ, chiếm 1.72%."
)


def test_whole_with_parts_and_breakdown_seed_003():
    sts = read_statements(paras(SEED_003_DOSSIERS))
    sums = [(s.whole, s.parts, s.mode) for s in kinds(sts, "sum")]
    assert (D(13597), [D(975), D(12622)], "partition") in sums
    assert (D(13597), [D(12490), D(833), D(37), D(217)], "breakdown") in sums
    assert (D(12490), [D(12370), D(106), D(14)], "breakdown") in sums
    shares = {(s.value, s.whole): s.percent for s in kinds(sts, "share")}
    assert shares[(D(217), D(13597))] == D("1.72")
    assert shares[(D(106), D(12490))] == D("0.85")
    assert shares[(D(37), D(13597))] == D("0.3")


def test_dot_decimals_are_marked_seed_003():
    sts = read_statements(paras("- Tỷ lệ hồ sơ trực tuyến/tổng hồ sơ tiếp nhận đạt 52.39%.",
                                "Tổng điểm đánh giá: 16.97. Xếp loại Hoàn thành xuất sắc nhiệm vụ.",
                                "toàn tỉnh đạt 0,1%"))
    marked = [(s.kind, s.written) for s in sts if s.wrong_separator]
    assert marked == [("percent", "52.39%"), ("score", "16.97")]


def test_fractions_scores_ranks_and_not_dates():
    sts = read_statements(paras(
        "được công bố đạt: 54,1/100 điểm, xếp hạng 28/63 tỉnh, thành phố; Nghị định 42/2022/NĐ-CP "
        "ngày 24/6/2022; tháng 5/2024; 203/204 BPMC"))
    got = [(s.kind, s.text) for s in sts if s.kind in ("fraction", "score", "rank")]
    assert got == [("score", "54,1/100"), ("rank", "28/63"), ("fraction", "203/204")]


@pytest.mark.parametrize("sentence,role", [
    ("vị trí 17/63 (tính đến 30/4/2025) lên vị trí 11/63", "as_of"),
    ("Báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 11/6/2024 để tổng hợp", "deadline"),
    ("Công văn số 1162/UBND-KSTTHC ngày 29/3/2024", "cited"),
    ("(Ngày xuất dữ liệu 31/5/2024)", "plain"),
    ("Thời điểm lấy số liệu: ngày 30/6/2025.", "as_of"),
    ("Ngày chốt số liệu: 30/6/2025.", "as_of"),
])
def test_date_roles_seed_001(sentence, role):
    (d,) = kinds(read_statements(paras(sentence)), "date")
    assert d.role == role


def test_full_form_dates():
    (d,) = kinds(read_statements(paras("Sơn La, ngày 22 tháng 03 năm 2023")), "date")
    assert d.date == dt.date(2023, 3, 22)


@pytest.mark.parametrize("text,expected", [
    ("VI. ĐÁNH GIÁ CHUNG", ("VI", 1, (6,))),
    ("1. Kết quả đánh giá, xếp loại", ("1", 2, (1,))),
    ("1.1. Các cơ quan chuyên môn thuộc UBND tỉnh", ("1.1", 3, (1, 1))),
    ("2.3 Khó khăn, vướng mắc", ("2.3", 3, (2, 3))),
    ("1) Rà soát", ("1", 12, (1,))),
    ("13.597 hồ sơ", None),
    ("2024 là năm", None),
    ("I CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN", ("I", 1, (1,))),
    ("Iran", None),
])
def test_heading_numbers_and_levels(text, expected):
    got = heading_of(text)
    assert (got[:3] if got else None) == expected


def test_sections_are_read_only_in_the_body_and_appendix_titles_give_periods():
    sts = read_statements(paras("1. Kết quả", "2. Đánh giá chung", "Nơi nhận:", "- Lưu: VT.",
                                "Phụ lục II", "KẾT QUẢ ĐÁNH GIÁ CỦA UBND CÁC HUYỆN THÁNG 11 NĂM 2024",
                                "(Kèm theo Báo cáo số /BC-VPUB ngày tháng 01 năm 2025 của Văn phòng UBND tỉnh)",
                                "1. UBND thị xã Mường Lay"))
    assert [s.label for s in kinds(sts, "section")] == ["1", "2"]
    (p,) = kinds(sts, "period")
    assert p.label == "Phụ lục II" and p.period == "2024-11"


def test_lines_of_a_heading_are_not_joined_with_the_next_sentence():
    blocks = blocks_of(paras("1.1. Các cơ quan chuyên môn thuộc UBND huyện ",
                             " Thực hiện chấm điểm đánh giá 5/10 cơ quan, đơn vị, trong đó: "))
    assert [b.text for b in blocks] == ["1.1. Các cơ quan chuyên môn thuộc UBND huyện",
                                        "Thực hiện chấm điểm đánh giá 5/10 cơ quan, đơn vị, trong đó:"]


def test_unit_lists_resolve_against_the_report_tables():
    table = ScoreTable(index=0, rows=[ScoreRow(unit="Sở Văn hóa, Thể thao và Du lịch", grade="Tốt"),
                                      ScoreRow(unit="Sở Xây dựng", grade="Tốt")])
    report = Report(source="t", tables=[table])
    (g,) = kinds(read_statements(paras("- 02 cơ quan xếp loại Tốt: Sở Văn hóa, Thể thao và Du lịch, Sở Xây dựng."),
                                 report), "grade_count")
    assert g.units == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng"]


def test_articles_rank_above_numbered_clauses():
    assert heading_of("Điều 9. Kỹ thuật trình bày văn bản")[:3] == ("Điều 9", 0, (9,))
    assert heading_of("Chương II")[:3] == ("Chương II", -2, (2,))
    sts = read_statements(paras("Điều 1. Phạm vi", "1. Một", "2. Hai", "Điều 2. Đối tượng", "1. Một"))
    assert [(s.label, s.level) for s in kinds(sts, "section")] == [
        ("Điều 1", 0), ("1", 2), ("2", 2), ("Điều 2", 0), ("1", 2)]


def test_grades_with_a_unit_noun_holding_a_comma_and_units_in_parentheses():
    sts = read_statements(paras(
        "cấp tỉnh có 07/13 cơ quan, đơn vị xếp loại Xuất sắc, 05/13 cơ quan, đơn vị xếp loại Tốt, "
        "01/13 cơ quan, đơn vị xếp loại Khá (Sở Tài chính); cấp xã có 123/124 địa phương xếp loại Xuất sắc"))
    got = [(g.count, g.denominator, g.grade, g.units) for g in kinds(sts, "grade_count")]
    assert got == [(7, D(13), "Xuất sắc", []), (5, D(13), "Tốt", []), (1, D(13), "Khá", ["Sở Tài chính"]),
                   (123, D(124), "Xuất sắc", [])]


@pytest.mark.parametrize("text,marked", [
    ("Tổng điểm đánh giá: 16.97. Xếp loại Hoàn thành xuất sắc nhiệm vụ.", ["16.97"]),
    ("Chỉ số số hóa đạt 8.5 điểm", ["8.5"]),
    ("theo điểm 1.2 mục II Phụ lục", []),
    ("đạt 2.000 hồ sơ", []),
    ("đạt 54,1/100 điểm", []),
])
def test_scores_written_with_a_dot(text, marked):
    assert [s.written for s in read_statements(paras(text)) if s.wrong_separator] == marked


@pytest.mark.parametrize("text,expected", [
    ("Xếp loại Xuất sắc: 06 cơ quan, gồm: Sở Công Thương, Thanh tra tỉnh.",
     [(6, "Xuất sắc", ["Sở Công Thương", "Thanh tra tỉnh"])]),
    ("- Loại Tốt: 09 đơn vị (Sở Y tế, Sở Tài chính)", [(9, "Tốt", ["Sở Y tế", "Sở Tài chính"])]),
    ("có 06 cơ quan xếp loại Xuất sắc: Sở A, Sở B; 09 cơ quan xếp loại Tốt: Sở C, Sở D và 02 cơ quan "
     "xếp loại Khá: Sở E, Sở F.",
     [(6, "Xuất sắc", ["Sở A", "Sở B"]), (9, "Tốt", ["Sở C", "Sở D"]), (2, "Khá", ["Sở E", "Sở F"])]),
    ("01/13 cơ quan, đơn vị xếp loại Khá (chi tiết tại Phụ lục)", [(1, "Khá", [])]),
])
def test_grade_claims_in_other_word_orders(text, expected):
    got = [(s.count, s.grade, s.units) for s in read_statements(paras(text)) if s.kind == "grade_count"]
    assert got == expected


def test_a_fraction_with_its_percent_is_a_share_of_the_denominator():
    (sh,) = kinds(read_statements(paras("có 06/17 cơ quan xếp loại Xuất sắc (chiếm 35,29%).")), "share")
    assert (sh.value, sh.whole, sh.percent) == (D(6), D(17), D("35.29"))


def test_a_comparison_in_parentheses_is_not_a_sum():
    sts = read_statements(paras("Tiếp nhận 13.597 hồ sơ (tăng 975 hồ sơ so với kỳ trước, giảm 12 hồ sơ so với cùng kỳ)."))
    assert kinds(sts, "sum") == []


def test_unit_names_listed_one_per_line_after_the_count():
    sts = read_statements(paras("- 02 cơ quan xếp loại Khá, gồm:", "+ Sở Giao thông vận tải;",
                                "+ Sở Tài nguyên và Môi trường.", "- 09 cơ quan xếp loại Tốt."))
    assert [(g.count, g.grade, g.units) for g in kinds(sts, "grade_count")] == [
        (2, "Khá", ["Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường"]), (9, "Tốt", [])]


def test_an_appendix_caption_before_the_signoff_leaves_the_prose_after_it_in_the_body():
    # "Phụ lục: Bảng điểm chi tiết" names the table below it; the prose after it, before "Nơi nhận",
    # is still the body's, and its claims are read as such (not as an appendix's notes)
    lines = ("1. Kết quả chung", "Có 11 sở, ban, ngành được đánh giá.", "Phụ lục: Bảng điểm chi tiết",
             "Điểm bình quân của các sở, ban, ngành là 71,43 điểm. Có 2 đơn vị xếp loại Tốt, 9 đơn vị xếp loại Khá.",
             "Nơi nhận:", "- Như trên;", "Phụ lục I", "Ghi chú: 12 đơn vị")
    sts = read_statements(paras(*lines))
    assert [(g.count, g.grade) for g in kinds(sts, "grade_count")] == [(2, "Tốt"), (9, "Khá")]
    assert kinds(sts, "score") and kinds(sts, "score")[0].value == D("71.43")


def test_a_list_of_grade_counts_says_xep_loai_once():
    sts = read_statements(paras("Kết quả: có 1 đơn vị xếp loại Xuất sắc, 1 đơn vị Tốt, 6 đơn vị Khá và 2 đơn vị "
                                "Trung bình; 3 xã đạt 100%."))
    assert [(g.count, g.grade) for g in kinds(sts, "grade_count")] == [(1, "Xuất sắc"), (1, "Tốt"), (6, "Khá"),
                                                                     (2, "Trung bình")]


def test_a_list_of_received_dossiers_ends_where_their_handling_begins():
    def sums(text):
        return [(s.whole, s.parts) for s in kinds(read_statements(paras(text)), "sum")]
    assert sums("Trung tâm tiếp nhận 502 hồ sơ, trong đó trực tuyến 378 hồ sơ (chiếm 75,30%); đã giải quyết 487 hồ "
                "sơ; đang giải quyết 15 hồ sơ.") == []
    assert sums("Số hồ sơ phải giải quyết 3.034 hồ sơ, trong đó kỳ trước chuyển sang 43, tiếp nhận trong kỳ 2.981 "
                "hồ sơ.") == [(D(3034), [D(43), D(2981)])]


def test_a_formulas_hundred_percent_is_no_figure():
    sts = read_statements(paras("Tỷ lệ hài lòng = (Số phiếu rất hài lòng + Số phiếu hài lòng) / Tổng số phiếu hợp lệ "
                                "x 100%. Tỷ lệ hài lòng chung đạt 88,4%."))
    assert [s.text for s in kinds(sts, "percent")] == ["88,4%"]


def test_a_share_whose_whole_is_named_after_it_is_paired_with_that_count_said_earlier():
    sts = read_statements(paras("1. Tiếp nhận, giải quyết hồ sơ", "Đã giải quyết 96.905 hồ sơ, trong đó trước hạn và "
                                "đúng hạn 95.301 hồ sơ.", "2. Thanh toán trực tuyến, số hóa hồ sơ",
                                "Số hồ sơ thanh toán trực tuyến là 16.883/36.553 hồ sơ có phát sinh phí, lệ phí, đạt tỷ "
                                "lệ 46,2%. Số hồ sơ được số hóa kết quả giải quyết là 80.110 hồ sơ, đạt 82,7% trên tổng "
                                "số hồ sơ đã giải quyết."))
    assert (D(80110), D(96905), D("82.7")) in [(s.value, s.whole, s.percent) for s in kinds(sts, "share")]


def test_a_scale_in_the_sentence_before_makes_no_rule_of_the_next_figure():
    sts = read_statements(paras("Điểm bình quân của 9 cơ quan đạt 84,2 điểm (thang điểm 100). Sở Nội vụ dẫn đầu với "
                                "94,2 điểm."))
    assert [(s.stat, s.value, s.claim) for s in kinds(sts, "score")] == [("avg", D("84.2"), True),
                                                                       ("max", D("94.2"), True)]


def test_channels_in_brackets_with_their_counts_alone_are_distinct_parts_of_the_whole():
    # the noun left out after each count; two of the channels (no word of the postal one): some of the
    # whole, but of distinct kinds, so never more than it
    sts = read_statements(paras("Tổng số hồ sơ tiếp nhận: 19.761 hồ sơ (trong đó: trực tuyến 13.728; trực tiếp "
                                "6.033)."))
    assert [(s.whole, s.parts, str(s.mode)) for s in kinds(sts, "sum")] == [(D(19761), [D(13728), D(6033)],
                                                                             "disjoint")]
