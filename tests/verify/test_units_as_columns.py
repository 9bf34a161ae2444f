"""An annex that lists the units as COLUMNS: one row per group of the 766
index with its "Điểm tối đa", then "Tổng điểm", "Xếp loại" and "Xếp hạng"
rows. The grade and rank rows are the units' grades and ranks (checked by the
scheme's bands and by the totals), and the maximum column is the groups'
maxima, never a unit of its own."""
from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document

from reportgen.read import read_path
from reportgen.verify import verify_path

GROUPS = [("Công khai, minh bạch", "18"), ("Tiến độ, kết quả giải quyết", "20"), ("Dịch vụ công trực tuyến", "12"),
          ("Thanh toán trực tuyến", "10"), ("Mức độ hài lòng", "18"), ("Số hóa hồ sơ", "22")]
UNITS = {"Xã Hiệp Thạnh": ["16,5", "19,25", "10,8", "9,0", "16,2", "18,75"],   # 90,50 Xuất sắc, 2nd
         "Xã Đức Trọng": ["17,0", "18,5", "11,4", "8,5", "17,1", "20,5"],      # 93,00 Xuất sắc, 1st
         "Xã Tà Hine": ["12,25", "15,0", "7,2", "6,0", "13,5", "12,0"],        # 65,95 Trung bình, 4th
         "Xã Ninh Gia": ["14,75", "17,25", "9,6", "7,5", "15,3", "16,25"]}     # 80,65 Tốt, 3rd
RESULTS = {"Tổng điểm": ["90,50", "93,00", "65,95", "80,65"], "Xếp loại": ["Xuất sắc", "Xuất sắc", "Trung bình", "Tốt"],
           "Xếp hạng": ["2", "1", "4", "3"]}


def write(path, change: tuple[str, int, str] | None = None) -> None:
    """The annex; ``change`` = (row label, unit's place, text) puts one slip in."""
    rows = [["TT", "Tiêu chí", "Điểm tối đa", *UNITS]]
    rows += [[str(k + 1), name, mx, *(v[k] for v in UNITS.values())] for k, (name, mx) in enumerate(GROUPS)]
    rows += [["", label, "100" if label == "Tổng điểm" else "", *values] for label, values in RESULTS.items()]
    save_annex(path, ("KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP CỦA CÁC XÃ QUÝ III NĂM 2025",
                      "(Kèm theo Thông báo số 72/TB-UBND ngày 15/10/2025 của UBND tỉnh)"),
               rows, (change,) if change else ())


def save_annex(path, title: tuple[str, ...], rows: list[list[str]], changes=(), note: str | None = None) -> None:
    """An annex headed "Phụ lục" and ``title``, its table ``rows`` with each
    change (row label, unit's place, text) written in, and an optional note."""
    for label, place, text in changes:
        next(r for r in rows if r[1] == label)[3 + place] = text
    doc = Document()
    for text in ("Phụ lục", *title):
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if note:
        doc.add_paragraph(note)
    doc.save(path)


def errors(path) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.unit, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]


def test_each_unit_column_is_a_unit_with_its_grade_and_rank(tmp_path):
    write(tmp_path / "a.docx")
    [table] = read_path(tmp_path / "a.docx").tables
    assert [(r.unit, r.total, r.grade, r.rank) for r in table.rows] == [
        ("Xã Hiệp Thạnh", Decimal("90.50"), "Xuất sắc", 2), ("Xã Đức Trọng", Decimal("93.00"), "Xuất sắc", 1),
        ("Xã Tà Hine", Decimal("65.95"), "Trung bình", 4), ("Xã Ninh Gia", Decimal("80.65"), "Tốt", 3)]


def test_the_clean_annex_is_checked_whole(tmp_path):
    write(tmp_path / "a.docx")
    result = verify_path(tmp_path / "a.docx")
    assert result.verdict == "ĐẠT"
    assert result.ledger.to_json()["cells"] == {"checked": 32, "total": 32}


@pytest.mark.parametrize(("change", "expected"), [
    (("Xếp loại", 2, "Khá"), [("GRADE_MISMATCH", "Xã Tà Hine", "Khá", "Trung bình")]),
    (("Xếp hạng", 0, "1"), [("RANK_ORDER", "Xã Hiệp Thạnh", "1", "2")]),
    (("Dịch vụ công trực tuyến", 2, "13,2"), [("VALUE_EXCEEDS_MAX", "Xã Tà Hine", "13.2", "7.20")]),
], ids=["grade", "tied-rank", "over-max"])
def test_one_slip_in_the_annex_is_one_error_at_its_unit(tmp_path, change, expected):
    write(tmp_path / "a.docx", change)
    assert errors(tmp_path / "a.docx") == expected


