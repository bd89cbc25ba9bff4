"""Feed formats that carry an item's text as text, so no reader ever runs an editor's markup.

RSS readers take `<description>` as HTML and Atom readers do the same with
`<summary type="html">`: Django escapes the text once, for XML, and the reader un-escapes
it into markup, so a title like `<img onerror=…>` in a summary would become an element.
Here the RSS description is escaped once more (the reader shows the characters), and the
Atom summary is declared `type="text"`.

`PagesFeed` is what the apps' page feeds (calls, consultations) share, and `feed_paths` the
URLs every feed of the site is served at.
"""

from django.contrib.syndication.views import Feed
from django.urls import path
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import get_language

from .models import OfficeSettings


class TextRssFeed(Rss201rev2Feed):
    def add_item_elements(self, handler, item):
        description = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("description", escape(description))


class TextAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        description = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


def local_datetime(value) -> str:
    """A moment as the feeds write it in their text: Belgrade time, Serbian style."""
    return date_format(timezone.localtime(value), "j. n. Y. H:i")


def in_current_language(page_model):
    return page_model.objects.live().public().filter(locale__language_code=get_language())


class PagesFeed(Feed):
    """A feed of one kind of page in the request's language, newest first, with absolute links.

    The object is the request: the feed's pages and links depend on its language and host.
    A feed says its `heading` and `summary`, the `index_model` its link points at, and the
    `page_model` it carries in `ordering`; an item without publication dates falls back on `date_field`.
    """

    feed_type = TextRssFeed
    max_items = 50
    heading = ""
    summary = ""
    index_model = None
    page_model = None
    ordering = ("-first_published_at", "-pk")
    date_field = "opens_at"

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        office = OfficeSettings.for_request(request).display_name
        return f"{self.heading} · {office}" if office else str(self.heading)

    def description(self, request):
        return str(self.summary)

    subtitle = description

    def link(self, request):
        index = in_current_language(self.index_model).first()
        return index.get_url(request) if index else "/"

    def pages(self):
        """The pages the feed carries: live, public, in the current language, in `ordering`."""
        return in_current_language(self.page_model).order_by(*self.ordering)

    def items(self, request):
        pages = list(self.pages()[: self.max_items])
        for page in pages:
            page.feed_url = page.get_url(request)
        return pages

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.feed_url

    def item_pubdate(self, page):
        return page.first_published_at or getattr(page, self.date_field)

    def item_updateddate(self, page):
        return page.last_published_at or self.item_pubdate(page)


def feed_paths(name: str, rss_feed: type[Feed], atom_feed: type[Feed]) -> list:
    """The RSS and Atom URLs of a feed: `feeds/<name>/rss/` and `/atom/`, named `<name>_rss` and `<name>_atom`.

    Under `feeds/`, outside the page tree: a prefix no page slug takes.
    """
    return [
        path(f"feeds/{name}/rss/", rss_feed(), name=f"{name}_rss"),
        path(f"feeds/{name}/atom/", atom_feed(), name=f"{name}_atom"),
    ]
