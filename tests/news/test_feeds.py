"""News feeds (RSS, Atom) and events calendars (iCalendar) parse, carry absolute URLs and Belgrade times."""

import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.feeds import FEED_ITEMS
from news.models import EventFormat
from tests.factories import publish
from tests.module_rows import fresh
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")


# The home and both indexes are built once for the module; each test adds its items in its own savepoint.
@pytest.fixture(scope="module")
def indexes_built(module_rows):
    home = module_rows.make(publish, module_rows.home_page())  # the Latin home, so Latin twins have a place to live
    return {
        "news": module_rows.make(NewsIndexPageFactory, parent=home),
        "events": module_rows.make(EventIndexPageFactory, parent=home),
    }


@pytest.fixture
def home_page(module_home_page, indexes_built):
    """The module's home, with its indexes."""
    return module_home_page


@pytest.fixture
def news_index(db, indexes_built):
    return fresh(indexes_built["news"])


@pytest.fixture
def event_index(db, indexes_built):
    return fresh(indexes_built["events"])


def parse_calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


# --------------------------------------------------------------------------
# RSS and Atom
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_news_feed_parses_with_absolute_links_and_the_lead_as_description(client, news_index, kind, version):
    older = NewsPageFactory(
        parent=news_index, title="Обука за удружења", lead="Позивамо удружења на обуку.", date=datetime.date(2025, 3, 1)
    )
    newer = NewsPageFactory(
        parent=news_index,
        title="Расписан конкурс",
        lead="Град расписује конкурс за програме удружења.",
        date=datetime.date(2025, 4, 1),
        topics=["конкурс"],
    )

    response = client.get(f"/sr-cyrl/feeds/news/{kind}/")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert "Вести" in feed.feed.title
    assert feed.feed.link == f"http://testserver{news_index.url}"
    assert [entry.title for entry in feed.entries] == ["Расписан конкурс", "Обука за удружења"]
    first = feed.entries[0]
    assert first.link == f"http://testserver{newer.url}"
    assert first.summary == "Град расписује конкурс за програме удружења."
    assert [tag.term for tag in first.tags] == ["конкурс"]
    assert first.id.startswith("urn:uuid:")
    assert feed.entries[1].link == f"http://testserver{older.url}"
    assert "01 Apr 2025" in first.published or first.published.startswith("2025-04-01T"), "dated in Novi Sad"


