"""The home page's "upcoming events" and "latest news" sections; the news feeds and events calendar in <head>."""

from django.utils.translation import gettext_lazy as _

from home.feed_links import ATOM, ICALENDAR, RSS, add_feed_link
from home.sections import add_home_section

from .listing import latest_news, public, upcoming_events
from .models import EventIndexPage, NewsIndexPage

HOME_ITEMS = 3


def index_url(model):
    def url(request, locale):
        index = public(model.objects.live()).filter(locale=locale).first()
        return index.get_url(request) if index else None

    return url


add_home_section(
    "events",
    _("Upcoming events"),
    lambda request, locale: upcoming_events(locale, HOME_ITEMS),
    more_url=index_url(EventIndexPage),
)
add_home_section(
    "news", _("Latest news"), lambda request, locale: latest_news(locale, HOME_ITEMS), more_url=index_url(NewsIndexPage)
)

add_feed_link(_("News (RSS)"), RSS, "news:news_rss", (NewsIndexPage._meta.label_lower,))
add_feed_link(_("News (Atom)"), ATOM, "news:news_atom", (NewsIndexPage._meta.label_lower,))
add_feed_link(_("Events (iCalendar)"), ICALENDAR, "news:events_calendar", (EventIndexPage._meta.label_lower,))
