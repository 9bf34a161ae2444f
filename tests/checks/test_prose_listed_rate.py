"""A rate after a list of parts may be of the parts listed together: "Đã
giải quyết 1.648 hồ sơ, trong đó trước hạn 476 hồ sơ, đúng hạn 1.165 hồ sơ,
đạt tỷ lệ 99,58%" — 476 + 1.165 of 1.648 on time or early, not 1.165 alone."""
from __future__ import annotations

from reportgen.verify import verify_path

REPORT = """UBND XÃ TÂN HÀ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 87/BC-UBND\tTân Hà, ngày 05 tháng 12 năm 2025

BÁO CÁO
Kết quả giải quyết thủ tục hành chính tháng 11 năm 2025

1. Kết quả giải quyết
Đã giải quyết 1.648 hồ sơ, trong đó trước hạn 476 hồ sơ, đúng hạn 1.165 hồ sơ, đạt tỷ lệ {rate}; \
quá hạn 7 hồ sơ, chiếm 0,42%.

Nơi nhận:
- UBND huyện;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
"""


def _shares(tmp_path, rate: str):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(rate=rate), encoding="utf-8")
    return [(f.severity, f.reported) for f in verify_path(path).findings if f.code == "PERCENT_MISMATCH"]


def test_the_rate_of_the_parts_listed_together_is_right(tmp_path):
    assert _shares(tmp_path, "99,58%") == []


def test_a_rate_neither_alone_nor_together_is_still_an_error(tmp_path):
    assert _shares(tmp_path, "98,58%") == [("error", "98.58")]
