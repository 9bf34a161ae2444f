"""A numbering column "1, 1.1, 1.2, 2, 2.1" is no column of decimals: it
gives the document no decimal point, and "419.544" in a column of counts
stays four hundred thousand and more."""
from __future__ import annotations

from reportgen.numbers.columns import COMMA, DOT, conventions


def test_items_numbered_under_their_parents_cast_no_vote():
    columns = {0: ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1"], 1: ["867", "711", "419.544", "297.876"]}
    assert conventions(columns)[1] == COMMA  # vi_VN: the dot groups thousands


def test_decimals_that_look_like_items_are_decimals():
    assert conventions({0: ["1", "1.5", "2", "2.25"]})[0] == DOT