def test_news_feed_ids_stay_the_same_when_an_item_is_edited(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Прва верзија")
    before = feedparser.parse(client.get("/sr-cyrl/feeds/news/atom/").content).entries[0].id

    page.title = "Исправљен наслов"
    page.slug = "ispravljen-naslov"
    publish(page)
    after = feedparser.parse(client.get("/sr-cyrl/feeds/news/atom/").content).entries[0]

    assert after.title == "Исправљен наслов"
    assert after.id == before


def test_latin_feed_carries_the_latin_twins(client, news_index):
    NewsPageFactory(parent=news_index, title="Канцеларија у Креативном дистрикту", lead="Нове просторије.")

    feed = feedparser.parse(client.get("/sr-latn/feeds/news/rss/").content)

    assert [entry.title for entry in feed.entries] == ["Kancelarija u Kreativnom distriktu"]
    assert feed.entries[0].summary == "Nove prostorije."
    assert feed.entries[0].link.startswith("http://testserver/sr-latn/")
    cyrillic = feedparser.parse(client.get("/sr-cyrl/feeds/news/rss/").content)
    assert cyrillic.entries[0].id != feed.entries[0].id, "each language's entry has its own id"


def test_news_feed_leaves_out_unpublished_items_and_keeps_to_its_length(client, news_index):
    for n in range(FEED_ITEMS + 2):
        NewsPageFactory(
            parent=news_index,
            title=f"Вест {n}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            published=False,
        )
    withdrawn = NewsPageFactory(
        parent=news_index, title="Повучена вест", date=datetime.date(2026, 1, 1), published=False
    )
    withdrawn.unpublish()

    feed = feedparser.parse(client.get("/sr-cyrl/feeds/news/rss/").content)

    assert len(feed.entries) == FEED_ITEMS
    assert "Повучена вест" not in [entry.title for entry in feed.entries]


def test_news_index_links_its_feeds(client, news_index):
    html = client.get(news_index.url).content.decode()
    assert 'type="application/rss+xml"' in html and 'href="http://testserver/sr-cyrl/feeds/news/rss/"' in html
    assert 'href="http://testserver/sr-cyrl/feeds/news/atom/"' in html


# --------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------


def test_events_calendar_is_subscribable_with_belgrade_times_and_absolute_urls(client, event_index):
    starts = datetime.datetime(2031, 1, 20, 10, 0, tzinfo=BELGRADE)
    event = EventPageFactory(
        parent=event_index,
        title="Округли сто о сарадњи",
        lead="Разговор Града и удружења.",
        place="Креативни дистрикт, Нови Сад",
        format=EventFormat.ROUND_TABLE,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2, minutes=30),
    )

    calendar = parse_calendar(client.get("/sr-cyrl/calendar/events.ics"))

    assert str(calendar["X-WR-CALNAME"]).startswith("Догађаји")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Belgrade"]
    [vevent] = calendar.walk("VEVENT")
    assert vevent["UID"] == f"{event.translation_key}@localhost"
    assert vevent["SUMMARY"] == "Округли сто о сарадњи"
    assert vevent["LOCATION"] == "Креативни дистрикт, Нови Сад"
    assert vevent["DESCRIPTION"].startswith("Разговор Града и удружења.")
    assert vevent["URL"] == f"http://testserver{event.url}"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Belgrade"
    assert vevent["DTSTART"].dt == starts and vevent["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=1)
    assert vevent["DTEND"].dt == datetime.datetime(2031, 1, 20, 12, 30, tzinfo=BELGRADE)
    assert b"DTSTART;TZID=Europe/Belgrade:20310120T100000" in client.get("/sr-cyrl/calendar/events.ics").content


def test_summer_events_carry_summer_time(client, event_index):
    starts = datetime.datetime(2031, 7, 1, 9, 0, tzinfo=BELGRADE)
    EventPageFactory(parent=event_index, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))

    [vevent] = parse_calendar(client.get("/sr-cyrl/calendar/events.ics")).walk("VEVENT")

    assert vevent["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=2)
    assert vevent["DTSTART"].dt.astimezone(datetime.UTC).hour == 7


def test_event_uid_survives_edits_and_is_shared_by_the_single_event_file(client, event_index):
    event = EventPageFactory(parent=event_index, title="Инфо дан")
    uid = parse_calendar(client.get("/sr-cyrl/calendar/events.ics")).walk("VEVENT")[0]["UID"]

    event.title = "Инфо дан о јавном конкурсу"
    event.place = "Градска кућа"
    publish(event)
    response = client.get(f"/sr-cyrl/calendar/events/{event.pk}.ics")
    single = parse_calendar(response)

    [vevent] = single.walk("VEVENT")
    assert vevent["UID"] == uid
    assert vevent["SUMMARY"] == "Инфо дан о јавном конкурсу"
    assert "X-WR-CALNAME" not in single, "a single event is added to a calendar, not subscribed to"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'


def test_latin_calendar_carries_latin_text_and_latin_urls(client, event_index):
    event = EventPageFactory(parent=event_index, title="Обука за писање пројеката", place="Нови Сад")

    calendar = parse_calendar(client.get("/sr-latn/calendar/events.ics"))

    assert str(calendar["X-WR-CALNAME"]).startswith("Događaji")
    [vevent] = calendar.walk("VEVENT")
    assert vevent["SUMMARY"] == "Obuka za pisanje projekata"
    assert vevent["URL"].startswith("http://testserver/sr-latn/")
    assert vevent["UID"] == f"{event.translation_key}@localhost"


def test_calendar_keeps_a_year_of_past_events_and_everything_ahead(client, event_index):
    EventPageFactory(
        parent=event_index, title="Прошле године", starts_in=-datetime.timedelta(days=400), published=False
    )
    EventPageFactory(
        parent=event_index, title="Прошлог месеца", starts_in=-datetime.timedelta(days=30), published=False
    )
    EventPageFactory(
        parent=event_index, title="Следеће године", starts_in=datetime.timedelta(days=400), published=False
    )
    withdrawn = EventPageFactory(parent=event_index, title="Отказан", published=False)
    withdrawn.unpublish()

    calendar = parse_calendar(client.get("/sr-cyrl/calendar/events.ics"))

    assert [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")] == ["Прошлог месеца", "Следеће године"]


def test_single_event_file_is_only_for_live_events(client, event_index, home_page):
    withdrawn = EventPageFactory(parent=event_index, published=False)
    withdrawn.unpublish()

    assert client.get(f"/sr-cyrl/calendar/events/{withdrawn.pk}.ics").status_code == 404
    assert client.get(f"/sr-cyrl/calendar/events/{home_page.pk}.ics").status_code == 404


def test_calendars_carry_no_contact_data(client, event_index):
    EventPageFactory(parent=event_index)
    text = client.get("/sr-cyrl/calendar/events.ics").content.decode()
    for property_name in ("ORGANIZER", "ATTENDEE", "CONTACT", "mailto:"):
        assert property_name not in text


def test_event_index_offers_the_calendar_over_https(client, event_index):
    EventPageFactory(parent=event_index)

    html = client.get(event_index.url, secure=True).content.decode()

    assert 'id="events-calendar" href="https://testserver/sr-cyrl/calendar/events.ics"' in html
    assert "webcal://" not in html


def test_calendar_times_do_not_depend_on_the_server_clock_zone(client, event_index, settings):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    EventPageFactory(parent=event_index, starts_at=starts)
    settings.TIME_ZONE = "UTC"

    [vevent] = parse_calendar(client.get("/sr-cyrl/calendar/events.ics")).walk("VEVENT")

    assert vevent["DTSTART"].params["TZID"] == "Europe/Belgrade"
    assert vevent["DTSTART"].dt == starts


def test_feeds_and_calendar_run_the_same_queries_for_few_and_many_items(client, news_index, event_index):
    def queries_with(count: int) -> list[int]:
        while news_index.get_children().count() < count:
            NewsPageFactory(parent=news_index, topics=["конкурс", "обука"], published=False)
            EventPageFactory(parent=event_index, published=False)
        counts = []
        for url in ("/sr-cyrl/feeds/news/rss/", "/sr-cyrl/feeds/news/atom/", "/sr-cyrl/calendar/events.ics"):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    assert queries_with(3) == queries_with(20)
