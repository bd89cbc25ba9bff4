"""News: short dated articles of the office, grouped by topic."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.fields import document_list, optional_link
from core.pages import ListingPage
from core.search_fields import filterable, searchable
from home.blocks import BodyBlock
from home.models import SitePage

from .documents import public_documents

PER_PAGE = 12


def today():
    return timezone.localdate()


class NewsIndexPage(ListingPage, SitePage):
    """The office's news, newest first, with topic and year filters."""

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def listing(self, request) -> dict:
        from news.feeds import feed_links
        from news.listing import NewsQuery, news_cards, news_facets, news_for_index, paginate

        query = NewsQuery.from_params(request.GET)
        news = news_for_index(self)
        return {
            "query": query,
            "facets": news_facets(news, query),
            "results": paginate(news_cards(query.filter(news)), request.GET.get("page"), PER_PAGE),
            "feeds": feed_links(request),
        }


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(SitePage):
    """One news item: date, lead, text, an optional lead image, topics and related registry documents."""

    # What the public search sorts and groups this page by (year facet, newest first).
    search_date_field = "date"

    date = models.DateField(_("date"), default=today)
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences: shown in listings, feeds and search results.")
    )
    lead_image = optional_link("wagtailimages.Image", _("lead image"))
    lead_image_alt = models.CharField(
        _("alternative text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("topics"), help_text=_("Topics in Cyrillic, e.g. конкурс")
    )
    related_documents = document_list(_("related documents"), _("Documents from the registry this news item is about."))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = SitePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], _("Lead image")),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_documents"),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("lead", "body"),
        *filterable("date"),
        index.RelatedFields("tags", searchable("name")),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError({"lead_image_alt": _("Describe the lead image for people who cannot see it.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            related_documents=public_documents(self.related_documents),
            topics=self.topics,
            index_url=self.get_parent().get_url(request),
        )
        return context

    @property
    def topics(self) -> list:
        """The topics' tags, from the prefetched through rows where a listing fetched them."""
        return [tagged.tag for tagged in self.tagged_items.all()]
