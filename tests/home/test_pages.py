"""Page types: where they may be created, how they render, what their URLs look like."""

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import SiteHomePageFactory, StandardPageFactory, publish
from tests.queries import queries_to_render
from tests.tree_rules import assert_parents


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        assert_parents(self, HomePage, allowed=[Page], refused=[HomePage, StandardPage])

    def test_standard_pages_nest_under_home_and_each_other(self):
        assert_parents(self, StandardPage, allowed=[HomePage, StandardPage], refused=[Page])


@pytest.mark.django_db
def test_slug_from_a_cyrillic_title_is_readable_ascii_latin(home_page):
    page = StandardPage(title="О канцеларији", slug="")
    home_page.add_child(instance=page)
    assert page.slug == "o-kancelariji"


@pytest.mark.django_db
def test_a_cyrillic_slug_typed_in_the_admin_is_transliterated(admin_client, home_page):
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        {"title": "Ђачки парламент", "slug": "ђачки-парламент", "intro": "", "body-count": "0"},
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(title="Ђачки парламент").slug == "djacki-parlament"


@pytest.mark.django_db
def test_standard_page_renders_body_blocks(client, home_page):
    body = [
        {"type": "heading", "value": {"text": "Контакт", "level": "h2"}},
        {"type": "quote", "value": {"text": "Сарадња <b>заснована</b> на поверењу.", "attribution": "Канцеларија"}},
    ]
    publish(StandardPageFactory(parent=home_page, title="О нама", body=body))

    html = client.get("/sr-cyrl/o-nama/").content.decode()

    assert "<h2>Контакт</h2>" in html
    assert "Сарадња &lt;b&gt;заснована&lt;/b&gt; на поверењу." in html, "quote text is escaped, never HTML"
    assert '<nav class="breadcrumbs' in html


@pytest.mark.django_db
def test_language_switcher_offers_only_existing_translations(client, home_page):
    publish(home_page)
    publish(StandardPageFactory(parent=home_page, title="Само ћирилица"))

    html = client.get("/sr-cyrl/samo-cirilica/").content.decode()

    assert 'hreflang="sr-Latn" href="http://testserver/sr-latn/samo-cirilica/"' in html
    assert 'hreflang="en"' not in html, "no English translation exists, so none is offered"
    assert '<html lang="sr-Cyrl">' in html


@pytest.mark.django_db
def test_page_listing_queries_do_not_grow_with_the_number_of_pages(client):
    def queries_for_home_with(children: int) -> int:
        home = SiteHomePageFactory()
        for _ in range(children):
            StandardPageFactory(parent=home)
        return queries_to_render(client, "/sr-cyrl/")

    few, many = queries_for_home_with(2), queries_for_home_with(25)

    assert few == many
    # ~8 for the page itself, one or two per home section (consultations, calls, events, news, documents)
    assert many <= 14


@pytest.mark.django_db
def test_not_found_page_is_translated(client, home_page):
    response = client.get("/sr-latn/nema-je/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Stranica nije pronađena" in html
    assert '<html lang="sr-Latn">' in html
