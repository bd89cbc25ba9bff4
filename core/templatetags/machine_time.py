"""Dates and times as machines read them, for `<time datetime="…">`.

Django's `date:'c'` writes microseconds when a value has them (timestamps taken with
`timezone.now()` do), and HTML allows at most three fractional digits: the Nu HTML
Checker rejects such a page. Seconds are precise enough for any date a visitor reads.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value) -> str:
    """A valid HTML date or global date-and-time string: local time with its offset, whole seconds."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
