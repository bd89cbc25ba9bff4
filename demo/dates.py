"""The demo's dates: relative to today in Novi Sad, so the open call and consultation stay open."""

import datetime
import zoneinfo

from django.utils import timezone

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")


def belgrade_today() -> datetime.date:
    return timezone.now().astimezone(BELGRADE).date()


def belgrade_day(days: int, hour: int) -> datetime.datetime:
    """`days` from today in Novi Sad, at `hour` o'clock local time."""
    day = belgrade_today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BELGRADE)


def moment(spec: dict | datetime.datetime) -> datetime.datetime:
    """A data file's time in Novi Sad: fixed (`2025-02-03T09:00:00`, TOML has no zone names), relative to
    today (`{days = -5, hour = 9}`), or a moment just gone (`{hours_ago = 2}`)."""
    if isinstance(spec, datetime.datetime):
        return spec.replace(tzinfo=BELGRADE)
    if "hours_ago" in spec:
        return timezone.now() - datetime.timedelta(hours=spec["hours_ago"])
    return belgrade_day(spec["days"], spec["hour"])
