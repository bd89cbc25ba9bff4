"""Views outside the page tree: open data on allocations, deadline calendars."""

import csv
import json
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from core.exports import neutralise_formula

from .allocations import EXPORT_FIELDS, allocation_rows
from .calendar import calendar_response, call_calendar, deadlines_calendar
from .models import CallPage


class EchoBuffer:
    """csv.writer writes a row to this and gets the line back."""

    def write(self, value):
        return value


def json_number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def csv_cell(value) -> str:
    if value is None:
        return ""
    return neutralise_formula(value) if isinstance(value, str) else str(value)


@require_GET
def allocations_export(request, fmt: str):
    """Every published award as open data: one row per award, registry facts only, no contacts."""
    if fmt not in ("csv", "json"):
        raise Http404
    rows = [row.as_export() for row in allocation_rows(request)]
    if fmt == "json":
        for row in rows:
            for name in ("amount_requested", "amount_awarded", "score"):
                row[name] = json_number(row[name])
        body = json.dumps({"currency": "RSD", "fields": EXPORT_FIELDS, "allocations": rows}, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        writer = csv.DictWriter(EchoBuffer(), fieldnames=EXPORT_FIELDS)
        # The byte-order mark lets spreadsheet programs read Cyrillic correctly.
        lines = ["\ufeff" + writer.writeheader()]
        lines += [writer.writerow({name: csv_cell(value) for name, value in row.items()}) for row in rows]
        response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="allocations.{fmt}"'
    return response


@require_GET
def deadlines_ics(request):
    return calendar_response(deadlines_calendar(request), "deadlines.ics")


@require_GET
def call_ics(request, page_id: int):
    call = get_object_or_404(CallPage.objects.live().public(), pk=page_id)
    return calendar_response(call_calendar(call, request), f"{call.slug}.ics")
