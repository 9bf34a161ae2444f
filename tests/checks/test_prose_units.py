"""A unit's own figure in the prose held to that unit's row (rule
unit-figure-vs-table): points, percents, ranks (stated or implied by the
order of a column) and grades, names folded for case, tone placement and
"UBND"; an error only when the pairing is sure, a warning otherwise, nothing
for a sentence about another quantity."""
from __future__ import annotations

from pathlib import Path

from reportgen.verify import verify_path

HEAD = """UBND TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc
Số: 36/BC-SNV\tLâm Đồng, ngày 05 tháng 12 năm 2025

BÁO CÁO
Kết quả Chỉ số cải cách hành chính năm 2025

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, SNV.
GIÁM ĐỐC
Nguyễn Văn A
"""
# Figures of the Lâm Đồng 2025 PAR index of departments (Phụ lục I): max, got, %, grade.
TABLE = """Kết quả cụ thể như sau:

| Thứ hạng | Đơn vị | Điểm chuẩn tối đa | Điểm đạt được | Chỉ số chung (%) | Xếp loại |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 89,00 | 82,78 | 93,01 | TỐT |
| 2 | Sở Nội vụ | 87,00 | 78,95 | 90,75 | TỐT |
| 3 | Sở Khoa học và Công nghệ | 87,00 | 78,83 | 90,60 | TỐT |
| 4 | Sở Văn hoá, Thể thao và Du lịch | 87,00 | 74,11 | 85,18 | TỐT |
| 5 | Thanh tra tỉnh | 81,00 | 64,23 | 79,30 | KHÁ |
"""


def _findings(tmp_path: Path, prose: str):
    path = tmp_path / "bc.txt"
    path.write_text(HEAD + "1. Kết quả\n" + prose + "\n" + TABLE + TAIL, encoding="utf-8")
    result = verify_path(path)
    return [f for f in result.findings if f.rule == "unit-figure-vs-table"], result


def _one(found):
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    return f.severity, f.unit, f.column, f.reported, f.expected


def test_figures_that_agree_are_checked_claims(tmp_path):
    found, result = _findings(tmp_path, "Sở Tư pháp đứng đầu với 82,78 điểm, đạt 93,01%, xếp loại Tốt; "
                                        "Sở Văn hóa, Thể thao và Du lịch đạt 85,2%, xếp thứ 4; "
                                        "thấp nhất là Thanh tra tỉnh (79,30%).")
    assert found == []
    assert result.ledger.totals()["claims"] == (5, 5)


def test_a_percent_points_grade_and_rank_that_differ_are_errors(tmp_path):
    assert _one(_findings(tmp_path, "Sở Nội vụ đạt 80,75%.")[0]) == ("error", "Sở Nội vụ", "k4", "80.75", "90.75")
    assert _one(_findings(tmp_path, "UBND tỉnh ghi nhận Sở Nội vụ đạt 79,95 điểm.")[0]) == \
        ("error", "Sở Nội vụ", "k3", "79.95", "78.95")
    assert _one(_findings(tmp_path, "Thanh tra tỉnh đạt 79,30%, xếp loại Tốt.")[0]) == \
        ("error", "Thanh tra tỉnh", "grade", "Tốt", "KHÁ")
    assert _one(_findings(tmp_path, "Sở Khoa học và Công nghệ đạt 90,60%, xếp thứ 5.")[0]) == \
        ("error", "Sở Khoa học và Công nghệ", "rank", "5", "3")


def test_a_rank_the_table_only_implies_is_the_place_in_its_column(tmp_path):
    table = TABLE.replace("| Thứ hạng |", "| STT |")
    path = tmp_path / "bc.txt"
    path.write_text(HEAD + "1. Kết quả\nSở Nội vụ đạt 90,75%, xếp thứ 2; Thanh tra tỉnh xếp thứ 5 với 79,30%.\n"
                    + table + TAIL, encoding="utf-8")
    result = verify_path(path)
    assert [f for f in result.findings if f.rule == "unit-figure-vs-table"] == []
    assert result.ledger.totals()["claims"] == (4, 4)


def test_a_sentence_about_another_quantity_is_not_compared(tmp_path):
    found, _ = _findings(tmp_path, "Tỷ lệ giải ngân vốn đầu tư công còn thấp (Sở Nội vụ: 26,9%; Sở Tư pháp: 63,7%).")
    assert found == []


