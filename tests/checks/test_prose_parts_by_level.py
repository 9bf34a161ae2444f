"""Parts of a "trong đó" list named by who handles them: "các sở, ngành 127
hồ sơ, UBND cấp huyện 309 hồ sơ" splits the late dossiers by level (the
departments are the province's). A dossier is handled at one level, so the
parts are never more than their whole: more is an error; less is some of it."""
from __future__ import annotations

import pytest

from reportgen.verify import verify_path

CV = """UBND TỈNH TÂY NGUYÊN
VĂN PHÒNG
Số: 1520/VP-KSTT\tTây Nguyên, ngày 19 tháng 8 năm 2025

V/v khắc phục hồ sơ giải quyết quá hạn

Kính gửi: Các sở, ban, ngành tỉnh; UBND các huyện.

Theo kết quả tháng 7 năm 2025, toàn tỉnh đã giải quyết 58.941 hồ sơ, trong đó đúng hạn 58.505 hồ sơ, \
đạt tỷ lệ 99,26%; quá hạn 436 hồ sơ, chiếm tỷ lệ 0,74%.
Số hồ sơ quá hạn gồm 436 hồ sơ, trong đó: các sở, ngành {a} hồ sơ, UBND cấp huyện {b} hồ sơ.

Nơi nhận:
- Như trên;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Trần Văn Bình
"""


def _sums(tmp_path, a: str, b: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "cv.txt"
    path.write_text(CV.format(a=a, b=b), encoding="utf-8")
    return [(f.code, f.severity, f.reported) for f in verify_path(path).findings if f.code == "SUM_MISMATCH"]


@pytest.mark.parametrize("a, b, found", [
    ("127", "309", []),
    ("127", "409", [("SUM_MISMATCH", "error", "436")]),  # 127 + 409 = 536, more than 436
    ("127", "209", []),  # 336 of 436: the list may leave a level out
])
def test_parts_by_level_never_exceed_their_whole(tmp_path, a, b, found):
    assert _sums(tmp_path, a, b) == found
