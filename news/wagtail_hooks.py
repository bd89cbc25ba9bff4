"""The home page's "upcoming events" and "latest news" sections."""

from django.utils.translation import gettext_lazy as _

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
