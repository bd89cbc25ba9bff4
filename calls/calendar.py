"""Deadlines as iCalendar (RFC 5545): call closings and consultation closings.

Each deadline is a VEVENT starting at the closing time (UTC), with no end: a moment, not
a period. Its UID comes from the page's translation key, so the Cyrillic, Latin and
English feeds describe one event and a calendar app never shows it twice.
"""

import datetime

from icalendar import Calendar, Event

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from consultations.models import ConsultationPage
from core.redaction import without_contacts
from home.models import OfficeSettings

from .models import CallPage

PRODID = "-//Office for Cooperation with Civil Society//Deadlines//EN"
# A subscribed calendar keeps a year of past deadlines, plus everything still to come.
HISTORY = datetime.timedelta(days=366)
MAX_EVENTS = 300


def event_uid(page, kind: str, request) -> str:
    host = request.get_host().split(":")[0] or "localhost"
    return f"{page.translation_key}-{kind}@{host}"


def deadline_event(page, *, kind: str, summary: str, request) -> Event:
    event = Event()
    event.add("uid", event_uid(page, kind, request))
    event.add("dtstamp", page.last_published_at or page.first_published_at or timezone.now())
    event.add("dtstart", page.closes_at.astimezone(datetime.UTC))
    event.add("summary", summary)
    event.add("description", without_contacts(page.summary))
    event.add("url", request.build_absolute_uri(page.get_url(request)))
    event.add("transp", "TRANSPARENT")
    return event


def call_event(call, request) -> Event:
    summary = _("Deadline for applications: %(title)s") % {"title": call.title}
    return deadline_event(call, kind="call-closes", summary=summary, request=request)


def consultation_event(consultation, request) -> Event:
    return deadline_event(
        consultation,
        kind="consultation-closes",
        summary=_("Consultation closes: %(title)s") % {"title": consultation.title},
        request=request,
    )


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def deadlines_calendar(request) -> Calendar:
    office = OfficeSettings.for_request(request).display_name
    name = _("Deadlines") + (f" · {office}" if office else "")
    calendar = new_calendar(name)
    since = timezone.now() - HISTORY
    language = get_language()
    calls = (
        CallPage.objects.live()
        .public()
        .filter(locale__language_code=language, closes_at__gte=since)
        .order_by("closes_at", "pk")[:MAX_EVENTS]
    )
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale__language_code=language, closes_at__gte=since)
        .order_by("closes_at", "pk")[:MAX_EVENTS]
    )
    for call in calls:
        calendar.add_component(call_event(call, request))
    for consultation in consultations:
        calendar.add_component(consultation_event(consultation, request))
    return calendar


def call_calendar(call, request) -> Calendar:
    calendar = new_calendar(call.title)
    calendar.add_component(call_event(call, request))
    return calendar
