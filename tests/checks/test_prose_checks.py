"""Each prose rule with a failing and a passing fixture, built from the seeds'
own sentences and figures."""

from decimal import Decimal as D

import pytest

from reportgen.checks import run_checks
from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.read import report_of_paragraphs
from reportgen.read.meta import read_meta


def build(lines, tables=(), **meta) -> Report:
    paragraphs = [Paragraph(text=t, index=i) for i, t in enumerate(lines)]
    read = read_meta(paragraphs)
    for k, v in meta.items():
        setattr(read, k, v)
    return report_of_paragraphs(paragraphs, tables, "t", meta=read)


def found(report, code):
    return [f for f in run_checks(report) if f.code == code]


# Seed 000, Phụ lục II: the districts and their grades.
DISTRICTS = [("UBND thị xã Mường Lay", "Xuất sắc"), ("UBND huyện Mường Ảng", "Xuất sắc"),
             ("UBND huyện Tuần Giáo", "Tốt"), ("UBND huyện Tủa Chùa", "Tốt"), ("UBND huyện Nậm Pồ", "Tốt"),
             ("UBND huyện Điện Biên Đông", "Tốt"), ("UBND huyện Điện Biên", "Tốt"),
             ("UBND thành phố Điện Biên Phủ", "Tốt"), ("UBND huyện Mường Nhé", "Khá"),
             ("UBND huyện Mường Chà", "Khá")]


def district_table():
    rows = [ScoreRow(unit=u, grade=g, no=str(i + 1)) for i, (u, g) in enumerate(DISTRICTS)]
    return ScoreTable(index=1, title="Phụ lục II KẾT QUẢ ĐÁNH GIÁ … CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
                      rows=rows)


SEED_000_PROSE = [
    "1.2. UBND các huyện, thị xã, thành phố",
    "Thực hiện đánh giá đối với 10/10 UBND cấp huyện. Kết quả:",
    "- 02 đơn vị xếp loại Xuất sắc: UBND thị xã Mường Lay, UBND huyện Mường Ảng.",
    "- 06 đơn vị xếp loại Tốt: UBND huyện Tuần Giáo, UBND huyện Tủa Chùa, UBND huyện Nậm Pồ, "
    "UBND huyện Điện Biên Đông, UBND huyện Điện Biên, UBND thành phố Điện Biên Phủ.",
    "- 02 đơn vị xếp loại Khá: UBND huyện Mường Nhé, UBND huyện Mường Chà.",
]


def test_seed_000_counts_and_lists_agree_with_the_table():
    report = build(SEED_000_PROSE, [district_table()])
    codes = {f.code for f in run_checks(report)}
    assert not codes & {"GRADE_COUNT_MISMATCH", "GRADE_LIST_MISMATCH", "SUM_MISMATCH", "FRACTION_MISMATCH"}


