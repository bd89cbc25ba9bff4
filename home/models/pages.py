from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.search_fields import searchable
from home.blocks import BodyBlock
from home.sections import rendered_sections

from .mixins import SitePage


class TextPage(SitePage):
    """A page with an introduction and a body of blocks."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = SitePage.search_fields + searchable("intro", "body")

    class Meta:
        abstract = True

    def more_context(self, request) -> dict:
        """What the page's template needs beyond the page itself."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.more_context(request))
        return context


class HomePage(TextPage):
    """The root of each language's tree: the office, then whatever is current."""

    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        blank=True,
        help_text=_("One or two sentences under the office's name."),
    )

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section's page type names HomePage as its parent, so home
    # needs no knowledge of the feature apps.

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def more_context(self, request) -> dict:
        return {"sections_html": rendered_sections(request, self.locale)}


class StandardPage(TextPage):
    """A page of text: about the office, its scope of work, its history."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def more_context(self, request) -> dict:
        return {"subpages": self.get_children().live().public().select_related("locale")}
