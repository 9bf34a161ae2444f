"""A report with a summary table of levels ("Cấp tỉnh | Cấp xã | Toàn tỉnh")
and a section per level: a level's figures in its section are its row's,
never the "Toàn tỉnh" row's (hold-out h-new29: 11 of 20 clean reports had a
false PERCENT_MISMATCH or QUANTITY_CONFLICT error against "Toàn tỉnh")."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

REPORT = """UBND TỈNH GIA HÒA

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2025

I. KẾT QUẢ CHUNG

Kết quả giải quyết hồ sơ thủ tục hành chính quý III năm 2025 theo từng cấp như sau:

| Cấp | Số hồ sơ đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|
| Cấp tỉnh | 37.483 | 36.887 | 98,41 |
| Cấp xã | 15.845 | 15.740 | 99,34 |
| Toàn tỉnh | 53.328 | 52.627 | 98,69 |

Toàn tỉnh đã giải quyết 53.328 hồ sơ, trong đó đúng hạn 52.627 hồ sơ, đạt tỷ lệ 98,69%.

II. CẤP TỈNH

Đã giải quyết 37.483 hồ sơ, trong đó giải quyết đúng hạn {on_time} hồ sơ; tỷ lệ giải quyết đúng hạn đạt {rate}%.

III. CẤP XÃ

UBND cấp xã đã giải quyết 15.845 hồ sơ, đúng hạn 15.740 hồ sơ, tỷ lệ giải quyết đúng hạn 99,34%.
"""


def _errors(tmp_path, on_time="36.887", rate="98,41"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(on_time=on_time, rate=rate), encoding="utf-8")
    return [(f.code, f.row, f.reported, f.expected, f.message) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) == "error"]


def test_a_levels_figures_are_its_rows(tmp_path):
    assert _errors(tmp_path) == []


def test_a_levels_wrong_rate_is_held_to_its_row(tmp_path):
    assert [(c, row, exp) for c, row, _, exp, _ in _errors(tmp_path, rate="98,14")] == [
        ("PERCENT_MISMATCH", 0, "98.41")]


def test_a_levels_wrong_count_is_held_to_its_row(tmp_path):
    found = [(c, reported, expected, message) for c, _, reported, expected, message in _errors(tmp_path, "36.878")
             if c == "QUANTITY_CONFLICT"]
    assert found == [("QUANTITY_CONFLICT", "36878", "36887", "Văn bản nêu 36.878 hồ sơ nhưng dòng “Cấp tỉnh” của cột "
                                                            "“Giải quyết đúng hạn” (bảng 1) ghi 36.887")]


COLUMNS = """UBND TỈNH GIA HÒA

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý II năm 2025

I. KẾT QUẢ CHUNG

Kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2025 theo từng cấp như sau:

| Chỉ tiêu | Cấp tỉnh | Cấp huyện | Toàn tỉnh |
|---|---|---|---|
| Số hồ sơ đã giải quyết | 29.638 | 12.775 | 42.413 |
| Giải quyết đúng hạn | 29.190 | 12.622 | 41.812 |
| Tỷ lệ đúng hạn (%) | 98,49 | 98,80 | 98,58 |

II. CẤP TỈNH

Các cơ quan, đơn vị cấp tỉnh đã giải quyết 29.638 hồ sơ, đúng hạn 29.190 hồ sơ, tỷ lệ giải quyết đúng hạn {rate}%.
"""


def test_levels_as_columns_and_measures_as_rows(tmp_path):
    """"Giải quyết đúng hạn" is a measure, never a unit the sentence names (before: "Văn bản nêu Giải quyết đúng
    hạn đạt 98,49% nhưng bảng ghi 29.190%"); the rate is the cell of its row and its level's column."""
    path = tmp_path / "bc.txt"
    path.write_text(COLUMNS.format(rate="98,49"), encoding="utf-8")
    report = read_path(path)
    assert [f.code for f in run_checks(report, CheckContext()) if str(f.severity) == "error"] == []
    assert all(st.unit is None for st in report.statements)
    path.write_text(COLUMNS.format(rate="98,14"), encoding="utf-8")
    assert [(f.code, f.row, f.column) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) == "error"] == [("PERCENT_MISMATCH", 2, "k1")]
