"""On the demo, no English listing is empty, and a consultation, a call and a strategy are really in English."""

import re

import pytest

from wagtail.models import Locale
from wagtail_localize.models import Translation

from calls.models import CallPage
from consultations.models import ConsultationPage
from demo.consultations import CLOSED, OPEN
from strategies.models import StrategyPage

pytestmark = pytest.mark.django_db

# Every listing of pages or documents in the English menu, by its English path.
ENGLISH_LISTINGS = ["/en/consultations/", "/en/calls/", "/en/strategies/", "/en/news/", "/en/events/", "/en/documents/"]


def listed_titles(html: str) -> list[str]:
    return re.findall(r"<h[23][^>]*><a [^>]*>([^<]+)</a>", html)


@pytest.mark.parametrize("path", ENGLISH_LISTINGS)
def test_no_english_listing_is_empty_on_the_demo(client, demo_site, path):
    response = client.get(path)

    assert response.status_code == 200
    assert listed_titles(response.content.decode())


@pytest.mark.parametrize("model", [ConsultationPage, CallPage, StrategyPage], ids=lambda model: model.__name__)
def test_the_demo_publishes_english_translations_of_each_kind(demo_site, model):
    english = model.objects.filter(locale__language_code="en").live()

    assert english.exists()
    for page in english:
        # A real translation: wagtail-localize's own objects, and no Cyrillic left in the title.
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).exists()
        assert page.get_translation(Locale.objects.get(language_code="sr-cyrl")).title != page.title
        assert not re.search("[\u0400-\u04ff]", page.title)


def test_the_english_consultations_listing_shows_the_translated_one_in_english_and_the_other_in_latin(
    client, demo_site
):
    html = client.get("/en/consultations/").content.decode()

    assert CLOSED["english"]["title"] in listed_titles(html)
    latin_open = ConsultationPage.objects.get(title=OPEN["title"]).get_translation(
        Locale.objects.get(language_code="sr-latn")
    )
    assert f'<h2 lang="sr-Latn"><a href="{latin_open.url}" hreflang="sr-Latn">{latin_open.title}</a>' in html


def test_the_english_consultation_page_reads_in_english(client, demo_site):
    english = ConsultationPage.objects.get(title=CLOSED["english"]["title"])

    html = client.get(english.url).content.decode()

    assert f"<h1>{CLOSED['english']['title']}</h1>" in html
    assert CLOSED["english"]["articles"][1]["heading"] in html
    assert "not been translated" not in html
