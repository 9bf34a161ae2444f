"""A numbering column too narrow for two digits (parsers/pdf_rows.py): the
producer wraps '10' into '1' over '0'; the row is numbered 10, not cut into
a row 1 and a row 0."""
from __future__ import annotations

import pytest

from parsers import read_raw


@pytest.mark.parametrize("width", [20, 24])
def test_a_row_number_wrapped_in_a_narrow_column_stays_one_number(tmp_path, width):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    style = ParagraphStyle("c", fontName=FONT_NAME, fontSize=9, leading=11)
    names = ["Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "UBND huyện Mường Chà", "Sở Y tế",
             "Sở Nội vụ", "Ban Dân tộc", "Thanh tra tỉnh", "Sở Tư pháp", "Sở Xây dựng",
             "Ban Quản lý các khu kinh tế", "UBND thị xã Mường Lay", "Sở Công Thương"]
    rows = [["TT", "Đơn vị", "Hồ sơ tiếp nhận", "Đúng hạn"]]
    for k, name in enumerate(names, 1):
        rows.append([str(k), name, f"{1000 + 37 * k}", f"{900 + 29 * k}"])
    data = [[Paragraph(c, style) for c in row] for row in rows]
    path = tmp_path / "narrow.pdf"
    table = Table(data, colWidths=[width, 120, 70, 60])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    (t,) = read_raw(path).tables
    body = [[c.replace(" ", "") if j == 0 else c for j, c in enumerate(r)] for r in t.grid()[t.header_rows or 0:]]
    assert [r[0] for r in body] == [str(k) for k in range(1, 13)]
    assert body[9] == ["10", "Ban Quản lý các khu kinh tế", "1370", "1190"]
