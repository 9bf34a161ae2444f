"""A transposed 766 table drawn by reportlab without rules (zebra rows):
groups of indicators as rows, communes as columns, the scores set at the
right of each cell and the "Xếp loại" / "Xếp hạng" rows at its left (the
default alignment). Each commune's grade and rank stand under its header,
as in the DOCX: the header centred on both alignments makes them one
column, not a column of words beside a column of figures."""
from __future__ import annotations

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw

COMMUNES = ["Xã Kim Bài", "Xã Bích Hòa", "Xã Cự Khê", "Xã Tam Hưng", "Xã Thanh Cao", "Xã Xuân Dương"]
ROWS = [
    ["1", "Công khai, minh bạch", "18", "14,38", "14,56", "16,70", "18,00", "13,77", "13,89", "15,22"],
    ["2", "Tiến độ giải quyết", "20", "16,97", "15,12", "17,17", "20,00", "13,74", "12,44", "15,91"],
    ["3", "Dịch vụ công trực tuyến", "12", "9,39", "7,99", "8,87", "10,57", "8,67", "8,24", "8,96"],
    ["4", "Thanh toán trực tuyến", "10", "7,83", "8,37", "8,27", "9,27", "8,39", "7,12", "8,21"],
    ["5", "Mức độ hài lòng", "18", "17,08", "14,14", "14,38", "18,00", "13,07", "10,80", "14,58"],
    ["6", "Số hóa hồ sơ", "22", "17,72", "15,61", "19,10", "22,00", "16,52", "14,02", "17,50"],
    ["", "Tổng điểm", "100", "83,37", "75,79", "84,49", "97,84", "74,16", "66,51", "80,36"],
    ["", "Xếp loại", "", "Tốt", "Khá", "Tốt", "Xuất sắc", "Khá", "Trung bình", ""],
    ["", "Xếp hạng", "", "3", "4", "2", "1", "5", "6", ""],
]


def test_grade_and_rank_set_left_under_right_aligned_scores_stay_in_their_communes_columns(tmp_path):
    from reportlab.lib.colors import Color, white
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    path = tmp_path / "chi-so-766.pdf"
    header = ["STT", "Nhóm chỉ số", "Điểm tối\nđa", "Xã Kim Bài", "Xã Bích Hòa", "Xã Cự Khê", "Xã Tam\nHưng",
              "Xã Thanh\nCao", "Xã Xuân\nDương", "Bình quân"]
    table = Table([header, *ROWS], colWidths=[34, 200, 48, 69, 69, 69, 69, 69, 69, 69])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 9), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("ALIGN", (2, 1), (-1, 7), "RIGHT"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, Color(0, 0, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, Color(0, 0, 0)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, Color(0, 0, 0)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, Color(0.9, 0.93, 0.97)])]))
    title = ParagraphStyle("t", fontName=FONT_NAME, fontSize=12, alignment=1)
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([
        Paragraph("KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP CẤP XÃ QUÝ III NĂM 2025", title),
        Spacer(1, 12), table])

    tables = list(read_raw(path).tables)
    assert len(tables) == 1
    grid = tables[0].grid()
    assert grid[0] == ["STT", "Nhóm chỉ số", "Điểm tối đa", *COMMUNES, "Bình quân"]
    assert grid[1:] == ROWS
