"""Shading is no rule (parsers/pdf_rules.py): a table without rules whose
rows or cells are painted in a light tint is read from the alignment of its
words, as without the tint."""
from __future__ import annotations

import pytest

from parsers import read_raw


def _shaded_pdf(path, per_cell: bool, tint) -> list[list[str]]:
    """A score table without a rule, every other row shaded in ``tint``
    (one box per row, or per cell as a browser paints it); its rows."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    names = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Thanh tra tỉnh",
             "Sở Công Thương", "Ban Dân tộc", "Sở Ngoại vụ", "UBND xã Tân Lập"]
    rows = [["STT", "Cơ quan, đơn vị", "Chỉ đạo (20)", "Thủ tục (30)", "Tổng điểm", "Xếp loại"]]
    for k, name in enumerate(names, 1):
        a, b = 10 + k % 7 + k / 4, 18 + (k * 3) % 11 + k / 5
        rows.append([str(k), name, f"{a:.2f}".replace(".", ","), f"{b:.2f}".replace(".", ","),
                     f"{a + b:.2f}".replace(".", ","), "Khá" if a + b >= 35 else "Trung bình"])
    style = [("FONT", (0, 0), (-1, -1), FONT_NAME, 10), ("ALIGN", (2, 1), (4, -1), "RIGHT")]
    for r in range(2, len(rows), 2):
        if per_cell:
            style += [("BACKGROUND", (c, r), (c, r), tint) for c in range(len(rows[0]))]
        else:
            style.append(("BACKGROUND", (0, r), (-1, r), tint))
    table = Table(rows, colWidths=[35, 160, 80, 80, 70, 80])
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    return rows


@pytest.mark.parametrize("per_cell", [False, True])
@pytest.mark.parametrize("tint", [(0.933, 0.949, 0.969), (0.85, 0.85, 0.85)])
def test_zebra_rows_are_no_grid(tmp_path, per_cell, tint):
    from reportlab.lib.colors import Color

    path = tmp_path / "zebra.pdf"
    rows = _shaded_pdf(path, per_cell, Color(*tint))
    doc = read_raw(path)
    tables = list(doc.tables)
    assert len(tables) == 1
    grid = tables[0].grid()
    assert grid[tables[0].header_rows or 0:] == rows[1:]


@pytest.mark.parametrize("valign,groups,spans", [
    ("MIDDLE", ("Khối sở,\nban, ngành", "Khối xã,\nphường"), 2),
    ("TOP", ("Khối sở,\nban, ngành", "Khối xã,\nphường"), 2),
    ("MIDDLE", ("Khối sở", "Khối xã"), 2),
    ("TOP", ("Khối sở", "Khối xã"), 1)])
def test_a_merged_cell_of_zebra_rows_stays_whole_in_its_first_row(tmp_path, valign, groups, spans):
    """A group cell merged over two rows of a zebra table without rules,
    its lines set in the middle of the two rows (or from the top): lines
    beside two numbers but off their lines are one cell, of the first row,
    spanning both. Set in the middle, a one-line name stands between the
    rows' lines, never on a line with figures: its column is still found
    (the gap between two columns where it and the header stand)."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    rows = [["STT", "Khối", "Cơ quan, đơn vị", "Tổng điểm", "Xếp loại"],
            ["1", groups[0], "Sở Tư pháp", "71,5", "Khá"],
            ["2", "", "Sở Nội vụ", "72,5", "Khá"],
            ["3", groups[1], "UBND xã Tân Lập", "68,25", "Trung bình"],
            ["4", "", "UBND xã Hòa Lạc", "74,5", "Khá"]]
    style = [("FONT", (0, 0), (-1, -1), FONT_NAME, 10), ("VALIGN", (0, 0), (-1, -1), valign),
             ("SPAN", (1, 1), (1, 2)), ("SPAN", (1, 3), (1, 4))]
    style += [("BACKGROUND", (0, r), (-1, r), Color(0.9, 0.9, 0.9)) for r in (2, 4)]
    table = Table(rows, colWidths=[35, 90, 160, 80, 80])
    table.setStyle(TableStyle(style))
    path = tmp_path / "zebra_span.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    (t,) = list(read_raw(path).tables)
    assert t.grid() == [rows[0]] + [[c.replace("\n", " ") for c in row] for row in rows[1:]]
    assert [(c.text, c.row, c.rowspan) for row in t.rows for c in row if c.col == 1] == [
        ("Khối", 0, 1), (groups[0].replace("\n", " "), 1, spans), (groups[1].replace("\n", " "), 3, spans)]
