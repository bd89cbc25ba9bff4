"""Deadlines as iCalendar: a call's closing, and the calendar of every deadline on the site.

The deadlines calendar gathers what the apps register with core.calendar's DEADLINES_HOOK
(calls here, consultations in their own app), so calls imports no other feature app.
"""

import datetime

from icalendar import Calendar

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from core.calendar import (
    DEADLINES_HOOK,
    closing_deadlines,
    deadline_event,
    new_calendar,
    registered_deadlines,
    uid_host,
)
from home.models import OfficeSettings

from .models import CallPage, FundingOpportunityPage

# A subscribed calendar keeps a year of past deadlines, plus everything still to come.
HISTORY = datetime.timedelta(days=366)
CALL_KIND = "call-closes"
OPPORTUNITY_KIND = "opportunity-closes"


def summary(call) -> str:
    return _("Deadline for applications: %(title)s") % {"title": call.title}


@hooks.register(DEADLINES_HOOK)
def call_deadlines(request, since):
    return closing_deadlines(CallPage.objects, request, since, kind=CALL_KIND, summary=summary)


def opportunity_summary(opportunity) -> str:
    return _("Deadline of a funding opportunity: %(title)s") % {"title": opportunity.title}


@hooks.register(DEADLINES_HOOK)
def opportunity_deadlines(request, since):
    """External programmes' deadlines (EU and other donors), beside the City's own calls."""
    return closing_deadlines(
        FundingOpportunityPage.objects, request, since, kind=OPPORTUNITY_KIND, summary=opportunity_summary
    )


def deadlines_calendar(request) -> Calendar:
    office = OfficeSettings.for_request(request).display_name
    calendar = new_calendar(_("Deadlines") + (f" · {office}" if office else ""))
    for event in registered_deadlines(request, timezone.now() - HISTORY):
        calendar.add_component(event)
    return calendar


def call_calendar(call, request) -> Calendar:
    calendar = new_calendar()
    calendar.add_component(
        deadline_event(call, kind=CALL_KIND, summary=summary(call), request=request, host=uid_host(request))
    )
    return calendar
