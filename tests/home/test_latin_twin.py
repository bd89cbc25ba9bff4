"""Publishing in Cyrillic produces the exact Latin twin, with no further step."""

import pytest

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.latin_twin import LATIN, publish_latin_twin
from home.models import StandardPage, UsefulLink
from tests.factories import StandardPageFactory, publish

pytestmark = pytest.mark.django_db


def latin_twin(page):
    return page.get_translation(Locale.objects.get(language_code=LATIN)).specific


def rich_body(html):
    return [{"type": "paragraph", "value": html}]


def test_publishing_a_cyrillic_page_creates_and_publishes_its_latin_twin(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="О канцеларији",
        intro="ЉУБАВ према Њујорку и Џаку.",
        body=rich_body('<p>Члан 5 <a href="https://novisad.rs/закон">закона</a>, бр. 12/2023.</p>'),
    )
    publish(page)

    twin = latin_twin(page)
    assert twin.live
    assert twin.title == "O kancelariji"
    assert twin.intro == "LJUBAV prema Njujorku i Džaku."
    assert twin.slug == page.slug == "o-kancelariji"
    html = str(twin.body[0].value)
    assert "Član 5" in html and "zakona" in html and "br. 12/2023." in html
    assert 'href="https://novisad.rs/закон"' in html, "link targets are not transliterated"


def test_latin_twin_is_served_at_its_own_url(client, home_page):
    page = publish(StandardPageFactory(parent=home_page, title="Делокруг послова", intro="Послови Канцеларије."))
    publish(home_page)

    response = client.get("/sr-latn/delokrug-poslova/")

    assert response.status_code == 200
    assert "Poslovi Kancelarije." in response.content.decode()
    assert page.url_path.endswith("/delokrug-poslova/")


def test_table_cells_and_caption_are_transliterated(home_page):
    table = {
        "data": [["Основана", "2010."], ["Седиште", "Београд"]],
        "first_row_is_table_header": False,
        "first_col_is_header": True,
        "table_header_choice": "col",
        "table_caption": "Основни подаци",
    }
    page = publish(StandardPageFactory(parent=home_page, body=[{"type": "table", "value": table}]))

    twin_table = latin_twin(page).body[0].value

    assert twin_table["table_caption"] == "Osnovni podaci"
    assert twin_table["data"] == [["Osnovana", "2010."], ["Sedište", "Beograd"]]


def test_editor_correction_survives_republish_while_its_cyrillic_is_unchanged(home_page):
    page = publish(StandardPageFactory(parent=home_page, title="Њујорк", intro="Први пасус."))
    correction = StringTranslation.objects.get(locale__language_code=LATIN, data="Njujork")
    correction.data = "New York"
    correction.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    correction.save()

    page.intro = "Измењени пасус."
    publish(page)

    twin = latin_twin(page)
    assert twin.title == "New York", "the hand correction of an unchanged passage is kept"
    assert twin.intro == "Izmenjeni pasus.", "the changed passage is transliterated anew"
    assert publish_latin_twin(page).corrections_kept == 1


def test_latin_page_whose_sync_was_stopped_is_left_alone(home_page):
    page = publish(StandardPageFactory(parent=home_page, title="Вести", intro="Стари увод."))
    Translation.objects.filter(source__object_id=page.translation_key).update(enabled=False)

    page.intro = "Нови увод."
    publish(page)

    assert latin_twin(page).intro == "Stari uvod."


def test_unpublishing_the_cyrillic_page_unpublishes_its_twin(home_page):
    page = publish(StandardPageFactory(parent=home_page))
    page.unpublish()
    assert not latin_twin(page).live


def test_a_translatable_snippet_gets_its_latin_twin_on_save(home_page):
    link = UsefulLink.objects.create(
        locale=Locale.objects.get(language_code="sr-cyrl"), title="Град Нови Сад", url="https://novisad.rs/"
    )

    twin = UsefulLink.objects.get(translation_key=link.translation_key, locale__language_code=LATIN)

    assert twin.title == "Grad Novi Sad"
    assert twin.url == "https://novisad.rs/"


def test_latin_and_english_pages_do_not_spawn_twins(home_page):
    page = publish(StandardPageFactory(parent=home_page))
    twin = latin_twin(page)
    publish(twin)
    assert StandardPage.objects.filter(translation_key=page.translation_key).count() == 2


def test_admin_publish_tells_the_editor_what_happened_to_the_latin_version(admin_client, home_page):
    page = publish(StandardPageFactory(parent=home_page, title="Стратегије", intro="Увод."))
    data = {
        "title": "Стратегије",
        "slug": page.slug,
        "intro": "Нови увод.",
        "body-count": "0",
        "action-publish": "publish",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert "Латинична верзија је направљена или ажурирана пресловљавањем и објављена." in messages
    assert latin_twin(page).intro == "Novi uvod."
