"""Events as iCalendar (RFC 5545): a subscribable calendar per language and one file per event.

Times carry TZID=Europe/Belgrade with the zone's rules spelled out (VTIMEZONE), so a
calendar anywhere shows them right, also across daylight-saving changes. UIDs come from
the page's translation key and the site's configured host, so an event keeps its UID
across edits, renames and in every language.
"""

import datetime
import zoneinfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Site

from home.context_processors import office

from .models import EventIndexPage

# The rules in belgrade_timezone() are Central European time: events are dated in Novi Sad.
TZID = "Europe/Belgrade"
BELGRADE = zoneinfo.ZoneInfo(TZID)
PRODID = "-//Office for Cooperation with Civil Society//Events//EN"
# A subscribed calendar keeps a year of past events and everything ahead.
PAST_DAYS = 365
MAX_EVENTS = 500
REFRESH = datetime.timedelta(hours=6)


def calendar_url(request) -> str:
    """The subscribable calendar of the current language, as an absolute https (or http) URL."""
    return request.build_absolute_uri(reverse("news:events_calendar"))


def uid_host(request) -> str:
    """The host part of UIDs: the configured site's, so it does not vary with how the site is reached."""
    site = Site.find_for_request(request)
    return (site.hostname if site else "") or request.get_host().split(":")[0]


def event_uid(event, host: str) -> str:
    return f"{event.translation_key}@{host}"


def belgrade_timezone() -> Timezone:
    """Central European time with the EU rules (since 1996): last Sunday of March and of October."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def new_calendar(name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        # A calendar to subscribe to: its name and how often to look for changes.
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH)
    calendar.add_component(belgrade_timezone())
    return calendar


def vevent(event, request, host: str) -> Event:
    url = request.build_absolute_uri(event.get_url(request))
    item = Event()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    if event.last_published_at:
        item.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    item.add("dtstart", event.starts_at.astimezone(BELGRADE))
    item.add("dtend", event.ends_at.astimezone(BELGRADE))
    item.add("summary", event.title)
    item.add("location", event.place)
    item.add("description", f"{event.lead}\n\n{url}")
    item.add("categories", [str(event.get_format_display())])
    item.add("url", url)
    item.add("status", "CONFIRMED")
    return item


def calendar_name(request, locale) -> str:
    index = EventIndexPage.objects.live().public().filter(locale=locale).first()
    title = index.title if index else _("Events")
    office_settings = office(request)["office"]
    name = office_settings.display_name if office_settings else ""
    return f"{title} – {name}" if name else title


def calendar_response(calendar: Calendar, filename: str = "") -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
