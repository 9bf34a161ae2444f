"""A table reportlab draws with a frame round it and one rule under its
header, no rule between its columns or rows (a common "box" style): the
rules join into one column of two cells, which is no table; the columns are
then read from the words' positions, as on a page with no rules at all.
Before, the page had no table and a report of it said ĐẠT with 0/0 tables."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import pdf

ROWS = [["STT", "Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn (%)"],
        ["1", "Phường Hưng Lộc", "124", "119", "117", "98,32"],
        ["2", "Xã Cầu Kè", "129", "123", "123", "100,00"],
        ["3", "Xã Phú Lâm", "119", "110", "108", "98,18"],
        ["4", "Phường Côn Đảo", "103", "99", "99", "100,00"],
        ["", "Tổng cộng", "475", "451", "447", "99,11"]]


def _pdf(path, style):
    _register_fonts()
    text = ParagraphStyle("body", fontName=FONT_NAME, fontSize=11)
    table = Table(ROWS)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("FONTSIZE", (0, 0), (-1, -1), 10),
                               ("ALIGN", (2, 1), (-1, -1), "RIGHT"), *style]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Biểu số 01. Kết quả giải quyết hồ sơ tháng 10 năm 2026", text), table])


def _tables(path):
    from reportgen.raw import RawTable
    return [b for b in pdf.read(path).blocks if isinstance(b, RawTable)]


def test_a_table_in_a_frame_with_a_rule_under_its_header_is_read_by_its_words(tmp_path):
    path = tmp_path / "box.pdf"
    _pdf(path, [("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)])
    (table,) = _tables(path)
    grid = table.grid()
    assert grid[0] == ROWS[0]
    assert grid[-1] == ROWS[-1] and grid[2] == ROWS[2]


def test_the_same_table_with_every_rule_reads_the_same(tmp_path):
    path = tmp_path / "grid.pdf"
    _pdf(path, [("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    (table,) = _tables(path)
    assert table.grid() == ROWS
