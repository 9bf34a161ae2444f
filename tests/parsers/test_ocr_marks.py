"""The marks of a scan's words read again on the grey page
(parsers/ocr_marks.py). The readings are those of corpus table 11's scan,
page 1: binarised, the hook of 'ể' fills in and 'Thể' reads 'Thế'; the
grey page reads 'Thể'."""
from __future__ import annotations

import numpy as np

from parsers.ocr_marks import bare, grey_words_image, remark


def _w(text: str, x0: int, x1: int, letters=None, conf: float = 90.0) -> dict:
    return {"text": text, "conf": conf, "x0": x0, "x1": x1, "top": 648, "bottom": 680,
            "block": 1, "par": 1, "line": 1, "letters": letters}


def test_a_word_takes_the_marks_the_grey_page_puts_on_its_letters():
    page = [_w("Thế", 511, 576), _w("thao", 588, 658), _w("Tống", 700, 780), _w("nghệp", 800, 900)]
    grey = [_w("Thểthao", 511, 658, [("T", 511, 557), ("h", 540, 563), ("ể", 558, 576), ("t", 588, 618),
                                     ("h", 604, 627), ("a", 620, 637), ("o", 638, 658)]),
            _w("Tổng", 700, 780, [("T", 700, 720), ("ổ", 722, 740), ("n", 742, 760), ("g", 762, 780)]),
            _w("nghiệp", 800, 900, [("n", 800, 815), ("g", 816, 830), ("h", 831, 845), ("i", 846, 852),
                                    ("ệ", 853, 870), ("p", 871, 900)])]
    assert remark(page, grey) == 2
    # the letters of a word split otherwise on the grey page count; a word
    # read with other letters ('nghiệp' for 'nghệp') is not taken
    assert [w["text"] for w in page] == ["Thể", "thao", "Tổng", "nghệp"]


def test_only_marks_may_differ():
    assert bare("Thể") == bare("Thế") == "The"
    assert bare("Đông") != bare("Dông")  # 'Đ' is a letter of its own
    assert bare("Sở") != bare("sở")  # the case stays as first read
    page = [_w("Sở", 10, 50), _w("74,27", 60, 120)]
    assert remark(page, [_w("sở", 10, 50, [("s", 10, 28), ("ở", 30, 50)])]) == 0
    assert page[0]["text"] == "Sở"


def test_the_grey_copy_keeps_only_the_ink_of_words_with_letters():
    grey = np.full((40, 200), 230, dtype=np.uint8)
    clean = np.full((40, 200), 255, dtype=np.uint8)
    mask = np.zeros((40, 200), dtype=np.uint8)
    grey[10:30, 20:40] = clean[10:30, 20:40] = 0  # a letter
    grey[10:30, 120:140] = clean[10:30, 120:140] = 0  # a digit
    mask[35:37, :] = 255  # a ruling line
    img = grey_words_image(grey, clean, mask, [_w("A", 20, 40) | {"top": 10, "bottom": 30},
                                               _w("7", 120, 140) | {"top": 10, "bottom": 30}])
    assert img[20, 30] == 0 and img[20, 10] == 255  # the letter kept, the paper white
    assert (img[10:30, 120:140] == 255).all()  # the number blanked
    assert (img[35:37, :] == 255).all()


def test_a_surer_grey_reading_one_letter_apart_is_taken():
    """Corpus tables 9 and 10: the binary page read 'phườn' (59) and 'l'
    (75) where the grey one read 'phường' and '1' (both 90 or more); a
    reading with fewer letters or digits ('(3)' for 'q3)') or not much
    surer is not taken."""
    page = [_w("phườn", 100, 200, conf=59.0), _w("l", 210, 220, conf=75.0), _w("q3)", 300, 340, conf=60.0),
            _w("Lộc", 400, 460, conf=88.0)]
    grey = [_w("phường", 100, 200, [("p", 100, 115), ("h", 116, 130), ("ư", 131, 150), ("ờ", 151, 170),
                                    ("n", 171, 185), ("g", 186, 200)], conf=93.0),
            _w("1", 210, 220, [("1", 210, 220)], conf=90.0),
            _w("(3)", 300, 340, [("(", 300, 310), ("3", 312, 328), (")", 330, 340)], conf=95.0),
            _w("Lọc", 400, 460, [("L", 400, 420), ("ọ", 421, 440), ("c", 441, 460)], conf=95.0)]
    assert remark(page, grey) == 3
    assert [(w["text"], w["conf"]) for w in page] == [("phường", 93.0), ("1", 90.0), ("q3)", 60.0), ("Lọc", 88.0)]
