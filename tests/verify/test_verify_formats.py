"""The same appendix in other formats (a Word table with merged header cells,
a spreadsheet with real numbers and merged headers) gives the same findings
as the text seed: the checks see the report, not the file format."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from docx import Document
from openpyxl import Workbook

from reportgen.verify import verify_path

from support import SEEDS

SEED_000 = next((SEEDS).glob("000_*.txt"))

DB24_GROUPS = [("Nhóm công khai, minh bạch", 2, 5), ("Cung cấp DVTT", 7, 8), ("Nhóm số hóa hồ sơ", 9, 13),
               ("Nhóm mức độ hài lòng", 14, 16)]
DB24_LEAVES = {2: "Chỉ số 1 (6đ)", 3: "Chỉ số 2 (4đ)", 4: "Chỉ số 3 (2đ)", 5: "Chỉ số 4 (6đ)",
               7: "DVC trực tuyến (12đ)", 8: "Thanh toán trực tuyến (10đ)", 9: "Chỉ số 12 (6đ)",
               10: "Chỉ số 13 (4đ)", 11: "Chỉ số 14 (2đ)", 12: "Chỉ số 15 (2đ)", 13: "Chỉ số 16 (4đ)",
               14: "Chỉ số 17 (6đ)", 15: "Chỉ số 18 (6đ)", 16: "Chỉ số 19 (6đ)"}
DB24_SINGLE = {0: "STT", 1: "TÊN CƠ QUAN, ĐƠN VỊ", 6: "Tiến độ, KQ giải quyết Chỉ số 5 (24đ)",
               17: "TỔNG ĐIỂM ĐẠT ĐƯỢC", 18: "TỶ LỆ ĐIỂM ĐẠT ĐƯỢC (%)", 19: "XẾP LOẠI"}


def seed_000_rows():
    """Phụ lục I of seed 000 as written: 17 departments, 20 cells each."""
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    return [[c.strip() for c in r] for r in rows if len(r) == 20 and r[0].strip().isdigit()][:17]


def test_word_table_with_merged_headers_gives_the_max_mismatch_of_thanh_tra_tinh(tmp_path):
    rows = seed_000_rows()
    doc = Document()
    doc.add_paragraph("Phụ lục I")
    doc.add_paragraph("KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP NĂM 2024")
    t = doc.add_table(rows=2 + len(rows), cols=20)
    for c, text in DB24_SINGLE.items():
        t.cell(0, c).merge(t.cell(1, c)).text = text
    for text, a, b in DB24_GROUPS:
        t.cell(0, a).merge(t.cell(0, b)).text = text
    for c, text in DB24_LEAVES.items():
        t.cell(1, c).text = text
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(2 + i, j).text = text
    path = tmp_path / "phu-luc-i.docx"
    doc.save(path)
    result = verify_path(path)
    # python-docx's bare document is not laid out per ND30: its LAYOUT_* warnings are beside the point here.
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
            if not f.code.startswith("LAYOUT_")] == [
        ("MAX_MISMATCH", "error", "Thanh tra tỉnh", "62", "60"),
        ("PERCENT_MISMATCH", "warning", "Thanh tra tỉnh", "93.4", "96.52")]
    assert len(result.report.tables[0].rows) == 17


def test_spreadsheet_with_numbers_and_group_rows_gives_the_total_and_max_findings(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 7 NĂM 2023"])
    ws.append(["STT", "TÊN ĐƠN VỊ", "Nhóm công khai, minh bạch", None, None, "Tiến độ, KQ giải quyết (30đ)",
               "Cung cấp DVCTT", None, "Số hóa hồ sơ", None, "Mức độ hài lòng", None, None,
               "TỔNG ĐIỂM ĐẠT ĐƯỢC", "TỔNG ĐIỂM QUY ĐỔI", "XẾP LOẠI"])
    ws.append([None, None, "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)", None, "Chỉ số 1 (10đ)",
               "Chỉ số 2 (10đ)", "Chỉ số 1 (5đ)", "Chỉ số 2 (10đ)", "Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)",
               "Chỉ số 3 (5đ)"])
    for cells in ("A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:H2", "I2:J2", "K2:M2", "N2:N3", "O2:O3", "P2:P3"):
        ws.merge_cells(cells)
    ws.append(["I", "CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN"])
    ws.append([1, "Trung tâm QLĐĐ", "-", 4.81, "-", 23.45, 5.16, 5.6, 1.26, 5.33, 5, 5, 3.33, 58.69, 69.34,
               "Trung bình"])
    ws.append([2, "Phòng Kinh tế và Hạ tầng", "-", 4.81, "-", 30, 10, 10, 5, 10, 5, 5, 3.33, 83.14, 97.81,
               "Xuất sắc"])
    ws.append(["II", "UBND CÁC XÃ"])
    ws.append([1, "UBND xã Hua Thanh", "-", 4.81, "-", 30, 10, 0, 0, 0.7, 5, 5, 5, 60.51, 71.19, "Khá"])
    ws.append([2, "UBND xã Núa Ngam", "-", 4.81, "-", 29.71, 10, 4.81, 4.79, 11.5, 5, 5, 5, 80.62, 94.85, "XS"])
    path = tmp_path / "phu-luc.xlsx"
    wb.save(path)
    result = verify_path(path)
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings] == [
        ("TOTAL_MISMATCH", "error", "Trung tâm QLĐĐ", "58.69", "58.94"),
        ("SCORE_EXCEEDS_MAX", "error", "UBND xã Núa Ngam", "11.5", "10")]
    assert [(r.section, r.unit) for r in result.report.tables[0].rows] == [
        ("I", "Trung tâm QLĐĐ"), ("I", "Phòng Kinh tế và Hạ tầng"), ("II", "UBND xã Hua Thanh"),
        ("II", "UBND xã Núa Ngam")]


@pytest.mark.slow
def test_word_and_both_pdf_renditions_give_the_same_findings(tmp_path):
    """The appendix as an office would send it: DOCX, the PDF LibreOffice
    makes of it, and a PDF drawn without ruling lines."""
    from fixtures.build_pdf import Column, appendix_docx, libreoffice_pdfs, reportlab_pdf

    g1, g2, g3, g4 = "Nhóm công khai, minh bạch", "Cung cấp DVTT", "Nhóm số hóa hồ sơ", "Nhóm mức độ hài lòng"
    columns = [Column("STT", None, 0.8), Column("TÊN CƠ QUAN, ĐƠN VỊ", None, 4.0),
               *(Column(DB24_LEAVES[c], g1) for c in (2, 3, 4, 5)),
               Column("Tiến độ, KQ giải quyết Chỉ số 5 (24đ)", None, 1.4),
               *(Column(DB24_LEAVES[c], g2, 1.3) for c in (7, 8)),
               *(Column(DB24_LEAVES[c], g3) for c in (9, 10, 11, 12, 13)),
               *(Column(DB24_LEAVES[c], g4) for c in (14, 15, 16)),
               Column("TỔNG ĐIỂM ĐẠT ĐƯỢC", None, 1.6), Column("TỶ LỆ ĐIỂM ĐẠT ĐƯỢC (%)", None, 1.4),
               Column("XẾP LOẠI", None, 1.5)]
    docx = appendix_docx(tmp_path / "pl1.docx", "Phụ lục I KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, "
                         "DOANH NGHIỆP NĂM 2024", columns, seed_000_rows())
    (office_pdf,) = libreoffice_pdfs([docx], tmp_path / "lo")
    drawn_pdf = reportlab_pdf(docx, tmp_path / "pl1-khong-ke.pdf")
    for path in (docx, office_pdf, drawn_pdf):
        result = verify_path(path)
        assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
                if f.table is not None] == [
            ("MAX_MISMATCH", "error", "Thanh tra tỉnh", "62", "60"),
            ("PERCENT_MISMATCH", "warning", "Thanh tra tỉnh", "93.4", "96.52")], path.name
        assert len(result.report.tables[0].rows) == 17, path.name
    # The second PDF engine, chosen on the command line, finds the same slip.
    proc = subprocess.run([sys.executable, "-m", "reportgen", "verify", str(office_pdf), "--engine", "camelot",
                           "--format", "json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["code"], f["unit"], f["reported"], f["expected"]) for f in findings
            if f["severity"] == "error"] == [("MAX_MISMATCH", "Thanh tra tỉnh", "62", "60")]
