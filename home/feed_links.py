"""Feeds and calendars announced in a page's <head> (`<link rel="alternate">`), where feed readers and
calendar apps look for them.

Each app registers its feeds and calendars with `add_feed_link`, naming the listing pages
that announce them (model labels, so `home` imports no feature app); the home page announces
them all. The links are those of the page's language: the URL is reversed, and the title
translated, while the page renders in it.
"""

from dataclasses import dataclass

from django.urls import reverse

from wagtail import hooks

FEED_LINKS_HOOK = "register_feed_link"
HOME_PAGE_TYPE = "home.homepage"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICALENDAR = "text/calendar"


@dataclass(frozen=True)
class FeedLink:
    title: str  # lazily translated
    content_type: str
    url_name: str
    # Labels of the listing page types that announce it ("news.newsindexpage"), besides the home page.
    page_types: tuple[str, ...]


@dataclass(frozen=True)
class AnnouncedFeed:
    title: str
    content_type: str
    url: str


def add_feed_link(title, content_type: str, url_name: str, page_types: tuple[str, ...]) -> FeedLink:
    """Register a feed or calendar; called once at import time from a feature app's wagtail_hooks module."""
    link = FeedLink(title, content_type, url_name, page_types)
    hooks.register(FEED_LINKS_HOOK, lambda: link)
    return link


def feeds_announced_by(page_type: str, request) -> list[AnnouncedFeed]:
    """The feeds and calendars a page of `page_type` (a model label) announces, in the current language,
    as absolute URLs on the host the visitor used (a feed reader keeps the address it is given)."""
    links = [register() for register in hooks.get_hooks(FEED_LINKS_HOOK)]
    return [
        AnnouncedFeed(str(link.title), link.content_type, request.build_absolute_uri(reverse(link.url_name)))
        for link in links
        if page_type == HOME_PAGE_TYPE or page_type in link.page_types
    ]
