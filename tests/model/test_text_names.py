"""Unit-name matching: the names the seeds write for the same unit match,
different units do not."""
import unicodedata

import pytest
from hypothesis import given, strategies as st

from reportgen.text.names import core_key, find_unit, fold_tones, match_units, name_key, same_unit

SAME = [
    # seed 000: prose vs Phụ lục I
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và PTNT"),
    # seed 002: prose vs appendix
    ("Trung tâm Quản lý Đất đai huyện", "Trung tâm QLĐĐ"),
    ("Phòng Lao động - Thương binh và Xã hội", "Phòng LĐTBXH"),
    ("UBND xã Núa Ngam", "Núa Ngam"),
    ("Ủy ban nhân dân xã Thanh Yên", "UBND xã Thanh Yên"),
    # old and new tone placement (Lâm Đồng tables, seed 004)
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND thị xã Hương Thuỷ", "UBND thị xã Hương Thủy"),
    ("Uỷ ban nhân dân tỉnh", "UBND tỉnh"),
    # seed 004 Phụ lục III: province suffix
    ("UBND thị xã Hương Thủy - tỉnh Thừa Thiên Huế", "UBND thị xã Hương Thủy"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở TTTT", "Sở Thông tin và Truyền thông"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Lao động, Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("  Sở   Tư pháp ", "SỞ TƯ PHÁP"),
    # the portal's 2025 export and merged departments
    ("Sở Nông nghiệp và Môi trường - tỉnh An Giang", "Sở NN&MT"),
    ("Sở Dân tộc và Tôn giáo", "Sở DT&TG"),
    ("Sở Tư pháp tỉnh Lâm Đồng", "Sở Tư pháp"),
    ("Lãnh đạo VP UBND tỉnh", "Lãnh đạo Văn phòng UBND tỉnh"),
]

DIFFERENT = [
    ("UBND huyện Điện Biên", "UBND thành phố Điện Biên Phủ"),
    ("Văn phòng UBND tỉnh", "UBND tỉnh"),
    ("UBND xã Thanh An", "UBND xã Thanh Yên"),
    ("Sở Tư pháp", "Sở Tài chính"),
    ("UBND huyện Mường Nhé", "UBND huyện Mường Chà"),
    ("UBND tỉnh Lâm Đồng", "UBND tỉnh Đồng Nai"),
    ("UBND xã Tân Hội - tỉnh An Giang", "UBND xã Tân Hòa - tỉnh An Giang"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_names_the_seeds_write_for_one_unit_match(a, b):
    assert same_unit(a, b)
    assert same_unit(b, a)


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_units_do_not_match(a, b):
    assert not same_unit(a, b)


def test_both_tone_placements_give_one_key():
    assert fold_tones("hoá") == fold_tones("hóa")
    assert fold_tones("thuỷ") == fold_tones("thủy")
    assert name_key("Văn hoá") == name_key("VĂN HÓA")


def test_core_key_drops_the_kind_of_unit():
    assert core_key("UBND xã Núa Ngam") == core_key("Núa Ngam") == name_key("Núa Ngam")
    assert core_key("Trung tâm Quản lý Đất đai huyện") == name_key("Trung tâm Quản lý đất đai")
    # a bare kind keeps its words
    assert core_key("UBND tỉnh") == name_key("Ủy ban nhân dân tỉnh")


def test_match_units_prefers_the_full_name_and_uses_each_candidate_once():
    table = ["Sở Tư pháp", "Phòng Tư pháp", "UBND xã Hua Thanh"]
    got = match_units(["Phòng Tư pháp", "Hua Thanh", "Sở Ngoại vụ"], table)
    assert [(m.name, m.candidate, m.exact) for m in got] == [
        ("Phòng Tư pháp", "Phòng Tư pháp", True),
        ("Hua Thanh", "UBND xã Hua Thanh", False),
        ("Sở Ngoại vụ", None, False),
    ]


def test_find_unit_in_seed_002_table():
    table = ["Trung tâm QLĐĐ", "Phòng Tư pháp", "Phòng Nội vụ", "Phòng Lao động - Thương binh và Xã hội",
             "Phòng Kinh tế và Hạ tầng"]
    assert find_unit("Trung tâm Quản lý Đất đai huyện", table) == "Trung tâm QLĐĐ"
    assert find_unit("Phòng Kinh tế và Hạ tầng", table) == "Phòng Kinh tế và Hạ tầng"


_VI = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ -",
              min_size=1, max_size=30)


@given(_VI)
def test_name_key_ignores_normal_form_and_case(text):
    assert name_key(unicodedata.normalize("NFD", text)) == name_key(text)
    assert name_key(text.upper()) == name_key(text)


def test_a_name_with_a_tone_mark_slipped_is_the_one_unit_with_those_letters():
    """"Xã hôi" typed or read by OCR for "Xã hội": the only candidate whose letters agree once
    tone marks are put aside; never when two candidates differ only by their tones."""
    table = ["Phòng Lao động - Thương binh và Xã hôi", "Phòng Tư pháp"]
    assert find_unit("Phòng Lao động - Thương binh và Xã hội", table) == table[0]
    assert find_unit("UBND xã Tân Hạ", ["UBND xã Tân Hà", "UBND xã Tân Hả"]) is None
    assert find_unit("UBND xã Tân Hơ", ["UBND xã Tân Hà"]) is None  # a letter's own mark is no tone
