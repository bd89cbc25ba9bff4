"""core.scripts.latin_slug: readable ASCII slugs from titles in any script."""

import re

import pytest

from core.scripts import latin_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("О канцеларији", "o-kancelariji"),
        ("Делокруг послова", "delokrug-poslova"),
        ("Ђорђе Џаја", "djordje-dzaja"),
        ("Šta je novo?", "sta-je-novo"),
        ("ЉУБАВ И МИР", "ljubav-i-mir"),
        ("Đorđe Džaja", "djordje-dzaja"),
        (
            "Сл. лист Града Новог Сада бр. 12/2023",
            "sl-list-grada-novog-sada-br-12-2023",
        ),
        ("  „Закон“ — о  јавним набавкама!  ", "zakon-o-javnim-nabavkama"),
        ("Café & Crème brûlée", "cafe-creme-brulee"),
        ("Мы и ми", "m-i-mi"),  # no ASCII form for ы: dropped
    ],
)
def test_latin_slug_is_readable_ascii(title, slug):
    assert latin_slug(title) == slug
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)


@pytest.mark.parametrize("title", ["", "   ", "!!! — ???", "„“ «» –", "ыы"])
def test_latin_slug_is_empty_without_letters_or_digits(title):
    assert latin_slug(title) == ""


@pytest.mark.parametrize(
    ("title", "max_length", "slug"),
    [
        ("Делокруг послова", 12, "delokrug"),  # cut on the hyphen before "pos"
        ("Делокруг послова", 16, "delokrug-poslova"),
        ("Делокруг послова", 9, "delokrug"),  # cut exactly at a hyphen
        ("Делокруг послова", 8, "delokrug"),
        ("Закон", 3, "zak"),  # one long word: hard cut
        ("а б в г", 4, "a-b"),
    ],
)
def test_latin_slug_respects_max_length_on_word_boundary(title, max_length, slug):
    assert latin_slug(title, max_length=max_length) == slug
    assert len(slug) <= max_length


def test_latin_slug_default_max_length_is_255():
    slug = latin_slug("реч " * 200)
    assert len(slug) <= 255
    assert slug.endswith("rec")


def test_latin_slug_rejects_non_positive_max_length():
    with pytest.raises(ValueError):
        latin_slug("Закон", max_length=0)
