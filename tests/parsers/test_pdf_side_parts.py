"""A sheet printed wider than its page (LibreOffice Calc, no "fit to width"):
its first columns on page 1, the others on pages 2 and 3, the same rows at the
same heights and no names. Read as one table, as a reader lays the pages side
by side; a part with names of its own stays a table of its own."""
from __future__ import annotations

import shutil

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

from fixtures.build_pdf import libreoffice_pdfs
from parsers import read_raw
from reportgen.raw import RawTable
from reportgen.verify import verify_path

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed")

FIELDS = ["Công tác chỉ đạo, điều hành (12đ)", "Cải cách thể chế (10đ)", "Cải cách thủ tục hành chính (14đ)",
          "Cải cách tổ chức bộ máy (11đ)", "Cải cách chế độ công vụ (13đ)", "Cải cách tài chính công (10đ)",
          "Chính quyền điện tử, chính quyền số (16đ)", "Tác động đến người dân, tổ chức (14đ)"]
# unit, the eight fields' points; the total, percent, rank and grade follow from them
UNITS = [("Sở Dân tộc và Tôn giáo", "10,80 9,40 12,46 10,78 9,49 6,00 10,56 9,38"),
         ("Thanh tra tỉnh", "6,72 9,30 10,92 10,89 7,93 9,70 12,80 10,22"),
         ("Sở Khoa học và Công nghệ", "10,20 9,60 13,44 8,25 8,84 6,10 11,84 9,24"),
         ("Ban Quản lý các khu công nghiệp", "9,60 5,80 12,60 11,00 8,06 7,20 9,76 13,30"),
         ("Sở Văn hóa, Thể thao và Du lịch", "10,20 5,70 9,94 9,90 9,62 8,90 11,52 10,64"),
         ("Sở Nông nghiệp và Môi trường", "9,12 8,00 10,92 7,37 11,44 6,90 10,72 10,22")]


def _rows(total_slip: str | None):
    from decimal import Decimal
    out = []
    for unit, points in UNITS:
        values = points.split()
        total = sum(Decimal(v.replace(",", ".")) for v in values)
        written = f"{total:.2f}".replace(".", ",")
        out.append([unit, values, written, written])
    out.sort(key=lambda r: -float(r[3].replace(",", ".")))
    if total_slip:
        out[2][2] = total_slip
    return out


def _sheet(tmp_path, name: str, total_slip: str | None = None):
    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin")
    head = ["STT", "Tên cơ quan, đơn vị", *FIELDS, "Tổng điểm (100đ)", "Chỉ số (%)", "Xếp hạng", "Xếp loại"]
    for j, text in enumerate(head, 1):
        ws.cell(1, j, text)
    for i, (unit, values, total, percent) in enumerate(_rows(total_slip), 2):
        grade = "Tốt" if float(percent.replace(",", ".")) >= 80 else "Khá"
        for j, text in enumerate([str(i - 1), unit, *values, total, percent, str(i - 1), grade], 1):
            ws.cell(i, j, text)
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 32
    for col in "CDEFGHIJKLMN":
        ws.column_dimensions[col].width = 14
    ws.row_dimensions[1].height = 60
    for row in ws.iter_rows(min_row=1, max_row=1 + len(UNITS), max_col=len(head)):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.page_setup.orientation = "portrait"
    path = tmp_path / f"{name}.xlsx"
    wb.save(path)
    [pdf] = libreoffice_pdfs([path], tmp_path)
    return pdf


def test_the_parts_of_a_sheet_printed_over_pages_are_one_table(tmp_path):
    pdf = _sheet(tmp_path, "chiso")
    doc = read_raw(pdf)
    assert doc.page_count >= 2
    [table] = [b for b in doc.blocks if isinstance(b, RawTable)]
    grid = table.grid()
    assert grid[0][:3] == ["STT", "Tên cơ quan, đơn vị", "Công tác chỉ đạo, điều hành (12đ)"]
    assert grid[0][-4:] == ["Tổng điểm (100đ)", "Chỉ số (%)", "Xếp hạng", "Xếp loại"]
    assert grid[1] == ["1", "Sở Dân tộc và Tôn giáo", "10,80", "9,40", "12,46", "10,78", "9,49", "6,00",
                       "10,56", "9,38", "78,87", "78,87", "1", "Khá"]
    assert len({c.page for row in table.rows for c in row}) >= 2  # cells keep their own page


def test_a_total_slipped_on_the_second_page_is_found_on_its_unit(tmp_path):
    result = verify_path(_sheet(tmp_path, "chiso-sai", total_slip="79,70"))
    errors = [(f.code, f.unit, f.reported, f.expected) for f in result.findings if f.severity == "error"]
    assert errors == [("TOTAL_MISMATCH", "Sở Khoa học và Công nghệ", "79.70", "77.51")]


def test_a_part_with_names_of_its_own_is_a_table_of_its_own(tmp_path):
    from parsers.pdf_side import join_side_parts
    from reportgen.raw import RawCell

    def table(page, names):
        rows = [[RawCell(text=t, row=i, col=j, page=page, bbox=(50 + 80 * j, 100 + 15 * i, 130 + 80 * j, 115 + 15 * i))
                 for j, t in enumerate(r)] for i, r in enumerate(names)]
        return RawTable(index=0, rows=rows, page=page)

    first = table(1, [["Tên", "Điểm"], ["Sở Y tế", "80"], ["Sở Tư pháp", "75"], ["Sở Xây dựng", "70"]])
    other = table(2, [["Tên", "Điểm"], ["UBND xã A", "60"], ["UBND xã B", "65"], ["UBND xã C", "61"]])
    assert len(join_side_parts([first, other])) == 2
