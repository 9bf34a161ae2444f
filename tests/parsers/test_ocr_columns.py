"""The two-column blocks of a scanned page (the header: issuer and number
left, the national motto and the date right; the foot: "Nơi nhận" and its
list left, the signer's authority right) read column by column from the
word boxes, a paragraph a line, where Tesseract's page layout joins each
line of the left cell to the line of the right cell beside it.

Values as the page images of the real scanned notice show them (its number
and its day are handwritten: the recognition of those is not asserted)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsers import read_raw

pytestmark = pytest.mark.slow  # Tesseract with Vietnamese is installed by scripts/setup.sh

SCAN = Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "real" / "ld-tb493-scan.pdf"


def _texts(page: int) -> list[str]:
    return [p.text for p in read_raw(SCAN, {"pages": [page]}).paragraphs]


def test_the_header_of_the_real_scan_is_read_column_by_column():
    texts = _texts(1)
    assert texts[0] == "ỦY BAN NHÂN DÂN"
    assert re.fullmatch(r"TỈNH LÂM Đ\w+NG", texts[1])  # (the underline under it touches the letters)
    assert texts[2].startswith("Số:") and texts[2].endswith("/TB-UBND")
    assert texts[3:5] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert re.fullmatch(r"Lâm Đ\w+, ngày \S+ tháng \S+ năm 2025", texts[5])
    assert texts[6] == "THÔNG BÁO"


def test_the_foot_of_the_real_scan_gives_the_recipients_then_the_authority():
    texts = _texts(3)
    start = texts.index("Nơi nhận:")
    assert texts[start + 1:start + 4] == [
        "- Chủ tịch, các PCT. UBND tỉnh;", "- Các sở, ban, ngành thuộc tỉnh;", "- Lãnh đạo VP UBND tỉnh;"]
    assert texts[start + 4] == "- VNPT Lâm Đồng;"
    # the list's fifth item wraps: its second line starts in lower case and goes on it
    assert texts[start + 5].startswith("- Trung tâm xúc ti") and texts[start + 5].endswith("tỉnh Lâm Đồng;")
    assert texts[start + 6:start + 11] == [
        "- Trung tâm Phục vụ hành chính công tỉnh;", "- Trung tâm thông tin;", "- Lưu: VT, KTTH, NC, HCC.",
        "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]
