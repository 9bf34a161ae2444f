"""A one-stop office's survey and its comparison with the quarter before, as
Thông tư 01/2018 reports write them (hold-out h-new31): the earlier rate in
the bracket after "So với …" ("(tỷ lệ hài lòng chung 97,06%)", "(đạt
97,50%, 3.900/4.000 hồ sơ)") is the change's earlier figure, never a claim
of this quarter; a share said "tương ứng" after its fraction is that
fraction's; and a change column of rates ("Tăng (+), giảm (-) (điểm %)")
is on its "Toàn tỉnh" row the change of the province's rates, never the sum
of the units' changes. Before, 9 of 20 clean reports had a false error."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

SURVEY = """UBND TỈNH GIA HÒA
VĂN PHÒNG

BÁO CÁO
Kết quả đánh giá mức độ hài lòng tại Bộ phận Một cửa quý III năm 2026

1. Kết quả khảo sát, đánh giá

Trong kỳ, tổ chức, cá nhân đã thực hiện 4.350 phiếu đánh giá, trong đó: Rất hài lòng 2.820 phiếu, chiếm 64,83%; \
Hài lòng 1.439 phiếu, chiếm 33,08%; Không hài lòng 91 phiếu, chiếm 2,09%.

Tỷ lệ hài lòng chung (Rất hài lòng và Hài lòng) đạt 4.259/4.350 phiếu, tương ứng {share}%.

So với quý II năm 2026 (tỷ lệ hài lòng chung 97,06%), tỷ lệ hài lòng chung tăng {change} điểm phần trăm.

Phụ lục I

| STT | Tên đơn vị | Tổng số phiếu đánh giá | Rất hài lòng | Hài lòng | Không hài lòng | Tỷ lệ hài lòng (%) |
|---|---|---|---|---|---|---|
| 1 | UBND xã An Hòa | 1.200 | 800 | 370 | 30 | 97,50 |
| 2 | UBND xã Bình Lộc | 950 | 600 | 340 | 10 | 98,95 |
| 3 | UBND phường Đông Thành | 1.500 | 1.000 | 470 | 30 | 98,00 |
| 4 | UBND xã Tân Phú | 700 | 420 | 259 | 21 | 97,00 |
| | Tổng cộng | 4.350 | 2.820 | 1.439 | 91 | 97,91 |
"""

ON_TIME = """UBND TỈNH GIA HÒA
VĂN PHÒNG

BÁO CÁO
Kết quả giải quyết hồ sơ đúng hạn so với kỳ trước quý III năm 2026

I. KẾT QUẢ THỰC HIỆN

Quý III năm 2026, các đơn vị đã giải quyết 5.000 hồ sơ, trong đó đúng hạn 4.900/5.000 hồ sơ, đạt 98,00%.

So với quý II năm 2026 (đạt 97,50%, 3.900/4.000 hồ sơ), tỷ lệ đúng hạn tăng {change} điểm phần trăm.

Phụ lục I

| STT | Đơn vị | Số hồ sơ quý II | Đúng hạn quý II | Tỷ lệ quý II (%) | Số hồ sơ quý III | Đúng hạn quý III \
| Tỷ lệ quý III (%) | Tăng (+), giảm (-) (điểm %) |
|---|---|---|---|---|---|---|---|---|
| 1 | UBND xã An Hòa | 1.000 | 970 | 97,00 | 1.200 | 1.188 | 99,00 | +2,00 |
| 2 | UBND xã Bình Lộc | 1.500 | 1.470 | 98,00 | 1.800 | 1.746 | 97,00 | -1,00 |
| 3 | UBND phường Đông Thành | 800 | 780 | 97,50 | 1.000 | 980 | 98,00 | +0,50 |
| 4 | UBND xã Tân Phú | 700 | 680 | 97,14 | 1.000 | 986 | 98,60 | +1,46 |
| | Toàn tỉnh | 4.000 | 3.900 | 97,50 | 5.000 | 4.900 | 98,00 | {total} |
"""


def _findings(tmp_path, text):
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.code, str(f.severity), f.message) for f in run_checks(read_path(path), CheckContext())
            if str(f.severity) != "info" and not f.code.startswith("LAYOUT")]


def test_a_survey_and_its_comparison_are_checked_whole(tmp_path):
    assert _findings(tmp_path, SURVEY.format(share="97,91", change="0,85")) == []


def test_a_share_said_tuong_ung_after_its_fraction_is_the_fractions(tmp_path):
    assert _findings(tmp_path, SURVEY.format(share="97,19", change="0,85")) == [
        ("PERCENT_MISMATCH", "error", "4.259 trên 4.350 là 97,91%, không phải 97,19%. Số ghi sai này kéo theo: "
                                      "CHANGE_MISMATCH ở đoạn văn 8 (ghi 0,85, tính ra 0,13) — các lỗi này hết khi sửa "
                                      "số này, nên không báo riêng.")]


def test_a_change_from_the_earlier_rate_in_the_bracket_is_checked(tmp_path):
    assert [f[:2] for f in _findings(tmp_path, SURVEY.format(share="97,91", change="1,25"))] == [
        ("CHANGE_MISMATCH", "error")]


def test_a_change_column_of_rates_and_its_whole_are_checked(tmp_path):
    assert _findings(tmp_path, ON_TIME.format(change="0,50", total="+0,50")) == []


def test_the_provinces_change_is_the_change_of_its_rates(tmp_path):
    assert [f[:2] for f in _findings(tmp_path, ON_TIME.format(change="0,50", total="+0,70"))] == [
        ("CHANGE_COLUMN_MISMATCH", "error")]


def test_a_change_against_a_bracket_with_the_earlier_fraction_is_checked(tmp_path):
    assert [f[:2] for f in _findings(tmp_path, ON_TIME.format(change="0,90", total="+0,50"))] == [
        ("CHANGE_MISMATCH", "error")]
