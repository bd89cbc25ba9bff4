"""The home page's sections appear only when they have something to show."""

import pytest

from django.core.files.base import ContentFile

from wagtail.models import Collection, Locale

from documents.models import RegistryDocument
from home.latin_twin import LatinTransliterator
from tests.documents.files import MINIMAL_PDF

pytestmark = pytest.mark.django_db


def add_document(title: str) -> RegistryDocument:
    document = RegistryDocument(title=title, collection=Collection.get_first_root_node(), published=True)
    document.file.save("odluka.pdf", ContentFile(MINIMAL_PDF), save=False)
    document.save()
    return document


def test_empty_sections_are_hidden(client, home_page):
    html = client.get("/sr-cyrl/").content.decode()
    assert "Најновији документи" not in html
    assert "home-section" not in html


def test_latest_documents_section_lists_new_documents(client, home_page):
    add_document("Одлука о оснивању Канцеларије")

    html = client.get("/sr-cyrl/").content.decode()

    assert '<h2 id="section-documents">Најновији документи</h2>' in html
    assert "Одлука о оснивању Канцеларије" in html


def test_machine_translator_only_transliterates_cyrillic_to_latin():
    locales = {code: Locale(language_code=code) for code in ("sr-cyrl", "sr-latn", "en")}
    translator = LatinTransliterator({})
    assert translator.can_translate(locales["sr-cyrl"], locales["sr-latn"])
    assert not translator.can_translate(locales["sr-latn"], locales["sr-cyrl"]), "Latin→Cyrillic is ambiguous"
    assert not translator.can_translate(locales["sr-cyrl"], locales["en"])
