"""TCVN3 (ABC) and VNI text to Unicode, checked on known sentences."""
import unicodedata

import pytest
from hypothesis import given, strategies as st

from reportgen.raw import RawDocument, RawParagraph
from reportgen.read import read_report
from reportgen.text.legacy import (
    TCVN3,
    decode_legacy,
    detect_legacy,
    encode_legacy,
    looks_like_tcvn3,
    looks_like_vni,
    to_unicode,
    vni_table,
)

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.mark.parametrize("tcvn3,unicode", [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", MOTTO),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("B¸t X¸t", "Bát Xát"),
    ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),  # ư is 0xAD, a soft hyphen in Latin-1
    ("UBND huyÖn §iÖn Biªn", "UBND huyện Điện Biên"),
    ("Së Lao ®éng - Th\u00ad¬ng binh vµ X· héi", "Sở Lao động - Thương binh và Xã hội"),
])
def test_known_tcvn3_strings(tcvn3, unicode):
    assert decode_legacy(tcvn3, "tcvn3") == unicode


def test_tcvn3_capitals_font_gives_capitals():
    assert decode_legacy("céng hßa x· héi chñ nghÜa viÖt nam", "tcvn3", capitals=True) == MOTTO.upper()


@pytest.mark.parametrize("vni,unicode", [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", MOTTO),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", MOTTO.upper()),
    ("Thaønh phoá Ñieän Bieân Phuû; tyû leä; Tröôøng; Quaûng Trò; löïa choïn kyõ",
     "Thành phố Điện Biên Phủ; tỷ lệ; Trường; Quảng Trị; lựa chọn kỹ"),
])
def test_known_vni_strings(vni, unicode):
    assert decode_legacy(vni, "vni") == unicode


def test_the_tcvn3_table_covers_every_lower_case_letter_once():
    letters = set("àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ")
    assert letters <= set(TCVN3.values())
    assert len(set(TCVN3.values())) == len(TCVN3) == len(letters) + 7  # + Ă Â Ê Ô Ơ Ư Đ


def test_the_vni_table_covers_every_letter_both_cases():
    lower = set("àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ")
    values = set(vni_table().values())
    assert lower <= values and {c.upper() for c in lower} <= values


VI_TEXT = st.text(alphabet="abcdeghiklmnopqrstuvxyàảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệ"
                           "ìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ ,.-",
                  max_size=60)


@given(VI_TEXT)
def test_tcvn3_round_trip_of_lower_case_text(text):
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


@given(st.one_of(VI_TEXT, VI_TEXT.map(str.upper), VI_TEXT.map(str.title)))
def test_vni_round_trip(text):
    assert decode_legacy(encode_legacy(text, "vni"), "vni") == unicodedata.normalize("NFC", text)


SENTENCE = ("Ủy ban nhân dân huyện Điện Biên báo cáo kết quả đánh giá chất lượng phục vụ người dân, "
            "doanh nghiệp tháng 7 năm 2023")


def test_detection():
    tcvn3 = encode_legacy(SENTENCE, "tcvn3")
    vni = encode_legacy(SENTENCE, "vni")
    assert looks_like_tcvn3(tcvn3) and not looks_like_vni(tcvn3)
    assert looks_like_vni(vni) and not looks_like_tcvn3(vni)
    assert detect_legacy(SENTENCE) is None
    assert detect_legacy("Sở Văn hoá, Thể thao và Du lịch; café crème brûlée") is None
    assert to_unicode(tcvn3) == SENTENCE.replace("Ủy", "ủy")  # TCVN3 has no code for Ủ
    assert to_unicode(vni) == SENTENCE
    assert to_unicode(SENTENCE) == SENTENCE


def test_unknown_encoding_is_refused():
    with pytest.raises(ValueError):
        decode_legacy("x", "viscii2")


def test_the_reader_converts_paragraphs_a_parser_flagged():
    raw = RawDocument(source="t.pdf", format="pdf", blocks=[
        RawParagraph(text="Céng hßa x· héi chñ nghÜa ViÖt Nam", index=0, legacy_encoding="tcvn3"),
        RawParagraph(text="Ñoäc laäp - Töï do - Haïnh phuùc", index=1, legacy_encoding="vni"),
    ])
    report = read_report(raw)
    assert [p.text for p in report.paragraphs] == [MOTTO, "Độc lập - Tự do - Hạnh phúc"]
