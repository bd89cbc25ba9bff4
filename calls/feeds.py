"""RSS and Atom feeds of the calls one can still apply to (announced and open), with absolute links."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.redaction import without_contacts
from home.feeds import PagesFeed, TextAtomFeed, local_datetime

from .listing import area_names
from .models import CallIndexPage, CallPage


class CallsFeed(PagesFeed):
    heading = gettext_lazy("Public calls")
    summary = gettext_lazy(
        "Calls for financing programmes and projects of civil society organisations, announced or open."
    )
    index_model = CallIndexPage
    page_model = CallPage

    def pages(self):
        return super().pages().not_closed().prefetch_related("areas")

    def item_description(self, call):
        if call.is_open():
            when = _("Applications are accepted until %(date)s.") % {"date": local_datetime(call.closes_at)}
        else:
            when = _("Applications are accepted from %(opens)s until %(closes)s.") % {
                "opens": local_datetime(call.opens_at),
                "closes": local_datetime(call.closes_at),
            }
        return f"{without_contacts(call.summary)} {when}"

    def item_categories(self, call):
        return area_names(call.areas.all())


class CallsAtomFeed(CallsFeed):
    feed_type = TextAtomFeed
