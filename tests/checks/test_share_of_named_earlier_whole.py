"""A share whose words name its whole ("chiếm 1,19% tổng số hồ sơ đã giải
quyết") in a sentence of its own, the whole written earlier ("Đã giải quyết
8.457 hồ sơ", "Tổng số hồ sơ tiếp nhận là 8.847 hồ sơ"): the whole is the
count those words say — never another earlier count — and a wrong percent
is an error, not a doubt."""
from __future__ import annotations

import docx
import pytest

from reportgen.verify import verify_path


def _write(path, late: str, share: str) -> None:
    d = docx.Document()
    for text in ("UBND HUYỆN KRÔNG PẮC", "Số: 445/BC-UBND", "Krông Pắc, ngày 10 tháng 7 năm 2025", "BÁO CÁO",
                 "Tình hình, kết quả giải quyết thủ tục hành chính quý II năm 2025", "1. Số hồ sơ tiếp nhận",
                 "Tổng số hồ sơ tiếp nhận là 8.847 hồ sơ, trong đó: kỳ trước chuyển sang 254 hồ sơ; mới tiếp nhận "
                 "8.593 hồ sơ.", "2. Kết quả giải quyết",
                 "Đã giải quyết 8.457 hồ sơ, gồm: trước hạn 6.262 hồ sơ; đúng hạn 2.094 hồ sơ; quá hạn 101 hồ sơ. "
                 "Đang giải quyết 390 hồ sơ.",
                 f"Số hồ sơ giải quyết quá hạn là 101 hồ sơ, chiếm {late}% tổng số hồ sơ đã giải quyết.",
                 f"Cấp huyện tiếp nhận 5.567 hồ sơ, chiếm {share}% tổng số hồ sơ tiếp nhận.", "3. Tồn tại, hạn chế",
                 "Còn hồ sơ giải quyết quá hạn ở lĩnh vực đất đai."):
        d.add_paragraph(text)
    d.save(path)


@pytest.mark.parametrize("late, share, expected", [
    ("1,19", "62,93", []),
    ("3,19", "62,93", [("PERCENT_MISMATCH", "3.19", "1.19")]),  # of 8.457 đã giải quyết, never 8.847 tiếp nhận
    ("1,19", "64,93", [("PERCENT_MISMATCH", "64.93", "62.93")]),  # of 8.847, never mới tiếp nhận 8.593
])
def test_the_named_earlier_whole(tmp_path, late, share, expected):
    path = tmp_path / "bc.docx"
    _write(path, late, share)
    result = verify_path(path)
    found = [(f.code, f.reported, f.expected) for f in result.findings if f.code == "PERCENT_MISMATCH"]
    assert found == expected
    assert all(f.severity == "error" for f in result.findings if f.code == "PERCENT_MISMATCH")
