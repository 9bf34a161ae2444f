"""The date a report is signed against the period its subject names."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path


def _findings(tmp_path, subject: str, signed: str):
    path = tmp_path / "bc.txt"
    path.write_text(f"UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
                    f"Số: 15/BC-SNV\tHà Tĩnh, {signed}\n\nBÁO CÁO\n{subject}\n\n1. Kết quả\n"
                    "Tổng số hồ sơ tiếp nhận 120 hồ sơ, trong đó trực tuyến 80 hồ sơ, trực tiếp 40 hồ sơ.\n",
                    encoding="utf-8")
    return [f for f in run_checks(read_path(path), CheckContext()) if f.rule == "issue-date-vs-period"]


def test_a_report_signed_before_its_period_begins_is_an_error(tmp_path):
    [f] = _findings(tmp_path, "Kết quả giải quyết thủ tục hành chính quý IV năm 2025", "ngày 05 tháng 9 năm 2025")
    assert (f.severity, f.reported, f.expected) == ("error", "2025-09-05", "≥ 2025-10-01")
    assert f.message == ("Văn bản ký “ngày 05 tháng 9 năm 2025”, trước khi kỳ báo cáo quý 4 năm 2025 bắt đầu "
                         "(01/10/2025): báo cáo chỉ nói về kỳ đã diễn ra; năm hoặc tháng ở dòng ngày tháng có thể bị "
                         "gõ nhầm")


def test_a_year_report_signed_in_its_own_first_days_is_a_doubt(tmp_path):
    [f] = _findings(tmp_path, "Kết quả giải quyết thủ tục hành chính năm 2025", "ngày 05 tháng 01 năm 2025")
    assert (f.severity, f.reported, f.expected) == ("warning", "2025-01-05", "≥ 2025-02-06")


@pytest.mark.parametrize("subject, signed", [
    ("Kết quả giải quyết thủ tục hành chính năm 2025", "ngày 05 tháng 01 năm 2026"),
    ("Kết quả giải quyết thủ tục hành chính năm 2025", "ngày 15 tháng 12 năm 2025"),  # data cut at 14/12
    ("Kết quả giải quyết thủ tục hành chính quý III năm 2025", "ngày 28 tháng 9 năm 2025"),
    ("Tình hình 9 tháng đầu năm và phương hướng, nhiệm vụ quý IV năm 2025", "ngày 25 tháng 9 năm 2025"),
])
def test_a_report_signed_in_or_after_its_period_or_looking_ahead_is_not_doubted(tmp_path, subject, signed):
    assert _findings(tmp_path, subject, signed) == []


def test_a_report_signed_two_years_late_is_a_doubt(tmp_path):
    [f] = _findings(tmp_path, "Kết quả giải quyết thủ tục hành chính quý III năm 2025", "ngày 10 tháng 10 năm 2027")
    assert f.severity == "warning"
