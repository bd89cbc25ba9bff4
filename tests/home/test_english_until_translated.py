"""An English page goes live only when its translation is published; until then its English URL shows the
Latin version, marked as Serbian, with a notice in English, and nothing presents it as English."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.consultations.factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StandardPageFactory, publish
from tests.module_rows import once_per_module
from tests.sitemaps import every_listed_url

pytestmark = pytest.mark.django_db

TITLE = "Нацрт правилника о волонтирању"
LATIN_TITLE = "Nacrt pravilnika o volontiranju"
NOTICE = "This page has not been translated into English yet."


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.create_superuser("urednik", "urednik@example.org", "x"))
    return client


def build_english_index(home_page):
    """A live home page and consultations index in English, as the demo has them."""
    english = Locale.objects.get(language_code="en")
    for page, title, slug in [
        (publish(home_page), "Home", ""),
        (ConsultationIndexPageFactory(parent=home_page), "Consultations", "consultations"),
    ]:
        translation = page.copy_for_translation(english)
        translation.title, translation.slug = title, slug or translation.slug
        publish(translation)
    return home_page


@once_per_module
def english_index(module_rows):
    return build_english_index(module_rows.home_page())


@once_per_module
def consultation(module_rows, english_index_built):
    return ConsultationPageFactory(home=english_index_built, title=TITLE)


def start_english_translation(client, page) -> Page:
    """What an editor does with the page's "Translate" action in the admin: choose English, submit."""
    english = Locale.objects.get(language_code="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
        )
    assert response.status_code == 302
    return page.get_translation(english)


def english_url(page) -> str:
    return page.get_translation(Locale.objects.get(language_code="en")).url


def publish_english(page, english_title: str):
    """The editor translates the title in wagtail-localize's editor and publishes the translation."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="en")
    title = translation.source.stringsegment_set.get(context__path="title").string
    StringTranslation.objects.create(
        translation_of=title,
        locale=translation.target_locale,
        context=title.segments.first().context,
        data=english_title,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


def test_the_translate_action_leaves_the_english_page_a_draft(editor_client, consultation):
    english = start_english_translation(editor_client, consultation)

    assert not english.live


def test_the_english_url_of_a_draft_translation_shows_the_latin_version_with_a_notice_in_english(
    client, editor_client, consultation
):
    start_english_translation(editor_client, consultation)
    client.logout()

    response = client.get(english_url(consultation))
    html = response.content.decode()

    assert response.status_code == 200
    assert TITLE not in html  # the Cyrillic text, which "Translate" copied into the English draft
    assert f"<h1>{LATIN_TITLE}</h1>" in html
    assert re.search(r'<main [^>]*lang="sr-Latn"', html)
    assert re.search(rf'<aside [^>]*lang="en">\s*<p>{NOTICE}', html)
    assert '<html lang="en">' in html  # the site around the text speaks the reader's language


def test_the_english_url_of_a_draft_translation_names_the_latin_page_to_search_engines(
    client, editor_client, consultation
):
    start_english_translation(editor_client, consultation)
    client.logout()

    html = client.get(english_url(consultation)).content.decode()

    latin = consultation.get_translation(Locale.objects.get(language_code="sr-latn"))
    assert f'<link rel="canonical" href="http://testserver{latin.url}">' in html
    assert 'hreflang="en"' not in html
    assert f'<link rel="alternate" hreflang="sr-Latn" href="http://testserver{latin.url}">' in html


def test_the_sitemap_does_not_list_a_draft_english_translation(client, editor_client, consultation):
    start_english_translation(editor_client, consultation)
    client.logout()

    listed = every_listed_url(client)

    assert f"http://testserver{english_url(consultation)}" not in listed
    assert not [url for url in listed if "/en/consultations/" in url and url != "http://testserver/en/consultations/"]


def test_publishing_the_translation_makes_the_english_url_english(client, editor_client, consultation):
    start_english_translation(editor_client, consultation)
    publish_english(consultation, "Draft rulebook on volunteering")
    client.logout()

    html = client.get(english_url(consultation)).content.decode()

    assert "<h1>Draft rulebook on volunteering</h1>" in html
    assert NOTICE not in html
    assert 'rel="canonical"' not in html
    assert 'hreflang="en"' in html


def test_a_page_in_cyrillic_only_has_no_english_url(client, english_index):
    page = publish(StandardPageFactory(parent=english_index, title="Само српски"))

    assert client.get(f"/en/{page.slug}/").status_code == 404


def test_a_draft_page_in_cyrillic_is_not_shown_in_any_language(client, english_index):
    """The Latin fallback is only for a translation still in progress, never for an unpublished original."""
    page = publish(StandardPageFactory(parent=english_index, title="Повучена страница"))
    page.unpublish()

    assert client.get(f"/sr-cyrl/{page.slug}/").status_code == 404
    assert client.get(f"/sr-latn/{page.slug}/").status_code == 404


def sync_translated_pages(client, page, publish_immediately: bool):
    """The page's "Sync translated pages" action in the admin, with "Publish immediately" ticked or not."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    data = {"publish_translations": "on"} if publish_immediately else {}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)
    assert response.status_code == 302


def test_sync_translated_pages_does_not_publish_a_translation_nobody_published(editor_client, consultation):
    start_english_translation(editor_client, consultation)
    consultation.summary = "Измењен сажетак нацрта."
    publish(consultation)

    sync_translated_pages(editor_client, consultation, publish_immediately=True)

    english = consultation.get_translation(Locale.objects.get(language_code="en")).specific
    assert not english.live
    assert english.get_latest_revision_as_object().summary == "Измењен сажетак нацрта."  # updated, as a draft


def test_sync_translated_pages_publishes_a_published_translation_again(editor_client, consultation):
    start_english_translation(editor_client, consultation)
    publish_english(consultation, "Draft rulebook on volunteering")
    consultation.summary = "Измењен сажетак нацрта."
    publish(consultation)

    sync_translated_pages(editor_client, consultation, publish_immediately=True)

    english = consultation.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live and not english.has_unpublished_changes
    assert (english.title, english.summary) == ("Draft rulebook on volunteering", "Измењен сажетак нацрта.")


def test_the_latin_version_at_the_english_url_shows_what_commenters_wrote_in_latin(client, editor_client, consultation):
    CommentFactory(
        consultation=consultation, article=None, organisation_name="Удружење Мост", justification="Рок је прекратак."
    )
    start_english_translation(editor_client, consultation)
    client.logout()

    html = client.get(english_url(consultation)).content.decode()

    assert "Udruženje Most" in html and "Rok je prekratak." in html
    assert not re.search("[\u0400-\u04ff]", html)
