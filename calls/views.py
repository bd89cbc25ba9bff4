"""Views outside the page tree: open data on allocations, deadline calendars."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.calendar import calendar_response
from core.downloads import as_download, csv_response, json_response
from core.exports import json_number

from .allocations import EXPORT_FIELDS, allocation_rows
from .calendar import call_calendar, deadlines_calendar
from .funding_report import CSV_FIELDS, csv_rows, docx_bytes, report_filename, year_report
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
        for name in ("amount_requested", "amount_awarded", "amount_paid", "score"):
            row[name] = json_number(row[name])
    return json_response({"currency": "RSD", "fields": EXPORT_FIELDS, "allocations": rows}, "allocations.json")


@require_GET
def deadlines_ics(request):
    return calendar_response(deadlines_calendar(request), "deadlines.ics")


@require_GET
def call_ics(request, page_id: int):
    call = get_object_or_404(CallPage.objects.live().public(), pk=page_id)
    return calendar_response(call_calendar(call, request), f"{call.slug}.ics")


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Years a report can be asked for: the office was founded in 2021; a wider range costs nothing.
FIRST_YEAR, LAST_YEAR = 2000, 2100


@require_GET
def funding_report(request, year: int, fmt: str = "html"):
    """The yearly consolidated report of money given to organisations, as a page, a CSV or a DOCX."""
    if not FIRST_YEAR <= year <= LAST_YEAR or fmt not in ("html", "csv", "docx"):
        raise Http404
    report = year_report(request, year)
    if fmt == "csv":
        return csv_response(csv_rows(report), CSV_FIELDS, report_filename(year, "csv"))
    if fmt == "docx":
        response = HttpResponse(docx_bytes(report), content_type=DOCX_CONTENT_TYPE)
        return as_download(response, report_filename(year, "docx"))
    return render(request, "calls/funding_report.html", {"report": report, "summary": report.summary})
