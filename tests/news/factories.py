"""Factories for news and events: indexes under the home page, items relative to now."""

import datetime
import itertools

from django.utils import timezone

from news.models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.factories import publish

_numbers = itertools.count(1)


def make_news_index(home, *, published=True) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(title="Вести", intro="Вести Канцеларије за сарадњу са цивилним друштвом.")
        home.add_child(instance=index)
        if published:
            publish(index)
    return index.specific


def make_event_index(home, *, published=True) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(title="Догађаји", intro="Округли столови, обуке и јавне расправе.")
        home.add_child(instance=index)
        if published:
            publish(index)
    return index.specific


def make_news(index, *, published=True, topics=(), **fields) -> NewsPage:
    """A news item under `index`; `published=False` only saves it live (fast, no revision, no Latin twin)."""
    number = next(_numbers)
    page = NewsPage(
        title=fields.pop("title", f"Вест број {number}"),
        lead=fields.pop("lead", f"Кратак увод у вест број {number}."),
        date=fields.pop("date", timezone.localdate()),
        **fields,
    )
    index.add_child(instance=page)
    if topics:
        page.tags.add(*topics)
        page.save()
    return publish(page) if published else page


def make_event(
    index,
    *,
    starts_in=datetime.timedelta(days=7),
    duration=datetime.timedelta(hours=2),
    published=True,
    **fields,
) -> EventPage:
    """An event under `index` starting `starts_in` from now (negative for the past), lasting `duration`."""
    number = next(_numbers)
    starts_at = fields.pop("starts_at", timezone.now().replace(microsecond=0) + starts_in)
    page = EventPage(
        title=fields.pop("title", f"Догађај број {number}"),
        lead=fields.pop("lead", f"Опис догађаја број {number}."),
        place=fields.pop("place", "Креативни дистрикт, Нови Сад"),
        format=fields.pop("format", EventFormat.ROUND_TABLE),
        starts_at=starts_at,
        ends_at=fields.pop("ends_at", starts_at + duration),
        **fields,
    )
    index.add_child(instance=page)
    return publish(page) if published else page
