from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models import SitePage


class FundingTransparencyPage(SitePage):
    """Every allocation of every call: totals by year, area and organisation, a chart, open data."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("funding transparency page")
        verbose_name_plural = _("funding transparency pages")

    def get_context(self, request, *args, **kwargs):
        from calls.allocations import allocation_rows, funding_summary, year_chart

        context = super().get_context(request, *args, **kwargs)
        summary = funding_summary(allocation_rows(request))
        context.update(
            summary=summary,
            chart=year_chart(summary.by_year),
            export_csv=reverse("calls:allocations", kwargs={"fmt": "csv"}),
            export_json=reverse("calls:allocations", kwargs={"fmt": "json"}),
        )
        return context
