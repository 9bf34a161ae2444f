"""A band count whose measure is named at length ("còn 2/4 đơn vị có tỷ lệ
giải quyết hồ sơ đúng hạn dưới 90%"): the count is of the rows of the rate
column in the band, checked both ways — the true count passes, any other is
an error."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

from support import write_docx_tables

RATES = (("UBND xã Tân Lập", "1.000", "990", "99,00"), ("UBND xã Phú Thịnh", "500", "420", "84,00"),
         ("UBND xã Hòa Bình", "800", "760", "95,00"), ("UBND xã Đông Sơn", "400", "340", "85,00"),
         ("UBND xã Yên Lạc", "600", "522", "87,00"))
TOTAL = ("Tổng cộng", "3.300", "3.032", "91,88")
MEASURES = ("tỷ lệ giải quyết hồ sơ đúng hạn", "tỷ lệ giải quyết hồ sơ đúng hạn trong kỳ",
            "tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn")


def _write(path, sentence: str) -> None:
    prose = ["UBND TỈNH PHÚ THỌ", "Số: 4567/UBND-KSTT", "Phú Thọ, ngày 08 tháng 10 năm 2025",
             "V/v nâng cao tỷ lệ giải quyết hồ sơ đúng hạn quý III năm 2025", "Kính gửi: Chủ tịch UBND các xã.",
             sentence]
    body = [["STT", "Đơn vị", "Số hồ sơ đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)"]]
    body += [[str(i), *row] for i, row in enumerate(RATES, 1)] + [["", *TOTAL]]
    write_docx_tables(path, prose, [("", body[0], body[1:])],
                      after=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn An"])


@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5])
def test_the_band_count_is_held_to_the_rate_column(tmp_path, measure, count):
    path = tmp_path / "cv.docx"
    _write(path, f"Theo số liệu trên Hệ thống, quý III năm 2025 còn {count}/5 đơn vị có {measure} dưới 90%, "
                 f"cụ thể như sau:")
    result = verify_path(path)
    errors = [(f.code, f.reported, str(f.expected)) for f in result.findings if f.severity == "error"]
    if count == 3:  # 84,00; 85,00; 87,00
        assert errors == [] and result.verdict == "ĐẠT"
    else:
        assert errors == [("BAND_COUNT_MISMATCH", str(count), "3")]


@pytest.mark.parametrize("said, right", [
    ("có {n}/5 đơn vị đạt tỷ lệ giải quyết hồ sơ đúng hạn trên 95%", 1),  # 99,00 (95,00 is no more than 95)
    ("có {n}/5 đơn vị đạt tỷ lệ giải quyết hồ sơ đúng hạn từ 95% trở lên", 2),
    ("có {n}/5 đơn vị có tỷ lệ giải quyết hồ sơ đúng hạn ≥ 95%", 2),
    ("có {n}/5 đơn vị có tỷ lệ giải quyết hồ sơ đúng hạn > 85%", 3),  # 99, 95, 87
])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_band_above_a_bound_counts_the_rows_past_it(tmp_path, said, right, count):
    path = tmp_path / "cv.docx"
    _write(path, f"Theo số liệu trên Hệ thống, quý III năm 2025 {said.format(n=count)}, cụ thể như sau:")
    result = verify_path(path)
    errors = [(f.code, f.reported, str(f.expected)) for f in result.findings if f.severity == "error"]
    if count == right:
        assert errors == [] and result.verdict == "ĐẠT"
    else:
        assert errors == [("BAND_COUNT_MISMATCH", str(count), str(right))]
