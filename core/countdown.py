"""How long until a deadline, in words that stay true for as long as a cached page may live.

A page says "5 days left" or "for another 3 hours". Django's `timeuntil` says "5 days, 3 hours",
which changes every hour (and "3 hours, 20 minutes" every minute), while a cached page, in the
app or in Varnish, may live until the next clock change (core/page_cache/generation.py). Here the
words use one unit only (days, else hours, else minutes), and `next_change` gives the instant they
change, which the page cache adds to its clock changes: no cached page shows a stale countdown.
"""

import datetime

from django.utils.html import avoid_wrapping
from django.utils.timesince import TIME_STRINGS  # Django's translated "%(num)d day(s)" and so on

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
UNITS = (("day", DAY), ("hour", HOUR), ("minute", MINUTE))


def _unit(seconds: float) -> tuple[str, int]:
    for name, size in UNITS:
        if seconds >= size:
            return name, size
    return "minute", MINUTE


def remaining(deadline: datetime.datetime, now: datetime.datetime) -> str:
    """'5 days', '3 hours', '20 minutes' (at least one minute), translated by Django's own catalogue."""
    seconds = (deadline - now).total_seconds()
    name, size = _unit(seconds)
    return avoid_wrapping(TIME_STRINGS[name] % {"num": max(1, int(seconds // size))})


def next_change(deadline: datetime.datetime, now: datetime.datetime) -> datetime.datetime | None:
    """The first instant after `now` at which `remaining(deadline, …)` says something else (None once past)."""
    seconds = (deadline - now).total_seconds()
    if seconds <= 0:
        return None
    _name, size = _unit(seconds)
    # The number is floor(left / unit): it drops once less than `whole` units are left, just after this.
    whole = int(seconds // size)
    return deadline - datetime.timedelta(seconds=whole * size) + datetime.timedelta(microseconds=1)
