from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Site

from core.content_cache import cached
from core.snippets import register_listed_snippet
from home.feed_links import ATOM, ICALENDAR, RSS, add_feed_link
from home.sections import add_home_section

from .admin_views import AwardFollowUpViewSet, DirectFundingViewSet
from .models import CallIndexPage, CallPage, FundingArea

HOME_SECTION_SIZE = 4
MAX_CACHED = 50


register_listed_snippet(FundingArea, icon="tag", menu_label=_("Funding areas"), list_display=["name", "sort_order"])


@hooks.register("register_admin_viewset")
def register_funding_follow_up():
    return [AwardFollowUpViewSet("award_follow_up"), DirectFundingViewSet("direct_funding")]


def open_calls(request, locale):
    """The calls open now, soonest deadline first.

    Built from a list cached until the content changes, filtered by the clock here: a call
    opens and closes without anyone publishing anything, and the home page asks nothing of
    the database for it once the list is warm.
    """
    now = timezone.now()
    site = Site.find_for_request(request)

    def build():
        calls = CallPage.objects.live().public().not_closed().filter(locale=locale).order_by("closes_at", "pk")
        return [
            {"title": call.title, "url": call.get_url(request), "opens_at": call.opens_at, "closes_at": call.closes_at}
            for call in calls[:MAX_CACHED]
        ]

    entries = cached(f"home-open-calls:{site.pk if site else 0}:{locale.pk}", build)
    return [entry for entry in entries if entry["opens_at"] <= now < entry["closes_at"]][:HOME_SECTION_SIZE]


def calls_url(request, locale):
    site = Site.find_for_request(request)

    def build():
        index = CallIndexPage.objects.live().public().filter(locale=locale).first()
        return index.get_url(request) if index else None

    return cached(f"call-index-url:{site.pk if site else 0}:{locale.pk}", build)


add_home_section("calls", _("Open calls"), open_calls, more_url=calls_url)

CALL_INDEX = (CallIndexPage._meta.label_lower,)
add_feed_link(_("Public calls (RSS)"), RSS, "calls:calls_rss", CALL_INDEX)
add_feed_link(_("Public calls (Atom)"), ATOM, "calls:calls_atom", CALL_INDEX)
# The deadlines calendar holds the consultations' closings and external programmes' deadlines too
# (core.calendar's DEADLINES_HOOK, calls/calendar.py), so their listings announce it as well: named by
# its label, as calls imports no sibling app. One link, one title, wherever it is announced.
add_feed_link(
    _("Deadlines of calls, consultations and funding opportunities (iCalendar)"),
    ICALENDAR,
    "calls:deadlines_ics",
    (*CALL_INDEX, "consultations.consultationindexpage", "calls.fundingopportunityindexpage"),
)
