"""A sum by level after the list of offices it sums (checks/prose_offices.py):
the part whose level's listed counts say otherwise is the one slip, even when
the parts then exceed their whole and the sum's own check finds that too —
correcting the part closes that gap, so it is named in the part's error, not
reported apart (checks/culprits_prose.py)."""
from __future__ import annotations

from reportgen.verify import verify_path

TEXT = """1. Kết quả giải quyết hồ sơ
Trong tháng 5 năm 2025, toàn tỉnh đã giải quyết 59.410 hồ sơ, trong đó đúng hạn 58.974 hồ sơ, đạt tỷ lệ 99,27%; \
quá hạn 436 hồ sơ, chiếm tỷ lệ 0,73%.
Có 05/21 cơ quan, đơn vị còn để xảy ra hồ sơ quá hạn, gồm: Sở Xây dựng (61 hồ sơ), Sở Nông nghiệp và Môi trường \
(40 hồ sơ), Bảo hiểm xã hội tỉnh (26 hồ sơ) và 02 UBND cấp huyện (309 hồ sơ).
Số hồ sơ quá hạn nêu trên gồm 436 hồ sơ, trong đó: các sở, ngành 127 hồ sơ, UBND cấp huyện {n} hồ sơ.
"""


def _errors(tmp_path, n: str):
    path = tmp_path / "cv.txt"
    path.write_text(TEXT.format(n=n), encoding="utf-8")
    return [f for f in verify_path(path).findings if f.severity == "error"]


def test_parts_that_match_the_listed_offices_level_by_level_pass(tmp_path):
    assert _errors(tmp_path, "309") == []


def test_a_part_above_its_level_is_one_error_at_the_part(tmp_path):
    (error,) = _errors(tmp_path, "409")
    assert (error.rule, error.reported, error.expected) == ("level-parts-vs-listed-offices", "409", "309")
    assert error.message.startswith("Số của cấp huyện ghi 409 hồ sơ, nhưng các cơ quan cấp huyện liệt kê ở trên "
                                    "(02 UBND cấp huyện) có 309 hồ sơ")
    assert "kéo theo: SUM_MISMATCH" in error.message
