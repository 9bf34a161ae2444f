"""The administrative level a passage speaks of (text.levels.level_at): the
level named last before the figure, never one named in an aside."""
from __future__ import annotations

from reportgen.text.levels import level_at

SENTENCE = "Kết quả: cao nhất 94,53% (Sở Nội vụ), thấp nhất 62,26% (UBND xã Hàm Kiệm), trung bình 80,39%."


def test_a_unit_named_in_parentheses_does_not_set_the_level_of_the_next_figure():
    assert level_at(SENTENCE, SENTENCE.index("80,39")) is None


def test_the_level_stated_in_the_sentence_holds():
    text = "Chỉ số trung bình của UBND các xã đạt 80,39%, cao nhất 94,53% (Sở Nội vụ)."
    assert level_at(text, text.index("80,39")) == "xã"
    assert level_at(text, text.index("94,53")) == "xã"


def test_a_figure_inside_its_own_parentheses_keeps_the_level_written_there():
    text = "Kết quả của cấp huyện (cấp xã đạt 75,2%)"
    assert level_at(text, text.index("75,2")) == "xã"


def test_with_no_level_in_the_text_the_heading_path_gives_it():
    assert level_at("trung bình 80,39%", 11, "II. Kết quả của UBND các xã, phường") == "xã"
