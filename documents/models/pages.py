from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models import SitePage

PER_PAGE = 20


class DocumentLibraryPage(SitePage):
    """The registry as a library: facets, sorting, pages of results and a search box."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def get_context(self, request, *args, **kwargs):
        from documents.library import LibraryQuery, build_facets, library_documents, name_documents

        context = super().get_context(request, *args, **kwargs)
        query = LibraryQuery.from_params(request.GET)
        documents = query.filter(library_documents())
        facets = build_facets(documents, query)
        page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
        name_documents(page.object_list, facets)
        context.update(
            query=query,
            results=page,
            facets=facets,
            export_csv=reverse("documents:export", kwargs={"fmt": "csv"}),
            export_json=reverse("documents:export", kwargs={"fmt": "json"}),
        )
        return context
