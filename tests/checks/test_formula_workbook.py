"""A slip in a workbook that computes (reportgen/checks/culprits_formulas.py,
parsers/xlsx_recompute.py): an office's dossier sheet with its rates
(=ROUND(D/C*100,2)) and its "Tổng cộng" row (=SUM) as formulas, saved by
LibreOffice, which caches what the formulas give. A typed count slipped is
carried by the spreadsheet into the cells computed from it; the one error is
the typed cell, and what the spreadsheet computed from it is named in it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

# (office, files received, on time) of a quarter
OFFICES = [("Sở Tư pháp", 1457, 1391), ("Sở Xây dựng", 3960, 3512), ("Sở Tài chính", 2774, 2390),
           ("Sở Y tế", 845, 803), ("Sở Công Thương", 1520, 1488), ("Sở Nội vụ", 612, 590),
           ("Sở Giáo dục và Đào tạo", 934, 921), ("Sở Nông nghiệp và Môi trường", 4870, 4402)]


def _workbook(out: Path, typed_total: dict[str, int]) -> Path:
    """The sheet as an office keeps it, written by openpyxl and saved by LibreOffice (cached values)."""
    from openpyxl import Workbook

    from parsers.legacy_office import run_soffice

    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.merge_cells("A1:G1")
    ws["A1"] = "KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2025"
    for c, head in enumerate(["STT", "Cơ quan, đơn vị", "Tổng số hồ sơ", "Đúng hạn", "Quá hạn",
                              "Tỷ lệ đúng hạn (%)", "Tỷ lệ quá hạn (%)"], 1):
        ws.cell(3, c, head)
    for i, (name, total, on_time) in enumerate(OFFICES):
        r = 4 + i
        ws.cell(r, 1, i + 1)
        ws.cell(r, 2, name)
        ws.cell(r, 3, typed_total.get(name, total))
        ws.cell(r, 4, on_time)
        ws.cell(r, 5, total - on_time)
        ws.cell(r, 6, f"=ROUND(D{r}/C{r}*100,2)").number_format = "0.00"
        ws.cell(r, 7, f"=ROUND(E{r}/C{r}*100,2)").number_format = "0.00"
    end = 4 + len(OFFICES)
    ws.cell(end, 2, "Tổng cộng")
    for c in "CDE":
        ws[f"{c}{end}"] = f"=SUM({c}4:{c}{end - 1})"
    for c, part in (("F", "D"), ("G", "E")):
        ws[f"{c}{end}"] = f"=ROUND({part}{end}/C{end}*100,2)"
        ws[f"{c}{end}"].number_format = "0.00"
    src = out / "src" / "hoso.xlsx"
    src.parent.mkdir(parents=True)
    wb.save(src)
    run_soffice([src], "xlsx:Calc MS Excel 2007 XML", out, timeout=120)
    return out / "hoso.xlsx"


def _findings(path: Path):
    return run_checks(read_path(path), CheckContext())


pytestmark = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                reason="LibreOffice computes the workbook's cached values")


def test_the_workbook_as_saved_is_checked_whole(tmp_path):
    assert [f.code for f in _findings(_workbook(tmp_path, {}))] == []


def test_a_typed_total_slipped_is_one_error_with_the_rate_and_the_total_row_it_made(tmp_path):
    # Sở Công Thương's 1.520 files typed 1.250: the spreadsheet makes its rate 1.488 / 1.250 = 119,04%
    # and the "Tổng cộng" 16.702. Only the typed cell can be the slip; set to 1.520, the formulas give
    # back 97,89% and 16.972, and every relation holds.
    found = _findings(_workbook(tmp_path, {"Sở Công Thương": 1250}))
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in errors] == [
        ("SUM_COLUMNS_MISMATCH", "Sở Công Thương", "k2", "1250", "1520")]
    assert errors[0].message == (
        "5. Sở Công Thương: cột “Tổng số hồ sơ” ghi 1.250 nhưng Đúng hạn + Quá hạn = 1.488 + 32 = 1.520. "
        "Số ghi sai này kéo theo: PERCENT_OVER_100 ở “Sở Công Thương” (ghi 119,04, tính ra 100); SUM_MISMATCH ở "
        "“Tổng cộng” (ghi 16.702, tính ra 16.972) — các lỗi này hết khi sửa ô này, nên không báo riêng.")
    assert [f.code for f in found if f.severity != "error"] == []
