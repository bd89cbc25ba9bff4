"""The one iCalendar helper: library-generated time zones, one UID scheme, one response."""

import datetime
import zoneinfo

from icalendar import Calendar, Event

from django.test import RequestFactory

from wagtail import hooks

from core.calendar import (
    DEADLINES_HOOK,
    calendar_response,
    event_uid,
    new_calendar,
    registered_deadlines,
    uid_host,
    with_time_zones,
)
from core.downloads import DOWNLOAD_CSP

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")


class Keyed:
    translation_key = "3f1c"


def event_at(start: datetime.datetime, uid: str = "x@localhost") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    event.add("dtstart", start)
    return event


def test_uid_is_the_translation_key_with_an_optional_kind_at_the_host():
    assert event_uid(Keyed(), "novisad.example") == "3f1c@novisad.example"
    assert event_uid(Keyed(), "novisad.example", "call-closes") == "3f1c-call-closes@novisad.example"


def test_uid_host_is_the_configured_sites_not_the_address_used(home_page):
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8000")
    assert uid_host(request) == "localhost"


def test_time_zone_rules_are_generated_for_each_zone_the_events_use():
    calendar = new_calendar()
    calendar.add_component(event_at(datetime.datetime(2031, 1, 20, 10, tzinfo=BELGRADE)))
    calendar.add_component(event_at(datetime.datetime(2031, 7, 1, 9, tzinfo=zoneinfo.ZoneInfo("America/New_York"))))

    parsed = Calendar.from_ical(with_time_zones(calendar).to_ical())

    zones = {str(zone["TZID"]): zone.to_tz() for zone in parsed.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/Belgrade", "America/New_York"}
    winter, summer = datetime.datetime(2031, 1, 20, 10), datetime.datetime(2031, 7, 1, 9)
    assert zones["Europe/Belgrade"].utcoffset(winter) == datetime.timedelta(hours=1)
    assert zones["Europe/Belgrade"].utcoffset(summer) == datetime.timedelta(hours=2)
    assert zones["America/New_York"].utcoffset(summer) == datetime.timedelta(hours=-4)


def test_a_calendar_of_utc_moments_needs_no_time_zone():
    calendar = new_calendar("Рокови")
    calendar.add_component(event_at(datetime.datetime(2031, 1, 20, 10, tzinfo=datetime.UTC)))
    assert Calendar.from_ical(with_time_zones(calendar).to_ical()).walk("VTIMEZONE") == []


def test_only_a_named_calendar_is_one_to_subscribe_to():
    subscribed, single = new_calendar("Догађаји", zone="Europe/Belgrade"), new_calendar()
    assert subscribed["X-WR-CALNAME"] == "Догађаји" and subscribed["X-WR-TIMEZONE"] == "Europe/Belgrade"
    assert "REFRESH-INTERVAL" in subscribed
    assert "X-WR-CALNAME" not in single and "REFRESH-INTERVAL" not in single


def test_calendar_response_is_a_named_download_with_its_time_zones():
    calendar = new_calendar()
    calendar.add_component(event_at(datetime.datetime(2031, 1, 20, 10, tzinfo=BELGRADE)))

    response = calendar_response(calendar, "dogadjaj.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dogadjaj.ics"'
    assert response["Content-Security-Policy"] == DOWNLOAD_CSP
    assert [str(zone["TZID"]) for zone in Calendar.from_ical(response.content).walk("VTIMEZONE")] == ["Europe/Belgrade"]


def test_deadlines_of_every_registered_app_are_merged_in_time_order(db, rf):
    since = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)

    def later(request, since):
        return [event_at(datetime.datetime(2031, 3, 1, tzinfo=datetime.UTC), "later@localhost")]

    def earlier(request, since):
        return [event_at(datetime.datetime(2031, 2, 1, tzinfo=datetime.UTC), "earlier@localhost")]

    baseline = [str(event["uid"]) for event in registered_deadlines(rf.get("/"), since)]
    with hooks.register_temporarily(DEADLINES_HOOK, later), hooks.register_temporarily(DEADLINES_HOOK, earlier):
        uids = [str(event["uid"]) for event in registered_deadlines(rf.get("/"), since)]

    assert [uid for uid in uids if uid not in baseline] == ["earlier@localhost", "later@localhost"]
