"""iCalendar downloads: the events calendar of a language, and a single event."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from core.calendar import calendar_response, new_calendar, uid_host

from .calendar import MAX_EVENTS, PAST_DAYS, TZID, calendar_name, vevent
from .listing import public
from .models import EventPage


@require_GET
def events_calendar(request):
    """Every event of the current language from a year ago on: the calendar people subscribe to."""
    locale = Locale.get_active()
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    events = (
        public(EventPage.objects.live())
        .filter(locale=locale, ends_at__gte=since)
        .select_related("locale")
        .order_by("starts_at", "pk")[:MAX_EVENTS]
    )
    calendar = new_calendar(calendar_name(request, locale), zone=TZID)
    host = uid_host(request)
    for event in events:
        calendar.add_component(vevent(event, request, host))
    return calendar_response(calendar, "events.ics")


@require_GET
def event_calendar(request, event_id: int):
    """One event as an .ics file to add to a calendar."""
    event = get_object_or_404(public(EventPage.objects.live()).select_related("locale"), pk=event_id)
    calendar = new_calendar()
    calendar.add_component(vevent(event, request, uid_host(request)))
    return calendar_response(calendar, f"{event.slug}.ics")
