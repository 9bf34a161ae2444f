"""Counts of units by a band of points, as a quarterly report writes them
above an appendix that holds this quarter's table and a comparison with the
quarter before: the count is of this quarter, never of the earlier column
it may happen to fit; counts of bands that do not overlap add up to at most
their whole, and to the whole when the bands cover every figure.

Reports are generated from seeded points (DOCX written with python-docx);
a clean one gives no error and has its band counts checked."""
from __future__ import annotations

import random
from decimal import Decimal

import docx
import pytest

from reportgen.verify import verify_path

PLACES = ("Vũ Quang", "Hương Sơn", "Đức Thọ", "Nghi Xuân", "Kỳ Anh", "Can Lộc", "Thạch Hà", "Cẩm Xuyên")


def _vi(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _points(rng: random.Random, n: int) -> list[Decimal]:
    return [Decimal(rng.randrange(6000, 9800)) / 100 for _ in range(n)]


def _write(path, sentence: str, units: list[str], now: list[Decimal], before: list[Decimal],
           after: tuple[str, ...] = ()) -> None:
    d = docx.Document()
    for text in ("UBND TỈNH HÀ TĨNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 1586/BC-TTPVHCC",
                 "Hà Tĩnh, ngày 15 tháng 4 năm 2025", "BÁO CÁO",
                 "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý I năm 2025",
                 "I. KẾT QUẢ ĐÁNH GIÁ", "1. Kết quả cụ thể", sentence, *after, "(Chi tiết tại Phụ lục kèm theo)",
                 "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Đình Phúc", "Phụ lục",
                 "ĐIỂM CỦA CÁC XÃ QUÝ I NĂM 2025"):
        d.add_paragraph(text)
    rows = [["STT", "Cơ quan, đơn vị", "Tổng điểm (100 điểm)", "Điểm quý IV năm 2024", "Tăng (+), giảm (-)"]]
    for i, (u, a, b) in enumerate(zip(units, now, before), 1):
        change = a - b
        rows.append([str(i), u, _vi(a), _vi(b), ("+" if change > 0 else "") + _vi(change)])
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in zip(table.rows, rows):
        for cell, value in zip(r.cells, values):
            cell.text = value
    d.save(path)


def _errors(path) -> list[tuple[str, str]]:
    return sorted((f.code, f.rule) for f in verify_path(path).findings if f.severity == "error")


def _case(rng: random.Random):
    """Units with this quarter's and last quarter's points, where the two
    quarters have a different number of units from 80 points up."""
    while True:
        n = rng.randrange(5, 9)
        now, before = _points(rng, n), _points(rng, n)
        above_now = sum(1 for p in now if p >= 80)
        above_before = sum(1 for p in before if p >= 80)
        if above_now != above_before and 0 < above_now < n:
            return [f"UBND xã {p}" for p in PLACES[:n]], now, before, above_now, above_before


@pytest.mark.parametrize("seed", range(4))
def test_a_band_count_is_of_this_quarter_not_of_the_earlier_column(tmp_path, seed):
    units, now, before, above_now, above_before = _case(random.Random(seed))
    n = len(units)

    def sentence(count):
        return f"Có {count:02d}/{n} xã, phường đạt từ 80 điểm trở lên."

    clean = tmp_path / "clean.docx"
    _write(clean, sentence(above_now), units, now, before)
    result = verify_path(clean)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert not [f for f in result.findings if f.code == "CLAIM_UNCHECKED"]
    slipped = tmp_path / "slip.docx"
    _write(slipped, sentence(above_before), units, now, before)  # fits only "Điểm quý IV năm 2024"
    assert ("BAND_COUNT_MISMATCH", "band-count-vs-table") in _errors(slipped)
    # A heading between the count and the appendix: the table is not plainly the count's, so the
    # slipped count is left unchecked, said so, never passed on the earlier column.
    apart = tmp_path / "apart.docx"
    _write(apart, sentence(above_before), units, now, before, after=("II. ĐÁNH GIÁ CHUNG", "Kết quả tốt."))
    assert verify_path(apart).verdict != "ĐẠT"


@pytest.mark.parametrize("seed", range(4))
def test_counts_of_a_band_and_its_complement_add_up_to_the_whole(tmp_path, seed):
    units, now, before, above, _ = _case(random.Random(100 + seed))
    n = len(units)

    def sentence(up, down):
        return f"Có {up:02d}/{n} xã, phường đạt từ 80 điểm trở lên; {down:02d}/{n} xã, phường đạt dưới 80 điểm."

    clean = tmp_path / "clean.docx"
    _write(clean, sentence(above, n - above), units, now, before)
    assert _errors(clean) == []
    # The slipped count needs no table to be wrong: 5 + 2 units of 6.
    slipped = tmp_path / "slip.docx"
    _write(slipped, sentence(above + 1, n - above), units, now, before)
    assert ("SUM_MISMATCH", "band-counts-within-whole") in _errors(slipped)


def test_bands_of_two_different_rates_are_not_taken_together(tmp_path):
    # 10/12 from 95% up of one rate and 3/12 below 80% of another count the same units twice, rightly.
    path = tmp_path / "two.txt"
    path.write_text("UBND HUYỆN CAM LỘ\n\nSố: 88/BC-PNV\n\nCam Lộ, ngày 20 tháng 11 năm 2025\n\nBÁO CÁO\n\n"
                    "1. Kết quả\n\nCó 10/12 xã có tỷ lệ hồ sơ đúng hạn từ 95% trở lên; "
                    "03/12 xã có tỷ lệ hài lòng dưới 80%.\n", encoding="utf-8")
    assert not [f for f in verify_path(path).findings if f.rule == "band-counts-within-whole"]
