"""A figure of the prose held to the table cell whose header names it
(checks.prose_named): seed 004's points "x/y" against its Phụ lục I, and a
count of dossiers against the "Tổng cộng" row of the column it names."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path
from reportgen.verify import verify_path
from tests.support import SEEDS

S004 = SEEDS / "004_4fe8e530b83874ca.txt"


def _seed004(tmp_path, old=None, new=None):
    text = S004.read_text(encoding="utf-8")
    if old is not None:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "004.txt"
    path.write_text(text, encoding="utf-8")
    return verify_path(path)


def _conflicts(result):
    return [(f.severity, f.row, f.column, f.reported, f.expected) for f in result.findings
            if f.code == "QUANTITY_CONFLICT"]


def test_seed_004_points_in_the_prose_agree_with_phu_luc_i(tmp_path):
    result = _seed004(tmp_path)
    assert _conflicts(result) == []
    # 54,1/100 (the total), 8,8/18, 3,0/12, 2,5/10, 8,0/22 checked; 28/63 is a rank over the 63
    # provinces no table lists and the two "100%" of the tasks mean all: outside the document, and
    # so is the target "phấn đấu đạt từ 99% trở lên"
    assert result.ledger.totals()["claims"] == (5, 5)
    assert [(c.figure, c.external) for c in result.ledger.external_claims()] == [
        ("28/63", "xếp hạng toàn quốc"), ("100%", "100% là toàn bộ"), ("99%", "chỉ tiêu"), ("100%", "100% là toàn bộ")]
    assert result.ledger.unchecked_claims() == []


def test_a_group_score_changed_in_the_prose_is_one_error_on_the_province_row(tmp_path):
    result = _seed004(tmp_path, "Công khai minh bạch đạt 8,8/18", "Công khai minh bạch đạt 8,3/18")
    assert _conflicts(result) == [("error", 0, "ckmb", "8.3", "8.8")]
    assert [f.code for f in result.findings if f.severity == "error"] == ["QUANTITY_CONFLICT"]


def test_the_total_changed_in_the_prose_is_one_error_on_the_total(tmp_path):
    result = _seed004(tmp_path, "đạt: 54,1/100", "đạt: 45,1/100")
    assert _conflicts(result) == [("error", 0, "total", "45.1", "54.1")]


DOSSIERS = """UBND TỈNH SƠN LA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\tĐộc lập - Tự do - Hạnh phúc
Số: 25/BC-TTPVHCC\tSơn La, ngày 20 tháng 3 năm 2023

BÁO CÁO
Kết quả tiếp nhận, giải quyết hồ sơ quý I năm 2023

1. Kết quả
{prose}

Phụ lục I. SỐ LIỆU TIẾP NHẬN HỒ SƠ