def test_a_unit_in_two_tables_with_no_match_is_a_doubt(tmp_path):
    other = TABLE.replace("Kết quả cụ thể như sau:", "Kết quả lĩnh vực cải cách thể chế:") \
        .replace("93,01", "95,27").replace("90,75", "92,56")
    path = tmp_path / "bc.txt"
    path.write_text(HEAD + "1. Kết quả\n" + TABLE + "\n2. Nhận xét\nSở Nội vụ đạt 91,00%.\n" + other + TAIL,
                    encoding="utf-8")
    found = [f for f in verify_path(path).findings if f.rule == "unit-figure-vs-table"]
    assert [(f.severity, f.unit, f.reported, f.expected) for f in found] == [("error", "Sở Nội vụ", "91.00", "92.56")]
    path.write_text(HEAD + "1. Kết quả\n" + TABLE + "\n2. Nhận xét\n" + other + "\nSở Nội vụ đạt 91,00%.\n" + TAIL,
                    encoding="utf-8")
    found = [f for f in verify_path(path).findings if f.rule == "unit-figure-vs-table"]
    assert [(f.severity, f.unit, f.reported, f.expected) for f in found] == [("warning", "Sở Nội vụ", "91.00", None)]


# Figures of the Lâm Đồng appraisal report (ld-cchc2025-bc36-thamdinh.pdf): the
# departments' overall index on page 5, and on page 24 the survey component
# (15 points) whose sentence names its own highest and lowest units.
OVERALL = """Kết quả đánh giá chung đối với các tiêu chí của các sở, ngành như sau:

| STT | Đơn vị | Điểm chuẩn tối đa | Điểm tự đánh giá | Điểm thẩm định | Chỉ số |
|---|---|---|---|---|---|
| 1 | Sở Xây dựng | 72,50 | 67,99 | 66,39 | 91,57% |
| 2 | Sở Tài chính | 72,00 | 69,00 | 61,75 | 85,76% |
| 3 | Sở Y tế | 74,50 | 71,42 | 58,89 | 79,05% |
| 4 | Thanh tra tỉnh | 66,00 | 52,50 | 51,50 | 78,03% |
"""
SURVEY_SENTENCE = ("Điểm số trung bình của các cơ quan đạt 12,15/15 điểm; chỉ số cao nhất là {high}% "
                   "(Thanh tra tỉnh) và thấp nhất là {low}% (Sở Y tế). Kết quả cụ thể như sau:\n")
SURVEY = """
| STT | Đơn vị | Điểm đạt được (điểm chuẩn tối đa: 15đ) | Tỷ lệ (%) |
|---|---|---|---|
| 1 | Thanh tra tỉnh | 12,734 | 84,893% |
| 2 | Sở Tài chính | 12,354 | 82,362% |
| 3 | Sở Xây dựng | 12,082 | 80,547% |
| 4 | Sở Y tế | 11,636 | 77,572% |
"""


def _bc36(tmp_path: Path, high: str, low: str, survey: bool):
    path = tmp_path / "bc36.txt"
    path.write_text(HEAD + "1. Kết quả đánh giá các tiêu chí\n" + OVERALL
                    + "\n2. Kết quả khảo sát cán bộ, công chức\n" + SURVEY_SENTENCE.format(high=high, low=low)
                    + (SURVEY if survey else "") + TAIL, encoding="utf-8")
    result = verify_path(path)
    found = [f for f in result.findings if f.rule == "unit-figure-vs-table"]
    return [(f.severity, f.unit, f.table, f.reported, f.expected) for f in found], result


def test_a_component_figure_of_another_section_is_no_error(tmp_path):
    """The survey's 84,893% and 77,572% are not the overall index of page 5
    (78,03% and 79,05%): with the survey's table not read they are doubts
    left unchecked, never errors."""
    found, result = _bc36(tmp_path, "84,893", "77,572", survey=False)
    assert sorted(found) == [("warning", "Sở Y tế", 0, "77.572", None),
                             ("warning", "Thanh tra tỉnh", 0, "84.893", None)]
    assert not any(f.severity == "error" for f in result.findings)


def test_the_component_figure_is_held_to_the_table_that_follows(tmp_path):
    found, _ = _bc36(tmp_path, "84,893", "77,572", survey=True)
    assert found == []
    found, result = _bc36(tmp_path, "84,893", "77,752", survey=True)
    # one slip, one error: the lowest of the column and Sở Y tế's row are one figure
    lowest = [f for f in result.findings if f.reported == "77.752"]
    assert found == [] and [(f.code, f.severity, f.expected) for f in lowest] == [("STAT_MISMATCH", "error", "77.572")]
    assert "UNIT_FIGURE_MISMATCH: Văn bản nêu Sở Y tế đạt 77,752%" in lowest[0].message


