"""Views outside the page tree: open data on allocations, deadline calendars."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from core.calendar import calendar_response
from core.downloads import csv_response, json_response
from core.exports import json_number

from .allocations import EXPORT_FIELDS, allocation_rows
from .calendar import call_calendar, deadlines_calendar
from .models import CallPage


@require_GET
def allocations_export(request, fmt: str):
    """Every published award as open data: one row per award, registry facts only, no contacts."""
    if fmt not in ("csv", "json"):
        raise Http404
    rows = [row.as_export() for row in allocation_rows(request)]
    if fmt == "csv":
        return csv_response(rows, EXPORT_FIELDS, "allocations.csv")
    for row in rows:
        for name in ("amount_requested", "amount_awarded", "score"):
            row[name] = json_number(row[name])
    return json_response({"currency": "RSD", "fields": EXPORT_FIELDS, "allocations": rows}, "allocations.json")


@require_GET
def deadlines_ics(request):
    return calendar_response(deadlines_calendar(request), "deadlines.ics")


@require_GET
def call_ics(request, page_id: int):
    call = get_object_or_404(CallPage.objects.live().public(), pk=page_id)
    return calendar_response(call_calendar(call, request), f"{call.slug}.ics")