| STT | Đơn vị | Tiếp nhận | Trực tiếp | Trực tuyến | Đã giải quyết |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 6.960 | 3.000 | 3.960 | 6.200 |
| 2 | Sở Y tế | 6.637 | 3.474 | 3.163 | 6.290 |
| | Tổng cộng | 13.597 | 6.474 | 7.123 | 12.490 |

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn A
"""


def _dossiers(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(DOSSIERS.format(prose=prose), encoding="utf-8")
    return verify_path(path)


def test_a_count_of_the_prose_agrees_with_the_total_row_of_its_column(tmp_path):
    result = _dossiers(tmp_path, "Số hồ sơ đã giải quyết là 12.490 hồ sơ. Hồ sơ trực tuyến 7.123 hồ sơ.")
    assert _conflicts(result) == []
    assert "count-vs-total-row" in result.ledger.tables[0].relations


def test_a_count_of_the_prose_that_differs_from_the_total_row_is_an_error(tmp_path):
    result = _dossiers(tmp_path, "Số hồ sơ đã giải quyết là 12.940 hồ sơ.")
    assert _conflicts(result) == [("error", None, "k5", "12940", "12490")]


def test_a_count_named_by_its_header_and_another_header_of_the_table_is_an_error(tmp_path):
    """"tiếp nhận trực tiếp": "Trực tiếp" of what "Tiếp nhận" counts."""
    result = _dossiers(tmp_path, "Tiếp nhận trực tiếp 6.447 hồ sơ.")
    assert _conflicts(result) == [("error", None, "k3", "6447", "6474")]


def test_a_count_whose_words_say_one_more_word_than_the_header_is_a_warning(tmp_path):
    result = _dossiers(tmp_path, "Hồ sơ nộp trực tuyến 7.213 hồ sơ.")
    assert _conflicts(result) == [("warning", None, "k4", "7213", "7123")]


def test_a_count_of_a_narrower_quantity_is_not_held_to_the_column(tmp_path):
    result = _dossiers(tmp_path, "Số hồ sơ giải quyết trước hạn là 12.370 hồ sơ.")
    assert _conflicts(result) == []


def test_rules_of_the_module_run_without_tables():
    from reportgen.model import Paragraph
    from reportgen.read import report_of_paragraphs
    from reportgen.read.meta import read_meta

    paragraphs = [Paragraph(text="Công khai minh bạch đạt 8,8/18 điểm; tiếp nhận 975 hồ sơ.", index=0)]
    report = report_of_paragraphs(paragraphs, (), "t", meta=read_meta(paragraphs))
    assert [f for f in run_checks(report, CheckContext()) if f.code == "QUANTITY_CONFLICT"] == []


TWO_COLUMNS = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2026

Trong quý, đã giải quyết 3.228 hồ sơ, trong đó đúng hạn và trước hạn {both} hồ sơ, đạt tỷ lệ 97,7%; quá hạn 73 hồ sơ.

KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC
TT\tLĩnh vực\tĐã giải quyết trước hạn\tĐã giải quyết đúng hạn\tĐã giải quyết quá hạn
1\tĐất đai\t820\t402\t61
2\tTư pháp - Hộ tịch\t901\t95\t4
3\tLao động - Thương binh và Xã hội\t240\t47\t2
4\tXây dựng\t120\t30\t5
5\tNông nghiệp và Môi trường\t470\t30\t1
\tTổng cộng\t2.551\t604\t73
"""


def test_a_count_naming_two_columns_is_held_to_their_sum_not_to_one_of_them(tmp_path):
    # "đúng hạn và trước hạn 3.155" = 2.551 + 604 of the total row, not "trước hạn" alone.
    path = tmp_path / "bc.txt"
    path.write_text(TWO_COLUMNS.format(both="3.155"), encoding="utf-8")
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    assert [f for f in found if f.code == "QUANTITY_CONFLICT"] == []
    entry = ctx.ledger.tables[0]
    assert {(5, "k2"), (5, "k3")} <= {cell for cell, rels in entry.cell_relations.items()
                                      if "count-vs-total-row" in rels}


COMMUNES = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Kết quả tiếp nhận, giải quyết hồ sơ quý III năm 2026

1. Kết quả của các xã
{prose}

