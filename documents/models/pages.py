from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.pages import ListingPage
from home.models import SitePage

PER_PAGE = 20


class DocumentLibraryPage(ListingPage, SitePage):
    """The registry as a library: facets, sorting, pages of results and a search box."""

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def listing(self, request) -> dict:
        from documents.library import library_listing

        query, page, facets = library_listing(request.GET, PER_PAGE)
        return {
            "query": query,
            "results": page,
            "facets": facets,
            "export_csv": reverse("documents:export", kwargs={"fmt": "csv"}),
            "export_json": reverse("documents:export", kwargs={"fmt": "json"}),
        }
