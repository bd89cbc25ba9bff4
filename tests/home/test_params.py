"""The one parser of what visitors type into URLs: bounded numbers and clean text, never an exception."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.params import MAX_DATABASE_ID, DatabaseIdConverter, bounded_int, clean_text, database_id, parse_year


@pytest.mark.parametrize(
    "value", ["10000", "0", "-1", "1.5", "²", "١٢٣", "１２", " 7", "7\x00", str(MAX_DATABASE_ID + 1), "9" * 5000, None]
)
def test_a_year_is_ascii_digits_within_python_dates_or_nothing(value):
    assert parse_year(value) is None


def test_ordinary_values_are_read():
    assert parse_year("2025") == 2025
    assert database_id(str(MAX_DATABASE_ID)) == MAX_DATABASE_ID
    assert bounded_int("100", maximum=99) is None


@given(st.text())
def test_no_text_makes_the_number_parsers_raise(value):
    for parse in (parse_year, database_id):
        number = parse(value)
        assert number is None or 1 <= number <= MAX_DATABASE_ID


def test_clean_text_drops_nul_and_control_characters_and_cuts():
    assert clean_text("zakon\x00o\r\nudruženjima\t", 100) == "zakon o  udruženjima"
    assert clean_text("x" * 500, 10) == "x" * 10
    assert clean_text(None, 10) == ""


def test_an_id_segment_beyond_the_database_range_matches_no_url():
    converter = DatabaseIdConverter()
    assert converter.to_python("42") == 42
    for value in (str(MAX_DATABASE_ID + 1), "0"):
        with pytest.raises(ValueError):
            converter.to_python(value)