def test_a_generic_header_named_by_the_sentence_does_not_make_it_sure(tmp_path):
    """“chỉ số cao nhất” names the measure every table has (“Chỉ số”), not
    the page-5 column: a figure of another passage stays a doubt."""
    path = tmp_path / "bc.txt"
    path.write_text(HEAD + "1. Kết quả đánh giá các tiêu chí\n" + OVERALL + "\n2. Kết quả khảo sát\n"
                    + "Chỉ số của Sở Y tế là 77,572%, thấp nhất.\n" + TAIL, encoding="utf-8")
    found = [(f.severity, f.reported) for f in verify_path(path).findings if f.rule == "unit-figure-vs-table"]
    assert found == [("warning", "77.572")]


RANKED = """Thang xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm.
{prose}
Kết quả cụ thể như sau:

| STT | Xã | Tổng điểm | Xếp loại | Xếp hạng |
|---|---|---|---|---|
| 1 | Xã Tân Hà | 92,10 | Xuất sắc | 1 |
| 2 | Xã Đinh Văn | 90,45 | Xuất sắc | 2 |
| 3 | Xã Phú Sơn | 86,20 | Tốt | 3 |
| 4 | Xã Hiệp Thạnh | 81,35 | Tốt | 4 |
| 5 | Xã Lộc An | 79,30 | Khá | 5 |
"""


def test_a_top_figure_slipped_in_the_prose_is_one_error_on_the_prose_not_a_correction_of_the_table(tmp_path):
    """"dẫn đầu là xã Tân Hà với 92,01 điểm" against 92,10 in its row: the table agrees with
    itself (its grade and rank stand either way), so setting the cell to the prose's figure is
    no sure correction. One error on the written figure, as the highest of its column and as
    the unit's."""
    path = tmp_path / "tb.txt"
    path.write_text(HEAD + "1. Kết quả\n" + RANKED.format(prose="Dẫn đầu là xã Tân Hà với 92,01 điểm.") + TAIL,
                    encoding="utf-8")
    errors = [f for f in verify_path(path).findings if f.severity == "error"]
    assert [(f.code, f.paragraph is not None, f.reported, f.expected) for f in errors] == [
        ("STAT_MISMATCH", True, "92.01", "92.10")]
    assert "nếu ô này" not in errors[0].message
    assert "UNIT_FIGURE_MISMATCH: Văn bản nêu Xã Tân Hà đạt 92,01 điểm" in errors[0].message


ANNEXED = """UBND TỈNH CÀ MAU
VĂN PHÒNG
Số: 77/BC-VPUBND\tCà Mau, ngày 22 tháng 7 năm 2025

BÁO CÁO
Kết quả đánh giá các cơ quan quý II năm 2025

I. KẾT QUẢ ĐÁNH GIÁ
Đơn vị có điểm cao nhất là Sở Y tế ({points} điểm) {mention}.

II. NHIỆM VỤ QUÝ III
Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Lê Thị Hoa

{annex}
KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN

| STT | Cơ quan | Điểm đạt được | Xếp loại |
|---|---|---|---|
| 1 | Sở Tư pháp | 85,5 | Tốt |
| 2 | Sở Y tế | 89,7 | Tốt |
| 3 | Sở Xây dựng | 72,0 | Khá |
"""


def _annexed(tmp_path: Path, points: str, mention: str, annex: str):
    path = tmp_path / "bc.txt"
    path.write_text(ANNEXED.format(points=points, mention=mention, annex=annex), encoding="utf-8")
    return [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code in ("UNIT_FIGURE_MISMATCH", "STAT_MISMATCH")]


def test_a_unit_figure_whose_sentence_names_the_annex_of_its_table_is_sure(tmp_path):
    """"(Phụ lục II)" in the sentence says which table the figure is of, though a heading
    and the signature stand between them."""
    assert _annexed(tmp_path, "89,7", "(Phụ lục II)", "Phụ lục II") == []
    # the highest of the annex's column too: one error, the unit's folded into the statistic's
    assert _annexed(tmp_path, "86,7", "(Phụ lục II)", "Phụ lục II") == [("error", "86.7", "89.70")]
    assert _annexed(tmp_path, "86,7", "(Biểu số 02 kèm theo)", "Biểu số 02") == [("error", "86.7", "89.7")]
    # naming no annex, the report's annex after its text is its table all the same (h-new24)
    assert _annexed(tmp_path, "86,7", "", "Phụ lục II") == [("error", "86.7", "89.70")]
