"""A 766 table with its units as columns writes each unit's percent in a
row "Tỷ lệ (%)" under "Tổng điểm" (hold-out h-new24, every producer): the
reader puts it on the unit as its percent (read.summary), and the scheme's
rule holds it to the total over 100. Before, the row was kept aside and
every such table came out CHƯA KIỂM TRA HẾT, a wrong percent unseen."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH

BÁO CÁO
Kết quả đánh giá Bộ chỉ số 766 quý III năm 2026

BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ 766 CÁC SỞ, NGÀNH

| TT | Nhóm chỉ tiêu | Sở Tư pháp | Sở Y tế | Sở Nội vụ | Sở Xây dựng |
|---|---|---|---|---|---|
| 1 | Công khai, minh bạch (Điểm tối đa: 18) | 18,00 | 16,00 | 15,00 | 13,00 |
| 2 | Tiến độ, kết quả giải quyết (Điểm tối đa: 20) | 20,00 | 18,00 | 16,00 | 14,00 |
| 3 | Dịch vụ công trực tuyến (Điểm tối đa: 12) | 11,00 | 10,00 | 9,00 | 8,00 |
| 4 | Thanh toán trực tuyến (Điểm tối đa: 10) | 9,50 | 8,00 | 7,50 | 6,00 |
| 5 | Mức độ hài lòng (Điểm tối đa: 18) | 17,00 | 15,00 | 14,00 | 12,00 |
| 6 | Số hóa hồ sơ (Điểm tối đa: 22) | 20,00 | 17,00 | 15,00 | 12,00 |
|  | Tổng điểm | 95,50 | 84,00 | 76,50 | 65,00 |
|  | Tỷ lệ (%) | 95,50 | {yte} | 76,50 | 65,00 |
|  | Xếp loại | Xuất sắc | Tốt | Khá | Trung bình |
|  | Xếp hạng | 1 | 2 | 3 | 4 |
"""


def _verify(tmp_path, yte="84,00"):
    path = tmp_path / "bc.txt"
    path.write_text(TABLE.replace("{yte}", yte), encoding="utf-8")
    report = read_path(path)
    ctx = CheckContext()
    findings = [f for f in run_checks(report, ctx=ctx) if not f.code.startswith("LAYOUT")]
    return report, ctx, findings


def test_the_percent_row_is_each_units_percent(tmp_path):
    report, ctx, findings = _verify(tmp_path)
    assert [(r.unit, str(r.percent)) for r in report.tables[0].rows] == [
        ("Sở Tư pháp", "95.50"), ("Sở Y tế", "84.00"), ("Sở Nội vụ", "76.50"), ("Sở Xây dựng", "65.00")]
    assert findings == []
    assert ctx.ledger.unchecked_tables() == []


def test_a_wrong_percent_in_the_row_is_named(tmp_path):
    _, _, findings = _verify(tmp_path, yte="87,00")
    assert [(f.code, f.severity, f.unit) for f in findings] == [("PERCENT_MISMATCH", "error", "Sở Y tế")]
