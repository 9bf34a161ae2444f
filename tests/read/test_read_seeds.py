"""The seed documents read into Reports: exact figures from the seeds."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from reportgen.read import read_path

from support import SEEDS


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def r002():
    return read_path(seed("002"))


@pytest.fixture(scope="module")
def r000():
    return read_path(seed("000"))


@pytest.fixture(scope="module")
def r001():
    return read_path(seed("001"))


@pytest.fixture(scope="module")
def r004():
    return read_path(seed("004"))


def row(table, unit):
    return next(r for r in table.rows if r.unit == unit)


# -- 002: whitespace rows wrapped over lines, text from a PDF ------------------------------

def test_002_all_26_units_are_read_with_their_sections(r002):
    table = r002.tables[0]
    assert len(table.rows) == 26
    assert [r.section for r in table.rows].count("I") == 5
    assert [r.section for r in table.rows].count("II") == 21
    assert table.rows[0].section_title == "CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN"
    assert table.rows[5].section_title == "UBND CÁC XÃ"


def test_002_scheme_is_detected_from_the_header(r002):
    assert r002.tables[0].scheme == "dienbien-2023"
    assert [c.key for c in r002.tables[0].columns] == [
        "ck1", "ck2", "ck3", "td", "dv1", "dv2", "sh1", "sh2", "hl1", "hl2", "hl3"]


def test_002_trung_tam_qldd_reports_total_max_percent_and_wrapped_grade(r002):
    r = row(r002.tables[0], "Trung tâm QLĐĐ")
    assert (r.total, r.max, r.percent, r.grade) == (D("58.69"), D("85"), D("69.34"), "Trung bình")
    assert r.scores["ck1"] is None and r.scores["ck2"] == D("4.81") and r.scores["hl3"] == D("3.33")
    assert r.raw["total"] == "58,69/85"
    assert r.no == "1" and r.section == "I"


def test_002_nua_ngam_scores_11_5_and_xs_means_xuat_sac(r002):
    r = row(r002.tables[0], "UBND xã Núa Ngam")
    assert r.scores["sh2"] == D("11.5")
    assert r.grade == "Xuất sắc"
    assert r.raw["grade"] == "XS"


def test_002_wrong_separator_is_kept_as_a_decimal_and_flagged(r002):
    r = row(r002.tables[0], "Phòng Tư pháp")
    assert r.scores["dv1"] == D("8.32")
    assert r.scores["sh2"] == D("8.32")
    flagged = [f for f in r002.read_findings if f.code == "NUMBER_FORMAT"]
    assert len(flagged) == 1
    f = flagged[0]
    assert (f.severity, f.unit, f.column, f.reported, f.expected) == ("warning", "Phòng Tư pháp", "dv1", "8.32", "8,32")
    assert (f.table, f.row) == (0, 1)


def test_002_commune_totals_are_written_without_a_maximum(r002):
    communes = [r for r in r002.tables[0].rows if r.section == "II"]
    assert all(r.max is None for r in communes)
    hua_thanh = communes[0]
    assert (hua_thanh.unit, hua_thanh.total, hua_thanh.percent) == ("UBND xã Hua Thanh", D("60.51"), D("71.19"))


def test_002_a_name_wrapped_over_two_lines_is_one_row(r002):
    r = row(r002.tables[0], "Phòng Lao động - Thương binh và Xã hội")
    assert r.scores["td"] == D("30") and r.scores["dv2"] is None
    assert (r.total, r.max, r.percent, r.grade) == (D("69.8"), D("75"), D("93.06"), "Xuất sắc")


def test_002_damaged_letters_are_repaired_once_per_document(r002):
    repaired = [f for f in r002.read_findings if f.code == "ENCODING_REPAIRED"]
    assert len(repaired) == 1
    assert repaired[0].severity == "info"
    assert "ƣ" not in " ".join(p.text for p in r002.paragraphs)
    assert "chất lượng" in r002.paragraphs[2].text


def test_002_appendix_title_is_recorded(r002):
    assert r002.appendix_titles[0][0] == 0
    assert r002.appendix_titles[0][1].startswith("Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG")
    assert r002.tables[0].title == r002.appendix_titles[0][1]


# -- 000: tab-separated, header repeated after a page break --------------------------------

def test_000_reads_27_rows_across_the_page_break(r000):
    assert [len(t.rows) for t in r000.tables] == [17, 10]
    assert [t.scheme for t in r000.tables] == ["dienbien-2024", "dienbien-2024"]
    units = [r.unit for r in r000.tables[0].rows]
    assert units[12:14] == ["Sở Tài chính", "Sở Giáo dục và Đào tạo"]
    assert "TÊN CƠ QUAN, ĐƠN VỊ" not in units


def test_000_thanh_tra_reports_max_62_and_dashes_are_not_applicable(r000):
    r = row(r000.tables[0], "Thanh tra tỉnh")
    assert (r.total, r.max, r.percent, r.grade) == (D("57.91"), D("62"), D("93.4"), "Xuất sắc")
    assert r.scores["c1"] is None and r.scores["c4"] is None
    assert r.scores["c13"] == D("3.91")


def test_000_columns_follow_the_two_level_header(r000):
    table = r000.tables[0]
    assert [c.key for c in table.columns] == ["c1", "c2", "c3", "c4", "c5", "dvc", "tt", "c12", "c13", "c14",
                                              "c15", "c16", "c17", "c18", "c19"]
    assert [c.max for c in table.columns][:7] == [D(6), D(4), D(2), D(6), D(24), D(12), D(10)]
    first = table.rows[0]
    assert (first.unit, first.scores["dvc"], first.scores["tt"], first.total, first.max) == (
        "Sở Công Thương", D("11.96"), D("9.79"), D("88.9"), D("94"))


def test_000_appendix_ii_title_keeps_its_month(r000):
    titles = dict(r000.appendix_titles)
    assert titles[1].startswith("Phụ lục II")
    assert titles[1].endswith("THÁNG 11 NĂM 2024")
    assert "(Kèm theo" not in titles[1]


# -- 001: Markdown group table split over two tables ------------------------------------------

def test_001_group_table_is_a_766_summary_with_its_total_and_rank(r001):
    table = r001.tables[0]
    assert (table.kind, table.scheme) == ("summary", "qd766-2022")
    (r,) = table.rows
    assert r.scores == {"ckmb": D("11.1"), "tdgq": D("17.6"), "clgq": D("7.2"), "tttt": D("9.1"),
                        "mdhl": D("17.9"), "mdsh": D("15.7")}
    assert (r.total, r.max, r.rank) == (D("78.49"), D("100"), 11)
    assert r.extra["Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"] == D("88.15")


def test_001_publication_table_keeps_its_text_cells(r001):
    table = r001.tables[1]
    assert table.kind == "data"
    assert table.rows[0].unit == "Sở Giao thông vận tải"
    assert table.rows[0].extra["k4"] == "Tờ trình số 54/TTr-SGTVT ngày 28/5/2024"


# -- 004: a scraped web page, one cell per line ---------------------------------------------

def test_004_site_navigation_is_not_part_of_the_document(r004):
    texts = [p.text for p in r004.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN"
    assert not any("Liên kết website" in t or "Truy cập tổng" in t or "Các tin khác" in t for t in texts)
    assert texts[-1].startswith("[2] Bao gồm")


def test_004_appendix_i_compares_province_and_nation_by_group(r004):
    table = r004.tables[0]
    assert (table.kind, table.scheme) == ("summary", "qd766-2022")
    province, nation = table.rows
    assert (province.unit, province.total, province.max) == ("Điểm của tỉnh", D("54.1"), D("100"))
    assert province.scores == {"ckmb": D("8.8"), "tdgq": D("15.6"), "clgq": D("3.0"), "tttt": D("2.5"),
                               "mdhl": D("16.1"), "mdsh": D("8.0")}
    assert (nation.total, sum(nation.scores.values())) == (D("53.5"), D("53.7"))
    assert province.extra["Tỷ lệ hồ sơ cấp kết quả điện tử"] == D("36.71")


def test_004_appendix_ii_is_a_ranking_list(r004):
    table = r004.tables[1]
    assert table.kind == "data" and len(table.rows) == 9
    assert [r.total for r in table.rows][:3] == [D("62.84"), D("62.75"), D("59.79")]
    assert table.rows[-1].unit == "UBND huyện Phú Vang"


def test_004_appendix_iii_counts_deployed_of_total(r004):
    table = r004.tables[2]
    assert [c.label for c in table.columns] == ["Đã triển khai", "Số lượng hồ sơ hoàn thành",
                                                "Số đơn vị chưa triển khai"]
    assert len(table.rows) == 9
    for r in table.rows:
        assert r.extra["k2_of"] - r.scores["k2"] == r.scores["k4"]


def test_004_appendix_iv_keeps_unit_codes_and_counts(r004):
    table = r004.tables[3]
    assert len(table.rows) == 30
    first, last = table.rows[0], table.rows[-1]
    assert (first.extra["k2"], first.scores["k3"], first.scores["k4"]) == ("000.00.36.H57", D("5009"), D("74.53"))
    assert (last.unit, last.scores["k3"]) == ("Thanh tra tỉnh", D("0"))
    assert table.rows[26].scores["k4"] is None


def test_003_has_no_tables_and_keeps_its_prose(tmp_path):
    report = read_path(seed("003"))
    assert report.tables == []
    texts = [p.text for p in report.paragraphs]
    assert "BÁO CÁO" in texts
    assert "VI. ĐÁNH GIÁ CHUNG" in texts
    assert not any("**" in t or t.startswith("#") for t in texts)
