"""A written list of offices, counted without a table to name them
(reportgen/text/organisations.py): each piece opens with the word for an
office's kind and a name or level after it; "02 UBND cấp huyện" is two
offices; a capitalised piece that opens no office goes on with the name
before it ("Sở Văn hóa, Thể thao và Du lịch"); anything else leaves the
list uncounted."""
from __future__ import annotations

import pytest

from reportgen.text.organisations import Office, counted_offices, listed_offices

LATE = ("Sở Tài chính (56 hồ sơ), Sở Dân tộc và Tôn giáo (49 hồ sơ), Cục Thuế tỉnh (33 hồ sơ), "
        "Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ)")


def test_offices_with_their_counts_in_brackets_and_an_item_that_counts_two():
    assert listed_offices(LATE) == [
        Office("Sở Tài chính", 1, "tỉnh", "56 hồ sơ"), Office("Sở Dân tộc và Tôn giáo", 1, "tỉnh", "49 hồ sơ"),
        Office("Cục Thuế tỉnh", 1, "tỉnh", "33 hồ sơ"), Office("Thanh tra tỉnh", 1, "tỉnh", "28 hồ sơ"),
        Office("02 UBND cấp huyện", 2, "huyện", "188 hồ sơ")]
    assert counted_offices(LATE) == 6


@pytest.mark.parametrize("text, count", [
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội", 2),
    ("Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh", 2),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh; Thanh tra tỉnh", 2),
    ("UBND huyện Tân Phú (12 hồ sơ), UBND thành phố Bảo Lộc (3 hồ sơ), UBND xã Đạ Oai (1 hồ sơ)", 3),
])
def test_names_with_commas_and_và_inside_are_one_office_each(text, count):
    assert counted_offices(text) == count


def test_levels_of_offices_by_their_words():
    offices = listed_offices("UBND huyện Tân Phú, UBND thành phố Bảo Lộc, UBND xã Đạ Oai, Phường 1, Công an tỉnh")
    assert [o.tier for o in offices] == ["huyện", "huyện", "xã", "xã", "tỉnh"]


@pytest.mark.parametrize("text", ["Sở Y tế, Sở Xây dựng và một số đơn vị khác", "các UBND cấp xã",
                                  "phòng chống dịch bệnh", "00 UBND cấp xã", "UBND các xã",
                                  "UBND huyện Ba Tơ 17.228 hồ sơ, UBND xã Ba Động 1.522 hồ sơ", ""])
def test_a_piece_that_is_no_office_leaves_the_list_uncounted(text):
    assert counted_offices(text) is None
