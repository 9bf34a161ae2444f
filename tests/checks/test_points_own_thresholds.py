"""Indicators as rows with their own maximum ("Điểm tối đa | Tỷ lệ (%) | Điểm"): each
follows its own QĐ 766 threshold. A short table (the rows a page break left of a province's
766 result, as reportlab sets them) where three indicators follow 100 % and one 80 % is right:
6.4 "khai thác, sử dụng lại dữ liệu số hóa" 54,87 % of 2 points at 80 % is 1,37."""
from __future__ import annotations

from reportgen.verify import verify_path
from tests.support import write_docx_tables

HEAD = ["STT", "Chỉ số", "Điểm tối đa", "Tỷ lệ (%)", "Điểm"]
ROWS = [["6.4", "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa", "2", "54,87", "1,37"],
        ["6.5", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ", "4", "35,05", "1,40"],
        ["6.6", "Tỷ lệ hồ sơ có sử dụng dữ liệu dân cư", "2", "36,26", "0,73"],
        ["6.7", "Tỷ lệ TTHC triển khai kết nối dữ liệu dân cư", "2", "72,21", "1,44"]]


def _points_findings(tmp_path, rows):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["BÁO CÁO", "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp Quý II năm 2025"],
                      [("Bảng: Kết quả theo từng chỉ số (tiếp theo)", HEAD, rows)])
    return [(f.code, f.unit, f.reported) for f in verify_path(path).findings if f.code == "POINTS_FROM_RATE_MISMATCH"]


def test_an_indicator_at_its_own_threshold_is_right(tmp_path):
    assert _points_findings(tmp_path, ROWS) == []


def test_points_that_fit_no_threshold_stay_an_error(tmp_path):
    slipped = [r if r[0] != "6.5" else r[:4] + ["1,04"] for r in ROWS]  # 35,05 × 4 / 100 = 1,40
    assert _points_findings(tmp_path, slipped) == [
        ("POINTS_FROM_RATE_MISMATCH", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ", "1.04")]
