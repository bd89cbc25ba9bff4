"""The listing page: one index of one kind of content (calls, news, documents...), under the home page.

Every index page of the portal has the same editable part (a title and a short introduction),
sits once under the home page and fills its context with what it lists for the request. That
shared part is declared here once; each index only says what it lists (`listing`) and what it
may hold (`subpage_types`).

The base derives from Wagtail's `Page` only, so that `core` imports no feature app: an index
page combines it with the portal's `SitePage` (Latin slugs, the admin form),
`class NewsIndexPage(ListingPage, SitePage)`. Both bases are abstract, so the tables do not
change: `intro` stays a column of each index page's own table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .search_fields import searchable

# The page type every index hangs under: a model label, not an import, so core stays at the root.
HOME_PAGE_TYPE = "home.HomePage"


class ListingPage(Page):
    """An index page: title, introduction, once under the home page, and a listing per request."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)

    parent_page_types = [HOME_PAGE_TYPE]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + searchable("intro")

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context

    def listing(self, request) -> dict:
        """What the page lists for this request (filters, results, links), added to its context."""
        return {}
