"""A notice on online services (hold-out h-new27): a table caption ends its
paragraph ("Bảng 1. … của các xã, phường" then "Có 06/07 …" after the
table); a "Toàn tỉnh" row is no unit; a band count is of the column its
words name ("tỷ lệ hồ sơ trực tuyến" of "Tỷ lệ trực tuyến (%)"), never of
another that happens to count as many; the count of a band is held to the
column its complement ("02/07 … dưới 50%") agrees with; the highest rate is
of the column the sentence names."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.checks.prose_stat_columns import names_column
from reportgen.model import Column, ScoreTable
from reportgen.read import read_path

NOTICE = """UBND TỈNH HÒA BÌNH NAM

THÔNG BÁO
Kết quả cung cấp dịch vụ công trực tuyến và số hóa hồ sơ quý III năm 2025

I. KẾT QUẢ TIẾP NHẬN HỒ SƠ TRỰC TUYẾN VÀ SỐ HÓA

Bảng 1. Tình hình tiếp nhận hồ sơ trực tuyến và số hóa hồ sơ của các xã, phường

| STT | Đơn vị | Tổng HS tiếp nhận | Số HS số hóa | Tỷ lệ số hóa (%) | HS nộp trực tuyến | Tỷ lệ trực tuyến (%) |
|---|---|---|---|---|---|---|
| 1 | Xã Đông Sơn | 1.000 | 400 | 40,00 | 867 | 86,70 |
| 2 | Xã Tây Sơn | 1.000 | 700 | 70,00 | 600 | 60,00 |
| 3 | Phường Bắc Lý | 1.000 | 800 | 80,00 | 550 | 55,00 |
| 4 | Phường Nam Lý | 1.000 | 900 | 90,00 | 300 | 30,00 |
| 5 | Xã Hòa Bình | 1.000 | 300 | 30,00 | 700 | 70,00 |
|  | Toàn tỉnh | 5.000 | 3.100 | 62,00 | 3.017 | 60,34 |

{prose}
"""


def _findings(tmp_path, prose):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.format(prose=prose), encoding="utf-8")
    return [(f.code, str(f.severity), f.message) for f in run_checks(read_path(path), CheckContext())
            if f.code in ("BAND_COUNT_MISMATCH", "STAT_MISMATCH", "CLAIM_UNCHECKED")]


def test_band_counts_of_the_named_column_that_agree(tmp_path):
    assert _findings(tmp_path, "Có 04/05 xã, phường đạt tỷ lệ hồ sơ trực tuyến từ 50% trở lên; 01/05 xã, phường "
                               "đạt dưới 50%.") == []


def test_a_band_count_another_column_happens_to_give_is_still_wrong(tmp_path):
    """3 units have "Tỷ lệ số hóa (%)" ≥ 50% too: the count is of the online rate, which has 4."""
    assert _findings(tmp_path, "Có 03/05 xã, phường đạt tỷ lệ hồ sơ trực tuyến từ 50% trở lên.") == [
        ("BAND_COUNT_MISMATCH", "error",
         "Văn bản nêu 03 xã, phường đạt tỷ lệ hồ sơ trực tuyến từ 50% trở lên nhưng cột “Tỷ lệ trực tuyến (%)” "
         "của bảng 1 có 4 đơn vị trong khoảng này")]


def test_the_highest_rate_of_the_column_the_sentence_names(tmp_path):
    assert _findings(tmp_path, "Đơn vị có tỷ lệ hồ sơ trực tuyến cao nhất là Xã Đông Sơn (86,70%).") == []
    found = _findings(tmp_path, "Đơn vị có tỷ lệ hồ sơ trực tuyến cao nhất là Xã Đông Sơn (85,70%).")
    assert [(c, s) for c, s, _ in found] == [("STAT_MISMATCH", "error")]
    assert found[0][2].startswith("Văn bản nêu số cao nhất 85,70% nhưng cột “Tỷ lệ trực tuyến (%)” của bảng 1 "
                                  "(5 đơn vị) cho 86,70%")


def test_a_rate_headed_by_its_measure_alone_is_named_by_the_column_it_is_the_rate_of():
    """"Hồ sơ tiếp nhận" over "Tổng số | Trực tuyến | Tỷ lệ (%)": "tỷ lệ hồ sơ trực tuyến" names the rate."""
    group, paid = "Hồ sơ tiếp nhận", "Thanh toán trực tuyến"
    table = ScoreTable(index=0, columns=[
        Column("k2", f"{group} Tổng số", group), Column("k3", f"{group} Trực tuyến", group),
        Column("k4", f"{group} Tỷ lệ (%)", group), Column("k5", f"{paid} Số HS", paid),
        Column("k6", f"{paid} Tỷ lệ (%)", paid)])
    said = "Đơn vị có tỷ lệ hồ sơ trực tuyến cao nhất là Sở Giáo dục và Đào tạo"
    assert [c.key for c in table.columns if names_column(table, c.key, c.label, said)] == ["k4"]