Biểu 02. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ CỦA CÁC XÃ
TT\tĐơn vị\tTiếp nhận\tĐã giải quyết\tGiải quyết đúng hạn\tGiải quyết quá hạn
1\tUBND xã Phúc Thọ\t120\t119\t118\t1
2\tUBND xã Tân Hà\t95\t93\t90\t3
3\tUBND xã Đạ Đờn\t210\t200\t196\t4
\tTổng cộng\t425\t412\t404\t8
"""
UNIT_COUNTS = ("UBND xã Phúc Thọ tiếp nhận 120 hồ sơ, giải quyết đúng hạn 118 hồ sơ. Xã Tân Hà tiếp nhận 95 hồ sơ, "
               "đã giải quyết 93 hồ sơ. Tổng số hồ sơ đã giải quyết là 412 hồ sơ.")


def _communes(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(COMMUNES.format(prose=prose), encoding="utf-8")
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    return [(f.code, str(f.severity), f.row, f.column, f.reported, f.expected) for f in found
            if f.severity != "info"], ctx


def test_a_unit_s_counts_in_the_prose_agree_with_its_row_not_the_total_row(tmp_path):
    found, ctx = _communes(tmp_path, UNIT_COUNTS)
    assert found == []
    cells = {cell for cell, rels in ctx.ledger.tables[0].cell_relations.items() if "count-vs-total-row" in rels}
    assert {(0, "k2"), (0, "k4"), (1, "k2"), (1, "k3"), (3, "k3")} <= cells


@pytest.mark.parametrize("old, new, finding", [
    ("đúng hạn 118", "đúng hạn 117", ("QUANTITY_CONFLICT", "error", 0, "k4", "117", "118")),
    ("Phúc Thọ tiếp nhận 120", "Phúc Thọ tiếp nhận 102", ("QUANTITY_CONFLICT", "error", 0, "k2", "102", "120")),
    ("đã giải quyết 93", "đã giải quyết 39", ("QUANTITY_CONFLICT", "error", 1, "k3", "39", "93")),
    ("đã giải quyết là 412", "đã giải quyết là 421",
     ("QUANTITY_CONFLICT", "error", None, "k3", "421", "412")),
])
def test_a_unit_s_count_changed_in_the_prose_is_one_error_on_its_row(tmp_path, old, new, finding):
    found, _ = _communes(tmp_path, UNIT_COUNTS.replace(old, new))
    assert found == [finding]


def test_a_count_is_held_to_the_column_of_what_follows_it_not_to_the_whole(tmp_path):
    """"tiếp nhận 7.123 hồ sơ trực tuyến": what is counted follows the figure and names
    "Trực tuyến", so the figure is not the "Tiếp nhận" total (13.597)."""
    result = _dossiers(tmp_path, "Trong quý, Trung tâm tiếp nhận 13.597 hồ sơ; tiếp nhận 7.123 hồ sơ trực tuyến.")
    assert _conflicts(result) == []
    result = _dossiers(tmp_path, "Trong quý, Trung tâm tiếp nhận 13.597 hồ sơ; tiếp nhận 7.213 hồ sơ trực tuyến.")
    assert _conflicts(result) == [("error", None, "k4", "7213", "7123")]


def _survey(tmp_path, counted: str):
    """A satisfaction survey: counts and shares per level under the level's group header."""
    from docx import Document
    doc = Document()
    for p in ["ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "VĂN PHÒNG", "Số: 215/BC-VP", "Bình Phước, ngày 05 tháng 12 năm 2026",
              "BÁO CÁO", "Kết quả đánh giá sự hài lòng tháng 11 năm 2026",
              f"Trong tháng, Trung tâm nhận được 8.998 lượt đánh giá; trong đó: {counted} lượt rất hài lòng "
              "(chiếm 92,05%), 661 lượt hài lòng và 54 lượt không hài lòng."]:
        doc.add_paragraph(p)
    rows = [["STT", "Cơ quan", "Tổng số lượt đánh giá", "Rất hài lòng", "", "Hài lòng", "", "Không hài lòng", ""],
            ["", "", "", "Số lượt", "Tỷ lệ (%)", "Số lượt", "Tỷ lệ (%)", "Số lượt", "Tỷ lệ (%)"],
            ["1", "Sở Tư pháp", "1.520", "1.402", "92,24", "110", "7,24", "8", "0,53"],
            ["2", "Sở Xây dựng", "2.386", "2.011", "84,28", "352", "14,75", "23", "0,96"],
            ["3", "Công an tỉnh", "5.092", "4.870", "95,64", "199", "3,91", "23", "0,45"],
            ["", "Tổng cộng", "8.998", "8.283", "92,05", "661", "7,35", "54", "0,60"]]
    t = doc.add_table(rows=len(rows), cols=9)
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v:
                t.cell(i, j).text = v
    for a, b in [(3, 4), (5, 6), (7, 8)]:
        t.cell(0, a).merge(t.cell(0, b))
    for j in (0, 1, 2):
        t.cell(0, j).merge(t.cell(1, j))
    path = tmp_path / "survey.docx"
    doc.save(path)
    return verify_path(path)


