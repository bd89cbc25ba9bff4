"""The home page shows the next three events and the latest three news items."""

import datetime

import pytest
from freezegun import freeze_time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import publish
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def section(html: str, key: str) -> str:
    start = html.index(f'<section class="home-section home-section--{key}"')
    return html[start : html.index("</section>", start)]


def test_home_shows_the_latest_three_news_items(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for day in range(1, 6):
        NewsPageFactory(parent=index, title=f"Вест {day}", date=datetime.date(2025, 5, day), published=False)

    news = section(client.get("/sr-cyrl/").content.decode(), "news")

    assert [title in news for title in ("Вест 5", "Вест 4", "Вест 3", "Вест 2")] == [True, True, True, False]
    assert news.index("Вест 5") < news.index("Вест 3")
    assert f'href="{index.url}"' in news, "a link to all news"


def test_home_shows_the_next_three_upcoming_events(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Прошао", starts_in=-datetime.timedelta(days=2), published=False)
    for days in (9, 3, 6, 12):
        EventPageFactory(
            parent=index, title=f"За {days} дана", starts_in=datetime.timedelta(days=days), published=False
        )

    events = section(client.get("/sr-cyrl/").content.decode(), "events")

    assert "Прошао" not in events and "За 12 дана" not in events
    assert events.index("За 3 дана") < events.index("За 6 дана") < events.index("За 9 дана")


def test_event_leaves_the_home_page_when_it_ends(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Инфо дан", published=False)

    with freeze_time(event.ends_at - datetime.timedelta(seconds=1)):
        assert "Инфо дан" in client.get("/sr-cyrl/").content.decode()
    with freeze_time(event.ends_at + datetime.timedelta(seconds=1)):
        assert "home-section--events" not in client.get("/sr-cyrl/").content.decode()


def test_latin_home_shows_the_latin_twins(client, home_page):
    publish(home_page)
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Обука за удружења")
    EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Округли сто")

    html = client.get("/sr-latn/").content.decode()

    assert "Obuka za udruženja" in section(html, "news")
    assert "Okrugli sto" in section(html, "events")


def test_home_sections_run_the_same_queries_for_few_and_many_items(client, home_page):
    news_index, event_index = NewsIndexPageFactory(parent=home_page), EventIndexPageFactory(parent=home_page)

    def queries_with(count: int) -> int:
        while news_index.get_children().count() < count:
            NewsPageFactory(parent=news_index, published=False)
            EventPageFactory(parent=event_index, published=False)
        client.get("/sr-cyrl/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/sr-cyrl/")
        return len(queries)

    assert queries_with(3) == queries_with(30)
