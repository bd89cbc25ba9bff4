"""The news and events indexes: filters, order, pagination, upcoming and past apart, bounded queries."""

import datetime
import zoneinfo

import pytest
import wagtail_factories
from freezegun import freeze_time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import EventFormat, EventPage
from news.models.news import PER_PAGE
from tests.module_rows import fresh
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")


@pytest.fixture(scope="module")
def home_built(module_rows):
    """The home with its news and events indexes, built once for the module: a test's `NewsIndexPageFactory(parent=
    home_page)` finds its index there, and the items it adds go away with its savepoint."""
    home = module_rows.home_page()
    module_rows.make(NewsIndexPageFactory, parent=home)
    module_rows.make(EventIndexPageFactory, parent=home)
    return home


@pytest.fixture
def home_page(db, home_built):
    return fresh(home_built)


def titles(items) -> list[str]:
    return [item.title for item in items]


# --------------------------------------------------------------------------
# News
# --------------------------------------------------------------------------


def test_news_index_lists_newest_first(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for title, day in [("Старија", 1), ("Најновија", 20), ("Средња", 10)]:
        NewsPageFactory(parent=index, title=title, date=datetime.date(2025, 2, day), published=False)

    response = client.get(index.url)

    assert titles(response.context["results"]) == ["Најновија", "Средња", "Старија"]


def test_news_index_filters_by_topic_and_year(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(
        parent=index, title="Конкурс 2024", date=datetime.date(2024, 5, 1), topics=["конкурс"], published=False
    )
    NewsPageFactory(
        parent=index, title="Конкурс 2025", date=datetime.date(2025, 5, 1), topics=["конкурс"], published=False
    )
    NewsPageFactory(parent=index, title="Обука 2025", date=datetime.date(2025, 6, 1), topics=["обука"], published=False)

    by_topic = client.get(index.url, {"topic": "конкурс"})
    assert titles(by_topic.context["results"]) == ["Конкурс 2025", "Конкурс 2024"]
    by_year = client.get(index.url, {"year": "2025"})
    assert titles(by_year.context["results"]) == ["Обука 2025", "Конкурс 2025"]
    both = client.get(index.url, {"topic": "конкурс", "year": "2024"})
    assert titles(both.context["results"]) == ["Конкурс 2024"]

    facets = by_topic.context["facets"]
    assert [(o.label, o.count, o.selected) for o in facets.topics] == [("конкурс", 2, True), ("обука", 1, False)]
    assert [(o.value, o.count) for o in facets.years] == [("2025", 2), ("2024", 1)]
    html = both.content.decode()
    assert '<label for="filter-topic">' in html and '<label for="filter-year">' in html
    assert '<option value="2024" selected>' in html


def test_malformed_filters_are_ignored_not_an_error(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, published=False)

    for params in ({"year": "дветисуће"}, {"year": "99999999999"}, {"topic": "x" * 5000}, {"page": "-1"}):
        response = client.get(index.url, params)
        assert response.status_code == 200


def test_news_index_paginates(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for day in range(1, PER_PAGE + 3):
        NewsPageFactory(parent=index, title=f"Вест {day:02d}", date=datetime.date(2025, 1, day), published=False)

    first = client.get(index.url)
    second = client.get(index.url, {"page": 2})

    assert len(first.context["results"]) == PER_PAGE
    assert titles(second.context["results"]) == ["Вест 02", "Вест 01"]
    assert 'rel="next"' in first.content.decode()


def test_news_index_shows_only_its_own_live_news(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, title="Објављена", published=False)
    draft = NewsPageFactory(parent=index, title="Нацрт вести", published=False)
    draft.unpublish()

    assert titles(client.get(index.url).context["results"]) == ["Објављена"]


def test_news_index_runs_the_same_queries_for_10_and_100_items(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    images = [wagtail_factories.ImageFactory() for _ in range(3)]

    def queries_with(total: int) -> int:
        while index.get_children().count() < total:
            number = index.get_children().count()
            NewsPageFactory(
                parent=index,
                date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
                lead_image=images[number % 3],
                lead_image_alt="Учесници састанка",
                topics=["вести", f"тема {number % 4}"],
                published=False,
            )
        client.get(index.url)  # warm-up: renditions, content types, site root paths
        with CaptureQueriesContext(connection) as queries:
            response = client.get(index.url)
        assert response.status_code == 200
        assert 'alt="Учесници састанка"' in response.content.decode()
        return len(queries)

    few, many = queries_with(10), queries_with(100)
    assert few == many
    # 9 for any page (site, routing, its restrictions, translations, breadcrumbs), 6 for the listing.
    assert many <= 15


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def test_event_is_upcoming_until_it_ends_then_past(home_page):
    index = EventIndexPageFactory(parent=home_page)
    starts = datetime.datetime(2025, 10, 15, 10, 0, tzinfo=BELGRADE)
    event = EventPageFactory(
        parent=index, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3), published=False
    )
    events = EventPage.objects.live()

    with freeze_time(starts - datetime.timedelta(seconds=1)):
        assert list(events.upcoming()) == [event] and not events.past().exists()
        assert event.state() == "upcoming" and event.is_upcoming()
    with freeze_time(starts + datetime.timedelta(hours=1)):
        assert list(events.upcoming()) == [event], "an event under way is still upcoming"
        assert event.state() == "ongoing" and event.is_ongoing()
    with freeze_time(event.ends_at - datetime.timedelta(seconds=1)):
        assert list(events.upcoming()) == [event]
    with freeze_time(event.ends_at + datetime.timedelta(seconds=1)):
        assert not events.upcoming().exists() and list(events.past()) == [event]
        assert event.state() == "past" and not event.is_upcoming()


def test_event_index_moves_an_event_from_upcoming_to_past_when_it_ends(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    starts = datetime.datetime(2025, 10, 15, 10, 0, tzinfo=BELGRADE)
    EventPageFactory(parent=index, title="Инфо дан", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))

    with freeze_time(starts + datetime.timedelta(hours=2) - datetime.timedelta(seconds=1)):
        response = client.get(index.url)
        assert titles(response.context["upcoming"]) == ["Инфо дан"]
        assert titles(response.context["past"]) == []
    with freeze_time(starts + datetime.timedelta(hours=2, seconds=1)):
        response = client.get(index.url)
        assert titles(response.context["upcoming"]) == []
        assert titles(response.context["past"]) == ["Инфо дан"]


def test_event_index_orders_upcoming_soonest_first_and_past_latest_first(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    for title, days in [("За месец", 30), ("Сутра", 1), ("Пре недељу", -7), ("Пре месец", -30), ("Јуче", -1)]:
        EventPageFactory(parent=index, title=title, starts_in=datetime.timedelta(days=days), published=False)

    response = client.get(index.url)

    assert titles(response.context["upcoming"]) == ["Сутра", "За месец"]
    assert titles(response.context["past"]) == ["Јуче", "Пре недељу", "Пре месец"]
    html = response.content.decode()
    assert html.index('id="upcoming-events"') < html.index("Сутра") < html.index('id="past-events"')
    assert html.index('id="past-events"') < html.index("Јуче")


def test_event_index_filters_by_format_and_year(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    this_year = timezone.localdate().year
    EventPageFactory(parent=index, title="Обука", format=EventFormat.TRAINING, published=False)
    EventPageFactory(parent=index, title="Округли сто", format=EventFormat.ROUND_TABLE, published=False)
    EventPageFactory(
        parent=index,
        title="Стара обука",
        format=EventFormat.TRAINING,
        starts_at=datetime.datetime(this_year - 2, 3, 1, 10, tzinfo=BELGRADE),
        published=False,
    )

    trainings = client.get(index.url, {"format": "training"})
    assert titles(trainings.context["upcoming"]) == ["Обука"]
    assert titles(trainings.context["past"]) == ["Стара обука"]
    old = client.get(index.url, {"year": str(this_year - 2)})
    assert titles(old.context["upcoming"]) == [] and titles(old.context["past"]) == ["Стара обука"]
    unknown = client.get(index.url, {"format": "party"})
    assert len(unknown.context["upcoming"]) == 2, "an unknown format is ignored"

    facets = trainings.context["facets"]
    assert [(o.value, o.count, o.selected) for o in facets.formats] == [
        ("round_table", 1, False),
        ("training", 2, True),
    ]
    assert [o.value for o in facets.years][-1] == str(this_year - 2)


def test_event_index_paginates_past_events(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    for n in range(1, 15):
        EventPageFactory(parent=index, title=f"Прошли {n:02d}", starts_in=-datetime.timedelta(days=n), published=False)

    second = client.get(index.url, {"page": 2})

    assert titles(second.context["past"]) == ["Прошли 13", "Прошли 14"]


def test_event_index_runs_the_same_queries_for_10_and_100_events(client, home_page):
    index = EventIndexPageFactory(parent=home_page)

    def queries_with(total: int) -> int:
        while index.get_children().count() < total:
            number = index.get_children().count()
            days = number - total // 2  # half ahead, half behind
            EventPageFactory(
                parent=index,
                starts_in=datetime.timedelta(days=days, hours=1),
                format=EventFormat.values[number % 5],
                published=False,
            )
        return queries_to_render(client, index.url)

    few, many = queries_with(10), queries_with(100)
    assert few == many
    assert many <= 13


def test_pages_behind_a_view_restriction_are_listed_nowhere(client, home_page):
    news_index, event_index = NewsIndexPageFactory(parent=home_page), EventIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index, title="Јавна вест", published=False)
    private_news = NewsPageFactory(parent=news_index, title="Интерна вест", published=False)
    private_news.view_restrictions.create(restriction_type="login")
    EventPageFactory(parent=event_index, title="Јавни догађај", published=False)
    private_event = EventPageFactory(parent=event_index, title="Интерни састанак", published=False)
    private_event.view_restrictions.create(restriction_type="password", password="tajna")

    pages = [
        client.get(news_index.url),
        client.get(event_index.url),
        client.get("/sr-cyrl/"),
        client.get("/sr-cyrl/feeds/news/rss/"),
        client.get("/sr-cyrl/calendar/events.ics"),
    ]

    text = "".join(response.content.decode() for response in pages)
    assert "Јавна вест" in text and "Јавни догађај" in text
    assert "Интерна вест" not in text and "Интерни састанак" not in text
    assert client.get(f"/sr-cyrl/calendar/events/{private_event.pk}.ics").status_code == 404


def test_a_restriction_on_the_index_hides_everything_under_it(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index, title="Вест иза лозинке", published=False)
    news_index.view_restrictions.create(restriction_type="login")

    assert "Вест иза лозинке" not in client.get("/sr-cyrl/").content.decode()
    assert "Вест иза лозинке" not in client.get("/sr-cyrl/feeds/news/atom/").content.decode()
