"""A rate whose whole and part its own sentence states ("… là 9.120 hồ sơ,
trong đó giải quyết đúng hạn 8.994 hồ sơ; tỷ lệ giải quyết đúng hạn đạt
98,62%") is held to them for sure, whichever tables also write that row; and
a summary of levels too short to show a relation takes the one a longer table
of the same document shows on columns headed alike ("Giải quyết đúng hạn"
and "Đúng hạn"). Hold-out h-new29: both slips were CHƯA KIỂM TRA HẾT."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

REPORT = """UBND TỈNH GIA HÒA

BÁO CÁO
Kết quả giải quyết thủ tục hành chính năm 2025

I. KẾT QUẢ CHUNG

Kết quả giải quyết hồ sơ thủ tục hành chính năm 2025 theo từng cấp như sau:

| Cấp | Số đơn vị được đánh giá | Số hồ sơ đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|---|
| Cấp tỉnh | 4 | 9.120 | 8.994 | {summary} |
| Cấp xã | 4 | 5.000 | 4.950 | 99,00 |
| Toàn tỉnh | 8 | 14.120 | 13.944 | 98,75 |

II. CẤP TỈNH

Tổng số hồ sơ đã giải quyết của cấp tỉnh là 9.120 hồ sơ, trong đó giải quyết đúng hạn 8.994 hồ sơ; \
tỷ lệ giải quyết đúng hạn đạt {rate}%.

Kết quả cụ thể như sau:

| STT | Đơn vị | Số hồ sơ đã giải quyết | Đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 3.000 | 2.970 | 99,00 |
| 2 | Sở Xây dựng | 2.500 | 2.450 | 98,00 |
| 3 | Sở Y tế | 2.000 | 1.980 | 99,00 |
| 4 | Sở Nội vụ | 1.620 | 1.594 | 98,40 |
| | Tổng cộng | 9.120 | 8.994 | 98,62 |

III. CẤP XÃ

Tổng số hồ sơ đã giải quyết của cấp xã là 5.000 hồ sơ, trong đó giải quyết đúng hạn 4.950 hồ sơ; \
tỷ lệ giải quyết đúng hạn đạt 99,00%.

Kết quả cụ thể như sau:

| STT | Đơn vị | Số hồ sơ đã giải quyết | Đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|---|
| 1 | UBND xã Tân Lập | 1.500 | 1.490 | 99,33 |
| 2 | UBND xã Hòa Bình | 1.200 | 1.188 | 99,00 |
| 3 | UBND phường An Khánh | 1.300 | 1.280 | 98,46 |
| 4 | UBND xã Đông Sơn | 1.000 | 992 | 99,20 |
| | Tổng cộng | 5.000 | 4.950 | 99,00 |
"""


def _errors(tmp_path, summary="98,62", rate="98,62"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(summary=summary, rate=rate), encoding="utf-8")
    return [(f.code, f.table, f.row, f.reported, f.expected, f.message)
            for f in run_checks(read_path(path), CheckContext()) if str(f.severity) == "error"]


def test_the_unchanged_report_has_no_error(tmp_path):
    assert _errors(tmp_path) == []


def test_a_rate_other_than_its_sentences_own_figures_give_is_an_error(tmp_path):
    assert [e for e in _errors(tmp_path, rate="98,26") if e[0] == "PERCENT_MISMATCH"] == [
        ("PERCENT_MISMATCH", 0, 0, "98.26", "98.62",
         "Văn bản nêu tỷ lệ giải quyết đúng hạn 98,26% nhưng theo dòng “Cấp tỉnh” của bảng 1: "
         "(Giải quyết đúng hạn 8.994) / Số hồ sơ đã giải quyết 9.120 = 98,62%")]


def test_a_summary_of_levels_takes_the_relation_of_columns_headed_alike(tmp_path):
    assert [e for e in _errors(tmp_path, summary="98,26") if e[0] == "RATIO_MISMATCH"] == [
        ("RATIO_MISMATCH", 0, 0, "98.26", "98.62",
         "Cấp tỉnh: cột “Tỷ lệ đúng hạn (%)” ghi 98,26% nhưng “Giải quyết đúng hạn” / “Số hồ sơ đã giải quyết” "
         "× 100 = 8.994 / 9.120 × 100 = 98,62%")]
