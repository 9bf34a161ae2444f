"""A report typed on a sheet: the letter's head (issuer in A, motto in F),
its subject and prose in the rows above the table, its closing below. Those
rows are prose; the table starts at its header."""
from __future__ import annotations

from openpyxl import Workbook

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

ROWS = [(1, "Sở Tài chính", 3637, 3117, 520, 0, 100), (2, "Sở Công Thương", 273, 201, 68, 4, 98.53),
        (3, "Sở Tư pháp", 1130, 1047, 78, 5, 99.56), (None, "Tổng cộng", 5040, 4365, 666, 9, 99.82)]


def _sheet(path, said: str):
    wb = Workbook()
    ws = wb.active
    ws.append(["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["SỞ NỘI VỤ", None, None, None, None, "Độc lập - Tự do - Hạnh phúc"])
    ws.append([None, None, None, None, None, "Hà Tĩnh, ngày 12 tháng 7 năm 2026"])
    ws.append([])
    ws.append(["V/v Kết quả khảo sát mức độ hài lòng của người dân, doanh nghiệp quý II năm 2026"])
    ws.append(["I. KẾT QUẢ KHẢO SÁT"])
    ws.append([said])
    ws.append(["Chi tiết như bảng sau:"])
    ws.append(["STT", "Đơn vị", "Tổng số lượt đánh giá", "Rất hài lòng", "Hài lòng", "Không hài lòng",
               "Tỷ lệ hài lòng (%)"])
    for row in ROWS:
        ws.append(list(row))
    ws.append([])
    ws.append(["II. KIẾN NGHỊ"])
    ws.append(["Đề nghị các đơn vị tiếp tục nâng cao chất lượng phục vụ."])
    wb.save(path)
    return read_path(path)


SAID = "Sở Nội vụ đã tổng hợp 5.040 lượt đánh giá, trong đó rất hài lòng {n} lượt."


def test_the_rows_above_the_table_are_its_prose_and_the_header_is_read(tmp_path):
    report = _sheet(tmp_path / "ks.xlsx", SAID.format(n="4.365"))
    [table] = report.tables
    assert [c.label for c in table.columns][-1] == "Tỷ lệ hài lòng (%)"
    assert any("5.040 lượt đánh giá" in p.text for p in report.paragraphs)
    assert [f for f in run_checks(report, CheckContext()) if f.severity == "error"] == []


def test_a_count_of_the_prose_on_the_sheet_is_checked(tmp_path):
    report = _sheet(tmp_path / "ks.xlsx", SAID.format(n="4.356"))
    errors = [f for f in run_checks(report, CheckContext()) if f.severity == "error"]
    assert [(f.code, f.reported, f.expected) for f in errors] == [("QUANTITY_CONFLICT", "4356", "4365")]
