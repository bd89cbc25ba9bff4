"""The index pages of every app share one listing-page base (core/pages.py)."""

import pytest

from calls.models import CallIndexPage, FundingTransparencyPage
from consultations.models import ConsultationIndexPage
from core.pages import ListingPage
from documents.models import DocumentLibraryPage
from home.models import SitePage
from news.models import EventIndexPage, NewsIndexPage
from strategies.models import StrategyIndexPage
from tests.news.factories import NewsIndexPageFactory

INDEX_PAGES = [
    CallIndexPage,
    ConsultationIndexPage,
    DocumentLibraryPage,
    EventIndexPage,
    FundingTransparencyPage,
    NewsIndexPage,
    StrategyIndexPage,
]
SHARED = ("content_panels", "search_fields", "parent_page_types", "max_count_per_parent", "get_context")


@pytest.mark.parametrize("model", INDEX_PAGES, ids=lambda model: model.__name__)
def test_every_index_page_takes_intro_panels_and_parent_rules_from_the_listing_base(model):
    assert issubclass(model, ListingPage)
    assert issubclass(model, SitePage)
    for name in SHARED:
        assert getattr(model, name) is getattr(ListingPage, name), name
    intro = model._meta.get_field("intro")
    assert (intro.max_length, intro.blank) == (1000, True)
    assert [field.name for field in model._meta.local_fields] == ["page_ptr", "intro"]


@pytest.mark.parametrize("model", INDEX_PAGES, ids=lambda model: model.__name__)
def test_every_index_page_keeps_the_portal_page_rules(model):
    """The listing base comes first in the MRO: it must not hide SitePage's slug rules and admin form."""
    assert model.base_form_class is SitePage.base_form_class
    assert model.full_clean is SitePage.full_clean


def test_an_index_page_shows_its_intro_and_its_listing_and_gets_a_latin_slug(home_page, client):
    index = NewsIndexPageFactory(parent=home_page)

    assert index.slug == "vesti"
    assert not NewsIndexPage.can_create_at(home_page)
    response = client.get(index.url)
    assert response.status_code == 200
    assert "Вести Канцеларије за сарадњу са цивилним друштвом." in response.content.decode()
    # What the listing hook returned is in the template's context.
    assert {"query", "facets", "results", "feeds"} <= set(response.context.keys())
