"""A count x/y of offices followed by the list of them, in a document with no
table to recognise the names by ("Có 06/20 cơ quan, đơn vị còn để xảy ra hồ sơ
quá hạn, gồm: …"): the offices are counted by their written shape, "02 UBND
cấp huyện" as two (checks/prose_fractions.py, count-vs-listed-units)."""
from __future__ import annotations

from reportgen.verify import verify_path

TEXT = """1. Kết quả giải quyết hồ sơ
Có {n}/20 cơ quan, đơn vị còn để xảy ra hồ sơ quá hạn, gồm: Sở Tài chính (56 hồ sơ), Sở Dân tộc và Tôn giáo \
(49 hồ sơ), Cục Thuế tỉnh (33 hồ sơ), Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ).
"""


def verify_text(tmp_path, text: str):
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    return verify_path(path)


def _counted(tmp_path, n: str):
    result = verify_text(tmp_path, TEXT.format(n=n))
    return [f for f in result.findings if f.rule == "count-vs-listed-units"], result


def test_the_count_that_matches_the_offices_listed_is_checked(tmp_path):
    found, result = _counted(tmp_path, "06")
    assert found == []
    assert not [f for f in result.findings if f.code == "CLAIM_UNCHECKED"]


def test_a_count_one_off_the_offices_listed_is_an_error_naming_both(tmp_path):
    (finding,), _ = _counted(tmp_path, "05")
    assert (finding.severity, finding.reported, finding.expected) == ("error", "5", "6")
    assert finding.message.startswith("Văn bản nêu 05/20 đơn vị nhưng danh sách sau đó gồm 6 đơn vị: “Sở Tài chính")


def test_a_list_with_a_piece_that_is_no_office_decides_nothing(tmp_path):
    text = TEXT.format(n="05").replace("Thanh tra tỉnh (28 hồ sơ)", "một số đơn vị khác (28 hồ sơ)")
    result = verify_text(tmp_path, text)
    assert not [f for f in result.findings if f.rule == "count-vs-listed-units"]
    assert [f for f in result.findings if f.code == "CLAIM_UNCHECKED"]


def test_a_fraction_of_dossiers_followed_by_offices_is_no_count_of_them(tmp_path):
    text = ("1. Kết quả\nTrong kỳ, đã tiếp nhận 21.108/31.843 hồ sơ trực tuyến, gồm: UBND huyện Ba Tơ (17.228 hồ sơ), "
            "UBND xã Ba Động (1.522 hồ sơ).\n")
    assert not [f for f in verify_text(tmp_path, text).findings if f.rule == "count-vs-listed-units"]