def test_a_count_of_one_level_is_held_to_that_level_s_column_under_its_group(tmp_path):
    """"8.283 lượt rất hài lòng": the "Số lượt" under "Rất hài lòng", not "Tổng số lượt đánh giá"."""
    assert _conflicts(_survey(tmp_path, "8.283")) == []
    result = _survey(tmp_path, "8.238")
    # the parts no longer make the whole either: one error, on the prose's 8.238, naming the column too
    assert [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"] == [
        ("SUM_MISMATCH", "8238", "8283")]
    assert [f.message.split("Con số này cũng sai theo ")[1] for f in result.findings if f.severity == "error"] == [
        "QUANTITY_CONFLICT: Văn bản nêu 8.238 lượt rất hài lòng nhưng dòng “Tổng cộng” của cột “Rất hài lòng Số lượt” "
        "(bảng 1) ghi 8.283"]


RECEIVED = """UBND TỈNH TRÀ VINH
VĂN PHÒNG
Số: 118/BC-VPUBND\tTrà Vinh, ngày 21 tháng 4 năm 2024

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý I năm 2024

I. TIẾP NHẬN HỒ SƠ
{prose}

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Trần Văn B

Phụ lục I

| STT | Cơ quan, đơn vị | Số hồ sơ tiếp nhận | Đã giải quyết | Quá hạn |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 7.215 | 6.640 | 31 |
| 2 | Sở Xây dựng | 6.382 | 5.850 | 12 |
| | Tổng cộng | 13.597 | 12.490 | 43 |
"""


def _received(tmp_path, prose):
    path = tmp_path / "bc.txt"
    path.write_text(RECEIVED.format(prose=prose), encoding="utf-8")
    return verify_path(path)


def test_a_part_counted_in_the_noun_of_the_column_is_not_that_column(tmp_path):
    """"hồ sơ" follows every count of the paragraph: it says what is counted, not which
    column; the carried and the new dossiers in brackets are parts of the 13.597."""
    prose = ("Tổng số hồ sơ tiếp nhận trong kỳ: 13.597 hồ sơ (kỳ trước chuyển sang: 975 hồ sơ, "
             "trong kỳ tiếp nhận mới 12.622 hồ sơ).")
    assert _conflicts(_received(tmp_path, prose)) == []
    result = _received(tmp_path, prose.replace("13.597", "13.579"))
    # the label before the colon names the column: one error on the whole, naming the table's total too
    assert [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"] == [
        ("SUM_MISMATCH", "13579", "13597")]
    assert "dòng “Tổng cộng” của cột “Số hồ sơ tiếp nhận” (bảng 1) ghi 13.597" in result.findings[0].message


def test_a_count_of_the_same_period_a_year_before_is_not_the_table_s(tmp_path):
    prose = ("Tiếp nhận 13.597 hồ sơ, tăng 5,24% so với cùng kỳ năm 2023 "
             "(cùng kỳ năm 2023 tiếp nhận 12.920 hồ sơ).")
    assert _conflicts(_received(tmp_path, prose)) == []


def test_who_reports_and_the_annex_say_nothing_of_the_column(tmp_path):
    """"Các cơ quan, đơn vị tại Phụ lục I đã giải quyết …": the reporters and the annex are
    no words of a header; "hồ sơ" counted names no other column either."""
    prose = "Các cơ quan, đơn vị tại Phụ lục I đã giải quyết {n} hồ sơ, trong đó quá hạn 43 hồ sơ."
    assert _conflicts(_received(tmp_path, prose.format(n="12.490"))) == []
    assert _conflicts(_received(tmp_path, prose.format(n="12.940"))) == [("error", None, "k3", "12940", "12490")]


def test_a_unit_of_another_clause_does_not_make_a_total_its_own(tmp_path):
    """The unit named before the semicolon is not the subject of "tổng số hồ sơ quá hạn của
    các cơ quan, đơn vị là …" (a comma within who reports does not end the words)."""
    prose = ("Sở Tư pháp tiếp nhận nhiều hồ sơ nhất với 7.215 hồ sơ; tổng số hồ sơ quá hạn của các cơ quan, "
             "đơn vị là {n} hồ sơ.")
    assert [c for c in _conflicts(_received(tmp_path, prose.format(n="43"))) if c[0] == "error"] == []
    assert _conflicts(_received(tmp_path, prose.format(n="34"))) == [("error", None, "k4", "34", "43")]


