"""Feeds of calls and consultations (RSS, Atom) and the deadlines calendar (iCalendar), parsed as a reader would."""

import datetime

import feedparser
import pytest
from icalendar import Calendar

from wagtail.models import Locale, PageViewRestriction

from tests.calls.factories import DAY, CallPageFactory, FundingAreaFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import publish
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

CONTACTS = "Питања: konkursi@novisad.example, тел. +381 21 487 1234."


# The home and the calls are built once for the module: the tests read them, or change them in their savepoint.
@once_per_module
def home(module_rows):
    return publish(module_rows.home_page())


@once_per_module
def calls(module_rows, home_built):
    return build_calls(home_built)


def build_calls(home):
    area = FundingAreaFactory(name="Култура")
    return {
        "open": CallPageFactory(
            home=home, title="Отворени конкурс", summary=f"Програми у култури. {CONTACTS}", areas=[area]
        ),
        "announced": CallPageFactory(home=home, title="Најављени конкурс", opens_in=3 * DAY, closes_in=33 * DAY),
        "closed": CallPageFactory(home=home, title="Затворени конкурс", opens_in=-40 * DAY, closes_in=-10 * DAY),
    }


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("flavour, content_type", [("rss", "application/rss+xml"), ("atom", "application/atom+xml")])
def test_calls_feed_lists_announced_and_open_calls_with_absolute_links(client, calls, flavour, content_type):
    response, feed = parse_feed(client, f"/sr-cyrl/feeds/calls/{flavour}/")

    assert response["Content-Type"].startswith(content_type)
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Отворени конкурс", "Најављени конкурс"}
    assert feed.feed.link.startswith("http://testserver/sr-cyrl/")
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/sr-cyrl/"), entry.link
    open_entry = next(entry for entry in feed.entries if entry.title == "Отворени конкурс")
    assert open_entry.link == f"http://testserver{calls['open'].url}"
    assert [tag.term for tag in open_entry.tags] == ["Култура"]
    assert "konkursi@novisad.example" not in open_entry.summary and "487 1234" not in open_entry.summary


def test_calls_feed_in_latin_lists_the_latin_twins(client, calls):
    _response, feed = parse_feed(client, "/sr-latn/feeds/calls/rss/")
    assert {entry.title for entry in feed.entries} == {"Otvoreni konkurs", "Najavljeni konkurs"}
    assert all(entry.link.startswith("http://testserver/sr-latn/") for entry in feed.entries)


def test_private_calls_stay_out_of_the_feed(client, calls):
    PageViewRestriction.objects.create(page=calls["open"], restriction_type="login")
    _response, feed = parse_feed(client, "/sr-cyrl/feeds/calls/atom/")
    assert {entry.title for entry in feed.entries} == {"Најављени конкурс"}


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_consultations_feed_carries_title_summary_and_period(client, home, flavour):
    consultation = ConsultationPageFactory(
        home=home, title="Нацрт одлуке о волонтеризму", summary=f"Нацрт одлуке. {CONTACTS}"
    )

    _response, feed = parse_feed(client, f"/sr-cyrl/feeds/consultations/{flavour}/")

    (entry,) = feed.entries
    assert entry.title == "Нацрт одлуке о волонтеризму"
    assert entry.link == f"http://testserver{consultation.url}"
    assert "Нацрт одлуке." in entry.summary
    assert consultation.closes_at.astimezone().strftime("%Y") in entry.summary
    assert "konkursi@novisad.example" not in entry.summary and "487 1234" not in entry.summary
    assert feed.feed.link.startswith("http://testserver/sr-cyrl/")


def calendar_of(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar) -> dict[str, object]:
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_deadlines_calendar_has_call_and_consultation_closings(client, calls, home):
    consultation = ConsultationPageFactory(home=home, title="Нацрт плана волонтеризма", closes_in=12 * DAY)

    calendar = calendar_of(client, "/sr-cyrl/calendar/deadlines.ics")

    assert calendar["PRODID"] and str(calendar["VERSION"]) == "2.0"
    events = events_of(calendar)
    call_event = next(event for summary, event in events.items() if "Отворени конкурс" in summary)
    consultation_event = next(event for summary, event in events.items() if "Нацрт плана волонтеризма" in summary)
    assert call_event.decoded("dtstart") == calls["open"].closes_at.replace(microsecond=0)
    assert consultation_event.decoded("dtstart") == consultation.closes_at.replace(microsecond=0)
    assert str(call_event["url"]) == f"http://testserver{calls['open'].url}"
    assert str(consultation_event["url"]).startswith("http://testserver/sr-cyrl/")
    assert "dtend" not in call_event, "a deadline is a moment"
    assert "konkursi@novisad.example" not in str(call_event["description"])
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 4, "the three calls (one closed recently) and the consultation"


def test_deadline_uids_are_stable_across_requests_and_languages(client, calls):
    def uid_of(language, title):
        events = events_of(calendar_of(client, f"/{language}/calendar/deadlines.ics"))
        return next(str(event["uid"]) for summary, event in events.items() if title in summary)

    cyrillic = uid_of("sr-cyrl", "Отворени конкурс")
    assert cyrillic == uid_of("sr-cyrl", "Отворени конкурс")
    assert cyrillic == uid_of("sr-latn", "Otvoreni konkurs"), "one event, whatever the script"
    # The configured site's host (the test site's is localhost), not the address the request used.
    assert cyrillic == f"{calls['open'].translation_key}-call-closes@localhost"


def test_per_call_calendar_has_its_deadline(client, calls):
    page = calls["announced"]
    calendar = calendar_of(client, f"/sr-cyrl/calendar/calls/{page.pk}.ics")

    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == page.closes_at.replace(microsecond=0)
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0), "in UTC"
    assert str(event["url"]) == f"http://testserver{page.url}"
    assert "Најављени конкурс" in str(event["summary"])


def test_per_call_calendar_of_an_unpublished_or_private_call_is_not_found(client, calls):
    calls["closed"].unpublish()
    PageViewRestriction.objects.create(page=calls["open"], restriction_type="login")
    assert client.get(f"/sr-cyrl/calendar/calls/{calls['closed'].pk}.ics").status_code == 404
    assert client.get(f"/sr-cyrl/calendar/calls/{calls['open'].pk}.ics").status_code == 404


def test_english_feeds_list_only_english_pages(client, calls):
    _response, feed = parse_feed(client, "/en/feeds/calls/rss/")
    assert feed.entries == []
    assert Locale.objects.filter(language_code="en").exists()
