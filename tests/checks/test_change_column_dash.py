"""A change column writes "-" for a unit whose figure did not move: no
change, 0, in the column's statistics (checks.relations_stat_rows). Before,
the unit was left out and the "Trung bình" row of 13 units was held to the
mean of 12 (hold-out h-new26: a false SUMMARY_ROW_MISMATCH on clean notices)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

TABLE = """UBND TỈNH NINH BÌNH

THÔNG BÁO
Kết quả Bộ chỉ số 766 quý III năm 2026 so với quý II năm 2026

| STT | Cơ quan, đơn vị | Quý II/2026 | Quý III/2026 | Tăng (+)/Giảm (-) |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 80,00 | 83,00 | +3,00 |
| 2 | Sở Y tế | 75,50 | 76,50 | +1,00 |
| 3 | Sở Nội vụ | 74,66 | 74,66 | - |
| 4 | Sở Xây dựng | 70,00 | 72,00 | +2,00 |
|  | Trung bình | 75,04 | 76,54 | {mean} |
"""


def _findings(tmp_path, mean):
    path = tmp_path / "tb.txt"
    path.write_text(TABLE.format(mean=mean), encoding="utf-8")
    return [(f.code, f.severity, f.message) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) in ("error", "warning") and not f.code.startswith("LAYOUT")]


def test_the_mean_of_a_change_column_counts_its_dash_as_no_change(tmp_path):
    assert _findings(tmp_path, "+1,50") == []


def test_a_wrong_mean_of_the_change_column_is_one_error_on_its_row(tmp_path):
    assert _findings(tmp_path, "+2,00") == [
        ("CHANGE_COLUMN_MISMATCH", "error",
         "Trung bình: cột “Tăng (+)/Giảm (-)” ghi +2,00 nhưng “Quý III/2026” − “Quý II/2026” = 76,54 − 75,04 = +1,50")]