def _joined(tmp_path, prose):
    text = RECEIVED.replace("| Đã giải quyết | Quá hạn |", "| Đã giải quyết | Trước hạn và đúng hạn | Quá hạn |")
    text = text.replace("|---|---|---|---|---|", "|---|---|---|---|---|---|")
    for row, done in (("| 6.640 | 31 |", "6.609"), ("| 5.850 | 12 |", "5.838"), ("| 12.490 | 43 |", "12.447")):
        text = text.replace(row, row.replace(" | ", f" | {done} | ", 1))
    path = tmp_path / "bc.txt"
    path.write_text(text.format(prose=prose), encoding="utf-8")
    return verify_path(path)


def test_one_of_the_things_a_header_joins_is_not_that_column(tmp_path):
    """"trả đúng hạn 77 hồ sơ" is not "Trước hạn và đúng hạn" (12.447), though "trước hạn"
    is said for its sibling; "trước hạn và đúng hạn 12.447 hồ sơ" is."""
    prose = ("Đã giải quyết 12.490 hồ sơ, trong đó: trả trước hạn 12.370 hồ sơ; trả đúng hạn 77 hồ sơ; "
             "trả quá hạn 43 hồ sơ.")
    assert _conflicts(_joined(tmp_path, prose)) == []
    result = _joined(tmp_path, "Số hồ sơ giải quyết trước hạn và đúng hạn là 12.474 hồ sơ.")
    assert _conflicts(result) == [("error", None, "k4", "12474", "12447")]


def test_what_a_count_counts_beyond_the_paragraph_s_noun_is_a_word_more(tmp_path):
    """"13.597 hồ sơ phải giải quyết" is not "Đã giải quyết": "phải" is a word its header has not."""
    prose = ("Số hồ sơ kỳ trước chuyển sang là 975 hồ sơ, số hồ sơ tiếp nhận mới trong kỳ là 12.622 hồ sơ, "
             "tổng cộng 13.597 hồ sơ phải giải quyết.")
    assert [c for c in _conflicts(_received(tmp_path, prose)) if c[0] == "error"] == []


def test_a_qualifier_sharing_a_syllable_with_a_header_does_not_name_it(tmp_path):
    """"6.474 hồ sơ trực tiếp" shares "tiếp" with "Số hồ sơ tiếp nhận", not its compound word."""
    prose = ("Trong tổng số 13.597 hồ sơ tiếp nhận, có 7.123 hồ sơ trực tuyến (tỷ lệ 52,39%), "
             "6.474 hồ sơ trực tiếp (tỷ lệ 47,61%).")
    assert _conflicts(_received(tmp_path, prose)) == []


def test_the_words_after_the_figure_before_are_not_said_of_the_next(tmp_path):
    """"12.370 hồ sơ trước hạn, 77 hồ sơ đúng hạn": "trước hạn" is the first item's, so the
    second names one thing of "Trước hạn và đúng hạn", not the column."""
    prose = ("Trong kỳ đã giải quyết xong 12.490 hồ sơ, bao gồm 12.370 hồ sơ trước hạn, 77 hồ sơ đúng hạn "
             "và 43 hồ sơ quá hạn.")
    assert _conflicts(_joined(tmp_path, prose)) == []


def test_pending_dossiers_are_the_pending_column_not_the_resolved_one(tmp_path):
    """A commune's month: "đang giải quyết 75 hồ sơ" is the "Đang giải quyết" column
    (75 in Tổng cộng), never "Số hồ sơ đã giải quyết / Tổng số" (1.648), though that
    header shares "hồ sơ", what every count of the paragraph counts."""
    from tests.support import write_docx_tables

    head = ["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Quá hạn", "Đang giải quyết"]
    lines = [["1", "Hộ tịch", "420", "410", "0", "10"], ["2", "Chứng thực", "833", "800", "0", "33"],
             ["3", "Đất đai", "470", "438", "7", "32"], ["", "Tổng cộng", "1.723", "1.648", "7", "75"]]
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["Đã giải quyết 1.648 hồ sơ, trong đó quá hạn 7 hồ sơ (lĩnh vực Đất đai); "
                             "đang giải quyết 75 hồ sơ trong thời hạn."],
                      [("Phụ lục: số liệu tiếp nhận, giải quyết hồ sơ", head, lines)])
    assert _conflicts(verify_path(path)) == []


