"""The appraisal report ld-cchc2025-bc36-thamdinh.pdf (43 pages from Word,
signed with a stamping tool): every unit named, every grade read, the
summary rows at the foot of each ranking table kept apart from the units,
tables continued over pages in one piece, the prose with its spaces and
without page numbers, and the number and date the signing tool stamped.
The values below were read by eye from the page images
(``pdftoppm -r 80 -f N -l N``)."""
from __future__ import annotations

from collections import Counter

import pytest

from fixtures import REAL_DIR
from parsers import read_raw

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bc36():
    return read_raw(REAL_DIR / "ld-cchc2025-bc36-thamdinh.pdf", {"ocr": "never"})


def _table_on(raw, page: int, first_header: str):
    return next(t for t in raw.tables if t.page == page and t.grid()[0][0] == first_header)


def test_signing_tool_stamps_are_read_into_the_text(bc36):
    texts = [p.text for p in bc36.paragraphs if p.page == 1]
    assert "Số: 36 /BC-HĐTĐ" in texts
    assert "Lâm Đồng, ngày 02 tháng 02 năm 2026" in texts


def test_page_numbers_are_not_paragraphs_and_justified_lines_keep_spaces(bc36):
    assert not any(p.text.strip().isdigit() for p in bc36.paragraphs)
    first = next(p.text for p in bc36.paragraphs if p.text.startswith("Căn cứ Quyết định số 820"))
    assert "Chủ tịch UBND tỉnh ban hành Bộ tiêu chí đánh giá công tác CCHC đối với UBND" in first
    # a footnote mark is not glued to the number before it ("99 điểm4")
    assert any("Tổng thang điểm tối đa đánh giá là 99 điểm." in p.text for p in bc36.paragraphs)


def test_paragraph_cut_by_the_page_break_or_a_bold_run_is_one(bc36):
    assert any(p.text.endswith("Điểm tối đa là 10/100 điểm.") for p in bc36.paragraphs)


def test_page_5_departments_with_shaded_cells_read_cell_for_cell(bc36):
    t = _table_on(bc36, 5, "STT")
    g = t.grid()
    assert g[0] == ["STT", "Đơn vị", "Điểm chuẩn tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chỉ số"]
    assert g[8] == ["8", "Sở Văn hóa, Thể thao và Du lịch", "74,00", "71,50", "64,00", "86,49%"]
    assert g[15] == ["15", "Sở Ngoại vụ", "65,50", "57,00", "37,00", "56,49%"]
    assert [r[0] for r in g[16:]] == ["Chỉ số cao nhất", "Chỉ số trung bình", "Chỉ số thấp nhất"]
    assert [r[-1] for r in g[16:]] == ["95,27%", "84,38%", "56,49%"]


def test_table_over_pages_24_and_25_is_one_with_its_repeated_header_dropped(bc36):
    t = _table_on(bc36, 24, "STT")
    g = t.grid()
    assert t.header_rows == 1 and len(g) == 1 + 15 + 3
    assert g[1] == ["1", "Thanh tra tỉnh", "12,734", "84,893%"]
    assert g[2] == ["2", "Sở Dân tộc và Tôn giáo", "12,451", "83,009%"]
    assert g[15] == ["15", "Sở Y tế", "11,636", "77,572%"]
    assert g[16] == ["Điểm cao nhất", "", "12,734", "84,893%"]


def test_table_continued_after_a_footnote_is_one(bc36):
    t = _table_on(bc36, 30, "Thứ hạng")
    g = t.grid()
    ranks = [r[0] for r in g[1:] if r[0].isdigit()]
    assert ranks == [str(i) for i in range(1, 123)]
    assert g[1] == ["1", "UBND phường Cam Ly - Đà Lạt", "10,00", "8,48", "84,80%"]


def test_every_unit_is_named_and_every_grade_read(bc36):
    for t in bc36.tables:
        for row in t.grid()[1:]:
            if row[0].isdigit():
                assert len(row[1]) >= 6, row  # "Sở Y tế" is the shortest name
    final = _table_on(bc36, 35, "Thứ hạng")
    g = final.grid()
    assert g[5] == ["5", "Ban Quản lý các khu công nghiệp", "85,00", "73,47", "86,43%", "TỐT"]
    assert g[14] == ["14", "Sở Ngoại vụ", "80,50", "48,65", "60,43%", "TRUNG BÌNH"]
    assert [(r[0], r[4]) for r in g[15:]] == [("Chỉ số cao nhất", "93,01%"),
                                              ("Chỉ số trung bình", "84,10%"),
                                              ("Chỉ số thấp nhất", "60,43%")]
    communes = _table_on(bc36, 36, "Thứ hạng")
    grades = Counter(r[5] for r in communes.grid()[1:] if r[0].isdigit())
    # the prose of page 36 and 41: 26 Tốt, 80 Khá, 18 Trung bình of 124
    assert grades == Counter({"KHÁ": 80, "TỐT": 26, "TRUNG BÌNH": 18})


def test_aspose_appendix_is_one_table_of_124_communes_with_wrapped_names_whole():
    """ld-cchc2025-pl1-chidao.pdf (Aspose): one table over pages 2-5, repeated
    headers dropped; values read by eye from page 3."""
    raw = read_raw(REAL_DIR / "ld-cchc2025-pl1-chidao.pdf", {"ocr": "never"})
    departments, communes = list(raw.tables)
    assert [r[0] for r in departments.grid()[1:16]] == [str(i) for i in range(1, 16)]
    g = communes.grid()
    assert g[0] == ["STT", "Đơn vị", "Điểm chuẩn tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chỉ số"]
    assert [r[0] for r in g[1:125]] == [str(i) for i in range(1, 125)]
    assert g[39] == ["39", "UBND xã Hàm Tân", "17,00", "15,50", "9,00", "52,94%"]
    assert g[70] == ["70", "UBND phường Lâm Viên - Đà Lạt", "17,00", "14,00", "6,50", "38,24%"]
    assert g[80] == ["80", "UBND xã Ninh Gia", "17,00", "13,50", "6,50", "38,24%"]
    assert [r[0] for r in g[125:]] == ["Chỉ số cao nhất", "Chỉ số trung bình", "Chỉ số thấp nhất"]
