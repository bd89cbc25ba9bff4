"""News: short dated articles of the office, grouped by topic."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage

from .documents import public_documents

PER_PAGE = 12


def today():
    return timezone.localdate()


class NewsIndexPage(SitePage):
    """The office's news, newest first, with topic and year filters."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from news.feeds import feed_links
        from news.listing import NewsQuery, news_cards, news_facets, news_for_index, paginate

        context = super().get_context(request, *args, **kwargs)
        query = NewsQuery.from_params(request.GET)
        news = news_for_index(self)
        context.update(
            query=query,
            facets=news_facets(news, query),
            results=paginate(news_cards(query.filter(news)), request.GET.get("page"), PER_PAGE),
            feeds=feed_links(request),
        )
        return context


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
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
    related_documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("related documents"),
        help_text=_("Documents from the registry this news item is about."),
    )

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
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
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
