"""Feeds and calendars are discoverable: the home page and each listing announce theirs in <head>
(`<link rel="alternate">`), in the page's language, at URLs that answer with the announced type."""

import pytest

from calls.models import CallIndexPage
from consultations.models import ConsultationIndexPage
from core.scripts import to_latin
from documents.models import DocumentLibraryPage
from home.models import HomePage
from news.models import EventIndexPage, NewsIndexPage
from strategies.models import StrategyIndexPage
from tests.html_dom import parse
from tests.sitemaps import local

pytestmark = pytest.mark.django_db

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "text/calendar"}
# path below the language prefix → type, title in English and in Cyrillic (the Latin title is its transliteration)
FEEDS = {
    "feeds/consultations/rss/": ("application/rss+xml", "Public consultations (RSS)", "Јавне консултације (RSS)"),
    "feeds/consultations/atom/": ("application/atom+xml", "Public consultations (Atom)", "Јавне консултације (Atom)"),
    "feeds/calls/rss/": ("application/rss+xml", "Public calls (RSS)", "Јавни конкурси (RSS)"),
    "feeds/calls/atom/": ("application/atom+xml", "Public calls (Atom)", "Јавни конкурси (Atom)"),
    "calendar/deadlines.ics": (
        "text/calendar",
        "Deadlines of calls, consultations and funding opportunities (iCalendar)",
        "Рокови конкурса, консултација и прилика за финансирање (iCalendar)",
    ),
    "feeds/news/rss/": ("application/rss+xml", "News (RSS)", "Вести (RSS)"),
    "feeds/news/atom/": ("application/atom+xml", "News (Atom)", "Вести (Atom)"),
    "calendar/events.ics": ("text/calendar", "Events (iCalendar)", "Догађаји (iCalendar)"),
}
ANNOUNCED_BY = {
    HomePage: list(FEEDS),
    ConsultationIndexPage: ["feeds/consultations/rss/", "feeds/consultations/atom/", "calendar/deadlines.ics"],
    CallIndexPage: ["feeds/calls/rss/", "feeds/calls/atom/", "calendar/deadlines.ics"],
    NewsIndexPage: ["feeds/news/rss/", "feeds/news/atom/"],
    EventIndexPage: ["calendar/events.ics"],
    StrategyIndexPage: [],
    DocumentLibraryPage: [],
}
LANGUAGES = ("sr-cyrl", "sr-latn", "en")


def title_in(language: str, english: str, cyrillic: str) -> str:
    return {"en": english, "sr-cyrl": cyrillic, "sr-latn": to_latin(cyrillic)}[language]


def announced_feeds(content: bytes) -> list[tuple[str, str, str]]:
    """(type, title, href) of each feed or calendar the page's <head> announces, in order."""
    head = parse(content).find("head")
    return [
        (link.get("type"), link.get("title"), link.get("href"))
        for link in head.iter("link")
        if link.get("rel") == "alternate" and link.get("type") in FEED_TYPES
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_listings_announce_their_feeds_in_the_pages_language(client, demo_site, language):
    for model, paths in ANNOUNCED_BY.items():
        page = model.objects.live().filter(locale__language_code=language).get()
        response = client.get(page.url)
        assert response.status_code == 200, page.url

        expected = [
            (FEEDS[path][0], title_in(language, *FEEDS[path][1:]), f"http://testserver/{language}/{path}")
            for path in paths
        ]
        assert announced_feeds(response.content) == expected, f"{model.__name__} in {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_announced_feed_answers_with_the_announced_type(client, demo_site, language):
    home = HomePage.objects.live().filter(locale__language_code=language).get()

    feeds = announced_feeds(client.get(home.url).content)

    assert len(feeds) == len(FEEDS)
    for content_type, _title, href in feeds:
        response = client.get(local(href))
        assert response.status_code == 200, href
        assert response["Content-Type"].split(";")[0] == content_type, href


def test_pages_that_list_nothing_announce_no_feed(client, demo_site):
    """A standard page, the search page and a missing page: none has a feed of its own."""
    for url in ("/sr-cyrl/o-kancelariji/", "/sr-cyrl/search/", "/sr-cyrl/nema-je/"):
        assert announced_feeds(client.get(url).content) == [], url
