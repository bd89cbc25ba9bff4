"""RSS and Atom feeds of public consultations, newest first, with absolute links."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.redaction import without_contacts
from home.feeds import PagesFeed, TextAtomFeed, local_datetime

from .models import ConsultationIndexPage, ConsultationPage


class ConsultationsFeed(PagesFeed):
    heading = gettext_lazy("Public consultations")
    summary = gettext_lazy("Draft regulations and strategies open for comments by civil society organisations.")
    index_model = ConsultationIndexPage
    page_model = ConsultationPage
    ordering = ("-opens_at", "-pk")

    def item_description(self, consultation):
        period = _("Open for comments from %(opens)s until %(closes)s.") % {
            "opens": local_datetime(consultation.opens_at),
            "closes": local_datetime(consultation.closes_at),
        }
        return f"{without_contacts(consultation.summary)} {period}"


class ConsultationsAtomFeed(ConsultationsFeed):
    feed_type = TextAtomFeed
