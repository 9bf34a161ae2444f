"""The header's parts as a PDF of another producer gives them: the left
column (issuer, number, then "BÁO CÁO") before the right one (Quốc hiệu,
Tiêu ngữ, date). The trích yếu is the first line after the tên loại that is
no other part of the header (h-new24: reportlab and chromium PDFs had their
Quốc hiệu checked as the trích yếu)."""
from __future__ import annotations

from reportgen.checks.layout_elements import find_elements
from reportgen.model import Paragraph, Report

LINES = ["UBND TỈNH BẮC THỦY", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 963/BC-TTPVHCC", "BÁO CÁO",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thủy An, ngày 13 tháng 8 năm 2025",
         "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý 3 năm 2025", "1. Kết quả chung"]


def _elements(lines):
    return find_elements(Report(source="bc.pdf", paragraphs=[Paragraph(t, i) for i, t in enumerate(lines)]))


def test_the_trich_yeu_follows_the_right_columns_header_lines():
    el = _elements(LINES)
    assert (el.ten_loai, el.quoc_hieu, el.tieu_ngu, el.dia_danh, el.trich_yeu) == (3, 4, 5, 6, 7)


def test_in_reading_order_the_trich_yeu_is_the_line_after_the_ten_loai():
    lines = LINES[4:7] + LINES[:4] + LINES[7:]
    el = _elements(lines)
    assert (el.quoc_hieu, el.ten_loai, el.trich_yeu) == (0, 6, 7)