def test_a_superlative_names_the_column_of_its_verb_on_the_unit_s_row(tmp_path):
    """"Đơn vị tiếp nhận nhiều hồ sơ nhất là Sở Tư pháp với 7.215 hồ sơ": Sở Tư pháp's "Số hồ sơ
    tiếp nhận"; "nhiều … nhất" says no other column."""
    prose = "Đơn vị tiếp nhận nhiều hồ sơ nhất là Sở Tư pháp với {n} hồ sơ."
    assert _conflicts(_received(tmp_path, prose.format(n="7.215"))) == []
    assert _conflicts(_received(tmp_path, prose.format(n="7.125"))) == [("error", 0, "k2", "7125", "7215")]


SURVEY_COMMUNES = """UBND TỈNH QUẢNG TRỊ

BÁO CÁO
Kết quả khảo sát sự hài lòng quý II năm 2026

1. Kết quả
{prose}

Biểu 01. KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG
TT\tĐơn vị\tTổng số lượt đánh giá\tRất hài lòng\tHài lòng\tKhông hài lòng\tTỷ lệ hài lòng (%)
1\tUBND xã Gio Linh\t3.069\t2.560\t465\t44\t98,57
2\tUBND phường Đồng Hới\t2.540\t2.100\t400\t40\t98,43
3\tUBND xã Cam Lộ\t1.200\t1.000\t200\t0\t100,00
\tTổng cộng\t6.809\t5.660\t1.065\t84\t98,77
"""
GIO_LINH = "UBND xã Gio Linh nhận được 3.069 lượt đánh giá, trong đó không hài lòng 44 lượt."


def _survey_communes(tmp_path, prose):
    path = tmp_path / "ks.txt"
    path.write_text(SURVEY_COMMUNES.format(prose=prose), encoding="utf-8")
    result = verify_path(path)
    return result, [(f.code, str(f.severity), f.row, f.column, f.reported, f.expected) for f in result.findings
                    if f.severity != "info"]


def test_a_unit_s_count_named_by_the_words_after_it_is_checked_on_its_row(tmp_path):
    """"nhận được 3.069 lượt đánh giá": the verb says nothing of what is counted, the
    words after the figure name "Tổng số lượt đánh giá"; both counts are claims, checked."""
    result, found = _survey_communes(tmp_path, GIO_LINH)
    assert found == []
    assert result.ledger.totals()["claims"] == (2, 2)


@pytest.mark.parametrize("old, new, finding", [
    ("3.069 lượt", "3.080 lượt", ("QUANTITY_CONFLICT", "error", 0, "k2", "3080", "3069")),
    ("44 lượt", "45 lượt", ("QUANTITY_CONFLICT", "error", 0, "k5", "45", "44")),
])
def test_a_unit_s_count_changed_is_an_error_on_its_row(tmp_path, old, new, finding):
    _, found = _survey_communes(tmp_path, GIO_LINH.replace(old, new))
    assert found == [finding]


def test_a_unit_s_count_no_column_names_is_said_unchecked_never_passed(tmp_path):
    result, found = _survey_communes(tmp_path, "UBND xã Cam Lộ bố trí 4 công chức làm việc tại bộ phận một cửa.")
    assert [f[:2] for f in found] == [("CLAIM_UNCHECKED", "warning")]
    assert result.verdict == "CHƯA KIỂM TRA HẾT"


