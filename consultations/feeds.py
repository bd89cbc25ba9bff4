"""RSS and Atom feeds of public consultations, newest first, with absolute links."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.redaction import without_contacts
from home.feeds import TextAtomFeed, TextRssFeed
from home.models import OfficeSettings

from .models import ConsultationIndexPage, ConsultationPage

MAX_ITEMS = 50


def local_datetime(value) -> str:
    return date_format(timezone.localtime(value), "j. n. Y. H:i")


class ConsultationsFeed(Feed):
    """The object is the request: the feed's pages and links depend on its language and host."""

    feed_type = TextRssFeed

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        office = OfficeSettings.for_request(request).display_name
        return f"{_('Public consultations')} · {office}" if office else _("Public consultations")

    def description(self, request):
        return _("Draft regulations and strategies open for comments by civil society organisations.")

    subtitle = description

    def link(self, request):
        index = ConsultationIndexPage.objects.live().public().filter(locale__language_code=get_language()).first()
        return index.get_url(request) if index else "/"

    def items(self, request):
        consultations = list(
            ConsultationPage.objects.live()
            .public()
            .filter(locale__language_code=get_language())
            .order_by("-opens_at", "-pk")[:MAX_ITEMS]
        )
        for consultation in consultations:
            consultation.feed_url = consultation.get_url(request)
        return consultations

    def item_title(self, consultation):
        return consultation.title

    def item_description(self, consultation):
        period = _("Open for comments from %(opens)s until %(closes)s.") % {
            "opens": local_datetime(consultation.opens_at),
            "closes": local_datetime(consultation.closes_at),
        }
        return f"{without_contacts(consultation.summary)} {period}"

    def item_link(self, consultation):
        return consultation.feed_url

    def item_pubdate(self, consultation):
        return consultation.first_published_at or consultation.opens_at

    def item_updateddate(self, consultation):
        return consultation.last_published_at or consultation.first_published_at or consultation.opens_at


class ConsultationsAtomFeed(ConsultationsFeed):
    feed_type = TextAtomFeed
