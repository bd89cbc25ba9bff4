"""UI strings ship in three catalogues, and the Latin one is the Cyrillic one transliterated."""

from pathlib import Path

import polib
import pytest

from django.utils import translation

from home.catalogues import CYRILLIC_PO, LATIN_PO, latin_catalogue

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def test_every_cyrillic_string_is_translated():
    catalogue = polib.pofile(str(LOCALE / CYRILLIC_PO))
    assert catalogue.percent_translated() == 100, [entry.msgid for entry in catalogue.untranslated_entries()]


def test_latin_catalogue_is_generated_from_the_cyrillic_one():
    expected = latin_catalogue(polib.pofile(str(LOCALE / CYRILLIC_PO)))
    actual = polib.pofile(str(LOCALE / LATIN_PO))
    assert {entry.msgid: entry.msgstr for entry in actual} == {entry.msgid: entry.msgstr for entry in expected}, (
        "run `make messages` after editing the Cyrillic catalogue"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sr-cyrl", "Пређи на главни садржај"), ("sr-latn", "Pređi na glavni sadržaj"), ("en", "Skip to main content")],
)
def test_compiled_catalogues_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected
        assert translation.gettext("Useful links") != "" and translation.gettext("Main menu") != ""
    if language != "en":
        with translation.override(language):
            assert translation.gettext("Main menu") != "Main menu"
