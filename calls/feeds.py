"""RSS and Atom feeds of the calls one can still apply to (announced and open), with absolute links."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.redaction import without_contacts
from home.feeds import TextAtomFeed, TextRssFeed
from home.models import OfficeSettings

from .listing import area_names
from .models import CallIndexPage, CallPage

MAX_ITEMS = 50


def local_datetime(value) -> str:
    return date_format(timezone.localtime(value), "j. n. Y. H:i")


class CallsFeed(Feed):
    """The object is the request: the feed's pages and links depend on its language and host."""

    feed_type = TextRssFeed

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        office = OfficeSettings.for_request(request).display_name
        return f"{_('Public calls')} · {office}" if office else _("Public calls")

    def description(self, request):
        return _("Calls for financing programmes and projects of civil society organisations, announced or open.")

    subtitle = description

    def link(self, request):
        index = CallIndexPage.objects.live().public().filter(locale__language_code=get_language()).first()
        return index.get_url(request) if index else "/"

    def items(self, request):
        calls = list(
            CallPage.objects.live()
            .public()
            .filter(locale__language_code=get_language())
            .not_closed()
            .prefetch_related("areas")
            .order_by("-first_published_at", "-pk")[:MAX_ITEMS]
        )
        for call in calls:
            call.feed_url = call.get_url(request)
        return calls

    def item_title(self, call):
        return call.title

    def item_description(self, call):
        if call.is_open():
            when = _("Applications are accepted until %(date)s.") % {"date": local_datetime(call.closes_at)}
        else:
            when = _("Applications are accepted from %(opens)s until %(closes)s.") % {
                "opens": local_datetime(call.opens_at),
                "closes": local_datetime(call.closes_at),
            }
        return f"{without_contacts(call.summary)} {when}"

    def item_link(self, call):
        return call.feed_url

    def item_pubdate(self, call):
        return call.first_published_at or call.opens_at

    def item_updateddate(self, call):
        return call.last_published_at or call.first_published_at or call.opens_at

    def item_categories(self, call):
        return area_names(call.areas.all())


class CallsAtomFeed(CallsFeed):
    feed_type = TextAtomFeed