def test_a_wrong_criterion_under_a_total_its_grade_and_rank_agree_with_is_the_one_error(tmp_path):
    # Xã Đức Trọng's "Mức độ hài lòng" 17,1 written 6,5: the criteria add up to 82,4, not the 93,00
    # written — but 93,00 is what its grade (Xuất sắc) and its rank (1st) say. Only one criterion
    # moved by the 10,6 missing stays within its maximum (6,5 → 17,1 of 18; 20,5 → 31,1 of 22
    # does not): the slip is that cell, and the two sums and the grade it breaks are named in it.
    write(tmp_path / "a.docx", ("Mức độ hài lòng", 1, "6,5"))
    result = verify_path(tmp_path / "a.docx")
    table = [f for f in result.findings if f.table is not None]
    assert [(f.code, str(f.severity), f.unit, f.column, f.reported, f.expected) for f in table] == [
        ("TOTAL_MISMATCH", "error", "Xã Đức Trọng", "mdhl", "6.5", "17.1")]
    assert "cột “Mức độ hài lòng” ghi 6,5; nếu là 17,1 thì mọi quan hệ đều khớp" in table[0].message
    assert "kéo theo: SUM_ROW_MISMATCH ở “Xã Đức Trọng” (ghi 93,00, tính ra 82,4); GRADE_MISMATCH ở " \
        "“Xã Đức Trọng” (ghi Xuất sắc, tính ra Tốt)" in table[0].message


# The PAR index by field for five districts: no scheme's group names, the maxima in a column of their
# own, a legend that states the bands (Khá from 65 %), and rows for the index, the grade and the rank.
FIELDS = [("Công tác chỉ đạo, điều hành CCHC", "12"), ("Cải cách thể chế", "9"),
          ("Cải cách thủ tục hành chính", "13"), ("Cải cách tổ chức bộ máy hành chính nhà nước", "10"),
          ("Cải cách chế độ công vụ", "13"), ("Cải cách tài chính công", "8"),
          ("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "15"), ("Điều tra xã hội học", "20")]
DISTRICTS = {"Huyện Lạc Dương": ["10,50", "8,00", "11,75", "9,00", "11,50", "6,50", "13,25", "16,40"],
             "Huyện Đơn Dương": ["9,25", "7,50", "10,50", "8,50", "10,75", "6,00", "12,00", "15,10"],
             "Thành phố Bảo Lộc": ["11,75", "8,75", "12,50", "9,50", "12,25", "7,25", "14,50", "17,85"],
             "Huyện Lâm Hà": ["8,00", "6,25", "9,75", "7,50", "9,25", "5,50", "10,50", "14,05"],
             "Huyện Di Linh": ["7,50", "5,75", "8,25", "7,00", "8,00", "4,75", "9,00", "12,60"]}
INDEX = ["86,90", "79,60", "94,35", "70,80", "62,85"]
PAR_RESULTS = {"Tổng điểm đạt được": INDEX, "Chỉ số CCHC (%)": INDEX,
               "Xếp loại": ["Tốt", "Khá", "Tốt", "Khá", "Trung bình"], "Xếp hạng": ["2", "3", "1", "4", "5"]}


def write_par(path, changes: tuple[tuple[str, int, str], ...] = ()) -> None:
    rows = [["STT", "Lĩnh vực / Tiêu chí", "Điểm tối đa", *DISTRICTS]]
    rows += [[str(k + 1), name, mx, *(v[k] for v in DISTRICTS.values())] for k, (name, mx) in enumerate(FIELDS)]
    rows += [["", label, "100" if label.startswith("Tổng") else "", *values] for label, values in PAR_RESULTS.items()]
    save_annex(path, ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC HUYỆN, THÀNH PHỐ",
                      "(Kèm theo Quyết định số 215/QĐ-UBND ngày 20/02/2026 của UBND tỉnh)"), rows, changes,
               "Ghi chú: Xếp loại Tốt: từ 80% trở lên; Khá: từ 65% đến dưới 80%; "
               "Trung bình: từ 50% đến dưới 65%; Yếu: dưới 50%.")


def test_a_par_index_by_field_with_units_as_columns_is_checked_whole(tmp_path):
    write_par(tmp_path / "par.docx")
    result = verify_path(tmp_path / "par.docx")
    assert result.verdict == "ĐẠT"
    assert result.ledger.to_json()["cells"] == {"checked": 64, "total": 64}  # the maxima sum to 100 too


@pytest.mark.parametrize(("changes", "expected"), [
    ((("Xếp loại", 4, "Khá"),), [("GRADE_BAND_MISMATCH", "Huyện Di Linh", "Khá", "Trung bình")]),
    ((("Xếp hạng", 0, "3"), ("Xếp hạng", 1, "2")),
     [("RANK_MISMATCH", "Huyện Lạc Dương", "3", "2"), ("RANK_MISMATCH", "Huyện Đơn Dương", "2", "3")]),
    ((("Cải cách thể chế", 2, "9,75"),), [("VALUE_EXCEEDS_MAX", "Thành phố Bảo Lộc", "9.75", "8.75")]),
    ((("Tổng điểm đạt được", 1, "81,60"),), [("SUM_COLUMNS_MISMATCH", "Huyện Đơn Dương", "81.60", "79.60")]),
], ids=["grade-by-legend", "two-ranks-swapped", "over-the-field-maximum", "total"])
def test_one_slip_in_the_par_index_is_found_at_its_district(tmp_path, changes, expected):
    write_par(tmp_path / "par.docx", changes)
    assert errors(tmp_path / "par.docx") == expected


def test_the_text_report_heads_a_finding_with_the_row_it_stands_in(tmp_path):
    from reportgen.findings_text import format_findings

    write_par(tmp_path / "par.docx", (("Xếp hạng", 0, "3"), ("Xếp hạng", 1, "2")))
    result = verify_path(tmp_path / "par.docx")
    text = format_findings(result.report, result.findings, result.ledger)
    assert "  Dòng 12 – Xếp hạng:\n    [LỖI] RANK_MISMATCH: Huyện Lạc Dương: cột “Xếp hạng” ghi 3" in text
