"""A self-assessment table without rules (reportlab, zebra rows, a rule over
and under the header) continued on the next page under its repeated header:
the rows the second page opens with are numbered by the criteria's outline
("2.2", "2.2.1") before the next field ("3"). They are rows, not the
header's lines, and the two parts are one table with every row."""
from __future__ import annotations

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw

HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự\nđánh giá",
          "Điểm thẩm\nđịnh", "Tài liệu kiểm chứng"]
FIRST = [
    ["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6,00", "5,00", "4,75", ""],
    ["1.1", "Kế hoạch cải cách hành chính năm", "4,50", "3,50", "3,25", "Quyết định số 277/QĐ-UBND"],
    ["1.1.1", "Ban hành kế hoạch kịp thời", "2,00", "1,50", "1,50", "Thông báo số 100/TB-UBND"],
    ["1.1.2", "Mức độ thực hiện kế hoạch", "2,50", "2,00", "1,75", "Kế hoạch số 282/KH-UBND"],
    ["1.2", "Báo cáo cải cách hành chính", "1,50", "1,50", "1,50", "Quyết định số 395/QĐ-UBND"],
    ["2", "Cải cách tổ chức bộ máy hành chính nhà nước", "4,00", "3,25", "3,00", ""],
    ["2.1", "Sắp xếp tổ chức bộ máy", "1,50", "1,50", "1,50", "Báo cáo số 221/BC-UBND"],
]
SECOND = [
    ["2.2", "Thực hiện quy định về phân cấp quản lý", "2,50", "1,75", "1,50", "Thông báo số 104/TB-UBND"],
    ["2.2.1", "Thực hiện các nhiệm vụ được phân cấp", "1,00", "1,00", "1,00", "Quyết định số 340/QĐ-UBND"],
    ["2.2.2", "Kiểm tra việc thực hiện phân cấp", "1,50", "0,75", "0,50", "Báo cáo số 74/BC-UBND"],
    ["3", "Cải cách tài chính công", "6,00", "6,00", "5,50", ""],
    ["3.1", "Thực hiện giải ngân vốn đầu tư công", "1,50", "1,50", "1,25", "Công văn số 225/UBND-VP"],
    ["3.2", "Quản lý, sử dụng tài sản công", "4,50", "4,50", "4,25", "Kế hoạch số 358/KH-UBND"],
    ["", "TỔNG CỘNG", "16,00", "14,25", "13,25", ""],
]


def _part(c, rows: list[list[str]], top: float, first_shaded: bool) -> None:
    """One page's part: the header, then zebra rows, rules over and under the header only."""
    from reportlab.lib.colors import Color, white
    from reportlab.platypus import Table, TableStyle

    tint = Color(0.9, 0.93, 0.97)
    table = Table([HEADER, *rows], colWidths=[50, 320, 70, 75, 75, 170])
    shades = [tint, white] if first_shaded else [white, tint]
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 9), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("ALIGN", (2, 1), (4, -1), "RIGHT"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, Color(0, 0, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, Color(0, 0, 0)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), shades)]))
    _, height = table.wrapOn(c, 800, 500)
    table.drawOn(c, 37, top - height)


def test_rows_numbered_by_the_outline_under_a_repeated_header_are_rows_of_the_table(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    _register_fonts()
    path = tmp_path / "tu-danh-gia.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    c.setFont(FONT_NAME, 12)
    c.drawCentredString(421, 540, "Phụ lục")
    c.drawCentredString(421, 522, "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    _part(c, FIRST, 505, first_shaded=False)
    c.showPage()
    _part(c, SECOND, 555, first_shaded=True)  # the page opens on the repeated header, "2.2" shaded under it
    c.showPage()
    c.save()

    tables = list(read_raw(path).tables)
    assert len(tables) == 1
    grid = tables[0].grid()
    assert grid[0] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
                       "Điểm thẩm định", "Tài liệu kiểm chứng"]
    assert grid[1:] == FIRST + SECOND
