"""Events as iCalendar (RFC 5545): a subscribable calendar per language and one file per event.

Times carry TZID=Europe/Belgrade, and core.calendar adds the zone's rules (VTIMEZONE) from
the zone database, so a calendar anywhere shows them right, also across daylight-saving
changes. UIDs follow core.calendar's scheme, so an event keeps its UID across edits,
renames and in every language.
"""

import datetime
import zoneinfo

from icalendar import Event

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.calendar import event_uid
from home.context_processors import office

from .models import EventIndexPage

# Events are dated in the office's zone (Novi Sad: Europe/Belgrade).
TZID = settings.TIME_ZONE
LOCAL_ZONE = zoneinfo.ZoneInfo(TZID)
# A subscribed calendar keeps a year of past events and everything ahead.
PAST_DAYS = 365
MAX_EVENTS = 500


def calendar_url(request) -> str:
    """The subscribable calendar of the current language, as an absolute https (or http) URL."""
    return request.build_absolute_uri(reverse("news:events_calendar"))


def vevent(event, request, host: str) -> Event:
    url = request.build_absolute_uri(event.get_url(request))
    item = Event()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    if event.last_published_at:
        item.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    item.add("dtstart", event.starts_at.astimezone(LOCAL_ZONE))
    item.add("dtend", event.ends_at.astimezone(LOCAL_ZONE))
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
