"""The Snowball Serbian stemmer in Python, as SQLite's search uses it (search/stemming.py)."""

import pytest

from search.stemming import stem_text


@pytest.mark.parametrize("word", ["друштво", "Друштва", "društvu", "DRUSTVOM", "drustvo"])
def test_every_form_and_script_of_a_word_has_one_stem(word):
    assert stem_text(word) == "drustv"


def test_stems_keep_the_words_in_order_without_punctuation():
    assert stem_text("Стратегији развоја, цивилног друштва!") == "strategij razvoj civiln drustv"


def test_the_words_the_stemmer_splits_are_joined_first():
    assert stem_text("izvestaj") == stem_text("izvestaji") == stem_text("извештајима")


def test_an_email_address_is_one_word_that_no_query_word_finds():
    stems = stem_text("Пишите на kancelarija.test@example.org").split()

    assert stems[-1] == "kancelarijatestexampleorg"
    assert "exampl" not in stems


def test_stem_exceptions_give_every_form_of_a_word_one_stem():
    from search.stemming import with_stem_exceptions

    assert with_stem_exceptions("izvestaj o rezultatima i rezultat") == "izvestaja o rezultatima i rezultata"
    assert with_stem_exceptions("izvestajna polaznicima") == "izvestajna polaznicima", "whole words only"
