"""A statistics table of months (columns) and measures (rows), whose rate
rows are a count row over another: each month's and the year's rate is
held to its counts."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """BÁO CÁO
Tình hình giải quyết thủ tục hành chính quý I năm 2025

1. Số liệu theo tháng

| STT | Chỉ tiêu | Tháng 1 | Tháng 2 | Tháng 3 | Lũy kế |
|---|---|---|---|---|---|
| 1 | Số hồ sơ tiếp nhận | 1.200 | 980 | 1.450 | 3.630 |
| 1.1 | Trong đó: trực tuyến | 900 | 700 | 1.100 | 2.700 |
| 1.2 | Tỷ lệ hồ sơ trực tuyến (%) | 75,00 | 71,43 | {march} | 74,38 |
| 2 | Số hồ sơ đã giải quyết | 1.150 | 960 | 1.400 | 3.510 |
| 2.1 | Giải quyết đúng hạn | 1.140 | 955 | 1.390 | 3.485 |
| 2.2 | Tỷ lệ giải quyết đúng hạn (%) | 99,13 | 99,48 | 99,29 | 99,29 |
"""


def _run(tmp_path, march: str):
    path = tmp_path / "bc.txt"
    path.write_text(TABLE.format(march=march), encoding="utf-8")
    ctx = CheckContext()
    return [f for f in run_checks(read_path(path), ctx) if f.severity in ("error", "warning")], ctx


def test_each_months_rates_agree_with_its_counts(tmp_path):
    found, ctx = _run(tmp_path, "75,86")
    assert found == []
    assert "rate-row-ratio" in ctx.ledger.tables[0].relations
    assert ctx.ledger.tables[0].unverified_cells() == set()


def test_a_months_rate_off_is_an_error_at_that_month(tmp_path):
    found, _ = _run(tmp_path, "78,86")
    [f] = [f for f in found if f.code == "RATIO_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("error", "78.86", "75.86")
    assert ("cột “Tháng 3” ghi 78,86% nhưng “1.1. Trong đó: trực tuyến” / “1. Số hồ sơ tiếp nhận” × 100 = "
            "1.100 / 1.450") in f.message
