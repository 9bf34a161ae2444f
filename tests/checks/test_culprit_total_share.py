"""A "Tổng cộng" cell slipped in a table of shares of that total: the total is
no longer the sum of its rows, the prose that states the right total twice no
longer agrees with it, and one row's share, divided by the wrong total, rounds
one hundredth away from the figure written. The share's relation reads the
total too, so its error is the slip's consequence like the others, not a slip
of its own: one error, at the total (reportgen.checks.culprits._apart)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

PROSE = ["b) Kết quả giải quyết hồ sơ",
         "Đã giải quyết 48.301 hồ sơ, trong đó đúng hạn và trước hạn 47.415 hồ sơ, chiếm 98,17%; quá hạn 886 hồ sơ, "
         "chiếm 1,83%.",
         "Phân theo cấp giải quyết, số hồ sơ đã giải quyết 48.301 hồ sơ, trong đó cấp tỉnh 14.260 hồ sơ, cấp huyện "
         "15.090 hồ sơ, cấp xã 18.951 hồ sơ (chi tiết tại Phụ lục 1 kèm theo)."]
TITLE = "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026"
HEAD = ["STT", "Cấp giải quyết", "Số hồ sơ đã giải quyết", "Tỷ lệ (%)"]


def _errors(tmp_path, total: str) -> list:
    rows = [["1", "Cấp tỉnh", "14.260", "29,52"], ["2", "Cấp huyện", "15.090", "31,24"],
            ["3", "Cấp xã", "18.951", "39,24"], ["", "Tổng cộng", total, "100"]]
    path = tmp_path / "report.docx"
    write_docx_tables(path, PROSE, [(TITLE, HEAD, rows)])
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_a_clean_report_has_no_error(tmp_path):
    assert _errors(tmp_path, "48.301") == []


def test_a_total_slipped_is_one_error_naming_the_share_its_rounding_moved(tmp_path):
    # 48.301 written 48.311: 18.951 / 48.311 is 39,23%, not the 39,24% written (the other shares round as before).
    found = _errors(tmp_path, "48.311")
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("SUM_ROW_MISMATCH", 3, "k2", "48311", "48301")]
    assert found[0].message == (
        "Tổng cộng: cột “Số hồ sơ đã giải quyết” ghi 48.311 nhưng tổng 3 dòng 14.260 + 15.090 + 18.951 = 48.301. "
        "Số ghi sai này kéo theo: QUANTITY_CONFLICT ở đoạn văn 2 (ghi 48.301, tính ra 48.311); QUANTITY_CONFLICT ở "
        "đoạn văn 3 (ghi 48.301, tính ra 48.311); RATIO_MISMATCH ở “Cấp xã” (ghi 39,24, tính ra 39,23) — các lỗi "
        "này hết khi sửa ô này, nên không báo riêng.")
