"""A workbook of appendices has no subject line: its period is the one its
appendix titles name, so drafting and the archive know the period of an
XLSX score sheet."""
from __future__ import annotations

from reportgen.model import Paragraph
from reportgen.read import read_path
from reportgen.read.meta import read_meta

TITLE_I = "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP"
REF = "(Kèm theo Báo cáo số /BC-VPUB ngày tháng 01 năm 2025 của Văn phòng UBND tỉnh)"


def paras(*lines: str) -> list[Paragraph]:
    return [Paragraph(text=t, index=i) for i, t in enumerate(lines)]


def test_a_title_split_over_two_lines_gives_the_year():
    m = read_meta(paras("Phụ lục I", TITLE_I, "CỦA CÁC CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH NĂM 2024", REF))
    assert m.subject is None and m.period == "2024"


def test_a_year_table_beside_a_month_table_gives_the_year_that_spans_both():
    m = read_meta(paras("Phụ lục I", TITLE_I + " NĂM 2024", REF,
                        "Phụ lục II", TITLE_I + " CỦA UBND CÁC HUYỆN THÁNG 11 NĂM 2024", REF))
    assert m.period == "2024"


def test_titles_naming_unrelated_periods_give_no_period():
    m = read_meta(paras("Phụ lục I", TITLE_I + " QUÝ I NĂM 2024", "Phụ lục II", TITLE_I + " THÁNG 5 NĂM 2024"))
    assert m.period is None


def test_the_subject_line_rules_over_the_titles():
    m = read_meta(paras("UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG", "Số: /BC-VPUB", "Điện Biên, ngày 05 tháng 01 năm 2025",
                        "BÁO CÁO", "Kết quả đánh giá Bộ chỉ số tháng 12 năm 2024", "Căn cứ Quyết định số 766/QĐ-TTg.",
                        "Phụ lục I", TITLE_I + " NĂM 2023"))
    assert m.period == "2024-12"


def test_prose_naming_a_year_outside_an_appendix_title_is_not_a_period():
    m = read_meta(paras("Phụ lục I", "Bảng tổng hợp năm 2024", "KẾT QUẢ NĂM 2023 ĐƯỢC GIỮ NGUYÊN"))
    assert m.period is None


def test_the_workbook_rendition_of_seed_000_reads_as_the_year_2024(tmp_path):
    from fixtures.build import build_seed

    built = build_seed("000", tmp_path)
    assert read_path(built["xlsx"]).meta.period == "2024"
    assert read_path(built["docx"]).meta.period == "2024"
