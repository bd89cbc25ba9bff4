"""RSS 2.0 and Atom feeds of the news, one per language, with absolute links and the lead as description."""

import datetime
import uuid
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.context_processors import office
from home.feeds import TextAtomFeed, TextRssFeed
from home.i18n import in_current_language

from .listing import public
from .models import NewsIndexPage, NewsPage

FEED_ITEMS = 20


def feed_links(request) -> dict[str, str]:
    return {
        "rss": request.build_absolute_uri(reverse("news:news_rss")),
        "atom": request.build_absolute_uri(reverse("news:news_atom")),
    }


def stable_guid(page) -> str:
    """An entry's id: the same item keeps it through edits and renames; each language has its own."""
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(str(page.translation_key)), page.locale.language_code)}"


@dataclass(frozen=True)
class FeedSource:
    locale: Locale
    title: str
    link: str
    office_name: str

    @classmethod
    def for_request(cls, request) -> "FeedSource":
        locale = Locale.get_active()
        index = public(NewsIndexPage.objects.live()).filter(locale=locale).first()
        office_settings = office(request)["office"]
        office_name = office_settings.display_name if office_settings else ""
        title = index.title if index else _("News")
        return cls(
            locale=locale,
            title=f"{title} – {office_name}" if office_name else title,
            # Relative links are made absolute by the syndication framework, with the request's host.
            link=index.get_url(request) if index else reverse("news:news_rss"),
            office_name=office_name,
        )


class NewsRssFeed(Feed):
    feed_type = TextRssFeed
    item_guid_is_permalink = False

    def get_object(self, request, *args, **kwargs):
        return FeedSource.for_request(request)

    def title(self, source):
        return source.title

    def link(self, source):
        return source.link

    def description(self, source):
        return _("News of the office, newest first.")

    def author_name(self, source):
        return source.office_name or None

    def items(self, source):
        return (
            public(NewsPage.objects.live())
            .filter(locale=source.locale)
            .select_related("locale")
            .prefetch_related("tagged_items__tag")
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url()

    def item_guid(self, item):
        return stable_guid(item)

    def item_pubdate(self, item):
        # The news item's own date, at the time of day it was first published where that is known.
        first = item.first_published_at and timezone.localtime(item.first_published_at)
        at = (
            first.timetz()
            if first and first.date() == item.date
            else datetime.time(tzinfo=timezone.get_current_timezone())
        )
        return datetime.datetime.combine(item.date, at)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [in_current_language(tag.name) for tag in item.topics]


class NewsAtomFeed(NewsRssFeed):
    feed_type = TextAtomFeed

    def subtitle(self, source):
        return self.description(source)
