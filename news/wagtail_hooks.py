"""The home page's "upcoming events" and "latest news" sections."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.sections import HomeSection

from .listing import latest_news, public, upcoming_events
from .models import EventIndexPage, NewsIndexPage

HOME_ITEMS = 3


def index_url(model):
    def url(request, locale):
        index = public(model.objects.live()).filter(locale=locale).first()
        return index.get_url(request) if index else None

    return url


@hooks.register("register_home_section")
def upcoming_events_section():
    return HomeSection(
        key="events",
        title=_("Upcoming events"),
        template="home/sections/events.html",
        get_items=lambda request, locale: upcoming_events(locale, HOME_ITEMS),
        more_url=index_url(EventIndexPage),
    )


@hooks.register("register_home_section")
def latest_news_section():
    return HomeSection(
        key="news",
        title=_("Latest news"),
        template="home/sections/news.html",
        get_items=lambda request, locale: latest_news(locale, HOME_ITEMS),
        more_url=index_url(NewsIndexPage),
    )
