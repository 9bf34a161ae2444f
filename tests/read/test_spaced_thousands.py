"""Thousands grouped by spaces in the prose ("nhận được 20 460 lượt đánh giá"):
read as one number (20.460) with a NUMBER_FORMAT warning, not as "20" and
"460 lượt", which gave false share and count errors."""
from __future__ import annotations

from reportgen.numbers import join_spaced_groups
from reportgen.verify import verify_path

REPORT = """UBND TỈNH BÌNH PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc
Số: 215/BC-VP\tBình Phước, ngày 05 tháng 12 năm 2026

BÁO CÁO
Kết quả đánh giá sự hài lòng tháng 11 năm 2026

1. Kết quả chung
Trong tháng, Trung tâm nhận được 8 998 lượt đánh giá; trong đó: {very} lượt rất hài lòng \
(chiếm 92,05%), 661 lượt hài lòng (chiếm 7,35%) và 54 lượt không hài lòng (chiếm 0,60%).

Phụ lục I. KẾT QUẢ THEO CƠ QUAN

| STT | Cơ quan | Tổng số lượt đánh giá | Rất hài lòng | Hài lòng | Không hài lòng |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 1 520 | 1 402 | 110 | 8 |
| 2 | Sở Xây dựng | 2 386 | 2 011 | 352 | 23 |
| 3 | Công an tỉnh | 5 092 | 4 870 | 199 | 23 |
| | Tổng cộng | 8 998 | 8 283 | 661 | 54 |

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
CHÁNH VĂN PHÒNG
Nguyễn Hữu Tài
"""


def _verify(tmp_path, very="8 283"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(very=very), encoding="utf-8")
    return verify_path(path)


def test_space_grouped_thousands_are_joined_with_the_dot_and_the_text_keeps_its_length():
    text = "nhận được 20 460 lượt; tổng 1\u00a0234\u00a0567 hồ sơ; có 12 345,5 điểm"
    joined, found = join_spaced_groups(text)
    assert joined == "nhận được 20.460 lượt; tổng 1.234.567 hồ sơ; có 12.345,5 điểm"
    assert found == ["20 460", "1\u00a0234\u00a0567", "12 345"]
    assert len(joined) == len(text)


def test_a_number_after_a_word_that_numbers_or_before_another_figure_is_left_alone():
    for text in ("ngày 15 320 hồ sơ", "năm 2025 100 hồ sơ", "Điều 3 100", "Biểu 2 120 đơn vị", "có 20 460 12 hồ sơ"):
        assert join_spaced_groups(text) == (text, [])


def test_a_clean_report_with_spaced_thousands_has_no_error_and_one_format_warning(tmp_path):
    result = _verify(tmp_path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    formats = [(f.reported, f.expected) for f in result.findings
               if f.code == "NUMBER_FORMAT" and f.paragraph is not None]
    assert formats == [("8 998", "8.998")]
    assert result.ledger.totals()["claims"][0] == result.ledger.totals()["claims"][1] > 0


def test_a_slipped_count_written_with_spaces_is_one_error_with_its_value(tmp_path):
    result = _verify(tmp_path, "8 238")
    assert [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"] == [
        ("SUM_MISMATCH", "8238", "8283")]


def test_the_denominator_of_a_grouped_fraction_is_joined_but_not_a_number_after_a_date():
    """"14.980/30 700 hồ sơ" is 14.980 of 30.700; "12/2024 100 hồ sơ" keeps its 100."""
    assert join_spaced_groups("Số hóa 14.980/30 700 hồ sơ, đạt tỷ lệ 48,80%.") == (
        "Số hóa 14.980/30.700 hồ sơ, đạt tỷ lệ 48,80%.", ["30 700"])
    assert join_spaced_groups("đã giải quyết 27 942/33 287 hồ sơ") == (
        "đã giải quyết 27.942/33.287 hồ sơ", ["27 942", "33 287"])
    for text in ("Thông tư 01/2018 100 hồ sơ", "tháng 12/2024 100 hồ sơ", "tỷ lệ 3/5 120 xã"):
        assert join_spaced_groups(text) == (text, [])


def test_a_share_of_a_grouped_fraction_is_checked(tmp_path):
    """The share of "14.980/30 700 hồ sơ" is 48,79%: written 51,79% it is an error."""
    head = REPORT.split("1. Kết quả chung")[0]
    tail = "\nNơi nhận:" + REPORT.split("Nơi nhận:")[1]
    path = tmp_path / "bc.txt"
    for p, errors in (("48,79", []), ("51,79", [("PERCENT_MISMATCH", "51.79", "48.79")])):
        path.write_text(f"{head}1. Số hóa\nSố hóa hồ sơ, kết quả giải quyết TTHC: 14.980/30 700 hồ sơ, "
                        f"đạt tỷ lệ {p}%.\n"
                        f"{tail}", encoding="utf-8")
        assert [(f.code, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"] == errors
