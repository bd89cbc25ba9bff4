"""English listings show everything the office publishes: translated items in English, the others in Latin,
marked as Serbian and linking to the Latin page; in a number of queries that does not grow with the items."""

import re
from dataclasses import dataclass

import pytest

from wagtail.models import Locale

from tests.calls.factories import CallIndexPageFactory, CallPageFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import publish
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.queries import queries_to_render
from tests.strategies.factories import StrategyIndexPageFactory, StrategyPageFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Listing:
    name: str
    index_factory: type
    item_factory: type


LISTINGS = [
    Listing("consultations", ConsultationIndexPageFactory, ConsultationPageFactory),
    Listing("calls", CallIndexPageFactory, CallPageFactory),
    Listing("strategies", StrategyIndexPageFactory, StrategyPageFactory),
    Listing("news", NewsIndexPageFactory, NewsPageFactory),
    Listing("events", EventIndexPageFactory, EventPageFactory),
]


def in_english(page, title: str, slug: str = "", published: bool = True):
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.slug = title, slug or translation.slug
    if published:
        return publish(translation)
    translation.save()
    return translation


def latin(page):
    return page.get_translation(Locale.objects.get(language_code="sr-latn"))


@pytest.fixture
def english_home(home_page):
    publish(home_page)
    in_english(home_page, "Home")
    return home_page


def english_index(listing: Listing, home):
    index = listing.index_factory(parent=home)
    in_english(index, f"English {listing.name}", listing.name)
    return index


def titles_in(html: str) -> list[str]:
    return re.findall(r"<h[23][^>]*><a [^>]*>([^<]+)</a>", html)


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda listing: listing.name)
def test_an_english_listing_shows_translated_items_in_english_and_the_others_in_latin_marked_as_serbian(
    client, english_home, listing
):
    index = english_index(listing, english_home)
    translated = listing.item_factory(parent=index, title="Прва ставка")
    english = in_english(translated, "The first item", "the-first-item")
    untranslated = listing.item_factory(parent=index, title="Друга ставка")
    in_progress = listing.item_factory(parent=index, title="Трећа ставка")
    in_english(in_progress, "Трећа ставка", published=False)  # "Translate" started, nothing translated yet

    html = client.get(f"/en/{listing.name}/").content.decode()

    assert sorted(titles_in(html)) == ["Druga stavka", "The first item", "Treća stavka"]
    assert f'<a href="{english.url}">The first item</a>' in html
    for page in (untranslated, in_progress):
        latin_page = latin(page)
        assert re.search(
            rf'<h[23] lang="sr-Latn"><a href="{latin_page.url}" hreflang="sr-Latn">{latin_page.title}</a> '
            r'<span class="language-note" lang="en">\(in Serbian\)</span>',
            html,
        )


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda listing: listing.name)
def test_a_latin_listing_is_unchanged_by_english_translations(client, english_home, listing):
    index = english_index(listing, english_home)
    in_english(listing.item_factory(parent=index, title="Прва ставка"), "The first item", "the-first-item")
    listing.item_factory(parent=index, title="Друга ставка")

    html = client.get(latin(index).url).content.decode()

    assert sorted(titles_in(html)) == ["Druga stavka", "Prva stavka"]
    assert "(in Serbian)" not in html and 'lang="sr-Latn"><a' not in html


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda listing: listing.name)
def test_an_english_listing_runs_the_same_number_of_queries_for_more_untranslated_items(client, english_home, listing):
    index = english_index(listing, english_home)
    in_english(listing.item_factory(parent=index), "A translated item", "a-translated-item")
    listing.item_factory(parent=index)
    few = queries_to_render(client, f"/en/{listing.name}/")

    for _ in range(3):
        listing.item_factory(parent=index)
    in_english(listing.item_factory(parent=index), "Another translated item", "another-translated-item")

    assert queries_to_render(client, f"/en/{listing.name}/") == few
