"""Funding opportunities: programmes of other donors (EU, foundations, ministries) that organisations may apply to.

The office only describes and links them; nothing is fetched from the donor. Their deadlines
go into the deadlines calendar (calls/calendar.py) and the alerts.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PageManager, PageQuerySet

from core.pages import ListingPage
from core.redaction import no_contact_data
from core.search_fields import filterable, searchable
from home.models import SitePage

# The most opportunities one listing shows of each kind (open, past).
MAX_LISTED = 100


class FundingOpportunityQuerySet(PageQuerySet):
    def still_open(self, now=None):
        return self.filter(closes_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(closes_at__lt=now or timezone.now())


class FundingOpportunityIndexPage(ListingPage, SitePage):
    """Programmes of other donors: the open ones, soonest deadline first, then the past ones."""

    subpage_types = ["calls.FundingOpportunityPage"]

    class Meta:
        verbose_name = _("funding opportunities index")
        verbose_name_plural = _("funding opportunities indexes")

    def listing(self, request) -> dict:
        now = timezone.now()
        opportunities = FundingOpportunityPage.objects.child_of(self).live().public()
        return {
            "open_opportunities": list(opportunities.still_open(now).order_by("closes_at", "pk")[:MAX_LISTED]),
            "past_opportunities": list(opportunities.past(now).order_by("-closes_at", "pk")[:MAX_LISTED]),
        }


class FundingOpportunityPage(SitePage):
    """One external programme: who funds it, who may apply, until when, and where to read more."""

    search_date_field = "closes_at"
    page_cache_clock_fields = ("closes_at",)

    donor = models.CharField(_("donor"), max_length=250, help_text=_("E.g. the European Commission."))
    programme = models.CharField(
        _("programme"), max_length=250, help_text=_("E.g. Citizens, Equality, Rights and Values (CERV).")
    )
    summary = models.TextField(_("summary"), max_length=2000, validators=[no_contact_data])
    eligible_applicants = models.TextField(_("who may apply"), max_length=1000, validators=[no_contact_data])
    # Named like the calls' and consultations' deadline, so the shared deadline calendar reads it.
    closes_at = models.DateTimeField(
        _("deadline"), help_text=_("The donor's deadline for applications, Belgrade time.")
    )
    programme_url = models.URLField(
        _("link to the programme"), max_length=500, help_text=_("The donor's page; the site only links to it.")
    )

    objects = PageManager.from_queryset(FundingOpportunityQuerySet)()

    parent_page_types = ["calls.FundingOpportunityIndexPage"]
    subpage_types = []

    content_panels = SitePage.content_panels + [
        MultiFieldPanel([FieldPanel("donor"), FieldPanel("programme"), FieldPanel("programme_url")], _("Programme")),
        FieldPanel("summary"),
        FieldPanel("eligible_applicants"),
        FieldPanel("closes_at"),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("donor", "programme", "summary", "eligible_applicants"),
        *filterable("closes_at"),
    ]

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")

    @property
    def deadline(self):
        return self.closes_at

    def is_open(self, now=None) -> bool:
        return self.closes_at >= (now or timezone.now())
