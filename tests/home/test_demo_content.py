"""The demo command builds the Novi Sad office's site from the seed texts, once."""

import pytest

from django.core.management import call_command

from wagtail.models import Page

from home.models import StandardPage, UsefulLink

pytestmark = pytest.mark.django_db

OFFICE = "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада"
OFFICE_LATIN = "Kancelarija za saradnju sa civilnim društvom Grada Novog Sada"


@pytest.fixture
def demo(demo_site):
    """The session's demo, built once by `load_demo_content` in autocommit as in production
    (wagtail-localize publishes translations on commit; tests/demo_snapshot.py)."""
    return demo_site


@pytest.mark.django_db(transaction=True)
def test_demo_content_is_idempotent(transactional_db, demo_snapshot):
    # The session's demo, built by the command's code on the migrated database, put back committed:
    # the command run again over it (in autocommit, as in production) adds nothing.
    from tests.demo_snapshot import restore

    restore(demo_snapshot)
    counts = (Page.objects.count(), UsefulLink.objects.count())
    call_command("load_demo_content")
    assert (Page.objects.count(), UsefulLink.objects.count()) == counts
    assert StandardPage.objects.filter(locale__language_code="sr-cyrl").count() == 3


def test_home_page_shows_the_office_name_and_address_in_cyrillic(client, demo):
    html = client.get("/sr-cyrl/").content.decode()
    assert f"<h1>{OFFICE}</h1>" in html
    assert "Булевар деспота Стефана 5, Објекат 2" in html
    assert "21101 Нови Сад" in html


def test_latin_home_page_is_the_exact_twin(client, demo):
    html = client.get("/sr-latn/").content.decode()
    assert f"<h1>{OFFICE_LATIN}</h1>" in html
    assert "Bulevar despota Stefana 5, Objekat 2" in html
    assert "Kancelarija povezuje organizacije civilnog društva" in html


def test_english_home_page_is_a_real_translation(client, demo):
    html = client.get("/en/").content.decode()
    assert "Office for Cooperation with Civil Society of the City of Novi Sad" in html
    assert "The Office connects civil society organisations" in html


def test_scope_of_work_and_history_pages_exist_in_three_languages(client, demo):
    for url, text in [
        ("/sr-cyrl/delokrug-poslova/", "Организовање округлих столова и конференција"),
        ("/sr-latn/delokrug-poslova/", "Organizovanje okruglih stolova i konferencija"),
        ("/en/scope-of-work/", "Organising round tables and conferences"),
        ("/en/national-office-2010-2020/", "Žarko Stepanović"),
        ("/sr-latn/kancelarija-za-saradnju-s-civilnim-drustvom-vlade-republike-srbije-2010-2020/", "Žarko Stepanović"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_switching_language_on_a_page_keeps_the_visitor_on_that_page(client, demo):
    html = client.get("/sr-cyrl/o-kancelariji/").content.decode()
    assert 'href="http://testserver/en/about-the-office/" hreflang="en"' in html
    assert 'href="http://testserver/sr-latn/o-kancelariji/" hreflang="sr-Latn"' in html