def test_grade_count_against_the_table():
    lines = list(SEED_000_PROSE)
    lines[2] = "- 03 đơn vị xếp loại Xuất sắc: UBND thị xã Mường Lay, UBND huyện Mường Ảng, Tuần Giáo."
    report = build(lines, [district_table()])
    fs = found(report, "GRADE_COUNT_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "3", "2")]
    assert fs[0].message.startswith("Văn bản nêu 03 đơn vị xếp loại Xuất sắc nhưng bảng kết quả có 02 đơn vị xếp "
                                    "loại Xuất sắc. Số ghi sai này kéo theo: SUM_MISMATCH ở đoạn văn 2 (ghi 11, tính ra 10)")
    listed = found(report, "GRADE_LIST_MISMATCH")
    assert [(f.unit, f.reported, f.expected) for f in listed] == [("UBND huyện Tuần Giáo", "Xuất sắc", "Tốt")]
    # 3 + 6 + 2 = 11, not the 10 evaluated: closed by 03 → 02, named in that error, not apart
    assert found(report, "SUM_MISMATCH") == []


def test_grade_count_against_its_own_list():
    lines = list(SEED_000_PROSE)
    lines[4] = "- 03 đơn vị xếp loại Khá: UBND huyện Mường Nhé, UBND huyện Mường Chà."
    fs = found(build(lines, [district_table()]), "GRADE_COUNT_MISMATCH")
    assert ("error", "3", "2") in [(f.severity, f.reported, f.expected) for f in fs]
    assert any("liệt kê 2 tên" in f.message for f in fs)


def test_grade_list_missing_and_misplaced_units():
    lines = list(SEED_000_PROSE)
    lines[2] = "- 02 đơn vị xếp loại Xuất sắc: UBND thị xã Mường Lay, UBND huyện Tuần Giáo."
    fs = found(build(lines, [district_table()]), "GRADE_LIST_MISMATCH")
    got = sorted((f.unit, f.severity) for f in fs)
    assert got == [("UBND huyện Mường Ảng", "error"), ("UBND huyện Tuần Giáo", "error")]
    assert any(f.message == "Văn bản nêu UBND huyện Tuần Giáo xếp loại Xuất sắc nhưng bảng kết quả ghi Tốt" for f in fs)


def test_grade_list_unknown_name_is_only_a_warning():
    lines = list(SEED_000_PROSE)
    lines[4] = "- 02 đơn vị xếp loại Khá: UBND huyện Mường Nhé, UBND huyện Mường Chà, UBND huyện Xa Lạ."
    fs = found(build(lines, [district_table()]), "GRADE_LIST_MISMATCH")
    assert [(f.severity, f.unit) for f in fs] == [("warning", "UBND huyện Xa Lạ")]


def test_evaluated_count_against_table_rows():
    lines = list(SEED_000_PROSE)
    lines[1] = "Thực hiện đánh giá đối với 11/11 UBND cấp huyện. Kết quả:"
    fs = found(build(lines, [district_table()]), "EVALUATED_COUNT_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "11", "10")]


SEED_003 = (
    "- Tổng số hồ sơ tiếp nhận và giải quyết trong kỳ báo cáo: 13.597 hồ sơ (Kỳ trước chuyển sang: 975 hồ sơ, "
    "trong kỳ tiếp nhận 12.622 hồ sơ). Số hồ sơ đã giải quyết 12.490 hồ sơ, chiếm 91,86%. Trong đó, trả trước "
    "hạn 12.370 hồ sơ, chiếm 99,04%; trả đúng hạn: 106 hồ sơ, chiếm 0,85%; trả quá hạn: 14 hồ sơ chiếm 0,11%. "
    "Hồ sơ đang giải quyết (trong hạn) 833 hồ sơ, chiếm 6,13%. Số hồ sơ tạm dừng, bổ sung hồ sơ: 37 hồ sơ, "
    "chiếm 0,3%. Số hồ sơ huỷ và công dân rút: 217 hồ sơ, chiếm 1,72%."
)


def test_parts_against_the_whole_seed_003():
    fs = found(build([SEED_003]), "SUM_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "13597", "13577")]
    assert fs[0].message == "Các thành phần 12.490 + 833 + 37 + 217 = 13.577, không bằng tổng 13.597 (lệch 20)"


def test_parts_that_add_up_pass():
    fixed = SEED_003.replace("37 hồ sơ, chiếm 0,3%", "57 hồ sơ, chiếm 0,42%").replace("217 hồ sơ, chiếm 1,72%",
                                                                                    "217 hồ sơ, chiếm 1,60%")
    report = build([fixed])
    assert found(report, "SUM_MISMATCH") == [] and found(report, "PERCENT_MISMATCH") == []


def test_share_against_its_base_seed_003():
    fs = found(build([SEED_003]), "PERCENT_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "1.72", "1.60")]
    assert fs[0].message.startswith("217 trên 13.597 là 1,60%, không phải 1,72%")


def test_one_stop_units_graded_out_of_more_than_the_whole_seed_003():
    lines = ["III. CẤP XÃ", "1. Xếp loại BPMC cấp xã:", "- 203/204 BPMC Hoàn thành xuất sắc nhiệm vụ",
             "- 31/204 BPMC Hoàn thành tốt nhiệm vụ", "- 01/204 BPMC Hoàn thành khá nhiệm vụ"]
    fs = found(build(lines), "SUM_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "235", "204")]
    ok = [lines[0], lines[1], "- 172/204 BPMC Hoàn thành xuất sắc nhiệm vụ", lines[3], lines[4]]
    assert found(build(ok), "SUM_MISMATCH") == []


def test_fraction_over_one():
    assert [f.severity for f in found(build(["Thực hiện chấm điểm đánh giá 21/20 UBND xã."]), "FRACTION_MISMATCH")] \
        == ["error"]
    assert found(build(["Thực hiện đánh giá đối với 17/19 cơ quan."]), "FRACTION_MISMATCH") == []


SEED_001_HEAD = ["Số: /TB-VPUBND", "Bình Phước, ngày tháng 5 năm 2024", "THÔNG BÁO",
                 "Về chỉ số chỉ đạo, điều hành … cung cấp Dịch vụ công tháng 5/2024"]


def test_as_of_date_after_the_notice_seed_001():
    report = build(SEED_001_HEAD + ["vị trí xếp hạng của tỉnh tăng từ vị trí 17/63 (tính đến 30/4/2025) lên vị trí 11/63."])
    fs = found(report, "DATE_INCONSISTENT")
    assert [(f.severity, f.reported) for f in fs] == [("error", "2025-04-30")]
    assert "30/4/2025" in fs[0].message


def test_as_of_date_before_the_notice_and_a_deadline_after_it_pass():
    report = build(SEED_001_HEAD + ["tăng từ vị trí 17/63 (tính đến 30/4/2024) lên vị trí 11/63.",
                                    "Báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 11/6/2024 để tổng hợp."])
    assert found(report, "DATE_INCONSISTENT") == []


def _with_appendix(title, doc_type="BC"):
    report = build(["Số: /BC-VPUB", "Điện Biên, ngày tháng 01 năm 2025", "BÁO CÁO",
                    "Kết quả đánh giá … tỉnh Điện Biên năm 2024"])
    report.meta.doc_type = doc_type
    report.appendix_titles = [(1, title)]
    return report


def test_appendix_of_one_month_in_a_yearly_report_seed_000():
    fs = found(_with_appendix("Phụ lục II KẾT QUẢ … TRÊN ĐỊA BÀN TỈNH THÁNG 11 NĂM 2024"), "PERIOD_MISMATCH")
    assert [(f.severity, f.reported, f.expected, f.table) for f in fs] == [("warning", "2024-11", "2024", 1)]
    assert fs[0].message == "Phụ lục II ghi kỳ tháng 11 năm 2024 nhưng văn bản báo cáo kỳ năm 2024"


def test_appendix_of_another_year_is_an_error_and_the_same_year_passes():
    assert [f.severity for f in found(_with_appendix("Phụ lục I KẾT QUẢ … NĂM 2023"), "PERIOD_MISMATCH")] == ["error"]
    assert found(_with_appendix("Phụ lục I KẾT QUẢ … NĂM 2024"), "PERIOD_MISMATCH") == []


def test_a_cong_van_citing_last_years_results_is_not_a_period_mismatch_seed_004():
    assert found(_with_appendix("Phụ lục I KẾT QUẢ … NĂM 2022", doc_type="CV"), "PERIOD_MISMATCH") == []


def test_repeated_section_number_seed_002():
    lines = ["1. Kết quả đánh giá, xếp loại", "1.1. Các cơ quan chuyên môn thuộc UBND huyện",
             "1.2. UBND các xã thuộc huyện", "2. Đánh giá chung", "2. Tồn tại, hạn chế", "3. Đề xuất, đề nghị"]
    fs = found(build(lines), "SECTION_NUMBERING")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("warning", "2", "3")]
    lines[4] = "3. Tồn tại, hạn chế"
    lines[5] = "4. Đề xuất, đề nghị"
    assert found(build(lines), "SECTION_NUMBERING") == []


def test_roman_typo_reported_once_seed_003():
    lines = ["I. CẤP TỈNH", "1. Đánh giá", "II. CẤP HUYỆN", "1. Xếp loại", "2. Công chức", "III. CẤP XÃ",
             "1. Xếp loại", "VI. ĐÁNH GIÁ CHUNG", "1. Việc đánh giá", "V. KIẾN NGHỊ, ĐỀ XUẤT", "1. Tiếp tục"]
    fs = found(build(lines), "SECTION_NUMBERING")
    assert [(f.reported, f.expected) for f in fs] == [("VI", "IV")]


@pytest.mark.parametrize("written,expected", [
    ("Sơn La, ngày 22 tháng 03 năm 2023", "ngày 22 tháng 3 năm 2023"),
    ("Hà Nội, ngày 5 tháng 1 năm 2020", "ngày 05 tháng 01 năm 2020"),
])
def test_date_format_of_nd30(written, expected):
    fs = found(build([written]), "DATE_FORMAT")
    assert [(f.severity, f.expected) for f in fs] == [("warning", expected)]


@pytest.mark.parametrize("written", ["Hà Nội, ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019",
                                     "Điện Biên, ngày tháng 01 năm 2025"])
def test_date_format_passes(written):
    assert found(build([written]), "DATE_FORMAT") == []


def test_number_format_in_prose_seed_003():
    fs = found(build(["Số hồ sơ đã giải quyết 12.490 hồ sơ, chiếm 91.86%.", "Tổng điểm đánh giá: 16.97."]),
               "NUMBER_FORMAT")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("warning", "91.86%", "91,86%"),
                                                                   ("warning", "16.97", "16,97")]
    assert found(build(["Số hồ sơ đã giải quyết 12.490 hồ sơ, chiếm 91,86%."]), "NUMBER_FORMAT") == []
    fs = found(build(["Tỷ lệ hồ sơ đúng hạn chiếm 97.80%."]), "NUMBER_FORMAT")
    assert [(f.reported, f.expected) for f in fs] == [("97.80%", "97,80%")]


def test_noi_nhan_must_end_with_luu_vt_seed_003():
    fs = found(build(["Nơi nhận:", "- Văn phòng Chính phủ;", "- Lưu: TTPVHCC."]), "NOI_NHAN_FORMAT")
    assert [(f.severity, f.reported) for f in fs] == [("warning", "- Lưu: TTPVHCC.")]
    assert found(build(["Nơi nhận:", "- Như trên;", "- Lưu: VT, KSTT."]), "NOI_NHAN_FORMAT") == []


def test_two_populations_in_one_section_are_checked_apart():
    # Lâm Đồng: departments and communes in one heading, each adding up on its own
    lines = ["3. Kết quả 766",
             "Đối với cấp sở, có 07 đơn vị xếp loại Xuất sắc, 05 đơn vị xếp loại Tốt và 01 đơn vị xếp loại Khá.",
             "cấp tỉnh có 07/13 cơ quan, đơn vị xếp loại Xuất sắc, 05/13 cơ quan, đơn vị xếp loại Tốt, "
             "01/13 cơ quan, đơn vị xếp loại Khá; cấp xã có 123/124 địa phương xếp loại Xuất sắc, 01/124 xếp loại Tốt."]
    assert found(build(lines), "SUM_MISMATCH") == []
    lines[2] = lines[2].replace("05/13", "06/13")
    assert [(f.reported, f.expected) for f in found(build(lines), "SUM_MISMATCH")] == [("14", "13")]


def test_articles_restart_clause_numbers_nd30():
    lines = ["Điều 1. Phạm vi", "1. Một", "2. Hai", "Điều 2. Đối tượng", "1. Một", "Điều 4. Giải thích"]
    fs = found(build(lines), "SECTION_NUMBERING")
    assert [(f.reported, f.expected) for f in fs] == [("Điều 4", "Điều 3")]


def test_categories_far_from_the_total_are_only_a_warning():
    # 14 + 13.500 = 13.514 against 13.597: off by 0,6 %, maybe not a split of the total
    lines = ["Tổng số hồ sơ tiếp nhận 13.597 hồ sơ. Số hồ sơ quá hạn 14 hồ sơ. Số hồ sơ đúng hạn 13.500 hồ sơ."]
    assert [f.severity for f in found(build(lines), "SUM_MISMATCH")] == ["warning"]
    lines = ["Tổng số hồ sơ tiếp nhận 13.597 hồ sơ. Số hồ sơ trực tuyến 7.123 hồ sơ. Số hồ sơ quá hạn 14 hồ sơ."]
    assert found(build(lines), "SUM_MISMATCH") == []  # nowhere near: not parts of the total


def test_share_of_a_fraction():
    assert [(f.reported, f.expected) for f in
            found(build(["có 06/17 cơ quan xếp loại Xuất sắc (chiếm 37,29%)."]), "PERCENT_MISMATCH")] \
        == [("37.29", "35.29")]
    assert found(build(["có 06/17 cơ quan xếp loại Xuất sắc (chiếm 35,29%)."]), "PERCENT_MISMATCH") == []


def test_noi_nhan_without_a_luu_line_is_only_noted():
    fs = found(build(["Nơi nhận:", "- Văn phòng Chính phủ;", "- UBND tỉnh."]), "NOI_NHAN_FORMAT")
    assert [f.severity for f in fs] == ["info"]



HEAD_000 = ["Số: /BC-VPUB", "Điện Biên, ngày tháng 01 năm 2025", "BÁO CÁO", "Kết quả đánh giá … năm 2024"]


def test_appendix_line_matches_its_document_seed_000():
    lines = HEAD_000 + ["Phụ lục II", "(Kèm theo Báo cáo số _____ /BC-VPUB ngày _____ tháng 01 năm 2025 của Văn phòng UBND tỉnh)"]
    fs = [f for f in run_checks(build(lines)) if f.code in ("APPENDIX_REFERENCE", "DATE_INCONSISTENT")]
    assert fs == []


def test_appendix_line_of_another_document():
    lines = HEAD_000 + ["Phụ lục II", "(Kèm theo Kế hoạch số 12/KH-VPUB ngày 05 tháng 12 năm 2024 của Văn phòng UBND tỉnh)"]
    fs = [(f.code, f.reported, f.expected) for f in run_checks(build(lines))
          if f.code in ("APPENDIX_REFERENCE", "DATE_INCONSISTENT")]
    assert fs == [("APPENDIX_REFERENCE", "KH", "BC"), ("APPENDIX_REFERENCE", "12/KH-VPUB", "/BC-VPUB"),
                  ("DATE_INCONSISTENT", "ngày 05 tháng 12 năm 2024", "ngày tháng 01 năm 2025")]


def test_a_reference_to_another_decisions_appendix_is_not_an_appendix_line_seed_004():
    lines = ["Số: 1986/UBND-KSTT", "Thừa Thiên Huế, ngày 08 tháng 3 năm 2023",
             "căn cứ kết quả tại Mục III Phụ lục kèm theo Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ"]
    assert [f for f in run_checks(build(lines)) if f.code == "APPENDIX_REFERENCE"] == []


def test_without_a_date_line_the_period_bounds_as_of_dates():
    lines = ["BÁO CÁO", "Kết quả đánh giá … quý 1 năm 2023", "tính đến 30/4/2025 có 17/63 tỉnh"]
    fs = found(build(lines), "DATE_INCONSISTENT")
    assert [(f.severity, f.reported) for f in fs] == [("warning", "2025-04-30")]
    assert "kỳ báo cáo quý 1 năm 2023" in fs[0].message
    assert found(build(lines[:2] + ["tính đến 14/03/2023 có 17/63 tỉnh"]), "DATE_INCONSISTENT") == []


def test_count_before_duoc_danh_gia_is_the_whole():
    line = ("Năm 2025, toàn tỉnh có 124 xã, phường, đặc khu được đánh giá, trong đó 123 đơn vị xếp loại Xuất sắc, "
            "01 đơn vị xếp loại Tốt.")
    assert found(build([line]), "SUM_MISMATCH") == []
    fs = found(build([line.replace("01 đơn vị", "02 đơn vị")]), "SUM_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "125", "124")]


def test_a_plan_may_look_ahead():
    head = ["Số: 215/KH-SNV", "Lâm Đồng, ngày 10 tháng 02 năm 2026", "KẾ HOẠCH", "Nâng cao Chỉ số cải cách hành chính năm 2026"]
    lines = head + ["Thực hiện từ ngày 01/3/2026 đến ngày 31/12/2026.", "Báo cáo trước ngày 15/12/2026."]
    assert found(build(lines), "DATE_INCONSISTENT") == []
    # a report cannot cover days after its own date: the end of the period its figures
    # cover ("Số liệu từ … đến hết …") is sure, the end of another range a doubt
    report_head = ["Số: 21/BC-SNV", "Lâm Đồng, ngày 10 tháng 02 năm 2026", "BÁO CÁO", "Kết quả năm 2025"]
    fs = found(build(report_head + ["Số liệu từ ngày 01/01/2025 đến hết ngày 31/12/2026."]), "DATE_INCONSISTENT")
    assert [(f.severity, f.reported) for f in fs] == [("error", "2026-12-31")]
    fs = found(build(report_head + ["Các lớp tập huấn được tổ chức từ 01/01/2025 đến 31/12/2026."]), "DATE_INCONSISTENT")
    assert [(f.severity, f.reported) for f in fs] == [("warning", "2026-12-31")]


def test_count_grouped_with_a_comma_in_prose():
    fs = found(build(["Số lượng tài khoản được xác thực: 304,285 tài khoản."]), "NUMBER_FORMAT")
    assert [(f.reported, f.expected) for f in fs] == [("304,285", "304.285")]
    assert found(build(["Tổng thu đạt 26.353,6 tỷ đồng; 1,5 triệu lượt truy cập."]), "NUMBER_FORMAT") == []


def test_a_total_broken_down_in_list_items():
    lines = ["- Tổng số hồ sơ tiếp nhận trong kỳ: 13.597 hồ sơ, trong đó:", "+ Đã giải quyết: 12.490 hồ sơ, chiếm 91,86%;",
             "+ Đang giải quyết: 833 hồ sơ, chiếm 6,13%;", "+ Tạm dừng, bổ sung: 37 hồ sơ, chiếm 0,27%;",
             "+ Hủy, công dân rút: 217 hồ sơ, chiếm 1,72%.", "Tỷ lệ hồ sơ trực tuyến đạt 52,39%."]
    report = build(lines)
    assert [(f.severity, f.reported, f.expected) for f in found(report, "SUM_MISMATCH")] == [("error", "13597", "13577")]
    assert [(f.reported, f.expected) for f in found(report, "PERCENT_MISMATCH")] == [("1.72", "1.60")]
    lines[1] = "+ Đã giải quyết: 12.510 hồ sơ, chiếm 92,01%;"
    assert found(build(lines), "SUM_MISMATCH") == []


# Seed 003's online dossiers, the list after "trong đó" written without a colon.
_ONLINE = ("Số hồ sơ đã giải quyết {whole} hồ sơ, trong đó trả trước hạn 6.711 hồ sơ, chiếm 99,11%; "
           "trả đúng hạn {on_time} hồ sơ, chiếm 0,68%; trả quá hạn 14 hồ sơ, chiếm 0,21%.")


def _sum_and_shares(text):
    fs = [f for f in run_checks(build([text])) if f.code in ("SUM_MISMATCH", "PERCENT_MISMATCH")]
    return [(f.code, f.severity, f.reported, f.expected) for f in fs]


def test_a_list_after_trong_do_without_colon_is_the_whole_when_its_shares_make_100():
    report = build([_ONLINE.format(whole="6.771", on_time="46")])
    sums = [st for st in report.statements if st.kind == "sum"]
    assert [(st.whole, st.parts, st.mode) for st in sums] == [(D(6771), [D(6711), D(46), D(14)], "partition")]
    assert _sum_and_shares(_ONLINE.format(whole="6.771", on_time="46")) == []


def test_one_slipped_part_of_a_list_without_colon_is_one_error():
    assert _sum_and_shares(_ONLINE.format(whole="6.771", on_time="64")) == [("SUM_MISMATCH", "error", "64", "46")]


def test_a_slipped_whole_whose_shares_all_fit_the_parts_is_one_error_on_the_whole():
    assert _sum_and_shares(_ONLINE.format(whole="6.717", on_time="46")) == [
        ("SUM_MISMATCH", "error", "6717", "6771")]


def test_a_list_after_gom_without_colon_separated_by_commas():
    report = build(["Đã giải quyết 12.490 hồ sơ, gồm trước hạn 12.370 hồ sơ, đúng hạn 106 hồ sơ, quá hạn 14 hồ sơ."])
    assert [(st.whole, st.parts) for st in report.statements if st.kind == "sum"] == [
        (D(12490), [D(12370), D(106), D(14)])]
    fs = found(build(["Đã giải quyết 12.490 hồ sơ, gồm trước hạn 12.370 hồ sơ, đúng hạn 160 hồ sơ, quá hạn 14 hồ sơ."]),
               "SUM_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "12490", "12544")]


# Seed 003's dossiers: the count solved is the part of the first share and the whole of the next.
_CHAIN = ("Trong kỳ, toàn tỉnh tiếp nhận 13.597 hồ sơ. Đã giải quyết {solved} hồ sơ, chiếm 91,86%. "
          "Số hồ sơ giải quyết trước hạn là 12.370 hồ sơ, chiếm 99,04%.")


def test_a_count_that_is_part_of_one_share_and_whole_of_the_next_is_one_error():
    assert _sum_and_shares(_CHAIN.format(solved="12.490")) == []
    assert _sum_and_shares(_CHAIN.format(solved="12.940")) == [("PERCENT_MISMATCH", "error", "12940", "12490")]


def test_a_share_whose_words_name_the_whole_of_the_previous_sentence_is_sure():
    """"Số hồ sơ giải quyết trước hạn" is a share of "Đã giải quyết 12.490 hồ
    sơ", not of "tiếp nhận 13.597 hồ sơ": the part says its whole's words."""
    text = _CHAIN.format(solved="12.490").replace("chiếm 99,04%", "chiếm 98,04%")
    assert _sum_and_shares(text) == [("PERCENT_MISMATCH", "error", "98.04", "99.04")]


def test_a_bare_part_before_its_stated_whole_is_a_share_of_it():
    """Issue 8's figures: the noun written once, after the whole."""
    assert _sum_and_shares("Đã vận động 41.210 trên tổng số 88.905 cán bộ, đạt tỷ lệ 46,35%.") == []
    assert _sum_and_shares("Đã vận động 41.210 trên tổng số 88.905 cán bộ, đạt tỷ lệ 47,9%.") == [
        ("PERCENT_MISMATCH", "error", "47.9", "46.35")]


# BC 36 (thẩm định CCHC 2025), the communes by their index: 36 + 53 + 18 + 17 = 124 and
# 29 + 42,7 + 14,5 + 13,8 = 100; 17/124 is 13,71 %, written 13,8 so that the list totals 100 %.
_BANDS_124 = ["- Có 36/124 đơn vị có chỉ số đạt từ 80% trở lên, chiếm tỷ lệ 29%;",
              "- Có 53/124 đơn vị có chỉ số đạt từ 65% đến dưới 80%, chiếm tỷ lệ 42,7%.",
              "- Có 18/124 đơn vị có chỉ số đạt từ 50% đến dưới 65%, chiếm tỷ lệ 14,5%.",
              "- Có 17/124 đơn vị có chỉ số đạt dưới 50%, chiếm tỷ lệ 13,8%."]


def test_the_one_share_adjusted_to_make_a_breakdown_total_100_percent_is_verified_not_doubted():
    fs = found(build(_BANDS_124), "PERCENT_MISMATCH")
    assert [(f.severity, f.reported, f.expected, f.message) for f in fs] == [
        ("info", "13.8", "13.71", "17 trên 124 là 13,71%, viết 13,8% để tổng các tỷ lệ (29% + 42,7% + 14,5% + "
                                  "13,8%) bằng 100%")]


def test_two_shares_off_in_a_breakdown_that_totals_100_percent_stay_in_doubt():
    # 7 districts, one each: 1/7 is 14,29 %, written 14 % five times and 15 % twice to total 100 %:
    # two shares adjusted, not the one a total of 100 % verifies.
    lines = [f"- Có 1/7 huyện đạt mức {n}, chiếm tỷ lệ {p}%;" for n, p in
             zip(["một", "hai", "ba", "bốn", "năm", "sáu", "bảy"], [14, 14, 14, 14, 14, 15, 15])]
    fs = found(build(lines), "PERCENT_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("warning", "15", "14.29"), ("warning", "15", "14.29")]


def test_the_date_of_the_report_an_appendix_goes_with_is_no_period_of_it():
    """A title read with its note on one line (OCR joins them): "(Kèm theo Báo cáo số 405/BC-UBND
    ngày 17 tháng 8 năm 2023 …)" dates the report, not the appendix's figures of July."""
    title = ("Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC CƠ QUAN, ĐƠN VỊ HUYỆN ĐIỆN BIÊN (Kèm theo Báo cáo số "
             "405/BC-UBND ngày 17 tháng 8 năm 2023 của UBND huyện)")
    report = _with_appendix(title)
    report.meta.period = "2023-07"
    assert found(report, "PERIOD_MISMATCH") == []
    report = _with_appendix(title.replace("HUYỆN ĐIỆN BIÊN", "HUYỆN ĐIỆN BIÊN THÁNG 6 NĂM 2023"))
    report.meta.period = "2023-07"
    assert [f.reported for f in found(report, "PERIOD_MISMATCH")] == ["2023-06"]


TOTALS = ("Tổng số hồ sơ tiếp nhận 52.933 hồ sơ. Đã giải quyết 49.010 hồ sơ, trong đó trước hạn 25.634 hồ sơ, "
          "đúng hạn 22.226 hồ sơ, quá hạn 1.150 hồ sơ. Đang giải quyết {pending} hồ sơ, trong đó chưa đến hạn "
          "3.402 hồ sơ, quá hạn 521 hồ sơ.")


def test_a_figure_two_broken_sums_share_is_the_one_error():
    # 3.856 for 3.923: 49.010 + 3.856 ≠ 52.933 and 3.402 + 521 ≠ 3.856; 3.923 makes both hold
    assert found(build([TOTALS.format(pending="3.923")]), "SUM_MISMATCH") == []
    fs = found(build([TOTALS.format(pending="3.856")]), "SUM_MISMATCH")
    assert [(f.severity, f.reported, f.expected) for f in fs] == [("error", "3856", "3923")]
    assert fs[0].message == ("Số 3.856 ghi sai: là tổng của 3.402 + 521 = 3.923, và là thành phần của tổng 52.933 "
                             "(52.933 − 49.010 = 3.923); nếu là 3.923 thì cả hai tổng đều khớp")


def test_two_broken_sums_no_one_value_of_their_shared_figure_mends_stay_two_findings():
    # the total is off by 67 and the pending dossiers' parts by 70: two slips
    fs = found(build([TOTALS.format(pending="3.923").replace("52.933", "53.000").replace("3.402", "3.332")]),
               "SUM_MISMATCH")
    assert sorted(f.reported for f in fs) == ["3923", "53000"]


def test_a_listed_name_one_letter_off_a_row_the_lists_leave_out_is_that_row_misspelt():
    """"UBND huyện Nậm Đồ" (a scan read "P" as "Đ", or a clerk's slip) names no row, and the
    table's "UBND huyện Nậm Pồ" (Tốt) is listed nowhere: one unit, its name written wrong — a
    warning, not an error that the table's unit is missing from the list."""
    lines = list(SEED_000_PROSE)
    lines[3] = lines[3].replace("Nậm Pồ", "Nậm Đồ")
    fs = found(build(lines, [district_table()]), "GRADE_LIST_MISMATCH")
    assert [(f.severity, f.unit) for f in fs] == [("warning", "UBND huyện Nậm Pồ")]
    assert "khác một, hai chữ cái" in fs[0].message
    lines[3] = lines[3].replace("Nậm Đồ", "Xa Lạ")  # nothing like it: the two findings stay
    fs = found(build(lines, [district_table()]), "GRADE_LIST_MISMATCH")
    assert sorted((f.severity, f.unit) for f in fs) == [("error", "UBND huyện Nậm Pồ"), ("warning", "UBND huyện Xa Lạ")]

