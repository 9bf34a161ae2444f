"""vi_VN numbers as the seeds write them, read knowing the column's role."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from reportgen.numbers import (
    NotANumber,
    format_count,
    format_vi,
    parse_cell,
    parse_vi_decimal,
    parse_vi_number,
    quantize,
    swap_separators,
)


def test_score_with_decimal_comma_reads_as_decimal():
    n = parse_vi_number("58,69", "score")
    assert (n.value, n.wrong_separator, n.places) == (D("58.69"), False, 2)


def test_count_with_grouping_dot_reads_as_thousands():
    assert parse_vi_number("13.597", "count").value == D(13597)
    assert parse_vi_number("12.490", "auto").value == D(12490)
    assert parse_vi_number("13.597", "count").wrong_separator is False


def test_dot_in_a_score_column_is_a_decimal_with_the_wrong_separator():
    n = parse_vi_number("8.32", "score")
    assert (n.value, n.wrong_separator) == (D("8.32"), True)


def test_english_grouping_comma_in_a_count_is_flagged():
    n = parse_vi_number("304,285", "count")
    assert (n.value, n.wrong_separator) == (D(304285), True)


def test_english_decimals_in_prose_percent_and_points_are_flagged():
    assert (parse_vi_number("91.86", "percent").value, parse_vi_number("91.86", "percent").wrong_separator) == (
        D("91.86"), True)
    assert parse_vi_number("16.97", "score").wrong_separator is True


def test_space_after_separator_is_ignored():
    assert parse_vi_decimal("17, 66", "score") == D("17.66")


def test_full_vi_number_with_both_separators():
    assert parse_vi_decimal("1.234.567,891") == D("1234567.891")


def test_words_are_not_numbers():
    with pytest.raises(NotANumber):
        parse_vi_number("Trung bình")


def test_percent_cell_keeps_its_sign():
    c = parse_cell("94,57%", "percent")
    assert (c.value, c.percent_sign, c.wrong_separator) == (D("94.57"), True, False)


def test_fraction_cells_keep_their_denominator():
    assert (parse_cell("88,9/94").value, parse_cell("88,9/94").denominator) == (D("88.9"), D(94))
    assert (parse_cell("11,1/18").value, parse_cell("11,1/18").denominator) == (D("11.1"), D(18))
    assert (parse_cell("58,69/85").value, parse_cell("58,69/85").denominator) == (D("58.69"), D(85))


def test_a_cell_may_write_its_unit_or_a_note_mark_after_the_number():
    # "12,5đ", "12,5 điểm", "3,2*" hold a figure a slip can hit: they are read, not left as words
    assert [parse_cell(t).value for t in ("12,5đ", "12,5 điểm", "8 đ.", "3,2*")] == [D("12.5"), D("12.5"), D(8),
                                                                                    D("3.2")]
    assert (parse_cell("85,97%*", "auto").value, parse_cell("85,97%*", "auto").percent_sign) == (D("85.97"), True)
    assert [parse_cell(t) for t in ("đ", "Tổng điểm", "1.284 hồ sơ")] == [None, None, None]


def test_a_number_in_brackets_is_an_accountants_negative():
    # a change column writes a fall as "(79)" or "(5,68)": read as −79 and −5,68, never as words
    assert [parse_cell(t, "auto").value for t in ("(79)", "(5,68)", "(1.234)", "( 12 )")] == [
        D(-79), D("-5.68"), D(-1234), D(-12)]
    c = parse_cell("(5,68%)", "auto")
    assert (c.value, c.percent_sign, c.text) == (D("-5.68"), True, "(5,68%)")
    # nothing to negate, or no single figure: not a number
    assert [parse_cell(t, "auto") for t in ("(0)", "(a)", "(3/4)", "(-5)")] == [None, None, None, None]


def test_dash_is_not_applicable_and_blank_is_empty():
    assert parse_cell("-").na is True and parse_cell("-").value is None
    assert parse_cell("").empty is True
    assert parse_cell("Xuất sắc") is None


def test_format_rounds_half_up_not_half_even():
    assert format_vi(D(6051) / D(85), 2) == "71,19"  # 71,188…
    assert format_vi(D("0.125"), 2) == "0,13"
    assert format_vi(D("94.565"), 2) == "94,57"
    assert quantize(D("93.0666"), 2) == D("93.07")


def test_format_groups_thousands_and_writes_percent_without_space():
    assert format_vi(D(13597)) == "13.597"
    assert format_vi(D("94.57"), 2, percent=True) == "94,57%"
    assert format_vi(D("94.5"), 2, fixed=True) == "94,50"
    assert format_vi(D("88.9")) == "88,9"
    assert format_vi(None) == "-"


def test_counts_below_ten_take_a_leading_zero():
    assert [format_count(n) for n in (6, 9, 2, 10, 13597)] == ["06", "09", "02", "10", "13.597"]


def test_a_leading_zero_is_never_a_thousands_group():
    assert (parse_vi_number("0,125").value, parse_vi_number("0,125").wrong_separator) == (D("0.125"), False)
    assert (parse_vi_number("0.125").value, parse_vi_number("0.125").wrong_separator) == (D("0.125"), True)


@pytest.mark.parametrize("written, advice", [("97.80", "97,80"), ("97.80%", "97,80%"), ("0.50", "0,50"),
                                             ("1,234.50", "1.234,50"), ("8.30/10.0", "8,30/10,0"),
                                             ("12.5", "12,5")])
def test_advice_on_a_cell_changes_the_separators_never_the_digits(written, advice):
    cell = parse_cell(written, "score")
    assert (cell.wrong_separator, cell.vi()) == (True, advice)


@pytest.mark.parametrize("written, advice", [("chiếm 91.86%, còn", "chiếm 91,86%, còn"), ("97.80", "97,80"),
                                             ("1,234.50 hồ sơ", "1.234,50 hồ sơ"), ("304,285", "304.285")])
def test_swapping_separators_keeps_every_digit(written, advice):
    assert swap_separators(written) == advice
