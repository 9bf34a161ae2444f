"""Unseen layouts as real Word files (python-docx): a department-level 766
notice with each group's rate beside its points under merged group headers,
and a report whose appendix table runs on after a page break without its
header, with names in both tone placements (Văn hoá / Văn hóa). Figures were
computed by hand for these tests: points = rate × maximum / 100, rounded to
2 places; totals are the sums of the points."""
from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

D = Decimal

GROUPS_766 = [("Công khai, minh bạch", 18), ("Tiến độ, kết quả giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
              ("Thanh toán trực tuyến", 10), ("Mức độ hài lòng", 18), ("Số hóa hồ sơ", 22)]
# unit, [(rate, points) per group], total as written, rank
DEPARTMENTS = [
    ("Sở Tư pháp", [("75,06", "13,51"), ("100", "20"), ("80,92", "9,71"), ("95,74", "9,57"), ("91,38", "16,45"),
                    ("99,46", "21,88")], "91,12"),
    ("Sở Nội vụ", [("90,19", "16,23"), ("68,58", "13,72"), ("78,34", "9,40"), ("100", "10"), ("78,09", "14,06"),
                   ("92,08", "20,26")], "83,67"),
    ("Sở Tài chính", [("100", "18"), ("72,65", "14,53"), ("100", "12"), ("100", "10"), ("77,54", "13,96"),
                      ("43,93", "9,66")], "78,15"),
    ("Sở Công Thương", [("82,83", "14,91"), ("52,67", "10,53"), ("100", "12"), ("74,41", "7,44"), ("57,10", "10,28"),
                        ("100", "22")], "77,16"),
    # planted slip: the points add up to 72,05
    ("Sở Y tế", [("58,08", "10,45"), ("41,86", "8,37"), ("91,93", "11,03"), ("68,36", "6,84"), ("83,13", "14,96"),
                 ("92,73", "20,40")], "75,02"),
    ("Sở Văn hoá, Thể thao và Du lịch", [("58,58", "10,54"), ("100", "20"), ("100", "12"), ("41,88", "4,19"),
                                         ("51,84", "9,33"), ("64,48", "14,19")], "70,25"),
    ("Sở Xây dựng", [("92,73", "16,69"), ("45,85", "9,17"), ("48,16", "5,78"), ("53,02", "5,30"), ("97,93", "17,63"),
                     ("66,17", "14,56")], "69,13"),
    ("Sở Nông nghiệp và Môi trường", [("57,63", "10,37"), ("86,13", "17,23"), ("92,37", "11,08"), ("42,65", "4,27"),
                                      ("76,87", "13,84"), ("42,70", "9,39")], "66,18"),
]


def _landscape(doc: Document) -> None:
    """The appendix in a landscape section, as offices lay out wide tables."""
    section = doc.sections[-1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(15)


def _header(doc: Document, parent: str, org: str, number: str, place_date: str) -> None:
    t = doc.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = parent, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text, t.cell(1, 1).text = org, "Độc lập - Tự do - Hạnh phúc"
    t.cell(2, 0).text, t.cell(2, 1).text = f"Số: {number}", place_date


def build_766_notice(path) -> None:
    doc = Document()
    _header(doc, "UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "41/TB-VP", "Lâm Đồng, ngày 12 tháng 11 năm 2025")
    doc.add_paragraph("THÔNG BÁO")
    doc.add_paragraph("Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của các sở, ban, ngành tháng 10 năm 2025")
    doc.add_paragraph("Văn phòng UBND tỉnh thông báo điểm các sở, ban, ngành theo Quyết định số 766/QĐ-TTg như sau:")
    _landscape(doc)
    n_cols = 2 + 2 * len(GROUPS_766) + 2
    table = doc.add_table(rows=2 + len(DEPARTMENTS), cols=n_cols)
    table.style = "Table Grid"
    for c, label in ((0, "STT"), (1, "Cơ quan, đơn vị"), (n_cols - 2, "Tổng điểm (tối đa 100 điểm)"),
                     (n_cols - 1, "Xếp hạng")):
        merged = table.cell(0, c).merge(table.cell(1, c))
        merged.text = label
    for g, (label, maximum) in enumerate(GROUPS_766):
        c = 2 + 2 * g
        merged = table.cell(0, c).merge(table.cell(0, c + 1))
        merged.text = label
        table.cell(1, c).text = "Tỷ lệ %"
        table.cell(1, c + 1).text = f"Điểm đạt (tối đa {maximum} điểm)"
    for r, (unit, pairs, total) in enumerate(DEPARTMENTS):
        cells = [str(r + 1), unit] + [x for pair in pairs for x in pair] + [total, str(r + 1)]
        for c, text in enumerate(cells):
            table.cell(2 + r, c).text = text
    doc.add_paragraph("Đề nghị các sở, ban, ngành có điểm thấp khắc phục hạn chế.")
    doc.save(path)


def test_766_notice_reads_group_points_beside_their_rates(tmp_path):
    path = tmp_path / "tb766.docx"
    build_766_notice(path)
    report = read_path(path)
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert table.scheme == "qd766-2022"
    assert len(table.rows) == 8
    first = table.rows[0]
    assert first.unit == "Sở Tư pháp"
    assert first.scores == {"ckmb": D("13.51"), "tdgq": D("20"), "clgq": D("9.71"), "tttt": D("9.57"),
                            "mdhl": D("16.45"), "mdsh": D("21.88")}
    assert first.total == D("91.12") and first.rank == 1 and first.percent is None
    # the rates stay beside the points, not taken for the unit's percent
    assert first.extra["Công khai, minh bạch Tỷ lệ %"] == "75,06"
    assert [r.rank for r in table.rows] == list(range(1, 9))


def test_766_notice_finds_the_one_wrong_total_and_nothing_else(tmp_path):
    path = tmp_path / "tb766.docx"
    build_766_notice(path)
    findings = run_checks(read_path(path), CheckContext())
    errors = [(f.code, f.unit, f.reported, f.expected) for f in findings if f.severity == "error"]
    assert errors == [("TOTAL_MISMATCH", "Sở Y tế", "75.02", "72.05")]


# dienbien-2023 columns (maxima 5 5 10 30 10 10 5 10 5 5 5)
PART_ONE = [
    ("Phòng Văn hóa, Khoa học và Thông tin", "4,29 4,28 - 29,07 5,12 7,49 - 6,04 2,69 5 -", "63,98/80", "79,98", "Khá"),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", "5 5 7,47 29,03 10 10 - 10 3,18 3,57 5", "88,25/95", "92,89", "Xuất sắc"),
    ("Phòng Tài nguyên, Môi trường", "2,31 2,30 10 16,49 8,66 6,39 5 8,88 - 2,50 4,77", "67,30/95", "70,84", "Khá"),
]
PART_TWO = [
    ("Văn phòng HĐND, UBND huyện", "3,75 5 8,29 14,30 10 9,04 2,40 - 5 4,86 2,54", "65,18/90", "72,42", "Khá"),
    ("Phòng Dân tộc, Tôn giáo", "5 5 6,99 30 5,31 9,78 5 8,80 4,41 4,08 5", "89,37/100", "89,37", "Tốt"),
    # planted slip: the scores add up to 78,33
    ("Trung tâm Dịch vụ nông nghiệp, khuyến nông", "4,37 4,85 4,56 24,58 8,06 8,04 3,21 8,29 3,67 4,55 4,15",
     "78,83/100", "78,33", "Khá"),
]
HEAD_1 = ["TT", "Tên cơ quan", "Nhóm công khai, minh bạch", "", "", "Tiến độ giải quyết", "Cung cấp DVCTT", "",
          "Nhóm số hóa hồ sơ", "", "Nhóm mức độ hài lòng", "", "", "Tổng điểm", "Tỷ lệ (%)", "Xếp loại"]
HEAD_2 = ["", "", "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)", "Chỉ số (30đ)", "Chỉ số 1 (10đ)",
          "Chỉ số 2 (10đ)", "Chỉ số 1 (5đ)", "Chỉ số 2 (10đ)", "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (5đ)",
          "", "", ""]


def _rows(table, start: int, rows) -> None:
    for r, (unit, scores, total, percent, grade) in enumerate(rows):
        cells = [str(start + r), unit, *scores.split(), total, percent, grade]
        for c, text in enumerate(cells):
            table.cell(r + (2 if start == 1 else 0), c).text = text


def build_split_report(path) -> None:
    doc = Document()
    _header(doc, "UBND TỈNH NINH BÌNH", "UBND HUYỆN KIM SƠN", "77/BC-UBND", "Kim Sơn, ngày 06 tháng 9 năm 2023")
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp tháng 8 năm 2023")
    doc.add_paragraph("1. Kết quả đánh giá, xếp loại")
    doc.add_paragraph("- 01 cơ quan xếp loại Xuất sắc: Phòng Kinh tế, Hạ tầng và Đô thị.")
    doc.add_paragraph("- 01 cơ quan xếp loại Tốt: Phòng Dân tộc, Tôn giáo.")
    doc.add_paragraph("- 04 cơ quan xếp loại Khá: Phòng Văn hoá, Khoa học và Thông tin; Phòng Tài nguyên, Môi trường; "
                      "Văn phòng HĐND, UBND huyện; Trung tâm Dịch vụ nông nghiệp, khuyến nông.")
    doc.add_paragraph("Phụ lục")
    doc.add_paragraph("KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN THÁNG 8 NĂM 2023")
    _landscape(doc)
    first = doc.add_table(rows=2 + len(PART_ONE), cols=len(HEAD_1))
    first.style = "Table Grid"
    for c, (a, b) in enumerate(zip(HEAD_1, HEAD_2)):
        first.cell(0, c).text, first.cell(1, c).text = a, b
    for c in (0, 1, 5, 13, 14, 15):
        top = first.cell(0, c).text
        first.cell(0, c).merge(first.cell(1, c)).text = top
    for c, span in ((2, 3), (6, 2), (8, 2), (10, 3)):
        label = first.cell(0, c).text
        first.cell(0, c).merge(first.cell(0, c + span - 1)).text = label
    _rows(first, 1, PART_ONE)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    second = doc.add_table(rows=len(PART_TWO), cols=len(HEAD_1))
    second.style = "Table Grid"
    _rows(second, 4, PART_TWO)
    doc.save(path)


def test_table_after_a_page_break_without_its_header_is_one_table(tmp_path):
    path = tmp_path / "split.docx"
    build_split_report(path)
    report = read_path(path)
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert table.scheme == "dienbien-2023"
    assert [r.unit for r in table.rows] == [u for u, *_ in PART_ONE + PART_TWO]
    last = table.rows[-1]
    assert last.total == D("78.83") and last.max == D("100") and last.percent == D("78.33")
    assert table.rows[0].scores["td"] == D("29.07") and table.rows[0].scores["ck3"] is None
    assert table.rows[0].max == D("80")


def test_split_table_and_both_tone_placements_leave_only_the_planted_slip(tmp_path):
    path = tmp_path / "split.docx"
    build_split_report(path)
    findings = run_checks(read_path(path), CheckContext())
    errors = [(f.code, f.unit, f.reported, f.expected) for f in findings if f.severity == "error"]
    assert errors == [("TOTAL_MISMATCH", "Trung tâm Dịch vụ nông nghiệp, khuyến nông", "78.83", "78.33")]
    assert not [f for f in findings if f.code in ("GRADE_COUNT_MISMATCH", "GRADE_LIST_MISMATCH")]


def _pdf(docx_path, out_dir):
    # LibreOffice in its own profile: a soffice already running on the machine
    # with the default profile would make a plain `soffice` call fail.
    from parsers.legacy_office import convert

    return convert(docx_path, "pdf", out_dir)


@pytest.mark.slow
def test_766_notice_as_libreoffice_pdf_gives_the_same_rows_and_finding(tmp_path):
    path = tmp_path / "tb766.docx"
    build_766_notice(path)
    report = read_path(_pdf(path, tmp_path))
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert [r.unit for r in table.rows] == [u for u, *_ in DEPARTMENTS]
    assert table.rows[7].scores["mdsh"] == D("9.39") and table.rows[7].total == D("66.18")
    errors = [(f.code, f.unit, f.reported, f.expected) for f in run_checks(report, CheckContext())
              if f.severity == "error" and f.table is not None]
    assert errors == [("TOTAL_MISMATCH", "Sở Y tế", "75.02", "72.05")]


@pytest.mark.slow
def test_split_table_as_libreoffice_pdf_is_one_table_with_the_planted_slip(tmp_path):
    path = tmp_path / "split.docx"
    build_split_report(path)
    report = read_path(_pdf(path, tmp_path))
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert len(table.rows) == 6
    last = table.rows[-1]
    assert (last.unit, last.total, last.percent) == ("Trung tâm Dịch vụ nông nghiệp, khuyến nông", D("78.83"),
                                                     D("78.33"))
    assert "Văn phòng HĐND, UBND huyện" in [r.unit for r in table.rows]
    errors = [(f.code, f.unit, f.reported, f.expected) for f in run_checks(report, CheckContext())
              if f.severity == "error"]
    assert errors == [("TOTAL_MISMATCH", "Trung tâm Dịch vụ nông nghiệp, khuyến nông", "78.83", "78.33")]
