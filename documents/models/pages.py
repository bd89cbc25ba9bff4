from django.core.paginator import Paginator
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
        from documents.library import LibraryQuery, build_facets, library_documents, name_documents

        query = LibraryQuery.from_params(request.GET)
        documents = query.filter(library_documents())
        facets = build_facets(documents, query)
        page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
        name_documents(page.object_list, facets)
        return {
            "query": query,
            "results": page,
            "facets": facets,
            "export_csv": reverse("documents:export", kwargs={"fmt": "csv"}),
            "export_json": reverse("documents:export", kwargs={"fmt": "json"}),
        }
