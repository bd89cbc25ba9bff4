"""Reminders a set number of days before a followed consultation or call closes (`manage.py send_closing_reminders`).

Each subscriber chooses the number of days; for each number chosen, every public consultation or
call that closes within that many days becomes one alert item ("reminder:<page>:<days>"), recorded
once, so the hourly job can run any number of times. Reminders go out at once, weekly or not.
A page type with a deadline joins CLOSING_DATES (label: (kind, field)); funding opportunities remind
those who follow calls.
"""

import datetime
from functools import partial

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from . import audience
from .events import record
from .models import Kind

CLOSING_DATES = {
    "consultations.consultationpage": (Kind.CONSULTATION, "closes_at"),
    "calls.callpage": (Kind.CALL, "closes_at"),
    "calls.fundingopportunitypage": (Kind.FUNDING, "closes_at"),
}


def page_models():
    for label, (kind, field) in CLOSING_DATES.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if any(f.name == field for f in model._meta.get_fields()):
            yield model, kind, field


def closing_within(model, field: str, days: int, now):
    window = {f"{field}__gt": now, f"{field}__lte": now + datetime.timedelta(days=days)}
    return model.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE, **window)


def send_closing_reminders(now=None) -> tuple[int, int]:
    """Record the reminders now due; returns (items recorded, deliveries created)."""
    now = now or timezone.now()
    chosen_days = audience.confirmed().exclude(reminder_days=None).values_list("reminder_days", flat=True).distinct()
    items = deliveries = 0
    for days in sorted(set(chosen_days)):
        for model, kind, field in page_models():
            for page in closing_within(model, field, days, now):
                created = record(
                    Kind.REMINDER, f"reminder:{page.pk}:{days}", partial(audience.for_reminder, kind, days), page=page
                )
                items += 1 if created else 0
                deliveries += created
    return items, deliveries
