from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.pages import ListingPage
from home.models import SitePage


class FundingTransparencyPage(ListingPage, SitePage):
    """Where the public money went: awarded and paid by year, area and organisation; overdue reports; open data."""

    class Meta:
        verbose_name = _("funding transparency page")
        verbose_name_plural = _("funding transparency pages")

    def listing(self, request) -> dict:
        from calls.allocations import allocation_rows, funding_summary, overdue_reports, year_chart

        summary = funding_summary(allocation_rows(request))
        return {
            "summary": summary,
            "overdue_reports": overdue_reports(summary.rows),
            "chart": year_chart(summary.by_year),
            "export_csv": reverse("calls:allocations", kwargs={"fmt": "csv"}),
            "export_json": reverse("calls:allocations", kwargs={"fmt": "json"}),
        }