def test_a_unit_whose_name_holds_and_is_no_word_of_what_is_counted(tmp_path):
    """"Sở Khoa học và Công nghệ nhận được 1.200 lượt đánh giá": the "và" of the name names no column."""
    text = SURVEY_COMMUNES.replace("UBND xã Cam Lộ", "Sở Khoa học và Công nghệ")
    for written, expected in (("1.200", []), ("1.210", [("QUANTITY_CONFLICT", "error", 2, "k2", "1210", "1200")])):
        path = tmp_path / "ks.txt"
        path.write_text(text.format(prose=f"Sở Khoa học và Công nghệ nhận được {written} lượt đánh giá."),
                        encoding="utf-8")
        result = verify_path(path)
        assert [(f.code, str(f.severity), f.row, f.column, f.reported, f.expected) for f in result.findings
                if f.severity != "info"] == expected


@pytest.mark.parametrize("written, expected", [
    ("210", []),
    ("201", [("QUANTITY_CONFLICT", "error", 2, "k2", "201", "210")]),
])
def test_a_unit_s_bracketed_count_is_named_by_the_words_before_the_unit(tmp_path, written, expected):
    """"Đơn vị tiếp nhận nhiều hồ sơ nhất là UBND xã Đạ Đờn (210 hồ sơ)": "tiếp nhận" said before the unit."""
    found, _ = _communes(tmp_path, f"Đơn vị tiếp nhận nhiều hồ sơ nhất là UBND xã Đạ Đờn ({written} hồ sơ).")
    assert found == expected


@pytest.mark.parametrize("written, expected", [
    ("0", []),
    ("2", [("QUANTITY_CONFLICT", "error", 2, "k5", "2", "0")]),
])
def test_a_unit_s_zero_count_is_held_to_its_row_like_any_other(tmp_path, written, expected):
    result, found = _survey_communes(
        tmp_path, f"UBND xã Cam Lộ nhận được 1.200 lượt đánh giá, trong đó không hài lòng {written} lượt.")
    assert found == expected
    assert result.ledger.totals()["claims"] == (2, 2)


@pytest.mark.parametrize("written, checked", [("3.025", True), ("465", False), ("3.052", False)])
def test_a_count_said_of_two_columns_is_held_to_their_sum(tmp_path, written, checked):
    """"3.025 lượt hài lòng và rất hài lòng" is 2.560 + 465, never the "Hài lòng" column alone (before: an
    error, 3.025 against 465); another figure says not which is meant: unchecked, no error."""
    result, found = _survey_communes(
        tmp_path, f"UBND xã Gio Linh nhận được 3.069 lượt đánh giá, trong đó {written} lượt hài lòng và rất hài lòng.")
    assert [f for f in found if f[1] == "error"] == []
    assert (result.ledger.totals()["claims"] == (2, 2)) is checked


@pytest.mark.parametrize("least, expected", [
    ("1.200", []),
    ("1.210", [("QUANTITY_CONFLICT", "error", 2, "k2", "1210", "1200")]),
])
def test_a_unit_s_count_naming_nothing_counts_what_the_unit_s_count_before_it_counted(tmp_path, least, expected):
    """"…; UBND xã Cam Lộ nhận được ít nhất, 1.200 lượt": the column of "nhiều lượt đánh giá nhất với
    3.069 lượt" before it, which held that unit's count: a sure error when it differs."""
    result, found = _survey_communes(
        tmp_path, "UBND xã Gio Linh nhận được nhiều lượt đánh giá nhất với 3.069 lượt; "
                  f"UBND xã Cam Lộ nhận được ít nhất, {least} lượt.")
    assert found == expected


@pytest.mark.parametrize("written, expected", [
    ("4", []),
    ("5", [("QUANTITY_CONFLICT", "error", 2, "k5", "5", "4")]),
])
def test_a_unit_s_count_is_counted_in_dossiers_whatever_else_the_paragraph_says(tmp_path, written, expected):
    """"… với 4 hồ sơ quá hạn": "hồ sơ" is what is counted, never the words of "Số hồ sơ đang giải quyết"
    or another header (before: unchecked when the paragraph said "hồ sơ quá hạn" elsewhere)."""
    found, ctx = _communes(tmp_path, "Các xã còn để xảy ra hồ sơ quá hạn. UBND xã Đạ Đờn có tỷ lệ giải quyết đúng "
                                     f"hạn thấp nhất với {written} hồ sơ quá hạn.")
    assert [f for f in found if f[0] == "QUANTITY_CONFLICT"] == expected
