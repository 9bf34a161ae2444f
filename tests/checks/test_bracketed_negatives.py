"""A monthly comparison that writes a fall the accountant's way, in brackets
("(40)", "(5,00)"): the cells are negative figures, so the total row adds
them, the change is month − month before and its percent the change over the
month before; a slip in a bracketed cell is found there."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

ROWS = (("Sở Tư pháp", "1.000", "1.100", "100", "10,00"),
        ("Sở Y tế", "800", "760", "(40)", "(5,00)"),
        ("Sở Xây dựng", "500", "450", "(50)", "(10,00)"),
        ("Sở Công Thương", "640", "600", "(40)", "(6,25)"))
TOTAL = ("Tổng cộng", "2.940", "2.910", "(30)", "(1,02)")


def _write(path, rows=ROWS, total=TOTAL) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "SỞ NỘI VỤ", "Số: 123/BC-SNV", "Phú Thọ, ngày 05 tháng 11 năm 2025",
             "BÁO CÁO", "Tình hình tiếp nhận hồ sơ thủ tục hành chính tháng 10 năm 2025",
             "Sở Nội vụ báo cáo số hồ sơ tiếp nhận của các sở như sau:"]
    body = [["STT", "Cơ quan, đơn vị", "Tháng 9", "Tháng 10", "Tăng/giảm", "Tỷ lệ tăng/giảm (%)"]]
    body += [[str(i), *row] for i, row in enumerate(rows, 1)] + [["", *total]]
    write_docx_tables(path, prose, [("", body[0], body[1:])], after=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"])


def test_bracketed_falls_are_negative_figures_every_relation_holds(tmp_path):
    path = tmp_path / "clean.docx"
    _write(path)
    result = verify_path(path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert not any(f.code == "COLUMN_UNCHECKED" for f in result.findings)


def test_a_slip_in_a_bracketed_cell_is_found_in_its_row(tmp_path):
    rows = list(ROWS)
    rows[2] = ("Sở Xây dựng", "500", "450", "(60)", "(10,00)")
    path = tmp_path / "slip.docx"
    _write(path, rows)
    errors = [(f.unit, f.reported) for f in verify_path(path).findings if f.severity == "error"]
    assert len(errors) == 1 and errors[0][0] == "Sở Xây dựng", errors
