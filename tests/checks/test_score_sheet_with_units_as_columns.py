"""A 766 score sheet with its communes as columns, the groups of indicators
as rows with their maximum in a "Max" column, and a "Xếp loại" and a "Thứ
hạng" row under the total: the reader binds the scheme, and the grades and
ranks are held to the total as in a sheet of units as rows, on the bands the
document states; the "Max" row grades nobody, so the prose's one count by
grade is of the communes. Figures: five communes of a city, 2025."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

LEGEND = ("Khung xếp loại áp dụng: Xuất sắc: từ 90% trở lên; Tốt: từ 80% đến dưới 90%; Khá: từ 70% đến dưới 80%; "
          "Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%.")
HEAD = ["TT", "Nhóm chỉ số", "Max", "Xã Bình Minh", "Phường An Lạc", "Phường Tân Định", "Xã Tân Phú", "Xã Lộc An"]
ROWS = [["1", "Công khai, minh bạch", "18", "13,68", "16,50", "12,72", "12,88", "12,10"],
        ["2", "Tiến độ, kết quả giải quyết", "20", "19,41", "17,43", "12,08", "13,99", "12,37"],
        ["3", "Dịch vụ công trực tuyến", "12", "7,33", "10,32", "8,81", "10,27", "9,08"],
        ["4", "Thanh toán trực tuyến", "10", "5,42", "5,00", "9,25", "8,14", "9,58"],
        ["5", "Mức độ hài lòng", "18", "12,94", "12,00", "15,62", "14,36", "10,41"],
        ["6", "Số hóa hồ sơ", "22", "15,57", "13,36", "17,93", "13,40", "19,84"],
        ["", "Tổng điểm", "100", "74,35", "74,61", "76,41", "73,04", "73,38"],
        ["", "Xếp loại", "", "Khá", "Khá", "Khá", "Khá", "Khá"],
        ["", "Thứ hạng", "", "3", "2", "1", "5", "4"]]


def _findings(tmp_path, rows=ROWS):
    path = tmp_path / "bc.docx"
    prose = [LEGEND, "Phường Tân Định dẫn đầu với 76,41 điểm. Có 5 đơn vị xếp loại Khá."]
    write_docx_tables(path, prose, [("", HEAD, rows)])
    ctx = CheckContext()
    found = [(f.code, f.severity.value, f.unit) for f in run_checks(read_path(path), ctx)
             if f.severity.value != "info" and not f.code.startswith("LAYOUT")]
    return found, ctx


def test_the_clean_sheet_is_checked_through(tmp_path):
    found, ctx = _findings(tmp_path)
    assert found == []
    assert ctx.ledger.totals()["claims"] == (2, 2)


def test_a_grade_outside_the_stated_band_is_named(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[7][3] = "Tốt"  # 74,35 of 100 is Khá on the document's bands
    found, _ = _findings(tmp_path, rows)
    assert ("GRADE_BAND_MISMATCH", "error", "Xã Bình Minh") in found
