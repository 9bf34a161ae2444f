"""A rate the prose gives of another year in passing ("đạt 97,74% (năm 2024
đạt 98,41%)") is the table's rate of that year on its overall row: the rate
column right after the year's column ("Năm 2024 | Tỷ lệ (%) | Năm 2025 |
Tỷ lệ (%)") is that year's."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

from support import write_docx_tables

HEAD = ["STT", "Đơn vị", "Đúng hạn/đã giải quyết năm 2024", "Tỷ lệ (%)", "Đúng hạn/đã giải quyết năm 2025",
        "Tỷ lệ (%)"]
ROWS = [["1", "Phòng Tư pháp", "1.616/1.616", "100,00", "1.702/1.745", "97,54"],
        ["2", "Phòng Kinh tế", "4.120/4.210", "97,86", "4.480/4.571", "98,01"],
        ["3", "Phòng Nội vụ", "4.227/4.298", "98,35", "4.736/4.854", "97,57"],
        ["", "Tổng cộng", "9.963/10.124", "98,41", "10.918/11.170", "97,74"]]


def _write(path, rate: str) -> None:
    prose = ["UBND HUYỆN PHONG ĐIỀN", "Số: 310/BC-UBND", "Phong Điền, ngày 20 tháng 11 năm 2025", "BÁO CÁO",
             "Tình hình giải quyết thủ tục hành chính năm 2025", "1. Kết quả giải quyết",
             f"Đã giải quyết 11.170 hồ sơ, trong đó đúng hạn 10.918/11.170 hồ sơ, đạt 97,74% (năm 2024 đạt {rate}%)."]
    write_docx_tables(path, prose, [("", HEAD, ROWS)], after=["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Hải"])


@pytest.mark.parametrize("rate, found", [("98,41", []), ("98,14", [("QUANTITY_CONFLICT", "error", "98.14", "98.41")])])
def test_the_rate_of_a_year_said_in_passing_is_that_year_s_total(tmp_path, rate, found):
    path = tmp_path / "bc.docx"
    _write(path, rate)
    result = verify_path(path)
    assert [(f.code, f.severity, f.reported, f.expected) for f in result.findings
            if f.code in ("QUANTITY_CONFLICT", "CLAIM_UNCHECKED")] == found
    assert result.ledger.totals()["claims"][0] == result.ledger.totals()["claims"][1]
