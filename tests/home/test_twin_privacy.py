"""A private Cyrillic page's Latin twin and English translation are exactly as private, wherever a visitor looks."""

import feedparser
import icalendar
import pytest

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction

from home.restrictions import restriction_facts
from tests.calls.english import call_with_english_twin
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import publish
from tests.module_rows import once_per_module
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def latin(page):
    return page.get_translation(Locale.objects.get(language_code="sr-latn")).specific


def restrict(page, restriction_type="login", **fields):
    """As the admin's privacy dialog saves it, with what waits for the commit (search entries) run."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)


@once_per_module
def home(module_rows):
    return publish(module_rows.home_page())


def build_call_in_three_languages(home):
    call, english = call_with_english_twin(home, "Конкурс Лабуд", "Call Labud", "call-labud")
    return call, latin(call), english


@once_per_module
def call_in_three_languages(module_rows, home_built):
    return build_call_in_three_languages(home_built)


def set_privacy(admin_client, page, **data):
    response = admin_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200, response.content[:300]


def test_translations_follow_every_privacy_change_an_editor_makes_in_the_admin(admin_client, call_in_three_languages):
    call, twin, english = call_in_three_languages
    editors = Group.objects.create(name="Уредници конкурса")

    set_privacy(admin_client, call, restriction_type="password", password="lozinka-123")
    assert restriction_facts(twin) == restriction_facts(english) == [("password", "lozinka-123", ())]

    set_privacy(admin_client, call, restriction_type="groups", groups=[editors.pk])
    assert restriction_facts(twin) == restriction_facts(english) == [("groups", "", (editors.pk,))]

    set_privacy(admin_client, call, restriction_type="none")
    assert restriction_facts(twin) == restriction_facts(english) == []


def test_a_private_originals_translations_ask_visitors_to_log_in(client, call_in_three_languages):
    call, twin, english = call_in_three_languages
    restrict(call)

    for page in (call, twin, english):
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert "login" in response["Location"]


def test_a_page_made_private_before_its_first_publish_has_a_private_twin(home):
    index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=index, title="Вест Кварцит", published=False)
    restrict(news, "password", password="tajna-lozinka")

    publish(news)

    assert restriction_facts(latin(news)) == [("password", "tajna-lozinka", ())]


def test_a_restriction_on_a_section_covers_the_twins_in_the_latin_section(client, home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Вест Цимет")
    restrict(index)

    feed = feedparser.parse(client.get("/sr-latn/feeds/news/rss/").content)
    assert [entry.title for entry in feed.entries] == []
    assert client.get(latin(index).url).status_code == 302


@pytest.fixture
def private_content(home, call_in_three_languages):
    """One item of every kind, each made private after it was published (the usual order in the admin)."""
    call, _twin, _english = call_in_three_languages
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Вест Кварцит")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Догађај Жирафа")
    consultation = ConsultationPageFactory(home=home, title="Консултација Цимет")
    for page in (call, news, event, consultation):
        restrict(page)
    return {"call": call, "news": news, "event": event, "consultation": consultation}


PRIVATE_WORDS = ("Labud", "Kvarcit", "Žirafa", "Cimet")


def shows_no_private_item(text: str) -> bool:
    return not any(word in text for word in PRIVATE_WORDS)


@pytest.mark.parametrize("language", ["sr-latn", "en"])
def test_private_items_stay_out_of_every_feed_calendar_listing_section_and_search(client, private_content, language):
    for feed in ("news", "calls", "consultations"):
        for flavour in ("rss", "atom"):
            parsed = feedparser.parse(client.get(f"/{language}/feeds/{feed}/{flavour}/").content)
            assert shows_no_private_item(" ".join(entry.title for entry in parsed.entries)), (feed, flavour)

    for calendar_url in (f"/{language}/calendar/events.ics", f"/{language}/calendar/deadlines.ics"):
        calendar = icalendar.Calendar.from_ical(client.get(calendar_url).content)
        assert shows_no_private_item(" ".join(str(event["summary"]) for event in calendar.walk("VEVENT")))
    for page in (private_content["call"], private_content["event"]):
        twin = latin(page)
        kind = "calls" if page is private_content["call"] else "events"
        assert client.get(f"/{language}/calendar/{kind}/{twin.pk}.ics").status_code == 404

    home = client.get(f"/{language}/")
    assert home.status_code == 200
    assert shows_no_private_item(home.content.decode())
    for page in private_content.values():
        index = latin(page.get_parent())
        listing = client.get(index.url)
        assert listing.status_code == 200, index.url
        assert shows_no_private_item(listing.content.decode()), index.url

    for word in PRIVATE_WORDS:
        found = client.get(f"/{language}/search/", {"q": word}).content.decode()
        assert not any(latin(page).url in found for page in private_content.values()), word
        suggestions = client.get(f"/{language}/search/suggest/", {"q": word}).json()["results"]
        assert suggestions == [], word
