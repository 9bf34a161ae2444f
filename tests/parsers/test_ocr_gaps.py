"""Word spaces Tesseract missed, found from the ink (parsers/ocr_gaps.py).

The figures are those of the corpus scans at 300 dpi: a line of text is
about 40 px high with its marks, the blank columns between the letters of a
word are at most 5 px wide, and the space Tesseract ran over in
'Thểthao' (corpus table 11, page 1) leaves 12 px of blank paper.
"""
from __future__ import annotations

import numpy as np

from parsers.ocr_gaps import split_at_gaps


def _page(*inked: tuple[int, int]) -> np.ndarray:
    page = np.full((100, 700), 255, dtype=np.uint8)
    for x0, x1 in inked:
        page[30:70, x0:x1] = 0
    return page


def _word(text: str, letters: list[tuple[str, int, int]], conf: float = 82.7) -> dict:
    return {"text": text, "conf": conf, "x0": letters[0][1], "x1": letters[-1][2], "top": 30, "bottom": 70,
            "block": 1, "par": 1, "line": 1, "letters": letters}


# letters of 'Thểthao' as Tesseract boxed them, 2 px apart, 12 px between 'ể' and 't'
_THE_THAO = [("T", 10, 30), ("h", 32, 50), ("ể", 52, 70), ("t", 82, 95), ("h", 97, 115), ("a", 117, 133),
             ("o", 135, 152)]
_OTHERS = [_word("Sở", [("S", 300, 318), ("ở", 320, 340)]), _word("Văn", [("V", 400, 420), ("ă", 422, 440),
                                                                         ("n", 442, 460)])]


def test_a_word_space_of_ink_inside_a_word_cuts_it():
    page = _page(*[(x0, x1) for _, x0, x1 in _THE_THAO], (300, 318), (320, 340), (400, 420), (422, 440),
                 (442, 460))
    got = split_at_gaps([_word("Thểthao", _THE_THAO)] + _OTHERS, page)
    assert [(w["text"], w["x0"], w["x1"], w["conf"]) for w in got[:2]] == [("Thể", 10, 70, 82.7),
                                                                          ("thao", 82, 152, 82.7)]
    assert [w["text"] for w in got[2:]] == ["Sở", "Văn"]


def test_a_piece_is_as_high_as_its_own_ink():
    """'UBND' cut from 'UBNDphường' keeps no descender: its bottom is the
    baseline a table without rules is set on."""
    letters = [("U", 10, 28), ("B", 30, 48), ("N", 50, 68), ("D", 70, 88), ("p", 100, 118), ("h", 120, 138)]
    page = _page(*[(x0, x1) for _, x0, x1 in letters], (300, 318), (320, 340), (400, 420), (422, 440),
                 (442, 460))
    page[70:80, 100:118] = 0  # the p reaches below the line
    word = _word("UBNDph", letters) | {"bottom": 80}
    got = split_at_gaps([word] + _OTHERS, page)
    assert [(w["text"], w["top"], w["bottom"]) for w in got[:2]] == [("UBND", 30, 70), ("ph", 30, 80)]


def test_letters_close_together_numbers_marks_and_specks_stay():
    narrow = [("t", 10, 25), ("h", 30, 45), ("a", 50, 65), ("o", 70, 85)]  # 5 px apart
    number = [("7", 110, 125), ("4", 127, 142), (",", 144, 148), ("2", 162, 177), ("7", 179, 194)]
    dots = [("b", 210, 225), ("ộ", 227, 242), (",", 244, 248), (".", 262, 266), (".", 268, 272), (".", 274, 278)]
    speck = [("M", 510, 535), ("Đ", 537, 560), ("H", 562, 585)]
    page = _page(*[(x0, x1) for _, x0, x1 in narrow + number + dots + speck], (597, 600))
    words = [_word("thao", narrow), _word("74,27", number), _word("bộ,...", dots),
             _word("MĐH", speck) | {"x1": 600}]
    assert [w["text"] for w in split_at_gaps(words, page)] == ["thao", "74,27", "bộ,...", "MĐH"]


def test_without_the_letters_boxes_a_word_stays():
    page = _page(*[(x0, x1) for _, x0, x1 in _THE_THAO])
    words = [_word("Thểthao", _THE_THAO) | {"letters": None}] + _OTHERS
    assert [w["text"] for w in split_at_gaps(words, page)] == ["Thểthao", "Sở", "Văn"]
