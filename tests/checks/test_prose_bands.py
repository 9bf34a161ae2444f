"""Counts of units by a band of scores held to the table (band-count-vs-table)
and statistics held to the bands that follow them (stat-within-bands), with
the figures of the Lâm Đồng 2025 appraisal report (bc36): its general section
(84,38% / 95,27% / 56,49%, 11 + 3 + 1 of 15) and its section on direction and
management, whose table is not in the report (61,69% / 93,10% / 16,00%,
3 + 4 + 3 + 5 of 15)."""
from __future__ import annotations

from decimal import Decimal

from reportgen.model import Measure
from reportgen.read.statements_bands import band_statements
from reportgen.read.statements_blocks import Block
from reportgen.verify import verify_path

D = Decimal
HEAD = """UBND TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc
Số: 36/BC-SNV\tLâm Đồng, ngày 05 tháng 12 năm 2025

BÁO CÁO
Kết quả thẩm định Chỉ số cải cách hành chính năm 2025

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, SNV.
GIÁM ĐỐC
Nguyễn Văn A
"""
# Chỉ số of five departments (bc36, table of the general criteria).
TABLE = """Kết quả đánh giá chung của các sở, ngành như sau:

| STT | Đơn vị | Điểm chuẩn tối đa | Điểm thẩm định | Chỉ số |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 74,00 | 70,50 | 95,27 |
| 2 | Sở Nội vụ | 72,00 | 66,64 | 92,56 |
| 3 | Sở Khoa học và Công nghệ | 72,00 | 66,50 | 92,36 |
| 4 | Sở Y tế | 74,00 | 55,11 | 74,47 |
| 5 | Sở Xây dựng | 74,00 | 41,80 | 56,49 |
"""


def _doc(tmp_path, prose: str, table: str = TABLE):
    path = tmp_path / "bc36.txt"
    path.write_text(HEAD + "1. Kết quả chung\n" + prose + "\n" + table + TAIL, encoding="utf-8")
    return verify_path(path)


def _of(result, name):
    return [(f.severity, f.reported, f.expected) for f in result.findings if f.rule == name]


def test_band_counts_are_read_with_their_bounds():
    found = band_statements(Block("- Có 3/15 đơn vị có chỉ số đạt từ 65% đến dưới 80%, chiếm tỷ lệ 20,00%;", 0, 1),
                            None, [])
    assert [(st.count, st.denominator, st.band.low, st.band.high, st.band.unit) for st in found] \
        == [(3, D(15), D(65), D(80), Measure.PERCENT)]
    found = band_statements(Block("Toàn tỉnh có 15 xã đạt từ 80 điểm trở lên.", 0, 1), None, [])
    assert [(st.count, st.band.low, st.band.high, st.band.unit) for st in found] == \
        [(15, D(80), None, Measure.POINTS)]
    assert band_statements(Block("- Xếp loại Tốt: Có chỉ số chung đạt từ 80% trở lên.", 0, 1), None, []) == []


BANDS = ("Kết quả: Chỉ số trung bình của các sở, ban, ngành đạt 82,23%; chỉ số cao nhất là 95,27% và thấp nhất "
         "là 56,49%. Trong đó:\n- Có {a}/5 đơn vị có kết quả đạt từ 80% trở lên, chiếm tỷ lệ {pa};\n"
         "- Có 1/5 đơn vị có kết quả đạt từ 65% đến dưới 80%, chiếm tỷ lệ 20,00%;\n"
         "- Có {c}/5 đơn vị có kết quả đạt từ 50% đến dưới 65%, chiếm tỷ lệ {pc}.")


def test_band_counts_that_the_table_gives_are_checked(tmp_path):
    result = _doc(tmp_path, BANDS.format(a=3, pa="60,00%", c=1, pc="20,00%"))
    assert _of(result, "band-count-vs-table") == []
    assert _of(result, "stat-within-bands") == []
    assert result.ledger.totals()["claims"][0] == result.ledger.totals()["claims"][1]


def test_a_band_count_the_next_table_does_not_give_is_an_error(tmp_path):
    result = _doc(tmp_path, BANDS.format(a=2, pa="40,00%", c=2, pc="40,00%"))
    assert _of(result, "band-count-vs-table") == [("error", "2", "3"), ("error", "2", "1")]


def test_statistics_that_the_bands_cannot_hold_are_errors_without_a_table(tmp_path):
    prose = ("Chỉ số trung bình về công tác chỉ đạo điều hành CCHC các sở, ngành đạt {avg}%; chỉ số cao nhất là "
             "{hi}% và thấp nhất là 16,00%. Trong đó:\n"
             "- Có 3/15 đơn vị có chỉ số đạt từ 80% trở lên, chiếm tỷ lệ 20,00%;\n"
             "- Có 4/15 đơn vị có chỉ số đạt từ 65% đến dưới 80%, chiếm tỷ lệ 26,67%;\n"
             "- Có 3/15 đơn vị có chỉ số đạt từ 50% đến dưới 65%, chiếm tỷ lệ 20,00%;\n"
             "- Có 5/15 đơn vị có chỉ số đạt dưới 50%, chiếm tỷ lệ 33,33%.")
    good = _doc(tmp_path, prose.format(avg="61,69", hi="93,10"), table="")
    assert _of(good, "stat-within-bands") == []
    # The bands only bound the three statistics (a slip within its band passes): not checked.
    unchecked = good.ledger.unchecked_claims()
    assert [(c.figure, c.bounds) for c in unchecked] == [
        ("61,69%", ["stat-within-bands"]), ("93,10%", ["stat-within-bands"]), ("16,00%", ["stat-within-bands"])]
    assert good.ledger.totals()["claims"] == (8, 11)  # the four bands and, apart, the four shares they are written with
    # (93,10 + 2 × 80 + 4 × 65 + 3 × 50 + 16,00 + 4 × 16,00) / 15 = 49,54 at the least
    assert _of(_doc(tmp_path, prose.format(avg="41,69", hi="93,10"), table=""), "stat-within-bands") == \
        [("error", "41.69", None)]
    assert _of(_doc(tmp_path, prose.format(avg="61,69", hi="73,10"), table=""), "stat-within-bands") == \
        [("error", "73.10", None)]
