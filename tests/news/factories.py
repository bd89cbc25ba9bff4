"""Factories for news and events: indexes under the home page, items relative to now."""

import datetime

import factory

from django.utils import timezone

from news.models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.factories import IndexPageFactory, PublishedPageFactory, factory_for, publish

NewsIndexPageFactory = factory_for(
    NewsIndexPage, IndexPageFactory, title="Вести", intro="Вести Канцеларије за сарадњу са цивилним друштвом."
)
EventIndexPageFactory = factory_for(
    EventIndexPage, IndexPageFactory, title="Догађаји", intro="Округли столови, обуке и јавне расправе."
)


class NewsPageFactory(PublishedPageFactory):
    """A news item under `parent` (a news index), tagged with `topics`."""

    title = factory.Sequence(lambda n: f"Вест број {n}")
    lead = factory.Sequence(lambda n: f"Кратак увод у вест број {n}.")
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = NewsPage

    @classmethod
    def _build(cls, model_class, *args, topics=(), **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, topics=(), published=True, **kwargs):
        page = super()._create(model_class, *args, published=False, **kwargs)
        if topics:
            page.tags.add(*topics)
            page.save()
        return publish(page) if published else page


class EventPageFactory(PublishedPageFactory):
    """An event under `parent` (an event index) starting `starts_in` from now (negative for the
    past), lasting `duration`."""

    class Params:
        starts_in = datetime.timedelta(days=7)
        duration = datetime.timedelta(hours=2)

    title = factory.Sequence(lambda n: f"Догађај број {n}")
    lead = factory.Sequence(lambda n: f"Опис догађаја број {n}.")
    place = "Креативни дистрикт, Нови Сад"
    format = EventFormat.ROUND_TABLE
    starts_at = factory.LazyAttribute(lambda event: timezone.now().replace(microsecond=0) + event.starts_in)
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + event.duration)

    class Meta:
        model = EventPage
